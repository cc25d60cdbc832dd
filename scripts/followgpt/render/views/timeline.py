"""``<!-- followgpt:timeline -->``: every record with a date, in date order, with the kind of date shown.

Row selectors as for ``table``. By default every dated event (paper, announcement, API, weights…) is a row;
``dates=first`` keeps only each record's earliest date.
"""

from __future__ import annotations

from ..context import MarkerProblem, ViewContext
from ..format import date_sort_key, format_fact
from ..labels import COLUMNS, FACT_NAMES, KINDS, label, text
from ..options import ROW_SELECTORS
from ..records import dates_of, select_models
from .table import markdown_table, sort_marker, sortable

NAME = "timeline"
BLOCK = True
OPTIONS = {**ROW_SELECTORS, "dates": ("first", "all")}


def events(registry, model_ids: list[str], every_date: bool) -> list[tuple[str, str, str, dict]]:
    """(date, model id, date fact name, fact), in date order (registry order among equal dates)."""
    found = []
    for order, model_id in enumerate(model_ids):
        dates = dates_of(registry, model_id)
        for fact_name, date, fact in dates if every_date else dates[:1]:
            found.append((date_sort_key(date), order, date, model_id, fact_name, fact))
    found.sort(key=lambda item: (item[0], item[1]))
    return [(date, model_id, fact_name, fact) for _, _, date, model_id, fact_name, fact in found]


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem(f"timeline takes only key=value options, not {' '.join(positional)!r}")
    selectors = {key: options[key] for key in ROW_SELECTORS if key in options}
    rows = events(ctx.registry, select_models(ctx.registry, **selectors), options.get("dates") != "first")
    if not rows:
        raise MarkerProblem("no selected record has a date")
    lang = ctx.lang
    table_rows = [
        [sort_marker(fact, "date") + format_fact(fact, "date", lang, cite=ctx.cite), ctx.model_link(model_id),
         label(FACT_NAMES, fact_name, lang), label(KINDS, ctx.registry.models[model_id].get("kind", "model"), lang)]
        for _, model_id, fact_name, fact in rows
    ]
    ctx.assets.add("tablesort")
    headings = [text("date", lang), label(COLUMNS, "name", lang), text("date_kind", lang), label(COLUMNS, "kind", lang)]
    return sortable(markdown_table(headings, table_rows))
