"""``<!-- followgpt:tree family=openai-gpt -->``: a mermaid evolution tree from lineage edges, with a legend.

Series records are tied to their members that appear in the same tree (``series_member`` edges).

Selections: ``family=`` (the edges into the family's records, so outside parents appear, drawn dashed),
``ids=`` (exactly these), ``around=<id>`` (its parents and children, ``depth=`` steps out, default 1) and
``root=<id>`` (everything reachable downstream). Edges run parent → child; each carries its type as a label, a
line style and a colour (told apart without colour), and a '?' after the label when the relation is our inference;
the legend is generated from the vocabulary. A tree too wide for the content column is turned (TB ↔ LR, whichever
is narrower, estimated by tree_layout) and, if still too wide, split by era or by branch (whichever gives fewer
parts) into parts linked to each other, with nodes drawn in another part shown as dashed stubs (and where
drawing a series with its members inside one node saves parts, it is drawn so: ``fold_series``); text is never shrunk for it. Node ids are generated (n0, n1, …) and labels quoted
and escaped, as engineering-notes "Mermaid labels" prescribes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..context import MarkerProblem, ViewContext
from ..escape import markdown_text, mermaid_label, xml_text
from ..format import year_of
from ..labels import EDGE_MEANINGS, EDGE_TYPES, EVIDENCE, SERIES_EDGE, label, text
from ..links import model_page_path, relative_url
from ..records import first_date
from .table import markdown_table
from .tree_layout import estimate

NAME = "tree"
BLOCK = True
OPTIONS = {"family": "family", "ids": "models", "around": "model", "root": "model", "depth": "depth",
           "direction": ("TB", "LR")}
SELECTIONS = ("family", "ids", "around", "root")

# Mid-tone colours that read on both the light and the dark palette.
EDGE_COLOURS = {
    "architecture_from": "#8d8d8d",
    "scaled_from": "#1e88e5",
    "fine_tuned_from": "#43a047",
    "trained_on_outputs_of": "#fb8c00",
    "distilled_from": "#8e24aa",
    "successor_of": "#e53935",
    "based_on": "#00897b",
    "rl_from": "#d81b60",
    "continued_pretraining_of": "#3949ab",
    "quantized_from": "#6d4c41",
    SERIES_EDGE: "#8d8d8d",
}

# Line style per relation (dash pattern, width): with the label, this tells the relations apart without colour
# (colour-blind readers, both palettes, print). Keep every pattern distinct; tests/render/test_tree.py checks.
EDGE_STROKES = {
    "fine_tuned_from": (None, 2),
    "scaled_from": (None, 4),
    "architecture_from": ("10 5", 2),
    "trained_on_outputs_of": ("2 4", 2),
    "distilled_from": ("10 4 2 4", 2),
    "successor_of": ("5 5", 3),
    "based_on": ("14 4 4 4 4 4", 2),
    "rl_from": ("1 3", 4),
    "continued_pretraining_of": ("16 4", 4),
    "quantized_from": ("2 2", 1),
    SERIES_EDGE: (None, 1),
}



def svg_stroke(edge_type: str, scale: float = 1.0) -> str:
    """SVG stroke attributes of a relation in the figures drawn in Python (its line style, width and colour)."""
    dashes, width = EDGE_STROKES.get(edge_type, (None, 2))
    colour = EDGE_COLOURS.get(edge_type, "#8d8d8d")
    drawn = width if scale == 1 else max(1.0, width * scale)
    dash = f' stroke-dasharray="{dashes}"' if dashes else ""
    return f'stroke="{colour}" stroke-width="{drawn:g}"{dash}'


def svg_arrow_markers(figure_id: str, types: list[str], box: int, orient: str) -> list[str]:
    """A <defs> block with one arrowhead per relation (``box`` units square), in the relation's colour."""
    out = ["<defs>"]
    for edge_type in types:
        colour = EDGE_COLOURS.get(edge_type, "#8d8d8d")
        out.append(f'<marker id="{figure_id}-{edge_type}" viewBox="0 0 {box} {box}" refX="{box - 1}" '
                   f'refY="{box // 2}" markerUnits="userSpaceOnUse" markerWidth="{box - 1}" markerHeight="{box - 1}" '
                   f'orient="{orient}"><path d="M0 0L{box} {box // 2}L0 {box}Z" fill="{colour}"/></marker>')
    out.append("</defs>")
    return out

