"""Freshness: FM-3 (the ``reviewed:`` date in the front matter) and FRESH-1 (pages that state facts that age say
when they were last reviewed).

A page "states facts that age" when it

- quotes an availability or price fact (``<!-- followgpt:fact <model>.api_date -->``, ``….price_…``),
- shows a table with an ``access`` or ``price_…`` column, or
- says in its prose that something holds now: 目前, 现在, 如今, 至今, 迄今 / currently, at present,
  nowadays, to date, the latest (words in code spans, links' targets and comments do not count;
  现在 inside 出现在, 表现在 and the like is not "now").

Such a page carries ``reviewed: YYYY-MM-DD`` in its front matter: the day someone last checked its time-sensitive
statements against current sources. The site shows that date on the page ("最后审阅" / "Last reviewed").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from .findings import Finding
from .markdown import Page

AGEING_WORDS = {
    "zh": ("目前", "现在", "如今", "至今", "迄今"),
    "en": ("currently", "at present", "nowadays", "to date", "the latest"),
}
# 现在 inside 出现在, 表现在, 体现在, 实现在, 呈现在 is not "now".
_NOT_NOW = re.compile(r"[出表体实呈]现在")
_AGEING_FACT = re.compile(r"<!--\s*followgpt:fact\s+(?P<ref>[^\s>]+\.(?:api_date|price_[a-z0-9_]+))\s*-->")
_AGEING_TABLE = re.compile(r"<!--\s*followgpt:table\b[^>]*\bcolumns=(?P<columns>[^\s>]+)")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INLINE_CODE = re.compile(r"(`+).*?\1")


def reviewed_date(page: Page) -> dt.date | None:
    """The page's ``reviewed:`` date, or None when it is missing or not a valid date."""
    value = page.meta.get("reviewed")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def ageing_reason(page: Page) -> tuple[int, str] | None:
    """(line, what) of the first statement on the page that ages, or None."""
    for number, line in enumerate(page.lines, start=1):
        if number <= page.body_start or page.kind[number - 1] == "code":
            continue
        line = _INLINE_CODE.sub("", line)   # a marker shown as `code` is an example, not a use
        fact = _AGEING_FACT.search(line)
        if fact:
            return number, f"it quotes the fact {fact.group('ref')}"
        table = _AGEING_TABLE.search(line)
        if table:
            ageing = [column for column in table.group("columns").strip("\"'").split(",")
                      if column == "access" or column.startswith("price_")]
            if ageing:
                return number, f"its table shows the column {ageing[0]}"
    words = AGEING_WORDS.get(page.lang or "", ())
    for number, view, _ in page.prose_lines():
        if number <= page.body_start:
            continue  # the description summarises the page; its body decides
        lowered = _NOT_NOW.sub("", view.lower())
        for word in words:
            if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])" if word.isascii() else re.escape(word), lowered):
                return number, f"it says “{word}”"
    return None


def check_freshness(page: Page, today: dt.date | None = None) -> Iterator[Finding]:
    if page.meta_error or not page.lang:
        return
    today = today or dt.date.today()
    line = page.meta_lines.get("reviewed", 1)
    if "reviewed" in page.meta:
        date = reviewed_date(page)
        if date is None:
            yield page.finding(line, "FM-3", f"reviewed: {page.meta['reviewed']!r} is not a date",
                               "write the day of the review as YYYY-MM-DD, e.g. reviewed: 2026-12-05")
        elif date > today:
            yield page.finding(line, "FM-3", f"reviewed: {date.isoformat()} is in the future",
                               "write the day the page was actually reviewed")
        return
    reason = ageing_reason(page)
    if reason:
        number, what = reason
        yield page.finding(1, "FRESH-1", f"the page states facts that age ({what}, line {number}) but has no "
                           "reviewed: date",
                           "check its time-sensitive statements against current sources, then add "
                           "'reviewed: YYYY-MM-DD' to the front matter")
