"""Reject the many spellings of "unknown": unknown has one spelling in the registry."""

from __future__ import annotations

from typing import Iterator

from .vocabulary import ENUM_KEYS, UNKNOWN_SPELLINGS

FIELD_ADVICE = "leave the field out if nobody has looked it up yet"
FACT_ADVICE = ("use `status: undisclosed` (with the source that withholds it) if the owner chose not to say, "
               "or leave the fact out if nobody has looked it up yet")


def find_unknown_values(data, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, message) for every empty value or 'unknown'-like string in the document."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in ENUM_KEYS:  # enums with a legitimate value such as `undisclosed` or `none`
                yield from find_unknown_values(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from find_unknown_values(value, path + (index,))
    elif data is None or (isinstance(data, str) and data.strip().lower() in UNKNOWN_SPELLINGS):
        if path:
            yield path, _message(data, path)


def _message(value, path: tuple) -> str:
    advice = FACT_ADVICE if "facts" in path and path[-1] == "value" else FIELD_ADVICE
    if value is None:
        return f"empty value; expected a value: {advice}"
    if not value.strip():
        if path[-1] in ("zh", "en"):
            return "empty text; expected text: bilingual text needs non-empty zh and en"
        return f"empty text; expected text: {advice}"
    return f"{value!r} is not a value: unknown has one spelling; {advice}"
