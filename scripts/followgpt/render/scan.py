"""Finding markers and footnote labels in page Markdown, skipping code.

Fenced code blocks (``` or ~~~, any indentation, as pymdownx.superfences allows inside admonitions and lists)
and inline code spans are left alone, so the docs can show markers and footnotes literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
MARKER = re.compile(r"<!--\s*followgpt:(?P<name>[^\s>]*)(?P<body>.*?)-->")
MARKER_START = re.compile(r"<!--\s*followgpt:")
FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^(?P<label>[^\]\s]+)\]:")
FOOTNOTE_REFERENCE = re.compile(r"\[\^(?P<label>[^\]\s]+)\]")
_OPTION = re.compile(r'\s*(?:(?P<key>[A-Za-z_][\w-]*)=(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s"]*))|"(?P<qpos>[^"]*)"|(?P<pos>\S+))')


def code_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (fence lines included)."""
    inside: list[bool] = []
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group(1)
                inside.append(True)
                continue
            inside.append(False)
        else:
            inside.append(True)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not line.strip()[len(match.group(1)):].strip():
                fence = None
    return inside


def blank_code_spans(line: str) -> str:
    """The line with inline code spans replaced by spaces (same length, so offsets still match)."""
    return _CODE_SPAN.sub(lambda match: " " * len(match.group(0)), line)


@dataclass
class Marker:
    name: str
    line: int                    # 1-based line in the page
    start: int                   # column span of the marker in that line
    end: int
    positional: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    alone: bool = True           # the marker is the only thing on its line
    indent: str = ""
    syntax_errors: list[str] = field(default_factory=list)


def parse_marker_body(body: str) -> tuple[list[str], dict[str, str], list[str]]:
    positional: list[str] = []
    options: dict[str, str] = {}
    errors: list[str] = []
    position = 0
    body = body.strip()
    while position < len(body):
        match = _OPTION.match(body, position)
        if not match or match.end() == position:
            errors.append(f"cannot parse marker options at {body[position:]!r}")
            break
        position = match.end()
        if match.group("key"):
            key = match.group("key")
            value = match.group("quoted") if match.group("quoted") is not None else match.group("bare")
            if key in options:
                errors.append(f"option '{key}' given twice")
            options[key] = value
        else:
            positional.append(match.group("qpos") if match.group("qpos") is not None else match.group("pos"))
    return positional, options, errors


def find_markers(markdown: str) -> tuple[list[Marker], list[tuple[int, str]]]:
    """All markers outside code, and (line, message) problems for unterminated ones."""
    lines = markdown.split("\n")
    markers: list[Marker] = []
    problems: list[tuple[int, str]] = []
    for index, (line, in_code) in enumerate(zip(lines, code_lines(lines))):
        if in_code:
            continue
        searchable = blank_code_spans(line)
        found = list(MARKER.finditer(searchable))
        if len(MARKER_START.findall(searchable)) > len(found):
            problems.append((index + 1, "marker not closed with '-->' on the same line"))
        for match in found:
            positional, options, errors = parse_marker_body(match.group("body"))
            markers.append(Marker(
                name=match.group("name"), line=index + 1, start=match.start(), end=match.end(),
                positional=positional, options=options, syntax_errors=errors,
                alone=not (searchable[: match.start()].strip() or searchable[match.end():].strip()),
                indent=line[: len(line) - len(line.lstrip())],
            ))
    return markers, problems


def footnote_labels(markdown: str) -> tuple[list[tuple[int, str]], set[str]]:
    """(line, label) for every footnote reference outside code, in order, and the set of defined labels."""
    lines = markdown.split("\n")
    references: list[tuple[int, str]] = []
    defined: set[str] = set()
    for index, (line, in_code) in enumerate(zip(lines, code_lines(lines))):
        if in_code or "[^" not in line:   # most lines of an expanded page (figures, tables) cite nothing
            continue
        searchable = blank_code_spans(line)
        definition = FOOTNOTE_DEFINITION.match(searchable)
        skip_until = 0
        if definition:
            defined.add(definition.group("label"))
            skip_until = definition.end()
        for match in FOOTNOTE_REFERENCE.finditer(searchable):
            if match.start() >= skip_until:
                references.append((index + 1, match.group("label")))
    return references, defined
