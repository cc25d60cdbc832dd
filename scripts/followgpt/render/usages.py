"""Which pages mention each model, cite each source and link each glossary term — for backlinks.

A model counts as mentioned by a link to ``models/<id>.md``, a ``fact`` marker, or an id named in a marker's
``ids=``/``around=``/``root=`` option (``model-page`` markers, which make the model pages themselves, do not count).
A source counts as cited by a footnote label; a term as used by a link to ``glossary.md#<id>``.
"""

from __future__ import annotations

import posixpath
import re

from .context import Usages
from .links import GLOSSARY_PAGE, MODELS_DIR, resolve_link
from .scan import blank_code_spans, code_lines, find_markers, footnote_labels

_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MODEL_OPTIONS = ("ids", "around", "root")


def _links(markdown: str) -> list[str]:
    lines = markdown.split("\n")
    found = []
    for line, in_code in zip(lines, code_lines(lines)):
        if not in_code:
            found += _LINK_TARGET.findall(blank_code_spans(line))
    return found


def collect_page(usages: Usages, page_path: str, markdown: str) -> None:
    for link in _links(markdown):
        target = resolve_link(page_path, link)
        if target is None:
            continue
        anchor = link.split("#", 1)[1] if "#" in link else ""
        directory, filename = posixpath.split(target)
        if directory == MODELS_DIR and filename.endswith(".md") and filename != "index.md":
            usages.add("models", filename[:-3], page_path)
        elif target == GLOSSARY_PAGE and anchor:
            usages.add("terms", anchor, page_path)
    markers, _ = find_markers(markdown)
    for marker in markers:
        if marker.name == "fact" and marker.positional and "." in marker.positional[0]:
            usages.add("models", marker.positional[0].rsplit(".", 1)[0], page_path)
        elif marker.name != "model-page":
            for key in _MODEL_OPTIONS:
                for model_id in (marker.options.get(key) or "").split(","):
                    if model_id.strip():
                        usages.add("models", model_id.strip(), page_path)
    references, _ = footnote_labels(markdown)
    for _, label in references:
        usages.add("sources", label, page_path)


def collect_usages(pages: dict[str, str]) -> Usages:
    """``pages`` maps docs-relative paths (``gpt/gpt-3.md``) to their Markdown source."""
    usages = Usages()
    for page_path, markdown in pages.items():
        collect_page(usages, page_path, markdown)
    return usages
