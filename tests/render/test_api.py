"""The JSON API (api/models.json, api/models/<id>.json): schema-valid, stable, complete."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from followgpt.registry import load_registry
from followgpt.render import MarkerError
from followgpt.render.labels import EDGE_TYPES
from followgpt.render.api import (API_INDEX, API_INDEX_SCHEMA, API_MODEL_SCHEMA, api_files, cited_sources,
                                  index_schema, model_api_path, model_document, model_schema, models_index,
                                  relations)

REAL = Path(__file__).resolve().parents[2] / "resources"


@pytest.fixture(scope="module")
def real():
    return load_registry(REAL)


def validate(schema: dict, data: dict) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}" for error in validator.iter_errors(data)]


def test_the_schemas_are_valid_json_schemas():
    jsonschema.Draft202012Validator.check_schema(index_schema())
    jsonschema.Draft202012Validator.check_schema(model_schema())


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_every_file_is_valid_against_its_published_schema(registry, real, which):
    reg = registry if which == "fixture" else real
    files = api_files(reg, "2026.12.05")
    assert validate(json.loads(files[API_INDEX_SCHEMA]), json.loads(files[API_INDEX])) == []
    schema = json.loads(files[API_MODEL_SCHEMA])
    problems = {model_id: validate(schema, json.loads(files[model_api_path(model_id)])) for model_id in reg.models}
    assert {key: value for key, value in problems.items() if value} == {}
    assert set(files) == {API_INDEX, API_INDEX_SCHEMA, API_MODEL_SCHEMA, *map(model_api_path, reg.models)}


def test_output_is_stable(registry):
    assert api_files(registry, "2026.12.05") == api_files(registry, "2026.12.05")
    assert api_files(registry)[API_INDEX] != api_files(registry, "2026.12.05")[API_INDEX]   # the version is in it


def test_model_document_has_record_sources_and_relatives(registry):
    document = model_document(registry, "omni", "2026.12.05")
    assert document["model"]["id"] == "omni" and document["model"]["status"] in ("available", "retired")
    assert document["pages"] == {"zh": "models/omni/", "en": "en/models/omni/"}
    assert document["json"] == "api/models/omni.json"
    # Every source the record cites is included, with its record.
    assert set(cited_sources(document["model"])) <= set(document["sources"])
    assert document["sources"]["openai2023-gpt4-report"]["url"]
    ancestors = {item["id"]: item for item in document["ancestors"]}
    assert ancestors["gpt-4"] == {"id": "gpt-4", "relation": "rl_from", "edge": "rl_from", "via": None,
                                  "distance": 1, "evidence": "inferred"}
    assert ancestors["gpt-3"] == {"id": "gpt-3", "relation": "rl_from", "edge": "successor_of", "via": "gpt-4",
                                  "distance": 2, "evidence": "inferred"}
    gpt3 = model_document(registry, "gpt-3")
    assert "omni" in {item["id"] for item in gpt3["descendants"]}


def test_index_lists_every_model_with_key_facts_and_vocabulary(registry):
    index = models_index(registry, "2026.12.05")
    assert [entry["id"] for entry in index["models"]] == list(registry.models)
    gpt3 = next(entry for entry in index["models"] if entry["id"] == "gpt-3")
    assert gpt3["facts"]["parameters"]["value"] == 175_000_000_000
    assert gpt3["organizations"][0]["name"]["en"]
    assert gpt3["json"] == "api/models/gpt-3.json" and gpt3["pages"]["en"] == "en/models/gpt-3/"
    relations = index["vocabulary"]["relations"]
    assert relations["fine_tuned_from"]["hf_base_model_relation"] == "finetune"
    assert relations["quantized_from"]["hf_base_model_relation"] == "quantized"
    assert relations["distilled_from"]["hf_base_model_relation"] is None
    assert relations["series_member"]["label"]["zh"]
    assert index["display"]["formats"]["count_units"]["zh"][1] == [100_000_000, "亿"]
    assert index["display"]["labels"]["zh"]["statuses"]["undisclosed"] == "未公开"


def test_compare_marker_mounts_the_widget_with_a_fallback_and_declares_its_script(expand):
    zh = expand("<!-- followgpt:compare -->\n", page_path="data/compare.md")
    assert zh.assets == {"compare"}
    assert '<div class="fgpt-compare" data-root="../../" data-lang="zh" data-max="4"' in zh.markdown
    assert '<noscript><p class="fgpt-compare__fallback">' in zh.markdown and 'href="../../models/"' in zh.markdown
    en = expand("<!-- followgpt:compare -->\n", lang="en", page_path="data/compare.md")
    assert 'data-root="../../../"' in en.markdown and 'data-lang="en"' in en.markdown   # en/ sits one level down
    offered = expand("<!-- followgpt:compare example=gpt-3,gpt-4 -->\n", page_path="data/compare.md").markdown
    assert 'data-example="gpt-3,gpt-4"' in offered
    with pytest.raises(MarkerError, match="unknown|no-such"):
        expand("<!-- followgpt:compare example=gpt-3,no-such -->\n", page_path="data/compare.md")
    with pytest.raises(MarkerError, match="two to 4"):
        expand("<!-- followgpt:compare example=gpt-3 -->\n", page_path="data/compare.md")


def test_relations_marker_lists_the_vocabulary_with_hugging_face_values(expand):
    markdown = expand("<!-- followgpt:relations -->\n", lang="en", page_path="data/api.md").markdown
    assert "| `fine_tuned_from` | fine-tuned from |" in markdown and "| `finetune` |" in markdown
    assert "| `quantized_from` | quantised from | a quantised version of the upstream weights | `quantized` |" in markdown
    assert "| `series_member` |" in markdown
    assert markdown.count("\n|") - 1 == len(EDGE_TYPES)   # one row per relation (after the header)


def test_relatives_name_their_predecessor_only_so_a_path_is_rebuilt_from_the_list(registry):
    for model_id in registry.models:
        document = model_document(registry, model_id)
        for kind in ("ancestors", "descendants"):
            seen: dict[str, dict] = {}
            for item in document[kind]:
                # The predecessor is an earlier entry, one edge nearer, with the same first relation.
                if item["via"] is None:
                    assert item["distance"] == 1 and item["relation"] == item["edge"]
                else:
                    before = seen[item["via"]]
                    assert item["distance"] == before["distance"] + 1 and item["relation"] == before["relation"]
                seen[item["id"]] = item
                assert registry.path(seen, item["id"])[-1] is item


def test_an_entry_has_a_fixed_size_however_long_its_path():
    # A chain of n records: every record lists the n - 1 others (the closure itself has n(n - 1) entries);
    # with whole paths in each entry the bytes grew as n³, with predecessors only an entry's size does not
    # depend on n.
    from followgpt.registry import Registry

    def bytes_per_entry(n: int) -> float:
        models = {f"m{i:04d}": {"id": f"m{i:04d}", "name": {"zh": f"M{i}", "en": f"M{i}"}, "kind": "model",
                                **({"lineage": [{"type": "successor_of", "target": f"m{i - 1:04d}",
                                                 "evidence": "explicit", "source": "s"}]} if i else {})}
                  for i in range(n)}
        reg = Registry(models=models)
        found = [relations(reg, model_id) for model_id in reg.models]
        entries = sum(len(items) for kinds in found for items in kinds.values())
        assert entries == n * (n - 1)
        return len(json.dumps(found)) / entries

    assert bytes_per_entry(200) / bytes_per_entry(50) < 1.05
