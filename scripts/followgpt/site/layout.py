"""Page HTML adjustments that keep the layout still while Material's script starts (layout shift).

Material's bundle wraps every table without a class in ``<div class="md-typeset__scrollwrap"><div
class="md-typeset__table">`` when it starts. The bundle is deferred (see overrides/main.html), so on a slow phone
the page is painted first and the wrapping then moves everything below a table by the wrappers' margins (the
list under the first table of /learn-more/ moved by 0.14 of the screen). The build writes the same wrappers
around each table, so the first paint already has the final layout; Material still adds its own pair inside
ours, which assets/followgpt.css takes out of the layout (``display: contents``).
"""

from __future__ import annotations

import re

# Tables as Python-Markdown writes them (no attributes), not already wrapped.
TABLE = re.compile(r'(?<!<div class="md-typeset__table">)<table>(.*?)</table>', re.S)
WRAP_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'


def prewrap_tables(page_html: str) -> str:
    return TABLE.sub(lambda m: f"{WRAP_OPEN}<table>{m.group(1)}</table></div></div>", page_html)
