"""Sentences about a record that several views print: lifecycle lines, access with retirement, licence terms,
modalities, reasoning, dated values, third-party estimates and the dates of a lineage edge.

Each function returns Markdown text for one language; ``cite`` (optional) turns a source id into a footnote mark.
Availability comes from ``Registry.retirement`` (core), so tables, pages and exports agree on what is retired.
"""

from __future__ import annotations

import re
from typing import Callable

from followgpt.cjk import CJK_CLASS

from .escape import markdown_text
from .format import format_date, format_value
from .labels import (ACCESS, AVAILABILITY, LIFECYCLE_EVENTS, LIFECYCLE_SCOPES, MODALITIES, PERMISSION, REASONING,
                     bilingual, label, text)

Cite = Callable[[str], str]

_CJK_THEN_LATIN = re.compile(f"([{CJK_CLASS}])([A-Za-z0-9])")
_LATIN_THEN_CJK = re.compile(f"([A-Za-z0-9%])([{CJK_CLASS}])")


def cjk_spaced(value: str) -> str:
    """A space between CJK and Latin letters or digits (the site's Chinese typography convention)."""
    return _LATIN_THEN_CJK.sub(r"\1 \2", _CJK_THEN_LATIN.sub(r"\1 \2", value))


def _cite(cite: Cite | None, source: str | None) -> str:
    return cite(source) if cite and source else ""


def lifecycle_line(event: dict, lang: str, cite: Cite | None = None) -> str:
    """'2024 年 1 月 4 日从 API 下线' / '4 January 2024: retired from the API', with the snapshot and source."""
    kind = event.get("event", "")
    template = label(LIFECYCLE_EVENTS, kind, lang) if kind in LIFECYCLE_EVENTS else "{date}: " + kind + " ({scope})"
    line = template.format(date=format_date(event["date"], lang), scope=label(LIFECYCLE_SCOPES, event.get("scope", ""), lang),
                           to=markdown_text(bilingual(event.get("to"), lang)))
    if lang == "zh":
        line = cjk_spaced(line)
    if event.get("snapshot"):
        line += f"（`{event['snapshot']}`）" if lang == "zh" else f" (`{event['snapshot']}`)"
    if event.get("note"):
        note = markdown_text(bilingual(event["note"], lang))
        line += f"：{note}" if lang == "zh" else f": {note}"
    return line + _cite(cite, event.get("source"))


def access_text(registry, model_id: str, lang: str) -> str:
    """The record's access, marked retired (with the date) when its lifecycle retired it in that scope."""
    access = registry.models[model_id].get("access")
    shown = label(ACCESS, access, lang) if access else ""
    retired = registry.retirement(model_id)
    if retired is None:
        return shown or text("missing", lang)
    if not shown:
        shown = label(AVAILABILITY, "retired", lang)
        return f"{shown}（{format_date(retired['date'], lang)}）" if lang == "zh" else \
            f"{shown} ({format_date(retired['date'], lang)})"
    rendered = text("retired_access", lang).format(access=shown, date=format_date(retired["date"], lang))
    return cjk_spaced(rendered) if lang == "zh" else rendered


def status_text(registry, model_id: str, lang: str) -> str:
    """'可用' / 'available', or '已退役（2024 年 1 月 4 日）' / 'retired (4 January 2024)'."""
    retired = registry.retirement(model_id)
    if retired is None:
        return label(AVAILABILITY, "available", lang)
    date = format_date(retired["date"], lang)
    return f"{label(AVAILABILITY, 'retired', lang)}（{date}）" if lang == "zh" else \
        f"{label(AVAILABILITY, 'retired', lang)} ({date})"


def license_terms(licence: dict, lang: str) -> str:
    return text("license_terms", lang).format(
        commercial=label(PERMISSION, licence.get("commercial_use", "unspecified"), lang),
        outputs=label(PERMISSION, licence.get("use_outputs_to_train", "unspecified"), lang))


def license_name(licence: dict, lang: str) -> str:
    return bilingual(licence.get("name"), lang) or licence.get("id", "")


def modalities_text(modalities: dict, lang: str) -> str:
    joiner = text("list_joiner", lang)
    parts = []
    for side in ("input", "output"):
        items = joiner.join(label(MODALITIES, item, lang) for item in modalities.get(side) or [])
        if items:
            parts.append(f"{text(side, lang)}：{items}" if lang == "zh" else f"{text(side, lang)}: {items}")
    return ("；" if lang == "zh" else "; ").join(parts)


def reasoning_text(value: str, lang: str) -> str:
    return label(REASONING, value, lang)


def since_text(fact: dict, lang: str) -> str:
    """'（2023 年 4 月 6 日起）' / ' (since 6 April 2023)' for a dated value, else ''."""
    if not fact.get("since"):
        return ""
    return text("since", lang).format(date=format_date(fact["since"], lang))


def earlier_texts(fact: dict, unit: str, lang: str, cite: Cite | None = None) -> list[str]:
    """One 'before: value (until date)' per earlier value, newest first (the order a reader walks back in)."""
    lines = []
    for item in reversed(fact.get("earlier") or []):
        rendered = text("earlier", lang).format(value=format_value(item["value"], unit, lang),
                                                date=format_date(item["until"], lang))
        if item.get("where"):
            rendered += text("where", lang).format(markdown_text(item["where"]))
        if item.get("note"):
            rendered += text("where", lang).format(markdown_text(bilingual(item["note"], lang)))
        lines.append(rendered + _cite(cite, item.get("source")))
    return lines


def estimate_texts(fact: dict, unit: str, lang: str, cite: Cite | None = None) -> list[str]:
    """Attributed third-party estimates, each marked as not the official figure."""
    lines = []
    for estimate in fact.get("estimates") or []:
        rendered = text("estimate_by", lang).format(by=markdown_text(estimate.get("estimated_by", "?")),
                                                    date=format_date(estimate["date"], lang),
                                                    value=format_value(estimate["value"], unit, lang))
        if estimate.get("method"):
            method = text("method", lang).format(markdown_text(bilingual(estimate["method"], lang)))
            rendered += f"，{method}" if lang == "zh" else f", {method}"
        lines.append(rendered + _cite(cite, estimate.get("source")))
    return lines


def edge_dates(edge: dict, lang: str) -> str:
    """'2023 年 3 月 1 日至 2024 年 7 月 18 日' / 'from 1 March 2023 until 18 July 2024', or ''."""
    since = format_date(edge["since"], lang) if edge.get("since") else None
    until = format_date(edge["until"], lang) if edge.get("until") else None
    if since and until:
        return text("edge_since_until", lang).format(since=since, until=until)
    if since:
        return text("edge_since", lang).format(since=since)
    if until:
        return text("edge_until", lang).format(until=until)
    return ""
