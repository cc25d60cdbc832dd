"""Renderers for the schema additions: lifecycle and retirement, licences, MoE, undisclosed values with estimates,
dated values, edge dates, the new edge types, and their exports."""

import csv
import io
import json
import re

from followgpt.render import to_csv, to_json



def table_rows(markdown: str) -> list[list[str]]:
    rows = [line for line in markdown.split("\n") if line.startswith("| ") and not line.startswith("| --- |")]
    rows = [re.sub(r'<span data-sort="[^"]*"></span>', "", row) for row in rows]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def test_table_marks_retired_models_and_says_so_in_access(expand):
    markdown = expand("<!-- followgpt:table family=modern columns=access,status,license -->\n", lang="en").markdown
    rows = {row[0].split("]")[0].lstrip("["): row for row in table_rows(markdown)[1:]}
    assert rows["text-davinci-003"][0].endswith(" (retired)")
    assert rows["text-davinci-003"][1] == "API (retired 4 January 2024)"
    assert rows["text-davinci-003"][2] == "retired (4 January 2024)"
    assert rows["Omni"][1] == "API" and rows["Omni"][2] == "available"
    assert rows["Mixer-8x7B"][3] == r"Odd &lt;weights&gt; licence \| A&amp;B"
    zh = table_rows(expand("<!-- followgpt:table family=modern columns=access -->\n").markdown)
    assert ["[text-davinci-003](../models/text-davinci-003.md)（已退役）", "API（2024 年 1 月 4 日已退役）"] in zh


def test_table_retired_option_hides_or_keeps_only_retired_models(expand):
    def names(option):
        rows = table_rows(expand(f"<!-- followgpt:table family=modern {option} -->\n", lang="en").markdown)[1:]
        return [re.match(r"\[([^\]]+)\]", row[0]).group(1) for row in rows]
    assert "text-davinci-003" in names("")
    assert "text-davinci-003" not in names("retired=hide") and "Omni" in names("retired=hide")
    assert names("retired=only") == ["text-davinci-003"]


def test_undisclosed_values_render_as_words_and_sort_last(expand):
    markdown = expand("<!-- followgpt:table family=modern columns=parameters,active_parameters sort=-parameters -->\n",
                      lang="en").markdown
    assert '<span data-sort="-1"></span>undisclosed[^openai2023-gpt4-report]' in markdown
    rows = table_rows(markdown)
    assert rows[0] == ["Model", "Parameters", "Active parameters"]
    assert rows[-1][0].startswith("[Omni]") and rows[-1][1] == "undisclosed[^openai2023-gpt4-report]"
    assert "200B" not in markdown                     # the estimate is never a table value
    assert ["[Mixer-8x7B](../models/mixer.md)", "46.7B[^odd2023-rumour]", "12.9B[^odd2023-rumour]"] in rows
    ascending = table_rows(expand("<!-- followgpt:table family=modern columns=parameters sort=parameters -->\n",
                                  lang="en").markdown)
    assert ascending[-1][0].startswith("[Omni]")


def test_model_page_of_a_retired_model(expand):
    zh = expand("<!-- followgpt:model-page id=text-davinci-003 -->\n", page_path="models/text-davinci-003.md").markdown
    assert '!!! warning "已退役"\n\n    2024 年 1 月 4 日从 API 下线[^openai2023-gpt4-report]' in zh
    assert "- **开放方式**：API（2024 年 1 月 4 日已退役）" in zh
    assert "## 生命周期 { #lifecycle }" in zh and "- 2023 年 7 月 6 日宣布在 API 弃用" in zh
    assert "- `text-davinci-003-2022-11-28`：2022 年 11 月 28 日" in zh
    en = expand("<!-- followgpt:model-page id=text-davinci-003 -->\n", lang="en",
                page_path="models/text-davinci-003.md").markdown
    assert "4 January 2024: retired from the API" in en and "- **Access**: API (retired 4 January 2024)" in en
    available = expand("<!-- followgpt:model-page id=gpt-3 -->\n", page_path="models/gpt-3.md").markdown
    assert "已退役" not in available


