"""Every page of both languages, in headless Chromium, at a desktop and a phone width.

The pages come from the built site's sitemaps, so new notes and model pages are covered without editing this
file. Each width gets one browser context whose few tabs share out every page (each page is visited once per
width); a page gets a time limit, the whole loop a time cap, and the failure message lists, per page, everything
that went wrong.
Further tests check what needs interaction, once per language: sortable tables, the language switch, the
palette toggle (with the contrast of diagram text in both palettes) and search.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from benchmarks.static_server import StaticServer
from browser.conftest import PageWatch, require_chromium
from browser.diagram_metrics import METRICS_JS
from browser.diagram_metrics import problems as diagram_problems
from browser.site_pages import LANGUAGES, all_pages, page_file, page_url
from followgpt.site.prerender import CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "mobile": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
               "device_scale_factor": 2},
}
PAGE_TIMEOUT_MS = 30_000      # loading one page, then drawing all its diagrams
MAX_LAYOUT_SHIFT = 0.1        # cumulative layout shift during load, every page, at phone width (as Lighthouse)
SHIFT_WIDTHS = {"mobile"}
LOOP_CAP_S = 15 * 60          # the whole visit loop at one width
MAX_PAGES = 3000              # a sanity bound: a runaway sitemap must not make the loop endless
SETTLE_S = 5                  # the longest wait, after the checks, for a page's requests still under way
# Tabs visiting pages at once. A visit mostly waits (for the server, for frames, for Playwright's round trips),
# so a few tabs keep both cores busy; every page is still visited, once per width.
TABS = int(os.environ.get("FOLLOWGPT_BROWSER_TABS", "3"))


# Installed in every page before its own scripts: layout shift during load, two ways. "observed" is the page's
# cumulative layout shift as Chromium reports it (PerformanceObserver, shifts without recent input). "firstPaint"
# is the shift a reader sees when the page is painted as soon as it is parsed, before its deferred scripts run
# (a phone on a first visit; headless Chromium here often runs them before its first frame, so the observed
# value alone can miss it): the block-level children of the article, as laid out when parsing ends, against
# their places once the page has loaded, scored like the layout-shift metric (impact fraction of the viewport
# times the largest move over the viewport's larger side).
SHIFT_INIT_JS = r"""
(() => {
  window.__fgptShift = {observed: 0, first: null};
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__fgptShift.observed += e.value;
    }).observe({type: "layout-shift", buffered: true});
  } catch (e) {}
  const snapshot = () => [...document.querySelectorAll("article.md-content__inner > *")].map((el) => {
    const r = el.getBoundingClientRect();
    return [r.x + scrollX, r.y + scrollY, r.width, r.height];
  });
  document.addEventListener("readystatechange", () => {
    if (document.readyState === "interactive") window.__fgptShift.first = snapshot();
  });
  window.__fgptShiftSince = () => {
    const before = window.__fgptShift.first || [], after = snapshot();
    const vw = innerWidth, vh = innerHeight, area = vw * vh;
    const clip = ([x, y, w, h]) => {
      const x0 = Math.max(0, x), y0 = Math.max(0, y), x1 = Math.min(vw, x + w), y1 = Math.min(vh, y + h);
      return x1 > x0 && y1 > y0 ? [x0, y0, x1, y1] : null;
    };
    let impact = [], distance = 0;
    before.forEach((old, i) => {
      const now = after[i];
      if (!now) return;
      const d = Math.max(Math.abs(now[0] - old[0]), Math.abs(now[1] - old[1]));
      if (d < 1) return;
      const a = clip(old), b = clip(now);
      if (!a && !b) return;
      distance = Math.max(distance, d);
      if (a) impact.push(a);
      if (b) impact.push(b);
    });
    // Union area of the impact rectangles, on a coarse grid (8 px): precise enough for a 0.1 budget.
    const cell = 8, seen = new Set();
    for (const [x0, y0, x1, y1] of impact)
      for (let gx = Math.floor(x0 / cell); gx < Math.ceil(x1 / cell); gx++)
        for (let gy = Math.floor(y0 / cell); gy < Math.ceil(y1 / cell); gy++) seen.add(gx + ":" + gy);
    const fraction = Math.min(1, seen.size * cell * cell / area);
    return {observed: window.__fgptShift.observed, firstPaint: fraction * Math.min(1, distance / Math.max(vw, vh))};
  };
})();
"""


# Runs inside the page: scroll through it (diagrams and formulas are drawn as they approach the viewport), wait
# for every diagram, then report what a reader would see.
INSPECT_JS = """
async (timeoutMs) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const deadline = performance.now() + timeoutMs;
  const root = document.scrollingElement || document.documentElement;
  const diagrams = [...document.querySelectorAll("div.mermaid")];
  const shift = window.__fgptShiftSince ? window.__fgptShiftSince() : null;   // before any scrolling
  // Scroll only while something is left to draw: diagrams the build drew (data-fgpt-diagram="drawn" in the HTML)
  // and formulas typeset on the first screen (data-fgpt-math) need no scrolling.
  if (diagrams.some((d) => !d.dataset.fgptDiagram) || document.querySelector(".arithmatex:not([data-fgpt-math])")) {
    // Steps of 1.8 screens: diagrams start drawing half a screen ahead, formulas a whole screen ahead.
    for (let y = 0; y < root.scrollHeight; y += innerHeight * 1.8) { scrollTo(0, y); await frame(); }
    scrollTo(0, root.scrollHeight); await frame();
  }
  // followgpt-diagrams.mjs marks each diagram "drawn" or "failed" when mermaid is done with it.
  while (diagrams.some((d) => !d.dataset.fgptDiagram) && performance.now() < deadline) await sleep(50);
  await frame();
  return {
    lang: document.documentElement.lang,
    h1: document.querySelectorAll("h1").length,
    imagesWithoutAlt: [...document.querySelectorAll("img")]
      .filter((img) => !(img.getAttribute("alt") || "").trim() && img.getAttribute("role") !== "presentation")
      .map((img) => img.getAttribute("src")),
    diagrams: diagrams.map((d, i) => {
      const svg = d.querySelector("svg");
      const text = d.textContent || "";
      if (!d.dataset.fgptDiagram) return `diagram ${i + 1} was not drawn within the time limit`;
      if (d.dataset.fgptDiagram === "failed") return `diagram ${i + 1} failed to draw`;
      if (!svg) return `diagram ${i + 1} has no <svg>`;
      if (/Syntax error|Parse error/i.test(text)) return `diagram ${i + 1} shows a mermaid error`;
      if (!svg.querySelector("g.node, .node")) return `diagram ${i + 1} has no nodes`;
      return null;
    }).filter(Boolean),
    math: document.querySelectorAll(".arithmatex").length,
    mathRendered: [...document.querySelectorAll(".arithmatex")].filter((m) => m.querySelector(".katex")).length,
    mathErrors: [...document.querySelectorAll(".arithmatex .katex-error")].map((e) => e.textContent.slice(0, 60)),
    switches: Object.fromEntries([...document.querySelectorAll(".md-select__link[hreflang]")]
      .map((a) => [a.getAttribute("hreflang"), a.href])),
    overflow: root.scrollWidth - root.clientWidth,
    shift,
  };
}
"""


async def inspect_page(page, watch: PageWatch, site_url: str, lang: str, path: str, width: str = "desktop",
                       shifts: dict | None = None) -> list[str]:
    """Load one page in ``page`` (a tab of Playwright's async API) and return what is wrong with it (empty list:
    nothing). Each diagram and generated figure must be readable at ``width``: text displayed at 11px or more, and
    no wider than the content column on a desktop or ~2.2 column widths on a phone (browser/diagram_metrics.py).
    With ``shifts``, also check the layout shift during load and record it there."""
    try:
        await page.goto(page_url(site_url, lang, path), wait_until="load", timeout=PAGE_TIMEOUT_MS)
        seen = await page.evaluate(INSPECT_JS, PAGE_TIMEOUT_MS)
        metrics = await page.evaluate(METRICS_JS) if seen["diagrams"] == [] else []
    except Exception as exc:  # a timeout or a crashed page is a finding, not the end of the loop
        return [f"did not load and settle within {PAGE_TIMEOUT_MS / 1000:.0f}s: {str(exc).splitlines()[0]}"
                ] + await leave(page, watch)
    problems: list[str] = []
    if not (seen["lang"] or "").startswith(lang):
        problems.append(f'<html lang="{seen["lang"]}">, expected {lang}')
    if seen["h1"] != 1:
        problems.append(f"{seen['h1']} <h1> elements, expected exactly one")
    if seen["imagesWithoutAlt"]:
        problems.append(f"images without alt text: {', '.join(seen['imagesWithoutAlt'][:5])}")
    problems += seen["diagrams"]
    problems += diagram_problems(metrics, width)
    if seen["mathRendered"] < seen["math"]:
        problems.append(f"math: {seen['math'] - seen['mathRendered']} of {seen['math']} formulas not rendered by KaTeX")
    if seen["mathErrors"]:
        problems.append(f"KaTeX errors: {seen['mathErrors'][:3]}")
    counterparts = {other: page_url(site_url, other, path) for other in LANGUAGES}
    for other, expected in counterparts.items():
        actual = seen["switches"].get(other)
        if actual is None:
            problems.append(f"no language switch entry for {other}")
        elif urlsplit(actual).path != urlsplit(expected).path:
            problems.append(f"language switch to {other} goes to {urlsplit(actual).path}, expected {urlsplit(expected).path}")
    if shifts is not None and seen.get("shift"):
        worst = max(seen["shift"]["observed"], seen["shift"]["firstPaint"])
        shifts[f"{lang}:/{path}"] = worst
        if worst >= MAX_LAYOUT_SHIFT:
            problems.append(f"layout shift during load {worst:.3f} ≥ {MAX_LAYOUT_SHIFT} (observed "
                            f"{seen['shift']['observed']:.3f}, painted before the scripts ran "
                            f"{seen['shift']['firstPaint']:.3f})")
    if seen["overflow"] > 1:
        problems.append(f"the page is {seen['overflow']}px wider than the screen (sideways scrolling)")
    return problems + await leave(page, watch)


async def leave(page, watch: PageWatch) -> list[str]:
    """Wait until the page's requests are answered (those its scripts started after the load event too, such as
    the search index: a missing file must be reported, not cancelled by leaving), navigate the tab away, then
    return what the page logged and requested until it was gone; the tab's next page starts clean."""
    deadline = time.monotonic() + SETTLE_S
    while watch.pending and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    try:
        await page.goto("about:blank")
    except Exception as exc:
        return [f"could not leave the page: {str(exc).splitlines()[0]}"] + watch.take()
    return watch.take()


