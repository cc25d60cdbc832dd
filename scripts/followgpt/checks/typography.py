"""Typography, characters and headings: ZH-SPACE-*, ZH-PUNCT-*, EN-PUNCT-1, CHAR-*, HEAD-*, FM-2.

The rules look at a line's prose view (see :mod:`followgpt.checks.markdown`), so code, math, URLs, link targets,
markers and HTML never trigger them. ZH-PUNCT-* and ZH-SPACE-2 apply to Chinese pages; EN-PUNCT-1 to English
ones; ZH-SPACE-1 and CHAR-* to both (Chinese names inside English text still need their spaces).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from .findings import Finding, quote
from .markdown import BOUNDARY, Page, is_cjk

FULL_WIDTH_PUNCT = set("，。、；：！？（）【】《》「」『』“”")
_CLOSING_FULL_WIDTH = set("，。、；：！？）】》」』”")
_EN_FORBIDDEN = set("，。、；：！？（）【】《》「」『』")
_HALF_TO_FULL = {",": "，", ".": "。", ":": "：", ";": "；", "!": "！", "?": "？"}
_ALLOWED_FULL_WIDTH_FORMS = set("！（），：；？～")
_INVISIBLE = {
    "\u00a0": "no-break space", "\u00ad": "soft hyphen", "\u1680": "ogham space", "\u180e": "Mongolian vowel separator",
    "\u2028": "line separator", "\u2029": "paragraph separator", "\u202f": "narrow no-break space",
    "\u205f": "medium mathematical space", "\u3000": "ideographic (full-width) space", "\ufeff": "byte-order mark",
    **{chr(code): "unusual space or invisible character" for code in range(0x2000, 0x2010)},
    **{chr(code): "bidirectional control character" for code in range(0x202A, 0x202F)},
    **{chr(code): "invisible operator" for code in range(0x2060, 0x2065)},
}
# Letters from other scripts that look exactly like Latin ones (PDF copy-paste, input methods).
_LATIN_LOOKALIKES = {
    **dict(zip("АВЕКМНОРСТУХаеорсухіјѕԁԛԝ", "ABEKMHOPCTYXaeopcyxijsdqw")),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοι", "ABEZHIKMNOPTYXoi")),
}
_ANCHOR = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _latin(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "%")


def _run(view: str, index: int, step: int, test, limit: int) -> str:
    """Characters from ``index`` going ``step`` while ``test`` holds, at most ``limit``."""
    chars = []
    while 0 <= index < len(view) and test(view[index]) and len(chars) < limit:
        chars.append(view[index])
        index += step
    return "".join(reversed(chars)) if step < 0 else "".join(chars)


def _neighbour(view: str, index: int, step: int) -> str:
    """The nearest character that is not a space, going ``step`` from ``index`` (exclusive); '' at a boundary."""
    index += step
    while 0 <= index < len(view) and view[index] == " ":
        index += step
    if 0 <= index < len(view) and view[index] != BOUNDARY:
        return view[index]
    return ""


def _around(view: str, start: int, end: int, width: int = 6) -> tuple[int, int]:
    """A few characters either side of ``start:end``, not crossing a boundary."""
    left = view[max(0, start - width): start].split(BOUNDARY)[-1]
    right = view[end: end + width].split(BOUNDARY)[0]
    a, b = start - len(left), end + len(right)
    # Do not cut a Latin word in half.
    def inside(char: str) -> bool:
        return _word_char(char) or char in "-._/+%"

    while 0 < a < start and inside(view[a - 1]) and inside(view[a]) and start - a < 3 * width:
        a -= 1
    while end < b < len(view) and inside(view[b - 1]) and inside(view[b]) and b - end < 3 * width:
        b += 1
    while a < start and view[a] == " ":
        a += 1
    while b > end and view[b - 1] == " ":
        b -= 1
    return a, b


def _context(page: Page, number: int, view: str, start: int, end: int, width: int = 6) -> str:
    """The source text around view characters ``start:end``, for messages."""
    a, b = _around(view, start, end, width)
    return page.source(number, a, b)


def check_typography(page: Page) -> Iterator[Finding]:
    chinese = page.lang == "zh"
    english = page.lang == "en"
    for number, view, cols in page.prose_lines():
        yield from _zh_space_1(page, number, view, cols)
        if chinese:
            yield from _zh_space_2(page, number, view, cols)
            yield from _zh_punct_1(page, number, view, cols)
            yield from _zh_punct_2(page, number, view, cols)
            yield from _zh_punct_3(page, number, view, cols)
        if english:
            yield from _en_punct_1(page, number, view, cols)
        yield from _characters(page, number, view, cols, english)


def _zh_space_1(page, number, view, cols):
    for index in range(len(view) - 1):
        a, b = view[index], view[index + 1]
        if (is_cjk(a) and _latin(b)) or (_latin(a) and is_cjk(b)):
            cjk_first = is_cjk(a)
            left = len(_run(view, index, -1, is_cjk if cjk_first else _latin_word, 4 if cjk_first else 12))
            right = len(_run(view, index + 1, 1, _latin_word if cjk_first else is_cjk, 12 if cjk_first else 4))
            left_src = page.source(number, index + 1 - left, index + 1)
            right_src = page.source(number, index + 1, index + 1 + right)
            yield page.finding(
                number, "ZH-SPACE-1", "no space between Chinese and Latin letters or digits in "
                f"{quote(page.source(number, index + 1 - left, index + 1 + right), 60)}",
                f"add a space between {quote(left_src, 50)} and {quote(right_src, 50)}", cols[index + 1] + 1)


def _latin_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "%-._+/")


def _zh_space_2(page, number, view, cols):
    for match in re.finditer(r" +", view):
        start, end = match.start(), match.end()
        if start == 0 or end == len(view):
            continue
        left, right = view[start - 1], view[end]
        if BOUNDARY in (left, right):
            continue
        if left in FULL_WIDTH_PUNCT or right in FULL_WIDTH_PUNCT:
            after = left in FULL_WIDTH_PUNCT
            _, starts, ends = page.view(number)
            line = page.lines[number - 1]
            # The mark with any emphasis markers between it and the space: 。** or **“
            mark = line[starts[start - 1]: starts[start]] if after else line[ends[end - 1]: ends[end]]
            mark = mark.strip() or (left if after else right)
            yield page.finding(
                number, "ZH-SPACE-2", f"space {'after' if after else 'before'} full-width {quote(left if after else right)} in "
                f"{quote(_context(page, number, view, start, end), 60)}",
                f"delete the space {'after' if after else 'before'} {quote(mark)}", cols[start] + 1)


def _zh_punct_1(page, number, view, cols):
    index = 0
    while index < len(view):
        char = view[index]
        if char in ",;:!?":
            before, after = _neighbour(view, index, -1), _neighbour(view, index, 1)
            if is_cjk(before) or before in _CLOSING_FULL_WIDTH or is_cjk(after):
                yield page.finding(
                    number, "ZH-PUNCT-1", f"half-width {quote(char)} in Chinese text "
                    f"{quote(_context(page, number, view, index, index + 1), 60)}",
                    f"use the full-width {quote(_HALF_TO_FULL[char])}",
                    cols[index] + 1)
        elif char == "." and index > 0 and (is_cjk(view[index - 1]) or view[index - 1] in _CLOSING_FULL_WIDTH):
            dots = len(_run(view, index, 1, lambda c: c == ".", 10))
            fix = "use “……” (two ellipsis characters)" if dots >= 3 else "use the full-width “。”"
            yield page.finding(number, "ZH-PUNCT-1", f"half-width {quote('.' * dots)} in Chinese text "
                               f"{quote(_context(page, number, view, index, index + dots), 60)}", fix, cols[index] + 1)
            index += dots
            continue
        index += 1


def _zh_punct_2(page, number, view, cols):
    index = 0
    while index < len(view):
        if view[index] != "(":
            index += 1
            continue
        depth, close = 0, -1
        for position in range(index, len(view)):
            if view[position] == BOUNDARY:
                break
            if view[position] == "(":
                depth += 1
            elif view[position] == ")":
                depth -= 1
                if depth == 0:
                    close = position
                    break
        inside = view[index + 1: close] if close >= 0 else ""
        chinese = (any(is_cjk(c) for c in inside) or is_cjk(_neighbour(view, index, -1))
                   or (close >= 0 and is_cjk(_neighbour(view, close, 1))))
        if chinese:
            shown = _context(page, number, view, index, close + 1, 3) if close >= 0 \
                else _context(page, number, view, index, index + 1)
            yield page.finding(
                number, "ZH-PUNCT-2", f"half-width parentheses in Chinese text {quote(shown, 60)}",
                "use full-width （）, with no spaces around them", cols[index] + 1)
        index = close + 1 if close >= 0 else index + 1


def _zh_punct_3(page, number, view, cols):
    for quote_char, fix in (('"', "“…”"), ("'", "‘…’ (or “…”)")):
        positions = [i for i, c in enumerate(view) if c == quote_char]
        if quote_char == "'":
            # An apostrophe inside a word (OpenAI's) is not a quotation mark.
            positions = [i for i in positions if not (0 < i < len(view) - 1 and view[i - 1].isalnum()
                                                       and view[i + 1].isalnum())]
        for first, second in zip(positions[::2], positions[1::2]):
            inside = view[first + 1: second]
            if BOUNDARY in inside:
                continue
            if any(is_cjk(c) for c in inside) or is_cjk(_neighbour(view, first, -1)) \
                    or is_cjk(_neighbour(view, second, 1)):
                yield page.finding(
                    number, "ZH-PUNCT-3", "straight quotes in Chinese text "
                    f"{quote(page.source(number, first, second + 1), 60)}", f"use {fix}", cols[first] + 1)


def _en_punct_1(page, number, view, cols):
    for index, char in enumerate(view):
        if char not in _EN_FORBIDDEN:
            continue
        before = view[index - 1] if index else ""
        after = view[index + 1] if index + 1 < len(view) else ""
        if is_cjk(before) or is_cjk(after):
            continue  # part of quoted Chinese text
        half = unicodedata.normalize("NFKC", char)
        replacement = {"。": ".", "、": ",", "【": "[", "】": "]", "《": "“", "》": "”", "「": "“", "」": "”",
                       "『": "‘", "』": "’"}.get(char, half)
        yield page.finding(number, "EN-PUNCT-1", f"full-width {quote(char)} in English text "
                           f"{quote(_context(page, number, view, index, index + 1), 60)}", f"use {quote(replacement)}",
                           cols[index] + 1)


def _characters(page, number, view, cols, english):
    for index, char in enumerate(view):
        code = ord(char)
        if char in _INVISIBLE:
            yield page.finding(number, "CHAR-3", f"{_INVISIBLE[char]} U+{code:04X} in "
                               f"{quote(''.join('⍽' if c in _INVISIBLE else c for c in _context(page, number, view, index, index + 1)))} "
                               "(shown as ⍽)",
                               "replace it with an ordinary space or delete it", cols[index] + 1)
        elif (0xFF01 <= code <= 0xFF5E and (english or char not in _ALLOWED_FULL_WIDTH_FORMS)
              and not (english and char in _EN_FORBIDDEN)) or 0xFF5F <= code <= 0xFF65 or 0xFFE0 <= code <= 0xFFE6:
            plain = unicodedata.normalize("NFKC", char)
            yield page.finding(number, "CHAR-1", f"full-width {quote(char)} (U+{code:04X}) in "
                               f"{quote(_context(page, number, view, index, index + 1))}", f"type {quote(plain)}",
                               cols[index] + 1)
        elif 0x2E80 <= code <= 0x2FDF or ((0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F)
                                          and unicodedata.normalize("NFKC", char) != char):
            plain = unicodedata.normalize("NFKC", char)
            kind = ("Kangxi radical" if 0x2F00 <= code <= 0x2FDF else "CJK radical" if code < 0x2F00
                    else "compatibility ideograph")
            fix = f"type the ordinary character {quote(plain)} (U+{ord(plain[0]):04X})" if plain != char \
                else "type the ordinary character it looks like"
            yield page.finding(number, "CHAR-2", f"{kind} {quote(char)} (U+{code:04X}) looks like an ordinary "
                               f"character in {quote(_context(page, number, view, index, index + 1))}", fix,
                               cols[index] + 1)
        elif char in _LATIN_LOOKALIKES:
            before = view[index - 1] if index else ""
            after = view[index + 1] if index + 1 < len(view) else ""
            if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
                script = "Cyrillic" if 0x0400 <= code <= 0x052F else "Greek"
                word = _run(view, index, -1, _word_char, 12) + _run(view, index + 1, 1, _word_char, 12)
                yield page.finding(number, "CHAR-2", f"{script} {quote(char)} (U+{code:04X}) inside the Latin word "
                                   f"{quote(word)}", f"type the Latin letter {quote(_LATIN_LOOKALIKES[char])}",
                                   cols[index] + 1)


def _word_char(char: str) -> bool:
    return char.isalnum() and not is_cjk(char)


# -- headings and front matter -------------------------------------------------------------------------------


def check_headings(page: Page) -> Iterator[Finding]:
    h1 = [heading for heading in page.headings if heading.level == 1]
    if not h1:
        yield page.finding(page.body_start + 1, "HEAD-3", "the page has no H1 title",
                           "start the page with '# Title' (the navigation and the browser tab use it)")
    else:
        if page.headings[0].level != 1:
            yield page.finding(page.headings[0].line, "HEAD-3", "a section heading comes before the page's H1",
                               "put the '# Title' line first")
        for extra in h1[1:]:
            yield page.finding(extra.line, "HEAD-3", f"second H1 {quote(extra.text)} (a page has one title)",
                               "make it a '##' section with an anchor")
    seen: dict[str, int] = {}
    previous = 1
    for heading in page.headings:
        if heading.level > previous + 1:
            yield page.finding(heading.line, "HEAD-4", f"heading level jumps from h{previous} to h{heading.level} "
                               f"at {quote(heading.text)}", f"use {'#' * (previous + 1)} here", heading.col)
        previous = heading.level
        if heading.level == 1:
            continue
        if heading.anchor is None:
            yield page.finding(heading.line, "HEAD-1", f"heading {quote(heading.text)} has no explicit anchor",
                               "end it with { #some-id }, the same id in both languages", heading.col)
            continue
        if not _ANCHOR.match(heading.anchor):
            slug = re.sub(r"[^a-z0-9]+", "-", heading.anchor.lower()).strip("-") or "section"
            yield page.finding(heading.line, "HEAD-2", f"anchor #{heading.anchor} is not a lowercase ASCII slug",
                               f"use letters, digits and hyphens, e.g. {{ #{slug} }}", heading.col)
        if heading.anchor in seen:
            yield page.finding(heading.line, "HEAD-2", f"anchor #{heading.anchor} is already used on line "
                               f"{seen[heading.anchor]}", "give this heading its own id", heading.col)
        else:
            seen[heading.anchor] = heading.line


def check_front_matter(page: Page) -> Iterator[Finding]:
    if page.meta_error:
        line, message = page.meta_error
        yield page.finding(line, "FM-1", message, "fix the YAML between the '---' lines (MkDocs would otherwise "
                           "show it as text)")
        return
    if page.lang and not str(page.meta.get("description") or "").strip():
        yield page.finding(1, "FM-2", "the page has no description",
                           "add 'description: <one sentence>' to the front matter (search engines, link previews)")
