"""Plain-data questions about registry records that several views ask (selection, dates, names)."""

from __future__ import annotations

from .format import date_sort_key, date_string
from .units import EVENT_DATE_FACTS


def fact_of(registry, model_id: str, name: str) -> dict | None:
    return registry.fact(model_id, name)


def has_value(fact: dict | None) -> bool:
    return bool(fact) and fact.get("status", "reported") != "undisclosed" and fact.get("value") is not None


def dates_of(registry, model_id: str) -> list[tuple[str, str, dict]]:
    """(fact name, YYYY[-MM[-DD]], fact) for every event date (paper, announcement, API, weights, code) with a
    value, earliest first."""
    found = []
    for name in EVENT_DATE_FACTS:
        fact = fact_of(registry, model_id, name)
        if has_value(fact):
            found.append((name, date_string(fact["value"]), fact))
    return sorted(found, key=lambda item: date_sort_key(item[1]))


def first_date(registry, model_id: str) -> tuple[str, str, dict] | None:
    dates = dates_of(registry, model_id)
    return dates[0] if dates else None


def select_models(registry, *, family=None, series=None, org=None, kind=None, ids=None) -> list[str]:
    """Model ids matching every given selector, in ``ids`` order when given, else registry order."""
    candidates = list(ids) if ids else list(registry.models)
    selected = []
    for model_id in candidates:
        record = registry.models[model_id]
        if family and record.get("family") != family:
            continue
        if series and record.get("series") != series:
            continue
        if org and org not in (record.get("organizations") or []):
            continue
        if kind and record.get("kind") != kind:
            continue
        selected.append(model_id)
    return selected