def test_model_page_undisclosed_with_estimate_dated_value_licence_modalities(expand):
    en = expand("<!-- followgpt:model-page id=omni -->\n", lang="en", page_path="models/omni.md").markdown
    row = next(line for line in en.split("\n") if line.startswith("| Parameters |"))
    assert row.startswith("| Parameters | undisclosed[^openai2023-gpt4-report] | third-party estimate (not an "
                          "official figure): Abacha &lt;et al.&gt; (26 December 2024) estimated 200B")
    assert "[^epoch2023-estimate]" in row
    assert "| Vocabulary | 200,000[^openai2023-gpt4-report] (since 13 May 2024) | before: 100,000 (until 13 May 2024)" in en
    assert "- **Modalities**: input: text, images, audio; output: text, audio" in en
    assert "- **Reasoning**: none (answers directly)" in en
    assert ("- **Licence**: [Odd &lt;weights&gt; licence \\| A&amp;B](https://example.org/odd-licence) (custom "
            "open-weight licence; commercial use: allowed with conditions; outputs to train other models: not "
            "allowed)\n") in en
    assert "- **RL from**\n    - [GPT-4](gpt-4.md) (from 13 May 2024 until 1 August 2024; inferred: A test.)" in en
    zh = expand("<!-- followgpt:model-page id=omni -->\n", page_path="models/omni.md").markdown
    assert "| 参数量 | 未公开[^openai2023-gpt4-report] | 第三方估计（非官方数值）" in zh
    assert "- **模态**：输入：文本、图像、音频；输出：文本、音频" in zh


def test_model_page_labels_total_and_active_parameters(expand):
    en = expand("<!-- followgpt:model-page id=mixer -->\n", lang="en", page_path="models/mixer.md").markdown
    assert "| Total parameters | 46.7B[^odd2023-rumour] |" in en
    assert "| Active parameters | 12.9B[^odd2023-rumour] |" in en
    assert "| Experts per token | 2[^odd2023-rumour] |" in en
    dense = expand("<!-- followgpt:model-page id=gpt-3 -->\n", lang="en", page_path="models/gpt-3.md").markdown
    assert "| Parameters | 175B" in dense and "Total parameters" not in dense


def test_timeline_has_lifecycle_events_and_no_knowledge_cutoff(expand):
    rows = table_rows(expand("<!-- followgpt:timeline family=modern -->\n", lang="en").markdown)[1:]
    assert ["4 January 2024[^openai2023-gpt4-report]", "[text-davinci-003](../models/text-davinci-003.md)",
            "Retired (API)", "model"] in rows
    assert any(row[2] == "Deprecated (API)" for row in rows)
    assert not any("cutoff" in row[2].lower() for row in rows)
    zh = table_rows(expand("<!-- followgpt:timeline family=modern -->\n").markdown)
    assert any(row[2] == "退役（API）" for row in zh)
    first = table_rows(expand("<!-- followgpt:timeline family=modern dates=first -->\n", lang="en").markdown)[1:]
    assert not any("Retired" in row[2] for row in first)


def test_growth_draws_active_parameters_and_lists_undisclosed_models(expand):
    markdown = expand("<!-- followgpt:growth -->\n", lang="en").markdown
    assert '<path d="M' in markdown and "Mixer-8x7B: 46.7B total, 12.9B active parameters" in markdown
    assert "active parameters (mixture of experts)" in markdown                       # the legend
    assert ('<figcaption class="fgpt-growth-undisclosed">Not plotted, parameter count undisclosed: GPT-4 '
            "(14 March 2023), Omni (13 May 2024)</figcaption>") in markdown
    assert "200B" not in markdown
    dense_only = expand("<!-- followgpt:growth family=core -->\n", lang="en").markdown
    assert "fgpt-growth-legend" not in dense_only


def test_licenses_marker_lists_terms_and_models(expand):
    rows = table_rows(expand("<!-- followgpt:licenses -->\n", lang="en").markdown)
    assert rows[0] == ["Licence", "Kind", "Commercial use", "Outputs to train other models", "Conditions",
                       "Regional limits", "Models"]
    odd = next(row for row in rows if "example.org/odd-licence" in row[0])
    assert odd[1:4] == ["custom open-weight licence", "allowed with conditions", "not allowed"]
    assert odd[5] == "No multimodal use in the EU."
    assert odd[6] == "[Omni](../models/omni.md), [Mixer-8x7B](../models/mixer.md)"
    zh = table_rows(expand("<!-- followgpt:licenses -->\n").markdown)
    assert zh[0][:3] == ["许可证", "类型", "商用"]


