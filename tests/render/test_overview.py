"""The overview figure: one SVG of the registry on a time axis, lanes by family, typed lineage, every model linked."""

import re
import xml.etree.ElementTree as ElementTree

import pytest

from followgpt.render.context import MarkerError
from followgpt.render.views import tree

SVG = "{http://www.w3.org/2000/svg}"


def figure(markdown: str) -> ElementTree.Element:
    match = re.search(r"<svg .*?</svg>", markdown, re.S)
    assert match, markdown[:300]
    return ElementTree.fromstring(match.group(0))   # raises on anything that is not well-formed XML


def rows(svg: ElementTree.Element) -> list[tuple[str, str, float, float]]:
    """(model id, href, dot x, dot y) for each linked model, in document order."""
    found = []
    for link in svg.iter(f"{SVG}a"):
        dot = link.find(f"{SVG}circle")
        found.append((link.get("data-model"), link.get("href"), float(dot.get("cx")), float(dot.get("cy"))))
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_deterministic_well_formed_and_accessible(expand, lang):
    first = expand("<!-- followgpt:overview -->\n", lang=lang).markdown
    assert first == expand("<!-- followgpt:overview -->\n", lang=lang).markdown
    svg = figure(first)
    # "group", not "img": its links must stay reachable by keyboard and screen readers
    assert svg.get("role") == "group" and svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text
    # a size of its own (viewBox, width, height): the page reserves its space before painting (no layout shift)
    width, height = (float(value) for value in svg.get("viewBox").split()[2:])
    assert float(svg.get("width")) == width and float(svg.get("height")) == height
    assert "min-width" in svg.get("style")      # never drawn below 11px text
    assert "<script" not in first and "http" not in first.replace("http://www.w3.org/2000/svg", "")


def test_every_dated_model_is_a_relative_link_in_date_order(expand, registry):
    from followgpt.render.records import first_date

    svg = figure(expand("<!-- followgpt:overview -->\n", lang="en", page_path="data/overview.md").markdown)
    drawn = rows(svg)
    expected = [model_id for model_id in registry.models
                if registry.models[model_id].get("kind") != "model-series" and first_date(registry, model_id)]
    assert sorted(model_id for model_id, *_ in drawn) == sorted(expected)
    for model_id, href, _, _ in drawn:
        assert href == f"../../models/{model_id}/"
    dates = [first_date(registry, model_id)[1] for model_id, *_ in drawn]
    assert dates == sorted(dates)
    ys = [y for *_, y in drawn]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)     # one row each, time downwards


def test_lanes_are_families_in_order_of_first_appearance(expand, registry):
    svg = figure(expand("<!-- followgpt:overview -->\n", lang="en").markdown)
    lane_of = {}
    for model_id, _, x, _ in rows(svg):
        lane_of.setdefault(registry.models[model_id]["family"], set()).add(x)
    assert all(len(xs) == 1 for xs in lane_of.values()), "a family spread over several lanes"
    firsts = [min(xs) for xs in lane_of.values()]
    assert len(set(firsts)) == len(firsts)
    headers = [text.text for text in svg.iter(f"{SVG}text") if "rotate(-90)" in (text.get("transform") or "")]
    assert len(headers) == len(lane_of)


def test_undisclosed_and_moe_sizes_are_told_apart(expand):
    markdown = expand("<!-- followgpt:overview -->\n", lang="en").markdown
    svg = figure(markdown)
    labels = {link.get("data-model"): "".join(link.find(f"{SVG}text").itertext()) for link in svg.iter(f"{SVG}a")}
    assert labels["omni"] == "Omni · size undisclosed"
    assert "total" in labels["mixer"] and "active" in labels["mixer"]
    omni = next(link for link in svg.iter(f"{SVG}a") if link.get("data-model") == "omni")
    assert omni.find(f"{SVG}circle").get("stroke-dasharray")        # hollow dashed dot
    # an estimate of an undisclosed size is never shown as its size
    assert "200B" not in labels["omni"]


def test_edges_use_the_tree_line_styles_with_a_legend(expand):
    svg = figure(expand("<!-- followgpt:overview -->\n", lang="en").markdown)
    paths = [path for path in svg.iter(f"{SVG}path") if path.get("marker-end")]
    assert paths
    for path in paths:
        edge_type = path.get("marker-end").split("-")[-1].rstrip(")")
        dashes = tree.EDGE_STROKES[next(kind for kind in tree.EDGE_STROKES if path.get("marker-end").endswith(f"-{kind})"))][0]
        assert path.get("stroke-dasharray") == dashes, edge_type
    legend = next(group for group in svg.iter(f"{SVG}g") if group.get("class") == "fgpt-overview-legend")
    captions = [text.text for text in legend.iter(f"{SVG}text")]
    assert "fine-tuned from" in captions and "size undisclosed" in " ".join(captions)


def test_since_and_row_selectors(expand, registry):
    recent = rows(figure(expand("<!-- followgpt:overview since=2023 -->\n").markdown))
    assert recent and all(y for *_, y in recent)
    from followgpt.render.records import first_date
    assert all(int(first_date(registry, model_id)[1][:4]) >= 2023 for model_id, *_ in recent)
    family = rows(figure(expand("<!-- followgpt:overview family=modern -->\n").markdown))
    assert {registry.models[model_id]["family"] for model_id, *_ in family} == {"modern"}
    with pytest.raises(MarkerError):
        expand("<!-- followgpt:overview since=23 -->\n")
    with pytest.raises(MarkerError):
        expand("<!-- followgpt:overview since=2999 -->\n")


def test_lanes_by_organisation(expand, registry):
    svg = figure(expand("<!-- followgpt:overview lanes=org -->\n", lang="en").markdown)
    lane_of = {}
    for model_id, _, x, _ in rows(svg):
        lane_of.setdefault(registry.models[model_id]["organizations"][0], set()).add(x)
    assert all(len(xs) == 1 for xs in lane_of.values())
    headers = [text.text for text in svg.iter(f"{SVG}text") if "rotate(-90)" in (text.get("transform") or "")]
    names = {registry.organizations[org]["name"]["en"] if isinstance(registry.organizations[org]["name"], dict)
             else registry.organizations[org]["name"] for org in lane_of}
    assert set(headers) == names
