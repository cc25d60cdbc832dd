"""Numbers, dates and facts formatted for a language (zh: 1750 亿, 2020 年 5 月 28 日; en: 175B, 28 May 2020).

Registry values are plain numbers in base units and dates as ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` strings;
everything a reader sees is produced here. ``format_fact`` never returns a bare number for a value that was
not reported as such: undisclosed, estimated, disputed and approximate values are always marked.
"""

from __future__ import annotations

from followgpt.cjk import CJK_RANGES, is_cjk

import datetime
from typing import Callable

from .labels import MONTHS_EN, STATUS, label, text

Cite = Callable[[str], str]

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")

# (divisor, suffix) from the largest down.
_ZH_COUNT_UNITS = ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"))
_EN_COUNT_UNITS = ((10**12, "T"), (10**9, "B"), (10**6, "M"))
_BYTE_UNITS = ((10**15, "PB"), (10**12, "TB"), (10**9, "GB"), (10**6, "MB"), (10**3, "KB"))


def _trim(number: float) -> str:
    """At most three significant digits after the point, never rounding the integer part; no trailing zeros."""
    magnitude = abs(number)
    decimals = 0 if magnitude >= 100 else 1 if magnitude >= 10 else 2
    if magnitude and magnitude < 1:
        decimals = 3
    rendered = f"{number:.{decimals}f}"
    if "." in rendered:
        rendered = rendered.rstrip("0").rstrip(".")
    return rendered


def _plain_integer(value: float, lang: str) -> str:
    if float(value).is_integer():
        whole = int(value)
        return f"{whole:,}" if lang == "en" else str(whole)
    return _trim(value)


def format_count(value: float, lang: str) -> str:
    """175000000000 → '1750 亿' / '175B'; 124000000 → '1.24 亿' / '124M'; 12288 → '12288' / '12,288'."""
    magnitude = abs(value)
    if lang == "zh":
        if magnitude >= 10**5:
            for divisor, suffix in _ZH_COUNT_UNITS:
                if magnitude >= divisor:
                    return f"{_trim(value / divisor)} {suffix}"
        return _plain_integer(value, lang)
    for divisor, suffix in _EN_COUNT_UNITS:
        if magnitude >= divisor:
            return f"{_trim(value / divisor)}{suffix}"
    return _plain_integer(value, lang)


def format_tokens(value: float, lang: str) -> str:
    """3e11 → '3000 亿个词元' / '300B tokens'; 8192 → '8192 个词元' / '8,192 tokens' (词元 is the glossary's term)."""
    count = format_count(value, lang)
    if lang == "zh":
        return f"{count}个词元" if is_cjk(count[-1]) else f"{count} 个词元"
    return f"{count} tokens"


def format_bytes(value: float, lang: str) -> str:
    for divisor, suffix in _BYTE_UNITS:
        if abs(value) >= divisor:
            return f"{_trim(value / divisor)} {suffix}"
    return f"{_plain_integer(value, lang)} B"


def format_flops(value: float, lang: str) -> str:
    """3.14e23 → '3.14 × 10²³' (both languages)."""
    if value == 0:
        return "0"
    mantissa, exponent = f"{value:.2e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    power = "10" + str(int(exponent)).translate(_SUPERSCRIPT)
    return power if mantissa == "1" else f"{mantissa} × {power}"


def format_usd(value: float, lang: str) -> str:
    if abs(value) < 10**4:
        rendered = f"{value:,.4f}".rstrip("0").rstrip(".") if not float(value).is_integer() else f"{int(value):,}"
        if lang == "zh":
            rendered = rendered.replace(",", "")
        return f"${rendered}"
    if lang == "zh":
        return f"{format_count(value, lang)}美元"  # '460 万美元': no space between CJK characters
    return f"${format_count(value, lang)}"


