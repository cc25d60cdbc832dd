"""Citations, figures and rumours (CITE-*, FACT-1, RUMOUR-1), against the real registry."""

from __future__ import annotations

from projects import NOTE_HEADER_EN as EN, NOTE_HEADER_ZH as ZH


def citations(check, body: str, lang: str = "zh") -> list[str]:
    return check({f"{lang}/a.md": (ZH if lang == "zh" else EN) + body}, only="citations")


def test_cite_1_unknown_source_id(check):
    assert citations(check, "GPT-3 很大。[^brown2020-gtp3] 另见[^nobody1999-nothing]。\n") == [
        "docs/zh/a.md:7: CITE-1 footnote [^brown2020-gtp3] is not a source id in the registry (did you mean "
        "[^brown2020-gpt3]?)",
        "docs/zh/a.md:7: CITE-1 footnote [^nobody1999-nothing] is not a source id in the registry (add the source "
        "to resources/sources/<topic>.yaml and cite it by its id)"]


def test_cite_1_local_footnotes_are_fine(check):
    assert citations(check, "正文。[^brown2020-gpt3][^note]\n\n[^note]: 这是一条说明。\n") == []


def test_cite_2_hand_written_source_definition(check):
    assert citations(check, "正文。[^brown2020-gpt3]\n\n[^brown2020-gpt3]: Brown et al. 2020.\n") == [
        "docs/zh/a.md:9: CITE-2 hand-written definition for the registry source [^brown2020-gpt3] (delete this "
        "line; the build writes the footnote from the registry)"]


def test_cite_3_url_in_a_local_footnote(check):
    assert citations(check, "正文。[^blog]\n\n[^blog]: 某博客，https://example.com/post\n") == [
        "docs/zh/a.md:9: CITE-3 footnote [^blog] carries its source as a URL (add the source to "
        "resources/sources/<topic>.yaml and cite it as [^its-id]; keep local footnotes for explanations)"]


def test_fact_1_typed_parameter_count(check):
    assert citations(check, "GPT-3 有 1750 亿参数。[^brown2020-gpt3]\n") == [
        'docs/zh/a.md:7: FACT-1 the figure "1750 亿" is typed by hand; the registry has it as gpt-3.parameters '
        '(write <!-- followgpt:fact gpt-3.parameters --> so it stays sourced and formatted)']
    assert citations(check, "GPT-3 has 175B parameters.[^brown2020-gpt3]\n", lang="en") == [
        'docs/en/a.md:7: FACT-1 the figure "175B" is typed by hand; the registry has it as gpt-3.parameters '
        '(write <!-- followgpt:fact gpt-3.parameters --> so it stays sourced and formatted)']


def test_fact_1_leaves_other_numbers_alone(check):
    body = ("GPT-3 有 <!-- followgpt:fact gpt-3.parameters -->参数。[^brown2020-gpt3]\n\n"
            "Gopher 有 2800 亿参数。LLaMA 65B 是最大的版本。它用了 1750 亿个汉字。[^brown2020-gpt3]\n")
    assert citations(check, body) == []


def test_rumour_1_unattributed_rumour(check):
    assert citations(check, "据传 GPT-4 有 1.8 万亿参数。\n\n据 SemiAnalysis 2023 年 7 月的报道，它是混合专家模型。"
                            "[^brown2020-gpt3]\n") == [
        'docs/zh/a.md:7: RUMOUR-1 "据传" reports a claim without citing who made it (name who claimed it and when, '
        'and cite where they said it with a footnote [^source-id])']
    assert citations(check, "GPT-4 reportedly has 16 experts.\n", lang="en") == [
        'docs/en/a.md:7: RUMOUR-1 "reportedly" reports a claim without citing who made it (name who claimed it '
        'and when, and cite where they said it with a footnote [^source-id])']