def series_edges(registry, nodes) -> list[tuple[str, str, dict]]:
    """series → member edges between nodes already in the diagram, so a series node (LLaMA) is tied to the
    sizes that appear (LLaMA-7B …) without pulling every size of every series into the tree."""
    present = set(nodes)
    return [(registry.models[node]["series"], node, {"type": SERIES_EDGE, "evidence": "explicit"})
            for node in nodes if registry.models[node].get("series") in present]


def select_family(registry, family: str):
    edges = [(edge["target"], child, edge) for child in registry.family_members(family)
             for edge in registry.parents(child) if edge.get("target") in registry.models]
    nodes = _nodes_of(edges)
    external = {node for node in nodes if registry.models[node].get("family") != family}
    return nodes, edges, set(), external


def select_ids(registry, ids: list[str]):
    wanted = set(ids)
    return list(dict.fromkeys(ids)), edges_among(registry, wanted), set(), set()


def edges_among(registry, nodes: set[str]) -> list[tuple[str, str, dict]]:
    """(parent, child, edge) for the lineage edges between ``nodes``, in registry order (children first by their
    place in the registry, then each child's edges in file order)."""
    return [(edge["target"], child, edge)
            for child in sorted((node for node in nodes if node in registry.models), key=registry.position)
            for edge in registry.parents(child) if edge.get("target") in nodes]


def select_around(registry, centre: str, depth: int = 1):
    """The centre and everything within ``depth`` lineage steps, found through the registry's indexes
    (this runs once per model page, so it must not scan the whole registry)."""
    reached = {centre}
    frontier = {centre}
    for _ in range(depth):
        step: set[str] = set()
        for node in frontier:
            step |= {edge["target"] for edge in registry.parents(node) if edge.get("target") in registry.models}
            step |= {child for child, _ in registry.children(node)}
        frontier = step - reached
        reached |= step
    edges = edges_among(registry, reached)
    return _nodes_of(edges) or [centre], edges, {centre}, set()


def select_root(registry, root: str):
    reached = {root}
    frontier = [root]
    while frontier:
        for child, _ in registry.children(frontier.pop()):
            if child not in reached:
                reached.add(child)
                frontier.append(child)
    edges = edges_among(registry, reached)
    return _nodes_of(edges) or [root], edges, {root}, set()


def _nodes_of(edges) -> list[str]:
    nodes: dict[str, None] = {}
    for parent, child, _ in edges:
        nodes.setdefault(parent)
        nodes.setdefault(child)
    return list(nodes)


def chronological(registry, nodes: list[str]) -> list[str]:
    """Earliest first (undated last), keeping registry order among equals, so mermaid lays out time downwards."""
    def key(model_id):
        dated = first_date(registry, model_id)
        return (dated is None, dated[1] if dated else "", registry.position(model_id))
    return sorted(nodes, key=key)


def multiline_label(text_value: str) -> str:
    """A quoted mermaid label whose lines (``\\n``) are kept apart with ``<br/>`` (each line escaped)."""
    return '"' + "<br/>".join(mermaid_label(line)[1:-1] for line in text_value.split("\n")) + '"'


def node_label(ctx: ViewContext, model_id: str) -> str:
    return multiline_label(node_text(ctx, model_id))


def node_text(ctx: ViewContext, model_id: str) -> str:
    """The name, and the year on a second line (narrower nodes: more of a tree fits the column)."""
    dated = first_date(ctx.registry, model_id)
    name = ctx.model_name(model_id)
    return f"{name}\n{year_of(dated[1])}" if dated else name


def edge_years(edge: dict) -> str:
    """'\\n2023–2024' (a second line) for an edge that held only for a time (since/until), else ''."""
    if not (edge.get("since") or edge.get("until")):
        return ""
    since = str(year_of(edge["since"])) if edge.get("since") else ""
    until = str(year_of(edge["until"])) if edge.get("until") else ""
    return f"\n{since}–{until}"


