"""Check a document against its JSON Schema and say what is wrong in plain words."""

from __future__ import annotations

import difflib
from typing import Iterator

from jsonschema import Draft202012Validator

from . import schemas
from .vocabulary import DATE_PATTERN, PATTERN_MEANINGS
from .yaml_document import YamlDocument

_validators: dict[str, Draft202012Validator] = {}


def _validator(kind: str) -> Draft202012Validator:
    if kind not in _validators:
        _validators[kind] = Draft202012Validator(schemas.schema(kind))
    return _validators[kind]


def schema_problems(kind: str, document: YamlDocument) -> Iterator[tuple[tuple, str, bool]]:
    """(path, message, at_key) for every place the document breaks the schema of ``kind``."""
    for error in _validator(kind).iter_errors(document.data):
        yield from _explain(error, document)


def _explain(error, document: YamlDocument) -> Iterator[tuple[tuple, str, bool]]:
    path = tuple(error.absolute_path)
    schema, instance, validator = error.schema, error.instance, error.validator
    if validator == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        for key in instance:
            if key not in allowed:
                yield path + (key,), f"unknown field {key!r}; expected one of: {', '.join(allowed)}" \
                    + _did_you_mean(str(key), allowed) + _split_text_hint(str(key)), True
    elif validator == "required":
        for key in error.validator_value:
            if key not in instance:
                yield path, _missing(key, schema), False
    elif validator == "type":
        yield path, f"expected {_expected(schema, instance)}, got {_got(instance, document.raw_text(path))}" \
            + _quote_hint(schema, instance, document.raw_text(path)), False
    elif validator == "enum":
        options = [str(option) for option in error.validator_value]
        yield path, f"expected one of: {', '.join(options)}; got {_got(instance, document.raw_text(path))}" \
            + _did_you_mean(str(instance), options), False
    elif validator == "pattern":
        meaning = PATTERN_MEANINGS.get(error.validator_value, f"text matching {error.validator_value}")
        yield path, f"expected {meaning}, got {instance!r}", False
    elif validator == "minLength":
        yield path, "expected non-empty text, got ''", False
    elif validator == "minItems":
        count = error.validator_value
        yield path, f"expected at least {count} item{'s' if count != 1 else ''}, got {len(instance)}", False
    elif validator == "uniqueItems":
        repeated = sorted({str(item) for item in instance if instance.count(item) > 1})
        yield path, f"expected each item once, got repeated: {', '.join(repeated)}", False
    elif validator == "exclusiveMinimum":
        yield path, f"expected a positive number, got {_got(instance, document.raw_text(path))}", False
    elif validator in ("minimum", "maximum"):
        if schema.get("pattern") == DATE_PATTERN:
            yield path, f"expected a date with a four-digit year, got {instance!r}", False
        else:
            yield path, f"expected a number {'≥' if validator == 'minimum' else '≤'} {error.validator_value}, " \
                f"got {instance!r}", False
    elif validator == "oneOf":  # text-or-bilingual fields
        if isinstance(instance, dict):  # a mapping: report what is wrong inside it
            for sub in error.context:
                if sub.schema.get("type") == "object" or "properties" in sub.schema:
                    yield from _explain(sub, document)
                    return
        yield path, f"expected text or a {{zh, en}} mapping, got {_got(instance, document.raw_text(path))}", False
    else:  # not expected with the generated schemas; keep jsonschema's own words
        yield path, error.message, False


def _missing(key: str, schema: dict) -> str:
    if set(schema.get("properties", {})) == {"zh", "en"}:
        return f"missing {key!r}; bilingual text needs both zh and en"
    return f"missing required field {key!r}"


def _expected(schema: dict, instance) -> str:
    types = schema.get("type")
    if schema.get("pattern") == DATE_PATTERN:
        return "a date (YYYY-MM-DD, YYYY-MM or YYYY)"
    if types == "object" and set(schema.get("properties", {})) == {"zh", "en"}:
        return "bilingual text {zh: …, en: …}"
    words = {"integer": "a number", "number": "a number", "string": "text", "boolean": "true or false",
             "array": "a list", "object": "a mapping"}
    if isinstance(types, list):
        return " or ".join(words.get(t, t) for t in types)
    if types == "integer" and isinstance(instance, float):
        return "a whole number"
    return words.get(types, str(types))


def _got(value, raw: str | None) -> str:
    if value is None:
        return "nothing (empty)"
    if isinstance(value, bool):
        return f"{raw or str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"{raw or value} (number)"
    if isinstance(value, str):
        return f"{value!r} (string)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


def _quote_hint(schema: dict, value, raw: str | None) -> str:
    if schema.get("type") == "string" and isinstance(value, (int, float, bool)) and raw:
        return f"; quote it: \"{raw}\""
    return ""


def _did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _split_text_hint(key: str) -> str:
    if " " in key.strip():
        return (" (this looks like the tail of a text: inside {…} an unquoted ', ' or ': ' ends the text; "
                "put the text in quotes)")
    return ""
