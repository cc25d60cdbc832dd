"""Trees that stay readable: the width estimate, the choice of direction, splitting by era, line styles.

The budget: a drawn tree's natural width (16px labels) may be at most tree.MAX_WIDTH, so that at the site's
minimum scale (0.7, 11.2px labels) it fits a 688px desktop column and takes under two phone column widths.
The browser test (tests/browser/test_whole_site.py) measures the real drawings; these tests hold the generator
to the budget on registries far larger than the real one.
"""

import re
import xml.etree.ElementTree as ElementTree

import pytest

from followgpt.registry import load_registry
from followgpt.registry.vocabulary import EDGE_TABLE
from followgpt.render import SiteContext, expand_page
from followgpt.render.labels import SERIES_EDGE
from followgpt.render.views import tree
from followgpt.render.views.tree_layout import estimate, parse_generated, text_width, wrapped


def blocks(markdown: str) -> list[str]:
    return re.findall(r"```mermaid\n(.*?)\n```", markdown, re.S)


def test_text_is_measured_with_arial_widths_and_wrapped_at_200px():
    assert text_width("GPT-3") == pytest.approx(12.45 + 10.67 + 9.77 + 5.33 + 8.9)
    assert text_width("中文") == 32
    width, lines = wrapped("Qwen3-235B-A22B-Instruct-2507 · 2025")
    assert width <= 200 and lines == 2


def test_a_star_is_narrower_left_to_right_and_a_chain_top_to_bottom():
    star = {f"c{i}": f"Child model {i} · 2024" for i in range(8)} | {"p": "Parent · 2023"}
    star_edges = [("p", f"c{i}", "fine-tuned from") for i in range(8)]
    assert estimate(star, star_edges, "LR").w < estimate(star, star_edges, "TB").w / 3
    chain = {f"m{i}": f"Model {i} · 20{10 + i}" for i in range(6)}
    chain_edges = [(f"m{i}", f"m{i + 1}", "successor of") for i in range(5)]
    assert estimate(chain, chain_edges, "TB").w < estimate(chain, chain_edges, "LR").w / 3


def test_every_relation_has_its_own_line_style():
    kinds = list(EDGE_TABLE) + [SERIES_EDGE]
    assert set(tree.EDGE_STROKES) == set(kinds) and set(tree.EDGE_COLOURS) == set(kinds)
    lineage = [tree.EDGE_STROKES[kind] for kind in EDGE_TABLE]
    assert len(set(lineage)) == len(lineage), "two relations share a line style"


def test_legend_draws_each_relation_in_its_line_style(expand):
    legend = expand("<!-- followgpt:tree ids=gpt-4,omni -->\n", lang="en").markdown.split("```")[-1]
    sample = re.search(r'<svg class="fgpt-edge-sample".*?</svg>', legend).group(0)
    line = ElementTree.fromstring(sample).find("{*}line")
    assert line.get("stroke-dasharray") == tree.EDGE_STROKES["rl_from"][0]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """The benchmark's synthetic registry at 3× the real one's size: three families of 100 models, each a
    binary lineage tree with all its models dated within one year (the worst case for splitting by era)."""
    from benchmarks.renderers import synthetic_resources

    root = tmp_path_factory.mktemp("synthetic") / "resources"
    families = synthetic_resources(root, 300)
    return load_registry(root), families


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_large_synthetic_family_is_split_within_the_width_budget(synthetic, lang):
    registry, families = synthetic
    site = SiteContext(registry=registry, lang=lang, pages={})
    markdown = expand_page("<!-- followgpt:tree family=synth-001 -->\n", page_path="gpt/x.md", lang=lang,
                           site=site).markdown
    parts = blocks(markdown)
    assert len(parts) > 1
    seen_edges = 0
    own_nodes = set()
    for block in parts:
        labels, edges, direction = parse_generated(block)
        assert estimate(labels, edges, direction).w <= tree.MAX_WIDTH
        assert len(labels) <= tree.MAX_NODES
        seen_edges += len(edges)
        stubs = re.search(r"^    class (\S+) external$", block, re.M)
        stub_ids = set(stubs.group(1).split(",")) if stubs else set()
        own_nodes |= {labels[node] for node in labels if node not in stub_ids}
    # every model of the family drawn (not as a stub) in some part; every edge drawn once
    members = registry.family_members("synth-001")
    assert {label.split("\n")[0] for label in own_nodes} == {site.model_name(m) if hasattr(site, "model_name")
                                                               else registry.models[m]["name"][lang] for m in members}
    assert seen_edges == sum(len(registry.parents(member)) for member in members)
    # the parts link to each other
    anchors = re.findall(r'<p class="fgpt-tree-part" id="([^"]+)">', markdown)
    assert len(anchors) == len(parts)
    for anchor in anchors[1:]:
        assert f'href="#{anchor}"' in markdown


