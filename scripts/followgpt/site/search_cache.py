"""Material's search entries kept by content, so that an unchanged page is not parsed and segmented again.

Material's search plugin parses every page's HTML and, for Chinese, segments its text with jieba: after the page
cache, that is the largest cost of a build (about 40 % of a second build), and under ``mkdocs serve`` it is paid
for every page on every save. A page's entries depend only on what the plugin reads: the content it is handed,
the page's title, table of contents, URL and search-related front matter, and the search settings (in the key's
signature, with jieba's dictionaries). The adapter asks this cache before the plugin sees a page; a page found
here is marked ``search: exclude`` for the plugin (its documented front-matter switch, so it skips the page), and
after the plugin has written the index the adapter puts every page's entries back in the plugin's own order.
Pages the plugin did index are kept for the next build. Plain Python: no MkDocs or Material import.
"""

from __future__ import annotations

import json

SEARCH_META = ("title", "tags", "search")   # the front matter Material's search reads


def search_input(content: str, title: str, toc: str, url: str, meta: dict) -> str:
    """Everything of one page that Material's search reads, as one string to key the page's entries by."""
    return "\0".join([url, title, toc, json.dumps({key: meta.get(key) for key in SEARCH_META}, sort_keys=True,
                                                   default=str, ensure_ascii=False), content])


def page_of(location: str) -> str:
    """The page URL of a search entry's location ("models/gpt-3/#facts" -> "models/gpt-3/")."""
    return location.split("#", 1)[0]


def merge_entries(docs: list[dict], order: list[tuple[str, list[dict] | None]]) -> tuple[list[dict], dict[str, list[dict]]]:
    """The index's entries in page order: each page's kept entries, or those the plugin wrote for it (``docs``,
    for the pages listed with None). Returns them and the entries found for those pages, by URL."""
    written: dict[str, list[dict]] = {}
    for doc in docs:
        written.setdefault(page_of(doc["location"]), []).append(doc)
    merged: list[dict] = []
    found: dict[str, list[dict]] = {}
    for url, kept in order:
        entries = kept if kept is not None else written.get(url, [])
        if kept is None:
            found[url] = entries
        merged.extend(entries)
    return merged, found


def index_text(data: dict) -> str:
    """The index as Material writes it (compact JSON, ASCII escapes)."""
    return json.dumps(data, separators=(",", ":"), default=str)
