"""Names full of mermaid and HTML syntax render verbatim in real Chromium, and nothing in them executes.

A tiny real site is built from the renderers' adversarial fixture registry (tests/render/fixtures/resources)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from followgpt.site.build import build_site
from benchmarks.static_server import StaticServer
from projects import REPO, make_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIXTURE = REPO / "tests" / "render" / "fixtures" / "resources"
ODD = {
    "en": ['Odd (v1) [beta] "quoted" | #1 <b>bold</b> & `tick`', "xeno <script>alert(1)</script>", "end"],
    "zh": ["怪模型（v1）【测试】“引号”", "xeno <script>alert(1)</script>", "end"],
}
PAGE = "# {title}\n\n<!-- followgpt:tree family=odd -->\n"


@contextmanager
def watched_page(browser):
    """A page that records the dialogs it opens (an executed alert()) and its script errors; closed after."""
    page = browser.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield page, dialogs, errors
    finally:
        page.close()


@pytest.fixture(scope="module")
def odd_site_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("odd")
    project = make_project(root / "project", {"zh/index.md": PAGE.format(title="怪名字"),
                                              "en/index.md": PAGE.format(title="Odd names"),
                                              "zh/compare.md": "# 对比\n\n<!-- followgpt:compare -->\n",
                                              "en/compare.md": "# Compare\n\n<!-- followgpt:compare -->\n"},
                           resources=FIXTURE)
    build_site(project / "mkdocs.yml", root / "site")
    with StaticServer(root / "site") as url:
        yield url


@pytest.mark.parametrize("lang, prefix", [("zh", ""), ("en", "en/")])
def test_adversarial_names_render_verbatim_and_inertly(browser, odd_site_url, lang, prefix):
    with watched_page(browser) as (page, dialogs, errors):
        page.goto(odd_site_url + prefix)
        page.locator(".mermaid").first.scroll_into_view_if_needed()
        page.wait_for_selector(".mermaid svg .node", timeout=20000)
        diagram = page.locator(".mermaid").first
        assert "Syntax error" not in diagram.inner_text()
        labels = diagram.locator(".node").all_text_contents()  # SVG elements have no innerText
        for name in ODD[lang]:
            assert any(name in label for label in labels), (name, labels)
        assert page.locator(".mermaid script, .mermaid b").count() == 0  # markup in names stays text
        assert dialogs == [] and errors == []


@pytest.mark.parametrize("lang, prefix", [("zh", ""), ("en", "en/")])
def test_adversarial_names_stay_text_on_the_compare_page(browser, odd_site_url, lang, prefix):
    with watched_page(browser) as (page, dialogs, errors):
        page.goto(odd_site_url + prefix + "compare/?m=odd-x,end")
        page.wait_for_selector(".fgpt-compare__table")
        headers = page.locator(".fgpt-compare__table thead th").all_inner_texts()[1:]
        for name in (ODD[lang][0], ODD[lang][2]):
            assert any(name in header for header in headers), (name, headers)
        page.get_by_role("combobox").fill("<script>")              # the search shows names as text too
        option = page.get_by_role("option").first
        option.wait_for()
        assert ODD[lang][1] in option.inner_text()
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelectorAll('.fgpt-compare__table thead th').length === 4")
        assert page.locator(".fgpt-compare script, .fgpt-compare b").count() == 0
        assert dialogs == [] and errors == []