def search_index_stand_in(site_dir: Path, site_url: str):
    """A route handler for the search index, for the whole-site visits.

    Material starts its search on every page: the page fetches its language's whole index (2.7 MB for today's
    site, growing with it) and a worker builds a lunr index from it, the same work on every page of a language and
    about half of each visit's time. Here each page still requests its index, and a request for a file the site
    lacks (a page resolving the wrong URL) still reaches the server and fails the page; an existing index is
    answered with its real search configuration and no documents, so the worker starts as usual and indexes
    nothing. Loading and searching the real index of each language, without console errors, is checked by
    test_search_finds_the_expected_pages_in_the_top_three (and test_foundation's search test)."""
    base = urlsplit(site_url).path
    answers: dict[Path, str] = {}

    def handle(route):
        url = route.request.url
        local = site_dir / urlsplit(url).path[len(base):]
        if not url.startswith(site_url) or not local.is_file():
            return route.fallback()
        if local not in answers:
            config = json.loads(local.read_text(encoding="utf-8"))["config"]
            answers[local] = json.dumps({"config": config, "docs": []})
        return route.fulfill(status=200, content_type="application/json", body=answers[local])

    return handle


async def visit_every_page(site_dir: Path, site_url: str, width: str, pages: list[tuple[str, str]],
                           shifts: dict | None) -> tuple[dict[str, list[str]], int]:
    """Visit ``pages`` in TABS tabs of one browser context at ``width``; return the failures per page and how many
    pages were visited. Each tab takes the next page not yet visited; a tab that dies is replaced."""
    from playwright.async_api import async_playwright

    failures: dict[str, list[str]] = {}
    todo = iter(pages)
    visited = 0
    started = time.monotonic()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS,
                                                   headless=True)
        context = await browser.new_context(**WIDTHS[width])
        if shifts is not None:
            await context.add_init_script(SHIFT_INIT_JS)

        async def new_tab():
            tab = await context.new_page()
            tab.set_default_timeout(PAGE_TIMEOUT_MS)
            watch = PageWatch(site_url.rstrip("/"))
            await watch.attach(tab)
            await tab.route("**/search/search_index.json", search_index_stand_in(site_dir, site_url))
            return tab, watch

        async def tab_loop():
            nonlocal visited
            page, watch = await new_tab()
            for lang, path in todo:
                if time.monotonic() - started > LOOP_CAP_S:
                    failures["(time cap)"] = [f"stopped after {LOOP_CAP_S}s with pages not visited"]
                    return
                try:
                    problems = await inspect_page(page, watch, site_url, lang, path, width, shifts)
                except Exception as exc:  # the tab itself died (renderer crash): note it, carry on in a new tab
                    problems = [f"the browser tab failed: {str(exc).splitlines()[0]}"]
                    try:
                        await page.close()
                    except Exception:
                        pass
                    page, watch = await new_tab()
                visited += 1
                if problems:
                    failures[f"{LANGUAGES[lang]}{path or '(home)'} [{lang}]"] = problems

        try:
            await asyncio.gather(*(tab_loop() for _ in range(TABS)))
        finally:
            await browser.close()
    return failures, visited


