"""The loaded registry as renderers see it."""

from __future__ import annotations

import copy
import graphlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .catalogue import Catalogue
from .vocabulary import ACCESS_SCOPES, FACTS, SERIES_EDGE


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

    def ancestors(self, model_id: str, *, series: bool = True, limit: int | None = None) -> list[dict]:
        """Every record the model comes from, transitively: its lineage targets, theirs, and so on.

        Each result is ``{id, relation, edge, via, distance, evidence}``: ``via`` the result through which this
        one is reached (its predecessor on the path, itself an earlier entry of the same list; ``None`` for a
        direct edge), ``edge`` the type of the edge between ``via`` (or the model) and ``id``, ``relation`` the
        type of the first edge of the path (the kind of inheritance the model has), ``distance`` the number of
        edges, ``evidence`` ``inferred`` when any edge on the path is, else ``explicit``. Each entry has a fixed
        size, so the list grows linearly with the number of relatives (whole paths per entry grew quadratically:
        1.3 GB of JSON for a 10,000-model chain); ``path`` rebuilds a whole path. So DeepSeek-R1-Distill-Qwen-7B
        ← distilled from ← DeepSeek-R1 ← RL from ← DeepSeek-V3-Base gives ``{id: deepseek-r1, relation:
        distilled_from, edge: distilled_from, via: None, distance: 1}`` then ``{id: deepseek-v3-base, relation:
        distilled_from, edge: rl_from, via: deepseek-r1, distance: 2}``. With ``series``, membership of a model
        series counts as an edge of type ``series_member`` (member → series). Each ancestor is listed once, by
        its shortest path (ties: file order of the edges), nearest first, so a predecessor always comes before
        the entries reached through it; ``limit`` keeps the nearest ``limit`` (their predecessors among them;
        ``relatives`` also gives the total). The walk visits each record and edge once; a cycle (which the
        validator rejects) cannot make it loop.
        """
        return self._paths(model_id, self._walk(model_id, self._upstream(series)), limit)

    def descendants(self, model_id: str, *, series: bool = True, limit: int | None = None) -> list[dict]:
        """Every record that comes from the model, transitively: the mirror of ``ancestors``.

        ``relation`` is the type of the edge between the model and the first record below it, ``edge`` the
        type of the edge by which ``id`` comes from ``via``; read a path from the descendant back: D ← its
        ``edge`` ← its ``via`` ← that entry's ``edge`` ← … ← the model (``path``).
        """
        return self._paths(model_id, self._walk(model_id, self._downstream(series)), limit)

    def relatives(self, model_id: str, *, upward: bool, series: bool = True,
                  limit: int | None = None) -> tuple[list[dict], int]:
        """(``ancestors`` or ``descendants`` up to ``limit``, how many there are in all). With a limit the walk
        stops at the ``limit`` nearest and the total comes from ``count_relatives``: a page per model that walked
        every model's whole closure made the build quadratic on a long chain of models."""
        step = self._upstream(series) if upward else self._downstream(series)
        if limit is None:
            reached = self._walk(model_id, step)
            return self._paths(model_id, reached, None), len(reached)
        reached = self._walk(model_id, step, limit)
        return self._paths(model_id, reached, limit), self.count_relatives(model_id, upward=upward, series=series)

    def count_relatives(self, model_id: str, *, upward: bool, series: bool = True) -> int:
        """How many ancestors (``upward``) or descendants the model has, without building their paths."""
        if model_id not in self.models:
            raise KeyError(model_id)
        return self._closure_sizes(upward, series)[model_id]

    def _closure_sizes(self, upward: bool, series: bool) -> dict[str, int]:
        """Every record's number of ancestors (or descendants), counted once for the whole registry: each
        record's closure is a bit set (an int, bit i for the i-th record), the union of its neighbours' sets
        and bits, built neighbours first. A cycle (which the validator rejects) falls back to a walk per record."""
        key = (upward, series)
        if key not in self._closure_cache:
            step = self._upstream(series) if upward else self._downstream(series)
            neighbours = {model_id: [target for target, _kind, _evidence in step(model_id)
                                     if target in self.models and target != model_id] for model_id in self.models}
            try:
                order = list(graphlib.TopologicalSorter(neighbours).static_order())   # neighbours first
            except graphlib.CycleError:
                self._closure_cache[key] = {model_id: len(self._walk(model_id, step)) for model_id in self.models}
                return self._closure_cache[key]
            bit = {model_id: 1 << index for index, model_id in enumerate(self.models)}
            closure: dict[str, int] = {}
            for model_id in order:
                bits = 0
                for target in neighbours[model_id]:
                    bits |= bit[target] | closure[target]
                closure[model_id] = bits
            self._closure_cache[key] = {model_id: bits.bit_count() for model_id, bits in closure.items()}
        return self._closure_cache[key]

    def _upstream(self, series: bool):
        def step(model_id: str):
            record = self.models[model_id]
            for edge in record.get("lineage") or []:
                yield edge.get("target"), edge.get("type"), edge.get("evidence")
            if series and record.get("series"):
                yield record["series"], SERIES_EDGE, "explicit"
        return step

    def _downstream(self, series: bool):
        def step(model_id: str):
            for child_id, edge in self._children.get(model_id, ()):
                yield child_id, edge.get("type"), edge.get("evidence")
            if series:
                for member in self._members.get(model_id, ()):
                    yield member, SERIES_EDGE, "explicit"
        return step

    def _walk(self, model_id: str, step, limit: int | None = None) -> dict[str, tuple[str, str, bool]]:
        """Breadth first from the model: reached id → (the record it was reached from, edge type, whether the
        path to it has an inferred edge), in the order reached; the first ``limit`` only, when given."""
        if model_id not in self.models:
            raise KeyError(model_id)
        reached: dict[str, tuple[str, str, bool]] = {}
        queue = [model_id]
        for current in queue:   # the queue grows while it is read
            inferred_so_far = reached[current][2] if current != model_id else False
            for target, kind, evidence in step(current):
                if target not in self.models or target == model_id or target in reached:
                    continue
                reached[target] = (current, kind, inferred_so_far or evidence == "inferred")
                if limit is not None and len(reached) >= limit:
                    return reached
                queue.append(target)
        return reached

    @staticmethod
    def _paths(model_id: str, reached: dict, limit: int | None) -> list[dict]:
        # In breadth-first order a record's predecessor comes before it, so its first edge and distance are known.
        first: dict[str, tuple[str, int]] = {}
        results = []
        for target in list(reached)[:limit]:
            previous, kind, inferred = reached[target]
            if previous == model_id:
                relation, distance, via = kind, 1, None
            else:
                relation, distance = first[previous]
                distance, via = distance + 1, previous
            first[target] = (relation, distance)
            results.append({"id": target, "relation": relation, "edge": kind, "via": via, "distance": distance,
                            "evidence": "inferred" if inferred else "explicit"})
        return results

    @staticmethod
    def path(results: list[dict] | dict[str, dict], target: str) -> list[dict]:
        """The entries of an ``ancestors``/``descendants`` list (or of the same entries by id, to look up many
        paths) on the path to ``target``, nearest the model first, following ``via`` back from ``target``.
        KeyError when ``target`` or a predecessor is missing."""
        by_id = results if isinstance(results, dict) else {result["id"]: result for result in results}
        chain = [by_id[target]]
        while chain[-1]["via"] is not None:
            chain.append(by_id[chain[-1]["via"]])
        return chain[::-1]

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
    def _closure_cache(self) -> dict[tuple[bool, bool], dict[str, int]]:
        return {}   # (upward, series) -> closure sizes, filled by _closure_sizes

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
