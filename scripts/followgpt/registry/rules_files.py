"""File-level rules: schema header line, duplicate keys, file names; sources name an author or publisher."""

from __future__ import annotations

import re
from typing import Iterator

from .catalogue import Catalogue
from .issues import Issue
from .registry_file import RegistryFile
from .schemas import schema_file_name
from .vocabulary import ID_PATTERN, PATTERN_MEANINGS


def expected_header(file: RegistryFile) -> str:
    prefix = "../" if file.kind in ("sources", "models") else ""
    return f"# yaml-language-server: $schema={prefix}schema/{schema_file_name(file.kind)}"


def check_file(file: RegistryFile) -> Iterator[Issue]:
    """Rules that need only the file itself."""
    header = expected_header(file)
    if file.document.first_line.strip() != header:
        yield Issue(file.display, 1, None, None, f"expected the first line to be {header!r} so editors check "
                    f"the file against its schema; got {file.document.first_line.strip()!r}")
    for duplicate in file.document.duplicate_keys:
        yield file.issue(duplicate.path, f"duplicate key {duplicate.path[-1]!r} (first at line "
                         f"{duplicate.first_line}); expected each key once in a mapping", line=duplicate.line)
    if file.kind in ("sources", "models") and not re.match(ID_PATTERN, file.stem):
        noun = "topic" if file.kind == "sources" else "family"
        yield Issue(file.display, 1, None, None, f"the file name is the {noun} id; expected "
                    f"{PATTERN_MEANINGS[ID_PATTERN]}, got {file.stem!r}")


def check_source_authorship(catalogue: Catalogue) -> Iterator[Issue]:
    for entry in catalogue.entries("sources"):
        if "authors" not in entry.record and "publisher" not in entry.record:
            yield entry.file.issue(entry.path, "missing authors and publisher; expected `authors:`, "
                                   "`publisher:` or both", at_key=False)