def format_report(failures: dict[str, list[str]], visited: int, width: str) -> str:
    lines = [f"{len(failures)} of {visited} pages failed at {width} width:"]
    for where, problems in failures.items():
        lines.append(f"  {where}")
        lines += [f"    - {problem}" for problem in problems]
    return "\n".join(lines)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page(site_dir, site_url, width):
    pages = all_pages(site_dir)
    assert pages, "the sitemaps list no pages"
    assert len(pages) <= MAX_PAGES, f"{len(pages)} pages: more than the {MAX_PAGES} this loop is bounded to"
    missing = [f"{lang}:/{path}" for lang, path in pages if not page_file(site_dir, lang, path).is_file()]
    assert not missing, f"pages in a sitemap but not built: {missing}"

    shifts = {} if width in SHIFT_WIDTHS else None
    started = time.monotonic()
    # Playwright's async API in a thread of its own: the session's sync browser keeps the main thread's loop.
    with ThreadPoolExecutor(1) as thread:
        failures, visited = thread.submit(asyncio.run, visit_every_page(site_dir, site_url, width, pages,
                                                                          shifts)).result()
    elapsed = time.monotonic() - started
    print(f"\n{width}: visited {visited} pages in {elapsed:.0f}s ({elapsed / max(visited, 1):.2f}s per page, "
          f"{TABS} tabs)")
    if shifts:
        worst = sorted(shifts.items(), key=lambda item: -item[1])[:5]
        print(f"{width}: layout shift measured on {len(shifts)} pages; largest: "
              + ", ".join(f"{where} {value:.3f}" for where, value in worst))
    assert visited == len(pages) or failures, f"visited {visited} of {len(pages)} pages"
    if shifts is not None:
        unmeasured = [f"{lang}:/{path}" for lang, path in pages if f"{lang}:/{path}" not in shifts]
        assert failures or not unmeasured, f"layout shift not measured on {unmeasured[:10]}"
    assert not failures, format_report(failures, visited, width)


