"""The lineage neighbourhood at the end of a model page, drawn in Python as an inline SVG (no mermaid, no script).

The selection is the one the ``tree around=`` marker draws at depth 1 (tree.select_around plus the series →
member edges among the drawn nodes): the model, its direct parents and children, and the edges among them.

Layout, left to right in ranks: each node's rank is its longest path within the selection (a node without parents
is pulled just before its nearest child, as dagre does, so few edges skip a rank); an edge that skips ranks passes
the ranks between through a slot of its own. Within a rank, nodes are ordered by barycenter sweeps (the order with
fewest crossings wins) and stacked, centred on the tallest rank. Each edge's label (its relation, "?" when
inferred, the years it held) sits on the edge in the gap after its parent, on the page background, and the labels
in one gap are moved apart so that none overlap; a box's side grows until each edge ending there has room for its
own arrowhead. When the figure is wider than MAX_WIDTH even with names and labels wrapped tighter, it is drawn top
to bottom instead (the same layout, transposed; ChatGPT's neighbourhood of 16 needs it). A rank with more than
MAX_RANK nodes keeps MAX_RANK drawn (of the nodes joined only to the model, the latest are left out) and lists the
rest, as links with their relation, under the figure.

Colours and line styles are the trees' (tree.EDGE_COLOURS / EDGE_STROKES); text is ``currentColor``, boxes are
filled with the page background, so the figure follows both palettes. Sizes use tree_layout's text metrics; the
SVG has a viewBox (its height is reserved before painting) and a min-width that keeps the smallest text at 11px,
so a phone scrolls it sideways in its own box (.fgpt-scroll) instead of shrinking it.
Output is deterministic: ids come from the model id and the language.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..context import ViewContext
from ..escape import xml_text
from ..labels import EDGE_TYPES, label, text
from ..links import model_page_path, relative_url
from .tree import (INFERRED_MARK, chronological, edge_text, legend, node_text, select_around, series_edges,
                   svg_arrow_markers, svg_stroke)
from .tree_layout import _words, ranks
from .tree_layout import text_width as text_width_16

NODE_FONT = 13
LABEL_FONT = 12
MIN_SCALE = 11 / LABEL_FONT    # the page never draws the figure smaller: the smallest text stays at 11px
MAX_SCALE = 1.15               # nor larger than this on a wide column
NODE_LINE = 16
LABEL_LINE = 14
PAD_X, PAD_Y = 10, 6
NAME_WRAP = 132                # px at NODE_FONT
LABEL_WRAP = 96                # px at LABEL_FONT
NODE_GAP = 12                  # between boxes in a rank
SLOT = 8                       # the height an edge passing a rank takes there
LABEL_GAP = 3                  # between labels in one gap
CURVE = 22                     # room either side of a gap's labels for the edges to bend
MIN_GAP = 44
MARGIN = 4
PORT_SHARE = 0.7              # of a box's side, at most, where edges end
MAX_RANK = 12                  # more nodes than this in one rank: the rest are listed under the figure
# widest natural width: drawn at MIN_SCALE it fits a 688px desktop column (and is < 2.2 phone columns)
MAX_WIDTH = 740


def text_width(value: str, font: float) -> float:
    """Room for ``value`` at ``font`` px: Arial's widths plus 12% for wider system fonts (as overview.py)."""
    return text_width_16(value) * font / 16 * 1.12


def wrap(value: str, font: float, limit: float) -> list[str]:
    """``value`` broken into lines at spaces (and between CJK characters) within ``limit`` px; ``\\n`` kept."""
    lines: list[str] = []
    for paragraph in value.split("\n"):
        line = ""
        for word in _words(paragraph):
            if line and text_width(line + word, font) > limit:
                lines.append(line.rstrip())
                line = word.lstrip()
            else:
                line += word
        lines.append(line.rstrip())
    return lines


# -- layout: pure, on ids and sizes --------------------------------------------------------------------------------

@dataclass
class Placed:
    x: float = 0.0      # left
    y: float = 0.0      # top
    w: float = 0.0
    h: float = 0.0


