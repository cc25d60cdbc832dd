"""Table, timeline, growth, models index, model page, glossary, references and downloads."""

import re
import xml.etree.ElementTree as ElementTree

import pytest

from followgpt.render import MarkerError, model_page_stub


def table_rows(markdown: str) -> list[list[str]]:
    rows = [line for line in markdown.split("\n") if line.startswith("| ") and not line.startswith("| --- |")]
    rows = [re.sub(r'<span data-sort="[^"]*"></span>', "", row) for row in rows]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def test_table_columns_values_links_and_sorting(expand):
    markdown = expand("<!-- followgpt:table family=core columns=parameters,layers sort=-parameters -->\n",
                      lang="en", page_path="gpt/gpt-3.md").markdown
    assert markdown.startswith('<div class="fgpt-table" markdown>\n\n| Model | Parameters | Layers |')
    assert markdown.rstrip().endswith("</div>") or "</div>" in markdown
    rows = table_rows(markdown)
    assert rows[1] == ["[GPT-3](../models/gpt-3.md)", "175B[^brown2020-gpt3]", "96[^brown2020-gpt3]"]
    assert rows[2] == ["[GPT-2](../models/gpt-2.md)", "~1.5B[^radford2019-gpt2]", "48[^radford2019-gpt2]"]
    assert rows[3][0] == "[GPT-3 Small](../models/gpt-3-small.md)"
    # no value last: undisclosed GPT-4, and records without the fact ("—")
    assert rows[4:][0][1] in {"undisclosed[^openai2023-gpt4-report]", "—"}
    assert ["[GPT-4](../models/gpt-4.md)", "undisclosed[^openai2023-gpt4-report]", "—"] in rows


def test_fact_cells_carry_numeric_sort_keys(expand):
    markdown = expand("<!-- followgpt:table ids=gpt-3,gpt-4,gpt-2 columns=parameters,api_date,training_compute_flops -->\n").markdown
    assert '| <span data-sort="175000000000"></span>1750 亿[^brown2020-gpt3] | <span data-sort="20200600"></span>' in markdown
    assert '<span data-sort="-1"></span>未公开[^openai2023-gpt4-report]' in markdown
    # plain digits, never '2.1e+25': Tablesort's number sort drops everything but digits, '-' and '.'
    assert '<span data-sort="21000000000000000000000000"></span>约 2.1 × 10²⁵' in markdown
    timeline = expand("<!-- followgpt:timeline -->\n").markdown
    assert '| <span data-sort="20191100"></span>2019 年 11 月[^radford2019-gpt2] |' in timeline


def test_table_default_sort_is_the_first_date_column(expand):
    rows = table_rows(expand("<!-- followgpt:table ids=gpt-3,transformer,gpt-2 columns=name,paper_date -->\n").markdown)
    assert [row[0].split("]")[0] for row in rows[1:]] == ["[Transformer", "[GPT-2", "[GPT-3"]
    assert rows[1][1] == "2017 年 6 月 12 日[^vaswani2017-transformer]"


def test_table_selectors_combine(expand):
    rows = table_rows(expand("<!-- followgpt:table series=gpt-3-family org=openai columns=parameters -->\n").markdown)
    assert [row[0] for row in rows[1:]] == ["[GPT-3 Small](../models/gpt-3-small.md)", "[GPT-3](../models/gpt-3.md)"]
    with pytest.raises(MarkerError, match="matches no model"):
        expand("<!-- followgpt:table family=odd org=openai -->\n")


def test_table_text_columns_and_adversarial_names(expand):
    markdown = expand("<!-- followgpt:table ids=gpt-3,odd-x columns=organizations,access,methods,training_data -->\n",
                      lang="en").markdown
    rows = table_rows(markdown)
    assert rows[1][1:] == ["OpenAI", "API", "pre-training", "Common Crawl (filtered)[^brown2020-gpt3]"]
    assert rows[2][0] == ("[Odd (v1) \\[beta\\] \"quoted\" \\| \\#1 &lt;b&gt;bold&lt;/b&gt; &amp; \\`tick\\`]"
                          "(../models/odd-x.md)")
    assert rows[2][1] == "Odd &amp; &lt;Lab&gt;"


def test_timeline_lists_every_date_with_its_kind(expand):
    rows = table_rows(expand("<!-- followgpt:timeline -->\n", lang="en").markdown)
    assert rows[0] == ["Date", "Model", "Date type", "Kind"]
    dates = [row[:3] for row in rows[1:]]
    assert dates[0] == ["12 June 2017[^vaswani2017-transformer]", "[Transformer](../models/transformer.md)", "Paper"]
    assert ["November 2019[^radford2019-gpt2]", "[GPT-2](../models/gpt-2.md)", "Weights released"] in dates
    assert ["2021[^odd2023-rumour]", "[end](../models/end.md)", "Paper"] in dates
    assert len(dates) == 14        # 12 date facts + 2 lifecycle events; knowledge_cutoff is not an event
    assert not any("Knowledge cutoff" in row[2] for row in dates)
    first_only = table_rows(expand("<!-- followgpt:timeline dates=first family=core -->\n").markdown)
    assert len(first_only) - 1 == 5


