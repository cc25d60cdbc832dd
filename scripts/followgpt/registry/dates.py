"""Registry dates: where they are, how they are normalised, and how partial dates compare."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from .registry_file import RegistryFile
from .vocabulary import DATE_PATTERN, FACTS

_DATE = re.compile(DATE_PATTERN)


def fact_value_paths(fact: dict) -> Iterator[tuple]:
    """Paths (relative to the fact) of the values carrying the fact's unit."""
    if "value" in fact:
        yield ("value",)
    for key in ("claims", "superseded", "rumours", "estimates", "earlier"):
        items = fact.get(key)
        if isinstance(items, list):
            for index, item in enumerate(items):
                if isinstance(item, dict) and "value" in item:
                    yield (key, index, "value")


def facts_of(record: dict) -> Iterator[tuple[str, dict]]:
    facts = record.get("facts")
    if isinstance(facts, dict):
        for name, fact in facts.items():
            if name in FACTS and isinstance(fact, dict):
                yield name, fact


def date_paths(file: RegistryFile) -> Iterator[tuple]:
    """Paths of every date in a file."""
    for record_path, record in file.records():
        if file.kind == "sources" and "date" in record:
            yield record_path + ("date",)
        if file.kind != "models":
            continue
        for name, fact in facts_of(record):
            base = record_path + ("facts", name)
            if FACTS[name] == "date":
                for sub in fact_value_paths(fact):
                    yield base + sub
            if "since" in fact:
                yield base + ("since",)
            for key, field in (("rumours", "date"), ("estimates", "date"), ("earlier", "until")):
                for index, item in enumerate(_items(fact.get(key))):
                    if field in item:
                        yield base + (key, index, field)
        for index, edge in enumerate(_items(record.get("lineage"))):
            for field in ("since", "until"):
                if field in edge:
                    yield record_path + ("lineage", index, field)
        for key in ("snapshots", "lifecycle"):
            for index, item in enumerate(_items(record.get(key))):
                if "date" in item:
                    yield record_path + (key, index, "date")


def _items(value) -> list[dict]:
    """The mappings of a list value (anything else: none)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def as_date_text(value) -> str | None:
    """The date as 'YYYY[-MM[-DD]]' text, or None when it is not written like a date."""
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str) and _DATE.match(value):
        return value
    return None


def calendar_problem(text: str) -> str | None:
    """Why a YYYY[-MM[-DD]] text is not a real calendar date, or None."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return f"month {parts[1]:02d} does not exist"
    if len(parts) == 3:
        try:
            dt.date(*parts)
        except ValueError:
            return f"{text} is not a day of the calendar"
    return None


def earliest_day(text: str) -> dt.date:
    parts = [int(part) for part in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def is_after(first: str, second: str) -> bool:
    """True when ``first`` is certainly later than ``second`` (compared at their common precision)."""
    precision = min(len(first.split("-")), len(second.split("-")))
    return first.split("-")[:precision] > second.split("-")[:precision]
