"""Which pages the built site has, read from the site itself (its sitemaps), never from a hand-kept list."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from followgpt import LANGUAGES as LANGUAGE_CODES
from followgpt.i18n import site_prefix

LANGUAGES = {lang: site_prefix(lang) for lang in LANGUAGE_CODES}   # language → where its site sits
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_paths(site: Path, lang: str) -> list[str]:
    """Page paths (relative to the language's root, '' for its home page) listed in its sitemap.xml."""
    root = ET.parse(site / LANGUAGES[lang] / "sitemap.xml").getroot()
    locs = [loc.text.strip() for loc in root.iter(f"{SITEMAP}loc") if loc.text]
    if not locs:
        return []
    base = min(locs, key=len)  # the language's home page: every other page lies below it
    return sorted(loc[len(base):] for loc in locs if loc.startswith(base))


def all_pages(site: Path) -> list[tuple[str, str]]:
    """Every (lang, path) page of both languages. A page missing from one language's sitemap (an untranslated
    page, which the sitemap leaves out) is still built at the same path, so the union is visited in both."""
    paths = sorted(set().union(*(sitemap_paths(site, lang) for lang in LANGUAGES)))
    return [(lang, path) for lang in LANGUAGES for path in paths]


def page_file(site: Path, lang: str, path: str) -> Path:
    return site / LANGUAGES[lang] / path / "index.html"


def page_url(site_url: str, lang: str, path: str) -> str:
    return site_url + LANGUAGES[lang] + path