# -- interactions, once per language -------------------------------------------------------------------------------

COLUMN_JS = """
([tableIndex, column]) => {
  const table = document.querySelectorAll(".fgpt-table table")[tableIndex];
  return [...table.tBodies[0].rows].map((row) => {
    const cell = row.cells[column];
    return cell ? (cell.getAttribute("data-sort") ?? cell.textContent.trim()) : "";
  });
}
"""


def sort_key(value: str):
    try:
        return (0, float(value), "")
    except ValueError:
        return (1, 0.0, value.lower())


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_generated_tables_sort_when_a_header_is_clicked(open_page, site_dir, lang):
    # The page with the longest generated table: the hardest case, and one with varied values.
    candidates = [path for page_lang, path in all_pages(site_dir)
                  if page_lang == lang and "fgpt-table" in page_file(site_dir, lang, path).read_text(encoding="utf-8")]
    assert candidates, f"no {lang} page has a generated table"
    path = max(candidates, key=lambda p: page_file(site_dir, lang, p).read_text(encoding="utf-8").count("<tr>"))
    page, watch = open_page(LANGUAGES[lang] + path)
    tables = page.locator(".fgpt-table table")
    table_index = max(range(tables.count()), key=lambda i: tables.nth(i).locator("tbody tr").count())
    table = tables.nth(table_index)
    headers = table.locator("thead th")
    # A column whose values are not all equal, so that sorting it must change something visible.
    for column in range(headers.count()):
        before = page.evaluate(COLUMN_JS, [table_index, column])
        if len(set(before)) > 2:
            break
    else:
        pytest.fail(f"{lang}:/{path}: no column with varied values to sort")
    rows_before = table.locator("tbody tr").all_inner_texts()
    header = headers.nth(column)
    header.click()
    after = page.evaluate(COLUMN_JS, [table_index, column])
    if after == sorted(before, key=sort_key) == before or after == before:
        header.click()  # the first click kept the order (already sorted that way): the second reverses it
        after = page.evaluate(COLUMN_JS, [table_index, column])
    keys = [sort_key(v) for v in after if v != "-1"]     # "-1": no value (undisclosed, not recorded) stays last
    assert keys in (sorted(keys), sorted(keys, reverse=True)) and set(after[len(keys):]) <= {"-1"}, \
        f"{lang}:/{path}: column {column + 1} ({header.inner_text()!r}) is not in order after a click: {after}"
    assert table.locator("tbody tr").all_inner_texts() != rows_before, f"{lang}:/{path}: clicking did not reorder rows"
    assert header.get_attribute("aria-sort") in ("ascending", "descending")
    assert watch.problems() == []


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_language_switch_lands_on_the_counterpart(open_page, site_dir, site_url, lang):
    # The deepest page (a model page or a note), so relative links are exercised.
    path = max((p for page_lang, p in all_pages(site_dir) if page_lang == lang), key=lambda p: (p.count("/"), p))
    other = "en" if lang == "zh" else "zh"
    page, watch = open_page(LANGUAGES[lang] + path)
    page.locator(".md-header .md-select").first.hover()   # the language menu opens on hover
    with page.expect_navigation(wait_until="load"):
        page.locator(f".md-header .md-select__link[hreflang={other}]").first.click()
    assert urlsplit(page.url).path == urlsplit(page_url(site_url, other, path)).path
    assert page.get_attribute("html", "lang").startswith(other)
    assert watch.problems() == []


