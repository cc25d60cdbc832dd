"""Draw the site's mermaid diagrams to SVG at build time, in headless Chromium, remembering each by content.

Client-side mermaid costs a phone about a second of main-thread work per diagram page (Lighthouse mobile ~79 on
the open-models page). When Chromium and Playwright are available (``make test`` installs both), every
``<div class="mermaid">`` becomes the SVG mermaid itself draws, using the site's own copy of mermaid and the
page's mermaid settings, and the page carries no diagram script at all. Without Chromium (or with
``FOLLOWGPT_PRERENDER=0``) pages keep the lazy client-side rendering, which gives the same pictures.

How a build uses this (``followgpt.site.hooks``), so that no page is parsed or drawn twice:

1. ``slot_page()``: while a page is converted, each diagram becomes an empty slot naming the diagram's key (a
   hash of its source and of everything else that shapes the drawing). The page then holds no mermaid markup,
   so mkdocs-mermaid2 skips it by its own check, and the template adds no diagram runtime. A diagram missing
   from the cache (``.cache/diagrams/`` in the project, git-ignored, safe to delete) is handed to a drawing
   thread, which starts one headless Chromium on the first miss and draws while the build converts the
   following pages.
2. ``fill()``: when the page's HTML is final, the slots whose drawing is ready are filled.
3. ``fill_files()``, once after all pages: wait for the drawing thread, then fill the pages still holding
   slots.

The English build, in a forked child (``followgpt.site.language_worker``), starts no Chromium of its own: its
drawer is ``remote``, sending each missing diagram to the Chinese build's drawer (``request()``) and, at its
step 3, the pages it left with slots; the Chinese build fills those pages with its own after the child is done.

A diagram's SVG id is derived from its key, so a drawing taken from the cache is byte-for-byte the drawing a
clean build makes (tests/site/test_incremental.py builds both ways and compares).

``FOLLOWGPT_PRERENDER``: ``auto`` (default: draw when Chromium is there), ``0`` (never), ``1`` (required: fail
the build without Chromium).
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import shutil
import tempfile
import threading
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.followgpt.prerender")

# A diagram as mkdocs-mermaid2's fence writes it (before any re-serialisation: one or two spaces).
DIAGRAM = re.compile(r'<div\s+class="mermaid">(?P<source>.*?)</div>', re.S)
SLOT = re.compile(r'<div class="fgpt-diagram-slot" data-key="(?P<key>[0-9a-f]{64})"></div>')
XLINK_ONLY = re.compile(r'<a ((?:(?!href=)[^>])*?)xlink:href="([^"]*)"')
# The drawing page is the mermaid folder itself (file://), so mermaid's ~74 module chunks load straight from
# disk; through a Playwright route each was a round trip to Python (≈0.3–0.5 s per Chromium start).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update", "--allow-file-access-from-files"]
VIEWPORT = {"width": 1200, "height": 800}
DRAW_SCRIPT = """async ([library, settings, items]) => {
    const mermaid = (await import(library)).default;
    mermaid.initialize(settings);
    const out = [];
    for (const [id, source] of items) {
        try {
            out.push({svg: (await mermaid.render(id, source)).svg});
        } catch (error) {
            out.push({error: String(error && error.message || error)});
        }
    }
    return out;
}"""


class PrerenderError(RuntimeError):
    """Pre-rendering was required but could not run, or a diagram failed to draw."""


def mode() -> str:
    value = os.environ.get("FOLLOWGPT_PRERENDER", "auto").strip().lower()
    if value not in {"auto", "0", "1"}:
        raise PrerenderError(f"FOLLOWGPT_PRERENDER must be auto, 0 or 1, got {value!r}")
    return value


def chromium_path() -> str | None:
    return shutil.which("chromium") or (("/usr/bin/chromium") if Path("/usr/bin/chromium").exists() else None)


def _playwright_installed() -> bool:
    import importlib.util
    return importlib.util.find_spec("playwright") is not None


def available() -> bool:
    """Whether this build draws its diagrams (FOLLOWGPT_PRERENDER and Chromium); raises if required but missing."""
    chosen = mode()
    if chosen == "0":
        return False
    if chromium_path() is None or not _playwright_installed():
        if chosen == "1":
            raise PrerenderError("FOLLOWGPT_PRERENDER=1 but Chromium or Playwright is missing (make test installs both)")
        log.info("Diagrams stay client-side: no Chromium/Playwright to draw them at build time.")
        return False
    return True


class DiagramDrawer:
    """Diagrams drawn to SVG by content: slots in pages, a cache on disk, and one Chromium session (in a thread
    of its own) that draws the diagrams missing from the cache while the build goes on with other pages."""

    def __init__(self, cache_dir: Path, mermaid_dir: Path, settings: dict, remote=None):
        """``remote``: a connection to another build's drawer (see the module's docstring), or None to draw here."""
        self.cache_dir = Path(cache_dir)
        self.remote = remote
        self.requested = 0                  # diagrams another build handed to this drawer
        self.mermaid_dir = Path(mermaid_dir)
        self.settings = {**settings, "startOnLoad": False}
        self.sources: dict[str, str] = {}   # key -> source, for the diagrams met in this build
        self.drawn = 0                      # drawn in Chromium in this build
        self._memory: dict[str, str] = {}   # key -> SVG, read or drawn in this process
        self._salt = self._salt_of()
        self._queue: list[str] = []         # keys waiting for Chromium
        self._drawing_sources: dict[str, str] = {}   # key -> source of every diagram handed to the drawing thread
                                                     # (or to the remote drawer), own or requested
        self._errors: list[str] = []
        self._wake = threading.Condition()
        self._sources_lock = threading.Lock()   # slot_page (build thread) and request (hand-over thread)
        self._closing = False
        self._thread: threading.Thread | None = None

    def _salt_of(self) -> str:
        """Everything besides the source that shapes a drawing: mermaid's version, its settings, the drawing
        script and viewport, and the Chromium binary (its text measurement)."""
        parts = [DRAW_SCRIPT, json.dumps(VIEWPORT, sort_keys=True), json.dumps(self.settings, sort_keys=True)]
        package = self.mermaid_dir.parent / "package.json"
        parts.append(package.read_text(encoding="utf-8") if package.is_file() else "")
        chromium = chromium_path()
        if chromium:
            stat = os.stat(os.path.realpath(chromium))
            parts.append(f"{os.path.realpath(chromium)} {stat.st_size} {stat.st_mtime_ns}")
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()

    def key(self, source: str) -> str:
        return hashlib.sha256((self._salt + "\0" + source).encode("utf-8")).hexdigest()

    # -- 1. slots -------------------------------------------------------------------------------------------

    def slot_page(self, page_html: str) -> str:
        """Replace each diagram of a page's content with a slot naming its key; start drawing the new ones."""
        def to_slot(match: re.Match) -> str:
            source = html.unescape(match.group("source"))
            key = self.key(source)
            self._add(key, source)
            return f'<div class="fgpt-diagram-slot" data-key="{key}"></div>'
        return DIAGRAM.sub(to_slot, page_html)

    def request(self, key: str, source: str) -> None:
        """A diagram another build (the other language) needs drawn; called from its hand-over thread."""
        self.requested += 1
        self._add(key, source, own=False)

    def _add(self, key: str, source: str, own: bool = True) -> None:
        with self._sources_lock:
            if own:
                if key in self.sources:
                    return
                self.sources[key] = source
            if key in self._drawing_sources or self._cached(key) is not None:   # on its way, or drawn already
                return
            self._drawing_sources[key] = source
        if self.remote is not None:
            self.remote.send(("draw", key, source))
        else:
            self._enqueue(key)

    # -- 2. filling ----------------------------------------------------------------------------------------

    def _cached(self, key: str) -> str | None:
        if key not in self._memory:
            try:
                self._memory[key] = (self.cache_dir / f"{key}.svg").read_text(encoding="utf-8")
            except FileNotFoundError:
                return None
        return self._memory[key]

    def fill(self, page_html: str) -> tuple[str, bool]:
        """Fill the slots whose drawing is ready; return the HTML and whether slots are left."""
        missing = False

        def filled(match: re.Match) -> str:
            nonlocal missing
            svg = self._memory.get(match.group("key"))
            if svg is None:
                missing = True
                return match.group(0)
            return _drawn_div(svg)
        return SLOT.sub(filled, page_html), missing

    # -- 3. drawing ----------------------------------------------------------------------------------------

    def _enqueue(self, key: str) -> None:
        with self._wake:
            self._queue.append(key)
            self._wake.notify()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="followgpt-diagrams", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        """The drawing thread: Playwright's sync API lives and dies here (it refuses to run where an event loop
        is already running, as in a build started from async code)."""
        from playwright.sync_api import sync_playwright
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS,
                                                     headless=True)
                try:
                    page = _mermaid_page(browser, self.mermaid_dir)
                    while True:
                        with self._wake:
                            while not self._queue and not self._closing:
                                self._wake.wait()
                            batch, self._queue = self._queue[:], []
                        if not batch:
                            return
                        items = [[f"fgpt-d{key[:16]}", self._drawing_sources[key]] for key in batch]
                        drawn = page.evaluate(DRAW_SCRIPT, [_library_url(self.mermaid_dir), self.settings, items])
                        for key, item, (_id, source) in zip(batch, drawn, items):
                            if "error" in item:
                                self._errors.append(f"{item['error']}\n{source[:300]}")
                                continue
                            self.cache_dir.mkdir(parents=True, exist_ok=True)
                            _write_atomically(self.cache_dir / f"{key}.svg", item["svg"])
                            self._memory[key] = item["svg"]
                            self.drawn += 1
                finally:
                    browser.close()
        except Exception as error:  # noqa: BLE001 - reported by finish()
            self._errors.append(f"Chromium could not draw the diagrams: {error}")

    def finish(self) -> None:
        """Wait for the drawing thread; raise PrerenderError if a diagram could not be drawn."""
        if self._thread is not None:
            with self._wake:
                self._closing = True
                self._wake.notify()
            self._thread.join()
            self._thread = None
        if self._errors:
            errors, self._errors = self._errors, []
            raise PrerenderError("mermaid could not draw these diagrams:\n" + "\n\n".join(errors))

    def fill_files(self, paths: list[Path]) -> None:
        """After the last page: wait for the drawings, then fill the slots left in these written pages. A remote
        drawer hands the pages over instead, for the drawing build to fill."""
        if self.remote is not None:
            self.remote.send(("fill", [str(path) for path in paths]))
            return
        self.finish()
        for path in paths:
            text, missing = self.fill(path.read_text(encoding="utf-8"))
            if missing:
                raise PrerenderError(f"{path}: a diagram slot is left without a drawing")
            path.write_text(text, encoding="utf-8")