@dataclass
class Layout:
    rank: dict[str, int]
    order: list[list[str]]                        # per rank, top to bottom (dummies are (edge index, rank))
    nodes: dict[str, Placed]
    labels: dict[int, Placed]                     # edge index → label box
    paths: dict[int, list[tuple[float, float]]]   # edge index → points: start, (label left, label right)?, … end
    width: float
    height: float
    crossings: int
    columns: list[tuple[float, float]] = field(default_factory=list)   # per rank: left, width
    direction: str = "LR"


def crossings(order: list[list], links: list[tuple]) -> int:
    """Crossings between consecutive ranks for ``links`` given as (upper item, lower item) per rank pair."""
    position = {item: index for layer in order for index, item in enumerate(layer)}
    by_gap: dict[int, list[tuple[int, int]]] = {}
    level = {item: rank for rank, layer in enumerate(order) for item in layer}
    for a, b in links:
        by_gap.setdefault(level[a], []).append((position[a], position[b]))
    total = 0
    for pairs in by_gap.values():
        for i, (a1, b1) in enumerate(pairs):
            for a2, b2 in pairs[i + 1:]:
                if (a1 - a2) * (b1 - b2) < 0:
                    total += 1
    return total


def layout(nodes: list[str], sizes: dict[str, tuple[float, float]], edges: list[tuple[str, str]],
           label_sizes: list[tuple[float, float]], direction: str = "LR") -> Layout:
    """Place ``nodes`` (in their preferred order, e.g. chronological) of ``sizes`` (w, h) and the ``edges``
    (parent, child) whose labels have ``label_sizes`` (one per edge, (0, 0) for none), left to right ("LR"), or
    top to bottom ("TB": the left-to-right layout of the transposed boxes, transposed back)."""
    if direction == "TB":
        flipped = _layout(nodes, {node: (h, w) for node, (w, h) in sizes.items()}, edges,
                          [(h, w) for w, h in label_sizes])
        for box in list(flipped.nodes.values()) + list(flipped.labels.values()):
            box.x, box.y, box.w, box.h = box.y, box.x, box.h, box.w
        flipped.paths = {index: [(y, x) for x, y in points] for index, points in flipped.paths.items()}
        flipped.width, flipped.height = flipped.height, flipped.width
        flipped.direction = "TB"
        return flipped
    return _layout(nodes, sizes, edges, label_sizes)


