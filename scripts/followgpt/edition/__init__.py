"""The offline edition: one PDF per language, printed by headless Chromium from the built site.

``python -m followgpt edition [--site site]`` writes ``data/followgpt-<lang>.pdf`` into each language's site.
Public API: ``book_html(site_dir, lang, ...)`` (the print document, pure) and ``print_editions(site_dir)``.
"""

from .book import Chapter, book_html, chapters_for
from .printer import EditionError, print_editions

__all__ = ["Chapter", "EditionError", "book_html", "chapters_for", "print_editions"]
