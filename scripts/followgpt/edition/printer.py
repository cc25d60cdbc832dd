"""Printing the book of each language to PDF in headless Chromium (the browser the build already uses to draw
diagrams). Chromium turns in-document links into PDF links, writes an outline from the headings and embeds the
subset of every font it used (Noto CJK for Chinese), so text stays selectable.

Chromium cannot number a table of contents, and printing the whole book twice costs twice the time. So the book is
printed once with empty, fixed-width number boxes; the outline gives the page each chapter starts on; then only the
cover and contents are printed again with the numbers alone visible, and those few pages are stamped onto the
book's first pages (pypdf), which keeps the book's links and outline."""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from followgpt import LANGUAGES
from followgpt.i18n import site_prefix
from followgpt.navigation import load_nav, nav_for
from followgpt.registry import load_registry

from .book import Chapter, book_html, chapters_for

log = logging.getLogger("followgpt.edition")

PDF_PATH = "data/followgpt-{lang}.pdf"      # in each language's site
MATH_OPTIONS = {"delimiters": [{"left": "\\(", "right": "\\)", "display": False},
                               {"left": "\\[", "right": "\\]", "display": True}], "throwOnError": False}
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
    """Chapter anchor → 1-based page, from the top level of the PDF outline (one entry per chapter's H1)."""
    from pypdf import PdfReader
    reader = PdfReader(str(pdf_path))
    top = [item for item in reader.outline if not isinstance(item, list)]
    if len(top) != len(chapters):
        raise EditionError(f"{pdf_path.name}: the outline has {len(top)} top-level entries for {len(chapters)} "
                           "chapters; every chapter must have exactly one H1")
    return {chapter.anchor: reader.get_destination_page_number(item) + 1 for chapter, item in zip(chapters, top)}


def _print(page, html_file: Path, pdf: Path, *, book: bool) -> None:
    page.goto(html_file.as_uri(), wait_until="load")
    if book:
        page.evaluate("options => { if (window.renderMathInElement) renderMathInElement(document.body, options); }",
                      MATH_OPTIONS)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.pdf(path=str(pdf), format="A4", print_background=True, display_header_footer=book,
             header_template="<span></span>", footer_template=FOOTER, outline=book, tagged=book,
             margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"})


def _stamp(book: Path, overlay: Path) -> int:
    """Stamp the overlay's pages (the contents' numbers) onto the book's first pages; returns the page count."""
    from pypdf import PdfReader, PdfWriter
    numbers = PdfReader(str(overlay))
    writer = PdfWriter(clone_from=str(book))
    for index, stamp in enumerate(numbers.pages):
        writer.pages[index].merge_page(stamp)
    with book.open("wb") as out:
        writer.write(out)
    return len(writer.pages)


def print_editions(site_dir: Path, project: Path, languages=LANGUAGES) -> list[Printed]:
    """Print ``data/followgpt-<lang>.pdf`` into each language's site under ``site_dir``."""
    from followgpt.site.prerender import CHROMIUM_ARGS, chromium_path
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise EditionError("Playwright is missing (make setup installs it)") from exc
    chromium = chromium_path()
    if chromium is None:
        raise EditionError("Chromium is missing (make browser installs Debian's chromium)")
    site_dir, project = Path(site_dir).resolve(), Path(project).resolve()
    registry = load_registry(project / "resources")
    results: list[Printed] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for lang in languages:
                results.append(_print_one(browser, Path(site_dir), project, lang, registry))
        finally:
            browser.close()
    return results


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
    target = site / PDF_PATH.format(lang=lang)
    work = site / "data" / f".book-{lang}.html"
    overlay = site / "data" / f".book-{lang}-numbers.pdf"
    page = browser.new_page()
    try:
        work.write_text(book_html(chapters, lang, _version(site), stylesheets, scripts), encoding="utf-8")
        _print(page, work, target, book=True)
        work.write_text(book_html(chapters, lang, _version(site), stylesheets, scripts,
                                  _chapter_pages(target, chapters)), encoding="utf-8")
        _print(page, work, overlay, book=False)
        pages = _stamp(target, overlay)
    finally:
        page.close()
        work.unlink(missing_ok=True)
        overlay.unlink(missing_ok=True)
    printed = Printed(lang, target, pages, target.stat().st_size, time.perf_counter() - start)
    log.info("Printed %s: %d pages, %.1f MiB, %.1f s", target, pages, printed.bytes / 2**20, printed.seconds)
    return printed
