"""Translation parity and drift (TRANS-1…6) and ``python -m followgpt stamp``.

Every note exists as ``docs/zh/<path>`` and ``docs/en/<path>``, or the one that exists says in its front matter
that the other is still to be written::

    translation: pending

Of the two versions, the translation records which version of the original it matches::

    translation: {from: zh, hash: 3f9a2c4e1b7d}

``hash`` is the first 12 hex digits of the SHA-256 of the original's body (everything after its front matter,
with line ends normalised and trailing spaces dropped). ``stamp`` writes it; when the original changes, the
check names the translation that has fallen behind, and the commit it last matched.

Both versions must also have the same heading anchors, the same generated-block and fact markers, and cite
the same sources.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

from followgpt import LANGUAGES
from followgpt.project_root import ProjectNotFound
from followgpt.render.scan import find_markers

from .citations import cited_labels
from .findings import Finding
from .markdown import FRONT_MATTER, Page, split_front_matter
from .project import Project

LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}
PENDING = "pending"
_HASH = re.compile(r"^[0-9a-f]{12}$")


def body_hash(text: str) -> str:
    """The stamp of a page's content: SHA-256 of its normalised body, first 12 hex digits."""
    _, body = split_front_matter(text.replace("\r\n", "\n"))
    lines = [line.rstrip() for line in body.split("\n")]
    normalised = "\n".join(lines).strip("\n") + "\n"
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


def _other(lang: str) -> str:
    (other,) = [code for code in LANGUAGES if code != lang]
    return other


def _stamp_of(page: Page) -> tuple[str | None, dict | None, str | None]:
    """(state, stamp, problem): state is 'pending', 'stamp', None (no key) or 'bad'."""
    value = page.meta.get("translation")
    if value is None:
        return None, None, None
    if value == PENDING:
        return PENDING, None, None
    if isinstance(value, dict) and set(value) == {"from", "hash"}:
        source, digest = str(value["from"]), str(value["hash"])
        if source not in LANGUAGES or source == page.lang:
            return "bad", None, (f"translation.from is {source!r}; a {LANGUAGE_NAMES[page.lang]} page translates "
                                 f"from {_other(page.lang)!r}")
        if not _HASH.match(digest):
            return "bad", None, f"translation.hash {digest!r} is not 12 lowercase hex digits"
        return "stamp", {"from": source, "hash": digest}, None
    return "bad", None, (f"translation must be 'pending' or {{from: {_other(page.lang)}, hash: <12 hex digits>}}, "
                         f"got {value!r}")


def check_translations(project: Project, pages: list[Page] | None = None) -> Iterator[Finding]:
    """Parity and drift for every note (or for the given pages and their counterparts)."""
    if pages is None:
        pages = [project.page(path) for path in project.page_files()]
    done: set[str] = set()
    for page in pages:
        if not page.lang or page.page_path in done:
            continue
        done.add(page.page_path)
        if page.meta_error:
            continue  # FM-1 says what is wrong
        other_path = project.counterpart(page)
        other = project.page(other_path) if other_path.is_file() else None
        if other is not None and other.meta_error:
            continue
        yield from _pair(project, page, other)


