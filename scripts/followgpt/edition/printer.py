"""Printing the book of each language to PDF in headless Chromium (the browser the build already uses to draw
diagrams). Chromium turns in-document links into PDF links, writes an outline from the headings and embeds the
subset of every font it used (Noto CJK for Chinese), so text stays selectable.

Chromium cannot number a table of contents, and printing the whole book twice costs twice the time. So the book is
printed once with empty, fixed-width number boxes; the named destinations Chromium writes for the chapters' anchors
give the page each chapter starts on; then only the cover and contents are printed again with the numbers alone
visible, and those few pages are stamped onto the book's first pages (pikepdf), which keeps the book's links. The
outline (bookmarks) is written from the same page numbers: Chromium's own needs a tagged PDF, which doubles the
printing time and the file size."""

from __future__ import annotations

import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from followgpt import LANGUAGES
from followgpt.i18n import site_prefix
from followgpt.navigation import load_nav, nav_for
from followgpt.registry import load_registry

from followgpt.render.export import EDITION_FILE

from .book import STRINGS, Chapter, book_html, chapters_for

log = logging.getLogger("followgpt.edition")

MATH_OPTIONS = {"delimiters": [{"left": "\\(", "right": "\\)", "display": False},
                               {"left": "\\[", "right": "\\]", "display": True}], "throwOnError": False}
# The printable width of an A4 page with the margins below, in CSS pixels: the book is laid out at this width so
# that nothing is wider than the page. Chromium would otherwise shrink every page to fit the widest element.
PAGE_WIDTH_PX = round((210 - 16 - 16) / 25.4 * 96)
FIT_WIDE_ELEMENTS = """width => {
  // Diagrams at their drawn size, never enlarged, shrunk to fit the page's width and most of its height.
  const tallest = width * 1.25;
  for (const svg of document.querySelectorAll('.book-chapter .mermaid svg')) {
    const box = svg.viewBox && svg.viewBox.baseVal;
    if (!box || !box.width) continue;
    const scale = Math.min(1, width / box.width, tallest / box.height);
    svg.style.setProperty('width', (box.width * scale).toFixed(1) + 'px', 'important');
    svg.style.setProperty('height', (box.height * scale).toFixed(1) + 'px', 'important');
    svg.style.setProperty('max-width', '100%', 'important');
    const space = svg.closest('.fgpt-diagram-box');   // the screen's space-keeping box: the SVG's size rules here
    if (space) { space.style.width = 'auto'; space.style.aspectRatio = 'auto'; }
  }
  let fitted = 0;
  for (const element of document.querySelectorAll('.book-chapter > *, .book-chapter .md-typeset__table')) {
    if (element.scrollWidth > width + 1) { element.style.zoom = (width / element.scrollWidth).toFixed(4); fitted++; }
  }
  return fitted;
}"""
FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#555;font-family:sans-serif">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


class EditionError(RuntimeError):
    """The edition could not be printed: no Chromium/Playwright, no built site, or a chapter went missing."""


@dataclass
class Printed:
    lang: str
    path: Path
    pages: int
    bytes: int
    seconds: float


def book_pages(project: Path, lang: str, registry) -> list[tuple[str, str, bool]]:
    """(directory URL, section title, appendix?) for every page of the book, in reading order."""
    from followgpt.render.links import model_page_path, page_url
    pages: list[tuple[str, str, bool]] = []

    def walk(entries, section: str) -> None:
        for entry in entries:
            if isinstance(entry, str):
                if not entry.startswith("models/"):
                    pages.append((page_url(entry), section, False))
            else:
                for title, children in entry.items():
                    walk(children, title)

    walk(nav_for(load_nav(project / "docs" / "nav.yaml"), lang), "")
    pages += [(page_url(model_page_path(model_id)), "", True) for model_id in registry.models]
    return pages


def _version(site: Path) -> str:
    try:
        return json.loads((site / "data" / "followgpt-registry.json").read_text(encoding="utf-8"))["dataset_version"]
    except (OSError, ValueError, KeyError):
        return "unreleased"


def _chapter_pages(pdf_path: Path, chapters: list[Chapter]) -> dict[str, int]:
    """Chapter anchor → 1-based page, from the named destination Chromium writes for each chapter's anchor."""
    import pikepdf
    with pikepdf.open(pdf_path) as pdf:
        dests = pdf.Root.get("/Dests") or {}
        index = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        pages: dict[str, int] = {}
        for chapter in chapters:
            dest = dests.get("/" + chapter.anchor)
            if dest is None:
                raise EditionError(f"{pdf_path.name}: no destination for chapter '{chapter.title}' ({chapter.anchor})")
            pages[chapter.anchor] = index[dest[0].objgen]
        return pages


