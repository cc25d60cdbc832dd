"""The registry as a read-only JSON API at stable paths of the built site (language-neutral, at the site root).

- ``api/models.json``: an index of every model (id, names, organisations, kind, status, key facts, where its JSON
  and its pages are), the vocabulary (fact units and labels, lineage relations with their Hugging Face
  ``base_model_relation``) and the display labels the site's compare page uses (one source for the words and
  number formats of both the Python renderers and the browser).
- ``api/models/<id>.json``: one model's record as in the JSON export, every source it cites, and its ancestors
  and descendants (``Registry.ancestors`` / ``descendants``: ``{id, relation, edge, via, distance, evidence}``,
  where ``via`` names only the predecessor on the path, an earlier entry of the same list, so that the file grows
  linearly with the number of relatives).
- ``api/models.schema.json`` and ``api/model.schema.json``: their JSON Schemas.

Paths inside the documents (``json``, ``pages``) are relative to the site root, so the files work wherever the
site is served. Deterministic output (registry order, no timestamps).
"""

from __future__ import annotations

import copy
import json

from followgpt import LANGUAGES
from followgpt.i18n import site_prefix
from followgpt.registry.schemas import DIALECT
from followgpt.registry.vocabulary import EDGE_TABLE, FACT_TABLE, HF_BASE_MODEL_RELATIONS, SERIES_EDGE

from . import labels as L
from .export import _plain, model_data
from .export_schema import export_schema
from .format import format_tables
from .links import model_page_path, page_url

API_DIR = "api"
API_INDEX = f"{API_DIR}/models.json"
API_INDEX_SCHEMA = f"{API_DIR}/models.schema.json"
API_MODEL_SCHEMA = f"{API_DIR}/model.schema.json"
API_FORMAT_VERSION = 2   # 2: `via` names the predecessor (was the whole path), `edge` and `distance` replace `relations`
KEY_FACTS = ("announcement_date", "paper_date", "api_date", "weights_date", "parameters", "active_parameters",
             "context_length", "training_tokens")
KEY_FACT_FIELDS = ("value", "status", "approx", "claims", "estimated_by", "source")
RELATION_KINDS = ("ancestors", "descendants")


def model_api_path(model_id: str) -> str:
    return f"{API_DIR}/models/{model_id}.json"


def page_paths(model_id: str) -> dict[str, str]:
    """The model's page in each language, relative to the site root (``models/gpt-3/``, ``en/models/gpt-3/``)."""
    return {lang: site_prefix(lang) + page_url(model_page_path(model_id)) for lang in LANGUAGES}


def cited_sources(value, found: dict | None = None) -> list[str]:
    """Every ``source`` id a record cites (facts, claims, estimates, edges, lifecycle, snapshots…), first use first."""
    found = {} if found is None else found
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "source" and isinstance(item, str):
                found.setdefault(item, None)
            else:
                cited_sources(item, found)
    elif isinstance(value, list):
        for item in value:
            cited_sources(item, found)
    return list(found)


def relations(registry, model_id: str) -> dict[str, list[dict]]:
    return {"ancestors": registry.ancestors(model_id), "descendants": registry.descendants(model_id)}


def model_document(registry, model_id: str, dataset_version: str = "unreleased") -> dict:
    record = model_data(registry, model_id)
    sources = cited_sources(record)
    licence = registry.license(model_id)
    if licence and licence.get("source"):
        sources = [*sources, *([licence["source"]] if licence["source"] not in sources else [])]
    return {
        "format": "followgpt-model",
        "format_version": API_FORMAT_VERSION,
        "dataset_version": dataset_version,
        "id": model_id,
        "json": model_api_path(model_id),
        "pages": page_paths(model_id),
        "model": record,
        "organizations": {org: _plain(registry.organizations[org]["name"])
                          for org in record.get("organizations") or [] if org in registry.organizations},
        "license": _plain(licence, top=True) if licence else None,
        "sources": {source: _plain(registry.sources[source], top=True)
                    for source in sources if source in registry.sources},
        **relations(registry, model_id),
    }


def _key_fact(fact: dict) -> dict:
    return {key: _plain(fact[key]) for key in KEY_FACT_FIELDS if key in fact}


def index_entry(registry, model_id: str) -> dict:
    record = registry.models[model_id]
    facts = record.get("facts") or {}
    retired = registry.retirement(model_id)
    licence = registry.license(model_id)
    entry = {
        "id": model_id,
        "name": _plain(record["name"]),
        "aliases": list(record.get("aliases") or []),
        "kind": record.get("kind", "model"),
        "family": record.get("family"),
        "series": record.get("series"),
        "organizations": [{"id": org, "name": _plain((registry.organizations.get(org) or {}).get("name", org))}
                          for org in record.get("organizations") or []],
        "access": record.get("access"),
        "status": registry.status(model_id),
        "retired_date": _plain(retired["date"]) if retired else None,
        "license": record.get("license"),
        "license_name": _plain(licence["name"]) if licence else None,
        "facts": {name: _key_fact(facts[name]) for name in KEY_FACTS if name in facts},
        "json": model_api_path(model_id),
        "pages": page_paths(model_id),
    }
    return entry


