"""The JSON Schema of the JSON export (``data/followgpt-registry.schema.json``), published next to it.

Built from the registry's own file schemas (``followgpt.registry.schemas``), so the two never disagree: the export
is the registry's records in lists, plus what the export adds (each model's ``family``, each source's ``topic``, the versions).
"""

from __future__ import annotations

import copy
import json

from followgpt.registry.schemas import DIALECT, schema

from .export import FORMAT_VERSION


def export_schema() -> dict:
    parts = {kind: schema(kind) for kind in ("organizations", "licenses", "sources", "models", "glossary")}
    defs: dict = {}
    for part in parts.values():
        defs.update(copy.deepcopy(part["$defs"]))
    model = defs["model"]
    model["properties"]["family"] = {"title": "Family", "description": "Id of the family (the registry file's stem).",
                                     "$ref": "#/$defs/id"}
    model["properties"]["status"] = {"title": "Status", "enum": ["available", "retired"],
                                     "description": "Derived from the lifecycle: retired when the model was retired "
                                                    "in the scope of its access."}
    model["properties"]["retired"] = {"title": "Retired", "description": "The retirement event that makes it "
                                      "retired, or null.", "oneOf": [{"type": "null"}, {"type": "object"}]}
    model["properties"]["license_name"] = {"title": "Licence name", "$ref": "#/$defs/bilingual"}
    model["required"] = sorted({*model.get("required", ()), "family", "status"})
    source = defs["source"]
    source["properties"]["topic"] = {"title": "Topic", "description": "Id of the topic (the sources file's stem).",
                                     "$ref": "#/$defs/id"}
    source["required"] = sorted({*source.get("required", ()), "topic"})
    family = copy.deepcopy(parts["models"]["properties"]["family"])
    topic = copy.deepcopy(parts["sources"]["properties"]["topic"])
    return {
        "$schema": DIALECT,
        "$id": "followgpt-registry.schema.json",
        "title": "FollowGPT dataset (JSON export)",
        "description": "The whole FollowGPT registry as one JSON document: models with every figure's source and "
                       "status, licences, sources, organisations and glossary terms. `dataset_version` names the version of "
                       "the data (see the changelog); `format_version` the layout this schema describes.",
        "type": "object",
        "required": ["format", "format_version", "dataset_version", "fact_units", "families", "topics",
                     "organizations", "licenses", "models", "sources", "glossary"],
        "properties": {
            "format": {"const": "followgpt-registry"},
            "format_version": {"const": FORMAT_VERSION},
            "dataset_version": {"type": "string", "pattern": r"^(?:[0-9]{4}\.[0-9]{2}\.[0-9]{2}|unreleased)$",
                                "description": "YYYY.MM.DD: the day the data last changed on the main line, or "
                                               "`unreleased` for a build of uncommitted edits."},
            "fact_units": {"type": "object", "additionalProperties": {"type": "string"},
                           "description": "Each fact name's unit (count, tokens, bytes, flops, usd, date)."},
            "families": {"type": "object", "additionalProperties": family,
                         "description": "Family id → its name and summary."},
            "topics": {"type": "object", "additionalProperties": topic,
                       "description": "Source topic id → its name."},
            "organizations": {"type": "array", "items": {"$ref": "#/$defs/organization"}},
            "licenses": {"type": "array", "items": {"$ref": "#/$defs/license"}},
            "models": {"type": "array", "items": {"$ref": "#/$defs/model"}},
            "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
            "glossary": {"type": "array", "items": {"$ref": "#/$defs/term"}},
        },
        "additionalProperties": True,
        "$defs": defs,
    }


def export_schema_text() -> str:
    return json.dumps(export_schema(), ensure_ascii=False, indent=2) + "\n"
