"""The compare page in headless Chromium: selection from the URL, search in Chinese, keyboard, phone width, no
requests to other hosts, no layout shift."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest


pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}

# Sums the layout-shift entries not caused by input, as Core Web Vitals' CLS does (one session is enough here).
CLS_SCRIPT = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.fixture
def open_compare(open_page):
    return lambda path, options: open_page(path, init_script=CLS_SCRIPT, **options)


def columns(page) -> list[str]:
    return [text.strip() for text in page.locator(".fgpt-compare__table thead th").all_inner_texts()][1:]


def row(page, label: str) -> list[str]:
    cells = page.locator(".fgpt-compare__table tbody tr").filter(
        has=page.locator(f'th[scope=row]:text-is("{label}")')).first.locator("td")
    return [text.strip() for text in cells.all_inner_texts()]


def selection(page) -> list[str]:
    query = parse_qs(urlsplit(page.url).query).get("m", [""])[0]
    return [item for item in query.split(",") if item]


def test_compare_from_the_url_then_search_in_chinese_and_add_a_third(open_compare):
    page, watch = open_compare("data/compare/?m=gpt-3,llama-65b", DESKTOP)
    page.wait_for_selector(".fgpt-compare__table")
    assert len(columns(page)) == 2 and columns(page)[0].startswith("GPT-3")
    assert "LLaMA" in columns(page)[1] or "Llama" in columns(page)[1]
    assert row(page, "参数量")[0].startswith("1750 亿")
    assert page.locator(".fgpt-compare__sources li").count() > 0   # every figure's source is listed

    search = page.get_by_role("combobox")
    search.focus()
    page.keyboard.type("鹏程")                                      # the Chinese name of PanGu-α
    options = page.get_by_role("option")
    options.first.wait_for()
    assert "盘古" in options.first.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.fgpt-compare__table thead th').length === 4")
    assert selection(page) == ["gpt-3", "llama-65b", "pangu-alpha"]
    assert page.evaluate("document.activeElement.getAttribute('role')") == "combobox"   # ready for the next one

    page.get_by_role("button", name="移除 GPT-3").click()
    page.wait_for_function("document.querySelectorAll('.fgpt-compare__table thead th').length === 3")
    assert selection(page) == ["llama-65b", "pangu-alpha"]
    assert page.evaluate("window.__cls") < 0.1
    assert watch.problems() == []                                  # nothing left the origin, no console errors


def test_compare_on_a_phone_keeps_undisclosed_apart_and_scrolls_sideways(open_compare):
    page, watch = open_compare("en/data/compare/?m=gpt-3,gpt-4,llama-65b,pangu-alpha", PHONE)
    page.wait_for_selector(".fgpt-compare__table")
    page.wait_for_timeout(300)
    assert len(columns(page)) == 4
    parameters = row(page, "Parameters")
    assert parameters[0].startswith("175B") and parameters[1].startswith("undisclosed")
    assert page.get_by_role("combobox").is_disabled()              # four is the most
    layout = page.evaluate("""() => {
      const root = document.scrollingElement;
      const scroller = document.querySelector('.fgpt-compare__scroll');
      const first = document.querySelector('.fgpt-compare__table tbody th');
      return {overflow: root.scrollWidth - root.clientWidth, scrolls: scroller.scrollWidth > scroller.clientWidth,
              sticky: getComputedStyle(first).position};
    }""")
    assert layout == {"overflow": 0, "scrolls": True, "sticky": "sticky"}
    assert page.evaluate("window.__cls") < 0.1
    assert watch.problems() == []


def test_compare_offers_an_example_while_nothing_is_chosen(open_compare):
    page, watch = open_compare("data/compare/", DESKTOP)
    page.locator(".fgpt-compare__example a").click()
    page.wait_for_selector(".fgpt-compare__table")
    assert selection(page) == ["gpt-3", "llama-65b", "qwen3-235b-a22b"]
    assert row(page, "激活参数量")[2].startswith("约 220 亿") and row(page, "激活参数量")[0].startswith("—")
    assert row(page, "总参数量")[0].startswith("1750 亿")          # total and active kept apart for the MoE model
    assert watch.problems() == []


def test_compare_keyboard_only_and_unknown_ids_ignored(open_compare):
    page, watch = open_compare("en/data/compare/?m=no-such-model,gpt-2", DESKTOP)
    page.wait_for_selector(".fgpt-compare__table")
    assert selection(page) == ["gpt-2"]
    search = page.get_by_role("combobox")
    search.focus()
    page.keyboard.type("gpt 3")                                     # spaces and case do not matter
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("ArrowDown")
    active = page.evaluate("document.getElementById(document.activeElement.getAttribute('aria-activedescendant')).textContent")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.fgpt-compare__table thead th').length === 3")
    assert columns(page)[1].startswith(active.split("OpenAI")[0].strip()[:5])
    page.keyboard.press("Escape")
    assert watch.problems() == []