def vocabulary() -> dict:
    return {
        "facts": {name: {"unit": row[0], "label": {"zh": row[1], "en": row[2]}, "meaning": row[3]}
                  for name, row in FACT_TABLE.items()},
        "relations": {
            **{name: {"label": {"zh": row[1], "en": row[2]}, "meaning": row[0],
                      "hf_base_model_relation": HF_BASE_MODEL_RELATIONS.get(name)} for name, row in EDGE_TABLE.items()},
            SERIES_EDGE: {"label": copy.deepcopy(L.EDGE_TYPES[SERIES_EDGE]),
                          "meaning": "a member of the target model series (the record's `series`)",
                          "hf_base_model_relation": None},
        },
    }


def _per_language(table: dict) -> dict:
    return {lang: {key: value[lang] for key, value in table.items()} for lang in LANGUAGES}


# The display words the compare page needs, taken from the renderers' own tables.
DISPLAY_TABLES = {"columns": L.COLUMNS, "kinds": L.KINDS, "access": L.ACCESS, "architectures": L.ARCHITECTURES,
                  "modalities": L.MODALITIES, "reasoning": L.REASONING, "availability": L.AVAILABILITY,
                  "statuses": L.STATUS, "evidence": L.EVIDENCE, "facts": L.FACT_NAMES, "relations": L.EDGE_TYPES,
                  "license_kinds": L.LICENSE_KINDS}
DISPLAY_TEXT = ("approx", "estimate", "disputed", "or", "list_joiner", "missing", "total_parameters", "input",
                "output", "retired_access", "parents", "compare_add", "compare_example", "compare_placeholder", "compare_remove",
                "compare_limit", "compare_empty", "compare_field", "compare_sources",
                "compare_page", "compare_json", "compare_loading", "compare_failed", "compare_no_match",
                "compare_results", "compare_selected", "compare_copy", "compare_copied", "compare_not_recorded",
                "since")


def display_labels() -> dict:
    result = {lang: {} for lang in LANGUAGES}
    for name, table in DISPLAY_TABLES.items():
        for lang, words in _per_language(table).items():
            result[lang][name] = words
    for lang in LANGUAGES:
        result[lang]["text"] = {key: L.text(key, lang) for key in DISPLAY_TEXT}
    return result


