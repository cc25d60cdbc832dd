"""The registry as downloadable data: JSON (everything), CSV (one row per model × fact), BibTeX (the sources).

Deterministic output (registry order, no timestamps), so a check can regenerate and compare.

Each model also carries what is derived from its records: ``status`` (available / retired, from the lifecycle
events in the scope of its access), ``retired`` (that event, or null) and ``license_name``. Third-party estimates
of an undisclosed value stay in the fact's ``estimates`` (JSON) or the ``estimates`` column (CSV), never in
``value``.
"""

from __future__ import annotations

import csv
import io
import json
import re

from .format import date_parts, date_string
from .labels import bilingual
from .units import FACTS

EXPORT_FILES = {
    "json": "data/followgpt-registry.json",
    "schema": "data/followgpt-registry.schema.json",
    "csv": "data/followgpt-facts.csv",
    "bibtex": "data/followgpt-sources.bib",
}
FORMAT_VERSION = 2   # of the JSON layout (described by export_schema); the data has its own dataset_version

CSV_COLUMNS = ["model_id", "name_en", "name_zh", "family", "fact", "unit", "value", "status", "approx",
               "estimated_by", "claims", "since", "earlier", "estimates", "where", "source_id", "source_url",
               "license_id", "license_name_en", "model_status", "retired_date", "lifecycle", "dataset_version"]


BOOKKEEPING_KEYS = {"file", "line"}   # where the loader found a record: not data


def _plain(value, top: bool = False):
    """YAML-loaded data made JSON-safe: dates become YYYY-MM-DD strings, sets become sorted lists."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items() if not (top and key in BOOKKEEPING_KEYS)}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(item) for item in value)
    if hasattr(value, "isoformat"):
        return date_string(value)
    return value


def model_data(registry, model_id: str) -> dict:
    """A model record as exported: the record plus ``status``, ``retired`` and ``license_name``."""
    record = _plain(registry.models[model_id], top=True)
    retired = registry.retirement(model_id)
    record["status"] = registry.status(model_id)
    record["retired"] = _plain(retired) if retired else None
    licence = registry.license(model_id)
    if licence:
        record["license_name"] = _plain(licence["name"])
    return record


def to_json(registry, dataset_version: str = "unreleased") -> str:
    data = {
        "format": "followgpt-registry",
        "format_version": FORMAT_VERSION,
        "dataset_version": dataset_version,
        "fact_units": dict(FACTS),
        "families": {key: _plain(family, top=True) for key, family in registry.families.items()},
        "topics": _plain(registry.topics),
        "organizations": [_plain(record, top=True) for record in registry.organizations.values()],
        "licenses": [_plain(record, top=True) for record in registry.licenses.values()],
        "models": [model_data(registry, model_id) for model_id in registry.models],
        "sources": [_plain(record, top=True) for record in registry.sources.values()],
        "glossary": [_plain(record, top=True) for record in registry.glossary.values()],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv_value(value, unit: str) -> str:
    if value is None:
        return ""
    if unit == "date":
        return date_string(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def to_csv(registry, dataset_version: str = "unreleased") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for model_id, record in registry.models.items():
        licence = registry.license(model_id) or {}
        retired = registry.retirement(model_id)
        lifecycle = "; ".join(" ".join(filter(None, (date_string(event["date"]), event.get("event"), event.get("scope"),
                                                     event.get("snapshot"))))
                              for event in registry.lifecycle(model_id))
        model_columns = [record.get("license", ""), bilingual(licence.get("name"), "en") if licence else "",
                         registry.status(model_id), date_string(retired["date"]) if retired else "", lifecycle]
        for name, unit in FACTS.items():
            if name not in (record.get("facts") or {}):
                continue
            fact = registry.fact(model_id, name)
            source = registry.sources.get(fact.get("source"), {})
            claims = "; ".join(f"{_csv_value(claim.get('value'), unit)} ({claim.get('source', '')})"
                               for claim in fact.get("claims") or [])
            earlier = "; ".join(f"{_csv_value(item.get('value'), unit)} until {date_string(item.get('until'))} "
                                f"({item.get('source', '')})" for item in fact.get("earlier") or [])
            estimates = "; ".join(f"{_csv_value(item.get('value'), unit)} by {item.get('estimated_by', '')} "
                                  f"{date_string(item.get('date'))} ({item.get('source', '')})"
                                  for item in fact.get("estimates") or [])
            writer.writerow([
                model_id, bilingual(record.get("name"), "en"), bilingual(record.get("name"), "zh"),
                record.get("family", ""), name, unit, _csv_value(fact.get("value"), unit),
                fact.get("status", "reported"), "true" if fact.get("approx") else "", fact.get("estimated_by", ""),
                claims, date_string(fact["since"]) if fact.get("since") else "", earlier, estimates,
                fact.get("where", ""), fact.get("source", ""), source.get("url", ""), *model_columns, dataset_version,
            ])
    return buffer.getvalue()


_BIBTEX_SPECIALS = re.compile(r"([&%$#_{}])")


def _bibtex_text(value) -> str:
    escaped = str(value).replace("\\", r"\textbackslash{}")
    escaped = _BIBTEX_SPECIALS.sub(r"\\\1", escaped)
    return escaped.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def _bibtex_authors(authors: list) -> str:
    names = [str(name) for name in authors if str(name).strip() not in {"…", "...", "et al.", "others"}]
    truncated = len(names) < len(authors)
    return " and ".join([_bibtex_text(name) for name in names] + (["others"] if truncated else []))


def bibtex_entry(source: dict) -> str:
    entry_type = "book" if source.get("kind") == "book" else "misc"
    fields = [("title", "{" + _bibtex_text(source.get("title", "")) + "}")]
    if source.get("authors"):
        fields.append(("author", _bibtex_authors(source["authors"])))
    if source.get("publisher"):
        fields.append(("publisher" if entry_type == "book" else "howpublished", _bibtex_text(source["publisher"])))
    if source.get("date"):
        year, month, _ = date_parts(source["date"])
        fields.append(("year", str(year)))
        if month:
            fields.append(("month", str(month)))
    if source.get("arxiv"):
        fields += [("eprint", _bibtex_text(source["arxiv"])), ("archivePrefix", "arXiv")]
    if source.get("url"):
        fields.append(("url", source["url"].replace("%", r"\%").replace("#", r"\#")))
    if source.get("language") and source["language"] != "en":
        fields.append(("language", _bibtex_text(source["language"])))
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields)
    return f"@{entry_type}{{{source['id']},\n{body}\n}}\n"


def to_bibtex(registry) -> str:
    return "\n".join(bibtex_entry(source) for source in registry.sources.values())
