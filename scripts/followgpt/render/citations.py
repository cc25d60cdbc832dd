"""Footnote text for a registry source: authors or publisher, year, linked title, arXiv id."""

from __future__ import annotations

from .escape import markdown_link, markdown_text
from .format import year_of
from .labels import text

_ELLIPSES = {"…", "...", "et al.", "others"}


def who(source: dict, lang: str) -> str:
    """'Tom B. Brown et al.' / 'Tom B. Brown 等', 'A and B' / 'A 和 B', or the publisher when there are no authors."""
    authors = [str(name) for name in source.get("authors") or []]
    named = [name for name in authors if name.strip() not in _ELLIPSES]
    truncated = len(named) < len(authors)
    if not named:
        return str(source.get("publisher") or "")
    if len(named) == 1 and not truncated:
        return named[0]
    if len(named) == 2 and not truncated:
        return text("two_authors", lang).format(*named)
    return text("et_al", lang).format(named[0])


def source_citation(source: dict, lang: str) -> str:
    """The Markdown of one footnote definition's text (without the ``[^id]:`` prefix)."""
    parts = []
    author = markdown_text(who(source, lang))
    year = year_of(source["date"]) if source.get("date") else None
    if author and year:
        parts.append(f"{author}（{year}）" if lang == "zh" else f"{author} ({year})")
    elif author or year:
        parts.append(author or str(year))
    title = str(source.get("title") or source.get("id", ""))
    parts.append(markdown_link(title, source["url"]) if source.get("url") else markdown_text(title))
    if source.get("arxiv"):
        parts.append(f"arXiv:{markdown_text(source['arxiv'])}")
    stop = "。" if lang == "zh" else ". "
    rendered = stop.join(parts)
    return rendered + ("。" if lang == "zh" else ".")
