"""The style manual's rule ids: stable, never reused, each an anchor in docs/{zh,en}/contributing/style.md.

A rule's anchor is its id in lower case (``ZH-SPACE-1`` → ``#zh-space-1``). Rules marked ``checked=False`` are
reviewed by hand; the others are enforced by ``python -m followgpt check``. A test keeps this table and both
manuals in step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    checked: bool = True


_RULES = [
    # Chinese typography
    Rule("ZH-SPACE-1", "a space between Chinese and Latin letters or digits"),
    Rule("ZH-SPACE-2", "no space next to full-width punctuation"),
    Rule("ZH-PUNCT-1", "full-width ，。：；！？ in Chinese text"),
    Rule("ZH-PUNCT-2", "full-width parentheses （） in Chinese text"),
    Rule("ZH-PUNCT-3", "Chinese quotation marks “” in Chinese text"),
    Rule("ZH-TERM-1", "first use of a term: 中文（English）, linked to the glossary", checked=False),
    # English typography
    Rule("EN-PUNCT-1", "no full-width punctuation in English text"),
    Rule("EN-STYLE-1", "plain, British or American spelling used consistently within a page", checked=False),
    # Characters
    Rule("CHAR-1", "no full-width letters, digits or symbols"),
    Rule("CHAR-2", "no look-alike characters (Kangxi radicals, compatibility ideographs, Cyrillic in Latin words)"),
    Rule("CHAR-3", "no invisible or unusual space characters"),
    # Front matter and navigation
    Rule("FM-1", "front matter is a YAML mapping"),
    Rule("FM-2", "every page has a description"),
    Rule("FM-3", "reviewed: is the date of a past review, YYYY-MM-DD"),
    Rule("FRESH-1", "pages that state facts that age carry a reviewed: date"),
    Rule("NAV-1", "every page in docs/nav.yaml exists"),
    # Headings
    Rule("HEAD-1", "h2–h6 headings carry an explicit anchor { #id }"),
    Rule("HEAD-2", "anchors are lowercase ASCII slugs, unique on the page"),
    Rule("HEAD-3", "exactly one H1, the page title, first"),
    Rule("HEAD-4", "heading levels do not skip"),
    # Links
    Rule("LINK-1", "internal links are relative links to .md files"),
    Rule("LINK-2", "link text says where the link goes"),
    Rule("LINK-3", "links stay inside the page's language"),
    Rule("LINK-4", "external links are well-formed http(s) URLs"),
    Rule("LINK-5", "internal link targets exist"),
    Rule("LINK-6", "link anchors exist"),
    # Images and media
    Rule("IMG-1", "images and media are stored in the repository, never hot-linked"),
    Rule("IMG-2", "images have alternative text"),
    # Safety
    Rule("SAFE-1", "no <script>, <iframe>, <object>, <embed> or other active elements"),
    Rule("SAFE-2", "no inline event handlers (on…=)"),
    Rule("SAFE-3", "no javascript:, vbscript: or non-image data: URLs"),
    # Citations, facts, rumours
    Rule("CITE-1", "footnote labels are source ids from the registry"),
    Rule("CITE-2", "no hand-written definitions for registry sources"),
    Rule("CITE-3", "sources go in the registry, not in footnote text"),
    Rule("FACT-1", "figures the registry holds are quoted with a fact marker"),
    Rule("FACT-2", "undisclosed is written as undisclosed; estimates say who estimated", checked=False),
    Rule("RUMOUR-1", "rumours are attributed: who, when, cited"),
    # Originality
    Rule("ORIG-1", "no long verbatim runs from the seed notes"),
    # Translation
    Rule("TRANS-1", "every page exists in both languages or is marked translation: pending"),
    Rule("TRANS-2", "both versions have the same heading anchors"),
    Rule("TRANS-3", "both versions have the same generated blocks and facts"),
    Rule("TRANS-4", "both versions cite the same sources"),
    Rule("TRANS-5", "a translation records which version of its counterpart it matches"),
    Rule("TRANS-6", "a translation is not behind its counterpart"),
    # Pragmas
    Rule("PRAGMA-1", "style pragmas name existing rules"),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}

# Rules a per-line pragma may switch off. Whole-page and cross-page rules (translation, navigation, front
# matter, pragmas themselves) cannot be.
LINE_RULES = frozenset(
    rule.id for rule in _RULES
    if rule.checked and not rule.id.startswith(("TRANS-", "NAV-", "FM-", "FRESH-", "PRAGMA-", "HEAD-3"))
)

STYLE_MANUAL = "docs/en/contributing/style.md"


def anchor(rule_id: str) -> str:
    return rule_id.lower()
