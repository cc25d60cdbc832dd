"""Safety of contributed content (SAFE-*) and media (IMG-*), on the Markdown source, outside code.

A note may contain a little HTML (``<sup>``, ``<br>``, ``<details>``), but nothing that runs code, embeds another
site or loads anything from another host.
"""

from __future__ import annotations

import html
import re
from typing import Iterator
from urllib.parse import urlsplit

from .findings import Finding, quote
from .markdown import Page, links, tags

ACTIVE_ELEMENTS = {
    "script": "runs code", "iframe": "embeds another site", "frame": "embeds another site",
    "frameset": "embeds another site", "object": "embeds a plugin or another document",
    "embed": "embeds a plugin or another document", "applet": "runs code", "base": "changes where links point",
    "form": "sends data", "input": "is a form control", "button": "is a form control", "meta": "changes page behaviour",
    "link": "loads a resource", "style": "restyles the whole site", "portal": "embeds another site",
    "noscript": "is only for scripts", "template": "holds inert markup for scripts",
}
MEDIA_ELEMENTS = {"img", "picture", "source", "video", "audio", "track", "image", "svg", "use"}
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:")
_DATA_IMAGE = re.compile(r"^data:image/(?:png|gif|jpeg|jpg|webp|avif)[;,]", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?(?P<url>[^'\")]+)", re.I)


def _scheme_of(target: str) -> str:
    # Browsers decode character references ("&#106;avascript:") and ignore whitespace and control characters
    # inside a scheme ("java\tscript:").
    return re.sub(r"[\x00-\x20]+", "", html.unescape(target)).lower()


def _remote(target: str) -> bool:
    target = target.strip()
    if target.startswith("//"):
        return True
    parts = urlsplit(target)
    return bool(parts.scheme and parts.netloc)


def check_safety(page: Page) -> Iterator[Finding]:
    for tag in tags(page):
        if tag.name in ACTIVE_ELEMENTS:
            yield page.finding(tag.line, "SAFE-1", f"<{tag.name}> {ACTIVE_ELEMENTS[tag.name]}: it is not allowed in "
                               "notes", "remove it; draw with a table, mermaid or math instead", tag.col)
        for name, value, line, col in tag.attrs:
            if name.startswith("on"):
                yield page.finding(line, "SAFE-2", f"inline event handler {name}= on <{tag.name}>",
                                   "remove the attribute; notes carry no scripts", col)
            if name == "style" and value:
                for match in _CSS_URL.finditer(value):
                    if _remote(match.group("url")) or _scheme_of(match.group("url")).startswith(_SCRIPT_SCHEMES):
                        yield page.finding(line, "IMG-1", f"style attribute loads {quote(match.group('url'), 60)}",
                                           "store the file in the repository, or drop the style", col)
    # A tag the HTML pattern could not read (unbalanced quotes, a line break inside a value) is still caught.
    seen = {(tag.line, tag.name) for tag in tags(page)}
    for number, _ in page.text_lines():
        for match in re.finditer(r"<\s*(?P<name>[A-Za-z][\w-]*)", page.masked[number - 1]):
            name = match.group("name").lower()
            if name in ACTIVE_ELEMENTS and (number, name) not in seen:
                yield page.finding(number, "SAFE-1", f"<{name}> {ACTIVE_ELEMENTS[name]}: it is not allowed in notes",
                                   "remove it; draw with a table, mermaid or math instead", match.start() + 1)
    for link in links(page):
        scheme = _scheme_of(link.target)
        where = f"<{link.tag} {link.attr}=…>" if link.kind == "html" else (
            "image" if link.kind == "image" else "link")
        if scheme.startswith(_SCRIPT_SCHEMES):
            yield page.finding(link.line, "SAFE-3", f"{where} to a {scheme.split(':')[0]}: URL",
                               "link to a page instead; notes carry no scripts", link.col)
            continue
        if scheme.startswith("data:") and not (_DATA_IMAGE.match(scheme) and (
                link.kind == "image" or link.tag in MEDIA_ELEMENTS)):
            yield page.finding(link.line, "SAFE-3", f"{where} to a data: URL", "store the file in the repository "
                               "and link to it", link.col)
            continue
        media = link.kind == "image" or (link.kind == "html" and link.tag in MEDIA_ELEMENTS and link.attr != "href") \
            or (link.kind == "html" and link.attr in {"poster", "background", "data"})
        if media and _remote(link.target):
            host = urlsplit(link.target if not link.target.startswith("//") else "https:" + link.target).netloc
            yield page.finding(link.line, "IMG-1", f"{where} is loaded from another host ({host})",
                               "save the file under docs/<lang>/assets/ (with its licence) and link it relatively, "
                               "or redraw it as a table or mermaid diagram", link.col)
        if link.kind == "image" and not link.text.strip():
            yield page.finding(link.line, "IMG-2", "image without alternative text",
                               "describe the image in the brackets: ![what it shows](file.svg)", link.col)
    for tag in tags(page):
        if tag.name == "img":
            alts = [value for name, value, _, _ in tag.attrs if name == "alt"]
            if not alts or not (alts[0] or "").strip():
                yield page.finding(tag.line, "IMG-2", "<img> without alternative text",
                                   "add alt=\"what it shows\"", tag.col)
