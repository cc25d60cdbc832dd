"""The Registry API the renderers depend on, checked on the small valid fixture."""

from __future__ import annotations

import pytest

from followgpt.registry import EDGE_TYPES, FACTS, Registry, RegistryError, load_registry


@pytest.fixture
def reg(make_registry) -> Registry:
    return load_registry(make_registry())


def test_models_in_file_order_with_family_file_and_line(reg):
    assert list(reg.models) == ["demo-family", "demo-1", "demo-2", "demo-base", "demo-chat", "demo-moe",
                                "demo-secret"]
    demo1 = reg.models["demo-1"]
    assert demo1["family"] == "demo-line"
    assert demo1["file"] == "resources/models/demo-line.yaml"
    assert demo1["line"] == 12
    assert demo1["name"] == {"zh": "Demo-1", "en": "Demo-1"}
    assert reg.models["demo-base"]["family"] == "demo-open"


def test_dates_are_normalised_text(reg):
    assert reg.fact("demo-1", "paper_date")["value"] == "2019-02-14"
    assert reg.fact("demo-1", "weights_date")["value"] == "2019-11"
    assert reg.fact("demo-2", "announcement_date")["value"] == "2020"   # written as the number 2020
    assert reg.fact("demo-2", "parameters")["rumours"][0]["date"] == "2020-08-01"
    assert reg.sources["demolab-repo"]["date"] == "2020"


def test_whole_numbers_written_as_floats_become_ints(reg):
    tokens = reg.fact("demo-1", "training_tokens")["value"]
    assert tokens == 12_000_000_000 and isinstance(tokens, int)
    assert reg.fact("demo-2", "training_compute_flops")["value"] == 3.1e21


def test_fact_lookup(reg):
    assert reg.fact("demo-1", "parameters")["superseded"][0]["value"] == 117_000_000
    assert reg.fact("demo-1", "context_length") is None
    assert reg.fact("demo-2", "training_data_bytes") == {"status": "undisclosed", "source": "demolab2020-blog"}
    with pytest.raises(KeyError):
        reg.fact("no-such-model", "parameters")
    with pytest.raises(KeyError):
        reg.fact("demo-1", "paramters")


def test_parents_and_children(reg):
    assert reg.parents("demo-chat") == [{"type": "based_on", "target": "demo-2", "evidence": "explicit",
                                         "source": "demolab2020-blog"}]
    assert reg.parents("demo-base") == []
    children = reg.children("demo-1")
    assert [(child, edge["type"]) for child, edge in children] == [("demo-2", "scaled_from"),
                                                                    ("demo-2", "successor_of")]
    assert reg.children("demo-chat") == []
    with pytest.raises(KeyError):
        reg.children("no-such-model")


def test_series_members_families_and_positions(reg):
    assert reg.members("demo-family") == ["demo-1", "demo-2"]
    assert reg.members("demo-1") == []
    assert reg.family_members("demo-open") == ["demo-base", "demo-chat", "demo-moe", "demo-secret"]
    assert reg.family_members("no-such-family") == []
    assert [reg.position(model_id) for model_id in reg.models] == list(range(len(reg.models)))


def test_families_topics_sources_organisations_glossary(reg):
    assert reg.families == {
        "demo-line": {"name": {"zh": "示例系列", "en": "The demo line"},
                      "summary": {"zh": "用于测试的模型。", "en": "Models for the tests."},
                      "file": "resources/models/demo-line.yaml"},
        "demo-open": {"name": {"zh": "开放示例", "en": "Open demos"}, "file": "resources/models/demo-open.yaml"},
    }
    assert reg.topics == {"demo": {"zh": "示例", "en": "Demo"}}
    assert list(reg.sources) == ["doe2019-demo", "demolab2020-blog", "demolab-repo"]
    assert reg.sources["doe2019-demo"]["topic"] == "demo"
    assert reg.sources["doe2019-demo"]["arxiv"] == "1902.00001"
    assert list(reg.organizations) == ["demo-lab", "demo-community", "jane-doe"]
    assert reg.glossary["language-model"]["see_also"] == ["token"]
    assert [path.name for path in reg.files] == ["organizations.yaml", "glossary.yaml", "licenses.yaml", "demo.yaml",
                                                  "demo-line.yaml", "demo-open.yaml"]


