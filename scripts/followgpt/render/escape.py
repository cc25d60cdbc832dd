"""Escaping registry text for the three places it lands: Markdown, mermaid labels and HTML/SVG."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}|#])")


def markdown_text(value: str) -> str:
    """Text that Markdown must show literally: HTML-escaped, Markdown specials and table pipes backslashed."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(value), quote=False))


def markdown_link(label: str, target: str) -> str:
    return f"[{markdown_text(label)}]({target})"


# Order matters: '#' first, because every other replacement introduces one.
_MERMAID_ENTITIES = (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("&", "#amp;"), ("`", "#96;"))


def mermaid_label(value: str) -> str:
    """A quoted mermaid label (engineering-notes, "Mermaid labels"): always quoted, entity-escaped inside."""
    escaped = " ".join(str(value).split())
    for raw, entity in _MERMAID_ENTITIES:
        escaped = escaped.replace(raw, entity)
    return f'"{escaped}"'


def xml_text(value: str) -> str:
    return html.escape(str(value), quote=True)