def date_string(value) -> str:
    """Normalise a registry date (string, int year from YAML, or datetime.date) to YYYY[-MM[-DD]]."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def date_parts(value) -> tuple[int, int | None, int | None]:
    pieces = [int(piece) for piece in date_string(value).split("-")]
    pieces += [None] * (3 - len(pieces))
    return pieces[0], pieces[1], pieces[2]


def date_sort_key(value) -> tuple[int, int, int]:
    year, month, day = date_parts(value)
    return year, month or 0, day or 0


def year_of(value) -> int:
    return date_parts(value)[0]


def format_date(value, lang: str) -> str:
    """'2020-05-28' → '2020 年 5 月 28 日' / '28 May 2020'; '2020-05' → '2020 年 5 月' / 'May 2020'."""
    year, month, day = date_parts(value)
    if lang == "zh":
        rendered = f"{year} 年"
        if month:
            rendered += f" {month} 月"
            if day:
                rendered += f" {day} 日"
        return rendered
    if not month:
        return str(year)
    if not day:
        return f"{MONTHS_EN[month - 1]} {year}"
    return f"{day} {MONTHS_EN[month - 1]} {year}"


_FORMATTERS = {
    "count": format_count,
    "tokens": format_tokens,
    "bytes": format_bytes,
    "flops": format_flops,
    "usd": format_usd,
    "date": format_date,
}


def format_value(value, unit: str, lang: str) -> str:
    """One value in ``unit`` (date/count/tokens/bytes/flops/usd) for ``lang``, without any status marks."""
    if unit == "date":
        return format_date(value, lang)
    return _FORMATTERS[unit](value, lang)


def _cite(cite: Cite | None, source: str | None) -> str:
    return cite(source) if cite and source else ""


def join_words(items: list[str], word: str, lang: str) -> str:
    """Join with a conjunction; in Chinese a space only where the neighbour is a Latin letter or digit
    (8192 个词元或 32768 个词元, 1750 亿或 GPT-3)."""
    if lang != "zh":
        return f" {word} ".join(items)
    joined = items[0] if items else ""
    for item in items[1:]:
        left = " " if joined and not is_cjk(joined[-1]) else ""
        right = " " if item and not is_cjk(item[0]) else ""
        joined += f"{left}{word}{right}{item}"
    return joined


def _join_cite(rendered: str, citation: str) -> str:
    """A footnote mark right after a superscript (10²³) would read as more exponent (10²³¹): keep a thin space."""
    if citation and rendered and rendered[-1] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
        return rendered + "\u2009" + citation
    return rendered + citation


def _claims(fact: dict) -> list[dict]:
    claims = list(fact.get("claims") or [])
    if "value" in fact and all(claim.get("value") != fact["value"] for claim in claims):
        claims.insert(0, {"value": fact["value"], "source": fact.get("source")})
    return claims


def format_fact(fact: dict, unit: str, lang: str, cite: Cite | None = None) -> str:
    """A registry fact for display, its status visible.

    ``cite(source_id)`` returns the citation to append (a footnote reference); without it the result is plain text.
    Disputed facts cite each claim; every other status cites the fact's source once at the end.
    """
    status = fact.get("status", "reported")
    if status == "undisclosed":
        return label(STATUS, "undisclosed", lang) + _cite(cite, fact.get("source"))
    if status == "disputed":
        claims = [format_value(claim["value"], unit, lang) + _cite(cite, claim.get("source"))
                  for claim in _claims(fact)]
        return text("disputed", lang).format(claims=join_words(claims, text("or", lang).strip(), lang))
    value = format_value(fact["value"], unit, lang)
    if status == "estimated":
        rendered = text("estimate", lang).format(value=value, by=fact.get("estimated_by", "?"))
    elif fact.get("approx"):
        rendered = text("approx", lang).format(value)
    else:
        rendered = value
    return _join_cite(rendered, _cite(cite, fact.get("source")))


def fact_sort_value(fact: dict | None, unit: str):
    """A number (or date key) to sort by; None for facts without a value (undisclosed, missing)."""
    if not fact:
        return None
    value = fact.get("value")
    if value is None and fact.get("claims"):
        value = fact["claims"][0].get("value")
    if value is None:
        return None
    return date_sort_key(value) if unit == "date" else float(value)


def format_tables() -> dict:
    """The tables ``format_value`` uses, as data: the site's compare page formats numbers in the browser with
    exactly these (published in ``api/models.json``), so there is one source of units and month names."""
    return {
        "count_units": {"zh": [list(unit) for unit in _ZH_COUNT_UNITS], "en": [list(unit) for unit in _EN_COUNT_UNITS]},
        "count_min": {"zh": 10**5, "en": 0},     # below this a count is written out in full
        "byte_units": [list(unit) for unit in _BYTE_UNITS],
        "months_en": list(MONTHS_EN),
        "cjk_ranges": [list(pair) for pair in CJK_RANGES],
    }


def plotted_value(fact: dict | None):
    """The number a figure may draw for a fact: its value (or first claim) when positive; None for an undisclosed
    or missing value, so an estimate is never drawn as if it were the figure."""
    if not fact or fact.get("status") == "undisclosed":
        return None
    value = fact.get("value")
    if value is None and fact.get("claims"):
        value = fact["claims"][0].get("value")
    return value if value and value > 0 else None
