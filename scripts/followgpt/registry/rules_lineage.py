"""Lineage edges: evidence rules, no duplicates, no cycles; `series` points at a model-series record."""

from __future__ import annotations

from typing import Iterator

from .catalogue import Catalogue, Entry
from .dates import as_date_text, is_after
from .issues import Issue


def _edges(entry: Entry) -> Iterator[tuple[int, dict]]:
    lineage = entry.record.get("lineage")
    for index, edge in enumerate(lineage if isinstance(lineage, list) else []):
        if isinstance(edge, dict):
            yield index, edge


def check_edges(catalogue: Catalogue) -> Iterator[Issue]:
    for entry in catalogue.entries("models"):
        seen = set()
        for index, edge in _edges(entry):
            path = entry.path + ("lineage", index)
            if edge.get("evidence") == "explicit" and "source" not in edge:
                yield entry.file.issue(path, "explicit lineage needs a source; expected `source:` with the id of "
                                       "the source where the authors state it (or `evidence: inferred` with a note)")
            if edge.get("evidence") == "inferred" and "note" not in edge:
                yield entry.file.issue(path, "inferred lineage needs a note; expected `note: {zh: …, en: …}` "
                                       "explaining our reading")
            key = (edge.get("type"), edge.get("target"))
            if key in seen:
                yield entry.file.issue(path, f"duplicate lineage edge {key[0]} → {key[1]}; expected each edge once")
            seen.add(key)


def check_edge_dates(catalogue: Catalogue) -> Iterator[Issue]:
    for entry in catalogue.entries("models"):
        for index, edge in _edges(entry):
            since, until = as_date_text(edge.get("since")), as_date_text(edge.get("until"))
            if since and until and is_after(since, until):
                yield entry.file.issue(entry.path + ("lineage", index, "until"),
                                       f"until {until} is before since {since}; expected the relation to end after "
                                       "it began")


def check_series(catalogue: Catalogue) -> Iterator[Issue]:
    models = catalogue.index("models")
    for entry in catalogue.entries("models"):
        series = entry.record.get("series")
        target = models.get(series) if isinstance(series, str) else None
        if series == entry.id:
            yield entry.file.issue(entry.path + ("series",), "series points at the record itself; expected the id "
                                   "of its `kind: model-series` record")
        elif target is not None and target.record.get("kind") != "model-series":
            yield entry.file.issue(entry.path + ("series",), f"series {series!r} is a record of kind "
                                   f"{target.record.get('kind')!r}; expected the id of a `kind: model-series` record")


def check_cycles(catalogue: Catalogue) -> Iterator[Issue]:
    models = catalogue.index("models")
    graph: dict[str, list[tuple[str, int]]] = {}
    for model_id, entry in models.items():
        graph[model_id] = [(edge["target"], index) for index, edge in _edges(entry)
                           if isinstance(edge.get("target"), str) and edge["target"] in models]
    reported: set[tuple] = set()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, stack: list[str]) -> Iterator[Issue]:
        state[node] = 1
        stack.append(node)
        for target, index in graph[node]:
            if state.get(target) == 1:
                cycle = stack[stack.index(target):]
                start = cycle.index(min(cycle))
                cycle = cycle[start:] + cycle[:start]
                if tuple(cycle) not in reported:
                    reported.add(tuple(cycle))
                    yield _cycle_issue(models, graph, cycle)
            elif target not in state:
                yield from visit(target, stack)
        stack.pop()
        state[node] = 2

    for model_id in graph:
        if model_id not in state:
            yield from visit(model_id, [])


def _cycle_issue(models: dict[str, Entry], graph: dict, cycle: list[str]) -> Issue:
    first, second = cycle[0], cycle[(1 % len(cycle))]
    index = next(index for target, index in graph[first] if target == second)
    entry = models[first]
    loop = " → ".join(cycle + [cycle[0]])
    return entry.file.issue(entry.path + ("lineage", index, "target"),
                            f"lineage cycle: {loop}; expected edges to point from a model to earlier ones only")