def _layout(nodes: list[str], sizes: dict[str, tuple[float, float]], edges: list[tuple[str, str]],
            label_sizes: list[tuple[float, float]]) -> Layout:
    rank = ranks(nodes, edges, "near")
    count = max(rank.values()) + 1 if rank else 1
    order: list[list] = [[] for _ in range(count)]
    for node in nodes:
        order[rank[node]].append(node)
    # chains: every edge as a list of items, one per rank it spans (dummies for the ranks between)
    chains: list[list] = []
    for index, (parent, child) in enumerate(edges):
        chain: list = [parent]
        for step in range(rank[parent] + 1, rank[child]):
            dummy = (index, step)
            order[step].append(dummy)
            chain.append(dummy)
        chain.append(child)
        chains.append(chain)
    links = [(chain[i], chain[i + 1]) for chain in chains for i in range(len(chain) - 1)
             if _level(chain[i], rank) + 1 == _level(chain[i + 1], rank)]
    ups: dict = {}
    downs: dict = {}
    for a, b in links:
        downs.setdefault(a, []).append(b)
        ups.setdefault(b, []).append(a)

    best = [list(layer) for layer in order]
    best_crossings = crossings(best, links)
    current = [list(layer) for layer in order]
    for sweep in range(8):
        down = sweep % 2 == 0
        sequence = range(1, count) if down else range(count - 2, -1, -1)
        for r in sequence:
            neighbours = current[r - 1] if down else current[r + 1]
            place = {item: index for index, item in enumerate(neighbours)}
            adjacent = ups if down else downs

            def key(item, layer=current[r], place=place, adjacent=adjacent):
                near = [place[other] for other in adjacent.get(item, []) if other in place]
                return (sum(near) / len(near) if near else layer.index(item) * len(neighbours) / max(1, len(layer)),
                        layer.index(item))
            current[r] = sorted(current[r], key=key)
        found = crossings(current, links)
        if found < best_crossings:
            best, best_crossings = [list(layer) for layer in current], found
    order = best

    # columns: width of the widest box; gaps: wide enough for the labels placed in them
    label_gap = {index: rank[parent] for index, (parent, child) in enumerate(edges) if rank[child] > rank[parent]}
    column_width = [max((sizes[item][0] for item in layer if not isinstance(item, tuple)), default=0.0)
                    for layer in order]
    gap_width = []
    for r in range(count - 1):
        widest = max((label_sizes[index][0] for index, gap in label_gap.items() if gap == r), default=0.0)
        gap_width.append(max(MIN_GAP, widest + 2 * CURVE))
    columns = []
    x = MARGIN
    for r in range(count):
        columns.append((x, column_width[r]))
        x += column_width[r] + (gap_width[r] if r < count - 1 else 0)
    width = x + MARGIN

    # rows: stack each rank, centred on the tallest
    def height_of(item) -> float:
        return SLOT if isinstance(item, tuple) else sizes[item][1]
    heights = [sum(height_of(item) for item in layer) + NODE_GAP * max(0, len(layer) - 1) for layer in order]
    tallest = max(heights, default=0.0)
    placed: dict = {}
    for r, layer in enumerate(order):
        y = MARGIN + (tallest - heights[r]) / 2
        left, column = columns[r]
        for item in layer:
            w = 0.0 if isinstance(item, tuple) else sizes[item][0]
            placed[item] = Placed(left + (column - w) / 2 if w else left, y, w if w else column, height_of(item))
            y += height_of(item) + NODE_GAP

    # ports: edges leave and enter a box spread over its middle, in the order of the other end
    def centre(item) -> float:
        return placed[item].y + placed[item].h / 2
    out_port: dict[tuple, float] = {}
    in_port: dict[tuple, float] = {}
    for node in nodes:
        leaving = sorted((index for index, chain in enumerate(chains) if chain[0] == node),
                         key=lambda index: (centre(chains[index][1]), index))
        entering = sorted((index for index, chain in enumerate(chains) if chain[-1] == node),
                          key=lambda index: (centre(chains[index][-2]), index))
        for group, ports in ((leaving, out_port), (entering, in_port)):
            box = placed[node]
            spread = min(box.h * PORT_SHARE, PORT * (len(group) - 1))
            for k, index in enumerate(group):
                offset = (k / (len(group) - 1) - 0.5) * spread if len(group) > 1 else 0.0
                ports[(index, node)] = box.y + box.h / 2 + offset

    # labels: in the gap after the parent, at the middle of their first segment, moved apart
    # (a label sits where its edges fan out: by the child when the parent has more edges in the gap than the
    # child, by the parent when the child has more, halfway otherwise)
    fan_out: dict = {}
    fan_in: dict = {}
    for chain in chains:
        fan_out[chain[0]] = fan_out.get(chain[0], 0) + 1
        fan_in[chain[1]] = fan_in.get(chain[1], 0) + 1

    def wanted_at(index: int) -> float:
        start, end = out_port[(index, chains[index][0])], _entry(chains[index], placed, in_port, index)
        many_out, many_in = fan_out[chains[index][0]], fan_in[chains[index][1]]
        return end if many_out > many_in else start if many_in > many_out else (start + end) / 2

    label_boxes: dict[int, Placed] = {}
    for r in range(count - 1):
        here = sorted((index for index, gap in label_gap.items() if gap == r and label_sizes[index][1]),
                      key=lambda index: (wanted_at(index), index))
        gap_left = columns[r][0] + columns[r][1]
        gap_mid = gap_left + gap_width[r] / 2
        wanted = [wanted_at(index) for index in here]
        tops = [want - label_sizes[index][1] / 2 for index, want in zip(here, wanted)]
        for k in range(1, len(here)):                       # push down past the one above
            tops[k] = max(tops[k], tops[k - 1] + label_sizes[here[k - 1]][1] + LABEL_GAP)
        if here:                                            # then centre the stack on where the labels want to be
            shift = sum(top + label_sizes[index][1] / 2 - want for top, index, want in zip(tops, here, wanted)) / len(here)
            tops = [top - shift for top in tops]
        for index, top in zip(here, tops):
            w, h = label_sizes[index]
            label_boxes[index] = Placed(gap_mid - w / 2, top, w, h)

    # the figure's extent (labels may reach above or below the ranks), then move everything in
    top = min([MARGIN] + [box.y - MARGIN for box in label_boxes.values()])
    bottom = max([MARGIN + tallest + MARGIN] + [box.y + box.h + MARGIN for box in label_boxes.values()])
    shift = -top + MARGIN if top < MARGIN else 0.0
    for box in list(placed.values()) + list(label_boxes.values()):
        box.y += shift
    out_port = {key: value + shift for key, value in out_port.items()}
    in_port = {key: value + shift for key, value in in_port.items()}
    height = bottom + shift

    paths: dict[int, list[tuple[float, float]]] = {}
    for index, chain in enumerate(chains):
        parent, child = chain[0], chain[-1]
        points = [(placed[parent].x + placed[parent].w, out_port[(index, parent)])]
        if index in label_boxes:
            box = label_boxes[index]
            points += [(box.x, box.y + box.h / 2), (box.x + box.w, box.y + box.h / 2)]
        for item in chain[1:-1]:
            dummy = placed[item]
            points += [(dummy.x, dummy.y + dummy.h / 2), (dummy.x + dummy.w, dummy.y + dummy.h / 2)]
        points.append((placed[child].x, in_port[(index, child)]))
        paths[index] = points
    return Layout(rank, order, {node: placed[node] for node in nodes}, label_boxes, paths, width, height,
                  best_crossings, columns)


