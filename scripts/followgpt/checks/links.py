"""Links: their form in the Markdown source (LINK-1…LINK-6), and internal links and anchors in the built site.

Source checks (fast, with exact lines): internal links are relative ``.md`` links that stay in the page's
language, their targets exist (notes, generated model pages, exports), anchors on notes that have no generated
blocks exist, link text says where it goes, and external URLs are well-formed. External links are never
fetched (CI has no network); they are collected for a report.

Site check (:func:`check_site`): every ``href``/``src`` in the built HTML that points inside the site resolves to
a file, and every ``#fragment`` to an ``id`` on the target page.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import unquote, urlsplit

from followgpt.i18n import language_of, other_language
from followgpt.render.export import EXPORT_FILES

from .findings import Finding, quote
from .markdown import Page, links
from .project import Project

VAGUE_TEXT = {
    "here", "click here", "this", "this link", "link", "this page", "more", "read more", "see here", "go here",
    "details", "this article", "source", "url",
    "这里", "点击这里", "点这里", "点此", "此处", "这个", "链接", "这个链接", "此链接", "更多", "详情", "详见", "传送门",
}
ASSET_SUFFIXES = {".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".json", ".csv", ".bib", ".pdf",
                  ".txt", ".zip", ".mp4", ".webm"}
GENERATED_FILES = set(EXPORT_FILES.values())  # written by the build, not in docs/
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$|^\[[0-9a-f:]+\]$",
                   re.I)


@dataclass(frozen=True)
class ExternalLink:
    url: str
    where: str           # path:line, or the built page


# -- source ---------------------------------------------------------------------------------------------------


def check_links(page: Page, project: Project, external: list[ExternalLink] | None = None) -> Iterator[Finding]:
    for link in links(page):
        if link.kind == "html" and link.attr not in {"href", "src"}:
            continue
        target = link.target.strip()
        parts = urlsplit(target)
        scheme = parts.scheme.lower()
        if link.kind == "link" and link.text is not None:
            yield from _link_text(page, link)
        if scheme in {"http", "https"} or target.startswith("//"):
            problem = url_problem(target)
            if problem:
                yield page.finding(link.line, "LINK-4", f"malformed external URL {quote(target, 60)}: {problem}",
                                   "copy the address from the browser's address bar", link.col)
            elif external is not None:
                external.append(ExternalLink(target, f"{page.rel}:{link.line}"))
            continue
        if scheme in {"mailto", "tel"}:
            continue
        if scheme in {"javascript", "vbscript", "data"}:
            continue  # SAFE-3
        if scheme:
            yield page.finding(link.line, "LINK-4", f"link with the unsupported scheme {scheme}: {quote(target, 60)}",
                               "link web pages with https://, notes with relative .md paths", link.col)
            continue
        if not page.lang or not target:
            continue
        yield from _internal(page, project, link, parts)


def _link_text(page: Page, link) -> Iterator[Finding]:
    text = re.sub(r"[`*_]", "", link.text).strip()
    bare = text.lower().strip(" .:：。!！")
    if bare in VAGUE_TEXT:
        yield page.finding(link.line, "LINK-2", f"link text {quote(text)} does not say where the link goes",
                           "use the target's name as the text, e.g. [GPT-3 论文](…) / [the GPT-3 paper](…)", link.col)
    elif re.match(r"^(?:https?://|www\.)", text):
        yield page.finding(link.line, "LINK-2", f"link text is a bare URL {quote(text, 60)}",
                           "use the page's title or the site's name as the text", link.col)


def _internal(page: Page, project: Project, link, parts) -> Iterator[Finding]:
    path = unquote(parts.path)
    fragment = unquote(parts.fragment)
    if path.startswith("/"):
        yield page.finding(link.line, "LINK-1", f"absolute link {quote(link.target, 60)}",
                           "use a path relative to this page, ending in .md, e.g. ../gpt/gpt-3.md", link.col)
        return
    if not path:
        if fragment and not _has_blocks(page):
            anchors = page_anchors(page)
            if fragment not in anchors:
                yield page.finding(link.line, "LINK-6", f"no anchor #{fragment} on this page",
                                   _anchor_fix(fragment, anchors), link.col)
        return
    base = posixpath.dirname(page.page_path)
    resolved = posixpath.normpath(posixpath.join(base, path))
    if resolved.startswith("../") or resolved == "..":
        yield page.finding(link.line, "LINK-3", f"link {quote(link.target, 60)} leaves the {page.lang} pages",
                           "link the page in this language (the language switch finds its translation)", link.col)
        return
    suffix = posixpath.splitext(resolved)[1].lower()
    if suffix in {".html", ".htm"} or path.endswith("/") or not suffix:
        yield page.finding(link.line, "LINK-1", f"link {quote(link.target, 60)} does not point at a .md file",
                           "link the Markdown file, e.g. gpt-3.md, so MkDocs can check and rewrite it", link.col)
        return
    if suffix != ".md":
        if suffix in ASSET_SUFFIXES and resolved not in GENERATED_FILES \
                and not (project.docs / page.lang / resolved).exists():
            yield page.finding(link.line, "LINK-5", f"{quote(link.target, 60)} does not exist",
                               f"add the file as docs/{page.lang}/{resolved}, or fix the path", link.col)
        return
    target_page = _target(project, page.lang, resolved)
    if target_page is None:
        model = re.match(r"^models/(.+)\.md$", resolved)
        if model and model.group(1) in project.model_ids:
            return  # generated model page
        yield page.finding(link.line, "LINK-5", f"link target {quote(link.target, 60)} does not exist "
                           f"(no docs/{page.lang}/{resolved})", _page_fix(project, page.lang, resolved), link.col)
        return
    if fragment and not _has_blocks(target_page):
        anchors = page_anchors(target_page)
        if fragment not in anchors:
            yield page.finding(link.line, "LINK-6", f"{resolved} has no anchor #{fragment}",
                               _anchor_fix(fragment, anchors), link.col)


def _target(project: Project, lang: str, resolved: str) -> Page | None:
    for candidate in (project.docs / lang / resolved, project.counterpart_path(lang, resolved)):
        if candidate is not None and candidate.is_file():
            return project.page(candidate)
    return None


def _has_blocks(page: Page) -> bool:
    """Pages with generated blocks get anchors the source does not show; the site check covers them."""
    return any(span.kind == "comment" and re.match(r"<!--\s*followgpt:(?!fact\b)", span.text)
               for spans in page.spans for span in spans)


def page_anchors(page: Page) -> set[str]:
    anchors = {heading.anchor for heading in page.headings if heading.anchor}
    for number, _ in page.text_lines():
        masked = page.masked[number - 1]
        anchors.update(re.findall(r"\{[^{}]*#([A-Za-z0-9_-]+)[^{}]*\}", masked))
        anchors.update(re.findall(r"\bid\s*=\s*[\"']([^\"']+)[\"']", masked))
    anchors.update("fn:" + label for label in re.findall(r"\[\^([^\]\s]+)\]", page.body))
    anchors.update("fnref:" + label for label in re.findall(r"\[\^([^\]\s]+)\]", page.body))
    return anchors


def _anchor_fix(fragment: str, anchors: set[str]) -> str:
    import difflib
    close = difflib.get_close_matches(fragment, sorted(anchors), n=1)
    return f"did you mean #{close[0]}?" if close else "link a heading's { #id }, or drop the #fragment"


def _page_fix(project: Project, lang: str, resolved: str) -> str:
    import difflib
    pages = [p.relative_to(project.docs / lang).as_posix() for p in (project.docs / lang).rglob("*.md")]
    close = difflib.get_close_matches(resolved, pages, n=1)
    return f"did you mean {close[0]}?" if close else "check the path, relative to this page"


def url_problem(url: str) -> str | None:
    """What is wrong with the form of an external http(s) URL, or None."""
    if any(char.isspace() for char in url):
        return "it contains a space (encode it as %20)"
    if url.startswith("//"):
        return "it has no scheme (start it with https://)"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return str(exc)
    host = (parts.hostname or "")
    if not host:
        return "it has no host"
    if host in {"localhost"} or host.endswith(".local") or re.match(r"^(?:127|10|192\.168)\.", host):
        return "it points at a private address"
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"the host {host!r} is not a valid name"
    if not _HOST.match(ascii_host) and not re.match(r"^\d{1,3}(?:\.\d{1,3}){3}$", host):
        return f"the host {host!r} is not a valid name"
    if port is not None and not 0 < port < 65536:
        return "the port is out of range"
    if re.search(r"[<>\"{}|\\^`]", url):
        return "it contains characters that must be percent-encoded"
    return None


def check_registry_urls(project: Project, external: list[ExternalLink] | None = None) -> Iterator[Finding]:
    """The URLs of sources and organisations in the registry: form-checked (LINK-4) and listed in the report."""
    registry = project.registry
    if registry is None:
        return
    for records in (registry.sources, registry.organizations):
        for record in records.values():
            url = record.get("url")
            if not url:
                continue
            where = f"{record.get('file')}:{record.get('line', 1)}"
            problem = url_problem(str(url)) if urlsplit(str(url)).scheme in {"http", "https"} else \
                "use an http(s):// address"
            if problem:
                yield Finding(str(record.get("file")), int(record.get("line", 1)), "LINK-4",
                              f"malformed URL {quote(str(url), 60)} for {record['id']}: {problem}",
                              "copy the address from the browser's address bar")
            elif external is not None:
                external.append(ExternalLink(str(url), where))


def write_external_report(external: Iterable[ExternalLink], path: Path) -> int:
    """A Markdown list of every external URL and where it is used; returns the number of distinct URLs."""
    where: dict[str, list[str]] = defaultdict(list)
    for link in external:
        if link.where not in where[link.url]:
            where[link.url].append(link.where)
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in sorted(where):
        by_host[(urlsplit(url).hostname or "").lower()].append(url)
    lines = ["# External links", "",
             "Checked for form only (no network). Generated by `python -m followgpt check`; do not edit.", "",
             f"{len(where)} distinct URLs on {len(by_host)} hosts.", ""]
    for host in sorted(by_host):
        lines.append(f"## {host}")
        lines.append("")
        for url in by_host[host]:
            lines.append(f"- <{url}> — {', '.join(where[url])}")
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return len(where)


# -- the built site -------------------------------------------------------------------------------------------


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[int, str, str, str]] = []   # (line, tag, attribute, url)

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        for name in ("id",):
            if values.get(name):
                self.ids.add(values[name])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag == "link" and (values.get("rel") or "") in {"canonical", "alternate"}:
            return  # absolute URLs of the published site
        for attribute in ("href", "src"):
            if values.get(attribute) is not None:
                self.refs.append((line, tag, attribute, values[attribute]))

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def check_site(site_dir: Path, project: Project | None = None,
               external: list[ExternalLink] | None = None) -> list[Finding]:
    """Internal links and anchors of a built site. A finding names the source page when there is one."""
    site_dir = Path(site_dir).resolve()
    parsed: dict[Path, _PageParser] = {}

    def parse(path: Path) -> _PageParser:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    findings: set[Finding] = set()
    for page_file in sorted(site_dir.rglob("*.html")):
        rel = page_file.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        parser = parse(page_file)
        for line, tag, attribute, url in parser.refs:
            url = html.unescape(url).strip()
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//"):
                if parts.scheme in {"http", "https"} and tag == "a" and external is not None:
                    external.append(ExternalLink(url, rel))
                continue
            if not url or url.startswith("#") and len(url) == 1:
                continue
            target = _resolve(site_dir, page_file, unquote(parts.path))
            where, where_line, source_note = _source_of(site_dir, page_file, project, url, line)
            if target is None or not target.exists():
                findings.add(Finding(where, where_line, "LINK-5",
                                     f"{quote(url, 60)} points at nothing in the built site{source_note}",
                                     "link an existing page or file with a relative .md link"))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                target_rel = target.relative_to(site_dir).as_posix()
                findings.add(Finding(where, where_line, "LINK-6",
                                     f"{quote(url, 60)}: {target_rel} has no id #{fragment}{source_note}",
                                     "link a heading's { #id } on the target page"))
    return sorted(findings)


def _resolve(site_dir: Path, page_file: Path, path: str) -> Path | None:
    if not path:
        return page_file
    if path.startswith("/"):
        # Absolute links (404 pages use them) start with the path of site_url, e.g. /followgpt/ on GitHub
        # Pages: resolve them from the site's root, dropping that prefix when the site was built with one.
        parts = [part for part in path.split("/") if part]
        if parts and not (site_dir / parts[0]).exists() and len(parts) > 1:
            parts = parts[1:]
        target = (site_dir / "/".join(parts)).resolve() if parts else site_dir
    else:
        target = (page_file.parent / path).resolve()
    try:
        target.relative_to(site_dir)
    except ValueError:
        return None
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target


def _source_of(site_dir: Path, page_file: Path, project: Project | None, url: str,
               html_line: int) -> tuple[str, int, str]:
    """(path, line, note) to report a broken link in a built page: the Markdown source when there is one."""
    rel = page_file.relative_to(site_dir).as_posix()
    built = f"site/{rel}:{html_line}"
    if project is None:
        return f"site/{rel}", html_line, ""
    lang, rest = language_of(rel)
    stem = rest[: -len("index.html")].rstrip("/") if rest.endswith("index.html") else rest[:-5]
    candidates = [f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]
    for candidate in candidates:
        for source_lang in (lang, other_language(lang)):
            source = project.docs / source_lang / candidate
            if source.is_file():
                text = source.read_text(encoding="utf-8").split("\n")
                key = urlsplit(url).fragment or posixpath.basename(urlsplit(url).path.rstrip("/"))
                line = next((index + 1 for index, content in enumerate(text) if key and key in content), 1)
                return source.relative_to(project.root).as_posix(), line, f" (in the built page {built})"
    return f"site/{rel}", html_line, ""
