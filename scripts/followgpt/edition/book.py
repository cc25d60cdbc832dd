"""The print document of one language: a cover with the dataset version, a table of contents, every note in
navigation order, then the model pages as an appendix. Built from the site's own HTML (the generated blocks are
already expanded and the diagrams already drawn as SVG), so the book says exactly what the site says.

Each chapter's ids get a prefix (``c12-``) so footnotes and headings never collide, and links between pages
become links inside the document. Links to files the book does not contain become absolute URLs.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urljoin

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(?P<body>.*?)</article>', re.S)
CANONICAL = re.compile(r'<link rel="canonical" href="(?P<url>[^"]+)"')
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
SVG_ID = re.compile(r'<svg\b[^>]*?\sid="(?P<id>[^"]+)"')
ID_ATTR = re.compile(r'(\sid=")([^"]+)(")')
HREF_ATTR = re.compile(r'(\s(?:xlink:)?href=")([^"]*)(")')
H1 = re.compile(r"<h1\b[^>]*>(?P<title>.*?)</h1>", re.S)
# What belongs to the screen, not to the page: permalink marks, the "report a problem" link, cite blocks
# (a book is cited as a whole), the "not yet translated" banner stays.
SCREEN_ONLY = [
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S),
    re.compile(r'<p class="fgpt-report(?:-fields)?">.*?</p>', re.S),
    re.compile(r'<details class="quote">.*?</details>', re.S),
]
TAG = re.compile(r"<[^>]+>")
# A drawn diagram (its SVG already replaced by a placeholder) and a table whose cells hold SVGs (a legend).
DIAGRAM_BLOCK = re.compile(r'<div class="mermaid"[^>]*>(?:<div class="fgpt-diagram-box"[^>]*>)?\0svg\d+\0(?:</div>)?</div>')
SVG_TABLE = re.compile(r'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>.*?</table></div></div>',
                       re.S)


@dataclass
class Chapter:
    path: str            # site-relative directory URL, e.g. "gpt/gpt-3/" ('' for the home page)
    title: str
    body: str            # the article's HTML, ids and links rewritten
    section: str = ""    # the navigation section it belongs to ('' for top-level pages)
    appendix: bool = False

    @property
    def anchor(self) -> str:
        return "ch-" + (self.path.strip("/").replace("/", "-") or "home")


def _plain(fragment: str) -> str:
    return html.unescape(TAG.sub("", fragment)).strip()


def _svg_with_unique_ids(svg: str, prefix: str) -> str:
    """Mermaid prefixes every id inside a diagram (and its CSS selectors, url(#…) references) with the SVG's own
    id; renaming that one token keeps the diagram consistent and unique within the book."""
    match = SVG_ID.search(svg)
    if not match:
        return svg
    return re.sub(rf"(?<![\w-]){re.escape(match['id'])}(?![\w])", prefix + match["id"], svg)


def rewrite_chapter(body: str, prefix: str, page_path: str, canonical: str, targets: dict[str, str],
                    drop_diagrams: bool = False) -> str:
    """Ids prefixed; in-page, cross-page and outside links resolved for the book (see module docstring). With
    ``drop_diagrams`` the drawn diagrams and their legends are left out (the appendix's model pages: their lineage
    is listed in words, and 190 neighbourhood trees would double the printing time)."""
    for pattern in SCREEN_ONLY:
        body = pattern.sub("", body)
    svgs: list[str] = []

    def keep_svg(match: re.Match) -> str:
        svgs.append(_svg_with_unique_ids(match.group(0), prefix))
        return f"\0svg{len(svgs) - 1}\0"

    body = SVG.sub(keep_svg, body)
    if drop_diagrams:
        body = DIAGRAM_BLOCK.sub("", body)
        body = SVG_TABLE.sub(lambda m: "" if any("fgpt-edge-sample" in svgs[int(n)] for n in
                                                  re.findall("\0svg(\\d+)\0", m.group(0))) else m.group(0), body)
    body = ID_ATTR.sub(lambda m: m.group(1) + prefix + m.group(2) + m.group(3), body)

    def link(match: re.Match) -> str:
        target = html.unescape(match.group(2))
        if target.startswith("#"):
            new = "#" + prefix + target[1:]
        elif re.match(r"^[a-z][a-z0-9+.-]*:", target):
            new = target
        else:
            path, _, fragment = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(page_path or ".", path)) if path else page_path.rstrip("/")
            resolved = "" if resolved in {".", ""} else resolved.strip("/")
            key = resolved + "/" if resolved else ""
            if key in targets:
                new = "#" + (targets[key] + "-" + fragment if fragment else "ch-" + _anchor_of(key))
            else:
                new = urljoin(canonical, target) if canonical else target
        return match.group(1) + html.escape(new, quote=True) + match.group(3)

    body = HREF_ATTR.sub(link, body)
    return re.sub("\0svg(\\d+)\0", lambda m: HREF_ATTR.sub(link, svgs[int(m.group(1))]), body)


def _anchor_of(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


def chapter_prefix(path: str) -> str:
    return "c-" + _anchor_of(path)


def chapters_for(pages: list[tuple[str, str, bool]], read) -> list[Chapter]:
    """Chapters from ``pages`` — (directory URL, section, appendix?) in book order — whose HTML ``read(url)``
    returns (None for a page the site does not have)."""
    raw = []
    for path, section, appendix in pages:
        text = read(path)
        match = ARTICLE.search(text or "")
        if not match:
            continue
        canonical = CANONICAL.search(text)
        raw.append((path, section, appendix, match["body"], canonical["url"] if canonical else ""))
    targets = {path: chapter_prefix(path) for path, *_ in raw}
    chapters = []
    for path, section, appendix, body, canonical in raw:
        title_match = H1.search(SCREEN_ONLY[0].sub("", body))
        title = _plain(title_match["title"]) if title_match else path
        chapters.append(Chapter(path, title, rewrite_chapter(body, chapter_prefix(path) + "-", path.rstrip("/"),
                                                             canonical, targets, drop_diagrams=appendix),
                                section, appendix))
    return chapters


STRINGS = {
    "zh": {"subtitle": "GPT 系列语言模型的双语知识库 · 中文版", "contents": "目录", "appendix": "附录：模型档案",
           "version": "数据版本 {version}", "note": "本书由网站的同一份源文件生成；每个数字都来自带出处的模型登记表。"
                                                  "内容以 CC BY 4.0 许可发布。"},
    "en": {"subtitle": "A bilingual knowledge base on the GPT family of language models · English edition",
           "contents": "Contents", "appendix": "Appendix: model pages", "version": "Dataset version {version}",
           "note": "Printed from the same sources as the website; every figure comes from a sourced model registry. "
                   "Content licensed CC BY 4.0."},
}

PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { font-size: 125%; }
/* Chinese in WenQuanYi Micro Hei, a TrueType font Chromium embeds as such, with a correct text layer. Noto Sans CJK
   (the screen's font) comes out as Type 3 glyphs whose text maps 月 to the Kangxi radical ⽉, which breaks search and
   copying in the PDF. Latin letters keep the fonts the screen uses. */
:root { --md-text-font-family: Arial, "Liberation Sans", "WenQuanYi Micro Hei";
        --md-code-font-family: "DejaVu Sans Mono", "WenQuanYi Micro Hei Mono"; }
body, .md-typeset { font-family: Arial, "Liberation Sans", "WenQuanYi Micro Hei", sans-serif; }
body { margin: 0; color: #111; background: #fff; }
.md-typeset code, .md-typeset pre, .md-typeset kbd { font-family: "DejaVu Sans Mono", "WenQuanYi Micro Hei Mono", monospace; }
.md-typeset .mermaid svg, .md-typeset .mermaid svg * {
  font-family: "trebuchet ms", verdana, arial, "WenQuanYi Micro Hei", sans-serif !important; }
.md-typeset { font-size: .62rem; }
.book-cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; text-align: center;
  break-after: page; }
.book-cover .book-title { font-size: 2.4rem; font-weight: 700; margin-bottom: .6rem; }
.book-cover .book-subtitle { font-size: .9rem; margin-bottom: 2rem; }
.book-cover .book-version { font-size: .8rem; }
.book-cover .book-note { font-size: .55rem; color: #444; margin-top: 3rem; }
.book-toc { break-after: page; font-size: .6rem; }
.book-toc .book-toc-title { font-size: 1.2rem; font-weight: 700; margin: 0 0 .8rem; }
.book-toc .book-toc-section { font-weight: 700; margin: .6rem 0 .2rem; }
.book-toc a { display: flex; color: inherit; text-decoration: none; line-height: 1.5; }
.book-toc a .toc-title { flex: 1; }
.book-toc a .toc-dots { flex: 1 1 auto; border-bottom: 1px dotted #999; margin: 0 .3em .35em; }
.book-toc a .toc-page { min-width: 2.5em; display: inline-block; text-align: right; font-variant-numeric: tabular-nums; }
.book-toc .toc-appendix { columns: 2; }
.book-chapter { break-before: page; }
.md-typeset h1 { font-size: 1.4rem; }
.md-typeset pre, .md-typeset code { white-space: pre-wrap; word-break: break-word; }
.md-typeset table:not([class]) { display: table; font-size: .55rem; }
.md-typeset .md-typeset__scrollwrap, .md-typeset .md-typeset__table { overflow: visible; }
.md-typeset svg { max-width: 100%; height: auto; }
.md-typeset .mermaid { break-inside: avoid; text-align: center; }
.md-typeset .book-toc a { color: #111; }
.md-typeset .mermaid, .md-typeset .fgpt-diagram { content-visibility: visible !important; }
.md-typeset details { display: block; }
.md-typeset a { color: #283593; }
"""


OVERLAY_CSS = """
body * { visibility: hidden; }
.book-toc .toc-page, .book-toc .toc-page * { visibility: visible; }
"""


def book_html(chapters: list[Chapter], lang: str, version: str, stylesheets: list[str], scripts: list[str],
              pages: dict[str, int] | None = None) -> str:
    """The print document. Without ``pages`` it is the whole book, the table of contents with empty number boxes
    of fixed width. With ``pages`` (chapter anchor → page number) it is the overlay for those boxes: the same cover
    and contents, laid out identically, with only the numbers visible and no chapters, printed onto the first
    pages of the book (see printer.py)."""
    words = STRINGS[lang]

    def toc_entry(chapter: Chapter) -> str:
        number = str(pages.get(chapter.anchor, "")) if pages else ""
        return (f'<a href="#{chapter.anchor}"><span class="toc-title">{html.escape(chapter.title)}</span>'
                f'<span class="toc-dots"></span><span class="toc-page">{number}</span></a>')

    toc: list[str] = []
    section = None
    for chapter in (c for c in chapters if not c.appendix):
        if chapter.section != section:
            section = chapter.section
            if section:
                toc.append(f'<div class="book-toc-section">{html.escape(section)}</div>')
        toc.append(toc_entry(chapter))
    appendix = [c for c in chapters if c.appendix]
    if appendix:
        toc.append(f'<div class="book-toc-section">{html.escape(words["appendix"])}</div>')
        toc.append('<div class="toc-appendix">' + "".join(toc_entry(c) for c in appendix) + "</div>")
    body = "" if pages else "".join(f'<section class="book-chapter" id="{c.anchor}">{c.body}</section>'
                                     for c in chapters)
    head = "".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in stylesheets)
    tail = "".join(f'<script src="{html.escape(src)}"></script>' for src in scripts)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>FollowGPT</title>{head}'
        f"<style>{PRINT_CSS}{OVERLAY_CSS if pages else ''}</style></head><body><div class=\"md-typeset\">"
        f'<div class="book-cover"><div class="book-title">FollowGPT</div>'
        f'<div class="book-subtitle">{html.escape(words["subtitle"])}</div>'
        f'<div class="book-version">{html.escape(words["version"].format(version=version))}</div>'
        f'<div class="book-note">{html.escape(words["note"])}</div></div>'
        f'<nav class="book-toc"><div class="book-toc-title">{html.escape(words["contents"])}</div>{"".join(toc)}</nav>'
        f"{body}</div>{tail}</body></html>")
