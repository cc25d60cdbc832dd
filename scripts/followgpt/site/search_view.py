"""What Material's search reads of a page: its text, not the drawings and typeset formulas in it.

Material's search plugin indexes the text of every element of a page's content, inline SVG included, so the
figures drawn in Python (a model page's lineage, the overview, the growth chart) put their node and edge labels
into the index run together ("GPT-32020 architecturefrom"), on ~190 pages per language; a formula typeset at
build time (followgpt.site.math) would add KaTeX's MathML and glyph spans. Diagrams drawn by Chromium are
already empty slots while the search plugin reads the page. These functions take every inline SVG and typeset
formula out of the content before the search plugin sees it and put them back in the finished page; each figure
keeps its caption and the page its text.
"""

from __future__ import annotations

import re

from followgpt.render.markdown_subset import SEARCH_EXCLUDED_TAIL

# The start of an element to lift: an inline SVG, or KaTeX's output (a display formula's wrapper or a formula).
LIFTED_OPEN = re.compile(r'<(svg)\b|<(span) class="katex(?:-display)?"')
TAGS = {name: re.compile(rf"<(/?){name}\b[^>]*?(/?)>") for name in ("svg", "span")}
MARK = "<!--fgpt-svg:{n}-->"
MARKED = re.compile(r"<!--fgpt-svg:(\d+)-->")


def lift_drawings(page_html: str) -> tuple[str, list[str]]:
    """``page_html`` with each outermost ``<svg>…</svg>`` (and each typeset formula) replaced by a comment
    naming its place in the list; and, where markdown_subset marked where the sections excluded from search run
    to the end, that whole end too (the search plugin would parse it only to drop it: a third of a model page)."""
    tail = ""
    if SEARCH_EXCLUDED_TAIL in page_html:
        page_html, tail = page_html.split(SEARCH_EXCLUDED_TAIL, 1)
    lifted: list[str] = []
    out: list[str] = []
    position = 0
    while (start := LIFTED_OPEN.search(page_html, position)) is not None:
        depth, end = 0, None
        for tag in TAGS[start.group(1) or start.group(2)].finditer(page_html, start.start()):
            closing, self_closing = tag.group(1), tag.group(2)
            depth += -1 if closing else 0 if self_closing else 1
            if depth == 0:
                end = tag.end()
                break
        if end is None:   # not well formed: leave the rest as it is
            break
        out += [page_html[position:start.start()], MARK.format(n=len(lifted))]
        lifted.append(page_html[start.start():end])
        position = end
    out.append(page_html[position:])
    if tail:
        out.append(MARK.format(n=len(lifted)))
        lifted.append(tail)
    return "".join(out), lifted


def restore_drawings(page_html: str, lifted: list[str]) -> str:
    """Put back what lift_drawings took out (every mark must be found once)."""
    found: list[int] = []

    def back(match: re.Match) -> str:
        found.append(int(match.group(1)))
        return lifted[int(match.group(1))]
    restored = MARKED.sub(back, page_html)
    if sorted(found) != list(range(len(lifted))):
        raise ValueError(f"expected {len(lifted)} lifted drawings back in the page, found marks {sorted(found)}")
    return restored