def _level(item, rank: dict) -> int:
    return item[1] if isinstance(item, tuple) else rank[item]


def _entry(chain: list, placed: dict, in_port: dict, index: int) -> float:
    """Where the edge's first segment ends: the next rank's slot, or the child's port."""
    following = chain[1]
    if isinstance(following, tuple):
        return placed[following].y + placed[following].h / 2
    return in_port[(index, following)]


def path_data(points: list[tuple[float, float]], direction: str = "LR") -> str:
    """Points joined by curves leaving and arriving along the direction where they move between ranks, straight
    lines along a label or a slot (every second pair)."""
    (x, y), *rest = points
    out = [f"M{x:.1f} {y:.1f}"]
    for k, (nx, ny) in enumerate(rest):
        if k % 2 == 1:                      # along a label or through a rank: straight
            out.append(f"L{nx:.1f} {ny:.1f}")
        elif direction == "TB":
            bend = (ny - y) / 2
            out.append(f"C{x:.1f} {y + bend:.1f} {nx:.1f} {ny - bend:.1f} {nx:.1f} {ny:.1f}")
        else:
            bend = (nx - x) / 2
            out.append(f"C{x + bend:.1f} {y:.1f} {nx - bend:.1f} {ny:.1f} {nx:.1f} {ny:.1f}")
        x, y = nx, ny
    return "".join(out)


# -- the figure ----------------------------------------------------------------------------------------------------

def selection(registry, model_id: str):
    """What the figure draws: (nodes, edges) as the depth-1 ``tree around=`` selection with series edges."""
    nodes, edges, _, _ = select_around(registry, model_id, 1)
    return nodes, edges + series_edges(registry, nodes)


def trimmed(model_id: str, nodes: list[str], edges: list) -> tuple[list[str], list, list[str]]:
    """Nodes in a rank of more than MAX_RANK that only touch the focus are left out from the MAX_RANK-th on
    (chronological order decides); returns the kept nodes and edges, and the nodes left out."""
    pairs = [(parent, child) for parent, child, _ in edges]
    rank = ranks(nodes, pairs, "near")
    degree: dict[str, int] = {}
    for parent, child in pairs:
        degree[parent] = degree.get(parent, 0) + 1
        degree[child] = degree.get(child, 0) + 1
    dropped: list[str] = []
    for r in sorted(set(rank.values())):
        layer = [node for node in nodes if rank[node] == r]
        if len(layer) <= MAX_RANK:
            continue
        spare = [node for node in layer if node != model_id and degree.get(node, 0) == 1]
        keep_spare = max(0, MAX_RANK - (len(layer) - len(spare)))
        dropped += spare[keep_spare:]
    gone = set(dropped)
    return ([node for node in nodes if node not in gone],
            [edge for edge in edges if edge[0] not in gone and edge[1] not in gone], dropped)