INFERRED_MARK = "?"


def edge_text(edge: dict, lang: str) -> str:
    """The edge's label: its type, '?' when the relation is our inference, the years it held, and the member
    it leads to when that member is drawn inside its series node."""
    mark = INFERRED_MARK if edge.get("evidence") == "inferred" else ""
    member = f"\n→ {edge['member']}" if edge.get("member") else ""   # drawn into its series (fold_series)
    return label(EDGE_TYPES, edge.get("type", ""), lang) + mark + edge_years(edge) + member


def link_style(edge_type: str) -> str:
    colour = EDGE_COLOURS.get(edge_type, "#8d8d8d")
    dashes, width = EDGE_STROKES.get(edge_type, (None, 2))
    style = f"stroke:{colour},color:{colour},stroke-width:{width}px"
    return style + (f",stroke-dasharray:{dashes}" if dashes else ",stroke-dasharray:0")


def flowchart(ctx: ViewContext, nodes, edges, focus=frozenset(), external=frozenset(), direction="TB",
              stubs=None, labels=None) -> str:
    """The mermaid source (without the fence). ``stubs`` maps nodes drawn in another part of a split tree to
    that part's anchor (they are drawn with a dashed border, like outside parents). ``labels``: node texts
    other than ``node_text`` (a series drawn with its members, see ``fold_series``)."""
    stubs = stubs or {}
    nodes = chronological(ctx.registry, nodes)
    node_ids = {model_id: f"n{index}" for index, model_id in enumerate(nodes)}
    lines = [f"flowchart {direction}"]
    labels = labels or {}
    lines += [f"    {node_ids[model_id]}[{multiline_label(labels[model_id]) if model_id in labels else node_label(ctx, model_id)}]"
              for model_id in nodes]
    link_styles = []
    for index, (parent, child, edge) in enumerate(edges):
        lines.append(f"    {node_ids[parent]} -->|{multiline_label(edge_text(edge, ctx.lang))}| {node_ids[child]}")
        link_styles.append(f"    linkStyle {index} {link_style(edge.get('type'))}")
    lines += link_styles
    for model_id in nodes:
        url = relative_url(ctx.page_path, model_page_path(model_id))
        lines.append(f'    click {node_ids[model_id]} href "{url}"')
    lines.append("    classDef focus stroke-width:3px")
    lines.append("    classDef external stroke-dasharray:4 3")
    if focus & set(nodes):
        lines.append(f"    class {','.join(node_ids[node] for node in nodes if node in focus)} focus")
    outside = (set(external) | set(stubs)) & set(nodes)
    if outside:
        lines.append(f"    class {','.join(node_ids[node] for node in nodes if node in outside)} external")
    return "\n".join(lines)


def stroke_sample(edge_type: str) -> str:
    """A short line in the edge's colour and line style, for the legend (inline SVG, hidden from readers of
    the text: the relation's name is in the next cell)."""
    colour = EDGE_COLOURS.get(edge_type, "#8d8d8d")
    dashes, width = EDGE_STROKES.get(edge_type, (None, 2))
    dash = f' stroke-dasharray="{dashes}"' if dashes else ""
    return (f'<svg class="fgpt-edge-sample" width="48" height="10" viewBox="0 0 48 10" aria-hidden="true">'
            f'<line x1="1" y1="5" x2="47" y2="5" stroke="{colour}" stroke-width="{width}"{dash}/></svg>')