def _pair(project: Project, page: Page, other: Page | None) -> Iterator[Finding]:
    state, _, problem = _stamp_of(page)
    line = page.meta_lines.get("translation", 1)
    if other is None:
        missing = f"docs/{_other(page.lang)}/{page.page_path}"
        if state == PENDING:
            return
        yield page.finding(line, "TRANS-1", f"there is no {LANGUAGE_NAMES[_other(page.lang)]} version ({missing})",
                           f"translate it, or add 'translation: {PENDING}' to this page's front matter until "
                           "someone does")
        return
    zh, en = (page, other) if page.lang == "zh" else (other, page)
    states = {p.lang: _stamp_of(p) for p in (zh, en)}
    for p in (zh, en):
        p_state, _, p_problem = states[p.lang]
        p_line = p.meta_lines.get("translation", 1)
        if p_state == PENDING:
            yield p.finding(p_line, "TRANS-1", f"marked 'translation: {PENDING}' but "
                            f"docs/{_other(p.lang)}/{p.page_path} exists",
                            "replace the mark with a stamp: run python -m followgpt stamp on the translation")
        elif p_state == "bad":
            yield p.finding(p_line, "TRANS-5", p_problem,
                            f"run python -m followgpt stamp {p.rel} (once it matches its counterpart)")
    stamped = [p for p in (zh, en) if states[p.lang][0] == "stamp"]
    if len(stamped) == 2:
        yield en.finding(en.meta_lines.get("translation", 1), "TRANS-5",
                         f"both {zh.rel} and {en.rel} say they are the translation",
                         "keep the stamp only on the page translated from the other")
    elif not stamped and not any(states[p.lang][0] in ("bad", PENDING) for p in (zh, en)):
        yield en.finding(1, "TRANS-5", f"no record of which version of {zh.rel} this translation matches",
                         f"once the two match, run python -m followgpt stamp {en.rel}")
    elif len(stamped) == 1:
        translation = stamped[0]
        original = en if translation is zh else zh
        recorded = states[translation.lang][1]["hash"]
        current = body_hash(original.text)
        if recorded != current:
            yield translation.finding(
                translation.meta_lines.get("translation", 1), "TRANS-6",
                f"translation is behind {original.rel}: it matches version {recorded}, which has since "
                f"changed to {current}{_since(project, original.rel, recorded)}",
                f"bring the translation up to date, then run python -m followgpt stamp {translation.rel}")
    yield from _parity(zh, en)


def _since(project: Project, rel: str, digest: str) -> str:
    """'; see git diff <commit> -- <path>' for the last commit in which ``rel`` had the body ``digest``."""
    try:
        log = subprocess.run(["git", "-C", str(project.root), "log", "--format=%h %cs", "-n", "60", "--", rel],
                             capture_output=True, text=True, timeout=10)
        for entry in log.stdout.split("\n"):
            if not entry.strip():
                continue
            commit, date = entry.split(" ", 1)
            shown = subprocess.run(["git", "-C", str(project.root), "show", f"{commit}:{rel}"],
                                   capture_output=True, text=True, timeout=10)
            if shown.returncode == 0 and body_hash(shown.stdout) == digest:
                return f" (last matched in commit {commit} of {date}; see git diff {commit} -- {rel})"
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return ""


# -- parity -------------------------------------------------------------------------------------------------------


def _parity(zh: Page, en: Page) -> Iterator[Finding]:
    anchors = {p.lang: {h.anchor: h.line for h in reversed(p.headings) if h.anchor} for p in (zh, en)}
    for page, other in ((zh, en), (en, zh)):
        for anchor, line in sorted(anchors[page.lang].items(), key=lambda item: item[1]):
            if anchor not in anchors[other.lang]:
                yield page.finding(line, "TRANS-2", f"heading anchor #{anchor} has no counterpart in {other.rel}",
                                   "give the matching heading there the same { #id }, or add the section")
    markers = {p.lang: _markers(p) for p in (zh, en)}
    for page, other in ((zh, en), (en, zh)):
        mine, theirs = markers[page.lang], markers[other.lang]
        for key, lines in mine.items():
            fact = key.startswith("fact ")
            if fact:
                extra = [] if key in theirs else lines[:1]
            else:
                extra = lines[len(theirs.get(key, [])):]
            for line in extra:
                what = "fact marker" if fact else "generated block"
                yield page.finding(line, "TRANS-3", f"{what} <!-- followgpt:{key} --> is not in {other.rel}",
                                   "both versions show the same generated blocks and facts: add it there or "
                                   "remove it here")
    cited = {p.lang: _sources(p) for p in (zh, en)}
    for page, other in ((zh, en), (en, zh)):
        for label, line in cited[page.lang].items():
            if label not in cited[other.lang]:
                yield page.finding(line, "TRANS-4", f"source [^{label}] is not cited in {other.rel}",
                                   "cite the same sources in both versions")


def _markers(page: Page) -> dict[str, list[int]]:
    body = "\n".join([""] * page.body_start + page.lines[page.body_start:])
    markers, _ = find_markers(body)
    found: dict[str, list[int]] = {}
    for marker in markers:
        options = " ".join(f"{k}={v}" for k, v in sorted(marker.options.items()))
        key = " ".join(part for part in (marker.name, *marker.positional, options) if part)
        found.setdefault(key, []).append(marker.line)
    return found


