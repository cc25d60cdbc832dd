"""Table markup written at build time: Material's wrappers, and plain footnote markers in long tables."""

from __future__ import annotations

from followgpt.site.layout import LONG_TABLE_ROWS, WRAP_OPEN, prewrap_tables

ROW = '<tr><td>GPT-3<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup></td></tr>'


def table(rows: int) -> str:
    return "<table><tbody>" + ROW * rows + "</tbody></table>"


def test_tables_get_materials_wrappers_once():
    once = prewrap_tables("<p>x</p>" + table(2))
    assert once == f"<p>x</p>{WRAP_OPEN}{table(2)}</div></div>"
    assert prewrap_tables(once) == once


def test_long_tables_cite_without_materials_tooltips():
    short = prewrap_tables(table(LONG_TABLE_ROWS - 1))
    long = prewrap_tables(table(LONG_TABLE_ROWS))
    assert short.count('class="footnote-ref"') == LONG_TABLE_ROWS - 1
    assert 'class="footnote-ref"' not in long and long.count('class="fgpt-footnote-ref"') == LONG_TABLE_ROWS
    assert long.count('href="#fn:a"') == LONG_TABLE_ROWS     # still a link to the source