def legend(edges, lang: str, outside: bool = False) -> str:
    """A small table generated from the vocabulary: each relation type that appears, drawn in its line style,
    with its name and meaning; then what '?' after a label and a dashed border mean."""
    present = {edge.get("type") for _, _, edge in edges}
    types = [edge_type for edge_type in EDGE_TYPES if edge_type in present]
    types += sorted(edge_type for edge_type in present if edge_type not in EDGE_TYPES)
    rows = [[stroke_sample(edge_type), markdown_text(label(EDGE_TYPES, edge_type, lang)),
             markdown_text(label(EDGE_MEANINGS, edge_type, lang))] for edge_type in types]
    if any(edge.get("evidence") == "inferred" for _, _, edge in edges):
        rows.append(["", markdown_text(text("tree_inferred_mark", lang)), label(EVIDENCE, "inferred", lang)])
    if outside:
        rows.append(["", markdown_text(text("tree_dashed_border", lang)), markdown_text(text("tree_outside", lang))])
    table = markdown_table([text("tree_line", lang), text("edge_type", lang), text("meaning", lang)], rows)
    # The same few rows under every tree and on every model page: kept out of the search index (Material skips
    # an element with data-search-exclude), or a search for "architecture" would list them all.
    return f'<div class="fgpt-legend" data-search-exclude markdown>\n\n{table}\n\n</div>'


# -- fitting a tree to the content column ------------------------------------------------------------------------

# The widest a drawn diagram may be: at mermaid's natural size its labels are 16px, and the site draws a diagram
# at no less than 0.7 of that (11.2px). A 688px desktop column therefore holds 983px without sideways scrolling
# (a 358px phone column shows it as 1.9 column widths). The estimate (tree_layout) matches mermaid's drawing
# for left-to-right trees and can fall up to ~1.35× short for top-to-bottom ones (dagre orders and spaces a
# wide rank less tightly than the estimate assumes); widths are compared with that margin.
MAX_WIDTH = 960
FIT = 900
MARGIN = {"TB": 1.35, "LR": 1.05}
MAX_NODES = 40       # more nodes than this in one diagram is a wall, however narrow


@dataclass
class Part:
    nodes: list[str]                      # drawn here (own nodes, then stubs)
    edges: list[tuple[str, str, dict]]
    direction: str
    width: float                          # estimated natural width
    own: list[str] = field(default_factory=list)
    stubs: dict[str, int] = field(default_factory=dict)   # node → index of the part that draws it
    first: int | None = None              # years of its own nodes
    last: int | None = None
    heads: list[str] = field(default_factory=list)   # split by branch: the tops of the branches it draws


def estimated_width(ctx: ViewContext, nodes, edges, direction: str, labels=None) -> float:
    """The width mermaid may draw the tree at, with the estimate's margin of error for ``direction``."""
    labels = {node: labels[node] if labels and node in labels else node_text(ctx, node) for node in nodes}
    return estimate(labels, [(parent, child, edge_text(edge, ctx.lang)) for parent, child, edge in edges],
                    direction).w * MARGIN[direction]


def best_direction(ctx: ViewContext, nodes, edges, preferred: str | None, labels=None) -> tuple[str, float]:
    """The preferred direction if the tree fits in it, else the narrower one. Without a preference, left to
    right comes first: its width is estimated exactly (it is the sum of the ranks), and it keeps a node with
    many children or parents compact."""
    preferred = preferred or "LR"
    other = "LR" if preferred == "TB" else "TB"
    widths = {preferred: estimated_width(ctx, nodes, edges, preferred, labels)}
    if widths[preferred] <= FIT:
        return preferred, widths[preferred]
    widths[other] = estimated_width(ctx, nodes, edges, other, labels)
    chosen = min(widths, key=lambda direction: (widths[direction], direction != preferred))
    return chosen, widths[chosen]


def era_of(ctx: ViewContext, nodes, edges) -> dict[str, str]:
    """Each node's date for splitting by era: its first date, or (undated) its earliest dated neighbour's."""
    dates = {node: (first_date(ctx.registry, node) or (None, None))[1] for node in nodes}
    for _ in range(2):
        for parent, child, _ in edges:
            for node, other in ((child, parent), (parent, child)):
                if dates.get(node) is None and dates.get(other) is not None:
                    dates[node] = dates[other]
    return {node: str(value) if value is not None else "9999" for node, value in dates.items()}


