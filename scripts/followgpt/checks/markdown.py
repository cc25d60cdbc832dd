"""Reading a note for the checks: front matter, code, math, comments, pragmas, headings, links and a prose view.

Everything is line-based and keeps line numbers. What the reader never sees as prose is left out of the checks:
front matter (except ``description``), fenced code, inline code, math (``$…$``, ``$$…$$``, ``\\(…\\)``,
``\\[…\\]``), HTML comments (markers, pragmas), URLs and link targets.

The *prose view* of a line is the text a reader sees, with each character mapped back to its column: link text
stays and the target goes, emphasis markers go, a code span becomes a stand-in for its first and last character,
math becomes ``x``, a ``fact`` marker becomes ``0`` (it renders as a number), and footnote references, images,
HTML tags and table pipes become :data:`BOUNDARY`, across which no typography rule looks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from followgpt.render.scan import code_lines

from followgpt.cjk import CJK_CLASS, is_cjk  # noqa: F401  (re-exported for the rule modules)

from .findings import Finding
from .rules import LINE_RULES, RULES

BOUNDARY = "\x00"

# Same rule as MkDocs' own front-matter reader (mkdocs.utils.meta).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_INLINE_MATH = re.compile(r"\$\$(?:\\.|[^\\$])+?\$\$|\$(?![\s$])(?:\\.|[^\\$\n])+?(?<![\s\\])\$(?!\d)|\\\((?:\\.|[^\\])+?\\\)")
_HEADING = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t]*$")
_ANCHOR_ATTR = re.compile(r"\s*\{(?P<body>[^{}]*)\}\s*$")
_ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
_PRAGMA = re.compile(r"<!--\s*style:(?P<body>.*?)-->")
_PRAGMA_BODY = re.compile(r"^\s*(?P<verb>ignore-next-line|ignore-start|ignore-end|ignore)\s+(?P<ids>[A-Za-z0-9, -]+?)\s*$")
_FACT_MARKER = re.compile(r"<!--\s*followgpt:fact\b\s*(?P<ref>[^\s>]*)")


@dataclass
class Span:
    start: int
    end: int
    kind: str                    # code | math | comment
    text: str


@dataclass
class Heading:
    line: int
    level: int
    text: str                    # without the anchor attribute list
    anchor: str | None           # the explicit { #id }, if any
    col: int


@dataclass
class Page:
    root: Path                   # the project root
    path: Path
    rel: str                     # path relative to root, forward slashes
    lang: str | None             # zh / en for docs/<lang>/ pages, else None
    page_path: str | None        # path relative to docs/<lang>/
    text: str
    lines: list[str]
    meta: dict = field(default_factory=dict)
    meta_error: tuple[int, str] | None = None
    meta_lines: dict[str, int] = field(default_factory=dict)   # top-level key → line
    body_start: int = 0          # 0-based index of the first body line
    kind: list[str] = field(default_factory=list)              # front | code | math | text, per line
    spans: list[list[Span]] = field(default_factory=list)
    masked: list[str] = field(default_factory=list)            # code, math and comments blanked (same length)
    ignored: dict[int, set[str]] = field(default_factory=dict)  # line → rule ids switched off by pragmas
    pragma_findings: list[Finding] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    fact_text: Callable[[str, str], str | None] | None = None   # (model.fact, lang) → rendered value
    _views: dict[int, tuple[str, list[int], list[int]]] = field(default_factory=dict)
    _tags: list | None = None

    # -- derived ------------------------------------------------------------------------------------------

    @property
    def body(self) -> str:
        return "\n".join(self.lines[self.body_start:])

    def text_lines(self):
        """(1-based line number, original line) of every body line outside code and math."""
        for index, kind in enumerate(self.kind):
            if kind == "text":
                yield index + 1, self.lines[index]

    def view(self, line: int) -> tuple[str, list[int], list[int]]:
        """The prose view of a line and, for each of its characters, the 0-based columns in the line where
        what it stands for starts and ends (exclusive)."""
        if line not in self._views:
            index = line - 1
            if self.kind[index] == "text":
                fact_text = (lambda ref: self.fact_text(ref, self.lang)) if self.fact_text and self.lang else None
                self._views[line] = prose_view(self.lines[index], self.spans[index], fact_text)
            elif self.kind[index] == "front" and line == self.meta_lines.get("description"):
                self._views[line] = _description_view(self.lines[index])
            else:
                self._views[line] = ("", [], [])
        return self._views[line]

    def prose_lines(self):
        """(line, view, start columns) for the description and every body line with prose."""
        numbers = ([self.meta_lines["description"]] if "description" in self.meta_lines else [])
        numbers += [number for number, _ in self.text_lines()]
        for number in numbers:
            view, cols, _ = self.view(number)
            if view.strip(" " + BOUNDARY):
                yield number, view, cols

    def source(self, line: int, start: int, end: int) -> str:
        """The original text behind view characters ``start`` to ``end`` (exclusive) of a line."""
        view, starts, ends = self.view(line)
        start, end = max(0, start), min(len(view), end)
        if start >= end:
            return ""
        return self.lines[line - 1][starts[start]: ends[end - 1]]

    def finding(self, line: int, rule: str, message: str, fix: str = "", col: int = 0) -> Finding:
        return Finding(self.rel, line, rule, message, fix, col)

    def allows(self, finding: Finding) -> bool:
        return finding.rule not in self.ignored.get(finding.line, ())


def load_page(root: Path, path: Path) -> Page:
    root = root.resolve()
    path = path.resolve()
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()
    lang = page_path = None
    parts = rel.split("/")
    if len(parts) >= 3 and parts[0] == "docs" and parts[1] in ("zh", "en"):
        lang, page_path = parts[1], "/".join(parts[2:])
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    return parse_page(text, rel=rel, root=root, path=path, lang=lang, page_path=page_path)


def parse_page(text: str, rel: str, root: Path | None = None, path: Path | None = None,
               lang: str | None = None, page_path: str | None = None) -> Page:
    lines = text.split("\n")
    page = Page(root=root or Path("."), path=path or Path(rel), rel=rel, lang=lang, page_path=page_path,
                text=text, lines=lines)
    _read_front_matter(page)
    _classify(page)
    _read_pragmas(page)
    _read_headings(page)
    return page


# -- front matter ---------------------------------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(front matter text or None, body) by MkDocs' rule."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


def _read_front_matter(page: Page) -> None:
    match = FRONT_MATTER.match(page.text)
    if not match:
        if page.text.startswith("---\n"):
            page.meta_error = (1, "front matter opened with '---' is never closed")
        return
    page.body_start = match.group(0).count("\n")
    for index in range(1, page.body_start - 1):
        key = re.match(r"^([A-Za-z0-9_-]+)\s*:", page.lines[index])
        if key:
            page.meta_lines.setdefault(key.group(1), index + 1)
    try:
        data = yaml.safe_load(match.group(1))
    except ValueError as exc:   # a well-formed value YAML cannot convert, e.g. the date 2026-13-01
        page.meta_error = (2, f"front matter is not valid YAML: {exc}")
        return
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = 2 + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        page.meta_error = (line, f"front matter is not valid YAML: {problem}")
        return
    if data is None:
        data = {}
    if not isinstance(data, dict):
        page.meta_error = (2, f"front matter must be a mapping of keys to values, got {type(data).__name__}")
        return
    page.meta = data


def _description_view(line: str) -> tuple[str, list[int], list[int]]:
    match = re.match(r"^description\s*:\s*", line)
    start = match.end() if match else len(line)
    value = line[start:].rstrip()
    end = start + len(value)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        start, end = start + 1, end - 1
    return line[start:end], list(range(start, end)), list(range(start + 1, end + 1))


# -- line kinds and spans ---------------------------------------------------------------------------------------


def _classify(page: Page) -> None:
    n = len(page.lines)
    page.kind = ["front"] * page.body_start + ["text"] * (n - page.body_start)
    page.spans = [[] for _ in range(n)]
    page.masked = list(page.lines)
    body = page.lines[page.body_start:]
    in_code = code_lines(body)
    in_comment = False
    math_close: str | None = None
    for offset, line in enumerate(body):
        index = page.body_start + offset
        if in_code[offset] and not in_comment:
            page.kind[index] = "code"
            page.masked[index] = ""
            continue
        stripped = line.strip()
        if math_close is not None:
            page.kind[index] = "math"
            page.masked[index] = ""
            if math_close in stripped:
                math_close = None
            continue
        if not in_comment:
            for opener, closer in (("$$", "$$"), ("\\[", "\\]")):
                if stripped.startswith(opener) and not (len(stripped) > len(opener) + 1 and
                                                         stripped.endswith(closer) and stripped != opener):
                    math_close = closer
                    break
            if math_close is not None:
                page.kind[index] = "math"
                page.masked[index] = ""
                continue
        spans, in_comment = scan_line(line, in_comment)
        page.spans[index] = spans
        page.masked[index] = _blank(line, spans)


def scan_line(line: str, in_comment: bool = False) -> tuple[list[Span], bool]:
    """Code spans, inline math and HTML comments on one line; whether a comment stays open at its end."""
    spans: list[Span] = []
    i, n = 0, len(line)
    if in_comment:
        close = line.find("-->")
        if close < 0:
            return [Span(0, n, "comment", line)], True
        spans.append(Span(0, close + 3, "comment", line[: close + 3]))
        i = close + 3
    while i < n:
        char = line[i]
        if char == "\\":
            if line.startswith("\\(", i):
                match = _INLINE_MATH.match(line, i)
                if match:
                    spans.append(Span(i, match.end(), "math", match.group()))
                    i = match.end()
                    continue
            i += 2
            continue
        if char == "`":
            run = len(line[i:]) - len(line[i:].lstrip("`"))
            close = re.compile(r"(?<!`)" + "`" * run + r"(?!`)").search(line, i + run)
            if close:
                spans.append(Span(i, close.end(), "code", line[i + run: close.start()]))
                i = close.end()
            else:
                i += run
            continue
        if line.startswith("<!--", i):
            close = line.find("-->", i + 4)
            if close < 0:
                spans.append(Span(i, n, "comment", line[i:]))
                return spans, True
            spans.append(Span(i, close + 3, "comment", line[i: close + 3]))
            i = close + 3
            continue
        if char == "$":
            match = _INLINE_MATH.match(line, i)
            if match:
                spans.append(Span(i, match.end(), "math", match.group()))
                i = match.end()
                continue
        i += 1
    return spans, False


def _blank(line: str, spans: list[Span], fill: str = " ") -> str:
    if not spans:
        return line
    chars = list(line)
    for span in spans:
        for position in range(span.start, span.end):
            chars[position] = fill
    return "".join(chars)


# -- pragmas ----------------------------------------------------------------------------------------------------


def _read_pragmas(page: Page) -> None:
    start_lines: dict[str, int] = {}
    for number, line in enumerate(page.lines, start=1):
        if page.kind[number - 1] != "text":
            continue
        for span in page.spans[number - 1]:
            if span.kind != "comment":
                continue
            match = _PRAGMA.search(span.text)
            if not match:
                continue
            body = _PRAGMA_BODY.match(match.group("body"))
            if not body:
                page.pragma_findings.append(page.finding(
                    number, "PRAGMA-1", f"cannot read the style pragma {match.group(0)!r}",
                    "write <!-- style: ignore RULE-ID -->, ignore-next-line, ignore-start or ignore-end"))
                continue
            ids = [part for part in re.split(r"[\s,]+", body.group("ids").strip()) if part]
            for rule_id in ids:
                if rule_id not in RULES:
                    page.pragma_findings.append(page.finding(
                        number, "PRAGMA-1", f"the pragma names an unknown rule {rule_id}",
                        "use a rule id from the style manual"))
                elif rule_id not in LINE_RULES:
                    page.pragma_findings.append(page.finding(
                        number, "PRAGMA-1", f"{rule_id} cannot be switched off by a pragma",
                        "fix the problem instead"))
            ids = [rule_id for rule_id in ids if rule_id in LINE_RULES]
            verb = body.group("verb")
            if verb == "ignore":
                page.ignored.setdefault(number, set()).update(ids)
            elif verb == "ignore-next-line":
                page.ignored.setdefault(number + 1, set()).update(ids)
            elif verb == "ignore-start":
                for rule_id in ids:
                    start_lines.setdefault(rule_id, number)
            else:
                for rule_id in ids:
                    if rule_id not in start_lines:
                        page.pragma_findings.append(page.finding(
                            number, "PRAGMA-1", f"ignore-end {rule_id} without a matching ignore-start",
                            f"add <!-- style: ignore-start {rule_id} --> before the block"))
                        continue
                    for covered in range(start_lines.pop(rule_id), number + 1):
                        page.ignored.setdefault(covered, set()).add(rule_id)
    for rule_id, number in start_lines.items():
        page.pragma_findings.append(page.finding(
            number, "PRAGMA-1", f"ignore-start {rule_id} is never ended",
            f"add <!-- style: ignore-end {rule_id} --> after the block"))


# -- headings -----------------------------------------------------------------------------------------------------


def _read_headings(page: Page) -> None:
    for number, _ in page.text_lines():
        masked = page.masked[number - 1]
        match = _HEADING.match(masked)
        if not match:
            continue
        original = page.lines[number - 1]
        text_start = match.start("text") if match.group("text") is not None else len(original)
        text = original[text_start: match.end("text")] if match.group("text") is not None else ""
        masked_text = masked[text_start: match.end("text")] if match.group("text") is not None else ""
        anchor = None
        attr = _ANCHOR_ATTR.search(masked_text)
        if attr:
            found = _ATTR_ID.search(attr.group("body"))
            if found:
                anchor = found.group("id")
            text = text[: attr.start()]
        text = re.sub(r"\s+#+\s*$", "", text)
        page.headings.append(Heading(number, len(match.group("hashes")), text.strip(), anchor, text_start + 1))


# -- the prose view ---------------------------------------------------------------------------------------------

_BLOCK_PREFIXES = [
    re.compile(r"^ {0,3}#{1,6}[ \t]+"),                                       # heading
    re.compile(r"^\s*\[\^[^\]\s]+\]:[ \t]*"),                                  # footnote definition
    re.compile(r"^\s*\*\[[^\]]+\]:[ \t]*"),                                    # abbreviation
    re.compile(r"^\s*(?:>[ \t]?)*\s*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?"),  # quote, list
]
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?|===\+?)\s*(?:[\w-]+(?:\s+[\w-]+)*)?\s*(?:\"(?P<title>[^\"]*)\")?\s*$")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HRULE = re.compile(r"^\s*([-*_])(?:\s*\1){2,}\s*$")
_DEFINITION = re.compile(r"^\s*:[ \t]{1,4}")
_LINK = re.compile(
    r"\[(?P<text>(?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)\]"
    r"(?P<rest>\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)|\[[^\]]*\])")
_IMAGE = re.compile(r"!\[(?:\\.|[^\[\]\\]|\[[^\]]*\])*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])?")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>")
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[^<>]*?)?/?>")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'（）()，。、；：！？]+")
_ATTR_LIST = re.compile(r"\{\s*[:#.][^{}]*\}")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#[xX][0-9A-Fa-f]+);")


def _stand_in(char: str) -> str:
    """A neutral character of the same class: what is inside code or a rendered value is not checked itself."""
    if is_cjk(char):
        return "中"
    return "x" if char.isalnum() else BOUNDARY


def _ends(text: str) -> str:
    """Stand-ins for the first and last characters of a code span or rendered fact, which are all the
    typography rules need to see; a boundary between them keeps them from being read as neighbours."""
    if len(text) == 1:
        return _stand_in(text)
    return _stand_in(text[0]) + BOUNDARY + _stand_in(text[-1])


def prose_view(line: str, spans: list[Span], fact_text: Callable[[str], str | None] | None = None
               ) -> tuple[str, list[int], list[int]]:
    out: list[str] = []
    cols: list[tuple[int, int]] = []
    masked = _blank(line, spans)
    solid = _blank(line, spans, "\x01")   # for block syntax: a span is content, not indentation
    if _REFERENCE_DEFINITION.match(masked) or _TABLE_RULE.match(masked) or _HRULE.match(masked):
        return "", [], []
    start, end = 0, len(line)
    admonition = _ADMONITION.match(solid)
    if admonition:
        if admonition.group("title") is None:
            return "", [], []
        start, end = admonition.start("title"), admonition.end("title")
    else:
        for prefix in _BLOCK_PREFIXES:
            match = prefix.match(solid)
            if match and match.end() > 0:
                start = match.end()
                break
        definition = _DEFINITION.match(solid)
        if definition:
            start = max(start, definition.end())
    by_start = {span.start: span for span in spans}
    _inline(line, masked, start, end, by_start, out, cols, fact_text)
    view = "".join(out)
    # A heading's closing hashes are not text.
    trimmed = re.sub(r"[ \t]+#+[ \t]*$", "", view) if re.match(r"^ {0,3}#", line) else view
    cols = cols[: len(trimmed)]
    return trimmed, [a for a, _ in cols], [b for _, b in cols]


def _emit(out: list[str], cols: list[tuple[int, int]], chars: str, col: int, end: int | None = None) -> None:
    for char in chars:
        out.append(char)
        cols.append((col, col + 1 if end is None else end))


def _inline(line: str, masked: str, start: int, end: int, by_start: dict[int, Span],
            out: list[str], cols: list[tuple[int, int]], fact_text=None) -> None:
    i = start
    while i < end:
        span = by_start.get(i)
        if span is not None:
            if span.kind == "code":
                content = span.text.strip()
                _emit(out, cols, _ends(content) if content else BOUNDARY, i, span.end)
            elif span.kind == "math":
                _emit(out, cols, "x", i, span.end)
            elif _FACT_MARKER.match(span.text):
                ref = _FACT_MARKER.match(span.text).group("ref")
                rendered = (fact_text(ref) if fact_text and ref else None) or "0"
                _emit(out, cols, _ends(rendered) + BOUNDARY, i, span.end)
            i = span.end
            continue
        char = masked[i]
        if char == "\\" and i + 1 < end:
            _emit(out, cols, line[i + 1], i + 1)
            i += 2
            continue
        if char == "!" and masked.startswith("![", i):
            match = _IMAGE.match(masked, i, end)
            if match:
                _emit(out, cols, BOUNDARY, i, match.end())
                i = match.end()
                continue
        if char == "[":
            match = _FOOTNOTE_REF.match(masked, i, end)
            if match:
                _emit(out, cols, BOUNDARY, i, match.end())
                i = match.end()
                continue
            match = _LINK.match(masked, i, end)
            if match:
                _inline(line, masked, match.start("text"), match.end("text"), by_start, out, cols, fact_text)
                i = match.end()
                continue
        if char == "<":
            match = _AUTOLINK.match(masked, i, end)
            if match:
                _emit(out, cols, "x", i, match.end())
                i = match.end()
                continue
            match = _TAG.match(masked, i, end)
            if match:
                _emit(out, cols, BOUNDARY, i, match.end())
                i = match.end()
                continue
        if char in "hf" and (masked.startswith("http", i) or masked.startswith("ftp", i)):
            match = _URL.match(masked, i, end)
            if match and (i == 0 or not masked[i - 1].isalnum()):
                _emit(out, cols, "x", i, match.end())
                i = match.end()
                continue
        if char == "{":
            match = _ATTR_LIST.match(masked, i, end)
            if match:
                i = match.end()
                continue
        if char == "&":
            match = _ENTITY.match(masked, i, end)
            if match:
                _emit(out, cols, BOUNDARY, i, match.end())
                i = match.end()
                continue
        if char == "*" or char == "~" and masked.startswith("~~", i):
            i += 1 if char == "*" else 2
            continue
        if char == "_" and masked.startswith("__", i):
            i += 2
            continue
        if char == "|":
            _emit(out, cols, BOUNDARY, i)
            i += 1
            continue
        _emit(out, cols, char, i)
        i += 1


# -- links and HTML in the source -------------------------------------------------------------------------------

_INLINE_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)\]"
    r"\(\s*(?P<target><[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_REF_LINK = re.compile(r"(?P<bang>!?)\[(?P<text>(?:\\.|[^\[\]\\])*)\]\[(?P<ref>[^\]]*)\]")
_REF_DEF = re.compile(r"^ {0,3}\[(?P<ref>(?!\^)[^\]]+)\]:\s*<?(?P<target>[^\s>]+)>?")
_HTML_TAG = re.compile(r"<(?P<name>[A-Za-z][\w:-]*)(?P<attrs>(?:[\s/]+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)[\s/]*>")
_HTML_ATTR = re.compile(r"(?P<name>[^\s=>/]+)(?:\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s>]+))?")


@dataclass
class Link:
    line: int
    col: int                     # 1-based
    kind: str                    # link | image | html
    text: str                    # link text / alt text ('' for HTML)
    target: str
    tag: str = ""                # HTML element for kind == html
    attr: str = ""               # HTML attribute holding the URL


@dataclass
class Tag:
    line: int
    col: int
    name: str                    # lower case
    attrs: list[tuple[str, str | None, int, int]]  # (name lower case, value without quotes, line, column)


def links(page: Page) -> list[Link]:
    """Markdown links and images (inline and by reference) and URL attributes of HTML tags, outside code."""
    definitions: dict[str, str] = {}
    for number, _ in page.text_lines():
        match = _REF_DEF.match(page.masked[number - 1])
        if match:
            definitions[match.group("ref").strip().lower()] = match.group("target")
    found: list[Link] = []
    for number, _ in page.text_lines():
        masked = page.masked[number - 1]
        for match in _INLINE_LINK.finditer(masked):
            target = match.group("target").strip()
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1]
            found.append(Link(number, match.start() + 1, "image" if match.group("bang") else "link",
                              match.group("text"), target))
        for match in _REF_LINK.finditer(masked):
            ref = (match.group("ref") or match.group("text")).strip().lower()
            if ref in definitions:
                found.append(Link(number, match.start() + 1, "image" if match.group("bang") else "link",
                                  match.group("text"), definitions[ref]))
        for match in _AUTOLINK.finditer(masked):
            target = match.group()[1:-1]
            found.append(Link(number, match.start() + 1, "link", target, target))
    for tag in tags(page):
        for name, value, line, col in tag.attrs:
            if value is not None and name in _URL_ATTRIBUTES:
                targets = [part.strip().split()[0] for part in value.split(",") if part.strip()] \
                    if name == "srcset" else [value.strip()]
                for target in targets:
                    found.append(Link(line, col, "html", "", target, tag.name, name))
    found.sort(key=lambda link: (link.line, link.col))
    return found


_URL_ATTRIBUTES = {"href", "src", "srcset", "data", "poster", "action", "formaction", "background", "xlink:href",
                   "codebase", "cite", "longdesc", "manifest", "ping"}


def tags(page: Page) -> list[Tag]:
    """Every HTML start tag outside code and comments (a tag may span lines), with its attributes."""
    if page._tags is None:
        text = "\n".join(masked if kind == "text" else "" for masked, kind in zip(page.masked, page.kind))
        starts = [0]
        for line in text.split("\n")[:-1]:
            starts.append(starts[-1] + len(line) + 1)

        def where(offset: int) -> tuple[int, int]:
            index = bisect.bisect_right(starts, offset) - 1
            return index + 1, offset - starts[index] + 1

        page._tags = []
        for match in _HTML_TAG.finditer(text):
            attrs = []
            offset = match.start("attrs")
            for attr in _HTML_ATTR.finditer(match.group("attrs")):
                value = attr.group("value")
                if value is not None and value[:1] in "\"'":
                    value = value[1:-1]
                attrs.append((attr.group("name").lower(), value, *where(offset + attr.start())))
            line, col = where(match.start())
            page._tags.append(Tag(line, col, match.group("name").lower(), attrs))
    return page._tags
