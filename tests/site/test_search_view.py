"""Inline drawings are taken out of what Material's search reads and put back whole."""

from __future__ import annotations

import pytest

from followgpt.site.search_view import lift_drawings, restore_drawings

PAGE = ('<p>Before</p><figure class="fgpt-figure"><svg viewBox="0 0 10 10"><title>T</title><svg x="1"><text>in'
        '</text></svg><line x1="0"/><a href="x"><text>GPT-3</text></a></svg><figcaption>Caption</figcaption>'
        '</figure><table><tr><td><svg class="fgpt-edge-sample"><line/></svg></td><td>text</td></tr></table>')


def test_lift_takes_out_every_outermost_svg_and_restore_puts_it_back():
    text, lifted = lift_drawings(PAGE)
    assert len(lifted) == 2 and "<svg" not in text and "GPT-3" not in text
    assert "Before" in text and "Caption" in text and "text</td>" in text
    assert lifted[0].startswith('<svg viewBox') and lifted[0].endswith("</a></svg>")
    assert restore_drawings(text, lifted) == PAGE
    assert lift_drawings("<p>no drawing</p>") == ("<p>no drawing</p>", [])


def test_typeset_formulas_are_lifted_whole():
    page = ('<p>A <span class="arithmatex" data-fgpt-math="built"><span class="katex"><span class="katex-mathml">'
            '<math><mi>x</mi></math></span><span class="katex-html"><span class="mord">x</span></span></span>'
            '</span> and <span class="other">kept</span></p><div class="arithmatex"><span class="katex-display">'
            '<span class="katex"><span>y</span></span></span></div>')
    text, lifted = lift_drawings(page)
    assert len(lifted) == 2 and "katex" not in text and "<mi>" not in text
    assert '<span class="other">kept</span>' in text and '<span class="arithmatex" data-fgpt-math="built">' in text
    assert lifted[1].startswith('<span class="katex-display">') and lifted[1].endswith("</span></span></span>")
    assert restore_drawings(text, lifted) == page


def test_restore_refuses_a_page_that_lost_a_drawing():
    text, lifted = lift_drawings(PAGE)
    with pytest.raises(ValueError):
        restore_drawings(text.replace("<!--fgpt-svg:1-->", ""), lifted)


def test_the_end_excluded_from_search_is_lifted_whole_with_its_drawings():
    from followgpt.render.markdown_subset import SEARCH_EXCLUDED_TAIL
    page = ('<p>Read <svg><text>a</text></svg></p>\n' + SEARCH_EXCLUDED_TAIL +
            '<h2 data-search-exclude id="cite">Cite</h2>\n<p><svg><text>b</text></svg></p>')
    lifted_page, lifted = lift_drawings(page)
    assert "Cite" not in lifted_page and "<svg" not in lifted_page and SEARCH_EXCLUDED_TAIL not in lifted_page
    assert restore_drawings(lifted_page, lifted) == page.replace(SEARCH_EXCLUDED_TAIL, "")