def plan(ctx: ViewContext, nodes, edges, preferred: str | None = None, external=frozenset(),
         labels: dict[str, str] | None = None) -> list[Part]:
    """One part if the tree fits the column in some direction, else whichever split gives fewer, fuller parts
    (``_cost``; a tie goes to era): by era (consecutive years) or by branch (sub-trees, small ones grouped). Each part
    has its own nodes and the stubs of nodes drawn in another part."""
    # Every node's text, measured once (a split estimates the same nodes many times).
    labels = {node: (labels or {}).get(node) or node_text(ctx, node) for node in nodes}
    direction, width = best_direction(ctx, nodes, edges, preferred, labels)
    if (width <= FIT and len(nodes) <= MAX_NODES) or len(nodes) <= 2:
        return [Part(list(nodes), list(edges), direction, width, own=list(nodes))]
    splits = [split_by_era(ctx, nodes, edges, preferred, labels),
              split_by_branch(ctx, nodes, edges, preferred, external, labels)]
    return min(splits, key=_cost)


def _cost(parts: list[Part]) -> tuple[int, int, int, int]:
    """Fewer parts too large for the column (a model too wide with its stubs alone), then fewer parts, then fewer
    nearly empty parts (one or two models of their own), then fewer stubs."""
    return (sum(not _fits(part) for part in parts), len(parts), sum(len(part.own) <= 2 for part in parts),
            sum(len(part.stubs) for part in parts))


def _fits(part: Part) -> bool:
    return part.width <= FIT and len(part.nodes) <= MAX_NODES


def _part(ctx: ViewContext, own: list[str], edges, owner, preferred, labels=None) -> Part:
    """A part drawing ``own`` and every edge whose ``owner`` (one of its two ends) is its own; the other end
    of such an edge, if not its own, is a stub."""
    mine = set(own)
    drawn = [edge for edge in edges if owner(edge) in mine]
    stubs = [node for node in _nodes_of(drawn) if node not in mine]
    if len(own) + len(stubs) > MAX_NODES:   # too many whatever its width: don't estimate it
        return Part(own + stubs, drawn, preferred or "LR", float("inf"), own=list(own),
                    stubs={node: -1 for node in stubs})
    chosen, chosen_width = best_direction(ctx, own + stubs, drawn, preferred, labels)
    return Part(own + stubs, drawn, chosen, chosen_width, own=list(own), stubs={node: -1 for node in stubs})


def _merge_small(parts: list[Part], part_of, anywhere: bool = False) -> list[Part]:
    """A part with one or two models of its own is merged into the next one when the two fit together (with
    ``anywhere``, into the first other part it fits with: parts by branch need not stay in date order)."""
    index = 0
    while index + 1 < len(parts):
        merged = part_of(parts[index].own + parts[index + 1].own)
        if min(len(parts[index].own), len(parts[index + 1].own)) <= 2 and _fits(merged):
            parts[index:index + 2] = [merged]
        else:
            index += 1
    if anywhere:
        for small in [part for part in parts if len(part.own) <= 2]:
            for index, other in enumerate(parts):
                if other is small:
                    continue
                merged = part_of(other.own + small.own)
                if _fits(merged):
                    parts[index] = merged
                    parts.remove(small)
                    break
    return parts


def _finish(parts: list[Part], era: dict[str, str]) -> list[Part]:
    home = {node: index for index, part in enumerate(parts) for node in part.own}
    for part in parts:
        part.stubs = {node: home[node] for node in part.stubs}
        own_years = sorted(int(era[node][:4]) for node in part.own if era[node] != "9999")
        part.first, part.last = (own_years[0], own_years[-1]) if own_years else (None, None)
    return parts


def split_by_era(ctx: ViewContext, nodes, edges, preferred: str | None = None, labels=None) -> list[Part]:
    """Parts of consecutive years, each drawing the edges whose later end is its own (a year too wide alone is
    split model by model, in date order)."""
    era = era_of(ctx, nodes, edges)
    ordered = sorted(chronological(ctx.registry, nodes), key=lambda node: era[node][:4])
    position = {node: index for index, node in enumerate(ordered)}

    def part_of(own: list[str]) -> Part:
        return _part(ctx, own, edges, lambda edge: max(edge[0], edge[1], key=position.__getitem__), preferred,
                     labels)

    parts: list[Part] = []
    current: list[str] = []
    years = sorted({era[node][:4] for node in ordered})
    for year in years:
        block = [node for node in ordered if era[node][:4] == year]
        trial = part_of(current + block)
        if _fits(trial):
            current += block
            continue
        if current:
            parts.append(part_of(current))
            current = []
        for node in block:                       # one year alone is too wide: split it node by node
            trial = part_of(current + [node])
            if current and not _fits(trial):
                parts.append(part_of(current))
                current = []
            current.append(node)
    if current:
        parts.append(part_of(current))
    return _finish(_merge_small(parts, part_of), era)