def test_long_timelines_are_one_deferred_table_a_year(expand, monkeypatch):
    from followgpt.render.views import timeline
    one_table = expand("<!-- followgpt:timeline -->\n", lang="en").markdown
    assert "### " not in one_table and "fgpt-deferred" not in one_table        # 14 rows: one table
    by_year = expand("<!-- followgpt:timeline group=year -->\n", lang="en").markdown
    years = re.findall(r"^### (\d{4}) \{ #year-(\d{4}) \}$", by_year, re.M)
    assert years and all(a == b for a, b in years)
    assert [y for y, _ in years] == sorted({y for y, _ in years})                # each year once, in order
    blocks = re.findall(r'<div class="fgpt-table fgpt-deferred" style="--fgpt-rows: (\d+)" markdown>', by_year)
    assert len(blocks) == len(years)
    rows = table_rows(by_year)
    body = [row for row in rows if row != ["Date", "Model", "Date type", "Kind"]]
    assert sum(map(int, blocks)) == len(body) == len(table_rows(one_table)) - 1   # the same rows, cut by year
    for (year, _), count in zip(years, blocks):
        section = by_year.split(f"{{ #year-{year} }}", 1)[1].split("### ", 1)[0]
        cells = [row[0] for row in table_rows(section)[1:]]
        assert len(cells) == int(count) and all(year in cell for cell in cells)
    assert "### 2019 年 { #year-2019 }" in expand("<!-- followgpt:timeline group=year -->\n").markdown
    monkeypatch.setattr(timeline, "YEAR_SECTIONS_FROM", 5)                       # long enough: cut by default
    assert "fgpt-deferred" in expand("<!-- followgpt:timeline -->\n", lang="en").markdown
    assert "fgpt-deferred" not in expand("<!-- followgpt:timeline group=none -->\n", lang="en").markdown


def test_growth_is_an_accessible_self_contained_svg(expand):
    markdown = expand("<!-- followgpt:growth -->\n", lang="en").markdown
    svg_text = re.search(r"<svg.*</svg>", markdown, re.S).group(0)
    assert "\n\n" not in svg_text                                   # one raw HTML block
    root = ElementTree.fromstring(svg_text)                         # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.find(f"{ns}title").text == "Growth of model parameters over time"
    assert "Hollow points are estimates" in root.find(f"{ns}desc").text
    texts = [element.text for element in root.iter(f"{ns}text")]
    assert {"100M", "1B", "10B", "100B", "1T"} <= set(texts)
    assert "xeno" not in " ".join(filter(None, texts))              # no parameters, no point
    circles = [circle for circle in root.iter(f"{ns}circle") if circle.find(f"{ns}title") is not None]  # not the legend's
    assert len(circles) == 7        # gpt-2, gpt-3-small, gpt-3, end, odd-x, text-davinci-003, mixer
    assert "font-family:inherit" in root.get("style") and root.get("fill") == "currentColor"
    assert "http" not in svg_text.replace("http://www.w3.org/2000/svg", "")
    zh = expand("<!-- followgpt:growth -->\n").markdown
    assert ">1 亿</text>" in zh and ">1 万亿</text>" in zh and "模型参数量随时间的增长" in zh


def test_models_index_groups_by_family_and_nests_series(expand):
    markdown = expand("<!-- followgpt:models -->\n", lang="en", page_path="models/index.md").markdown
    assert "## Core models { #core }" in markdown
    assert "- [GPT-3 family](gpt-3-family.md) · model series\n    - [GPT-3 Small](gpt-3-small.md) · 2020" in markdown
    assert "## Odd names (tests) { #odd }" in markdown
    assert "- [xeno &lt;script&gt;alert(1)&lt;/script&gt;](xeno.md) · product" in markdown


