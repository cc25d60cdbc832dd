"""``<!-- followgpt:table family=openai-gpt columns=parameters,layers sort=parameters -->``: a comparison table.

``retired=show`` (default) lists retired models with a visible "retired" mark after the name; ``retired=hide``
leaves them out and ``retired=only`` lists only them. Retired means the lifecycle retired the model in the scope of
its access (``Registry.retirement``); the access column then says so with the date. Undisclosed values show as
未公开 / undisclosed and sort last, never as a number.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..context import MarkerProblem, ViewContext
from ..describe import access_text, license_name, modalities_text, reasoning_text, status_text
from ..escape import markdown_text
from ..format import fact_sort_value, format_fact
from ..labels import ARCHITECTURES, AVAILABILITY, COLUMNS, FACT_NAMES, KINDS, METHODS, bilingual, label, text
from ..options import ROW_SELECTORS
from ..records import select_models
from ..units import FACTS

RETIRED_OPTIONS = ("show", "hide", "only")

NAME = "table"
BLOCK = True
OPTIONS = {**ROW_SELECTORS, "columns": "columns", "sort": "column", "retired": RETIRED_OPTIONS}
DEFAULT_COLUMNS = ["name", "organizations", "paper_date", "parameters"]


def column_heading(column: str, lang: str) -> str:
    return label(FACT_NAMES, column, lang) if column in FACTS else label(COLUMNS, column, lang)


def _joined(items: list[str], lang: str) -> str:
    return text("list_joiner", lang).join(items) if items else text("missing", lang)


def sort_marker(fact: dict | None, unit: str) -> str:
    """An empty span carrying a numeric sort key (dates as YYYYMMDD; -1 when there is no value).

    Markdown cannot put ``data-sort`` on a ``<td>``; the site's script copies it from this span to the cell so
    Tablesort sorts 1750 亿 / 175B by value and ignores the footnote numbers.
    """
    value = fact_sort_value(fact, unit)
    if value is None:
        key = "-1"
    elif unit == "date":
        key = "%04d%02d%02d" % value
    else:
        key = format(Decimal(repr(value)), "f")           # plain digits, never exponent notation
        key = key.rstrip("0").rstrip(".") if "." in key else key
    return f'<span data-sort="{key}"></span>'


def cell(ctx: ViewContext, model_id: str, column: str) -> str:
    record = ctx.registry.models[model_id]
    lang = ctx.lang
    if column in FACTS:
        fact = ctx.registry.fact(model_id, column)
        shown = format_fact(fact, FACTS[column], lang, cite=ctx.cite) if fact else text("missing", lang)
        return sort_marker(fact, FACTS[column]) + shown
    if column == "name":
        return ctx.model_link(model_id) + retired_mark(ctx, model_id)
    if column == "organizations":
        return _joined([markdown_text(ctx.organization_name(org)) for org in record.get("organizations") or []], lang)
    if column == "access":
        return access_text(ctx.registry, model_id, lang)
    if column == "status":
        return status_text(ctx.registry, model_id, lang)
    if column == "modalities":
        return modalities_text(record["modalities"], lang) if record.get("modalities") else text("missing", lang)
    if column == "reasoning":
        return reasoning_text(record["reasoning"], lang) if record.get("reasoning") else text("missing", lang)
    if column == "architecture":
        value = record.get("architecture")
        return label(ARCHITECTURES, value, lang) if value else text("missing", lang)
    if column == "license":
        licence = ctx.registry.licenses.get(record.get("license"))
        if licence is None:
            return markdown_text(record["license"]) if record.get("license") else text("missing", lang)
        return markdown_text(license_name(licence, lang))
    if column == "kind":
        return label(KINDS, record.get("kind", "model"), lang)
    if column == "family":
        family = ctx.registry.families.get(record.get("family"), {})
        return markdown_text(bilingual(family.get("name"), lang) or record.get("family", ""))
    training = record.get("training") or {}
    if column == "training_data":
        corpora = [markdown_text(bilingual(corpus.get("name"), lang)) + (ctx.cite(corpus["source"]) if corpus.get("source") else "")
                   for corpus in training.get("corpora") or []]
        return _joined(corpora, lang)
    if column == "methods":
        return _joined([label(METHODS, method, lang) for method in training.get("methods") or []], lang)
    raise MarkerProblem(f"unknown column '{column}'")


def retired_mark(ctx: ViewContext, model_id: str) -> str:
    """'（已退役）' / ' (retired)' after the name of a retired model, so no row reads as available."""
    if ctx.registry.retirement(model_id) is None:
        return ""
    word = label(AVAILABILITY, "retired", ctx.lang)
    return f"（{word}）" if ctx.lang == "zh" else f" ({word})"


def filter_retired(registry, model_ids: list[str], mode: str) -> list[str]:
    if mode == "hide":
        return [model_id for model_id in model_ids if registry.retirement(model_id) is None]
    if mode == "only":
        return [model_id for model_id in model_ids if registry.retirement(model_id) is not None]
    return model_ids


def sort_key_for(ctx: ViewContext, column: str):
    def key(model_id: str):
        if column in FACTS:
            value = fact_sort_value(ctx.registry.fact(model_id, column), FACTS[column])
            return (value is None, value if value is not None else 0)
        if column == "name":
            return (False, ctx.model_name(model_id).lower())
        return (False, re.sub(r"<[^>]*>", "", cell(ctx, model_id, column)).lower())
    return key


def sort_rows(ctx: ViewContext, rows: list[str], columns: list[str], sort: str | None) -> list[str]:
    if sort is None:
        sort = next((column for column in columns if FACTS.get(column) == "date"), None)
        if sort is None:
            return rows
    descending = sort.startswith("-")
    column = sort.lstrip("-")
    present = [row for row in rows if not sort_key_for(ctx, column)(row)[0]]
    missing = [row for row in rows if sort_key_for(ctx, column)(row)[0]]
    present.sort(key=sort_key_for(ctx, column), reverse=descending)
    return present + missing          # rows without a value stay last either way


# A table of this many rows or more is "long": the adapter cites in it without Material's footnote tooltips
# (followgpt.site.layout), and a timeline this long is cut into one table a year (views.timeline).
LONG_TABLE_ROWS = 40


def markdown_table(headings: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headings) + " |", "|" + " --- |" * len(headings)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def sortable(table_markdown: str) -> str:
    """Wrapped so the adapter's table sorter finds it (md_in_html keeps the Markdown inside)."""
    return f'<div class="fgpt-table" markdown>\n\n{table_markdown}\n\n</div>'


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem(f"table takes only key=value options, not {' '.join(positional)!r}")
    columns = options.get("columns") or DEFAULT_COLUMNS
    if "name" not in columns:
        columns = ["name", *columns]
    selectors = {key: options[key] for key in ROW_SELECTORS if key in options}
    rows = filter_retired(ctx.registry, select_models(ctx.registry, **selectors), options.get("retired", "show"))
    if not rows:
        raise MarkerProblem(f"the selection {selectors or '(all)'}"
                            + (f" with retired={options['retired']}" if "retired" in options else "")
                            + " matches no model")
    rows = sort_rows(ctx, rows, columns, options.get("sort"))
    ctx.assets.add("tablesort")
    headings = [markdown_text(column_heading(column, ctx.lang)) for column in columns]
    return sortable(markdown_table(headings, [[cell(ctx, row, column) for column in columns] for row in rows]))