def _sources(page: Page) -> dict[str, int]:
    references, defined = cited_labels(page)
    first: dict[str, int] = {}
    for line, label in references:
        if label not in defined:
            first.setdefault(label, line)
    return first


# -- stamp ----------------------------------------------------------------------------------------------------


def set_stamp(text: str, source_lang: str, digest: str) -> str:
    """The page text with ``translation: {from: …, hash: …}`` in its front matter (added or replaced)."""
    stamp = f"translation: {{from: {source_lang}, hash: {digest}}}"
    match = FRONT_MATTER.match(text)
    if not match:
        return f"---\n{stamp}\n---\n\n{text.lstrip(chr(10))}"
    opening = text[: text.index("\n") + 1]
    front = match.group(1)
    closing = text[match.start(1) + len(front): match.end()]
    result: list[str] = []
    replaced = skipping = False
    for line in front.rstrip("\n").split("\n"):
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        if re.match(r"^translation\s*:", line):
            result.append(stamp)
            replaced = skipping = True
            continue
        result.append(line)
    if not replaced:
        result.append(stamp)
    return opening + "\n".join(result) + "\n" + closing + text[match.end():]


def stamp_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m followgpt stamp",
        description="Record in a translation's front matter which version of its counterpart it matches "
                    "(translation: {from: <lang>, hash: <12 hex digits>}). Run it after bringing a translation "
                    "up to date; the check then reports the translation again whenever the original changes.")
    parser.add_argument("pages", nargs="+", type=Path, help="translations to stamp, e.g. docs/en/gpt/gpt-3.md")
    parser.add_argument("--from", dest="source", choices=LANGUAGES,
                        help="the language of the original (default: the page's own stamp, else the other "
                             "language)")
    parser.add_argument("--root", type=Path, default=None,
                        help="project root (default: the nearest folder at or above the current directory with "
                             "mkdocs.yml and resources/)")
    args = parser.parse_args(argv)
    try:
        project = Project(args.root)
    except ProjectNotFound as exc:
        print(f"stamp: {exc}", file=sys.stderr)
        return 2
    status = 0
    for path in args.pages:
        path = path if path.is_absolute() else Path.cwd() / path
        if not path.is_file():
            print(f"{path}: no such page", file=sys.stderr)
            status = 1
            continue
        page = project.page(path)
        if not page.lang:
            print(f"{page.rel}: not a note under docs/zh/ or docs/en/", file=sys.stderr)
            status = 1
            continue
        if page.meta_error:
            print(f"{page.rel}:{page.meta_error[0]}: {page.meta_error[1]}", file=sys.stderr)
            status = 1
            continue
        state, stamp, _ = _stamp_of(page)
        source_lang = args.source or (stamp["from"] if stamp else _other(page.lang))
        if source_lang == page.lang:
            print(f"{page.rel}: --from must be the other language", file=sys.stderr)
            status = 1
            continue
        original_path = project.docs / source_lang / page.page_path
        if not original_path.is_file():
            print(f"{page.rel}: its original {original_path.relative_to(project.root).as_posix()} does not exist "
                  f"(use 'translation: {PENDING}' on the page that exists)", file=sys.stderr)
            status = 1
            continue
        original = project.page(original_path)
        original_state, original_stamp, _ = _stamp_of(original)
        if original_state == "stamp" and original_stamp["from"] == page.lang and not args.source:
            print(f"{page.rel}: {original.rel} is stamped as the translation of this page; stamp that one "
                  f"instead, or pass --from {source_lang} to turn the roles round (then remove its stamp)",
                  file=sys.stderr)
            status = 1
            continue
        digest = body_hash(original.text)
        new_text = set_stamp(page.text, source_lang, digest)
        if new_text != page.text:
            path.write_text(new_text, encoding="utf-8")
            print(f"stamped {page.rel}: matches {original.rel} at {digest}")
        else:
            print(f"{page.rel}: already matches {original.rel} at {digest}")
    return status