# -- palette and diagram legibility ---------------------------------------------------------------------------------

# For each piece of text in each drawn diagram: its colour and the colour behind it (the node's shape, the
# label's own background, the diagram's container, or the page), composited, and the WCAG contrast ratio.
# Colour helpers shared by the contrast checks below: parse a computed colour, lay one colour over another, and
# WCAG's relative luminance and contrast ratio.
COLOUR_JS = """
  const parse = (c) => {
    const m = c && c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a];
  };
  const over = (top, bottom) => top[3] >= 1 ? top
    : [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
"""
CONTRAST_JS = """
() => {""" + COLOUR_JS + """  const background = (element) => {   // the opaque colour behind an HTML element, walking up to the page
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    if (layers.length && layers[layers.length - 1][3] >= 1) colour = layers.pop();
    else { const b = parse(getComputedStyle(document.body).backgroundColor); if (b && b[3] >= 1) colour = b; }
    while (layers.length) colour = over(layers.pop(), colour);
    return colour;
  };
  const results = [];
  document.querySelectorAll("div.mermaid svg").forEach((svg, index) => {
    const behindDiagram = background(svg.parentElement);
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || !element || element.closest("style, title, desc")) continue;
      const style = getComputedStyle(element);
      const svgText = element instanceof SVGElement;
      const colour = parse(svgText ? style.fill : style.color);
      if (!colour || colour[3] === 0) continue;
      let behind = behindDiagram;
      const group = element.closest("g.node, g.cluster");
      const shape = group && group.querySelector(":scope > rect, :scope > polygon, :scope > path, :scope > circle");
      if (shape) { const fill = parse(getComputedStyle(shape).fill); if (fill) behind = over(fill, behind); }
      // the label's own backgrounds (edge labels have one), from the outermost inwards
      const own = [];
      for (let e = element; e && e !== svg && !(e instanceof SVGElement && !(e instanceof SVGForeignObjectElement)); e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) own.push(c);
      }
      while (own.length) behind = over(own.pop(), behind);
      results.push({ diagram: index + 1, text: node.textContent.trim().slice(0, 30),
                     ratio: Math.round(ratio(over(colour, behind), behind) * 100) / 100 });
    }
  });
  return results;
}
"""
MIN_CONTRAST = 4.5   # WCAG AA for normal text


