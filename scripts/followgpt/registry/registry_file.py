"""One registry file: its kind, parsed document, and how to turn a value path into an Issue."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .issues import Issue, format_path
from .yaml_document import YamlDocument

# Where each kind of file keeps its list of records.
RECORD_LISTS = {"organizations": (), "sources": ("sources",), "models": ("models",), "glossary": ("terms",),
                "licenses": ("licenses",)}
RECORD_NOUNS = {"organizations": "organizations", "sources": "sources", "models": "models", "glossary": "terms",
                "licenses": "licenses"}


@dataclass
class RegistryFile:
    kind: str                       # organizations | sources | models | glossary | licenses
    path: Path                      # absolute path
    display: str                    # path shown in issues, relative to the repository
    document: YamlDocument | None   # None when the file could not be parsed

    @property
    def stem(self) -> str:
        return self.path.stem

    def records(self) -> Iterator[tuple[tuple, dict]]:
        """(path, record) for every record that is a mapping."""
        items = self.document.data if self.document else None
        for key in RECORD_LISTS[self.kind]:
            items = items.get(key) if isinstance(items, dict) else None
        if not isinstance(items, list):
            return
        prefix = RECORD_LISTS[self.kind]
        for index, record in enumerate(items):
            if isinstance(record, dict):
                yield prefix + (index,), record

    def issue(self, path: tuple, message: str, at_key: bool = False, line: int | None = None) -> Issue:
        path = tuple(path)
        if line is None:
            line = self.document.line_of(path, at_key=at_key) if self.document else 1
        record, field = self._locate(path)
        return Issue(self.display, line, record, field or None, message)

    def _locate(self, path: tuple) -> tuple[str | None, str]:
        prefix = RECORD_LISTS[self.kind]
        depth = len(prefix)
        if len(path) > depth and path[:depth] == prefix and isinstance(path[depth], int):
            return self.record_label(path[: depth + 1]), format_path(path[depth + 1:])
        return None, format_path(path)

    def record_label(self, record_path: tuple) -> str:
        record = self.value_at(record_path)
        if isinstance(record, dict) and isinstance(record.get("id"), str) and record["id"].strip():
            return record["id"]
        return f"{RECORD_NOUNS[self.kind]}[{record_path[-1]}]"

    def value_at(self, path: tuple):
        value = self.document.data if self.document else None
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value