def _write_atomically(path: Path, text: str) -> None:
    """Concurrent builds (the two languages) may draw the same diagram: each writes a whole file or none."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".svg")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


# Below this scale a diagram's labels get too small to read (16px → 11px): wider diagrams keep it and scroll
# sideways (as overrides/assets/followgpt-diagrams.mjs does for diagrams drawn in the browser).
MIN_SCALE = 0.7
SVG_WIDTH = re.compile(r'^<svg([^>]*?) style="max-width: (?P<width>[\d.]+)px;"')
VIEWBOX = re.compile(r'^<svg[^>]*? viewBox="[-\d.]+ [-\d.]+ (?P<width>[\d.]+) (?P<height>[\d.]+)"')


def _drawn_div(svg: str) -> str:
    """The page's markup for a drawn diagram.

    The SVG sits in a box as wide as the diagram is drawn (its natural width, down to MIN_SCALE of it, never
    wider than the column) whose height follows from the SVG's viewBox (``aspect-ratio``). The box is what
    assets/followgpt.css lays out lazily (``content-visibility: auto``): skipped or not, it has the drawn size,
    so a diagram near the top of a page does not first take a placeholder's height and then its own (which
    moved the text below it on first paint: layout shift 0.13 on /learn-more/ at phone width)."""
    # Node links: mermaid writes SVG 1.1 xlink:href only; crawlers and Lighthouse look for href.
    svg = XLINK_ONLY.sub(lambda m: f'<a {m.group(1)}href="{m.group(2)}" xlink:href="{m.group(2)}"', svg)
    width = SVG_WIDTH.match(svg)
    box = VIEWBOX.match(svg)
    if not (width and box):
        return f'<div class="mermaid" data-fgpt-diagram="drawn" data-processed="true">{svg}</div>'
    natural = float(width.group("width"))
    svg = SVG_WIDTH.sub(lambda m: f'<svg{m.group(1)} style="max-width: none; width: 100%;"', svg)
    style = (f"width: clamp({natural * MIN_SCALE:.0f}px, 100%, {width.group('width')}px); "
             f"aspect-ratio: {box.group('width')} / {box.group('height')};")
    return (f'<div class="mermaid" data-fgpt-diagram="drawn" data-processed="true">'
            f'<div class="fgpt-diagram-box" style="{style}">{svg}</div></div>')


def _library_url(mermaid_dir: Path) -> str:
    return (Path(mermaid_dir).resolve() / "mermaid.esm.min.mjs").as_uri()


def _mermaid_page(browser, mermaid_dir: Path):
    """A page in ``browser`` at the site's copy of mermaid (a file:// folder), whose drawing script imports
    mermaid from there; it may load nothing from the network."""
    page = browser.new_page(viewport=VIEWPORT)
    page.route(re.compile(r"^(?!file:)"), lambda request_route: request_route.abort())
    page.goto(Path(mermaid_dir).resolve().as_uri() + "/")
    return page


def settings_of(plugin_arguments: dict) -> dict:
    """mermaid2's ``arguments`` as mermaid.initialize() options (a JSON round trip drops non-JSON values)."""
    return json.loads(json.dumps(plugin_arguments, default=str))
