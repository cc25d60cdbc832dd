"""Checking marker options against what each view accepts, with messages that say what was expected."""

from __future__ import annotations

from typing import Any

from .context import MarkerProblem, suggestion
from .labels import COLUMNS, KINDS
from .units import FACTS

# Row selectors shared by table, timeline and growth (combined with AND).
ROW_SELECTORS = {"family": "family", "series": "series", "org": "org", "kind": "kind", "ids": "models"}


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _check_model(registry, model_id: str, problems: list[str]) -> None:
    if model_id not in registry.models:
        problems.append(f"unknown model id '{model_id}'{suggestion(model_id, registry.models)}")


def _check_column(name: str, problems: list[str]) -> None:
    if name not in FACTS and name not in COLUMNS:
        known = sorted(FACTS) + sorted(COLUMNS)
        problems.append(f"unknown column '{name}'{suggestion(name, known)}; expected a fact name or one of "
                        f"{', '.join(sorted(COLUMNS))}")


def _parse_one(key: str, kind, value: str, registry, problems: list[str]) -> Any:
    if isinstance(kind, tuple):
        if value not in kind:
            problems.append(f"option {key}={value!r}: expected one of {', '.join(kind)}")
        return value
    if kind == "family":
        if value not in registry.families:
            problems.append(f"unknown family '{value}'{suggestion(value, registry.families)}")
        return value
    if kind == "org":
        if value not in registry.organizations:
            problems.append(f"unknown organisation '{value}'{suggestion(value, registry.organizations)}")
        return value
    if kind == "kind":
        if value not in KINDS:
            problems.append(f"option kind={value!r}: expected one of {', '.join(KINDS)}")
        return value
    if kind in {"model", "series"}:
        _check_model(registry, value, problems)
        if kind == "series" and value in registry.models and registry.models[value].get("kind") != "model-series":
            problems.append(f"option series={value!r}: '{value}' is not a model-series record")
        return value
    if kind == "models":
        items = _split(value)
        if not items:
            problems.append(f"option {key}= needs at least one model id")
        for item in items:
            _check_model(registry, item, problems)
        return items
    if kind == "columns":
        items = _split(value)
        if not items:
            problems.append(f"option {key}= needs at least one column")
        for item in items:
            _check_column(item, problems)
        return items
    if kind == "column":
        _check_column(value.lstrip("-"), problems)
        return value
    if kind == "depth":
        if not value.isdigit() or not 1 <= int(value) <= 5:
            problems.append(f"option {key}={value!r}: expected a whole number from 1 to 5")
            return 1
        return int(value)
    if kind == "year":
        if not (value.isdigit() and len(value) == 4):
            problems.append(f"option {key}={value!r}: expected a year, four digits (e.g. 2023)")
            return 0
        return int(value)
    if kind == "count":
        if not value.isdigit() or int(value) < 1:
            problems.append(f"option {key}={value!r}: expected a whole number of at least 1")
            return 1
        return int(value)
    raise ValueError(f"unknown option kind {kind!r}")


def parse_options(options: dict[str, str], accepted: dict[str, Any], registry) -> dict[str, Any]:
    """Validated, parsed options; raises MarkerProblem listing every problem."""
    problems: list[str] = []
    parsed: dict[str, Any] = {}
    for key, value in options.items():
        if key not in accepted:
            expected = ", ".join(sorted(accepted)) or "no options"
            problems.append(f"unknown option '{key}'{suggestion(key, accepted)}; this marker takes {expected}")
            continue
        if value == "":
            problems.append(f"option {key}= has no value")
            continue
        parsed[key] = _parse_one(key, accepted[key], value, registry, problems)
    if problems:
        raise MarkerProblem(*problems)
    return parsed