def palette(page) -> str:
    return page.get_attribute("body", "data-md-color-scheme")


def draw_all_diagrams(page) -> None:
    page.evaluate(INSPECT_JS, PAGE_TIMEOUT_MS)
    page.evaluate("() => scrollTo(0, 0)")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_palette_toggle_keeps_diagrams_legible(open_page, site_dir, lang):
    # The diagram page with the most diagram text: a family tree if there is one.
    candidates = [p for page_lang, p in all_pages(site_dir)
                  if page_lang == lang and 'class="mermaid"' in page_file(site_dir, lang, p).read_text(encoding="utf-8")]
    assert candidates, f"no {lang} page has a diagram"
    path = max(candidates, key=lambda p: len(re.findall(r'<div class="mermaid">', page_file(site_dir, lang, p).read_text(encoding="utf-8")))
               * 1000 + page_file(site_dir, lang, p).stat().st_size / 1e6)
    page, watch = open_page(LANGUAGES[lang] + path, color_scheme="light")
    draw_all_diagrams(page)
    seen = {}
    for _ in range(2):
        scheme = palette(page)
        low = [r for r in page.evaluate(CONTRAST_JS) if r["ratio"] < MIN_CONTRAST]
        seen[scheme] = low
        page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=scheme)
    assert set(seen) == {"default", "slate"}, f"the toggle did not switch between the two palettes: {list(seen)}"
    assert palette(page) == "default", "two clicks did not bring the first palette back"
    page.reload(wait_until="load")
    assert palette(page) == "default", "the chosen palette was not kept across page loads"
    report = {scheme: low[:8] for scheme, low in seen.items() if low}
    assert not report, f"{lang}:/{path}: diagram text below {MIN_CONTRAST}:1 contrast: {report}"
    assert watch.problems() == []


