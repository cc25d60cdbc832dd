"""``<!-- followgpt:growth -->``: parameters (log scale) against date, as an inline, self-contained SVG.

Pure Python, no chart library and no fonts of its own: text inherits the page font and every stroke and fill
is ``currentColor``, so the figure follows Material's light and dark palettes. Hollow points are estimates.
Labels that would overlap an earlier one are left out (each point keeps a ``<title>`` tooltip).

Mixture-of-experts models get a second marker (a diamond) for their active parameters, joined to the total by a
line, with a legend. Models whose size is undisclosed cannot be plotted; they are listed by name and date in the
figure's caption instead of silently dropping out (third-party estimates are never plotted).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from ..context import MarkerProblem, ViewContext
from ..escape import xml_text
from ..format import date_parts, format_count, format_date, format_fact, plotted_value
from ..labels import text
from ..options import ROW_SELECTORS
from ..records import first_date, select_models

NAME = "growth"
BLOCK = True
OPTIONS = dict(ROW_SELECTORS)

WIDTH, HEIGHT = 760, 460
LEFT, RIGHT, TOP, BOTTOM = 84, 24, 20, 56
FONT_SIZE = 12.5
# Never drawn so small that its text falls below 11px: on a phone the figure keeps this width and scrolls
# sideways inside its box (~1.9 column widths); a 688px desktop column holds it at full width.
MIN_WIDTH = round(WIDTH * 11 / FONT_SIZE)


@dataclass
class Point:
    model_id: str
    name: str
    when: float           # fractional year
    date: str
    parameters: float
    estimated: bool
    shown_value: str
    active: float | None = None      # active parameters of a mixture-of-experts model
    active_value: str = ""


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
        value = plotted_value(fact)
        if record.get("kind") == "model-series" or not dated or value is None:
            continue
        active_fact = ctx.registry.fact(model_id, "active_parameters")
        active = plotted_value(active_fact)
        found.append(Point(model_id, ctx.model_name(model_id), fractional_year(dated[1]), dated[1], float(value),
                           fact.get("status") in {"estimated", "disputed"}, format_fact(fact, "count", ctx.lang),
                           float(active) if active else None,
                           format_fact(active_fact, "count", ctx.lang) if active else ""))
    return sorted(found, key=lambda point: (point.when, point.parameters))


def undisclosed(ctx: ViewContext, model_ids: list[str]) -> list[tuple[str, str]]:
    """(model id, date) of dated models whose parameter count is undisclosed, in date order."""
    found = []
    for model_id in model_ids:
        fact = ctx.registry.fact(model_id, "parameters")
        dated = first_date(ctx.registry, model_id)
        if fact and fact.get("status") == "undisclosed" and dated \
                and ctx.registry.models[model_id].get("kind") != "model-series":
            found.append((model_id, dated[1]))
    return sorted(found, key=lambda item: fractional_year(item[1]))


def text_width(label: str) -> float:
    return sum(FONT_SIZE if ord(char) > 0x2E7F else FONT_SIZE * 0.6 for char in label)


def _overlaps(box, boxes) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < bx1 and bx0 < x1 and y0 < by1 and by0 < y1 for bx0, by0, bx1, by1 in boxes)


def svg(ctx: ViewContext, data: list[Point], figure_id: str) -> str:
    lang = ctx.lang
    first_year = math.floor(min(point.when for point in data))
    last_year = math.floor(max(point.when for point in data)) + 1
    low = math.floor(math.log10(min(min(point.parameters, point.active or point.parameters) for point in data)))
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
    if any(point.active for point in data):
        desc += text("growth_desc_moe", lang)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{figure_id}-title {figure_id}-desc" class="fgpt-growth" '
        f'style="max-width:{WIDTH}px;min-width:{MIN_WIDTH}px;font-family:inherit" font-size="{FONT_SIZE}" '
        'fill="currentColor">',
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
    moe = [point for point in data if point.active]
    out.append("<g>")
    for point in moe:
        px, py, ay = x(point.when), y(point.parameters), y(point.active)
        boxes.append((px - 4, ay - 4, px + 4, ay + 4))
        tooltip = text("growth_active_tooltip", lang).format(name=point.name, total=point.shown_value,
                                                             active=point.active_value)
        out.append(f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{py:.1f}" y2="{ay:.1f}" stroke="currentColor" '
                   f'stroke-opacity="0.6" stroke-dasharray="2 2"/>')
        out.append(f'<path d="M{px:.1f} {ay - 4.5:.1f}L{px + 4.5:.1f} {ay:.1f}L{px:.1f} {ay + 4.5:.1f}'
                   f'L{px - 4.5:.1f} {ay:.1f}Z" fill="none" stroke="currentColor" stroke-width="1.5">'
                   f'<title>{xml_text(tooltip)}</title></path>')
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
    if moe:
        out.append(legend(lang))
    out.append("</svg>")
    return "\n".join(out)


def legend(lang: str) -> str:
    """Top-left key: filled circle = total parameters, diamond = active parameters (joined by a dashed line)."""
    lx, ly = LEFT + 12, TOP + 14
    return "\n".join([
        f'<g class="fgpt-growth-legend">',
        f'<circle cx="{lx}" cy="{ly}" r="4" fill-opacity="0.75"/>',
        f'<text x="{lx + 10}" y="{ly + 4}">{xml_text(text("growth_legend_total", lang))}</text>',
        f'<line x1="{lx}" x2="{lx}" y1="{ly + 4}" y2="{ly + 14}" stroke="currentColor" stroke-opacity="0.6" '
        'stroke-dasharray="2 2"/>',
        f'<path d="M{lx} {ly + 13.5}L{lx + 4.5} {ly + 18}L{lx} {ly + 22.5}L{lx - 4.5} {ly + 18}Z" fill="none" '
        'stroke="currentColor" stroke-width="1.5"/>',
        f'<text x="{lx + 10}" y="{ly + 22}">{xml_text(text("growth_legend_active", lang))}</text>',
        "</g>",
    ])


def undisclosed_list(ctx: ViewContext, items: list[tuple[str, str]]) -> str:
    """'参数量未公开，未画出：Omni（2024 年 5 月 13 日）' as escaped HTML text (Markdown is not rendered inside HTML,
    so names are plain text)."""
    open_paren, close_paren = ("（", "）") if ctx.lang == "zh" else (" (", ")")
    names = text("list_joiner", ctx.lang).join(
        f"{xml_text(ctx.model_name(model_id))}{open_paren}{xml_text(format_date(date, ctx.lang))}{close_paren}"
        for model_id, date in items)
    return xml_text(text("growth_undisclosed", ctx.lang)) + names


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem(f"growth takes only key=value options, not {' '.join(positional)!r}")
    selectors = {key: options[key] for key in ROW_SELECTORS if key in options}
    selected = select_models(ctx.registry, **selectors)
    data = points(ctx, selected)
    hidden = undisclosed(ctx, selected)
    listed = undisclosed_list(ctx, hidden) if hidden else ""
    if not data:
        empty = f'<p class="fgpt-growth-empty">{xml_text(text("growth_empty", ctx.lang))}</p>'
        return empty + (f'\n<p class="fgpt-growth-undisclosed">{listed}</p>' if listed else "")
    figure_id = "fgpt-growth-" + hashlib.sha1(repr(sorted(selectors.items())).encode()).hexdigest()[:8]
    caption = f'\n<figcaption class="fgpt-growth-undisclosed">{listed}</figcaption>' if listed else ""
    return (f'<figure class="fgpt-figure">\n<div class="fgpt-scroll">\n{svg(ctx, data, figure_id)}\n</div>'
            f'{caption}\n</figure>')
