"""Formulas typeset at build time with the site's own KaTeX (in Node), so a reader's browser runs no KaTeX.

pymdownx.arithmatex writes each formula as TeX in ``<span class="arithmatex">\\(…\\)</span>`` or
``<div class="arithmatex">\\[…\\]</div>``, which the browser used to typeset after the page loaded: a display
formula first took the height of its TeX source and then its typeset height, moving the text below it (layout
shift 0.15–0.30 on /basics/language-models/ at phone width on a first visit), and KaTeX cost the main thread
time on formula-heavy notes. With Node present (``make setup`` installs it, with KaTeX), each formula is
replaced by KaTeX's HTML, exactly what the browser's auto-render would make; the page then needs only KaTeX's
stylesheet and fonts. Without Node, or with ``FOLLOWGPT_MATH=client``, formulas stay for the browser.

Typesetting happens before a page enters the page cache, so a cached page is not typeset again.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

WORKER = Path(__file__).with_name("math_worker.cjs")
FORMULA = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<tex>.*?)</(?P=tag)>', re.S)
DELIMITERS = {"span": ("\\(", "\\)"), "div": ("\\[", "\\]")}


_TYPESET: dict[str, dict[tuple[str, bool], str]] = {}   # KaTeX folder -> (TeX, display) -> HTML


class MathError(RuntimeError):
    """Node could not typeset (the worker stopped or answered something unexpected)."""


def available(node_modules: Path) -> bool:
    if os.environ.get("FOLLOWGPT_MATH", "build").strip().lower() == "client":
        return False
    return shutil.which("node") is not None and (node_modules / "katex" / "package.json").is_file()


def katex_version(node_modules: Path) -> str:
    package = node_modules / "katex" / "package.json"
    return json.loads(package.read_text(encoding="utf-8")).get("version", "") if package.is_file() else ""


class MathTypesetter:
    """One Node process for the whole build, started at the first formula."""

    def __init__(self, node_modules: Path):
        self.katex = str((node_modules / "katex").resolve())
        self._process: subprocess.Popen | None = None
        self._memory = _TYPESET.setdefault(self.katex, {})   # kept for the process (mkdocs serve's rebuilds)

    def typeset_page(self, page_html: str) -> tuple[str, bool]:
        """The page with every formula typeset; and whether it had any."""
        found = False

        def typeset(match: re.Match) -> str:
            nonlocal found
            tag, source = match.group("tag"), html.unescape(match.group("tex")).strip()
            left, right = DELIMITERS[tag]
            if not (source.startswith(left) and source.endswith(right)):
                return match.group(0)      # not arithmatex's own markup: leave it to the browser
            found = True
            rendered = self.render(source[len(left):-len(right)], display=tag == "div")
            return f'<{tag} class="arithmatex" data-fgpt-math="built">{rendered}</{tag}>'
        return FORMULA.sub(typeset, page_html), found

    def render(self, tex: str, display: bool) -> str:
        key = (tex, display)
        if key not in self._memory:
            answer = self._ask({"tex": tex, "display": display})
            if "html" not in answer:
                raise MathError(f"KaTeX could not typeset {tex[:80]!r}: {answer.get('error')}")
            self._memory[key] = answer["html"]
        return self._memory[key]

    def _ask(self, request: dict) -> dict:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(["node", str(WORKER), self.katex], stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1)
        try:
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
            line = self._process.stdout.readline()
            return json.loads(line)
        except (OSError, ValueError) as exc:
            raise MathError(f"the KaTeX worker stopped: {exc}") from None

    def close(self) -> None:
        if self._process is not None:
            try:
                self._process.stdin.close()
                self._process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
            self._process = None
