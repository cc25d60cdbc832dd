"""``<!-- followgpt:timeline -->``: every record with a date, in date order, with the kind of date shown.

Row selectors as for ``table``. By default every dated event is a row: the date facts (paper, announcement, API,
weights…) and the lifecycle events (deprecated, retired, renamed, released in a scope). ``dates=first`` keeps only
each record's earliest date fact.

A long timeline (YEAR_SECTIONS_FROM rows or more, or ``group=year``) is one table per year, each under a level-3
heading (``#year-2023``), so the page's contents list jumps to a year. Each table sits in a ``fgpt-deferred``
block that the browser lays out only when it comes near the screen (``content-visibility: auto`` in
assets/followgpt.css): the whole-registry timeline was one 300-row table that every style recalculation of
Material's start-up went through (Lighthouse mobile 91, total blocking time 290–380 ms at 4× CPU). ``--fgpt-rows``
on the block lets the stylesheet reserve about the right height before it is laid out. ``group=none`` keeps one
table.
"""

from __future__ import annotations

from ..context import MarkerProblem, ViewContext
from ..describe import cjk_spaced
from ..format import date_sort_key, format_date, format_fact, year_of
from ..labels import COLUMNS, FACT_NAMES, KINDS, LIFECYCLE_EVENT_NAMES, LIFECYCLE_SCOPE_NAMES, label, text
from ..options import ROW_SELECTORS
from ..records import dates_of, select_models
from .table import LONG_TABLE_ROWS, markdown_table, sort_marker, sortable

NAME = "timeline"
BLOCK = True
OPTIONS = {**ROW_SELECTORS, "dates": ("first", "all"), "group": ("year", "none")}
YEAR_SECTIONS_FROM = LONG_TABLE_ROWS


def events(registry, model_ids: list[str], every_date: bool) -> list[tuple[str, str, str, dict]]:
    """(date, model id, what, item) in date order (registry order among equal dates). ``what`` is a date fact's
    name (``item`` the fact) or ``lifecycle`` (``item`` the lifecycle event)."""
    found = []
    for order, model_id in enumerate(model_ids):
        dates = dates_of(registry, model_id)
        for fact_name, date, fact in dates if every_date else dates[:1]:
            found.append((date_sort_key(date), order, date, model_id, fact_name, fact))
        if every_date:
            for event in registry.lifecycle(model_id):
                found.append((date_sort_key(event["date"]), order, event["date"], model_id, "lifecycle", event))
    found.sort(key=lambda item: (item[0], item[1]))
    return [(date, model_id, what, item) for _, _, date, model_id, what, item in found]


def event_kind(event: dict, lang: str) -> str:
    """'退役（API）' / 'Retired (API)'; the snapshot, when the event is about one, after it."""
    name = label(LIFECYCLE_EVENT_NAMES, event.get("event", ""), lang)
    scope = label(LIFECYCLE_SCOPE_NAMES, event.get("scope", ""), lang)
    kind = f"{name}（{scope}）" if lang == "zh" else f"{name} ({scope})"
    if event.get("snapshot"):
        kind += f"：`{event['snapshot']}`" if lang == "zh" else f": `{event['snapshot']}`"
    return kind


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem(f"timeline takes only key=value options, not {' '.join(positional)!r}")
    selectors = {key: options[key] for key in ROW_SELECTORS if key in options}
    rows = events(ctx.registry, select_models(ctx.registry, **selectors), options.get("dates") != "first")
    if not rows:
        raise MarkerProblem("no selected record has a date")
    lang = ctx.lang
    table_rows = []   # (year, cells)
    for date, model_id, what, item in rows:
        if what == "lifecycle":
            when = sort_marker({"value": date}, "date") + format_date(date, lang) + ctx.cite(item["source"])
            kind = event_kind(item, lang)
        else:
            when = sort_marker(item, "date") + format_fact(item, "date", lang, cite=ctx.cite)
            kind = label(FACT_NAMES, what, lang)
        cells = [when, ctx.model_link(model_id), cjk_spaced(kind) if lang == "zh" else kind,
                 label(KINDS, ctx.registry.models[model_id].get("kind", "model"), lang)]
        table_rows.append((str(year_of(date)), cells))
    ctx.assets.add("tablesort")
    headings = [text("date", lang), label(COLUMNS, "name", lang), text("date_kind", lang), label(COLUMNS, "kind", lang)]
    group = options.get("group") or ("year" if len(table_rows) >= YEAR_SECTIONS_FROM else "none")
    if group == "none":
        return sortable(markdown_table(headings, [cells for _, cells in table_rows]))
    sections = []
    for year, cells in _by_year(table_rows):
        sections.append(f"### {text('year_heading', lang).format(year=year)} {{ #year-{year} }}\n\n"
                        f'<div class="fgpt-table fgpt-deferred" style="--fgpt-rows: {len(cells)}" markdown>\n\n'
                        f"{markdown_table(headings, cells)}\n\n</div>")
    return "\n\n".join(sections)


def _by_year(rows: list[tuple[str, list[str]]]) -> list[tuple[str, list[list[str]]]]:
    """Rows in date order, cut where the year changes."""
    years: list[tuple[str, list[list[str]]]] = []
    for year, cells in rows:
        if not years or years[-1][0] != year:
            years.append((year, []))
        years[-1][1].append(cells)
    return years
