"""The loaded registry as renderers see it."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .catalogue import Catalogue
from .vocabulary import ACCESS_SCOPES, FACTS


@dataclass
class Registry:
    """Records keyed by id, in file order. Dates are text ('YYYY-MM-DD' / 'YYYY-MM' / 'YYYY').

    Every record also carries ``file`` (display path) and ``line``; models add ``family`` (the file stem),
    sources add ``topic`` (the file stem). ``licenses`` holds resources/licenses.yaml's records.
    """

    models: dict[str, dict] = field(default_factory=dict)
    families: dict[str, dict] = field(default_factory=dict)       # stem -> {name, summary?, file}
    sources: dict[str, dict] = field(default_factory=dict)
    topics: dict[str, dict] = field(default_factory=dict)         # stem -> {zh, en}
    organizations: dict[str, dict] = field(default_factory=dict)
    glossary: dict[str, dict] = field(default_factory=dict)
    licenses: dict[str, dict] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def fact(self, model_id: str, name: str) -> dict | None:
        """The fact ``name`` of a model, or None when the model does not record it.

        Raises KeyError for an unknown model id or a fact name that is not in FACTS.
        """
        if name not in FACTS:
            raise KeyError(f"unknown fact name {name!r}; expected one of: {', '.join(FACTS)}")
        return self.models[model_id].get("facts", {}).get(name)

    def parents(self, model_id: str) -> list[dict]:
        """The model's lineage edges ({type, target, evidence, …}), in file order."""
        return list(self.models[model_id].get("lineage", []))

    def children(self, model_id: str) -> list[tuple[str, dict]]:
        """(child id, edge) for every lineage edge pointing at the model, in file order."""
        if model_id not in self.models:
            raise KeyError(model_id)
        return list(self._children.get(model_id, ()))

    def members(self, series_id: str) -> list[str]:
        """Ids of the records whose ``series`` is ``series_id``, in file order."""
        if series_id not in self.models:
            raise KeyError(series_id)
        return list(self._members.get(series_id, ()))

    def family_members(self, family: str) -> list[str]:
        """Ids of the records in one family file, in file order."""
        return list(self._families_index.get(family, ()))

    def license(self, model_id: str) -> dict | None:
        """The licence record the model's ``license`` names, or None."""
        return self.licenses.get(self.models[model_id].get("license"))

    def lifecycle(self, model_id: str) -> list[dict]:
        """The model's lifecycle events, earliest first (file order among equal dates)."""
        events = self.models[model_id].get("lifecycle") or []
        return sorted(events, key=lambda event: _date_key(event.get("date")))

    def retirement(self, model_id: str) -> dict | None:
        """The ``retired`` event that ends the model's availability, or None while it is available.

        A model is retired when a ``retired`` event's scope matches its ``access`` (api → api; product →
        chatgpt or product; open-weights → weights) and the event is for the whole record (no ``snapshot``, or
        one naming the record itself or an alias), or when it lists snapshots and every one is retired in that
        scope. A record without ``access`` is retired by any whole-record ``retired`` event. The latest
        applicable date is returned (when the last part went away).
        """
        record = self.models[model_id]
        access = record.get("access")
        scopes = ACCESS_SCOPES.get(access, ()) if access else None
        whole = {model_id.casefold()} | {alias.casefold() for alias in record.get("aliases") or []}
        snapshots = [snapshot["id"].casefold() for snapshot in record.get("snapshots") or []]
        retired = [event for event in record.get("lifecycle") or [] if event.get("event") == "retired"
                   and (scopes is None or event.get("scope") in scopes)]
        found = [event for event in retired if (event.get("snapshot") or model_id).casefold() in whole]
        if not found and snapshots:
            for scope in {event.get("scope") for event in retired}:
                per_snapshot = {(event.get("snapshot") or "").casefold(): event for event in retired
                                if event.get("scope") == scope}
                if all(snapshot in per_snapshot for snapshot in snapshots):
                    found.append(max((per_snapshot[snapshot] for snapshot in snapshots),
                                     key=lambda event: _date_key(event.get("date"))))
        return max(found, key=lambda event: _date_key(event.get("date"))) if found else None

    def status(self, model_id: str) -> str:
        """``retired`` (see ``retirement``) or ``available``."""
        return "retired" if self.retirement(model_id) else "available"

    def position(self, model_id: str) -> int:
        """The record's place in file order (for ordering results the way the registry lists them)."""
        return self._positions[model_id]

    # Indexes built once per loaded registry, so that per-page queries don't rescan every record
    # (a page per model would otherwise make the whole build quadratic in the registry's size).

    @cached_property
    def _children(self) -> dict[str, list[tuple[str, dict]]]:
        index: dict[str, list[tuple[str, dict]]] = {}
        for child_id, child in self.models.items():
            for edge in child.get("lineage", []):
                index.setdefault(edge.get("target"), []).append((child_id, edge))
        return index

    @cached_property
    def _members(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for model_id, record in self.models.items():
            if record.get("series"):
                index.setdefault(record["series"], []).append(model_id)
        return index

    @cached_property
    def _families_index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for model_id, record in self.models.items():
            index.setdefault(record.get("family"), []).append(model_id)
        return index

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {model_id: index for index, model_id in enumerate(self.models)}


def _date_key(value) -> tuple:
    parts = [int(part) for part in str(value or "0").split("-") if part.isdigit()]
    return tuple(parts + [0] * (3 - len(parts)))


def build_registry(catalogue: Catalogue) -> Registry:
    """Collect the records of every parsed file (first record wins when an id repeats)."""
    registry = Registry(files=[file.path for file in catalogue.files])
    for file in catalogue.files:
        data = file.document.data if file.document else None
        if file.kind == "models" and isinstance(data, dict) and isinstance(data.get("family"), dict):
            registry.families.setdefault(file.stem, {**copy.deepcopy(data["family"]), "file": file.display})
        if file.kind == "sources" and isinstance(data, dict) and isinstance(data.get("topic"), dict):
            registry.topics.setdefault(file.stem, copy.deepcopy(data["topic"]))
        target, extra = {
            "models": (registry.models, {"family": file.stem}),
            "sources": (registry.sources, {"topic": file.stem}),
            "organizations": (registry.organizations, {}),
            "glossary": (registry.glossary, {}),
            "licenses": (registry.licenses, {}),
        }[file.kind]
        for path, record in file.records():
            record_id = record.get("id")
            if isinstance(record_id, str) and record_id not in target:
                target[record_id] = {**copy.deepcopy(record), **extra, "file": file.display,
                                     "line": file.document.line_of(path)}
    return registry
