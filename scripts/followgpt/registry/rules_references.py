"""Every id a record refers to must exist: organisations, sources, models, series, licences, glossary terms."""

from __future__ import annotations

import difflib
from typing import Iterator

from .catalogue import Catalogue
from .dates import facts_of
from .issues import Issue
from .vocabulary import UNKNOWN_SPELLINGS

_WHERE = {
    "organizations": ("organisation", "resources/organizations.yaml"),
    "sources": ("source", "resources/sources/*.yaml"),
    "models": ("model", "resources/models/*.yaml"),
    "glossary": ("glossary term", "resources/glossary.yaml"),
    "licenses": ("licence", "resources/licenses.yaml"),
}


def model_references(record: dict) -> Iterator[tuple[str, tuple, object]]:
    """(kind referred to, field path, id) for every reference a model record makes."""
    for index, org in enumerate(_list(record.get("organizations"))):
        yield "organizations", ("organizations", index), org
    if "series" in record:
        yield "models", ("series",), record["series"]
    if "license" in record:
        yield "licenses", ("license",), record["license"]
    for key in ("snapshots", "lifecycle"):
        for index, item in enumerate(_list(record.get(key))):
            if isinstance(item, dict) and "source" in item:
                yield "sources", (key, index, "source"), item["source"]
    for index, edge in enumerate(_list(record.get("lineage"))):
        if isinstance(edge, dict):
            if "target" in edge:
                yield "models", ("lineage", index, "target"), edge["target"]
            if "source" in edge:
                yield "sources", ("lineage", index, "source"), edge["source"]
    for name, fact in facts_of(record):
        if "source" in fact:
            yield "sources", ("facts", name, "source"), fact["source"]
        for key in ("claims", "superseded", "rumours", "estimates", "earlier"):
            for index, item in enumerate(_list(fact.get(key))):
                if isinstance(item, dict) and "source" in item:
                    yield "sources", ("facts", name, key, index, "source"), item["source"]
    training = record.get("training")
    corpora = training.get("corpora") if isinstance(training, dict) else None
    for index, corpus in enumerate(_list(corpora)):
        if isinstance(corpus, dict) and "source" in corpus:
            yield "sources", ("training", "corpora", index, "source"), corpus["source"]


def check_references(catalogue: Catalogue) -> Iterator[Issue]:
    known = {kind: catalogue.index(kind) for kind in _WHERE}
    for entry in catalogue.entries("models"):
        for kind, sub, target in model_references(entry.record):
            if isinstance(target, str) and target not in known[kind] and catalogue.is_complete(kind) \
                    and target.strip().lower() not in UNKNOWN_SPELLINGS:  # "unknown" is reported as such
                yield entry.file.issue(entry.path + sub, _dangling(kind, target, known[kind]))
    for entry in catalogue.entries("licenses"):
        target = entry.record.get("source")
        if isinstance(target, str) and target not in known["sources"] and catalogue.is_complete("sources"):
            yield entry.file.issue(entry.path + ("source",), _dangling("sources", target, known["sources"]))
    for entry in catalogue.entries("glossary"):
        for index, target in enumerate(_list(entry.record.get("see_also"))):
            sub = ("see_also", index)
            if target == entry.id:
                yield entry.file.issue(entry.path + sub, "see_also lists the term itself; expected other terms")
            elif isinstance(target, str) and target not in known["glossary"] and catalogue.is_complete("glossary"):
                yield entry.file.issue(entry.path + sub, _dangling("glossary", target, known["glossary"]))


def _dangling(kind: str, target: str, known: dict) -> str:
    noun, where = _WHERE[kind]
    folded = {key.casefold(): key for key in known}
    close = [folded[target.casefold()]] if target.casefold() in folded else \
        difflib.get_close_matches(target, list(known), n=1, cutoff=0.75)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    article = "an" if noun[0] in "aeiou" else "a"
    return f"unknown {noun} {target!r}; expected the id of {article} {noun} in {where}{hint}"


def _list(value) -> list:
    return value if isinstance(value, list) else []
