"""Page HTML adjustments that keep the layout still while Material's script starts (layout shift).

Material's bundle wraps every table without a class in ``<div class="md-typeset__scrollwrap"><div
class="md-typeset__table">`` when it starts. The bundle is deferred (see overrides/main.html), so on a slow phone
the page is painted first and the wrapping then moves everything below a table by the wrappers' margins (the
list under the first table of /learn-more/ moved by 0.14 of the screen). The build writes the same wrappers
around each table, so the first paint already has the final layout; Material still adds its own pair inside
ours, which assets/followgpt.css takes out of the layout (``display: contents``).

Long tables cite a source on every row. Material's ``content.footnote.tooltips`` prepares a tooltip for every
``.footnote-ref`` when a page starts: on the timeline (~300 rows) that was most of the page's main-thread time
(total blocking time 536 ms at 4× CPU, Lighthouse mobile 86). In a table of LONG_TABLE_ROWS rows or more the
markers get a class of their own, styled like Material's (assets/followgpt.css): they still link to the source
at the foot of the page, without a tooltip. A table in a ``fgpt-deferred`` block is one part of a long table cut
in parts (a timeline by year) and counts as long whatever its own length.
"""

from __future__ import annotations

import re

from followgpt.render.views.table import LONG_TABLE_ROWS

# Tables as Python-Markdown writes them (no attributes), not already wrapped.
TABLE = re.compile(r'(?<!<div class="md-typeset__table">)<table>(.*?)</table>', re.S)
DEFERRED_BLOCK = re.compile(r'<div class="[^"]*\bfgpt-deferred\b[^"]*"[^>]*>\s*\Z')
WRAP_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'


FOOTNOTE_REF = 'class="footnote-ref"'
PLAIN_FOOTNOTE_REF = 'class="fgpt-footnote-ref"'


def prewrap_tables(page_html: str) -> str:
    def wrapped(match: re.Match) -> str:
        table = match.group(1)
        in_part = DEFERRED_BLOCK.search(page_html, max(0, match.start() - 300), match.start())
        if table.count("<tr") >= LONG_TABLE_ROWS or in_part:
            table = table.replace(FOOTNOTE_REF, PLAIN_FOOTNOTE_REF)
        return f"{WRAP_OPEN}<table>{table}</table></div></div>"
    return TABLE.sub(wrapped, page_html)