def spanning_forest(ctx: ViewContext, nodes, edges) -> tuple[list[str], dict[str, list[str]]]:
    """(roots, children): each node hangs under the first parent that reaches it breadth first from the roots
    (nodes without a parent in the tree), earliest first, so a model with two parents sits in one branch."""
    order = chronological(ctx.registry, list(nodes))
    below: dict[str, list[str]] = {node: [] for node in order}
    has_parent = set()
    rank = {node: index for index, node in enumerate(order)}
    for parent, child, _ in edges:
        if parent in below and child in below and child not in below[parent]:
            below[parent].append(child)
            has_parent.add(child)
    for node in below:
        below[node].sort(key=rank.__getitem__)
    roots = [node for node in order if node not in has_parent]
    children: dict[str, list[str]] = {node: [] for node in order}
    seen = set(roots)
    queue = list(roots)
    for start in [None, *order]:   # a node only reachable around a cycle (the validator rejects them) becomes a root
        if start is not None and start not in seen:
            roots.append(start)
            seen.add(start)
            queue.append(start)
        while queue:
            current = queue.pop(0)
            for child in below[current]:
                if child not in seen:
                    seen.add(child)
                    children[current].append(child)
                    queue.append(child)
    return roots, children


def split_by_branch(ctx: ViewContext, nodes, edges, preferred: str | None = None, external=frozenset(),
                    labels=None) -> list[Part]:
    """Parts by branch (the sub-trees under the root's children, recursively), packed first fit: each unit goes
    into the first part it fits in, so small branches share a part. Three ways of cutting the tree into units
    are tried and the cheapest (``_cost``) kept: whole sub-trees (one too large gives its top node alone, then
    its branches); the same, but a sub-tree too large gives its top levels that fit together; and families of
    siblings (a node's children together, generation by generation: for a deep, wide tree, where a sub-tree of
    three generations is already too wide, each part then holds two generations of several branches). An edge
    is drawn in the part that owns its child (the parent, if drawn elsewhere, is a stub). A part's ``heads``
    (its title) are the tops of its branches, an outside parent replaced by its children there."""
    roots, children = spanning_forest(ctx, nodes, edges)

    def part_of(own: list[str]) -> Part:
        return _part(ctx, own, edges, lambda edge: edge[1], preferred, labels)

    tried: dict[frozenset, bool] = {}

    def fits(own: list[str]) -> bool:   # the same sets come up in each way of cutting
        key = frozenset(own)
        if key not in tried:
            tried[key] = _fits(part_of(own))
        return tried[key]

    def subtree(node: str) -> list[str]:
        found, stack = [], [node]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(children[current]))
        return found

    def cut(by_levels: bool) -> list[list[str]]:
        """Units depth first (a unit's branches right after it): a sub-tree that fits is one unit; one that does
        not is its top node alone (``by_levels``: its top levels that fit together) and the branches below."""
        units: list[list[str]] = []
        stack = list(reversed(roots))
        while stack:
            node = stack.pop()
            whole = subtree(node)
            if len(whole) == 1 or fits(whole):
                units.append(whole)
                continue
            levels, unit = [[node]], [node]
            while by_levels:
                below = [child for current in levels[-1] for child in children[current]]
                if not below or not fits(unit + below):
                    break
                levels.append(below)
                unit = unit + below
            units.append(unit)
            stack.extend(reversed([child for current in levels[-1] for child in children[current]]))
        return units

    siblings = [[root] for root in roots]
    queue = list(roots)
    for current in queue:   # breadth first: generation by generation
        if children[current]:
            siblings.append(list(children[current]))
            queue.extend(children[current])

    parent_in_tree = {child: node for node, below in children.items() for child in below}
    candidates = []
    for units in (cut(False), cut(True), siblings):
        groups: list[list[str]] = []
        for unit in units:
            for group in groups:
                if fits(group + unit):
                    group += unit
                    break
            else:
                groups.append(list(unit))
        parts = _merge_small([part_of(group) for group in groups], part_of, anywhere=True)
        for part in parts:
            mine = set(part.own)
            tops = [node for node in part.own if parent_in_tree.get(node) not in mine]
            part.heads = list(dict.fromkeys(
                head for top in tops
                for head in ([child for child in children[top] if child in mine] or [top]
                             if top in external else [top])))
        candidates.append(parts)
    best = min(candidates, key=_cost)
    return _finish(best, era_of(ctx, nodes, edges))


