"""The subset of Markdown the renderers generate (and most notes keep to), converted without Python-Markdown.

A generated model page is Markdown written by ``views.model_page``: headings with attribute lists, paragraphs,
bullet lists, pipe tables, admonitions and collapsible blocks, a fenced code block, raw HTML figures and source
footnotes, with inline text that ``escape.markdown_text`` has already escaped. Python-Markdown spends ~10 ms on
such a page (its inline patterns run over every text node), and the model pages are three quarters of the site's
pages, so converting them was the largest part of a clean build. Most notes use no more than that, plus ordered
lists, formulas (arithmatex) and more fenced blocks, so they are converted here too.

``convert`` turns exactly that subset into the HTML Python-Markdown gives with the site's extensions (the tests
convert every page of the real site both ways and compare), and returns None for anything outside it: the
caller then lets Python-Markdown convert the page, so an unusual page is slower, never different. What the subset
does not cover is deliberately left out rather than approximated: emphasis other than ``**strong**``, images,
reference links, list items that continue lazily, hard line breaks, block quotes, definition lists, tabs.

Nothing here imports MkDocs or Python-Markdown: links are resolved against a plain map of the site's files, headings
get their ids from the ``slugify`` the adapter passes in, and fenced blocks are converted by the adapter's
``code_block`` (the site's own superfences: highlighting, mermaid).
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

from .scan import FOOTNOTE_REFERENCE


# The Markdown extensions (as mkdocs.yml lists them, with MkDocs' own toc, tables and fenced_code) whose output this
# module reproduces; with any other, another extension may read the same text differently, so nothing is converted.
EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "abbr", "admonition", "attr_list", "def_list", "footnotes",
                        "md_in_html", "pymdownx.arithmatex", "pymdownx.details", "pymdownx.highlight",
                        "pymdownx.inlinehilite", "pymdownx.superfences", "pymdownx.tabbed"})


def supports(extensions: list, configs: dict) -> bool:
    """Whether pages converted here match Python-Markdown with these extensions and options."""
    names = {name for name in extensions if isinstance(name, str)}
    toc = configs.get("toc") or {}
    return len(names) == len(extensions) and names <= EXTENSIONS and toc.get("permalink") is True \
        and set(toc) <= {"permalink", "slugify"} and not (configs.get("footnotes") or {})


# Marks where the sections excluded from search run to the end of the page (the adapter keeps what follows from
# Material's search parser, which would read it only to drop it, and takes the mark out).
SEARCH_EXCLUDED_TAIL = "<!--fgpt-search-excluded-tail-->"


class Unsupported(Exception):
    """The Markdown uses something outside the generated subset."""


@dataclass
class ConvertedSubset:
    html: str
    title: str | None                     # the text of the first level-1 heading
    toc: list[dict]                       # Python-Markdown's toc tokens: level, id, name, children
    anchors: set[str] = field(default_factory=set)                          # every id on the page
    links_to_anchors: dict[str, dict[str, str]] = field(default_factory=dict)   # target path -> anchor -> link


@dataclass
class LinkTargets:
    """Where a page's relative links may point: every file of the site by its docs-relative path, with its URL."""
    page_path: str                 # the page's own docs-relative path, e.g. models/gpt-3.md
    urls: dict[str, str]           # docs-relative path -> site-relative URL (models/gpt-3.md -> models/gpt-3/)

    def resolve(self, target: str) -> tuple[str, str | None, str]:
        """(href, target path or None, fragment) for a link target; Unsupported where the target is not a file
        of the site (Python-Markdown and MkDocs then convert the page and warn about it)."""
        parts = urlsplit(target)
        if parts.scheme in ("http", "https", "mailto") or (not parts.path and not parts.query):
            return target, (self.page_path if not parts.scheme and parts.fragment else None), parts.fragment
        if parts.scheme or parts.netloc or parts.path.startswith("/"):
            raise Unsupported(f"link {target}")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(self.page_path), parts.path))
        if path not in self.urls:
            raise Unsupported(f"link to a missing file {target}")
        href = relative_site_url(self.urls[path], self.urls[self.page_path])
        if parts.query:
            href += "?" + parts.query
        if parts.fragment:
            href += "#" + parts.fragment
        return href, (path if parts.fragment else None), parts.fragment