def sizes_for(ctx: ViewContext, nodes: list[str], edges: list, name_wrap: float, label_wrap: float):
    texts = {node: wrap(node_text(ctx, node), NODE_FONT, name_wrap) for node in nodes}
    sizes = {node: (max(text_width(line, NODE_FONT) for line in lines) + 2 * PAD_X,
                    NODE_LINE * len(lines) + 2 * PAD_Y) for node, lines in texts.items()}
    label_texts = [wrap(edge_text(edge, ctx.lang), LABEL_FONT, label_wrap) for _, _, edge in edges]
    label_sizes = [(max(text_width(line, LABEL_FONT) for line in lines) + 6, LABEL_LINE * len(lines) + 2)
                   for lines in label_texts]
    return texts, sizes, label_texts, label_sizes


PORT = 7      # px between the ends of edges entering or leaving one side of a box


def roomy(sizes: dict, pairs: list[tuple[str, str]], direction: str) -> dict:
    """Boxes whose side facing their parents (or children) is long enough for each edge's arrowhead to be seen:
    in a left-to-right layout the height grows, in a top-to-bottom one the width."""
    entering: dict[str, int] = {}
    leaving: dict[str, int] = {}
    for parent, child in pairs:
        leaving[parent] = leaving.get(parent, 0) + 1
        entering[child] = entering.get(child, 0) + 1
    out = {}
    for node, (w, h) in sizes.items():
        need = (max(entering.get(node, 0), leaving.get(node, 0)) - 1) * PORT / PORT_SHARE
        out[node] = (w, max(h, need)) if direction == "LR" else (max(w, need), h)
    return out


def arrange(ctx: ViewContext, nodes: list[str], edges: list):
    """The layout, with names and labels wrapped tighter when the figure is wider than MAX_WIDTH."""
    tried = []
    pairs = [(parent, child) for parent, child, _ in edges]
    for direction in ("LR", "TB"):
        for name_wrap, label_wrap in ((NAME_WRAP, LABEL_WRAP), (104, 72), (84, 56)):
            texts, sizes, label_texts, label_sizes = sizes_for(ctx, nodes, edges, name_wrap, label_wrap)
            sizes = roomy(sizes, pairs, direction)
            placed = layout(nodes, sizes, pairs, label_sizes, direction)
            if placed.width <= MAX_WIDTH:
                return placed, texts, label_texts
            tried.append((placed.width, len(tried), placed, texts, label_texts))
    _, _, placed, texts, label_texts = min(tried, key=lambda item: item[:2])
    return placed, texts, label_texts


def _text_lines(lines: list[str], cx: float, top: float, line: float, font: float, extra: str = "") -> str:
    """Centred lines of text starting at ``top`` (baselines at ~0.75 of each line)."""
    spans = "".join(f'<tspan x="{cx:.1f}" y="{top + line * k + line * 0.5 + font * 0.35:.1f}">{xml_text(value)}</tspan>'
                    for k, value in enumerate(lines))
    return f'<text text-anchor="middle"{extra}>{spans}</text>'


