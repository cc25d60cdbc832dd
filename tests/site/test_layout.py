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


def test_a_table_in_a_deferred_block_counts_as_long():
    # One year's table of a timeline cut by year: short itself, but part of a long table.
    deferred = '<div class="fgpt-table fgpt-deferred" style="--fgpt-rows: 2">\n' + table(2) + "\n</div>"
    html = prewrap_tables(deferred + '<div class="fgpt-table">\n' + table(2) + "\n</div>")
    first, second = html.split('<div class="fgpt-table">')
    assert first.count('class="fgpt-footnote-ref"') == 2 and 'class="footnote-ref"' not in first
    assert second.count('class="footnote-ref"') == 2                              # a short table elsewhere keeps tooltips
