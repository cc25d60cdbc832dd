"""expand_page: marker replacement, code left alone, errors collected with lines, source footnotes."""

import pytest

from followgpt.render import MarkerError
from followgpt.render.scan import find_markers, parse_marker_body


def test_inline_fact_marker_is_replaced_in_its_sentence(expand):
    result = expand("GPT-3 有 <!-- followgpt:fact gpt-3.parameters --> 参数。\n")
    assert result.markdown.startswith("GPT-3 有 1750 亿[^brown2020-gpt3] 参数。\n")
    assert result.assets == set()


def test_two_facts_on_one_line(expand):
    result = expand("<!-- followgpt:fact gpt-3.layers --> / <!-- followgpt:fact gpt-2.layers -->\n", lang="en")
    assert result.markdown.startswith("96[^brown2020-gpt3] / 48[^radford2019-gpt2]\n")


def test_model_id_with_dots_splits_on_the_last_dot():
    markers, problems = find_markers("<!-- followgpt:fact gpt-3.5-turbo.parameters -->")
    assert problems == []
    assert markers[0].positional == ["gpt-3.5-turbo.parameters"]


def test_option_syntax():
    positional, options, errors = parse_marker_body(' family=openai-gpt columns=a,b title="two words" x ')
    assert positional == ["x"]
    assert options == {"family": "openai-gpt", "columns": "a,b", "title": "two words"}
    assert errors == []
    assert parse_marker_body("a=1 a=2")[2] == ["option 'a' given twice"]


def test_markers_in_code_are_left_alone(expand):
    page = ("Inline `<!-- followgpt:nonsense -->` stays.\n\n"
            "```markdown\n<!-- followgpt:nonsense -->\nText[^not-a-source]\n```\n\n"
            "    ~~~\n    <!-- followgpt:fact gpt-3.parameters -->\n    ~~~\n")
    assert expand(page).markdown == page


def test_block_marker_output_is_separated_and_indented(expand):
    page = "!!! note\n\n    <!-- followgpt:downloads -->\nafter\n"
    lines = expand(page, lang="en").markdown.split("\n")
    assert lines[2].startswith("    | File |")
    assert lines[lines.index("after") - 1] == ""


def test_every_problem_is_reported_with_its_line(expand):
    page = "\n".join([
        "# Title",
        "<!-- followgpt:nonsense -->",                                     # 2 unknown marker
        "<!-- followgpt:table family=core colums=name -->",                # 3 unknown option
        "<!-- followgpt:table family=nope -->",                            # 4 bad value
        "x <!-- followgpt:fact gtp-3.parameters --> y",                    # 5 unknown model
        "<!-- followgpt:fact gpt-3.weights_date -->",                      # 6 fact the model lacks
        "<!-- followgpt:fact gpt-3.size -->",                              # 7 unknown fact name
        "Text[^nobody] and[^brown2020-gpt3].",                             # 8 stray footnote
        "a <!-- followgpt:tree family=core --> b",                         # 9 block marker inline
        "<!-- followgpt:tree family=core",                                 # 10 unterminated
        "<!-- followgpt:tree -->",                                         # 11 no selection
    ])
    with pytest.raises(MarkerError) as caught:
        expand(page, page_path="gpt/x.md")
    message = str(caught.value)
    lines = message.split("\n")
    assert [problem[1] for problem in caught.value.problems] == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert all(line.startswith("gpt/x.md:") for line in lines)
    assert "gpt/x.md:2: unknown marker 'followgpt:nonsense'" in message
    assert "gpt/x.md:3: unknown option 'colums' (did you mean 'columns'?)" in message
    assert "gpt/x.md:4: unknown family 'nope'" in message
    assert "gpt/x.md:5: unknown model id 'gtp-3' (did you mean 'gpt-3'?)" in message
    assert "gpt/x.md:6: model 'gpt-3' has no fact 'weights_date'" in message
    assert "gpt/x.md:7: unknown fact 'size'" in message
    assert "gpt/x.md:8: footnote [^nobody] is neither a source id nor defined on the page" in message
    assert "gpt/x.md:9: 'tree' is a block marker and must stand alone" in message
    assert "gpt/x.md:10: marker not closed" in message
    assert "gpt/x.md:11: tree needs exactly one of" in message


def test_source_footnotes_are_defined_once_in_order(expand):
    page = "A[^radford2019-gpt2] B <!-- followgpt:fact gpt-3.parameters --> C[^radford2019-gpt2].\n"
    markdown = expand(page, lang="en").markdown
    definitions = [line for line in markdown.split("\n") if line.startswith("[^")]
    assert definitions == [
        "[^radford2019-gpt2]: Alec Radford and Jeffrey Wu (2019). [Language Models are Unsupervised Multitask "
        "Learners](https://openai.com/research/better-language-models).",
        "[^brown2020-gpt3]: Tom B. Brown et al. (2020). [Language Models are Few-Shot "
        "Learners](https://arxiv.org/abs/2005.14165). arXiv:2005.14165.",
    ]


def test_chinese_footnote_text(expand):
    markdown = expand("见[^vaswani2017-transformer]。\n").markdown
    assert markdown.endswith("[^vaswani2017-transformer]: Ashish Vaswani 等（2017）。[Attention Is All You Need]"
                             "(https://arxiv.org/abs/1706.03762)。arXiv:1706.03762。\n")


def test_defined_footnotes_are_left_alone(expand):
    page = "A[^mine] B[^brown2020-gpt3].\n\n[^mine]: My own note.\n[^brown2020-gpt3]: Custom text.\n"
    assert expand(page).markdown == page


def test_publisher_and_escaped_title_in_footnote(expand):
    markdown = expand("x[^odd2023-rumour] y[^openai2023-gpt4-report]\n", lang="en").markdown
    assert ("[^odd2023-rumour]: Jane Doe (2023). [Rumours &amp; &lt;Leaks&gt;: the \\{big\\} \\[model\\] \\| \\#1]"
            "(https://example.org/rumour).") in markdown
    assert "[^openai2023-gpt4-report]: OpenAI (2023). [GPT-4 Technical Report]" in markdown


def test_assets(expand):
    assert expand("<!-- followgpt:tree ids=gpt-2,gpt-3 -->\n").assets == {"mermaid"}
    assert expand("<!-- followgpt:table ids=gpt-2,gpt-3 -->\n").assets == {"tablesort"}
    # the model page's lineage figure is inline SVG: no client library
    assert expand("<!-- followgpt:model-page id=gpt-3 -->\n", page_path="models/gpt-3.md").assets == set()
    assert expand("<!-- followgpt:glossary -->\n").assets == set()


def test_inline_values_get_the_cjk_latin_space_in_chinese():
    from followgpt.render.page import cjk_spaced
    assert cjk_spaced("训练了", "4000 亿个词元", "，") == " 4000 亿个词元"
    assert cjk_spaced("为 ", "8192 个词元", "。") == "8192 个词元"
    assert cjk_spaced("是一个", "60 亿[^x]", "参数") == " 60 亿[^x]"      # ends in CJK: no space after
    assert cjk_spaced("共", "96[^x]", "层") == " 96[^x] "                # the value, not the mark, decides
    assert cjk_spaced("", "GPT-3", "") == "GPT-3"


def test_no_space_is_added_before_chinese_punctuation():
    from followgpt.render.page import cjk_spaced
    assert cjk_spaced("共", "96[^x]", "。") == " 96[^x]"