def _print(page, html_file: Path, pdf: Path, *, book: bool) -> None:
    page.emulate_media(media="print")
    page.set_viewport_size({"width": PAGE_WIDTH_PX, "height": 1000})
    page.goto(html_file.as_uri(), wait_until="load")
    if book:
        page.evaluate("options => { if (window.renderMathInElement) renderMathInElement(document.body, options); }",
                      MATH_OPTIONS)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    if book:
        page.evaluate(FIT_WIDE_ELEMENTS, PAGE_WIDTH_PX)
    page.pdf(path=str(pdf), format="A4", print_background=book, display_header_footer=book,
             header_template="<span></span>", footer_template=FOOTER,
             margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"})


def _finish(book: Path, overlay: Path, chapters: list[Chapter], pages: dict[str, int], appendix: str) -> int:
    """Stamp the overlay's pages (the contents' numbers) onto the book's first pages and write the outline: one
    entry per chapter, grouped under its navigation section. Returns the page count."""
    import pikepdf
    finished = book.with_suffix(".tmp.pdf")
    with pikepdf.open(book) as pdf, pikepdf.open(overlay) as numbers:
        for index, stamp in enumerate(numbers.pages):
            pdf.pages[index].add_overlay(stamp)
        with pdf.open_outline() as outline:
            groups: dict[str, pikepdf.OutlineItem] = {}
            for chapter in chapters:
                item = pikepdf.OutlineItem(chapter.title, pages[chapter.anchor] - 1)
                group = appendix if chapter.appendix else chapter.section
                if not group:
                    outline.root.append(item)
                    continue
                if group not in groups:
                    groups[group] = pikepdf.OutlineItem(group, pages[chapter.anchor] - 1)
                    outline.root.append(groups[group])
                groups[group].children.append(item)
        count = len(pdf.pages)
        pdf.save(finished, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    finished.replace(book)
    return count


def print_editions(site_dir: Path, project: Path, languages=LANGUAGES) -> list[Printed]:
    """Print ``data/followgpt-<lang>.pdf`` into each language's site under ``site_dir``, the languages side by side
    (each in its own browser: printing is single-threaded per document and the machine has two cores)."""
    from followgpt.site.prerender import chromium_path
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        raise EditionError("Playwright is missing (make setup installs it)") from exc
    if chromium_path() is None:
        raise EditionError("Chromium is missing (make browser installs Debian's chromium)")
    site_dir, project = Path(site_dir).resolve(), Path(project).resolve()
    registry = load_registry(project / "resources")
    with ThreadPoolExecutor(max_workers=len(languages)) as pool:
        jobs = [pool.submit(_print_language, site_dir, project, lang, registry) for lang in languages]
        return [job.result() for job in jobs]


def _print_language(site_dir: Path, project: Path, lang: str, registry) -> Printed:
    from playwright.sync_api import sync_playwright

    from followgpt.site.prerender import CHROMIUM_ARGS, chromium_path
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            return _print_one(browser, site_dir, project, lang, registry)
        finally:
            browser.close()


def _print_one(browser, site_dir: Path, project: Path, lang: str, registry) -> Printed:
    start = time.perf_counter()
    site = site_dir / site_prefix(lang)
    if not (site / "index.html").is_file():
        raise EditionError(f"no built site at {site} (run python -m followgpt build first)")

    def read(path: str) -> str | None:
        file = site / path / "index.html"
        return file.read_text(encoding="utf-8") if file.is_file() else None

    chapters = chapters_for(book_pages(project, lang, registry), read)
    vendor = site_dir / "assets" / "vendor"
    stylesheets = [p.as_uri() for p in sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css"))]
    stylesheets.append((vendor / "katex" / "katex.min.css").as_uri())
    scripts = [(vendor / "katex" / "katex.min.js").as_uri(), (vendor / "katex" / "contrib" / "auto-render.min.js").as_uri()]
    target = site / EDITION_FILE.format(lang=lang)
    work = site / "data" / f".book-{lang}.html"
    overlay = site / "data" / f".book-{lang}-numbers.pdf"
    page = browser.new_page()
    try:
        work.write_text(book_html(chapters, lang, _version(site), stylesheets, scripts), encoding="utf-8")
        _print(page, work, target, book=True)
        numbers = _chapter_pages(target, chapters)
        work.write_text(book_html(chapters, lang, _version(site), stylesheets, scripts, numbers), encoding="utf-8")
        _print(page, work, overlay, book=False)
        pages = _finish(target, overlay, chapters, numbers, STRINGS[lang]["appendix"])
    finally:
        page.close()
        work.unlink(missing_ok=True)
        overlay.unlink(missing_ok=True)
    printed = Printed(lang, target, pages, target.stat().st_size, time.perf_counter() - start)
    log.info("Printed %s: %d pages, %.1f MiB, %.1f s", target, pages, printed.bytes / 2**20, printed.seconds)
    return printed
