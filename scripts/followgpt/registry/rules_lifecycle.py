"""Snapshots and lifecycle events: snapshot ids once per record, events that say what they need and come in order."""

from __future__ import annotations

from typing import Iterator

from .catalogue import Catalogue, Entry
from .dates import as_date_text, is_after
from .issues import Issue


def _items(entry: Entry, key: str) -> Iterator[tuple[int, dict]]:
    items = entry.record.get(key)
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            yield index, item


def check_snapshots(catalogue: Catalogue) -> Iterator[Issue]:
    """A snapshot id once per record (across records, rules_identity compares them with ids and aliases)."""
    for entry in catalogue.entries("models"):
        seen: dict[str, int] = {}
        for index, snapshot in _items(entry, "snapshots"):
            snapshot_id = snapshot.get("id")
            if not isinstance(snapshot_id, str):
                continue
            key = snapshot_id.casefold()
            if key in seen:
                yield entry.file.issue(entry.path + ("snapshots", index, "id"),
                                       f"duplicate snapshot id {snapshot_id!r} (also snapshots[{seen[key]}]); "
                                       "expected each snapshot once")
            seen.setdefault(key, index)


def snapshot_names(record: dict) -> set[str]:
    """What a lifecycle event's `snapshot:` may name: the record's id, aliases and snapshot ids."""
    names = {record.get("id")}
    names |= {alias for alias in record.get("aliases") or [] if isinstance(alias, str)}
    names |= {snapshot.get("id") for snapshot in record.get("snapshots") or [] if isinstance(snapshot, dict)}
    return {name for name in names if isinstance(name, str)}


def check_lifecycle(catalogue: Catalogue) -> Iterator[Issue]:
    for entry in catalogue.entries("models"):
        names = snapshot_names(entry.record)
        folded = {name.casefold() for name in names}
        seen: dict[tuple, int] = {}
        dates: dict[tuple, dict[str, tuple[int, str]]] = {}
        for index, event in _items(entry, "lifecycle"):
            path = entry.path + ("lifecycle", index)
            kind = event.get("event")
            if kind == "renamed" and "to" not in event:
                yield entry.file.issue(path, "event renamed needs `to`; expected `to: {zh: …, en: …}` with the new "
                                       "name", at_key=False)
            if "to" in event and kind != "renamed":
                yield entry.file.issue(path + ("to",), f"`to` given on event {kind}; expected `to` only on a "
                                       "renamed event")
            snapshot = event.get("snapshot")
            if isinstance(snapshot, str) and snapshot.casefold() not in folded:
                yield entry.file.issue(path + ("snapshot",), f"unknown snapshot {snapshot!r} for this record; "
                                       f"expected one of its snapshot ids, aliases or its id: "
                                       f"{', '.join(sorted(names))}")
            group = (event.get("scope"), (snapshot or "").casefold())
            key = (kind, *group)
            if key in seen:
                yield entry.file.issue(path, f"duplicate lifecycle event {kind} (scope {group[0]}"
                                       + (f", snapshot {snapshot}" if snapshot else "")
                                       + f") also at lifecycle[{seen[key]}]; expected each event once per scope "
                                       "and snapshot")
            seen.setdefault(key, index)
            date = as_date_text(event.get("date"))
            if date and kind in ("deprecated", "retired", "released"):
                dates.setdefault(group, {}).setdefault(kind, (index, date))
        for group, found in dates.items():
            yield from _order(entry, group, found)


def _order(entry: Entry, group: tuple, found: dict[str, tuple[int, str]]) -> Iterator[Issue]:
    scope = group[0]
    for earlier, later in (("released", "deprecated"), ("deprecated", "retired"), ("released", "retired")):
        if earlier in found and later in found and is_after(found[earlier][1], found[later][1]):
            index, date = found[later]
            yield entry.file.issue(entry.path + ("lifecycle", index, "date"),
                                   f"{later} {date} is before {earlier} {found[earlier][1]} (scope {scope}); "
                                   f"expected {earlier} no later than {later}")