def test_model_page(expand):
    markdown = expand("<!-- followgpt:model-page id=gpt-3 -->\n", lang="en", page_path="models/gpt-3.md").markdown
    assert markdown.startswith("# GPT-3\n\n175B parameters.\n")
    assert "- **Series**: [GPT-3 family](gpt-3-family.md)" in markdown
    assert "- **Aliases**: davinci" in markdown
    assert "| Parameters | 175B[^brown2020-gpt3] | Table 2.1 |" in markdown
    assert "| Training compute | 3.14 × 10²³\u2009[^brown2020-gpt3] | Table D.1 |" in markdown  # thin space before the mark
    assert "| Input price (USD / 1K tokens) | $0.06[^brown2020-gpt3] |" in markdown
    assert "- **Corpora**: Common Crawl (filtered)[^brown2020-gpt3]" in markdown
    assert "[GPT-2](gpt-2.md) (stated by the authors)[^radford2019-gpt2]" not in markdown
    assert "- **scaled from**\n    - [GPT-2](gpt-2.md) (stated by the authors)[^brown2020-gpt3]\n" in markdown
    assert "- **fine-tuned from**\n    - [text-davinci-003](text-davinci-003.md) (stated by the authors)" in markdown
    assert "    - [end](end.md) (inferred: Our reading.)\n" in markdown
    assert '<figure class="fgpt-figure fgpt-lineage-figure">' in markdown and "```mermaid" not in markdown
    assert "## Notes that discuss it { #notes data-search-exclude }\n\n- [首页](../index.md)\n- [GPT-3 笔记](../gpt/gpt-3.md)" in markdown
    assert re.findall(r"^## .*\{ #[a-z-]+(?: data-search-exclude)? \}$", markdown, re.M) == [
        "## Facts { #facts }", "## Training { #training }", "## Lineage { #lineage }", "## Notes that discuss it { #notes data-search-exclude }",
        "## Cite this { #cite data-search-exclude }"]


def test_model_page_lists_ancestors_and_descendants_transitively(expand):
    markdown = expand("<!-- followgpt:model-page id=gpt-3 -->\n", lang="en", page_path="models/gpt-3.md").markdown
    ancestors = markdown[markdown.index("**Comes from (directly or not)**"):markdown.index("**Led to (directly or not)**")]
    # An indirect ancestor, with the path that leads to it read from this model, in the group of the first edge.
    assert ("- **scaled from**\n    - [GPT-2](gpt-2.md) (stated by the authors)[^brown2020-gpt3]\n"
            "    - GPT-3 ← scaled from ← GPT-2 ← architecture from ← [Transformer](transformer.md)\n") in ancestors
    assert "- **series member**\n    - [GPT-3 family](gpt-3-family.md)\n" in ancestors
    descendants = markdown[markdown.index("**Led to (directly or not)**"):]
    assert ("    - [Omni](omni.md) ← RL from ← GPT-4 ← successor of ← GPT-3 (the path includes a relation we "
            "inferred)") in descendants
    zh = expand("<!-- followgpt:model-page id=gpt-3 -->\n", page_path="models/gpt-3.md").markdown
    assert "**上游（含间接）**" in zh and "- **放大自**\n    - [GPT-2](gpt-2.md)（作者明确说明）[^brown2020-gpt3]" in zh


def test_model_page_statuses_rumours_and_superseded(expand):
    gpt4 = expand("<!-- followgpt:model-page id=gpt-4 -->\n", page_path="models/gpt-4.md").markdown
    assert "| 参数量 | 未公开[^openai2023-gpt4-report] | 传闻：1.76 万亿（Some Newsletter，2023 年 7 月 10 日）[^odd2023-rumour] |" in gpt4
    gpt2 = expand("<!-- followgpt:model-page id=gpt-2 -->\n", lang="en", page_path="models/gpt-2.md").markdown
    assert "| Parameters | ~1.5B[^radford2019-gpt2] | earlier reported: 1.54B[^radford2019-gpt2] |" in gpt2


def test_model_page_stub_has_no_h1(registry):
    stub = model_page_stub(registry, "odd-x", "en")
    assert stub == ('---\ndescription: "A name full of symbols: | # < > &."\nsearch:\n  boost: 0.5\n---\n\n'
                    "<!-- followgpt:model-page id=odd-x -->\n")


def test_glossary(expand):
    markdown = expand("<!-- followgpt:glossary -->\n", page_path="glossary.md").markdown
    assert "## 上下文学习（in-context learning） { #in-context-learning }" in markdown
    assert "又称：语境学习" in markdown
    assert "另见：[少样本](#few-shot)" in markdown
    assert "使用本术语的页面：[GPT-3 笔记](gpt/gpt-3.md)" in markdown
    en = expand("<!-- followgpt:glossary -->\n", lang="en", page_path="glossary.md").markdown
    assert "## in-context learning (上下文学习) { #in-context-learning }" in en


def test_references(expand):
    markdown = expand("<!-- followgpt:references -->\n", lang="en", page_path="references.md").markdown
    assert "## Papers { #topic-papers }" in markdown and "## Press and analysis { #topic-press }" in markdown
    assert ("- Tom B. Brown et al. (2020). [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165). "
            "arXiv:2005.14165.\n    { #brown2020-gpt3 }\n\n    The GPT-3 paper.\n\n"
            "    Cited on: [GPT-3 笔记](gpt/gpt-3.md)") in markdown