def relative_site_url(url: str, from_url: str) -> str:
    """``url`` relative to the page served at ``from_url`` (both site-relative), as MkDocs writes page links."""
    base = from_url
    if base != ".":
        head, tail = posixpath.split(base)
        base = head if "." in tail else base
    relative = posixpath.relpath("/" + url, "/" + base)
    return relative + "/" if url.endswith("/") else relative


# -- inline ------------------------------------------------------------------------------------------------

# Characters a backslash escapes in Python-Markdown with the site's extensions (core, tables, attr_list).
ESCAPABLE = set("\\`*_{}[]>#+-.!|:<")   # not '(' or ')': \\( starts a formula (arithmatex)
# pymdownx.arithmatex's inline formula (generic mode, smart dollar): a dollar sign starts one only with a closing
# dollar sign ahead, neither next to a space on the inside.
_INLINE_MATH = r"\$(?!\s)(?:\\.|[^\\$])+?(?<!\s)\$"
# In the order Python-Markdown's inline patterns take them: an escaped character, a code span (one backtick each
# side), a formula; a lone backtick or $$ ends the subset.
_CODE_OR_FORMULA = re.compile(rf"\\.|`[^`]*`|`|\$\$|{_INLINE_MATH}")
_ATOM = re.compile("\x02(\\d+)\x03")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_INLINE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
_LINK_TARGET = re.compile(r'\(([^()\s<>]*)(?:\s+"([^"]*)")?\)')


def _attr(value: str) -> str:
    return html.escape(value, quote=True).replace("&#x27;", "'").replace("\n", "&#10;")


def _text(value: str) -> str:
    """Text as Python-Markdown serialises it: '&' kept where it starts an entity, '<' and '>' escaped."""
    out, last = [], 0
    for match in _ENTITY.finditer(value):
        out.append(value[last:match.start()].replace("&", "&amp;"))
        out.append(match.group(0))
        last = match.end()
    out.append(value[last:].replace("&", "&amp;"))
    return "".join(out).replace("<", "&lt;").replace(">", "&gt;")