def test_vocabulary_exports():
    assert FACTS["parameters"] == "count"
    assert FACTS["paper_date"] == "date"
    assert FACTS["context_length"] == "tokens"
    assert FACTS["training_data_bytes"] == "bytes"
    assert FACTS["training_compute_flops"] == "flops"
    assert FACTS["price_input_usd_per_1k_tokens"] == "usd"
    assert set(FACTS.values()) == {"date", "count", "tokens", "bytes", "flops", "usd"}
    assert list(EDGE_TYPES) == ["architecture_from", "scaled_from", "fine_tuned_from", "trained_on_outputs_of",
                                "distilled_from", "successor_of", "based_on", "rl_from", "continued_pretraining_of",
                                "quantized_from"]


def test_load_registry_raises_with_every_issue(make_registry):
    with pytest.raises(RegistryError) as caught:
        load_registry(make_registry("several-errors"))
    assert len(caught.value.issues) == 6
    assert "6 problems in the registry" in str(caught.value)


def test_issue_text_has_file_line_record_field_and_message(make_registry):
    root = make_registry()
    padding = "".join(f"# line {n}\n" for n in range(2, 33))
    (root / "models" / "openai-gpt.yaml").write_text(
        "# yaml-language-server: $schema=../schema/models.schema.json\n" + padding +
        "family:\n"                                           # 33
        "  name: {zh: OpenAI GPT 系列, en: The OpenAI GPT line}\n"
        "models:\n"
        "  - id: gpt-3\n"                                      # 36
        "    name: {zh: GPT-3, en: GPT-3}\n"
        "    kind: model\n"
        "    organizations: [demo-lab]\n"
        "    summary: {zh: 示例。, en: An example.}\n"
        "    facts:\n"
        "      parameters: {value: 175B, source: doe2019-demo}\n", encoding="utf-8")   # 42
    with pytest.raises(RegistryError) as caught:
        load_registry(root)
    assert [str(issue) for issue in caught.value.issues] == [
        "resources/models/openai-gpt.yaml:42: gpt-3 › facts.parameters.value: expected a number, got '175B' (string)"
    ]
    issue = caught.value.issues[0]
    assert (issue.file, issue.line, issue.record, issue.field) == (
        "resources/models/openai-gpt.yaml", 42, "gpt-3", "facts.parameters.value")


def test_not_a_registry_folder(tmp_path):
    with pytest.raises(RegistryError) as caught:
        load_registry(tmp_path)
    assert "not a registry folder" in str(caught.value.issues[0])


def test_licences_by_id(reg):
    assert list(reg.licenses) == ["mit", "demo-weights-licence"]
    assert reg.license("demo-1")["name"]["en"] == "MIT License"
    assert reg.license("demo-moe")["commercial_use"] == "conditional"
    assert reg.license("demo-2") is None


def test_new_dates_are_normalised(reg):
    assert reg.fact("demo-2", "vocab_size")["since"] == "2020-09-01"
    assert reg.fact("demo-2", "vocab_size")["earlier"][0]["until"] == "2020-07-01"
    assert reg.fact("demo-secret", "parameters")["estimates"][0]["date"] == "2021-06-01"
    assert reg.models["demo-2"]["snapshots"][0]["date"] == "2020-06-11"
    assert reg.parents("demo-secret")[0]["until"] == "2021-09-01"


def test_lifecycle_in_date_order_and_retirement(reg):
    assert [event["event"] for event in reg.lifecycle("demo-2")] == ["deprecated", "renamed", "retired", "retired"]
    # demo-2 (access: api) had two snapshots, each retired from the API: the model is retired at the later date
    assert reg.retirement("demo-2")["date"] == "2021-07-01"
    assert reg.status("demo-2") == "retired"
    assert reg.status("demo-1") == "available"
    assert reg.retirement("demo-moe") is None


def test_retired_only_when_the_scope_matches_the_access(reg):
    record = reg.models["demo-1"]        # access: open-weights
    record["lifecycle"] = [{"event": "retired", "date": "2022-01-01", "scope": "api", "source": "demolab-repo"}]
    assert reg.status("demo-1") == "available"
    record["lifecycle"].append({"event": "retired", "date": "2023-01-01", "scope": "weights", "source": "demolab-repo"})
    assert reg.retirement("demo-1")["date"] == "2023-01-01"
    reg.models["demo-2"]["lifecycle"] = [event for event in reg.models["demo-2"]["lifecycle"]
                                         if event.get("snapshot") != "demo-2-2020-09-01"]
    assert reg.status("demo-2") == "available"      # one snapshot is still served