# The contrast of a page's quiet text (the "last reviewed" line): its colour faded by its own and its ancestors'
# opacity, over the page's background.
QUIET_TEXT_CONTRAST_JS = """
(selector) => {""" + COLOUR_JS + """
  const element = document.querySelector(selector);
  if (!element) return null;
  let alpha = parse(getComputedStyle(element).color)[3];
  for (let e = element; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
  const fore = parse(getComputedStyle(element).color);
  const back = parse(getComputedStyle(document.body).backgroundColor);
  return Math.round(ratio(over([fore[0], fore[1], fore[2], alpha], back), back) * 100) / 100;
}
"""


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_last_reviewed_line_is_readable_in_both_palettes(open_page, site_dir, lang):
    path = next((p for page_lang, p in all_pages(site_dir) if page_lang == lang
                 and 'class="fgpt-reviewed"' in page_file(site_dir, lang, p).read_text(encoding="utf-8")), None)
    assert path is not None, f"no {lang} page shows when it was last reviewed"
    page, watch = open_page(LANGUAGES[lang] + path, color_scheme="light")
    ratios = {}
    for _ in range(2):
        scheme = palette(page)
        ratios[scheme] = page.evaluate(QUIET_TEXT_CONTRAST_JS, ".fgpt-reviewed time")
        page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=scheme)
    assert set(ratios) == {"default", "slate"}
    assert all(ratio >= MIN_CONTRAST for ratio in ratios.values()), f"{lang}:/{path}: {ratios}"
    assert watch.problems() == []


# -- search ---------------------------------------------------------------------------------------------------------

# query → the page(s) a reader would look for; one of them must be among the first three result pages.
SEARCHES = {
    "zh": {
        "微调": ("basics/language-models/",),
        "强化学习": ("concepts/alignment/", "gpt/instructgpt/", "concepts/rl-verifiable-rewards/"),
        "上下文学习": ("basics/prompting/",),
        "指令": ("basics/prompting/", "gpt/instructgpt/"),
        "思维链": ("concepts/reasoning-and-hallucination/",),
        "幻觉": ("concepts/reasoning-and-hallucination/",),
        "缩放定律": ("concepts/scaling/",),
        "注意力": ("concepts/transformer/",),
        "开源": ("ecosystem/open-models/", "ecosystem/open-models-since-llama/"),
        "分词": ("concepts/representations/",),
        # the pages added after GPT-4 (issues 14 and 15)
        "推理模型": ("gpt/reasoning-models/",),
        "测试时计算": ("concepts/test-time-compute/",),
        "开放权重": ("gpt/gpt-oss/", "concepts/open-weight-licences/", "ecosystem/open-models-since-llama/"),
        "混合专家": ("concepts/mixture-of-experts/",),
        "蒸馏": ("concepts/distillation/",),
        "可验证奖励": ("concepts/rl-verifiable-rewards/",),
        "长上下文": ("concepts/long-context/",),
        "开源许可": ("concepts/open-weight-licences/",),
        "通义千问": ("ecosystem/qwen/",),
        "深度求索": ("ecosystem/deepseek/",),
        "智谱": ("ecosystem/glm/",),
    },
    "en": {
        "fine-tuning": ("basics/language-models/",),
        "reinforcement learning": ("concepts/alignment/", "gpt/instructgpt/"),
        "in-context learning": ("basics/prompting/",),
        "instruction": ("basics/prompting/", "gpt/instructgpt/"),
        "chain of thought": ("concepts/reasoning-and-hallucination/",),
        "hallucination": ("concepts/reasoning-and-hallucination/",),
        "scaling laws": ("concepts/scaling/",),
        "attention": ("concepts/transformer/",),
        "open models": ("ecosystem/open-models/", "ecosystem/open-models-since-llama/"),
        "tokenizer": ("concepts/representations/",),
        # the pages added after GPT-4 (issues 14 and 15)
        "GPT-4o": ("gpt/gpt-4o/",),
        "reasoning model": ("gpt/reasoning-models/",),
        "test-time compute": ("concepts/test-time-compute/",),
        "gpt-oss": ("gpt/gpt-oss/",),
        "mixture of experts": ("concepts/mixture-of-experts/",),
        "distillation": ("concepts/distillation/",),
        "verifiable rewards": ("concepts/rl-verifiable-rewards/",),
        "long context": ("concepts/long-context/",),
        "open-weight licence": ("concepts/open-weight-licences/",),
        "DeepSeek": ("ecosystem/deepseek/",),
        "Qwen": ("ecosystem/qwen/",),
        "Llama": ("ecosystem/open-models-since-llama/",),
    },
}


