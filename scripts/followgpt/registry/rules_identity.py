"""Ids unique per kind (across files); names and aliases unique across records (case-insensitive)."""

from __future__ import annotations

from typing import Iterator

from .catalogue import Catalogue, Entry
from .issues import Issue

KINDS = ("organizations", "sources", "models", "glossary", "licenses")


def check_unique_ids(catalogue: Catalogue) -> Iterator[Issue]:
    for kind in KINDS:
        first: dict[str, Entry] = {}
        for entry in catalogue.entries(kind):
            if entry.id in first:
                other = first[entry.id]
                yield entry.file.issue(entry.path + ("id",), f"duplicate id {entry.id!r}; expected ids unique "
                                       f"across all {kind} files, already used at {_where(other, ('id',))}")
            else:
                first[entry.id] = entry


def _names(kind: str, record: dict) -> Iterator[tuple[tuple, str]]:
    """(field path, text) of every name a record can be found by."""
    yield ("id",), record["id"]
    if kind in ("models", "organizations"):
        name = record.get("name")
        for lang in ("zh", "en"):
            if isinstance(name, dict) and isinstance(name.get(lang), str):
                yield ("name", lang), name[lang]
    if kind == "models" and isinstance(record.get("aliases"), list):
        for index, alias in enumerate(record["aliases"]):
            if isinstance(alias, str):
                yield ("aliases", index), alias
    if kind == "models" and isinstance(record.get("snapshots"), list):
        for index, snapshot in enumerate(record["snapshots"]):
            if isinstance(snapshot, dict) and isinstance(snapshot.get("id"), str):
                yield ("snapshots", index, "id"), snapshot["id"]
    if kind == "glossary":
        for lang in ("zh", "en"):
            if isinstance(record.get(lang), str):
                yield (lang,), record[lang]
        aliases = record.get("aliases")
        for lang in ("zh", "en"):
            items = aliases.get(lang) if isinstance(aliases, dict) else None
            for index, alias in enumerate(items if isinstance(items, list) else []):
                if isinstance(alias, str):
                    yield ("aliases", lang, index), alias


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def check_unique_names(catalogue: Catalogue) -> Iterator[Issue]:
    for kind in ("organizations", "models", "glossary"):
        owners: dict[str, tuple[Entry, tuple]] = {}
        for entry in catalogue.entries(kind):
            reported = set()
            for sub, text in _names(kind, entry.record):
                key = _key(text)
                if not key:
                    continue
                if key not in owners:
                    owners[key] = (entry, sub)
                    continue
                other, other_sub = owners[key]
                if other.id == entry.id or (key, other.id) in reported:
                    continue
                reported.add((key, other.id))
                if sub == other_sub == ("id",):  # duplicate ids are reported by check_unique_ids
                    continue
                what, other_what = _what(sub), _what(other_sub)
                yield entry.file.issue(entry.path + sub, f"{what} {text!r} is already the {other_what} of "
                                       f"{other.id} ({_where(other, other_sub)}); expected names and aliases "
                                       "and snapshot ids unique across records (case-insensitive)")


def _what(sub: tuple) -> str:
    return {"id": "id", "aliases": "alias", "snapshots": "snapshot id"}.get(sub[0], "name")


def _where(entry: Entry, sub: tuple) -> str:
    return f"{entry.file.display}:{entry.file.document.line_of(entry.path + sub)}"
