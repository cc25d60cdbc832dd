"""``<!-- followgpt:growth -->``: parameters (log scale) against date, as an inline, self-contained SVG.

Pure Python, no chart library and no fonts of its own: text inherits the page font and every stroke and fill
is ``currentColor``, so the figure follows Material's light and dark palettes. Hollow points are estimates.
Labels that would overlap an earlier one are left out (each point keeps a ``<title>`` tooltip).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from ..context import MarkerProblem, ViewContext
from ..escape import xml_text
from ..format import date_parts, format_count, format_date, format_fact
from ..labels import text
from ..options import ROW_SELECTORS
from ..records import first_date, select_models

NAME = "growth"
BLOCK = True
OPTIONS = dict(ROW_SELECTORS)

WIDTH, HEIGHT = 760, 460
LEFT, RIGHT, TOP, BOTTOM = 84, 24, 20, 56
FONT_SIZE = 11


@dataclass
class Point:
    model_id: str
    name: str
    when: float           # fractional year
    date: str
    parameters: float
    estimated: bool
    shown_value: str


def fractional_year(date: str) -> float:
    year, month, day = date_parts(date)
    if month is None:
        return year + 0.5
    if day is None:
        return year + (month - 0.5) / 12
    return year + (month - 1) / 12 + (day - 1) / 365


def points(ctx: ViewContext, model_ids: list[str]) -> list[Point]:
    found = []
    for model_id in model_ids:
        record = ctx.registry.models[model_id]
        fact = ctx.registry.fact(model_id, "parameters")
        dated = first_date(ctx.registry, model_id)
        if record.get("kind") == "model-series" or not fact or not dated:
            continue
        value = fact.get("value")
        if value is None and fact.get("claims"):
            value = fact["claims"][0].get("value")
        if fact.get("status") == "undisclosed" or not value or value <= 0:
            continue
        found.append(Point(model_id, ctx.model_name(model_id), fractional_year(dated[1]), dated[1], float(value),
                           fact.get("status") in {"estimated", "disputed"}, format_fact(fact, "count", ctx.lang)))
    return sorted(found, key=lambda point: (point.when, point.parameters))


def text_width(label: str) -> float:
    return sum(FONT_SIZE if ord(char) > 0x2E7F else FONT_SIZE * 0.6 for char in label)


def _overlaps(box, boxes) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < bx1 and bx0 < x1 and y0 < by1 and by0 < y1 for bx0, by0, bx1, by1 in boxes)


def svg(ctx: ViewContext, data: list[Point], figure_id: str) -> str:
    lang = ctx.lang
    first_year = math.floor(min(point.when for point in data))
    last_year = math.floor(max(point.when for point in data)) + 1
    low = math.floor(math.log10(min(point.parameters for point in data)))
    high = math.ceil(math.log10(max(point.parameters for point in data)))
    if high == low:
        high += 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(when: float) -> float:
        return LEFT + (when - first_year) / (last_year - first_year) * plot_w

    def y(parameters: float) -> float:
        return TOP + (high - math.log10(parameters)) / (high - low) * plot_h

    title = text("growth_title", lang)
    desc = text("growth_desc", lang).format(n=len(data), first=format_date(data[0].date, lang),
                                            last=format_date(data[-1].date, lang))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{figure_id}-title {figure_id}-desc" class="fgpt-growth" '
        f'style="max-width:{WIDTH}px;font-family:inherit" font-size="{FONT_SIZE}" fill="currentColor">',
        f'<title id="{figure_id}-title">{xml_text(title)}</title>',
        f'<desc id="{figure_id}-desc">{xml_text(desc)}</desc>',
        '<g stroke="currentColor" stroke-opacity="0.15">',
    ]
    for power in range(low, high + 1):
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(10 ** power):.1f}" y2="{y(10 ** power):.1f}"/>')
    year_step = 1 if last_year - first_year <= 12 else 2
    years = range(first_year, last_year + 1, year_step)
    for year in years:
        out.append(f'<line x1="{x(year):.1f}" x2="{x(year):.1f}" y1="{TOP}" y2="{TOP + plot_h}"/>')
    out.append("</g>")
    out.append(f'<g stroke="currentColor"><line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{TOP + plot_h}"/>'
               f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}"/></g>')
    out.append('<g text-anchor="end">')
    for power in range(low, high + 1):
        out.append(f'<text x="{LEFT - 6}" y="{y(10 ** power) + 4:.1f}">{xml_text(format_count(10 ** power, lang))}</text>')
    out.append("</g>")
    out.append('<g text-anchor="middle">')
    for year in years:
        out.append(f'<text x="{x(year):.1f}" y="{TOP + plot_h + 16}">{year}</text>')
    out.append(f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 8}">{xml_text(text("growth_axis_x", lang))}</text>')
    out.append(f'<text transform="translate(14 {TOP + plot_h / 2:.1f}) rotate(-90)">'
               f'{xml_text(text("growth_axis_y", lang))}</text>')
    out.append("</g>")
    boxes: list[tuple[float, float, float, float]] = []
    labels = []
    out.append("<g>")
    for point in data:
        px, py = x(point.when), y(point.parameters)
        boxes.append((px - 4, py - 4, px + 4, py + 4))
        fill = 'fill="none" stroke="currentColor" stroke-width="1.5"' if point.estimated else 'fill-opacity="0.75"'
        tooltip = f"{point.name}: {point.shown_value}, {format_date(point.date, lang)}"
        out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" {fill}><title>{xml_text(tooltip)}</title></circle>')
    for point in data:
        px, py = x(point.when), y(point.parameters)
        width = text_width(point.name)
        for dx, anchor_x in ((7, px + 7), (-7, px - 7 - width)):
            box = (anchor_x, py - FONT_SIZE + 3, anchor_x + width, py + 4)
            if box[0] >= LEFT and box[2] <= WIDTH - RIGHT and not _overlaps(box, boxes + labels):
                labels.append(box)
                out.append(f'<text x="{anchor_x:.1f}" y="{py + 4:.1f}">{xml_text(point.name)}</text>')
                break
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem(f"growth takes only key=value options, not {' '.join(positional)!r}")
    selectors = {key: options[key] for key in ROW_SELECTORS if key in options}
    data = points(ctx, select_models(ctx.registry, **selectors))
    if not data:
        return f'<p class="fgpt-growth-empty">{xml_text(text("growth_empty", ctx.lang))}</p>'
    figure_id = "fgpt-growth-" + hashlib.sha1(repr(sorted(selectors.items())).encode()).hexdigest()[:8]
    return f'<figure class="fgpt-figure">\n{svg(ctx, data, figure_id)}\n</figure>'
