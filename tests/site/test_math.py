"""Formulas are typeset at build time with the site's KaTeX: the page carries KaTeX's HTML and stylesheet and no
KaTeX script; without Node (FOLLOWGPT_MATH=client) the browser typesets them as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from followgpt.site.build import build_site
from followgpt.site.math import MathTypesetter
from projects import REPO, make_project

NODE_MODULES = REPO / "node_modules"
pytestmark = pytest.mark.skipif(shutil.which("node") is None or not (NODE_MODULES / "katex").is_dir(),
                                reason="typesetting at build time needs Node and KaTeX (make setup)")
PAGE = "# {title}\n\nInline \\(x_1 < y\\) and a display formula:\n\n$$\nP(x) = \\prod_t p(x_t \\mid x_{{<t}})\n$$\n"


def test_typesetter_gives_katex_html_and_draws_errors_instead_of_failing():
    typesetter = MathTypesetter(NODE_MODULES)
    try:
        page, found = typesetter.typeset_page(
            '<p><span class="arithmatex">\\(x &lt; y\\)</span></p><div class="arithmatex">\\[\\frac{1}{2}\\]</div>'
            '<p><span class="arithmatex">\\(\\notacommand\\)</span> <span class="arithmatex">plain</span></p>')
    finally:
        typesetter.close()
    assert found
    assert page.count('data-fgpt-math="built"') == 3
    assert '<span class="katex">' in page and '<span class="katex-display">' in page
    assert "<annotation encoding=\"application/x-tex\">x &lt; y</annotation>" in page   # the TeX, unescaped once
    assert "color:#cc0000" in page                                 # drawn in red, as the browser would
    assert '<span class="arithmatex">plain</span>' in page          # not arithmatex's markup: left alone


@pytest.mark.parametrize("mode", ["build", "client"])
def test_pages_with_formulas(tmp_path, monkeypatch, mode):
    monkeypatch.setenv("FOLLOWGPT_PRERENDER", "0")
    monkeypatch.setenv("FOLLOWGPT_MATH", mode)
    monkeypatch.setenv("FOLLOWGPT_CACHE_DIR", str(tmp_path / "cache"))
    project = make_project(tmp_path / "project", {"zh/index.md": PAGE.format(title="首页"),
                                                  "en/index.md": PAGE.format(title="Home")},
                           resources=REPO / "tests" / "registry" / "fixtures" / "valid")
    build_site(project / "mkdocs.yml", tmp_path / "site")
    for page in (tmp_path / "site" / "index.html", tmp_path / "site" / "en" / "index.html"):
        text = page.read_text(encoding="utf-8")
        assert "katex/katex.min.css" in text
        if mode == "build":
            assert text.count('data-fgpt-math="built"') == 2 and '<span class="katex-display">' in text
            assert "katex.min.js" not in text and "auto-render" not in text
        else:
            assert "data-fgpt-math" not in text and "katex.min.js" in text and "auto-render.min.js" in text
    index = Path(tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "katex" not in index, "typeset formulas stay out of the search index"
