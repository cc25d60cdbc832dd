"""Read a YAML file into plain data while remembering the line of every value.

libyaml (PyYAML's C parser) reads the file when it is installed, eight times faster than the pure-Python
parser with the same nodes, values and lines; a file it rejects is read again by the pure-Python parser so the
error message and its line are always the same. The parser keeps YAML 1.2 habits that suit the registry: dates stay strings (``2020-05-28`` is text,
checked by the validator), only ``true``/``false`` are booleans (``no`` is the string "no", not False),
and ``1.75e11`` is a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ValuePath = tuple  # a value path: keys and list indexes from the document root

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOL = "tag:yaml.org,2002:bool"
_FLOAT = "tag:yaml.org,2002:float"


class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_TIMESTAMP, _BOOL)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"), list("-+0123456789"))

if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):
        pass

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers  # the same typing rules
else:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = None


class YamlSyntaxError(Exception):
    """The file is not well-formed YAML (or not UTF-8)."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class DuplicateKey:
    path: ValuePath
    line: int
    first_line: int


@dataclass
class YamlDocument:
    path: Path
    data: Any
    first_line: str
    value_lines: dict = field(default_factory=dict)   # path -> line where the value starts
    key_lines: dict = field(default_factory=dict)     # path -> line of the mapping key naming the value
    raw: dict = field(default_factory=dict)           # path -> scalar text as written
    duplicate_keys: list = field(default_factory=list)

    def line_of(self, path: ValuePath, at_key: bool = False) -> int:
        """The line of the value at ``path`` (or of its key), falling back to the nearest parent."""
        path = tuple(path)
        while path:
            if at_key and path in self.key_lines:
                return self.key_lines[path]
            if path in self.value_lines:
                return self.value_lines[path]
            path = path[:-1]
        return self.value_lines.get((), 1)

    def raw_text(self, path: ValuePath) -> str | None:
        return self.raw.get(tuple(path))


def read_yaml(path: Path) -> YamlDocument:
    """Parse ``path``; raise YamlSyntaxError with the line of the problem."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = Path(path).read_bytes()[: error.start].count(b"\n") + 1
        raise YamlSyntaxError(line, "the file is not UTF-8 text") from None
    node, data = None, None
    if _FastLoader is not None:
        try:
            node, data = _compose_and_construct(_FastLoader, text)
        except yaml.YAMLError:
            node = None  # read it again below, for the pure-Python parser's message and line
    if node is None:
        try:
            node, data = _compose_and_construct(_Loader, text)
        except yaml.MarkedYAMLError as error:
            raise YamlSyntaxError(*_describe_yaml_error(error)) from None
        except yaml.YAMLError as error:
            raise YamlSyntaxError(1, f"malformed YAML: {error}") from None
    document = YamlDocument(path=Path(path), data=data, first_line=text.split("\n", 1)[0])
    if node is not None:
        _record_positions(node, (), document)
    return document


def _compose_and_construct(loader_class, text: str):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _describe_yaml_error(error: yaml.MarkedYAMLError) -> tuple[int, str]:
    mark = error.problem_mark or error.context_mark
    if error.context_mark and "end of stream" in (error.problem or ""):  # e.g. an unclosed quote: where it opened
        mark = error.context_mark
    line = mark.line + 1 if mark else 1
    parts = []
    if error.context:
        context_line = error.context_mark.line + 1 if error.context_mark else line
        parts.append(error.context + (f" (line {context_line})" if context_line != line else ""))
    if error.problem:
        parts.append(error.problem)
    return line, ("malformed YAML: " + "; ".join(parts)
                  + "; expected well-formed YAML (check indentation, quotes and colons)")


def _record_positions(node: yaml.Node, path: ValuePath, document: YamlDocument, seen: set | None = None) -> None:
    seen = set() if seen is None else seen
    document.value_lines[path] = node.start_mark.line + 1
    if id(node) in seen:  # an alias to an anchored node: do not walk it twice
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first_lines: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            child = path + (key,)
            line = key_node.start_mark.line + 1
            if key in first_lines:  # PyYAML keeps the last value: point at it, and report the repeat
                document.duplicate_keys.append(DuplicateKey(child, line, first_lines[key]))
            else:
                first_lines[key] = line
            document.key_lines[child] = line
            _record_positions(value_node, child, document, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_positions(item, path + (index,), document, seen)
    else:
        document.raw[path] = node.value
