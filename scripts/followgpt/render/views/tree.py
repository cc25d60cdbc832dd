"""``<!-- followgpt:tree family=openai-gpt -->``: a mermaid evolution tree from lineage edges, with a legend.

Series records are tied to their members that appear in the same tree (``series_member`` edges).

Selections: ``family=`` (the edges into the family's records, so outside parents appear, drawn dashed),
``ids=`` (exactly these), ``around=<id>`` (its parents and children, ``depth=`` steps out, default 1) and
``root=<id>`` (everything reachable downstream). Edges run parent → child; explicit edges are solid, inferred
ones dotted; each carries its type as a label and a colour. Node ids are generated (n0, n1, …) and labels quoted
and escaped, as engineering-notes "Mermaid labels" prescribes.
"""

from __future__ import annotations

from ..context import MarkerProblem, ViewContext
from ..escape import markdown_text, mermaid_label
from ..format import year_of
from ..labels import EDGE_MEANINGS, EDGE_TYPES, EVIDENCE, SERIES_EDGE, label, text
from ..links import model_page_path, relative_url
from ..records import first_date
from .table import markdown_table

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


def node_label(ctx: ViewContext, model_id: str) -> str:
    dated = first_date(ctx.registry, model_id)
    name = ctx.model_name(model_id)
    return mermaid_label(f"{name} · {year_of(dated[1])}" if dated else name)


def edge_years(edge: dict) -> str:
    """' · 2023–2024' for an edge that held only for a time (since/until), else ''."""
    if not (edge.get("since") or edge.get("until")):
        return ""
    since = str(year_of(edge["since"])) if edge.get("since") else ""
    until = str(year_of(edge["until"])) if edge.get("until") else ""
    return f" · {since}–{until}"


def flowchart(ctx: ViewContext, nodes, edges, focus=frozenset(), external=frozenset(), direction="TB") -> str:
    """The mermaid source (without the fence)."""
    nodes = chronological(ctx.registry, nodes)
    node_ids = {model_id: f"n{index}" for index, model_id in enumerate(nodes)}
    lines = [f"flowchart {direction}"]
    lines += [f"    {node_ids[model_id]}[{node_label(ctx, model_id)}]" for model_id in nodes]
    link_styles = []
    for index, (parent, child, edge) in enumerate(edges):
        arrow = "-.->" if edge.get("evidence") == "inferred" else "-->"
        edge_text = mermaid_label(label(EDGE_TYPES, edge.get("type", ""), ctx.lang) + edge_years(edge))
        lines.append(f"    {node_ids[parent]} {arrow}|{edge_text}| {node_ids[child]}")
        colour = EDGE_COLOURS.get(edge.get("type"))
        if colour:
            link_styles.append(f"    linkStyle {index} stroke:{colour},color:{colour}")
    lines += link_styles
    for model_id in nodes:
        url = relative_url(ctx.page_path, model_page_path(model_id))
        lines.append(f'    click {node_ids[model_id]} href "{url}"')
    lines.append("    classDef focus stroke-width:3px")
    lines.append("    classDef external stroke-dasharray:4 3")
    if focus & set(nodes):
        lines.append(f"    class {','.join(node_ids[node] for node in nodes if node in focus)} focus")
    if external & set(nodes):
        lines.append(f"    class {','.join(node_ids[node] for node in nodes if node in external)} external")
    return "\n".join(lines)


def legend(edges, lang: str) -> str:
    """A small table: which relation types appear and what solid/dotted mean."""
    types = list(dict.fromkeys(edge.get("type") for _, _, edge in edges))
    present = {edge.get("evidence", "explicit") for _, _, edge in edges}
    evidence = [kind for kind in ("explicit", "inferred") if kind in present]
    rows = [[markdown_text(label(EDGE_TYPES, edge_type, lang)), markdown_text(label(EDGE_MEANINGS, edge_type, lang))]
            for edge_type in types]
    rows += [[text("solid" if kind == "explicit" else "dotted", lang), label(EVIDENCE, kind, lang)] for kind in evidence]
    return markdown_table([text("edge_type", lang), text("meaning", lang)], rows)


def render_tree(ctx: ViewContext, nodes, edges, focus=frozenset(), external=frozenset(), direction="TB") -> str:
    ctx.assets.add("mermaid")
    diagram = "```mermaid\n" + flowchart(ctx, nodes, edges, set(focus), set(external), direction) + "\n```"
    return diagram + ("\n\n" + legend(edges, ctx.lang) if edges else "")


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
    return render_tree(ctx, nodes, edges, focus, external, options.get("direction", "TB"))