def test_downloads_links_are_relative_to_the_page(expand):
    markdown = expand("<!-- followgpt:downloads -->\n", page_path="data/downloads.md").markdown
    assert "[followgpt-registry.json](followgpt-registry.json)" in markdown
    assert "[followgpt-sources.bib](followgpt-sources.bib)" in markdown
    elsewhere = expand("<!-- followgpt:downloads -->\n", page_path="index.md").markdown
    assert "[followgpt-facts.csv](data/followgpt-facts.csv)" in elsewhere


def test_model_page_training_languages_are_named(expand):
    assert "- **语言**：英语" in expand("<!-- followgpt:model-page id=gpt-3 -->\n", page_path="models/gpt-3.md").markdown


def test_model_page_lists_at_most_the_nearest_indirect_relatives():
    from followgpt.registry import Registry
    from followgpt.render import SiteContext, expand_page
    from followgpt.render.views.model_page import INDIRECT_LIMIT

    models = {f"m{i}": {"id": f"m{i}", "name": {"zh": f"M{i}", "en": f"M{i}"}, "family": "f",
                        **({"lineage": [{"type": "successor_of", "target": f"m{i - 1}", "evidence": "inferred",
                                         "note": {"zh": "测试。", "en": "A test."}}]} if i else {})}
              for i in range(INDIRECT_LIMIT + 30)}
    site = SiteContext(registry=Registry(models=models), lang="en", pages={"data/api.md": "Model JSON API"})
    markdown = expand_page("<!-- followgpt:model-page id=m0 -->\n", page_path="models/m0.md", lang="en", site=site).markdown
    below = markdown[markdown.index("**Led to (directly or not)**"):]
    assert len(re.findall(r"^ +- \[M\d+\]\(m\d+\.md\) ← ", below, re.M)) == INDIRECT_LIMIT
    assert ("28 more distant descendants are not listed here; the full list is in this model's JSON, "
            "`api/models/m0.json` (see [Model JSON API](../data/api.md)).") in below


def test_model_page_paths_show_their_ends_around_the_models_between():
    from followgpt.registry import Registry
    from followgpt.render import SiteContext, expand_page

    edge_type = ["successor_of", "fine_tuned_from", "distilled_from"]
    models = {f"m{i}": {"id": f"m{i}", "name": {"zh": f"M{i}", "en": f"M{i}"}, "family": "f",
                        **({"lineage": [{"type": edge_type[i % 3], "target": f"m{i - 1}", "evidence": "explicit"}]}
                           if i else {})}
              for i in range(10)}
    site = SiteContext(registry=Registry(models=models), lang="en", pages={})

    def page(model_id):
        return expand_page(f"<!-- followgpt:model-page id={model_id} -->\n", page_path=f"models/{model_id}.md",
                           lang="en", site=site).markdown
    # Read from the younger model; each relation names the edge between its neighbours (m{i} → m{i-1}: type i % 3).
    up = page("m9")
    assert ("    - M9 ← successor of ← M8 ← distilled from ← M7 ← … (4 models between) … ← successor of ← M2 ← "
            "distilled from ← M1 ← fine-tuned from ← [M0](m0.md)\n") in up      # 9 steps: the first and last three
    assert ("    - M9 ← successor of ← M8 ← distilled from ← M7 ← fine-tuned from ← M6 ← successor of ← M5 ← "
            "distilled from ← M4 ← fine-tuned from ← [M3](m3.md)\n") in up      # 6 steps: whole
    down = page("m0")
    assert ("    - [M9](m9.md) ← successor of ← M8 ← distilled from ← M7 ← … (4 models between) … ← successor of ← "
            "M2 ← distilled from ← M1 ← fine-tuned from ← M0\n") in down
    assert ("    - [M7](m7.md) ← fine-tuned from ← M6 ← successor of ← M5 ← … (2 models between) … ← successor of ← "
            "M2 ← distilled from ← M1 ← fine-tuned from ← M0\n") in down        # 7 steps: the shortest cut


def test_model_page_links_the_compare_page_with_the_model_chosen(make_site):
    from followgpt.render import expand_page
    site = make_site("en", pages={"data/compare.md": "# Compare models\n"})
    markdown = expand_page("<!-- followgpt:model-page id=gpt-3 -->\n", page_path="models/gpt-3.md", lang="en",
                           site=site).markdown
    assert "[Compare it with other models](../data/compare.md?m=gpt-3)" in markdown
    assert "data/compare.md?m=" not in expand_page("<!-- followgpt:model-page id=gpt-3 -->\n",
                                                  page_path="models/gpt-3.md", lang="en", site=make_site("en")).markdown