def svg(ctx: ViewContext, model_id: str, nodes: list[str], edges: list, figure_id: str,
        external: frozenset = frozenset()) -> str:
    lang = ctx.lang
    placed, texts, label_texts = arrange(ctx, nodes, edges)
    types = [edge_type for edge_type in EDGE_TYPES if any(edge.get("type") == edge_type for _, _, edge in edges)]
    types += sorted({edge.get("type", "") for _, _, edge in edges} - set(types))
    name = ctx.model_name(model_id)
    parents = sorted({parent for parent, child, _ in edges if child == model_id}, key=nodes.index)
    children = sorted({child for parent, child, _ in edges if parent == model_id}, key=nodes.index)
    title = text("lineage_figure_title", lang).format(name=name)
    sentences = [f"{ctx.model_name(child)} ← {edge_text(edge, lang).replace(chr(10), ' ')} ← {ctx.model_name(parent)}"
                 for parent, child, edge in edges]
    desc = text("lineage_figure_desc", lang).format(parents=len(parents), children=len(children), name=name) \
        + ("；" if lang == "zh" else "; ").join(sentences)
    width, height = placed.width, placed.height
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
        f'height="{height:.0f}" role="group" aria-labelledby="{figure_id}-title {figure_id}-desc" '
        f'class="fgpt-lineage" style="width:100%;height:auto;min-width:{width * MIN_SCALE:.0f}px;'
        f'max-width:{width * MAX_SCALE:.0f}px;font-family:inherit" font-size="{LABEL_FONT}" fill="currentColor">',
        f'<title id="{figure_id}-title">{xml_text(title)}</title>',
        f'<desc id="{figure_id}-desc">{xml_text(desc)}</desc>',
    ]
    out += svg_arrow_markers(figure_id, types, box=10, orient="auto")
    out.append('<g class="fgpt-lineage-edges" fill="none">')
    for index, (parent, child, edge) in enumerate(edges):
        edge_type = edge.get("type", "")
        tip = f"{ctx.model_name(child)} ← {edge_text(edge, lang).replace(chr(10), ' ')} ← {ctx.model_name(parent)}"
        out.append(f'<path d="{path_data(placed.paths[index], placed.direction)}" {svg_stroke(edge_type)} '
                   f'marker-end="url(#{figure_id}-{edge_type})"><title>{xml_text(tip)}</title></path>')
    out.append("</g>")
    out.append('<g class="fgpt-lineage-labels">')
    for index in sorted(placed.labels):
        box = placed.labels[index]
        out.append(f'<g><rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="3" '
                   f'style="fill:var(--md-default-bg-color, #fff)"/>'
                   + _text_lines(label_texts[index], box.x + box.w / 2, box.y + 1, LABEL_LINE, LABEL_FONT) + "</g>")
    out.append("</g>")
    out.append(f'<g class="fgpt-lineage-nodes" font-size="{NODE_FONT}">')
    for node in nodes:
        box = placed.nodes[node]
        focus = node == model_id
        border = ' stroke-width="3"' if focus else ' stroke-width="1.2"'
        if node in external:       # as the trees' classDef external (the around= selection has none today)
            border += ' stroke-dasharray="4 3"'
        fill = ("fill:color-mix(in srgb, currentColor 10%, var(--md-default-bg-color, #fff))" if focus
                else "fill:var(--md-default-bg-color, #fff)")
        shape = (f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="5" '
                 f'stroke="currentColor"{border} style="{fill}"/>'
                 + _text_lines(texts[node], box.x + box.w / 2, box.y + (box.h - NODE_LINE * len(texts[node])) / 2,
                               NODE_LINE, NODE_FONT,
                               ' font-weight="bold"' if focus else ""))
        if focus:
            out.append(f'<g class="fgpt-lineage-focus" data-model="{xml_text(node)}">{shape}</g>')
        else:
            url = relative_url(ctx.page_path, model_page_path(node))
            out.append(f'<a href="{xml_text(url)}" data-model="{xml_text(node)}">'
                       f'<title>{xml_text(ctx.model_name(node))}</title>{shape}</a>')
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def render_figure(ctx: ViewContext, model_id: str) -> str:
    """The figure (HTML) and the legend (Markdown table) for the model's neighbourhood; '' without edges."""
    nodes, edges = selection(ctx.registry, model_id)
    if not edges:
        return ""
    nodes = chronological(ctx.registry, nodes)
    kept_nodes, kept_edges, dropped = trimmed(model_id, nodes, edges)
    figure_id = "fgpt-lineage-" + hashlib.sha1(f"{model_id}\n{ctx.lang}".encode()).hexdigest()[:8]
    caption = ""
    if dropped:
        relation = {}
        for parent, child, edge in edges:
            other = parent if child == model_id else child if parent == model_id else None
            if other in dropped:
                relation.setdefault(other, edge_text(edge, ctx.lang).replace("\n", " "))
        items = [f'<a href="{xml_text(relative_url(ctx.page_path, model_page_path(node)))}">'
                 f'{xml_text(ctx.model_name(node))}</a>'
                 + (f'（{xml_text(relation.get(node, ""))}）' if ctx.lang == "zh" else f' ({xml_text(relation.get(node, ""))})')
                 for node in dropped]
        caption = (f'\n<figcaption>{xml_text(text("lineage_figure_more", ctx.lang).format(n=len(dropped)))}'
                   f'{text("list_joiner", ctx.lang).join(items)}</figcaption>')
    figure = (f'<figure class="fgpt-figure fgpt-lineage-figure">\n<div class="fgpt-scroll">\n'
              f'{svg(ctx, model_id, kept_nodes, kept_edges, figure_id)}\n</div>{caption}\n</figure>')
    return figure + "\n\n" + legend(edges, ctx.lang)
