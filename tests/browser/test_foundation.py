"""The reader's first experience, in real headless Chromium: home page, search, language switch, diagrams."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_home_page_loads_cleanly_and_stays_on_localhost(open_page):
    page, watch = open_page("")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    assert page.get_attribute("html", "lang").startswith("zh")
    assert watch.problems() == []


def search(page, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.fill("input.md-search__input", query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


def test_chinese_search_finds_fine_tuning_notes(open_page):
    page, watch = open_page("")
    results = search(page, "微调")
    assert results, "no result for 微调"
    assert not [href for href in results if "/en/" in href]
    assert watch.problems() == []


def switch_language(page, lang: str) -> None:
    page.hover(".md-header__option .md-select")  # the menu opens on hover, as for a reader
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang={lang}]").first.click()


def test_language_switch_lands_on_the_same_page(open_page):
    page, _ = open_page("gpt/gpt-1/")
    switch_language(page, "en")
    assert page.url.endswith("/en/gpt/gpt-1/")
    assert page.get_attribute("html", "lang") == "en"
    switch_language(page, "zh")
    assert page.url.endswith("/gpt/gpt-1/") and "/en/" not in page.url


def test_mermaid_diagram_renders_an_svg(open_page):
    page, watch = open_page("")
    page.locator(".mermaid").first.scroll_into_view_if_needed()  # diagrams are drawn as they near the viewport
    page.wait_for_selector(".mermaid svg .node", timeout=20000)
    assert "Syntax error" not in page.locator(".mermaid").first.inner_text()
    assert watch.problems() == []
