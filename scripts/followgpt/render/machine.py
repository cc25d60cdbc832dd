"""Pages for machines: a Markdown copy of every page with absolute links, and ``llms.txt`` (llmstxt.org) listing
them, one per language. Pure functions; the adapter collects the pages and writes the files."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .links import absolute_page_url, page_url, site_file_url

LLMS_FILE = "llms.txt"

# [text](target "title") and reference definitions "[label]: target"; footnote labels ([^x]) are not links.
_INLINE_LINK = re.compile(r"(\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")
_REFERENCE_DEFINITION = re.compile(r"^(\s{0,3}\[(?!\^)[^\]]+\]:\s*)(\S+)", re.M)
_FENCE = re.compile(r"^(\s*)(```|~~~)")


@dataclass(frozen=True)
class MachinePage:
    path: str            # docs-relative source path, e.g. gpt/gpt-3.md
    title: str
    summary: str         # one line: the page's description
    markdown: str        # the page's Markdown with every generated block expanded


def markdown_copy_path(page_path: str) -> str:
    """Where the Markdown copy of a page is served: next to its HTML (``gpt/gpt-3/index.md``, ``index.md``)."""
    return page_url(page_path) + "index.md"


def absolute_url(target: str, page_path: str, site_url: str) -> str:
    """A link target as written in ``page_path``'s Markdown, made absolute (pages by their directory URL)."""
    if "://" in target or target.startswith(("mailto:", "/", "data:")):
        return target
    path, _, anchor = target.partition("#")
    if not path:
        resolved = page_path
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    return absolute_page_url(site_url or "/", resolved) + ("#" + anchor if anchor else "")


def absolute_links(markdown: str, page_path: str, site_url: str) -> str:
    """Every relative link in ``markdown`` made absolute; code blocks are left as they are."""
    out: list[str] = []
    in_fence = None
    for line in markdown.split("\n"):
        fence = _FENCE.match(line)
        if fence:
            marker = fence.group(2)
            in_fence = None if in_fence == marker else (in_fence or marker)
            out.append(line)
            continue
        if in_fence:
            out.append(line)
            continue
        line = _INLINE_LINK.sub(lambda m: m.group(1) + absolute_url(m.group(2), page_path, site_url) + m.group(3), line)
        line = _REFERENCE_DEFINITION.sub(lambda m: m.group(1) + absolute_url(m.group(2), page_path, site_url), line)
        out.append(line)
    return "\n".join(out)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def page_entry(page: MachinePage, site_url: str) -> tuple[str, str, str]:
    """A page as an llms.txt entry: (title, URL of its Markdown copy, one-line summary)."""
    return page.title, site_file_url(site_url or "/", markdown_copy_path(page.path)), _one_line(page.summary)


def llms_txt(title: str, summary: str, details: str, sections: list[tuple[str, list[tuple[str, str, str]]]]) -> str:
    """The llms.txt text: an H1, a blockquote summary, details, then one H2 per section listing its entries as
    ``- [title](url): summary`` (entries are ``page_entry`` results or any other (title, url, summary))."""
    lines = [f"# {title}", "", f"> {_one_line(summary)}", ""]
    if details:
        lines += [_one_line(details), ""]
    for heading, entries in sections:
        if not entries:
            continue
        lines += [f"## {heading}", ""]
        for name, url, note in entries:
            lines.append(f"- [{name}]({url})" + (f": {note}" if note else ""))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
