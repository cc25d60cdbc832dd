"""Navigation, defined once in ``docs/nav.yaml`` for both languages.

An entry is a page path (relative to ``docs/<lang>/``; its title comes from the page's H1) or a section
``{section: {zh: …, en: …}, pages: [...]}``. :func:`nav_for` turns the file into the structure MkDocs
expects for one language.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from followgpt import LANGUAGES


class NavError(ValueError):
    """docs/nav.yaml is malformed; the message names the entry and what was expected."""


def load_nav(path: Path) -> list:
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise NavError(f"{path}: not valid YAML: {exc}") from exc
    _check_entries(entries, f"{path}")
    return entries


def _check_entries(entries: object, where: str) -> None:
    if not isinstance(entries, list):
        raise NavError(f"{where}: expected a list of pages and sections, got {type(entries).__name__}")
    for index, entry in enumerate(entries):
        here = f"{where}[{index}]"
        if isinstance(entry, str):
            if not entry.endswith(".md"):
                raise NavError(f"{here}: page paths end in .md, got {entry!r}")
            continue
        if not isinstance(entry, dict) or set(entry) != {"section", "pages"}:
            raise NavError(f"{here}: expected a page path or {{section: {{zh, en}}, pages: [...]}}, got {entry!r}")
        titles = entry["section"]
        if not isinstance(titles, dict) or set(titles) != set(LANGUAGES):
            raise NavError(f"{here}.section: expected titles for {', '.join(LANGUAGES)}, got {titles!r}")
        _check_entries(entry["pages"], f"{here}.pages")


def nav_for(entries: list, lang: str) -> list:
    """The MkDocs ``nav`` for one language."""
    result: list = []
    for entry in entries:
        if isinstance(entry, str):
            result.append(entry)
        else:
            result.append({entry["section"][lang]: nav_for(entry["pages"], lang)})
    return result


def nav_pages(entries: list) -> list[str]:
    """Every page path in the navigation, in order."""
    pages: list[str] = []
    for entry in entries:
        pages.extend([entry] if isinstance(entry, str) else nav_pages(entry["pages"]))
    return pages