def test_new_edge_types_have_labels_colours_and_legend(expand):
    en = expand("<!-- followgpt:tree ids=gpt-4,omni -->\n", lang="en").markdown
    assert '-->|"RL from?<br/>2024–2024"|' in en          # '?': an inferred edge
    assert "linkStyle 0 stroke:#d81b60" in en and "stroke-dasharray:1 3" in en
    assert "| RL from | initialised from the upstream weights, trained mainly by reinforcement learning |" in en
    zh = expand("<!-- followgpt:tree ids=gpt-4,omni -->\n").markdown
    assert "强化学习自" in zh


def test_exports_carry_status_licence_lifecycle_and_keep_estimates_apart(registry):
    data = json.loads(to_json(registry))
    assert data["format_version"] == 2
    assert [licence["id"] for licence in data["licenses"]] == ["openai-gpt2-modified-mit", "odd-weights"]
    models = {model["id"]: model for model in data["models"]}
    assert models["text-davinci-003"]["status"] == "retired"
    assert models["text-davinci-003"]["retired"]["date"] == "2024-01-04"
    assert models["gpt-3"]["status"] == "available" and models["gpt-3"]["retired"] is None
    assert models["omni"]["license"] == "odd-weights"
    assert models["omni"]["license_name"]["en"] == "Odd <weights> licence | A&B"
    assert "value" not in models["omni"]["facts"]["parameters"]
    assert models["omni"]["facts"]["parameters"]["estimates"][0]["value"] == 200000000000
    rows = {(row["model_id"], row["fact"]): row for row in csv.DictReader(io.StringIO(to_csv(registry)))}
    omni = rows[("omni", "parameters")]
    assert omni["value"] == "" and omni["status"] == "undisclosed"
    assert omni["estimates"] == "200000000000 by Abacha <et al.> 2024-12-26 (epoch2023-estimate)"
    assert rows[("omni", "vocab_size")]["since"] == "2024-05-13"
    assert rows[("omni", "vocab_size")]["earlier"] == "100000 until 2024-05-13 (openai2023-gpt4-report)"
    davinci = rows[("text-davinci-003", "parameters")]
    assert davinci["model_status"] == "retired" and davinci["retired_date"] == "2024-01-04"
    assert davinci["lifecycle"] == "2023-07-06 deprecated api; 2024-01-04 retired api"
    assert rows[("gpt-2", "parameters")]["license_id"] == "openai-gpt2-modified-mit"


def test_models_index_marks_retired_models(expand):
    markdown = expand("<!-- followgpt:models -->\n", lang="en").markdown
    assert "- [text-davinci-003](../models/text-davinci-003.md) · 2022, retired 2024" in markdown
    zh = expand("<!-- followgpt:models -->\n").markdown
    assert "· 2022、已退役 2024" in zh


def test_every_new_vocabulary_value_has_a_label_in_both_languages():
    from followgpt.registry import vocabulary as v
    from followgpt.render import labels
    tables = [(v.EDGE_TYPES, labels.EDGE_MEANINGS), (v.EDGE_TYPES, labels.EDGE_TYPES), (v.MODALITIES, labels.MODALITIES),
              (v.REASONING, labels.REASONING), (v.LIFECYCLE_EVENTS, labels.LIFECYCLE_EVENTS),
              (v.LIFECYCLE_EVENTS, labels.LIFECYCLE_EVENT_NAMES), (v.LIFECYCLE_SCOPES, labels.LIFECYCLE_SCOPES),
              (v.LIFECYCLE_SCOPES, labels.LIFECYCLE_SCOPE_NAMES), (v.LICENSE_KINDS, labels.LICENSE_KINDS),
              (v.COMMERCIAL_USE, labels.PERMISSION), (v.OUTPUT_USE, labels.PERMISSION)]
    for values, table in tables:
        for value in values:
            assert table[value]["zh"] and table[value]["en"], value