class _Page:
    """State shared by one page's blocks: footnote numbers and references, ids, links to anchors."""

    def __init__(self, links: LinkTargets, slugify: Callable[[str, str], str],
                 code_block: Callable[[str, str], str], footnotes: dict[str, str]):
        self.links = links
        self.slugify = slugify
        self.code_block = code_block
        self.footnotes = footnotes                       # label -> definition text, in definition order
        self.numbers = {label: number for number, label in enumerate(footnotes, start=1)}
        self.references: dict[str, int] = {}             # label -> references so far
        self.ids: set[str] = set()
        self.links_to_anchors: dict[str, dict[str, str]] = {}
        self.code_blocks = 0                             # highlighted blocks so far

    def anchor_link(self, path: str | None, fragment: str, original: str) -> None:
        if path is not None and fragment:
            self.links_to_anchors.setdefault(path, {})[fragment] = original

    def add_id(self, value: str) -> None:
        if value in self.ids:
            raise Unsupported(f"duplicate id {value}")
        self.ids.add(value)

    def inline(self, source: str) -> str:
        """Inline Markdown as Python-Markdown converts it. Its inline patterns run by priority: code spans, then
        formulas (arithmatex), then everything else; so code spans and formulas are taken out first (as atoms the
        rest passes over) and put back at the end."""
        if "\x02" in source or "\x03" in source:
            raise Unsupported("control characters")
        atoms: list[str] = []
        converted = self._inline(self._atoms(source, atoms))
        return _ATOM.sub(lambda match: atoms[int(match.group(1))], converted) if atoms else converted

    def _atoms(self, source: str, atoms: list[str]) -> str:
        if "`" not in source and "$" not in source:
            return source
        out, position = [], 0
        for match in _CODE_OR_FORMULA.finditer(source):
            token = match.group(0)
            if token.startswith("\\"):
                continue                                  # an escaped character: the escape pattern's, later
            if token.startswith("`"):
                code = token[1:-1].strip()
                if not code or source.startswith("``", match.start()) or source.startswith("`", match.end()):
                    raise Unsupported("code span other than `one backtick each side`")
                if code.startswith(("#!", ":::")):
                    raise Unsupported("highlighted inline code")
                rendered = f"<code>{html.escape(code, quote=False)}</code>"
            elif token == "`" or token.startswith("$$"):
                raise Unsupported("unclosed code span, or $$ inside a line")
            elif "\x02" in token or "`" in token:
                raise Unsupported("code inside a formula")
            else:
                rendered = f'<span class="arithmatex">\\({html.escape(token[1:-1], quote=False)}\\)</span>'
            out += [source[position:match.start()], f"\x02{len(atoms)}\x03"]
            atoms.append(rendered)
            position = match.end()
        out.append(source[position:])
        return "".join(out)

    # The inline subset. Text runs are copied until the next character that can start a construct.
    _SPECIAL = re.compile(r"[\\*_\[\]<&^{}!]")

    def _inline(self, source: str) -> str:
        out: list[str] = []
        position, end = 0, len(source)
        while position < end:
            match = self._SPECIAL.search(source, position)
            if match is None:
                out.append(_text(source[position:]))
                break
            start = match.start()
            out.append(_text(source[position:start]))
            char = source[start]
            if char == "\\":
                escaped = source[start + 1:start + 2]
                if escaped not in ESCAPABLE:
                    raise Unsupported("backslash before an ordinary character")
                out.append(_text(escaped))
                position = start + 2
            elif char == "*":
                if not source.startswith("**", start):
                    raise Unsupported("emphasis")
                close = source.find("**", start + 2)
                inner = source[start + 2:close] if close > 0 else ""
                if not inner or "*" in inner or inner[0].isspace() or inner[-1].isspace():
                    raise Unsupported("strong emphasis")
                out.append(f"<strong>{self._inline(inner)}</strong>")
                position = close + 2
            elif char == "[":
                position = self._bracket(source, start, out)
            elif char == "<":
                tag = _INLINE_TAG.match(source, start)
                if tag is None or "\x02" in tag.group(0):
                    raise Unsupported("'<' that starts no tag, or a tag around a formula")
                out.append(tag.group(0))
                position = tag.end()
            elif char == "&":
                entity = _ENTITY.match(source, start)
                out.append(entity.group(0) if entity else "&amp;")
                position = entity.end() if entity else start + 1
            elif char == "^" or (char == "!" and not source.startswith("![", start)):
                out.append(char)    # no extension of the site's reads a lone caret; '!' only starts an image
                position = start + 1
            else:   # _ (emphasis), ] { } ! (stray link, image or attribute syntax)
                raise Unsupported(f"character {char!r} in …{source[max(0, start - 30):start + 30]}…")
        return "".join(out)

    def _bracket(self, source: str, start: int, out: list[str]) -> int:
        footnote = FOOTNOTE_REFERENCE.match(source, start)
        if footnote:
            label = footnote.group(1)
            if label not in self.numbers:
                raise Unsupported(f"footnote without a definition {label}")
            count = self.references[label] = self.references.get(label, 0) + 1
            ref_id = f"fnref{count if count > 1 else ''}:{label}"
            self.add_id(ref_id)
            self.anchor_link(self.links.page_path, f"fn:{label}", f"#fn:{label}")
            out.append(f'<sup id="{_attr(ref_id)}"><a class="footnote-ref" href="#fn:{_attr(label)}">'
                       f'{self.numbers[label]}</a></sup>')
            return footnote.end()
        close = _closing_bracket(source, start)
        target = _LINK_TARGET.match(source, close + 1)
        if target is None or "\x02" in target.group(0):
            raise Unsupported("brackets that are not a link")
        label = source[start + 1:close]
        if not label:
            raise Unsupported("empty link text")
        href, path, fragment = self.links.resolve(target.group(1))
        self.anchor_link(path, fragment, target.group(1))
        title = f' title="{_attr(target.group(2))}"' if target.group(2) is not None else ""
        out.append(f'<a href="{_attr(href)}"{title}>{self._inline(label)}</a>')
        return target.end()


def _closing_bracket(source: str, start: int) -> int:
    position = start + 1
    while position < len(source):
        char = source[position]
        if char == "\\":
            position += 2
            continue
        if char == "[":
            raise Unsupported("nested brackets")
        if char == "]":
            return position
        position += 1
    raise Unsupported("unclosed bracket")


