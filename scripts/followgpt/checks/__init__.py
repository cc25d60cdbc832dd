"""Content checks for the notes (plain Python, never MkDocs).

``python -m followgpt check`` runs them all (:mod:`followgpt.checks.cli`); each rule has a stable id explained
in the style manual (docs/zh|en/contributing/style.md). Modules:

- :mod:`.markdown` reads a note: front matter, code, math, comments, pragmas, headings, links, a prose view;
- :mod:`.typography` ZH-SPACE-*, ZH-PUNCT-*, EN-PUNCT-1, CHAR-*, HEAD-*, FM-*;
- :mod:`.links` LINK-* on the source, and :func:`.links.check_site` on the built HTML;
- :mod:`.safety` SAFE-*, IMG-*;
- :mod:`.citations` CITE-*, FACT-1, RUMOUR-1;
- :mod:`.originality` ORIG-1 (and the seed fingerprint file);
- :mod:`.translation` TRANS-* and ``python -m followgpt stamp``.
"""

from .findings import Finding
from .links import check_site
from .project import Project
from .rules import RULES

__all__ = ["Finding", "Project", "RULES", "check_site"]
