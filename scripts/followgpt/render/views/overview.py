"""``<!-- followgpt:overview -->``: the whole registry on one time axis, as an inline, self-contained SVG.

Time runs downwards (so the figure reads on a phone as well as on a desktop): each model is a row, in date
order, with the years marked on the left; each family is a lane (a column), headed by its name; a model is a
dot in its family's lane with its name and size to the right, and the whole row links to its model page.
Lineage edges join the dots, each relation type in its own line style and colour (the ones the trees use,
see tree.EDGE_STROKES), with arrowheads at the derived model and a legend generated from the vocabulary.

Sizes: a filled dot and "175B" when the parameter count is published; a MoE model shows "total / active";
a hollow dot and "size undisclosed" when the owner withheld it (third-party estimates are never shown);
a small ring when the registry records no count (a product, a code project, an architecture).

Pure Python, no script, no fonts of its own: text inherits the page font and follows the palette
(``currentColor``); the SVG has a viewBox, so the browser reserves its height before it is painted.
Options: the row selectors of table/growth (family=, series=, org=, kind=, ids=), ``since=YYYY`` and
``lanes=family`` (default) or ``lanes=org`` (one lane per organisation: a model's first listed organisation).
Model-series records are left out (their members are drawn); undated models are listed under the figure.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..context import MarkerProblem, ViewContext
from ..escape import xml_text
from ..format import format_count, format_date, plotted_value, year_of
from ..labels import EDGE_MEANINGS, EDGE_TYPES, bilingual, label, text
from ..links import model_page_path, relative_url
from ..options import ROW_SELECTORS
from ..records import first_date, select_models
from .tree import INFERRED_MARK, svg_arrow_markers, svg_stroke
from .tree_layout import text_width as text_width_16

NAME = "overview"
BLOCK = True
OPTIONS = {**ROW_SELECTORS, "since": "year", "lanes": ("family", "org")}

FONT = 12            # the SVG's text size; the page keeps it at no less than MIN_SCALE of this (11px)
MIN_SCALE = 11 / 12
MAX_SCALE = 1.25     # on a desktop the figure grows to at most 15px text, not to the column's width
ROW = 20             # one model per row
LANE = 18            # one family per column
AXIS = 44            # the year labels on the left
HEADER_PAD = 10
YEAR_GAP = 14        # extra space above each year's first row
LEGEND_ROW = 18


@dataclass
class Node:
    model_id: str
    name: str
    date: str
    lane: int
    row: int = 0
    y: float = 0.0
    size: str = ""           # "175B", "235B / 22B", "size undisclosed" or ""
    marker: str = "none"     # "filled", "undisclosed" or "none"


def text_width(value: str) -> float:
    """Room for ``value`` at FONT px: Arial's widths plus 12% for wider system fonts (DejaVu Sans, Segoe UI),
    since the figure's text is drawn in the page's font."""
    return text_width_16(value) * FONT / 16 * 1.12



def size_of(ctx: ViewContext, model_id: str) -> tuple[str, str]:
    """(size text, marker) for a model: published total (and active) parameters, or undisclosed, or none."""
    fact = ctx.registry.fact(model_id, "parameters")
    if fact and fact.get("status") == "undisclosed":
        return text("overview_undisclosed", ctx.lang), "undisclosed"
    total = plotted_value(fact)
    if total is None:
        return "", "none"
    shown = format_count(total, ctx.lang)
    if fact.get("approx") or fact.get("status") in {"estimated", "disputed"}:
        shown = text("approx", ctx.lang).format(shown)
    active = plotted_value(ctx.registry.fact(model_id, "active_parameters"))
    if active:
        shown = text("overview_moe", ctx.lang).format(total=shown, active=format_count(active, ctx.lang))
    return shown, "filled"


def select(ctx: ViewContext, options: dict) -> tuple[list[Node], list[str], list[tuple[str, str]]]:
    """The nodes (date order, lanes assigned), the lane family ids (in order of first appearance) and the
    undated models left out."""
    selectors = {key: options[key] for key in ROW_SELECTORS if key in options}
    registry = ctx.registry
    chosen = [model_id for model_id in select_models(registry, **selectors)
              if registry.models[model_id].get("kind") != "model-series"]
    since = options.get("since")
    dated, undated = [], []
    for model_id in chosen:
        found = first_date(registry, model_id)
        if not found:
            undated.append((model_id, ""))
        elif since is None or year_of(found[1]) >= since:
            dated.append((found[1], registry.position(model_id), model_id))
    dated.sort()
    lanes: list[str] = []
    nodes = []
    by_org = options.get("lanes") == "org"
    for row, (date, _, model_id) in enumerate(dated):
        record = registry.models[model_id]
        lane = ((record.get("organizations") or [""])[0] if by_org else record.get("family")) or ""
        if lane not in lanes:
            lanes.append(lane)
        size, marker = size_of(ctx, model_id)
        nodes.append(Node(model_id, ctx.model_name(model_id), date, lanes.index(lane), row, size=size,
                          marker=marker))
    return nodes, lanes, undated


def lineage(ctx: ViewContext, nodes: list[Node]) -> list[tuple[Node, Node, dict]]:
    """(parent, child, edge) for the lineage edges between drawn nodes, in registry order."""
    by_id = {node.model_id: node for node in nodes}
    return [(by_id[edge["target"]], node, edge) for node in nodes
            for edge in ctx.registry.parents(node.model_id) if edge.get("target") in by_id]


def lane_name(ctx: ViewContext, lane: str, by_org: bool = False) -> str:
    record = (ctx.registry.organizations if by_org else ctx.registry.families).get(lane)
    return bilingual(record["name"], ctx.lang) if record else text("overview_no_family", ctx.lang)


def _dot(marker: str, cx: float, cy: float) -> str:
    if marker == "filled":
        return f'<circle cx="{cx:g}" cy="{cy:g}" r="5" fill="currentColor"/>'
    if marker == "undisclosed":
        return (f'<circle cx="{cx:g}" cy="{cy:g}" r="5" fill="var(--md-default-bg-color, #fff)" stroke="currentColor" '
                f'stroke-width="1.5" stroke-dasharray="2 1.5"/>')
    return (f'<circle cx="{cx:g}" cy="{cy:g}" r="3" fill="var(--md-default-bg-color, #fff)" stroke="currentColor" '
            f'stroke-width="1.5"/>')


def svg(ctx: ViewContext, nodes: list[Node], lanes: list[str], figure_id: str, by_org: bool = False) -> str:
    lang = ctx.lang
    edges = lineage(ctx, nodes)
    types = [edge_type for edge_type in EDGE_TYPES if any(edge.get("type") == edge_type for _, _, edge in edges)]
    names = [lane_name(ctx, lane, by_org) for lane in lanes]
    header = max(text_width(name) for name in names) + HEADER_PAD
    lanes_right = AXIS + LANE * len(lanes)
    label_x = lanes_right + 6
    labels = [node.name + (f" · {node.size}" if node.size else "") for node in nodes]
    legend_items = ([("filled", text("overview_key_size", lang)),
                     ("undisclosed", text("overview_key_undisclosed", lang)),
                     ("none", text("overview_key_none", lang))]
                    + [(edge_type, label(EDGE_TYPES, edge_type, lang)) for edge_type in types])
    if any(edge.get("evidence") == "inferred" for _, _, edge in edges):
        legend_items.append(("inferred", text("overview_key_inferred", lang)))
    width = max(label_x + max(text_width(item) for item in labels) + 8,
                max(40 + text_width(item) for _, item in legend_items) + 8)
    legend_height = LEGEND_ROW * len(legend_items) + 8
    top = legend_height + header + 8
    # rows: one per model, a little extra space before each new year
    y = top
    previous_year = None
    years: list[tuple[int, float]] = []
    for node in nodes:
        year = year_of(node.date)
        if year != previous_year:
            y += YEAR_GAP if previous_year is not None else 4
            years.append((year, y))
            previous_year = year
        node.y = y + ROW / 2
        y += ROW
    height = y + 8

    def lane_x(index: int) -> float:
        return AXIS + LANE * index + LANE / 2

    title = text("overview_title", lang)
    desc = text("overview_desc", lang).format(n=len(nodes), lanes=len(lanes), first=format_date(nodes[0].date, lang),
                                              last=format_date(nodes[-1].date, lang), edges=len(edges))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
        f'height="{height:.0f}" role="group" aria-labelledby="{figure_id}-title {figure_id}-desc" class="fgpt-overview" '
        f'style="width:100%;height:auto;min-width:{width * MIN_SCALE:.0f}px;max-width:{width * MAX_SCALE:.0f}px;'
        f'font-family:inherit" font-size="{FONT}" fill="currentColor">',
        f'<title id="{figure_id}-title">{xml_text(title)}</title>',
        f'<desc id="{figure_id}-desc">{xml_text(desc)}</desc>',
    ]
    out += svg_arrow_markers(figure_id, types, box=8, orient="auto-start-reverse")
    # legend: markers, then one line sample per relation type present
    out.append('<g class="fgpt-overview-legend">')
    for index, (key, caption) in enumerate(legend_items):
        ly = 4 + LEGEND_ROW * index + LEGEND_ROW / 2
        if key in ("filled", "undisclosed", "none"):
            out.append(_dot(key, 18, ly))
        elif key == "inferred":
            out.append(f'<text x="18" y="{ly + 4:g}" text-anchor="middle">{xml_text(INFERRED_MARK)}</text>')
        else:
            out.append(f'<line x1="2" x2="34" y1="{ly:g}" y2="{ly:g}" {svg_stroke(key, scale=0.75)} '
                       f'marker-end="url(#{figure_id}-{key})"><title>{xml_text(label(EDGE_MEANINGS, key, lang))}'
                       f'</title></line>')
        out.append(f'<text x="40" y="{ly + 4:g}">{xml_text(caption)}</text>')
    out.append("</g>")
    # lanes: a faint guide line each, headed by the family's name (written upwards)
    out.append('<g class="fgpt-overview-lanes">')
    for index, name in enumerate(names):
        x = lane_x(index)
        first = min(node.y for node in nodes if node.lane == index)
        out.append(f'<line x1="{x:g}" x2="{x:g}" y1="{first:g}" y2="{height - 8:g}" stroke="currentColor" '
                   f'stroke-opacity="0.15"/>')
        out.append(f'<text transform="translate({x + 4:g} {top - 6:g}) rotate(-90)">{xml_text(name)}</text>')
    out.append("</g>")
    # years
    out.append('<g class="fgpt-overview-years">')
    for year, year_y in years:
        out.append(f'<line x1="0" x2="{width:.0f}" y1="{year_y - 2:g}" y2="{year_y - 2:g}" stroke="currentColor" '
                   f'stroke-opacity="0.25"/>')
        out.append(f'<text x="2" y="{year_y + 12:g}" font-weight="bold">{year}</text>')
    out.append("</g>")
    # edges, under the dots
    out.append('<g class="fgpt-overview-edges" fill="none">')
    for parent, child, edge in edges:
        x1, y1, x2, y2 = lane_x(parent.lane), parent.y, lane_x(child.lane), child.y
        towards = 1 if y2 >= y1 else -1
        y2 -= towards * 6                                  # stop at the dot's edge, under the arrowhead
        middle = (y1 + y2) / 2
        relation = label(EDGE_TYPES, edge.get("type", ""), lang)
        mark = INFERRED_MARK if edge.get("evidence") == "inferred" else ""
        tip = f"{child.name} ← {relation}{mark} ← {parent.name}"
        if x1 == x2:
            # same lane: bow out to the right so the line does not run through the dots between
            bow = x1 + min(LANE * 0.9, 6 + abs(child.row - parent.row) * 1.5)
            path = f"M{x1:g} {y1:g}C{bow:g} {y1:g} {bow:g} {y2:g} {x2:g} {y2:g}"
        else:
            path = f"M{x1:g} {y1:g}C{x1:g} {middle:g} {x2:g} {middle:g} {x2:g} {y2:g}"
        out.append(f'<path d="{path}" {svg_stroke(edge.get("type", ""), scale=0.75)} marker-end="url(#{figure_id}-{edge.get("type")})">'
                   f'<title>{xml_text(tip)}</title></path>')
    out.append("</g>")
    # nodes: the dot, the name and size; the whole row is the link
    out.append('<g class="fgpt-overview-nodes">')
    for node, caption in zip(nodes, labels):
        url = relative_url(ctx.page_path, model_page_path(node.model_id))
        tip = f"{node.name}, {format_date(node.date, lang)}" + (f", {node.size}" if node.size else "")
        out.append(f'<a href="{xml_text(url)}" data-model="{xml_text(node.model_id)}"><title>{xml_text(tip)}</title>'
                   f'<rect x="{AXIS:g}" y="{node.y - ROW / 2:g}" width="{width - AXIS:.0f}" height="{ROW}" '
                   f'fill="transparent"/>'
                   + _dot(node.marker, lane_x(node.lane), node.y)
                   + f'<text x="{label_x:g}" y="{node.y + 4:g}" class="fgpt-overview-{node.marker}">'
                   + xml_text(node.name)
                   + (f'<tspan fill-opacity="0.75"> · {xml_text(node.size)}</tspan>' if node.size else "")
                   + "</text></a>")
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem(f"overview takes only key=value options, not {' '.join(positional)!r}")
    nodes, lanes, undated = select(ctx, options)
    if not nodes:
        raise MarkerProblem("the overview selection has no dated models")
    figure_id = "fgpt-overview-" + hashlib.sha1(repr(sorted(options.items())).encode()).hexdigest()[:8]
    caption = ""
    if undated:
        names = text("list_joiner", ctx.lang).join(xml_text(ctx.model_name(model_id)) for model_id, _ in undated)
        caption = f'\n<figcaption>{xml_text(text("overview_undated", ctx.lang))}{names}</figcaption>'
    return (f'<figure class="fgpt-figure fgpt-overview-figure">\n<div class="fgpt-scroll">\n'
            f'{svg(ctx, nodes, lanes, figure_id, options.get("lanes") == "org")}\n</div>{caption}\n</figure>')
