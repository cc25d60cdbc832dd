"""What changed between two states of the registry's model records (plain data, as YAML loads them).

A change is what a reader of the data would want to hear about: a model added or removed, a value added,
changed or removed (old → new, with the source of the new value), a status that changed (reported →
undisclosed), a lifecycle event (deprecated, retired, renamed), a lineage edge added or removed, and a change of
access or licence. Formatting is left to the renderers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from followgpt.registry.vocabulary import ID_PATTERN

_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class Change:
    kind: str                 # model-added | model-removed | value-added | value-changed | value-removed |
                              # status-changed | lifecycle | lineage-added | lineage-removed | access-changed |
                              # license-changed
    model: str                # model id
    item: str = ""            # fact name, "access", "license", the lifecycle event or the edge type
    old: Any = None
    new: Any = None
    source: str = ""          # source id backing the new state, where there is one
    detail: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> str:
        """A stable identity for feeds: the same change always gets the same key."""
        return "|".join(str(part) for part in (self.kind, self.model, self.item, _plain(self.old), _plain(self.new)))


KINDS = ("model-added", "model-removed", "value-added", "value-changed", "value-removed", "status-changed",
         "lifecycle", "lineage-added", "lineage-removed", "access-changed", "license-changed")


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _fact(record: dict, name: str) -> dict | None:
    fact = (record.get("facts") or {}).get(name)
    if fact is None:
        return None
    return fact if isinstance(fact, dict) else {"value": fact}


def _status(fact: dict) -> str:
    return fact.get("status") or "reported"


def _diff_facts(model_id: str, before: dict, after: dict) -> list[Change]:
    changes: list[Change] = []
    names = list(dict.fromkeys([*(after.get("facts") or {}), *(before.get("facts") or {})]))
    for name in names:
        old, new = _fact(before, name), _fact(after, name)
        if old is None and new is not None:
            changes.append(Change("value-added", model_id, name, None, _plain(new.get("value")), new.get("source", ""),
                                  {"status": _status(new)}))
        elif new is None and old is not None:
            changes.append(Change("value-removed", model_id, name, _plain(old.get("value")), None))
        elif old is not None and new is not None:
            if _status(old) != _status(new):
                changes.append(Change("status-changed", model_id, name, _status(old), _status(new),
                                      new.get("source", ""), {"old_value": _plain(old.get("value")),
                                                              "new_value": _plain(new.get("value"))}))
            elif _plain(old.get("value")) != _plain(new.get("value")):
                changes.append(Change("value-changed", model_id, name, _plain(old.get("value")),
                                      _plain(new.get("value")), new.get("source", ""),
                                      {"since": _plain(new.get("since"))} if new.get("since") else {}))
    return changes


def _event_key(event: dict) -> tuple:
    return tuple(str(_plain(event.get(key))) for key in ("event", "scope", "date", "snapshot"))


def _diff_lifecycle(model_id: str, before: dict, after: dict) -> list[Change]:
    known = {_event_key(event) for event in before.get("lifecycle") or [] if isinstance(event, dict)}
    return [Change("lifecycle", model_id, str(event.get("event", "")), None, _plain(event), event.get("source", ""))
            for event in after.get("lifecycle") or []
            if isinstance(event, dict) and _event_key(event) not in known]


def _edges(record: dict) -> dict[tuple, dict]:
    return {(str(edge.get("type")), str(edge.get("target"))): edge
            for edge in record.get("lineage") or [] if isinstance(edge, dict)}


def _diff_lineage(model_id: str, before: dict, after: dict) -> list[Change]:
    old, new = _edges(before), _edges(after)
    added = [Change("lineage-added", model_id, kind, None, target, new[(kind, target)].get("source", ""))
             for kind, target in new if (kind, target) not in old]
    removed = [Change("lineage-removed", model_id, kind, target, None)
               for kind, target in old if (kind, target) not in new]
    return added + removed


def _diff_plain_field(model_id: str, name: str, kind: str, before: dict, after: dict) -> list[Change]:
    old, new = before.get(name), after.get(name)
    if old == new or old is None:   # a field filled in for the first time is not news; a change is
        return []
    if name == "license" and not (_ID.match(str(old)) and _ID.match(str(new or ""))):
        return []                   # licences became ids in December 2026: the rewrite of names is not a change
    return [Change(kind, model_id, name, old, new)]


def diff_models(before: dict[str, dict], after: dict[str, dict]) -> list[Change]:
    """Every change from ``before`` to ``after`` (model id → record), in ``after``'s order, removals last."""
    changes: list[Change] = []
    for model_id, record in after.items():
        old = before.get(model_id)
        if old is None:
            changes.append(Change("model-added", model_id, detail={"name": record.get("name"),
                                                                    "family": record.get("family")}))
            continue
        changes += _diff_facts(model_id, old, record)
        changes += _diff_lifecycle(model_id, old, record)
        changes += _diff_lineage(model_id, old, record)
        changes += _diff_plain_field(model_id, "access", "access-changed", old, record)
        changes += _diff_plain_field(model_id, "license", "license-changed", old, record)
    changes += [Change("model-removed", model_id, detail={"name": record.get("name")})
                for model_id, record in before.items() if model_id not in after]
    return changes
