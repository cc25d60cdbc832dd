"""Relative links between pages: ``.md`` paths for Markdown, directory URLs for mermaid ``click`` targets.

Page paths are relative to ``docs/<lang>/`` (``gpt/gpt-3.md``). With ``use_directory_urls`` the page
``gpt/gpt-3.md`` is served at ``gpt/gpt-3/`` and ``models/index.md`` at ``models/``.
"""

from __future__ import annotations

import functools
import posixpath

MODELS_DIR = "models"
GLOSSARY_PAGE = "glossary.md"
REFERENCES_PAGE = "references.md"
DATA_DIR = "data"


def model_page_path(model_id: str) -> str:
    return f"{MODELS_DIR}/{model_id}.md"


def relative_md_link(from_page: str, to_path: str, anchor: str | None = None) -> str:
    """``gpt/gpt-3.md`` → ``models/gpt-2.md`` gives ``../models/gpt-2.md``."""
    link = _relative(to_path, posixpath.dirname(from_page) or ".")
    return f"{link}#{anchor}" if anchor else link


@functools.lru_cache(maxsize=1 << 16)
def _relative(to_path: str, start: str) -> str:
    # posixpath.relpath makes both paths absolute first (a getcwd per call): a model page links to up to ~130
    # others, and the same pairs recur across pages and languages.
    return posixpath.relpath(to_path, start)


def page_url(path: str) -> str:
    """The directory URL of a page, relative to the site root ('' for the home page)."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def site_file_url(site_url: str, path: str) -> str:
    """The absolute URL of a file of the built site (``feed.xml``, ``gpt/gpt-3/index.md``); '' without a site URL."""
    if not site_url:
        return ""
    return (site_url if site_url.endswith("/") else site_url + "/") + path


def absolute_page_url(site_url: str, path: str) -> str:
    """The absolute URL of a page (by its directory URL) or, for other paths, of that file."""
    return site_file_url(site_url, page_url(path) if path.endswith(".md") else path)


def relative_url(from_page: str, to_page: str) -> str:
    """URL of ``to_page`` relative to the URL ``from_page`` is served at."""
    base = page_url(from_page).rstrip("/") or "."
    target = page_url(to_page).rstrip("/") or "."
    link = posixpath.relpath(target, base)
    return "./" if link == "." else link + "/"


def resolve_link(from_page: str, link: str) -> str | None:
    """The docs-relative path a relative Markdown link in ``from_page`` points at (None for absolute/external)."""
    target = link.split("#", 1)[0].split("?", 1)[0]
    if not target or "://" in target or target.startswith(("/", "mailto:")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_page), target))
