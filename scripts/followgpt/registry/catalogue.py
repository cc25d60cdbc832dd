"""All parsed registry files of one run, with id look-ups used by the cross-record rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from .registry_file import RegistryFile


@dataclass
class Entry:
    file: RegistryFile
    path: tuple       # path of the record inside its file
    record: dict
    id: str


@dataclass
class Catalogue:
    files: list[RegistryFile] = field(default_factory=list)
    unparsed_kinds: set = field(default_factory=set)  # kinds with a file that is not well-formed YAML

    def files_of(self, kind: str) -> list[RegistryFile]:
        return [file for file in self.files if file.kind == kind and file.document is not None]

    def entries(self, kind: str) -> Iterator[Entry]:
        """Every record of ``kind`` that has a text id, in file order (duplicates included)."""
        for file in self.files_of(kind):
            for path, record in file.records():
                if isinstance(record.get("id"), str) and record["id"]:
                    yield Entry(file, path, record, record["id"])

    def index(self, kind: str) -> dict[str, Entry]:
        """id -> first record with that id."""
        found: dict[str, Entry] = {}
        for entry in self.entries(kind):
            found.setdefault(entry.id, entry)
        return found

    def is_complete(self, kind: str) -> bool:
        """False when a file of this kind could not be parsed (its ids are then unknown)."""
        return kind not in self.unparsed_kinds
