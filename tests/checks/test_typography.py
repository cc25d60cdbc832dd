"""Typography, characters, headings and front matter: one bad example per rule, with the exact message."""

from __future__ import annotations

from projects import NOTE_HEADER_EN as EN, NOTE_HEADER_ZH as ZH


def zh(check, body: str, only: str = "typography") -> list[str]:
    return check({"zh/a.md": ZH + body}, only=only)


def en(check, body: str, only: str = "typography") -> list[str]:
    return check({"en/a.md": EN + body}, only=only)


# -- ZH-SPACE ----------------------------------------------------------------------------------------------------


def test_zh_space_1_latin_after_chinese(check):
    assert zh(check, "我们用GPT-3写作。\n") == [
        'docs/zh/a.md:7: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "我们用GPT-3" '
        '(add a space between "我们用" and "GPT-3")',
        'docs/zh/a.md:7: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "GPT-3写作" '
        '(add a space between "GPT-3" and "写作")']


def test_zh_space_1_digits_before_chinese(check):
    assert zh(check, "它有 175B参数。\n") == [
        'docs/zh/a.md:7: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "175B参数" '
        '(add a space between "175B" and "参数")']


def test_zh_space_1_sees_through_emphasis_and_links(check):
    assert zh(check, "见**GPT-3**论文和[BERT](b.md)模型。\n") == [
        'docs/zh/a.md:7: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "见**GPT-3" '
        '(add a space between "见" and "GPT-3")',
        'docs/zh/a.md:7: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "GPT-3**论文和" '
        '(add a space between "GPT-3" and "论文和")',
        'docs/zh/a.md:7: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "论文和[BERT" '
        '(add a space between "论文和" and "BERT")',
        'docs/zh/a.md:7: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "BERT](b.md)模型" '
        '(add a space between "BERT" and "模型")']


def test_zh_space_1_code_spans_count_as_latin(check):
    assert zh(check, "运行`pip install`即可。\n") == [
        'docs/zh/a.md:7: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "运行`pip install`" '
        '(add a space between "运行" and "`pip install`")',
        'docs/zh/a.md:7: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "`pip install`即可" '
        '(add a space between "`pip install`" and "即可")']


def test_zh_space_1_uses_what_a_fact_marker_renders(check):
    # gpt-3.parameters renders as "1750 亿": it starts with a digit, so it needs a space after Chinese text,
    # and ends with 亿, so 参数 may follow directly.
    assert zh(check, "它有<!-- followgpt:fact gpt-3.parameters -->参数。\n") == [
        'docs/zh/a.md:7: ZH-SPACE-1 no space between Chinese and Latin letters or digits in '
        '"它有<!-- followgpt:fact gpt-3.parameters -->" (add a space between "它有" and '
        '"<!-- followgpt:fact gpt-3.parameters -->")']
    assert zh(check, "它有 <!-- followgpt:fact gpt-3.parameters -->参数。\n") == []


def test_zh_space_1_applies_to_english_pages_too(check):
    assert en(check, "The bot 文心一言is Baidu's.\n", only="typography") == [
        'docs/en/a.md:7: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "文心一言is" '
        '(add a space between "文心一言" and "is")']


def test_zh_space_2_space_next_to_full_width_punctuation(check):
    assert zh(check, "它很大 ，而且很贵。 GPT-4 更贵。\n") == [
        'docs/zh/a.md:7: ZH-SPACE-2 space before full-width "，" in "它很大 ，而且很贵。" (delete the space before "，")',
        'docs/zh/a.md:7: ZH-SPACE-2 space after full-width "。" in "，而且很贵。 GPT-4" (delete the space after "。")']


def test_zh_space_2_after_bold_lead_in(check):
    assert zh(check, "- **第一步：预训练。** 先训练。\n") == [
        'docs/zh/a.md:7: ZH-SPACE-2 space after full-width "。" in "步：预训练。** 先训练。" '
        '(delete the space after "。**")']
    assert zh(check, "- **第一步：预训练。**先训练。\n") == []


# -- ZH-PUNCT ----------------------------------------------------------------------------------------------------


def test_zh_punct_1_half_width_punctuation(check):
    assert zh(check, "模型很大,训练很贵.注意:它会出错!\n") == [
        'docs/zh/a.md:7: ZH-PUNCT-1 half-width "," in Chinese text "模型很大,训练很贵.注" (use the full-width "，")',
        'docs/zh/a.md:7: ZH-PUNCT-1 half-width "." in Chinese text "大,训练很贵.注意:它会出" (use the full-width “。”)',
        'docs/zh/a.md:7: ZH-PUNCT-1 half-width ":" in Chinese text "练很贵.注意:它会出错!" (use the full-width "：")',
        'docs/zh/a.md:7: ZH-PUNCT-1 half-width "!" in Chinese text "意:它会出错!" (use the full-width "！")']


def test_zh_punct_1_leaves_english_inside_chinese_alone(check):
    assert zh(check, "论文《PaLM: Scaling Language Modeling with Pathways》发表于 2022 年，版本 3.5 也是。\n") == []