def _plain_text(inline_html: str) -> str:
    """A heading's text as the table of contents names it: tags dropped, entities kept."""
    return re.sub(r"<[^>]+>", "", inline_html)


# -- attribute lists -----------------------------------------------------------------------------------------

_ATTR_TOKEN = re.compile(r'\s*(?:#([\w:.-]+)|\.([\w-]+)|([\w-]+)(?:=(?:"([^"]*)"|([^\s"}]+)))?)')


def _attribute_list(source: str) -> dict[str, str]:
    """``{ #id .class key=value flag }`` → attributes (a bare key is its own value, as attr_list sets it)."""
    attributes: dict[str, str] = {}
    position = 0
    while position < len(source):
        if source[position:].strip() == "":
            break
        match = _ATTR_TOKEN.match(source, position)
        if match is None or match.end() == position:
            raise Unsupported(f"attribute list {source}")
        identifier, css_class, key, quoted, bare = match.groups()
        if identifier:
            attributes["id"] = identifier
        elif css_class:
            attributes["class"] = f'{attributes["class"]} {css_class}' if "class" in attributes else css_class
        else:
            attributes[key] = quoted if quoted is not None else bare if bare is not None else key
        position = match.end()
    return attributes


def _open_tag(tag: str, attributes: dict[str, str]) -> str:
    """A start tag as Python-Markdown serialises it: attributes sorted, a flag written bare."""
    parts = [tag]
    for key in sorted(attributes):
        value = attributes[key]
        parts.append(key if value == key else f'{key}="{_attr(value)}"')
    return "<" + " ".join(parts) + ">"


# -- blocks ------------------------------------------------------------------------------------------------

_HEADING = re.compile(r"(#{1,6}) +(.*?)(?: *\{([^{}]*)\})? *$")
_LIST_ITEM = re.compile(r"(?:(\d+)\. |- )")
_CONTAINER = re.compile(r'(!!!|\?\?\?\+?) ([\w-]+)(?: "([^"]+)")? *$')
_ATTR_LINE = re.compile(r"\{:?([^{}]*)\}\s*$")
_FOOTNOTE_DEF = re.compile(r"\[\^([^\]\s]+)\]: (.*)$")
_TABLE_RULE = re.compile(r"\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?\s*$")
_BLOCK_TAG = re.compile(r"<(figure|div|table|details|section|aside|p)(?=[\s>])([^>]*)>")
# A line that would start (or, under a paragraph, end it with) some other block in Python-Markdown or one of the
# site's extensions: a paragraph holding one is left to Python-Markdown.
_BLOCK_START = re.compile(r"#|[-*+] |\d+[.)] |\||!!!|\?\?\?|```|~~~|<|>|\[\^|\{|: |=== |[-=*_]{3,}\s*$|\$\$|\\\[|\*\[")


def _indented(lines: list[str], start: int, indent: int = 4) -> tuple[list[str], int]:
    """The lines from ``start`` that are blank or indented by ``indent``, dedented, trailing blanks dropped."""
    body, position = [], start
    while position < len(lines) and (not lines[position].strip() or lines[position].startswith(" " * indent)):
        body.append(lines[position][indent:])
        position += 1
    while body and not body[-1].strip():
        body.pop()
        position -= 1
    return body, position