HEADS_NAMED = 2   # a branch part's title names this many of its branches, then '…'


def part_title(ctx: ViewContext, part: Part) -> str:
    lang = ctx.lang
    if part.heads:
        names = [ctx.model_name(node) for node in part.heads[:HEADS_NAMED]]
        key = "tree_branch" if len(part.heads) == 1 else "tree_branches" if len(part.heads) <= HEADS_NAMED \
            else "tree_branches_more"
        return text(key, lang).format(names=text("list_joiner", lang).join(names))
    if part.first is None:
        return text("tree_part_undated", lang)
    return str(part.first) if part.first == part.last else f"{part.first}–{part.last}"


def part_heading(ctx: ViewContext, parts: list[Part], index: int, anchor: str) -> str:
    """'第 2 部分（共 3 部分）：2022–2023 · ← 2017–2021 · 2024–2025 →', as HTML with links to the other parts."""
    lang = ctx.lang
    links = []
    if index > 0:
        links.append(f'<a href="#{anchor}-{index}">← {xml_text(part_title(ctx, parts[index - 1]))}</a>')
    if index + 1 < len(parts):
        links.append(f'<a href="#{anchor}-{index + 2}">{xml_text(part_title(ctx, parts[index + 1]))} →</a>')
    heading = text("tree_part", lang).format(n=index + 1, total=len(parts), years=part_title(ctx, parts[index]))
    return (f'<p class="fgpt-tree-part" id="{anchor}-{index + 1}"><strong>{xml_text(heading)}</strong>'
            + "".join(f" · {link}" for link in links) + "</p>")


def fold_series(ctx: ViewContext, nodes, edges) -> tuple[list[str], list[tuple[str, str, dict]], dict[str, str]]:
    """The tree with members of a series drawn inside the series node: (nodes, edges, labels of the series nodes).

    A member is folded when nothing in the tree comes from it (and it is not a series itself); a series with two
    or more such members lists them on a line of its own and takes their edges. When the folded members all
    come from the same parents by the same relations, each such edge is drawn once; otherwise each carries the
    name of the member it belongs to, so the drawing says no more than the registry does. Other members stay
    nodes of their own."""
    registry = ctx.registry
    has_children = {parent for parent, _, edge in edges if edge.get("type") != SERIES_EDGE}
    members: dict[str, list[str]] = {}
    for parent, child, edge in edges:
        if edge.get("type") == SERIES_EDGE:
            members.setdefault(parent, []).append(child)
    folded: dict[str, list[str]] = {}
    shared: dict[str, bool] = {}
    for series, group in members.items():
        signatures = {}
        for member in group:
            if member in has_children or member in members:
                continue
            signature = tuple(sorted((parent, edge.get("type", ""), edge.get("evidence", "")) for parent, child, edge
                                     in edges if child == member and edge.get("type") != SERIES_EDGE))
            if series not in {parent for parent, *_ in signature}:
                signatures[member] = signature
        if len(signatures) >= 2:
            folded[series] = chronological(registry, list(signatures))
            shared[series] = len(set(signatures.values())) == 1
    if not folded:
        return list(nodes), list(edges), {}
    short = {}
    labels = {}
    for series, group in folded.items():
        names = _short_names([ctx.model_name(member) for member in group], ctx.model_name(series))
        short.update(zip(group, names))
        labels[series] = node_text(ctx, series) + "\n" + " · ".join(names)
    into = {member: series for series, group in folded.items() for member in group}
    kept_edges, seen = [], set()
    for parent, child, edge in edges:
        if child in into:
            if edge.get("type") == SERIES_EDGE:
                continue
            if not shared[into[child]]:
                edge = {**edge, "member": short[child]}
            child = into[child]
        key = (parent, child, edge.get("type"), edge.get("evidence"), edge.get("member"))
        if key not in seen:
            seen.add(key)
            kept_edges.append((parent, child, edge))
    return [node for node in nodes if node not in into], kept_edges, labels


