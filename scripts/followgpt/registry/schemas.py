"""JSON Schemas (draft 2020-12) for the four registry file kinds, generated from ``vocabulary``.

The committed files in ``resources/schema/`` are what editors use; the validator uses the same
dictionaries built here. Regenerate the files after changing the vocabulary:

    PYTHONPATH=scripts python -m followgpt.registry.write_schemas [--root resources]
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from . import vocabulary as v

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_KINDS = ("organizations", "sources", "models", "glossary", "licenses")


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def _p(title: str, description: str, **schema) -> dict:
    """A property schema: every property carries a title and a description."""
    return {"title": title, "description": description, **schema}


def _ref(name: str, title: str, description: str) -> dict:
    return _p(title, description, **{"$ref": f"#/$defs/{name}"})


def _obj(title: str, description: str, properties: dict, required: tuple = ()) -> dict:
    schema = _p(title, description, type="object", additionalProperties=False, properties=properties)
    if required:
        schema["required"] = list(required)
    return schema


def _list(title: str, description: str, items: dict, **extra) -> dict:
    return _p(title, description, type="array", items=items, **extra)


def _enum(title: str, description: str, values) -> dict:
    return _p(title, description, type="string", enum=list(values))


def _described(values: dict) -> str:
    return "; ".join(f"{name}: {meaning}" for name, meaning in values.items())


def _common_defs() -> dict:
    return {
        "id": _p("Id", v.PATTERN_MEANINGS[v.ID_PATTERN] + ". Never changes once published.",
                 type="string", pattern=v.ID_PATTERN),
        "text": _p("Text", "Non-empty text.", type="string", minLength=1),
        "bilingual": _obj("Bilingual text", "A mapping with Chinese and English text; both are required.", {
            "zh": _p("Chinese", "The Chinese text (中文).", type="string", minLength=1),
            "en": _p("English", "The English text.", type="string", minLength=1),
        }, required=("zh", "en")),
        "date": _p("Date", "YYYY-MM-DD, or YYYY-MM / YYYY when only that precision is known.",
                   type=["string", "integer"], pattern=v.DATE_PATTERN, minimum=1000, maximum=9999),
        "url": _p("URL", v.PATTERN_MEANINGS[v.URL_PATTERN] + ".", type="string", pattern=v.URL_PATTERN),
    }


def _bilingual(title: str, description: str) -> dict:
    return _ref("bilingual", title, description)


def _id(title: str, description: str) -> dict:
    return _ref("id", title, description)


def _ids(title: str, description: str, **extra) -> dict:
    return _list(title, description, {"$ref": "#/$defs/id"}, uniqueItems=True, **extra)


def _schema(kind: str, title: str, description: str, root: dict, defs: dict) -> dict:
    return {"$schema": DIALECT, "title": title, "description": description, **root,
            "$defs": {**_common_defs(), **defs}}


# --- organizations.yaml -------------------------------------------------------------------------------------------

def organizations_schema() -> dict:
    organization = _obj("Organisation", "A company, lab, university, community, individual or government.", {
        "id": _id("Id", "The organisation's id, referenced by models' `organizations`."),
        "name": _bilingual("Name", "The organisation's name in Chinese and English."),
        "kind": _enum("Kind", "What sort of organisation it is.", v.ORGANIZATION_KINDS),
        "country": _p("Country", v.PATTERN_MEANINGS[v.COUNTRY_PATTERN] + ".", type="string",
                      pattern=v.COUNTRY_PATTERN),
        "url": _ref("url", "Website", "The organisation's home page."),
    }, required=("id", "name", "kind"))
    root = {"type": "array", "items": {"$ref": "#/$defs/organization"}}
    return _schema("organizations", "FollowGPT organisations",
                   "resources/organizations.yaml: a list of organisations.", root, {"organization": organization})


# --- sources/<topic>.yaml -----------------------------------------------------------------------------------------

def sources_schema() -> dict:
    source = _obj("Source", "One bibliography entry. Give `authors`, `publisher` or both.", {
        "id": _id("Id", "The source id, cited by facts and as a footnote label: <firstauthor-or-org><year>-<short>."),
        "kind": _enum("Kind", "What sort of source it is.", v.SOURCE_KINDS),
        "title": _ref("text", "Title", "The title, in the source's own language."),
        "authors": _list("Authors", "Author names, in the source's order.", {"$ref": "#/$defs/text"}, minItems=1),
        "publisher": _ref("text", "Publisher", "The publishing organisation or site (optional when authors are given)."),
        "date": _ref("date", "Date", "Publication date; for arXiv papers the v1 date."),
        "url": _ref("url", "URL", "Where to read it."),
        "arxiv": _p("arXiv id", v.PATTERN_MEANINGS[v.ARXIV_PATTERN] + ".", type="string", pattern=v.ARXIV_PATTERN),
        "language": _p("Language", v.PATTERN_MEANINGS[v.LANGUAGE_PATTERN] + "; default en.", type="string",
                       pattern=v.LANGUAGE_PATTERN),
        "note": _bilingual("Note", "What this source is good for."),
    }, required=("id", "kind", "title", "date", "url"))
    root = {"type": "object", "additionalProperties": False, "required": ["topic", "sources"], "properties": {
        "topic": _bilingual("Topic", "The topic's name; the file's stem is the topic id."),
        "sources": _list("Sources", "The bibliography entries of this topic.", {"$ref": "#/$defs/source"}),
    }}
    return _schema("sources", "FollowGPT sources (one topic)",
                   "resources/sources/<topic>.yaml: the bibliography entries of one topic.", root, {"source": source})


# --- models/<family>.yaml -----------------------------------------------------------------------------------------

def _fact_value(unit: str) -> dict:
    if unit == "date":
        return {"$ref": "#/$defs/date"}
    kind = "integer" if unit in v.INTEGER_UNITS else "number"
    return {"type": kind, "exclusiveMinimum": 0}


def _fact_defs() -> dict:
    defs = {}
    for unit, meaning in v.UNITS.items():
        value = _p("Value", f"The value: {meaning}, in base units.", **_fact_value(unit))
        locator = _ref("text", "Where", "Locator in the source (table, section, page).")
        note = _bilingual("Note", "An explanation, e.g. of an approximation or an unusual order of dates.")
        source = _id("Source", "Id of the source that states (or withholds) the value.")
        defs[f"claim-{unit}"] = _obj(f"Claim ({unit})", "A value with the source that states it.", {
            "value": value, "source": source, "where": locator, "note": note,
        }, required=("value", "source"))
        defs[f"rumour-{unit}"] = _obj(f"Rumour ({unit})", "An unconfirmed claim, shown only as an attributed rumour.", {
            "value": value,
            "claimed_by": _ref("text", "Claimed by", "Who made the claim."),
            "date": _ref("date", "Date", "When the claim was made."),
            "source": _id("Source", "Id of the source reporting the claim."),
            "note": note,
        }, required=("value", "claimed_by", "date", "source"))
        defs[f"earlier-{unit}"] = _obj(f"Earlier value ({unit})", "A value that applied until a date (not a "
                                       "correction: use `superseded` for those).", {
            "value": value,
            "until": _ref("date", "Until", "The date it stopped applying (the next value's `since`)."),
            "source": _id("Source", "Id of the source that states the earlier value."),
            "where": locator, "note": note,
        }, required=("value", "until", "source"))
        defs[f"estimate-{unit}"] = _obj(f"Estimate ({unit})", "An attributed third-party estimate of an undisclosed "
                                        "value; never shown as the value.", {
            "value": value,
            "estimated_by": _ref("text", "Estimated by", "Who made the estimate."),
            "date": _ref("date", "Date", "When the estimate was published."),
            "source": _id("Source", "Id of the source that publishes the estimate."),
            "method": _bilingual("Method", "How they arrived at it (recommended)."),
            "where": locator, "note": note,
        }, required=("value", "estimated_by", "date", "source"))
        defs[f"fact-{unit}"] = _obj(f"Fact ({unit})", "A value with its source and status.", {
            "value": value,
            "source": _id("Source", "Id of the source that states the value; for undisclosed facts the one that withholds it."),
            "status": _enum("Status", _described(v.STATUSES), v.STATUSES),
            "where": locator,
            "approx": _p("Approximate", "The source says \"about\".", type="boolean"),
            "note": note,
            "estimated_by": _ref("text", "Estimated by", "Who made the estimate (required with status: estimated)."),
            "claims": _list("Claims", "Competing values (required with status: disputed, two or more).",
                            {"$ref": f"#/$defs/claim-{unit}"}),
            "superseded": _list("Superseded", "Earlier values the authors later corrected.",
                                {"$ref": f"#/$defs/claim-{unit}"}),
            "rumours": _list("Rumours", "Unconfirmed claims, shown only as attributed rumours.",
                             {"$ref": f"#/$defs/rumour-{unit}"}),
            "estimates": _list("Estimates", "Attributed third-party estimates (only with status: undisclosed).",
                               {"$ref": f"#/$defs/estimate-{unit}"}, minItems=1),
            "since": _ref("date", "Since", "The date the current value took effect (for a value that changed over "
                          "time)."),
            "earlier": _list("Earlier values", "Values that applied before, oldest first, each with the date it "
                             "stopped applying.", {"$ref": f"#/$defs/earlier-{unit}"}, minItems=1),
        }, required=("source",))
    return defs


def _facts() -> dict:
    properties = {
        name: _ref(f"fact-{unit}", name, f"{meaning} (unit: {unit}: {v.UNITS[unit]}).")
        for name, (unit, _zh, _en, meaning) in v.FACT_TABLE.items()
    }
    return _obj("Facts", "Every number and date: value + source (+ status). Names: " + ", ".join(v.FACTS) + ".",
                properties)


def models_schema() -> dict:
    corpus = _obj("Corpus", "A pre-training corpus.", {
        "name": {"title": "Name", "description": "The corpus's name: plain text, or {zh, en} when it has a Chinese name.",
                 "oneOf": [{"$ref": "#/$defs/text"}, {"$ref": "#/$defs/bilingual"}]},
        "source": _id("Source", "Id of the source that names the corpus."),
        "note": _bilingual("Note", "Details such as its share of the mix."),
    }, required=("name", "source"))
    edge = _obj("Lineage edge", "A typed edge from this record to an earlier one.", {
        "type": _enum("Type", _described(v.EDGE_TYPES), v.EDGE_TYPES),
        "target": _id("Target", "Id of the model this one derives from."),
        "evidence": _enum("Evidence", _described(v.EVIDENCE), v.EVIDENCE),
        "source": _id("Source", "Id of the source stating the relation (required for explicit evidence)."),
        "where": _ref("text", "Where", "Locator in the source."),
        "note": _bilingual("Note", "Our reasoning (required for inferred evidence)."),
        "since": _ref("date", "Since", "When the relation began (when it held only for a time)."),
        "until": _ref("date", "Until", "When the relation ended."),
    }, required=("type", "target", "evidence"))
    modality_list = {"type": "array", "items": {"type": "string", "enum": list(v.MODALITIES)}, "uniqueItems": True,
                     "minItems": 1}
    modalities = _obj("Modalities", "What the model takes in and puts out: " + ", ".join(v.MODALITIES) + ".", {
        "input": _p("Input", "Input modalities.", **modality_list),
        "output": _p("Output", "Output modalities.", **modality_list),
    }, required=("input", "output"))
    snapshot = _obj("Snapshot", "An API snapshot id with its release date.", {
        "id": _p("Id", v.PATTERN_MEANINGS[v.SNAPSHOT_PATTERN] + "; unique across the registry's ids, aliases "
                 "and snapshot ids.", type="string", pattern=v.SNAPSHOT_PATTERN),
        "date": _ref("date", "Date", "When the snapshot was released."),
        "source": _id("Source", "Id of the source that lists the snapshot."),
        "where": _ref("text", "Where", "Locator in the source."),
        "note": _bilingual("Note", "What changed in this snapshot."),
    }, required=("id", "date", "source"))
    event = _obj("Lifecycle event", "A dated event in the model's life. A model is retired when it has a "
                 "`retired` event whose scope matches its access.", {
        "event": _enum("Event", _described(v.LIFECYCLE_EVENTS), v.LIFECYCLE_EVENTS),
        "date": _ref("date", "Date", "When it happened (took effect)."),
        "scope": _enum("Scope", _described(v.LIFECYCLE_SCOPES), v.LIFECYCLE_SCOPES),
        "snapshot": _ref("text", "Snapshot", "Only this snapshot: one of the record's snapshot ids, aliases or its "
                         "id."),
        "to": _bilingual("To", "The new name (required for `renamed`)."),
        "source": _id("Source", "Id of the source that announces the event."),
        "where": _ref("text", "Where", "Locator in the source."),
        "note": _bilingual("Note", "Details."),
    }, required=("event", "date", "scope", "source"))
    model = _obj("Model", "A model, model series, product, code project or architecture.", {
        "id": _id("Id", "The model id; also its page name."),
        "name": _bilingual("Name", "Display name in Chinese and English."),
        "aliases": _list("Aliases", "Other names; unique across the registry (names count as aliases).",
                         {"$ref": "#/$defs/text"}, uniqueItems=True),
        "kind": _enum("Kind", "What sort of record it is.", v.MODEL_KINDS),
        "series": _id("Series", "Id of the `kind: model-series` record this is one size/member of."),
        "organizations": _ids("Organisations", "Ids from organizations.yaml of those who built it.", minItems=1),
        "summary": _bilingual("Summary", "One or two sentences."),
        "architecture": _enum("Architecture", "The Transformer layout.", v.ARCHITECTURES),
        "access": _enum("Access", "How it can be used.", v.ACCESS),
        "license": _ref("text", "Licence", "Id of the licence in resources/licenses.yaml, e.g. apache-2.0."),
        "modalities": _ref("modalities", "Modalities", "Input and output modalities."),
        "reasoning": _enum("Reasoning", _described(v.REASONING), v.REASONING),
        "snapshots": _list("Snapshots", "API snapshot ids, each with its date and source.",
                           {"$ref": "#/$defs/snapshot"}, minItems=1),
        "lifecycle": _list("Lifecycle", "Dated events: deprecated, retired, renamed, released (per scope).",
                           {"$ref": "#/$defs/event"}, minItems=1),
        "facts": _facts(),
        "training": _obj("Training", "How it was trained.", {
            "corpora": _list("Corpora", "Pre-training corpora.", {"$ref": "#/$defs/corpus"}),
            "languages": _list("Languages", "ISO 639-1 codes of the training languages.",
                               {"type": "string", "pattern": v.LANGUAGE_PATTERN}, uniqueItems=True),
            "methods": _list("Methods", "Training methods: " + ", ".join(v.TRAINING_METHODS) + ".",
                             {"type": "string", "enum": list(v.TRAINING_METHODS)}, uniqueItems=True),
        }),
        "lineage": _list("Lineage", "Typed edges to the records this one derives from.", {"$ref": "#/$defs/edge"}),
    }, required=("id", "name", "kind", "organizations", "summary"))
    root = {"type": "object", "additionalProperties": False, "required": ["family", "models"], "properties": {
        "family": _obj("Family", "The family this file holds; the file's stem is the family id.", {
            "name": _bilingual("Name", "The family's name."),
            "summary": _bilingual("Summary", "One or two sentences about the family."),
        }, required=("name",)),
        "models": _list("Models", "The family's records, in display order.", {"$ref": "#/$defs/model"}),
    }}
    return _schema("models", "FollowGPT models (one family)",
                   "resources/models/<family>.yaml: the model records of one family.", root,
                   {"model": model, "corpus": corpus, "edge": edge, "modalities": modalities, "snapshot": snapshot,
                    "event": event, **_fact_defs()})


# --- glossary.yaml ------------------------------------------------------------------------------------------------

def glossary_schema() -> dict:
    words = {"$ref": "#/$defs/text"}
    term = _obj("Term", "A glossary term, zh ↔ en, with a one-line definition.", {
        "id": _id("Id", "The term id; also its anchor on the glossary page."),
        "zh": _ref("text", "Chinese", "The Chinese term."),
        "en": _ref("text", "English", "The English term."),
        "aliases": _obj("Aliases", "Other names per language.", {
            "zh": _list("Chinese aliases", "Other Chinese names.", words, uniqueItems=True),
            "en": _list("English aliases", "Other English names and abbreviations.", words, uniqueItems=True),
        }),
        "definition": _bilingual("Definition", "A one-line definition in each language."),
        "see_also": _ids("See also", "Ids of related glossary terms."),
    }, required=("id", "zh", "en", "definition"))
    root = {"type": "object", "additionalProperties": False, "required": ["terms"], "properties": {
        "terms": _list("Terms", "The glossary terms.", {"$ref": "#/$defs/term"}),
    }}
    return _schema("glossary", "FollowGPT glossary", "resources/glossary.yaml: the glossary.", root, {"term": term})


# --- licenses.yaml ------------------------------------------------------------------------------------------------

def licenses_schema() -> dict:
    licence = _obj("Licence", "A licence (or terms of use) that models refer to by id.", {
        "id": _id("Id", "The licence id, referenced by models' `license`."),
        "name": _bilingual("Name", "The licence's name in Chinese and English."),
        "spdx": _ref("text", "SPDX id", "The SPDX identifier, when the licence has one."),
        "kind": _enum("Kind", _described(v.LICENSE_KINDS), v.LICENSE_KINDS),
        "commercial_use": _enum("Commercial use", _described(v.COMMERCIAL_USE), v.COMMERCIAL_USE),
        "use_outputs_to_train": _enum("Outputs to train other models", "May outputs (distillation) train other "
                                      "models: " + _described(v.OUTPUT_USE), v.OUTPUT_USE),
        "conditions": _bilingual("Conditions", "Conditions such as attribution, user limits, naming rules."),
        "regional_limits": _bilingual("Regional limits", "Regions where use is restricted."),
        "url": _ref("url", "URL", "Where to read the licence text."),
        "source": _id("Source", "Id of the source (the licence text or the page stating it)."),
        "note": _bilingual("Note", "Anything else a reader should know."),
    }, required=("id", "name", "kind", "commercial_use", "use_outputs_to_train", "url", "source"))
    root = {"type": "object", "additionalProperties": False, "required": ["licenses"], "properties": {
        "licenses": _list("Licences", "The licences.", {"$ref": "#/$defs/license"}),
    }}
    return _schema("licenses", "FollowGPT licences", "resources/licenses.yaml: the licences models refer to.", root,
                   {"license": licence})


_BUILDERS = {"organizations": organizations_schema, "sources": sources_schema,
             "models": models_schema, "glossary": glossary_schema, "licenses": licenses_schema}


@lru_cache(maxsize=None)
def _cached(kind: str) -> str:
    return json.dumps(_BUILDERS[kind](), ensure_ascii=False, indent=2) + "\n"


def schema_text(kind: str) -> str:
    """The schema of a file kind as the JSON text committed in resources/schema/."""
    return _cached(kind)


def schema(kind: str) -> dict:
    return json.loads(_cached(kind))


def stale_schema_files(root: Path) -> list[Path]:
    """Committed schema files that differ from what the vocabulary generates (missing ones included)."""
    stale = []
    for kind in FILE_KINDS:
        path = Path(root) / "schema" / schema_file_name(kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != schema_text(kind):
            stale.append(path)
    return stale


def write_schema_files(root: Path) -> list[Path]:
    written = []
    for kind in FILE_KINDS:
        path = Path(root) / "schema" / schema_file_name(kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written