def test_a_tree_that_fits_is_one_diagram_in_the_preferred_direction(expand):
    markdown = expand("<!-- followgpt:tree ids=gpt-2,gpt-3 -->\n").markdown
    assert len(blocks(markdown)) == 1 and blocks(markdown)[0].startswith("flowchart LR")   # the default
    assert "fgpt-tree-part" not in markdown
    asked = expand("<!-- followgpt:tree ids=gpt-2,gpt-3 direction=TB -->\n").markdown
    assert blocks(asked)[0].startswith("flowchart TB")


def test_every_tree_of_the_real_registry_fits_the_budget():
    """Every family tree and every model page's neighbourhood tree, in both languages, as the generator plans
    it: each diagram within the width budget (the estimate, with its margin) and the node budget."""
    from pathlib import Path

    from followgpt.render.context import ViewContext

    registry = load_registry(Path(__file__).resolve().parents[2] / "resources")
    too_wide = []
    for lang in ("zh", "en"):
        ctx = ViewContext(SiteContext(registry=registry, lang=lang), "gpt/x.md", lang)
        selections = {f"family={family}": tree.select_family(registry, family) for family in registry.families}
        selections |= {f"around={model_id}": tree.select_around(registry, model_id) for model_id in registry.models}
        for name, (nodes, edges, _, _) in selections.items():
            if not edges:
                continue
            edges = edges + tree.series_edges(registry, nodes)
            for part in tree.plan(ctx, nodes, edges):
                if part.width > tree.MAX_WIDTH or len(part.nodes) > tree.MAX_NODES:
                    too_wide.append(f"{lang} {name}: {len(part.nodes)} nodes, ~{part.width:.0f}px {part.direction}")
    assert not too_wide, "\n".join(too_wide)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_synthetic_family_dated_within_one_year_is_split_into_few_full_parts(synthetic, lang):
    """Split by era, a family dated within one year fell apart model by model (5 parts in Chinese, 7 in English,
    one of them a single model); split by branch it takes fewer, fuller parts."""
    from followgpt.render.context import ViewContext

    registry, _ = synthetic
    ctx = ViewContext(SiteContext(registry=registry, lang=lang), "gpt/x.md", lang)
    nodes, edges, _, external = tree.select_family(registry, "synth-001")
    parts = tree.plan(ctx, nodes, edges, external=external)
    assert len(parts) <= 5
    assert min(len(part.own) for part in parts) >= 5, [len(part.own) for part in parts]
    assert all(part.heads for part in parts)   # chosen by branch, and titled by the branches it draws
    assert tree._cost(parts) <= tree._cost(tree.split_by_era(ctx, nodes, edges))


def bushy(branches: int, leaves: int):
    """A registry of one family dated within one year: a root, ``branches`` children, each with ``leaves``
    children of its own; listed generation by generation, so date order interleaves the branches."""
    from followgpt.registry import Registry

    def record(model_id, parent=None):
        return {"id": model_id, "name": {"zh": model_id, "en": model_id}, "kind": "model", "family": "bush",
                "organizations": ["x"], "facts": {"paper_date": {"value": "2024-05", "source": "s"}},
                **({"lineage": [{"type": "fine_tuned_from", "target": parent, "evidence": "explicit",
                                 "source": "s"}]} if parent else {})}
    models = {"root": record("root")}
    models |= {f"b{b}": record(f"b{b}", "root") for b in range(branches)}
    models |= {f"b{b}-{l}": record(f"b{b}-{l}", f"b{b}") for l in range(leaves) for b in range(branches)}
    return Registry(models=models, families={"bush": {"name": {"zh": "丛", "en": "Bush"}}})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_bushy_family_is_split_by_branch_with_each_branch_whole_and_small_ones_together(lang):
    from followgpt.render.context import ViewContext

    registry = bushy(branches=7, leaves=7)
    ctx = ViewContext(SiteContext(registry=registry, lang=lang), "gpt/x.md", lang)
    nodes, edges, _, external = tree.select_family(registry, "bush")
    parts = tree.plan(ctx, nodes, edges, external=external)
    assert 1 < len(parts) <= 3
    for part in parts:
        assert tree._fits(part)
        assert part.heads
        for branch in (f"b{b}" for b in range(7)):   # a branch is drawn whole, in the part that has its top
            if branch in part.own:
                assert {f"{branch}-{l}" for l in range(7)} <= set(part.own)
        # only the root is ever a stub: branches are never cut
        assert set(part.stubs) <= {"root"}
    owned = [node for part in parts for node in part.own]
    assert sorted(owned) == sorted(nodes)   # every model drawn once as its own
    # headings name the branches and link the parts
    markdown = expand_page("<!-- followgpt:tree family=bush -->\n", page_path="gpt/x.md", lang=lang,
                           site=SiteContext(registry=registry, lang=lang, pages={})).markdown
    assert len(re.findall(r'<p class="fgpt-tree-part" id=', markdown)) == len(parts)
    assert ("按分支" if lang == "zh" else "split by branch") in markdown
    titles = re.findall(r'<p class="fgpt-tree-part" id="[^"]+"><strong>([^<]*)</strong>', markdown)
    assert [part.heads[0] in title for part, title in zip(parts, titles)] == [True] * len(parts)


