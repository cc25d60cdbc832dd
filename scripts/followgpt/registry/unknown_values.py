"""Reject the many spellings of "unknown": unknown has one spelling in the registry."""

from __future__ import annotations

from typing import Iterator

from .vocabulary import UNKNOWN_SPELLINGS

ADVICE = ("leave the field out if nobody has looked it up yet, or, for a fact the owner withheld, "
          "use `status: undisclosed` with the source that shows it")


def find_unknown_values(data, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, message) for every empty value or 'unknown'-like string in the document."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from find_unknown_values(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from find_unknown_values(value, path + (index,))
    elif data is None:
        if path:
            yield path, f"empty value; expected a value: {ADVICE}"
    elif isinstance(data, str) and data.strip().lower() in UNKNOWN_SPELLINGS:
        if not data.strip():
            yield path, f"empty text; expected text here: {ADVICE}"
        else:
            yield path, f"{data!r} is not a value: unknown has one spelling; {ADVICE}"