def test_zh_punct_1_ellipsis(check):
    assert zh(check, "等等...\n") == [
        'docs/zh/a.md:7: ZH-PUNCT-1 half-width "..." in Chinese text "等等..." (use “……” (two ellipsis characters))']


def test_zh_punct_2_half_width_parentheses(check):
    assert zh(check, "上下文学习(in-context learning)很重要，GPT-3 (2020) 也是。\n") == [
        'docs/zh/a.md:7: ZH-PUNCT-2 half-width parentheses in Chinese text "文学习(in-context learning)很重要" '
        '(use full-width （）, with no spaces around them)',
        'docs/zh/a.md:7: ZH-PUNCT-2 half-width parentheses in Chinese text "GPT-3 (2020) 也是" '
        '(use full-width （）, with no spaces around them)']


def test_zh_punct_3_straight_quotes(check):
    assert zh(check, 'OpenAI 称之为"对齐"，这是 OpenAI\'s 的说法。\n') == [
        'docs/zh/a.md:7: ZH-PUNCT-3 straight quotes in Chinese text ""对齐"" (use “…”)']


def test_zh_rules_do_not_apply_to_english_pages(check):
    assert en(check, 'It is big, (really) "big".\n') == []


# -- EN-PUNCT ----------------------------------------------------------------------------------------------------


def test_en_punct_1_full_width_punctuation(check):
    assert en(check, "GPT-3 is large，and expensive（very）.\n") == [
        'docs/en/a.md:7: EN-PUNCT-1 full-width "，" in English text "large，and expensive" (use ",")',
        'docs/en/a.md:7: EN-PUNCT-1 full-width "（" in English text "expensive（very）." (use "(")',
        'docs/en/a.md:7: EN-PUNCT-1 full-width "）" in English text "expensive（very）." (use ")")']


def test_en_punct_1_allows_quoted_chinese(check):
    assert en(check, "The book 《论语》 and the phrase “上下文学习，提示” are quoted.\n") == []


# -- CHAR --------------------------------------------------------------------------------------------------------


def test_char_1_full_width_letters_and_digits(check):
    assert zh(check, "ＧＰＴ 有 １７５ 个。\n") == [
        'docs/zh/a.md:7: CHAR-1 full-width "Ｇ" (U+FF27) in "ＧＰＴ 有 １７５" (type "G")',
        'docs/zh/a.md:7: CHAR-1 full-width "Ｐ" (U+FF30) in "ＧＰＴ 有 １７５" (type "P")',
        'docs/zh/a.md:7: CHAR-1 full-width "Ｔ" (U+FF34) in "ＧＰＴ 有 １７５" (type "T")',
        'docs/zh/a.md:7: CHAR-1 full-width "１" (U+FF11) in "ＧＰＴ 有 １７５ 个。" (type "1")',
        'docs/zh/a.md:7: CHAR-1 full-width "７" (U+FF17) in "ＧＰＴ 有 １７５ 个。" (type "7")',
        'docs/zh/a.md:7: CHAR-1 full-width "５" (U+FF15) in "ＧＰＴ 有 １７５ 个。" (type "5")']


def test_char_2_kangxi_radical(check):
    # ⼴ is the Kangxi radical U+2F34, not the character 广 U+5E7F.
    assert zh(check, "⼴告模型。\n") == [
        'docs/zh/a.md:7: CHAR-2 Kangxi radical "⼴" (U+2F34) looks like an ordinary character in "⼴告模型。" '
        '(type the ordinary character "广" (U+5E7F))']


def test_char_2_cyrillic_in_a_latin_word(check):
    assert en(check, "The GРT model.\n") == [
        'docs/en/a.md:7: CHAR-2 Cyrillic "Р" (U+0420) inside the Latin word "GРT" (type the Latin letter "P")']


def test_char_3_invisible_characters(check):
    assert zh(check, "模型\u200b很大\u3000。\n") == [
        'docs/zh/a.md:7: CHAR-3 unusual space or invisible character U+200B in "模型⍽很大⍽。" (shown as ⍽) '
        '(replace it with an ordinary space or delete it)',
        'docs/zh/a.md:7: CHAR-3 ideographic (full-width) space U+3000 in "模型⍽很大⍽。" (shown as ⍽) '
        '(replace it with an ordinary space or delete it)']


# -- what the rules skip -----------------------------------------------------------------------------------------


def test_code_math_comments_urls_and_link_targets_are_skipped(check):
    body = ("```python\nprint(\"中文,English\")  # 中文(x)\n```\n\n"
            "行内代码 `a,中文` 和数学 $f(x)=中文,1$ 不检查。\n\n"
            "$$\n\\text{中文}(x),1\n$$\n\n"
            "<!-- 注释,中文(x) -->\n\n"
            "网址 <https://example.com/中文,(x)> 和[链接](https://example.com/a,b(c)中文) 不检查。\n")
    assert zh(check, body) == []


def test_front_matter_other_than_the_description_is_skipped(check):
    text = "---\ndescription: 测试GPT页面。\ntitle: 中文,English(x)\n---\n\n# 测试\n"
    assert check({"zh/a.md": text}, only="typography") == [
        'docs/zh/a.md:2: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "测试GPT" '
        '(add a space between "测试" and "GPT")',
        'docs/zh/a.md:2: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "GPT页面" '
        '(add a space between "GPT" and "页面")']


