"""Generated Markdown through Python-Markdown with the site's extensions: anchors, footnotes, tables, escaping."""

import markdown
import pymdownx.superfences

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
              "pymdownx.arithmatex", "pymdownx.superfences"]
CONFIG = {"pymdownx.arithmatex": {"generic": True},
          "pymdownx.superfences": {"custom_fences": [
              {"name": "mermaid", "class": "mermaid", "format": pymdownx.superfences.fence_div_format}]}}


def html(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIG).convert(text)


def test_table_page_html(expand):
    page = "# T\n\n<!-- followgpt:table ids=gpt-3,odd-x,xeno columns=parameters,organizations -->\n"
    out = html(expand(page, lang="en").markdown)
    assert '<div class="fgpt-table">' in out and "<table>" in out
    assert "<script>" not in out and "<b>" not in out                      # adversarial names stay text
    assert '>Odd (v1) [beta] "quoted" | #1 &lt;b&gt;bold&lt;/b&gt; &amp; `tick`</a>' in out
    assert 'class="footnote-ref"' in out and 'id="fn:brown2020-gpt3"' in out
    assert "[^" not in out


def test_reference_and_glossary_anchors(expand):
    out = html(expand("<!-- followgpt:references -->\n\n<!-- followgpt:glossary -->\n", lang="en",
                      page_path="references.md").markdown)
    for anchor in ("brown2020-gpt3", "odd2023-rumour", "topic-papers", "in-context-learning", "few-shot"):
        assert f'id="{anchor}"' in out


def test_model_page_html_has_one_h1_and_an_inline_lineage_figure(expand):
    out = html(expand("<!-- followgpt:model-page id=odd-x -->\n", lang="en", page_path="models/odd-x.md").markdown)
    assert out.count("<h1") == 1
    assert '<figure class="fgpt-figure fgpt-lineage-figure">' in out and '<svg xmlns' in out
    assert '<div class="mermaid">' not in out
    assert "<script>" not in out


def test_prices_do_not_turn_into_math(expand):
    out = html(expand("in <!-- followgpt:fact gpt-3.price_input_usd_per_1k_tokens --> and out "
                      "<!-- followgpt:fact gpt-3.price_input_usd_per_1k_tokens -->\n", lang="en").markdown)
    assert "arithmatex" not in out and "$0.06" in out