class _Blocks:
    def __init__(self, page: _Page):
        self.page = page
        self.toc: list[dict] = []
        self.title: str | None = None
        self.first_block = True
        self.depth = 0
        self.headings: list[tuple[int | None, bool]] = []   # (block index at the top level, else None; excluded)

    def search_tail(self) -> int | None:
        """The top-level block from which every section to the end is excluded from search (its heading has
        ``data-search-exclude``), if any: Material's search reads nothing from there on."""
        start = None
        for index, excluded in reversed(self.headings):
            if not excluded or index is None:
                break
            start = index
        return start

    def convert(self, lines: list[str]) -> list[str]:
        self.depth += 1
        try:
            return self._convert(lines)
        finally:
            self.depth -= 1

    def _convert(self, lines: list[str]) -> list[str]:
        blocks: list[str] = []
        position = 0
        while position < len(lines):
            line = lines[position]
            if not line.strip():
                position += 1
                continue
            if line != line.lstrip():
                raise Unsupported("indented block")
            if line.startswith("#"):
                heading = self.heading(line)
                self.headings.append((len(blocks) if self.depth == 1 else None, "data-search-exclude" in
                                      heading[:heading.index(">")]))
                blocks.append(heading)
                position += 1
                self.first_block = False
                continue
            self.first_block = False
            if line.startswith(("!!! ", "??? ", "???+ ")):
                position = self.container(lines, position, blocks)
            elif _LIST_ITEM.match(line):
                position = self.bullet_list(lines, position, blocks)
            elif line.startswith("|"):
                position = self.table(lines, position, blocks)
            elif line.startswith("```"):
                position = self.fence(lines, position, blocks)
            elif line == "$$":
                position = self.formula(lines, position, blocks)
            elif line.startswith("<"):
                position = self.raw_html(lines, position, blocks)
            else:
                position = self.paragraph(lines, position, blocks)
        return blocks

    def heading(self, line: str) -> str:
        match = _HEADING.fullmatch(line)
        if match is None:
            raise Unsupported(f"heading {line}")
        level = len(match.group(1))
        attributes = _attribute_list(match.group(3)) if match.group(3) is not None else {}
        inner = self.page.inline(match.group(2))
        name = _plain_text(inner)
        identifier = attributes.get("id") or self.page.slugify(html.unescape(name), "-")
        if not identifier:
            raise Unsupported("heading without an id")
        attributes["id"] = identifier
        self.page.add_id(identifier)
        self.page.anchor_link(self.page.links.page_path, identifier, f"#{identifier}")
        token = {"level": level, "id": identifier, "name": name, "children": []}
        siblings = self.toc
        while siblings and siblings[-1]["level"] < level:
            siblings = siblings[-1]["children"]
        siblings.append(token)
        if level == 1 and self.title is None and self.first_block:
            self.title = html.unescape(name)   # MkDocs takes the title from a level-1 heading opening the page
        return (f'{_open_tag(f"h{level}", attributes)}{inner}<a class="headerlink" href="#{_attr(identifier)}" '
                f'title="Permanent link">&para;</a></h{level}>')

    def container(self, lines: list[str], position: int, blocks: list[str]) -> int:
        match = _CONTAINER.fullmatch(lines[position])
        if match is None:
            raise Unsupported(f"admonition {lines[position]}")
        marker, kind, title = match.groups()
        if title is None:
            raise Unsupported("admonition without a title")
        body, position = _indented(lines, position + 1)
        inner = self.convert(body)
        if marker == "!!!":
            head = f'<div class="admonition {_attr(kind)}">\n<p class="admonition-title">{self.page.inline(title)}</p>'
            blocks.append("\n".join([head, *inner, "</div>"]))
        else:
            opened = ' open="open"' if marker.endswith("+") else ""
            head = f'<details class="{_attr(kind)}"{opened}>\n<summary>{self.page.inline(title)}</summary>'
            blocks.append("\n".join([head, *inner, "</details>"]))
        return position

    def bullet_list(self, lines: list[str], position: int, blocks: list[str], nested: bool = False) -> int:
        """A bullet list (``- ``) or an ordered one (``1. ``). An item is loose (its text in a paragraph) when a
        blank line separates it from the item before or after it, or lies inside it: Python-Markdown decides per
        item, and so does this. An ordered list starts at its first number."""
        marker = _LIST_ITEM.match(lines[position])
        ordered = marker.group(1) is not None
        same_kind = re.compile(r"\d+\. " if ordered else r"- ")
        start_number = int(marker.group(1)) if ordered else 1
        items: list[tuple[list[str], bool]] = []          # (the item's lines, dedented; blank line before it)
        blank_before = False
        while position < len(lines) and (marker := same_kind.match(lines[position])):
            if len(marker.group(0)) > 4:
                raise Unsupported("list number of three digits or more")
            item = [lines[position][marker.end():]]
            position += 1
            while position < len(lines):
                if lines[position].startswith("    "):
                    item.append(lines[position][4:])
                    position += 1
                    continue
                if lines[position].strip():
                    break
                following = position
                while following < len(lines) and not lines[following].strip():
                    following += 1
                if following < len(lines) and lines[following].startswith("    "):
                    item += [""] * (following - position)
                    position = following
                    continue
                break
            items.append((item, blank_before))
            blank_before = False
            if position < len(lines) and not lines[position].strip():
                following = position
                while following < len(lines) and not lines[following].strip():
                    following += 1
                if following < len(lines) and same_kind.match(lines[following]):
                    blank_before, position = True, following
                elif following < len(lines) and _LIST_ITEM.match(lines[following]):
                    raise Unsupported("a list of the other kind right after a list")
            elif position < len(lines) and not same_kind.match(lines[position]):
                raise Unsupported("list followed by text without a blank line")
        rendered = []
        for index, (item, before) in enumerate(items):
            inside = "" in item
            after = index + 1 < len(items) and items[index + 1][1]
            if inside and index + 1 < len(items) and not after:
                raise Unsupported("item with blocks followed by an item without a blank line")
            first, rest = item[0], item[1:]
            sub: list[str] = []
            end = 0
            loose = inside or before or after
            if rest and _LIST_ITEM.match(rest[0]):
                end = self.bullet_list(rest, 0, sub, nested=not loose)
            elif rest and rest[0].strip():
                if not loose:
                    raise Unsupported("list item continued on another line")
                # The item's first paragraph goes on (an attribute list, more text): convert it as blocks.
                rendered.append("<li>\n" + "\n".join(self.convert(item)) + "\n</li>")
                continue
            if not loose:
                rendered.append(f"<li>{self.page.inline(first)}{sub[0] if sub else ''}</li>")
                continue
            parts = [f"<p>{self.page.inline(first)}</p>", *sub, *self.convert(rest[end:])]
            rendered.append("<li>\n" + "\n".join(parts) + "\n</li>")
        tag = "ol" if ordered else "ul"
        opening = f'<ol start="{start_number}">' if ordered and start_number != 1 else f"<{tag}>"
        blocks.append(opening + "\n" + "\n".join(rendered) + f"\n</{tag}>" + ("\n" if nested else ""))
        return position

    def table(self, lines: list[str], position: int, blocks: list[str]) -> int:
        rows = []
        while position < len(lines) and lines[position].startswith("|"):
            rows.append(lines[position])
            position += 1
        if len(rows) < 2 or not _TABLE_RULE.fullmatch(rows[1]):
            raise Unsupported("table without a header rule")
        header, rule, body = _cells(rows[0]), _cells(rows[1]), [_cells(row) for row in rows[2:]]
        if len(rule) != len(header) or any(len(row) != len(header) for row in body):
            raise Unsupported("table rows of different lengths")
        aligns = []
        for cell in rule:
            left, right = cell.startswith(":"), cell.endswith(":")
            aligns.append(' style="text-align: center;"' if left and right else ' style="text-align: left;"' if left
                          else ' style="text-align: right;"' if right else "")
        parts = ["<table>", "<thead>", "<tr>"]
        parts += [f"<th{align}>{self.page.inline(cell)}</th>" for cell, align in zip(header, aligns)]
        parts += ["</tr>", "</thead>", "<tbody>"]
        for row in body:
            parts.append("<tr>")
            parts += [f"<td{align}>{self.page.inline(cell)}</td>" for cell, align in zip(row, aligns)]
            parts.append("</tr>")
        parts += ["</tbody>", "</table>"]
        blocks.append("\n".join(parts))
        return position

    def fence(self, lines: list[str], position: int, blocks: list[str]) -> int:
        """A fenced block, converted by the adapter's ``code_block`` (the site's superfences: highlighted code, or
        a mermaid diagram). Highlighted blocks number their line anchors by their place among the page's
        highlighted blocks (``__codelineno-<block>-<line>``); ``code_block`` numbers each as the first."""
        opening = re.fullmatch(r"```([\w+-]*)", lines[position])
        if opening is None:
            raise Unsupported(f"code fence {lines[position]}")
        close = position + 1
        while close < len(lines) and lines[close] != "```":
            close += 1
        if close == len(lines) or (close + 1 < len(lines) and lines[close + 1].strip()):
            raise Unsupported("code fence not closed before a blank line")
        converted = self.page.code_block("\n".join(lines[position + 1:close]), opening.group(1))
        if "__codelineno-" in converted:
            converted = converted.replace("__codelineno-0-", f"__codelineno-{self.page.code_blocks}-")
            self.page.code_blocks += 1
        blocks.append(converted)
        return close + 1

    def formula(self, lines: list[str], position: int, blocks: list[str]) -> int:
        """A display formula between lines of ``$$`` (arithmatex, generic mode)."""
        close = position + 1
        while close < len(lines) and lines[close] != "$$":
            if not lines[close].strip():
                raise Unsupported("blank line in a formula")
            close += 1
        if close == len(lines) or close == position + 1 or (close + 1 < len(lines) and lines[close + 1].strip()):
            raise Unsupported("display formula not closed by $$ before a blank line")
        body = html.escape("\n".join(lines[position + 1:close]), quote=False)
        blocks.append(f'<div class="arithmatex">\\[\n{body}\n\\]</div>')
        return close + 1

    def raw_html(self, lines: list[str], position: int, blocks: list[str]) -> int:
        opening = _BLOCK_TAG.match(lines[position])
        if opening is None:
            raise Unsupported(f"raw HTML {lines[position][:40]}")
        tag, attributes = opening.groups()
        if re.search(r"\smarkdown(?:\s|$|=)", attributes):
            return self.markdown_in_html(lines, position, blocks, tag, attributes)
        depth, close = 0, position
        while close < len(lines):
            depth += len(re.findall(rf"<{tag}(?=[\s>])", lines[close])) - lines[close].count(f"</{tag}>")
            if depth == 0:
                break
            close += 1
        if close == len(lines) or not lines[close].endswith(f"</{tag}>") or \
                (close + 1 < len(lines) and lines[close + 1].strip()):
            raise Unsupported("raw HTML block not closed on its own line before a blank line")
        blocks.append("\n".join(lines[position:close + 1]) + "\n")
        return close + 1

    def markdown_in_html(self, lines, position, blocks, tag, attributes) -> int:
        """``<div … markdown>`` (md_in_html): the tag, its Markdown content converted, the closing tag."""
        if lines[position] != f"<{tag}{attributes}>" or tag != "div":
            raise Unsupported("markdown block with content on its opening line")
        close = position + 1
        while close < len(lines) and lines[close] != f"</{tag}>":
            if lines[close].startswith(f"<{tag}"):
                raise Unsupported("nested markdown block")
            close += 1
        if close == len(lines):
            raise Unsupported("unclosed markdown block")
        values = {}
        for key, _, quoted in re.findall(r'([\w-]+)(=(?:"([^"]*)"))?', attributes):
            if key != "markdown":
                values[key] = quoted if quoted else key
        inner = self.convert(lines[position + 1:close])
        start = "<" + " ".join([tag, *(f'{key}="{_attr(value)}"' for key, value in values.items())]) + ">"
        blocks.append("\n".join([start, *inner, f"</{tag}>"]))
        return close + 1

    def paragraph(self, lines: list[str], position: int, blocks: list[str]) -> int:
        text: list[str] = []
        while position < len(lines) and lines[position].strip():
            line = lines[position]
            if _BLOCK_START.match(line) and not (text and _ATTR_LINE.fullmatch(line)):
                raise Unsupported(f"block inside a paragraph: {line[:60]}")
            if line.endswith("  ") or line != line.lstrip():
                raise Unsupported("line break or indented line in a paragraph")
            text.append(line)
            position += 1
        attributes = {}
        if len(text) > 1 and _ATTR_LINE.fullmatch(text[-1]):
            attributes = _attribute_list(_ATTR_LINE.fullmatch(text.pop()).group(1))
        if "id" in attributes:
            self.page.add_id(attributes["id"])
        blocks.append(f"{_open_tag('p', attributes)}{self.page.inline(chr(10).join(text))}</p>")
        return position


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    cells, current, position = [], [], 0
    while position < len(row):
        char = row[position]
        if char == "\\" and position + 1 < len(row):
            current.append(row[position:position + 2])
            position += 2
            continue
        if char == "`":                      # a code span: its pipes do not split the row
            close = row.find("`", position + 1)
            if close < 0 or row.startswith("``", position) or row.startswith("``", close):
                raise Unsupported("code span in a table cell")
            current.append(row[position:close + 1])
            position = close + 1
            continue
        if char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        position += 1
    cells.append("".join(current).strip())
    return cells