def test_admonition_and_table_syntax_is_not_text(check):
    body = '!!! note "注意"\n\n    内容。\n\n| 模型 | 参数 |\n| --- | --- |\n| GPT-3 | 很多 |\n'
    assert zh(check, body) == []


# -- pragmas -----------------------------------------------------------------------------------------------------


def test_pragma_on_the_same_line(check):
    assert zh(check, "引用原文:不改。 <!-- style: ignore ZH-PUNCT-1 -->\n") == []


def test_pragma_for_the_next_line(check):
    assert zh(check, "<!-- style: ignore-next-line ZH-SPACE-1, ZH-PUNCT-1 -->\n用GPT:好。\n用GPT。\n") == [
        'docs/zh/a.md:9: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "用GPT" '
        '(add a space between "用" and "GPT")']


def test_pragma_block(check):
    body = "<!-- style: ignore-start ZH-PUNCT-1 -->\n甲,乙\n\n丙,丁\n<!-- style: ignore-end ZH-PUNCT-1 -->\n戊,己\n"
    assert zh(check, body) == [
        'docs/zh/a.md:12: ZH-PUNCT-1 half-width "," in Chinese text "戊,己" (use the full-width "，")']


def test_pragma_problems(check):
    body = ("<!-- style: ignore ZH-SPACE-9 -->\n<!-- style: ignore TRANS-6 -->\n<!-- style: please -->\n"
            "<!-- style: ignore-start ZH-PUNCT-1 -->\n")
    assert zh(check, body) == [
        "docs/zh/a.md:7: PRAGMA-1 the pragma names an unknown rule ZH-SPACE-9 (use a rule id from the style manual)",
        "docs/zh/a.md:8: PRAGMA-1 TRANS-6 cannot be switched off by a pragma (fix the problem instead)",
        "docs/zh/a.md:9: PRAGMA-1 cannot read the style pragma '<!-- style: please -->' (write <!-- style: ignore "
        "RULE-ID -->, ignore-next-line, ignore-start or ignore-end)",
        "docs/zh/a.md:10: PRAGMA-1 ignore-start ZH-PUNCT-1 is never ended (add <!-- style: ignore-end ZH-PUNCT-1 --> "
        "after the block)"]


# -- headings ----------------------------------------------------------------------------------------------------


def test_head_1_missing_anchor(check):
    assert zh(check, "## 训练数据\n\n正文。\n", only="headings") == [
        'docs/zh/a.md:7: HEAD-1 heading "训练数据" has no explicit anchor (end it with { #some-id }, the same id in '
        'both languages)']


def test_head_2_anchor_form_and_uniqueness(check):
    body = "## 数据 { #Training_Data }\n\n## 结果 { #results }\n\n## 更多结果 { #results }\n"
    assert zh(check, body, only="headings") == [
        "docs/zh/a.md:7: HEAD-2 anchor #Training_Data is not a lowercase ASCII slug (use letters, digits and "
        "hyphens, e.g. { #training-data })",
        "docs/zh/a.md:11: HEAD-2 anchor #results is already used on line 9 (give this heading its own id)"]


def test_head_3_and_head_4(check):
    text = "---\ndescription: 测试。\n---\n\n## 引言 { #intro }\n\n# 标题\n\n#### 细节 { #detail }\n\n# 又一个标题\n"
    assert check({"zh/a.md": text}, only="headings") == [
        "docs/zh/a.md:5: HEAD-3 a section heading comes before the page's H1 (put the '# Title' line first)",
        'docs/zh/a.md:9: HEAD-4 heading level jumps from h1 to h4 at "细节" (use ## here)',
        'docs/zh/a.md:11: HEAD-3 second H1 "又一个标题" (a page has one title) (make it a \'##\' section with an '
        'anchor)']


def test_head_3_no_title(check):
    assert check({"zh/a.md": "---\ndescription: 测试。\n---\n\n正文。\n"}, only="headings") == [
        "docs/zh/a.md:4: HEAD-3 the page has no H1 title (start the page with '# Title' (the navigation and the "
        "browser tab use it))"]


def test_headings_in_code_are_not_headings(check):
    assert zh(check, "```markdown\n## 没有锚点\n```\n", only="headings") == []


# -- front matter ------------------------------------------------------------------------------------------------


def test_fm_1_invalid_yaml(check):
    assert check({"zh/a.md": "---\ndescription: [未闭合\n---\n\n# 测试\n"}, only="typography") == [
        "docs/zh/a.md:2: FM-1 front matter is not valid YAML: expected ',' or ']', but got '<stream end>' (fix the "
        "YAML between the '---' lines (MkDocs would otherwise show it as text))"]


def test_fm_2_missing_description(check):
    assert check({"zh/a.md": "---\ntitle: x\n---\n\n# 测试\n"}, only="typography") == [
        "docs/zh/a.md:1: FM-2 the page has no description (add 'description: <one sentence>' to the front matter "
        "(search engines, link previews))"]