def _short_names(names: list[str], series_name: str) -> list[str]:
    """Member names without the words they all share with the start of the series' name
    ('DeepSeek-R1-Distill-Qwen-7B' under 'DeepSeek-R1-Distill' → 'Qwen-7B')."""
    prefix = ""
    for index in range(min(len(name) for name in names)):
        if len({name[index] for name in names}) > 1:
            break
        if names[0][index] in " -" and series_name.startswith(names[0][:index]):
            prefix = names[0][:index + 1]
    return [name[len(prefix):] for name in names] if prefix else names


def render_tree(ctx: ViewContext, nodes, edges, focus=frozenset(), external=frozenset(), direction=None) -> str:
    ctx.assets.add("mermaid")
    nodes, edges, labels = list(nodes), list(edges), {}
    parts = plan(ctx, nodes, edges, direction, frozenset(external))
    if len(parts) > 1:   # too large: would drawing series with their members inside save parts?
        folded_nodes, folded_edges, folded_labels = fold_series(ctx, nodes, edges)
        if folded_labels and not set(focus) - set(folded_nodes):
            folded = plan(ctx, folded_nodes, folded_edges, direction, frozenset(external), folded_labels)
            if _cost(folded) < _cost(parts):
                nodes, edges, labels, parts = folded_nodes, folded_edges, folded_labels, folded
    outside = bool(set(external) & set(nodes)) or len(parts) > 1
    if len(parts) == 1:
        part = parts[0]
        diagram = ("```mermaid\n" + flowchart(ctx, part.nodes, part.edges, set(focus), set(external), part.direction,
                                                labels=labels) + "\n```")
        return diagram + ("\n\n" + legend(edges, ctx.lang, outside) if edges else "")
    anchor = "fgpt-tree-" + hashlib.sha1(repr((sorted(nodes), ctx.lang)).encode()).hexdigest()[:8]
    split = "tree_split_branch" if parts[0].heads else "tree_split"
    blocks = [f'<p class="fgpt-tree-parts">{xml_text(text(split, ctx.lang).format(total=len(parts)))}</p>']
    for index, part in enumerate(parts):
        blocks.append(part_heading(ctx, parts, index, anchor))
        blocks.append("```mermaid\n" + flowchart(ctx, part.nodes, part.edges, set(focus), set(external),
                                                  part.direction, part.stubs, labels) + "\n```")
    blocks.append(legend(edges, ctx.lang, outside))
    return "\n\n".join(blocks)


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    chosen = [key for key in SELECTIONS if key in options]
    if positional or len(chosen) != 1:
        raise MarkerProblem("tree needs exactly one of family=, ids=, around=, root=")
    if "depth" in options and "around" not in options:
        raise MarkerProblem("depth= only applies to around=")
    registry = ctx.registry
    if "family" in options:
        selection = select_family(registry, options["family"])
    elif "ids" in options:
        selection = select_ids(registry, options["ids"])
    elif "around" in options:
        selection = select_around(registry, options["around"], options.get("depth", 1))
    else:
        selection = select_root(registry, options["root"])
    nodes, edges, focus, external = selection
    edges = edges + series_edges(registry, nodes)
    if not nodes:
        raise MarkerProblem(f"the tree selection {chosen[0]}={options[chosen[0]]} has no lineage edges")
    return render_tree(ctx, nodes, edges, focus, external, options.get("direction"))