def convert(markdown: str, *, links: LinkTargets, slugify: Callable[[str, str], str],
            code_block: Callable[[str, str], str]) -> ConvertedSubset | None:
    """The page's HTML, table of contents, ids and links to anchors; None when the Markdown is outside the subset.

    ``slugify(text, separator)`` makes a heading's id from its text where it has no ``{ #id }``;
    ``code_block(code, language)`` returns the highlighted HTML of a fenced block.
    """
    lines = markdown.split("\n")
    if lines and lines[0] == "---":
        return None                                   # front matter: MkDocs' business
    body, footnotes = [], {}
    for line in lines:
        definition = _FOOTNOTE_DEF.fullmatch(line)
        if definition:
            if definition.group(1) in footnotes:
                return None
            footnotes[definition.group(1)] = definition.group(2)
        else:
            body.append(line)
    page = _Page(links, slugify, code_block, footnotes)
    converter = _Blocks(page)
    try:
        blocks = converter.convert(body)
        tail = converter.search_tail()
        if tail is not None:
            blocks[tail] = SEARCH_EXCLUDED_TAIL + blocks[tail]
        if footnotes:
            blocks.append(_footnote_list(page))
    except Unsupported:
        return None
    if any(label not in page.references for label in footnotes):
        return None                                   # a definition nobody cites: Python-Markdown lists it oddly
    return ConvertedSubset(html="\n".join(blocks), title=converter.title, toc=converter.toc,
                         anchors=page.ids | html_anchors(markdown),
                         links_to_anchors=page.links_to_anchors)