def models_index(registry, dataset_version: str = "unreleased") -> dict:
    return {
        "format": "followgpt-models",
        "format_version": API_FORMAT_VERSION,
        "dataset_version": dataset_version,
        "vocabulary": vocabulary(),
        "display": {"formats": format_tables(), "labels": display_labels()},
        "models": [index_entry(registry, model_id) for model_id in registry.models],
    }


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _dump_schema(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- schemas ----------------------------------------------------------------------------------------------------

_BILINGUAL = {"type": "object", "required": ["zh", "en"], "properties": {"zh": {"type": "string"}, "en": {"type": "string"}}}
_PAGES = {"type": "object", "required": list(LANGUAGES), "additionalProperties": {"type": "string"},
          "description": "The model's page in each language, relative to the site root."}
_VERSION = {"type": "string", "pattern": r"^(?:[0-9]{4}\.[0-9]{2}\.[0-9]{2}|unreleased)$",
            "description": "YYYY.MM.DD: the day the data last changed on the main line (see the changelog), or "
                           "`unreleased` for a build of uncommitted edits."}
_RELATIVE = {
    "type": "object", "additionalProperties": False,
    "required": ["id", "relation", "edge", "via", "distance", "evidence"],
    "properties": {
        "id": {"type": "string", "description": "The ancestor's or descendant's id."},
        "relation": {"type": "string",
                     "description": "Type of the first edge of the path, the one next to this model (for a direct "
                                    "edge the same as `edge`)."},
        "edge": {"type": "string",
                 "description": "Type of the edge that links `id` to `via` (or to this model when `via` is null)."},
        "via": {"type": ["string", "null"],
                "description": "The entry through which `id` is reached: the id of an earlier entry of the same list "
                               "(its predecessor on the path), or null for a direct edge. Follow `via` from entry to "
                               "entry to rebuild the whole path."},
        "distance": {"type": "integer", "minimum": 1,
                     "description": "Number of edges between this model and `id` (1: a direct edge)."},
        "evidence": {"enum": ["explicit", "inferred"],
                     "description": "`inferred` when any edge on the path is our inference, else `explicit`."},
    },
}


def _relation_enum() -> list[str]:
    return [*EDGE_TABLE, SERIES_EDGE]


def model_schema() -> dict:
    base = export_schema()
    relative = copy.deepcopy(_RELATIVE)
    relative["properties"]["relation"]["enum"] = _relation_enum()
    relative["properties"]["edge"]["enum"] = _relation_enum()
    return {
        "$schema": DIALECT,
        "$id": "model.schema.json",
        "title": "FollowGPT model (JSON API)",
        "description": "One model of the FollowGPT registry: its record (as in the JSON export), the names of its "
                       "organisations, its licence, every source it cites, and its ancestors and descendants through "
                       "typed lineage edges, transitively (each with its predecessor on the path that leads there).",
        "type": "object",
        "required": ["format", "format_version", "dataset_version", "id", "json", "pages", "model", "organizations",
                     "license", "sources", *RELATION_KINDS],
        "additionalProperties": False,
        "properties": {
            "format": {"const": "followgpt-model"},
            "format_version": {"const": API_FORMAT_VERSION},
            "dataset_version": _VERSION,
            "id": {"$ref": "#/$defs/id"},
            "json": {"type": "string", "description": "This file's path relative to the site root."},
            "pages": _PAGES,
            "model": {"$ref": "#/$defs/model"},
            "organizations": {"type": "object", "additionalProperties": _BILINGUAL,
                              "description": "Organisation id → its name."},
            "license": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/license"}]},
            "sources": {"type": "object", "additionalProperties": {"$ref": "#/$defs/source"},
                        "description": "Every source the record cites, by id, in order of first use."},
            "ancestors": {"type": "array", "items": {"$ref": "#/$defs/relative"},
                          "description": "Records this model comes from, transitively, nearest first (an "
                                         "entry's `via` always comes before it)."},
            "descendants": {"type": "array", "items": {"$ref": "#/$defs/relative"},
                            "description": "Records that come from this model, transitively, nearest first (an "
                                           "entry's `via` always comes before it)."},
        },
        "$defs": {**base["$defs"], "relative": relative},
    }


def index_schema() -> dict:
    fact = {"type": "object", "additionalProperties": False,
            "properties": {"value": {}, "status": {"enum": ["reported", "estimated", "undisclosed", "disputed"]},
                           "approx": {"type": "boolean"}, "claims": {"type": "array"},
                           "estimated_by": {"type": "string"}, "source": {"type": "string"}}}
    entry = {
        "type": "object", "additionalProperties": False,
        "required": ["id", "name", "aliases", "kind", "family", "organizations", "status", "facts", "json", "pages"],
        "properties": {
            "id": {"type": "string"}, "name": _BILINGUAL, "aliases": {"type": "array", "items": {"type": "string"}},
            "kind": {"type": "string"}, "family": {"type": "string"}, "series": {"type": ["string", "null"]},
            "organizations": {"type": "array", "items": {"type": "object", "required": ["id", "name"],
                                                         "properties": {"id": {"type": "string"}, "name": _BILINGUAL}}},
            "access": {"type": ["string", "null"]},
            "status": {"enum": ["available", "retired"]},
            "retired_date": {"type": ["string", "null"]},
            "license": {"type": ["string", "null"]},
            "license_name": {"oneOf": [{"type": "null"}, _BILINGUAL]},
            "facts": {"type": "object", "propertyNames": {"enum": list(KEY_FACTS)}, "additionalProperties": fact,
                      "description": "Key facts only (value and status); the model's JSON has every fact with its "
                                     "source, notes and estimates."},
            "json": {"type": "string", "description": "The model's JSON, relative to the site root."},
            "pages": _PAGES,
        },
    }
    return {
        "$schema": DIALECT,
        "$id": "models.schema.json",
        "title": "FollowGPT models index (JSON API)",
        "description": "Every model of the FollowGPT registry in one list, with the vocabulary of facts and lineage "
                       "relations (and how each relation maps onto Hugging Face's `base_model_relation`).",
        "type": "object",
        "required": ["format", "format_version", "dataset_version", "vocabulary", "display", "models"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": "followgpt-models"},
            "format_version": {"const": API_FORMAT_VERSION},
            "dataset_version": _VERSION,
            "vocabulary": {
                "type": "object", "required": ["facts", "relations"],
                "properties": {
                    "facts": {"type": "object", "additionalProperties": {
                        "type": "object", "required": ["unit", "label", "meaning"],
                        "properties": {"unit": {"type": "string"}, "label": _BILINGUAL, "meaning": {"type": "string"}}}},
                    "relations": {"type": "object", "propertyNames": {"enum": _relation_enum()},
                                  "additionalProperties": {
                        "type": "object", "required": ["label", "meaning", "hf_base_model_relation"],
                        "properties": {"label": _BILINGUAL, "meaning": {"type": "string"},
                                       "hf_base_model_relation": {"enum": [None, "finetune", "adapter", "quantized",
                                                                           "merge"]}}}},
                },
            },
            "display": {"type": "object", "required": ["formats", "labels"],
                        "description": "Number formats and words the site prints (its compare page uses them)."},
            "models": {"type": "array", "items": entry},
        },
    }


def api_files(registry, dataset_version: str = "unreleased") -> dict[str, str]:
    """Every API file: site-root-relative path → content."""
    files = {API_INDEX: _dump(models_index(registry, dataset_version)),
             API_INDEX_SCHEMA: _dump_schema(index_schema()), API_MODEL_SCHEMA: _dump_schema(model_schema())}
    for model_id in registry.models:
        files[model_api_path(model_id)] = _dump(model_document(registry, model_id, dataset_version))
    return files