def series_registry(members: int, same_parent: bool = True, with_child: bool = False):
    """A family with a series of ``members`` sizes, each fine-tuned from one base (or each from its own base)."""
    from followgpt.registry import Registry

    def record(model_id, parents=(), **extra):
        return {"id": model_id, "name": {"zh": model_id, "en": model_id}, "kind": "model", "family": "fam",
                "organizations": ["x"], "facts": {"paper_date": {"value": "2024-05", "source": "s"}},
                **({"lineage": [{"type": "fine_tuned_from", "target": parent, "evidence": "explicit",
                                 "source": "s"} for parent in parents]} if parents else {}), **extra}
    models = {"base": record("base"), "Line": record("Line", ["base"], kind="model-series")}
    for index in range(members):
        parent = "base" if same_parent else f"base{index}"
        if not same_parent:
            models[parent] = record(parent)
        models[f"Line-{index}B"] = record(f"Line-{index}B", [parent], series="Line")
    if with_child:
        models["child"] = record("child", ["Line-0B"])
    return Registry(models=models, families={"fam": {"name": {"zh": "族", "en": "Fam"}}})


def fold(registry, lang="en"):
    from followgpt.render.context import ViewContext

    ctx = ViewContext(SiteContext(registry=registry, lang=lang), "gpt/x.md", lang)
    nodes, edges, _, _ = tree.select_family(registry, "fam")
    return tree.fold_series(ctx, nodes, edges + tree.series_edges(registry, nodes))


def test_a_series_takes_in_members_that_come_from_the_same_parents():
    nodes, edges, labels = fold(series_registry(4))
    assert sorted(nodes) == ["Line", "base"]
    assert [(parent, child, edge["type"]) for parent, child, edge in edges] == [("base", "Line", "fine_tuned_from")]
    assert labels["Line"].split("\n")[-1] == "0B · 1B · 2B · 3B"   # the series' name is not repeated


def test_folded_members_from_different_parents_keep_their_edges_named():
    nodes, edges, labels = fold(series_registry(3, same_parent=False))
    assert not {"Line-0B", "Line-1B", "Line-2B"} & set(nodes)
    into_series = [(parent, edge.get("member")) for parent, child, edge in edges if child == "Line"]
    assert ("base0", "0B") in into_series and ("base2", "2B") in into_series
    assert "→ 1B" in tree.edge_text(next(edge for parent, _, edge in edges if parent == "base1"), "en")


def test_a_member_something_comes_from_stays_a_node():
    nodes, edges, labels = fold(series_registry(3, with_child=True))
    assert "Line-0B" in nodes and "Line-1B" not in nodes
    assert ("Line-0B", "child") in {(parent, child) for parent, child, _ in edges}
    assert "0B" not in labels["Line"].split("\n")[-1].split(" · ")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_series_too_large_to_draw_member_by_member_is_one_node(lang):
    registry = series_registry(45)
    markdown = expand_page("<!-- followgpt:tree family=fam -->\n", page_path="gpt/x.md", lang=lang,
                           site=SiteContext(registry=registry, lang=lang, pages={})).markdown
    assert len(blocks(markdown)) == 1 and "fgpt-tree-part" not in markdown
    labels, edges, _ = parse_generated(blocks(markdown)[0])
    assert len(labels) == 2
    assert "44B" in next(label for label in labels.values() if label.startswith("Line"))