def search_pages(page, query: str) -> list[str]:
    """Type a query into Material's search box; the result pages' paths in order (sections folded into pages)."""
    box = "input.md-search__input"
    page.fill(box, "")
    page.press(box, "End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=5000)
    page.fill(box, query)
    page.press(box, "End")  # Material reacts to key events
    try:
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
    except Exception:
        return []
    hrefs, previous = [], None
    for _ in range(25):  # results arrive from a worker; wait until they stop changing
        hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        if hrefs == previous:
            break
        previous = hrefs
        page.wait_for_timeout(150)
    pages: list[str] = []
    for href in hrefs:
        path = urlsplit(href).path
        if path not in pages:
            pages.append(path)
    return pages


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_search_finds_the_expected_pages_in_the_top_three(open_page, site_url, lang):
    page, watch = open_page(LANGUAGES[lang])
    page.locator("label.md-search__icon, .md-search__input").first.click()
    base = urlsplit(site_url).path
    own = base + LANGUAGES[lang]
    failures = []
    for query, expected in SEARCHES[lang].items():
        results = search_pages(page, query)
        wanted = [own + path for path in expected]
        if not results:
            failures.append(f"{query!r}: no results")
            continue
        foreign = [r for r in results if (r.startswith(base + "en/")) != (lang == "en")]
        if foreign:
            failures.append(f"{query!r}: results from the other language: {foreign[:3]}")
        if not set(wanted) & set(results[:3]):
            failures.append(f"{query!r}: expected {' or '.join(expected)} in the top three, got {results[:3]}")
    assert not failures, f"search ({lang}):\n  " + "\n  ".join(failures)
    assert watch.problems() == []


# -- the visit loop itself -------------------------------------------------------------------------------------------

BROKEN_PAGE = """<!doctype html><html lang="zh"><head><title>broken</title></head><body>
<h1>One</h1><h1>Two</h1>
<script>
  console.error("broken on purpose");
  fetch("http://example.invalid/tracker.js").catch(() => {});
  fetch("search/search_index.json").then((r) => r.json()).then((index) => {
    if (index.docs.length) console.error("the real index was served");
  });
  fetch("missing/search/search_index.json").catch(() => {});
</script></body></html>"""


def test_the_visit_loop_reports_what_goes_wrong_on_a_page(tmp_path):
    """The loop above must be able to fail: a page with console errors, a request to another host, a missing
    file and two <h1> is reported with each of them, and its search index request gets the stand-in."""
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    (tmp_path / "broken" / "search").mkdir()
    (tmp_path / "broken" / "search" / "search_index.json").write_text(
        json.dumps({"config": {"lang": ["zh"]}, "docs": [{"location": "", "title": "t", "text": "x"}]}))
    shifts: dict = {}
    with StaticServer(tmp_path) as url, ThreadPoolExecutor(1) as thread:
        failures, visited = thread.submit(asyncio.run, visit_every_page(
            tmp_path, url, "mobile", [("zh", "broken/")], shifts)).result()
    assert visited == 1 and list(shifts) == ["zh:/broken/"]
    problems = "\n".join(failures["broken/ [zh]"])
    for expected in ("2 <h1> elements", "console: broken on purpose", "foreign request: http://example.invalid/",
                     "missing/search/search_index.json (HTTP 404)"):
        assert expected in problems
    assert "the real index was served" not in problems
