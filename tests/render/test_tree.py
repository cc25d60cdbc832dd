"""The mermaid evolution tree: selections, generated node ids, escaping, edge styles, clicks, legend."""

import re

from followgpt.render.escape import mermaid_label


def mermaid_block(markdown: str) -> str:
    return re.search(r"```mermaid\n(.*?)\n```", markdown, re.S).group(1)


def all_blocks(markdown: str) -> list[str]:
    """Every diagram of a tree (a wide tree is split into parts)."""
    return re.findall(r"```mermaid\n(.*?)\n```", markdown, re.S)


def node_labels(block: str) -> dict[str, str]:
    return dict(re.findall(r'^    (n\d+)\[(".*")\]$', block, re.M))


def test_label_escaping_follows_engineering_notes():
    assert mermaid_label('a "b" #1 <i> & `c`') == '"a #quot;b#quot; #35;1 #lt;i#gt; #amp; #96;c#96;"'
    assert mermaid_label("(x) [y] {z} | 中文，（全角）") == '"(x) [y] {z} | 中文，（全角）"'
    assert mermaid_label("two\nlines") == '"two lines"'


def test_adversarial_names_are_quoted_and_escaped(expand):
    block = mermaid_block(expand("<!-- followgpt:tree family=odd -->\n", lang="en").markdown)
    labels = node_labels(block)
    assert '"end<br/>2021"' in labels.values()
    assert ('"Odd (v1) [beta] #quot;quoted#quot; | #35;1 #lt;b#gt;bold#lt;/b#gt; #amp; #96;tick#96;<br/>2022"'
            in labels.values())
    assert '"xeno #lt;script#gt;alert(1)#lt;/script#gt;"' in labels.values()
    # no raw '<' anywhere but the line breaks the view writes itself: mermaid2's fence does not HTML-escape
    assert "<" not in block.replace("<br/>", "")
    for line in block.split("\n")[1:]:
        assert not re.search(r"\b(end|o\w*|x\w*)\b(?=\[|\s*-)", line.split('"')[0]), line


def test_node_ids_are_generated(expand):
    block = mermaid_block(expand("<!-- followgpt:tree root=transformer -->\n").markdown)
    ids = re.findall(r"^    (\S+)\[", block, re.M)
    assert ids == [f"n{index}" for index in range(len(ids))]
    edges = re.findall(r"^    (\S+) (-->)\|\"[^\"]*\"\| (\S+)$", block, re.M)
    assert edges and all(re.fullmatch(r"n\d+", end) for a, _, b in edges for end in (a, b))


def test_chronological_nodes_with_years(expand):
    labels = list(node_labels(mermaid_block(expand("<!-- followgpt:tree root=transformer -->\n").markdown)).values())
    assert labels[:3] == ['"Transformer<br/>2017"', '"GPT-2<br/>2019"', '"GPT-3<br/>2020"']


def test_inferred_marked_in_the_label_and_types_by_line_style(expand):
    block = mermaid_block(expand("<!-- followgpt:tree ids=gpt-3,end,odd-x -->\n", lang="en").markdown)
    assert re.search(r'n\d+ -->\|"fine-tuned from\?"\| n\d+', block)
    assert re.search(r'n\d+ -->\|"trained on outputs of"\| n\d+', block)
    assert "linkStyle 0 stroke:#43a047,color:#43a047,stroke-width:2px,stroke-dasharray:0" in block
    assert "stroke-dasharray:2 4" in block      # trained on outputs of: dotted


def test_click_links_are_relative_directory_urls(make_site):
    from followgpt.render import expand_page
    site = make_site("zh")
    nested = expand_page("<!-- followgpt:tree ids=gpt-2,gpt-3 -->\n", page_path="gpt/gpt-3.md", lang="zh", site=site)
    assert 'click n0 href "../../models/gpt-2/"' in nested.markdown
    home = expand_page("<!-- followgpt:tree ids=gpt-2,gpt-3 -->\n", page_path="index.md", lang="zh", site=site)
    assert 'click n0 href "models/gpt-2/"' in home.markdown
    index = expand_page("<!-- followgpt:tree ids=gpt-2,gpt-3 -->\n", page_path="models/index.md", lang="zh", site=site)
    assert 'click n0 href "gpt-2/"' in index.markdown


def test_around_marks_the_centre_and_family_marks_outsiders(expand):
    parts = all_blocks(expand("<!-- followgpt:tree around=gpt-3 -->\n").markdown)
    around = next(part for part in parts if '"GPT-3<br/>2020"' in part and "focus" in part.split("classDef")[-1])
    labels = node_labels(around)
    centre = next(node for node, text in labels.items() if text.startswith('"GPT-3<br/>'))
    assert f"class {centre} focus" in around
    drawn = {text for part in parts for text in node_labels(part).values()}
    assert len(drawn) == 6          # gpt-2, gpt-3, gpt-4, end, odd-x, text-davinci-003
    family = mermaid_block(expand("<!-- followgpt:tree family=odd -->\n").markdown)
    outsider = next(node for node, text in node_labels(family).items() if text.startswith('"GPT-3<br/>'))
    assert f"class {outsider} external" in family


def test_depth_widens_around(expand):
    one = node_labels(mermaid_block(expand("<!-- followgpt:tree around=gpt-2 -->\n").markdown))
    two = {text for part in all_blocks(expand("<!-- followgpt:tree around=gpt-2 depth=2 -->\n").markdown)
           for text in node_labels(part).values()}
    assert len(one) == 3 and len(two) == 8


def test_legend_lists_used_relations_and_line_styles(expand):
    markdown = expand("<!-- followgpt:tree ids=gpt-3,end -->\n", lang="en").markdown
    legend = markdown.split("```")[-1]
    assert "| Line | Relation | Meaning |" in legend
    assert "| fine-tuned from | initialised from the upstream weights and trained further |" in legend
    assert "| “?” after a label | our inference |" in legend
    assert '<svg class="fgpt-edge-sample"' in legend and 'aria-hidden="true"' in legend


def test_series_nodes_are_tied_to_their_members_in_the_tree(expand):
    markdown = expand("<!-- followgpt:tree ids=gpt-3-family,gpt-3,gpt-2 -->\n", lang="en").markdown
    block = mermaid_block(markdown)
    ids = {label.split("<br/>")[0].strip('"'): node for node, label in node_labels(block).items()}
    assert f'{ids["GPT-3 family"]} -->|"series member"| {ids["GPT-3"]}' in block
    assert "| series member | one size or version of the upstream series |" in markdown   # in the legend
    # members absent from the selection are not pulled in
    assert "GPT-3 Small" not in block
