"""Draw the site's mermaid diagrams to SVG at build time, in headless Chromium.

Client-side mermaid costs a phone about a second of main-thread work per diagram page (Lighthouse mobile ~79 on
the open-models page). When Chromium and Playwright are available (``make test`` installs both), the build
replaces each ``<div class="mermaid">`` with the SVG mermaid itself draws, using the site's own copy of mermaid
and the page's mermaid settings, and drops the diagram scripts from pages whose diagrams are all drawn. Without
Chromium (a contributor's ``mkdocs serve``), pages keep the lazy client-side rendering, which gives the same
pictures.

``FOLLOWGPT_PRERENDER``: ``auto`` (default: pre-render when Chromium is there), ``0`` (never), ``1`` (required:
fail the build without Chromium).
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.followgpt.prerender")

DIAGRAM = re.compile(r'<div class="mermaid">(?P<source>.*?)</div>', re.S)
# What the page needs only to draw diagrams in the browser: mermaid2's module script, and the block our
# template marks (the import map and the space-reserving script).
MERMAID2_SCRIPT = re.compile(r'<script type="module">\s*import mermaid from "[^"]*mermaid\.esm\.min\.mjs";.*?</script>',
                             re.S)
RUNTIME_BLOCK = re.compile(r"<!-- fgpt:diagram-runtime -->.*?<!-- /fgpt:diagram-runtime -->", re.S)
XLINK_ONLY = re.compile(r'<a ((?:(?!href=)[^>])*?)xlink:href="([^"]*)"')
ORIGIN = "http://followgpt.prerender.invalid"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


class PrerenderError(RuntimeError):
    """Pre-rendering was required but could not run, or a diagram failed to draw."""


@dataclass
class Result:
    pages: int = 0
    diagrams: int = 0


def mode() -> str:
    value = os.environ.get("FOLLOWGPT_PRERENDER", "auto").strip().lower()
    if value not in {"auto", "0", "1"}:
        raise PrerenderError(f"FOLLOWGPT_PRERENDER must be auto, 0 or 1, got {value!r}")
    return value


def chromium_path() -> str | None:
    return shutil.which("chromium") or (("/usr/bin/chromium") if Path("/usr/bin/chromium").exists() else None)


def prerender_site(site_dir: Path, mermaid_dir: Path, mermaid_config: dict) -> Result:
    """Replace every diagram in ``site_dir``'s HTML with its SVG. ``mermaid_dir`` holds mermaid.esm.min.mjs."""
    chosen = mode()
    if chosen == "0":
        return Result()
    chromium = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if chromium is None or sync_playwright is None:
        if chosen == "1":
            raise PrerenderError("FOLLOWGPT_PRERENDER=1 but Chromium or Playwright is missing (make test installs both)")
        log.info("Diagrams stay client-side: no Chromium/Playwright to draw them at build time.")
        return Result()

    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))}
    pages = {path: text for path, text in pages.items() if DIAGRAM.search(text)}
    sources = sorted({html.unescape(m.group("source")) for text in pages.values() for m in DIAGRAM.finditer(text)})
    if not sources:
        return Result()
    # Playwright's sync API refuses to run where an event loop is already running (a build started from a
    # browser test, or from async code): a worker thread has its own.
    with ThreadPoolExecutor(max_workers=1) as worker:
        svgs = worker.submit(_draw, sources, mermaid_dir, mermaid_config, chromium, sync_playwright).result()

    result = Result()
    for path, text in pages.items():
        drawn = DIAGRAM.sub(lambda m: _drawn_div(svgs[html.unescape(m.group("source"))]), text)
        drawn = MERMAID2_SCRIPT.sub("", drawn)
        drawn = RUNTIME_BLOCK.sub("", drawn)
        path.write_text(drawn, encoding="utf-8")
        result.pages += 1
    result.diagrams = len(sources)
    log.info(f"Drew {result.diagrams} diagrams to SVG at build time on {result.pages} pages.")
    return result


# Below this scale a diagram's labels get too small to read (16px → 11px): wider diagrams keep it and scroll
# sideways (as overrides/assets/followgpt-diagrams.mjs does for diagrams drawn in the browser).
MIN_SCALE = 0.7
SVG_WIDTH = re.compile(r'^<svg([^>]*?) style="max-width: (?P<width>[\d.]+)px;"')


def _drawn_div(svg: str) -> str:
    # Node links: mermaid writes SVG 1.1 xlink:href only; crawlers and Lighthouse look for href.
    svg = XLINK_ONLY.sub(lambda m: f'<a {m.group(1)}href="{m.group(2)}" xlink:href="{m.group(2)}"', svg)
    # mermaid sizes the SVG as width=100% with max-width = its natural width; clamp() adds the minimum scale,
    # in CSS, so it holds for every screen width without script.
    svg = SVG_WIDTH.sub(lambda m: (f'<svg{m.group(1)} style="max-width: none; width: clamp('
                                   f'{float(m.group("width")) * MIN_SCALE:.0f}px, 100%, {m.group("width")}px);"'), svg)
    return f'<div class="mermaid" data-fgpt-diagram="drawn" data-processed="true">{svg}</div>'


def _draw(sources: list[str], mermaid_dir: Path, config: dict, chromium: str, sync_playwright) -> dict[str, str]:
    """Each diagram's SVG, drawn by the site's mermaid in one headless Chromium page."""
    settings = {**config, "startOnLoad": False}

    def route(request_route):
        url = request_route.request.url
        if url == f"{ORIGIN}/":
            request_route.fulfill(body="<!doctype html><meta charset=utf-8><body></body>", content_type="text/html")
            return
        path = (mermaid_dir / url[len(f"{ORIGIN}/mermaid/"):]).resolve()
        if url.startswith(f"{ORIGIN}/mermaid/") and path.is_file() and mermaid_dir.resolve() in path.parents:
            request_route.fulfill(path=str(path), content_type="text/javascript")
        else:
            request_route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.route("**/*", route)
            page.goto(f"{ORIGIN}/")
            drawn = page.evaluate(
                """async ([settings, sources]) => {
                    const mermaid = (await import("/mermaid/mermaid.esm.min.mjs")).default;
                    mermaid.initialize(settings);
                    const out = [];
                    for (const [index, source] of sources.entries()) {
                        try {
                            out.push({svg: (await mermaid.render(`fgpt-diagram-${index}`, source)).svg});
                        } catch (error) {
                            out.push({error: String(error && error.message || error)});
                        }
                    }
                    return out;
                }""",
                [settings, sources],
            )
        finally:
            browser.close()
    failures = [f"diagram {index + 1}: {item['error']}\n{sources[index][:300]}"
                for index, item in enumerate(drawn) if "error" in item]
    if failures:
        raise PrerenderError("mermaid could not draw these diagrams:\n" + "\n\n".join(failures))
    return {source: item["svg"] for source, item in zip(sources, drawn)}


def settings_of(plugin_arguments: dict) -> dict:
    """mermaid2's ``arguments`` as mermaid.initialize() options (a JSON round trip drops non-JSON values)."""
    return json.loads(json.dumps(plugin_arguments, default=str))
