"""Bring parsed values to one form: dates as 'YYYY-MM-DD' / 'YYYY-MM' / 'YYYY' text, counts as ints."""

from __future__ import annotations

from .dates import as_date_text, date_paths, fact_value_paths, facts_of
from .registry_file import RegistryFile
from .vocabulary import FACTS, INTEGER_UNITS


def normalise_file(file: RegistryFile) -> None:
    """Rewrite the file's data in place (only values already of an acceptable type are touched)."""
    for path in list(date_paths(file)):
        text = as_date_text(file.value_at(path))
        if text is not None:
            _set(file, path, text)
    if file.kind != "models":
        return
    for record_path, record in file.records():
        for name, fact in facts_of(record):
            if FACTS[name] not in INTEGER_UNITS:
                continue
            for sub in fact_value_paths(fact):
                value = file.value_at(record_path + ("facts", name) + sub)
                if isinstance(value, float) and value.is_integer():
                    _set(file, record_path + ("facts", name) + sub, int(value))


def _set(file: RegistryFile, path: tuple, value) -> None:
    parent = file.value_at(path[:-1])
    parent[path[-1]] = value
