"""The model pages' lineage neighbourhood, drawn in Python as inline SVG (views/lineage_figure.py)."""

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from followgpt.registry import load_registry
from followgpt.render import SiteContext, expand_page
from followgpt.render.views import lineage_figure, tree
from followgpt.render.views.lineage_figure import crossings, layout

SVG = "{http://www.w3.org/2000/svg}"
REAL = Path(__file__).resolve().parents[2] / "resources"


def figure(markdown: str) -> ElementTree.Element:
    match = re.search(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox.*?</svg>', markdown, re.S)
    assert match, markdown[:300]
    return ElementTree.fromstring(match.group(0))     # raises on anything that is not well-formed XML


def page(expand, model_id: str, lang: str = "en") -> str:
    return expand(f"<!-- followgpt:model-page id={model_id} -->\n", lang=lang,
                  page_path=f"models/{model_id}.md").markdown


def overlaps(a, b) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


# -- layout (pure) -------------------------------------------------------------------------------------------------

def test_ranks_follow_the_longest_path_and_a_skipping_edge_passes_through_a_slot():
    nodes = ["a", "b", "c"]
    sizes = {node: (60.0, 30.0) for node in nodes}
    placed = layout(nodes, sizes, [("a", "b"), ("b", "c"), ("a", "c")], [(40.0, 14.0)] * 3)
    assert placed.rank == {"a": 0, "b": 1, "c": 2}
    assert (2, 1) in placed.order[1]                               # a → c has a slot in b's rank
    xs = [placed.nodes[node].x for node in nodes]
    assert xs == sorted(xs) and len(set(xs)) == 3                  # left to right
    assert len(placed.paths[2]) == 6                               # start, label (2), slot (2), end


def test_barycenter_order_removes_crossings():
    # two parents and two children joined crosswise in input order: the drawing needs none
    nodes = ["p1", "p2", "c1", "c2"]
    sizes = {node: (50.0, 30.0) for node in nodes}
    edges = [("p1", "c2"), ("p2", "c1")]
    placed = layout(nodes, sizes, edges, [(30.0, 14.0)] * 2)
    assert placed.crossings == 0
    assert crossings([["p1", "p2"], ["c1", "c2"]], edges) == 1
    order = {node: index for layer in placed.order for index, node in enumerate(layer)}
    assert (order["p1"] < order["p2"]) == (order["c2"] < order["c1"])


@pytest.mark.parametrize("direction", ["LR", "TB"])
def test_boxes_and_labels_never_overlap_in_a_wide_fan(direction):
    nodes = ["focus"] + [f"child{index}" for index in range(10)] + ["parent"]
    sizes = {node: (80.0, 44.0) for node in nodes}
    edges = [("parent", "focus")] + [("focus", f"child{index}") for index in range(10)] + [("parent", "child3")]
    placed = layout(nodes, sizes, edges, [(70.0, 30.0)] * len(edges), direction)
    boxes = list(placed.nodes.values()) + list(placed.labels.values())
    assert all(not overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert all(0 <= box.x and box.x + box.w <= placed.width + 0.01 and 0 <= box.y
               and box.y + box.h <= placed.height + 0.01 for box in boxes)


def test_a_neighbourhood_of_thirty_keeps_at_most_max_rank_a_rank_and_draws_them_apart():
    children = [f"c{index:02}" for index in range(30)]
    nodes = ["p", "focus"] + children
    edges = [("p", "focus", {})] + [("focus", child, {}) for child in children] + [("p", "c00", {})]
    kept, kept_edges, dropped = lineage_figure.trimmed("focus", nodes, edges)
    assert "c00" in kept                                           # joined to more than the focus: always drawn
    assert len([node for node in kept if node.startswith("c")]) == lineage_figure.MAX_RANK
    assert set(kept) | set(dropped) == set(nodes) and not set(kept) & set(dropped)
    assert all(parent in kept and child in kept for parent, child, _ in kept_edges)
    sizes = {node: (90.0, 44.0) for node in kept}
    placed = layout(kept, sizes, [(parent, child) for parent, child, _ in kept_edges], [(80.0, 30.0)] * len(kept_edges))
    boxes = list(placed.nodes.values()) + list(placed.labels.values())
    assert all(not overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


# -- the figure on a model page (fixture registry) -----------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_deterministic_well_formed_accessible_and_without_mermaid(expand, lang):
    first = page(expand, "gpt-3", lang)
    assert first == page(expand, "gpt-3", lang)
    svg = figure(first)
    assert svg.get("role") == "group" and svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text
    width, height = (float(value) for value in svg.get("viewBox").split()[2:])
    assert float(svg.get("width")) == width and float(svg.get("height")) == height
    min_width = float(re.search(r"min-width:(\d+)px", svg.get("style")).group(1))
    assert min_width == pytest.approx(width * 11 / lineage_figure.LABEL_FONT, abs=1)   # never below 11px text
    assert "```mermaid" not in first and "<script" not in first
    assert '<figure class="fgpt-figure fgpt-lineage-figure">' in first   # measured by tests/browser/diagram_metrics.py
    ids = re.findall(r'id="([^"]+)"', first)
    assert len(ids) == len(set(ids))


def test_every_node_but_the_focus_links_to_its_page_and_the_focus_stands_out(expand, registry):
    svg = figure(page(expand, "gpt-3"))
    nodes, edges = lineage_figure.selection(registry, "gpt-3")
    links = {link.get("data-model"): link.get("href") for link in svg.iter(f"{SVG}a")}
    assert set(links) == set(nodes) - {"gpt-3"}
    assert all(href == f"../{model_id}/" for model_id, href in links.items())
    focus = [group for group in svg.iter(f"{SVG}g") if group.get("class") == "fgpt-lineage-focus"]
    assert len(focus) == 1 and focus[0].get("data-model") == "gpt-3"
    assert focus[0].find(f"{SVG}rect").get("stroke-width") == "3"
    # the same selection as the tree marker around=gpt-3 draws (series edges included)
    around, around_edges, _, _ = tree.select_around(registry, "gpt-3", 1)
    assert set(nodes) == set(around)
    assert len(edges) == len(around_edges) + len(tree.series_edges(registry, around))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_edge_in_its_relations_line_style_with_its_label(expand, registry, lang):
    markdown = page(expand, "gpt-3", lang)
    svg = figure(markdown)
    _, edges = lineage_figure.selection(registry, "gpt-3")
    paths = [path for path in svg.iter(f"{SVG}path") if path.get("marker-end")]
    assert len(paths) == len(edges)
    labels = ["".join(text.itertext()) for group in svg.iter(f"{SVG}g") if group.get("class") == "fgpt-lineage-labels"
              for text in group.iter(f"{SVG}text")]
    for path, (_, _, edge) in zip(paths, edges):
        dashes, width = tree.EDGE_STROKES[edge["type"]]
        assert path.get("stroke") == tree.EDGE_COLOURS[edge["type"]]
        assert path.get("stroke-width") == str(width) and path.get("stroke-dasharray") == dashes
        assert path.get("marker-end") == f"url(#{svg.get('aria-labelledby').split('-title')[0]}-{edge['type']})"
        assert "".join(tree.edge_text(edge, lang).split()) in ["".join(label.split()) for label in labels]
    assert any(tree.INFERRED_MARK in label for label in labels)          # inferred edges keep their '?'
    # the legend is the trees' legend, generated from the vocabulary
    assert tree.legend(edges, lang) in markdown


def test_text_sizes(expand):
    svg = figure(page(expand, "gpt-3"))
    sizes = {float(element.get("font-size")) for element in svg.iter() if element.get("font-size")}
    assert min(sizes) >= lineage_figure.LABEL_FONT and min(sizes) * lineage_figure.MIN_SCALE >= 11


# -- the real registry: every neighbourhood within the budgets -----------------------------------------------------

@pytest.fixture(scope="module")
def real():
    return load_registry(REAL)


def real_figures(real, lang):
    site = SiteContext(registry=real, lang=lang, pages={})
    for model_id in real.models:
        nodes, edges = lineage_figure.selection(real, model_id)
        if not edges:
            continue
        markdown = expand_page(f"<!-- followgpt:model-page id={model_id} -->\n", page_path=f"models/{model_id}.md",
                               lang=lang, site=site).markdown
        if "fgpt-lineage-figure" in markdown:
            yield model_id, nodes, markdown


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_neighbourhoods_fit_the_column_at_11px(real, lang):
    sizes = []
    for model_id, nodes, markdown in real_figures(real, lang):
        svg = figure(markdown)
        min_width = float(re.search(r"min-width:(\d+)px", svg.get("style")).group(1))
        # desktop: the 688px content column holds it at 11px text; a 358px phone column: at most 2.2 widths
        assert min_width <= 688 and min_width <= 2.2 * 358, (model_id, min_width)
        drawn = {link.get("data-model") for link in svg.iter(f"{SVG}a")} | {model_id}
        listed = set(re.findall(r'<a href="\.\./([^/"]+)/">', markdown.split("<figcaption>")[1])) \
            if "<figcaption>" in markdown else set()
        assert set(nodes) == drawn | listed, model_id                      # every node drawn or listed
        boxes = [tuple(float(rect.get(key)) for key in ("x", "y", "width", "height")) for rect in svg.iter(f"{SVG}rect")]
        for i, (x1, y1, w1, h1) in enumerate(boxes):                          # boxes and labels never overlap
            for x2, y2, w2, h2 in boxes[i + 1:]:
                assert not (x1 < x2 + w2 and x2 < x1 + w1 and y1 < y2 + h2 and y2 < y1 + h1), model_id
        sizes.append((len(nodes), model_id))
    assert max(sizes)[0] >= 10      # the biggest real neighbourhoods (ChatGPT, GPT-2, GPT-3) are among them


def test_a_rank_too_long_is_cut_and_the_rest_listed(real, monkeypatch):
    monkeypatch.setattr(lineage_figure, "MAX_RANK", 4)
    site = SiteContext(registry=real, lang="en", pages={})
    markdown = expand_page("<!-- followgpt:model-page id=gpt-3 -->\n", page_path="models/gpt-3.md", lang="en",
                           site=site).markdown
    assert "<figcaption>" in markdown and "more, not drawn" in markdown
    svg = figure(markdown)
    layers = {}
    for link in svg.iter(f"{SVG}a"):
        rect = link.find(f"{SVG}rect")
        layers.setdefault(rect.get("x"), []).append(link.get("data-model"))
    assert max(len(layer) for layer in layers.values()) <= 4
