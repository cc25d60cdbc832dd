"""What a reader downloads and runs: page weight per page type, search index per language, and the cost of the
client libraries (mermaid, KaTeX, tablesort) and on which pages they load.

Page weight is measured in headless Chromium against the gzip-serving loopback server: every same-origin
response, by kind, as transferred (gzip) and as decoded, once when the page has loaded and again after
scrolling to the bottom (diagrams and formulas load as they approach the viewport). The search worker and its
index load on every page in the background; they are listed apart from the page itself. Library main-thread
costs come from the timings followgpt-diagrams.mjs and followgpt.js record (performance.measure), with the CPU
slowed 4× as Lighthouse does for mobile.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from followgpt import LANGUAGES
from followgpt.i18n import site_prefix

from .common import CHROMIUM, CHROMIUM_ARGS, gzip_size, log

# One representative page per page type (paths relative to a language's root).
PAGE_TYPES = {
    "home": "",
    "note": "gpt/gpt-1/",               # prose, math, hand-written diagrams, a generated table
    "table": "data/timeline/",          # the longest generated table, the growth figure
    "tree": "ecosystem/open-models/",   # a family tree near the top of the page
    "model": "models/gpt-3/",           # a generated model page with its neighbourhood tree
    "compare": "data/compare/?m=gpt-3,llama-65b,qwen3-235b-a22b",   # the compare page, filled from the JSON API
    "overview": "data/overview/",       # the whole-registry overview figure (one large build-time SVG)
}
LANG_PREFIX = {lang: site_prefix(lang) for lang in LANGUAGES}

SCROLL_JS = """
async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const root = document.scrollingElement;
  for (let y = 0; y < root.scrollHeight; y += innerHeight * 0.9) { scrollTo(0, y); await frame(); }
  const diagrams = [...document.querySelectorAll("div.mermaid")];
  const end = performance.now() + 60000;
  while (diagrams.some((d) => !d.dataset.fgptDiagram) && performance.now() < end) await sleep(50);
}
"""


def kind_of(url: str, resource_type: str) -> str:
    path = urlsplit(url).path
    if resource_type == "document":
        return "html"
    if "/search/" in path or "/lunr/" in path or "/workers/search" in path:
        return "search"
    if path.endswith(".css"):
        return "css"
    if path.endswith((".js", ".mjs")):
        return "js"
    if path.endswith((".woff2", ".woff", ".ttf", ".otf")):
        return "fonts"
    if resource_type == "image" or path.endswith((".svg", ".png", ".jpg", ".webp", ".ico")):
        return "images"
    return "other"


class Recorder:
    def __init__(self, context, origin: str):
        self.origin = origin
        self.responses = []
        context.on("response", lambda response: self.responses.append(response))

    def totals(self) -> dict:
        out: dict[str, dict[str, int]] = {}
        for response in self.responses:
            if not response.url.startswith(self.origin) or response.status >= 300:
                continue
            kind = kind_of(response.url, response.request.resource_type)
            try:
                transfer = response.request.sizes()["responseBodySize"]
                decoded = len(response.body())
            except Exception:
                continue
            bucket = out.setdefault(kind, {"requests": 0, "transfer": 0, "decoded": 0})
            bucket["requests"] += 1
            bucket["transfer"] += transfer
            bucket["decoded"] += decoded
        return out


def page_total(kinds: dict) -> dict:
    """HTML + CSS + JS + fonts + images of the page itself (the search worker and index listed apart)."""
    own = [v for k, v in kinds.items() if k not in ("search",)]
    return {"transfer": sum(v["transfer"] for v in own), "decoded": sum(v["decoded"] for v in own),
            "requests": sum(v["requests"] for v in own)}


def page_weights(browser, base_url: str, langs=("zh", "en")) -> dict:
    results = {}
    for lang in langs:
        for kind, path in PAGE_TYPES.items():
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            recorder = Recorder(context, base_url.rstrip("/"))
            page = context.new_page()
            page.goto(base_url + LANG_PREFIX[lang] + path, wait_until="load")
            page.wait_for_load_state("networkidle")
            initial = recorder.totals()
            page.evaluate(SCROLL_JS)
            page.wait_for_load_state("networkidle")
            scrolled = recorder.totals()
            context.close()
            results[f"{lang}:{kind}"] = {
                "path": LANG_PREFIX[lang] + path,
                "initial": initial, "initial_total": page_total(initial),
                "scrolled": scrolled, "scrolled_total": page_total(scrolled),
            }
            t = results[f"{lang}:{kind}"]
            log(f"  {lang} {kind:<5} {t['initial_total']['transfer'] / 1024:7.1f} KiB on load, "
                f"{t['scrolled_total']['transfer'] / 1024:7.1f} KiB after scrolling (gzip)")
    return results


def library_costs(browser, base_url: str) -> dict:
    """Main-thread time of mermaid (loading it, drawing each diagram) and KaTeX, CPU slowed 4×."""
    out = {}
    for label, path in (("tree", PAGE_TYPES["tree"]), ("note", PAGE_TYPES["note"])):
        context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(base_url + path, wait_until="load")
        page.evaluate(SCROLL_JS)
        page.wait_for_timeout(200)
        measures = page.evaluate("""() => performance.getEntriesByType("measure")
            .filter((m) => m.name.startsWith("followgpt:")).map((m) => [m.name, m.duration])""")
        context.close()
        summary: dict[str, dict] = {}
        for name, duration in measures:
            entry = summary.setdefault(name.split(":", 1)[1], {"count": 0, "total_ms": 0.0, "max_ms": 0.0})
            entry["count"] += 1
            entry["total_ms"] += duration
            entry["max_ms"] = max(entry["max_ms"], duration)
        out[label] = {"path": path, "cpu_slowdown": 4, "measures": summary}
    return out


def library_placement(site: Path) -> dict:
    """On how many pages of each language each client library is loaded, and how big each one is."""
    vendor = site / "assets" / "vendor"
    sizes = {}
    for library in ("mermaid", "katex", "tablesort"):
        files = [p for p in (vendor / library).rglob("*") if p.is_file()]
        sizes[library] = {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}
    entry = vendor / "mermaid" / "mermaid.esm.min.mjs"
    sizes["mermaid"]["entry_bytes"] = entry.stat().st_size if entry.exists() else 0
    pages = {}
    for lang, prefix in LANG_PREFIX.items():
        counts = {"pages": 0, "mermaid": 0, "katex": 0, "tablesort": 0}
        root = site / prefix
        for html in root.rglob("index.html"):
            relative = html.relative_to(root).as_posix()
            if lang == "zh" and relative.startswith("en/"):
                continue
            text = html.read_text(encoding="utf-8")
            counts["pages"] += 1
            counts["mermaid"] += 'type="importmap"' in text
            counts["katex"] += "katex.min.js" in text
            counts["tablesort"] += "tablesort.min.js" in text
        pages[lang] = counts
    return {"sizes": sizes, "pages_loading": pages}


def search_indexes(site: Path) -> dict:
    out = {}
    for lang, prefix in LANG_PREFIX.items():
        index = site / prefix / "search" / "search_index.json"
        text = index.read_text(encoding="utf-8")
        out[lang] = {"bytes": index.stat().st_size, "gzip_bytes": gzip_size(index),
                     "documents": len(re.findall(r'"location":', text))}
    return out


def measure(sites: dict[str, tuple[Path, str]], langs=("zh", "en")) -> dict:
    """``sites``: variant name → (built site, its loopback URL). The "client" variant (diagrams drawn in the
    browser) is where the library costs are measured."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            weights = {}
            for variant, (_, url) in sites.items():
                log(f"  [{variant}]")
                weights[variant] = page_weights(browser, url, langs)
            costs = library_costs(browser, sites["client"][1]) if "client" in sites else {}
        finally:
            browser.close()
    first_site = next(iter(sites.values()))[0]
    return {"page_types": PAGE_TYPES, "weights": weights, "library_costs": costs,
            "libraries": {variant: library_placement(site) for variant, (site, _) in sites.items()},
            "search_index": search_indexes(first_site)}
