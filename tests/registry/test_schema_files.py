"""The JSON Schemas: generated from the vocabulary (one source of truth), committed up to date, complete."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from followgpt.registry import FACTS, schemas, vocabulary

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
REGENERATE = "PYTHONPATH=scripts python -m followgpt.registry.write_schemas"


@pytest.mark.parametrize("kind", schemas.FILE_KINDS)
def test_committed_schema_is_up_to_date(kind):
    path = RESOURCES / "schema" / schemas.schema_file_name(kind)
    assert path.is_file(), f"{path} is missing; run: {REGENERATE}"
    assert path.read_text(encoding="utf-8") == schemas.schema_text(kind), f"{path} is stale; run: {REGENERATE}"


@pytest.mark.parametrize("kind", schemas.FILE_KINDS)
def test_schema_is_valid_draft_2020_12(kind):
    schema = schemas.schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def _objects(node, path="#"):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield path, node
        for key, value in node.items():
            yield from _objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _objects(value, f"{path}/{index}")


@pytest.mark.parametrize("kind", schemas.FILE_KINDS)
def test_every_object_is_closed_and_every_property_documented(kind):
    for path, node in _objects(schemas.schema(kind)):
        assert node.get("additionalProperties") is False, f"{path} allows unknown fields"
        for name, prop in node.get("properties", {}).items():
            assert prop.get("title") and prop.get("description"), f"{path}/properties/{name} lacks title/description"


def test_fact_names_and_units_come_from_the_vocabulary():
    facts = schemas.schema("models")["$defs"]["model"]["properties"]["facts"]["properties"]
    assert list(facts) == list(FACTS)
    for name, unit in FACTS.items():
        assert facts[name]["$ref"] == f"#/$defs/fact-{unit}"


def test_enums_come_from_the_vocabulary():
    model = schemas.schema("models")["$defs"]["model"]["properties"]
    edge = schemas.schema("models")["$defs"]["edge"]["properties"]
    fact = schemas.schema("models")["$defs"]["fact-count"]["properties"]
    assert model["kind"]["enum"] == list(vocabulary.MODEL_KINDS)
    assert model["access"]["enum"] == list(vocabulary.ACCESS)
    assert model["training"]["properties"]["methods"]["items"]["enum"] == list(vocabulary.TRAINING_METHODS)
    assert edge["type"]["enum"] == list(vocabulary.EDGE_TYPES)
    assert fact["status"]["enum"] == list(vocabulary.STATUSES)
    source = schemas.schema("sources")["$defs"]["source"]["properties"]
    assert source["kind"]["enum"] == list(vocabulary.SOURCE_KINDS)
    org = schemas.schema("organizations")["$defs"]["organization"]["properties"]
    assert org["kind"]["enum"] == list(vocabulary.ORGANIZATION_KINDS)
    defs = schemas.schema("models")["$defs"]
    assert model["reasoning"]["enum"] == list(vocabulary.REASONING)
    assert defs["modalities"]["properties"]["input"]["items"]["enum"] == list(vocabulary.MODALITIES)
    assert defs["event"]["properties"]["event"]["enum"] == list(vocabulary.LIFECYCLE_EVENTS)
    assert defs["event"]["properties"]["scope"]["enum"] == list(vocabulary.LIFECYCLE_SCOPES)
    assert set(vocabulary.ACCESS_SCOPES) <= set(vocabulary.ACCESS)
    assert {scope for scopes in vocabulary.ACCESS_SCOPES.values() for scope in scopes} <= set(vocabulary.LIFECYCLE_SCOPES)
    licence = schemas.schema("licenses")["$defs"]["license"]["properties"]
    assert licence["kind"]["enum"] == list(vocabulary.LICENSE_KINDS)
    assert licence["commercial_use"]["enum"] == list(vocabulary.COMMERCIAL_USE)
    assert licence["use_outputs_to_train"]["enum"] == list(vocabulary.OUTPUT_USE)


def test_readme_fact_table_matches_the_vocabulary():
    """resources/README.md documents the facts; it must list exactly FACTS with their units."""
    text = (RESOURCES / "README.md").read_text(encoding="utf-8")
    table = text.split("### Fact names", 1)[1].split("\n\n", 2)[1]
    documented = {}
    for row in table.splitlines()[2:]:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        for name in re.findall(r"`([a-z0-9_]+)`", cells[0]):
            documented[name] = cells[1].lower()
    assert documented == FACTS


def test_vscode_maps_the_yaml_files_to_the_schemas():
    settings = json.loads((RESOURCES.parent / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping["./resources/schema/models.schema.json"] == ["resources/models/*.yaml"]
    assert mapping["./resources/schema/sources.schema.json"] == ["resources/sources/*.yaml"]
    assert mapping["./resources/schema/organizations.schema.json"] == ["resources/organizations.yaml"]
    assert mapping["./resources/schema/glossary.schema.json"] == ["resources/glossary.yaml"]