_REFERENCE_ID = re.compile(r'<sup id="fnref(\d*):([^"]+)">')


def references_in_reading_order(page_html: str) -> str:
    """Number a page's repeated citations of one source fnref, fnref2, … in reading order.

    Python-Markdown numbers them in the order its inline processor meets them (every top-level block first, then
    the nested ones, last container first), so "jump back" led to a citation far down the page first. This
    module numbers in reading order; the build puts every page through this, so that a page reads the same
    whichever converter made it."""
    if '<sup id="fnref' not in page_html:
        return page_html
    counts: dict[str, int] = {}

    def renumbered(match: re.Match) -> str:
        label = match.group(2)
        count = counts[label] = counts.get(label, 0) + 1
        return f'<sup id="fnref{count if count > 1 else ""}:{label}">'
    return _REFERENCE_ID.sub(renumbered, page_html)


_START_TAG = re.compile(r"<([A-Za-z][\w:-]*)"
                        r"((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>")
_TAG_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def html_anchors(markdown: str) -> set[str]:
    """The ids (and ``<a name>``) of every tag written in the page's Markdown, code included: what MkDocs' raw
    HTML scan counts among the page's anchors, besides those the conversion makes."""
    anchors = set()
    if "<" not in markdown:
        return anchors
    for tag in _START_TAG.finditer(markdown):
        for key, double, single, bare in _TAG_ATTRIBUTE.findall(tag.group(2)):
            key = key.lower()
            if key == "id" or (key == "name" and tag.group(1).lower() == "a"):
                anchors.add(html.unescape(double or single or bare))
    return anchors


def _footnote_list(page: _Page) -> str:
    items = []
    for label, definition in page.footnotes.items():
        number = page.numbers[label]
        page.add_id(f"fn:{label}")
        backrefs = []
        for count in range(1, page.references.get(label, 0) + 1):
            ref = f"fnref{count if count > 1 else ''}:{label}"
            page.anchor_link(page.links.page_path, ref, f"#{ref}")
            backrefs.append(f'<a class="footnote-backref" href="#{_attr(ref)}" '
                            f'title="Jump back to footnote {number} in the text">&#8617;</a>')
        items.append(f'<li id="fn:{_attr(label)}">\n<p>{page.inline(definition)}&#160;{"".join(backrefs)}</p>\n</li>')
    return '<div class="footnote">\n<hr />\n<ol>\n' + "\n".join(items) + "\n</ol>\n</div>"
