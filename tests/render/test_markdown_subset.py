"""followgpt.render.markdown_subset: generated pages converted without Python-Markdown, to the same HTML.

The reference is Python-Markdown itself with the extensions and options of the project's mkdocs.yml. Links are
compared in a separate test against MkDocs' own resolution (tests/site/test_build.py builds the site both ways).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
from mkdocs.config import load_config

from followgpt.dataset import read_history
from followgpt.registry import load_registry
from followgpt.render import SiteContext, collect_usages, expand_page, model_page_path
from followgpt.render import markdown_subset
from followgpt.render.markdown_subset import (SEARCH_EXCLUDED_TAIL, LinkTargets, convert, references_in_reading_order,
                                             relative_site_url)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def markdown_settings():
    config = load_config(str(REPO / "mkdocs.yml"))
    return config.markdown_extensions, config.mdx_configs


@pytest.fixture(scope="module")
def python_markdown(markdown_settings):
    extensions, configs = markdown_settings
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    return read_history(REPO, tmp_path_factory.mktemp("history"))


class UnresolvedLinks(LinkTargets):
    """Links left as written, as Python-Markdown without MkDocs leaves them."""

    def resolve(self, target):
        return target, None, urlsplit(target).fragment


def fast(markdown_text: str, settings, page_path: str = "models/x.md", links: LinkTargets | None = None):
    extensions, configs = settings
    code = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def code_block(source: str, language: str) -> str:
        code.reset()
        return code.convert(f"```{language}\n{source}\n```")
    return convert(markdown_text, links=links or UnresolvedLinks(page_path, {}), slugify=configs["toc"]["slugify"],
                   code_block=code_block)


def reference(python_markdown, markdown_text: str) -> tuple[str, list]:
    python_markdown.reset()
    html = python_markdown.convert(markdown_text)
    return html, python_markdown.toc_tokens


def same_references(html: str) -> str:
    """Repeated citations of one source numbered in reading order, as the build numbers them on every page
    (Python-Markdown numbers them in the order its tree processors meet them); without the mark of the sections
    excluded from search (for the adapter, which takes it out)."""
    return references_in_reading_order(html.replace(SEARCH_EXCLUDED_TAIL, ""))


def toc_outline(tokens: list[dict]) -> list:
    return [(token["level"], token["id"], token["name"], toc_outline(token["children"])) for token in tokens]


def test_the_site_settings_are_the_ones_this_module_reproduces(markdown_settings):
    assert markdown_subset.supports(*markdown_settings)
    extensions, configs = markdown_settings
    assert not markdown_subset.supports([*extensions, "pymdownx.tilde"], configs)
    assert not markdown_subset.supports(extensions, {**configs, "toc": {**configs["toc"], "permalink": "#"}})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_of_the_real_site_converts_to_python_markdowns_html_or_is_left_to_it(lang, markdown_settings,
                                                                                       python_markdown, history):
    """Every model page and every note, as the build expands them: what this module converts must be exactly
    what Python-Markdown gives; every model page must be within the subset (they are most of the site)."""
    registry = load_registry(REPO / "resources")
    docs = REPO / "docs" / lang
    notes = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in docs.rglob("*.md")}
    site = SiteContext(registry=registry, lang=lang, usages=collect_usages(notes),
                       pages={path: text.split("\n", 1)[0].lstrip("# ") for path, text in notes.items()},
                       site_url="https://followgpt.example/", repository="followgpt/followgpt", history=history)
    pages = {model_page_path(model_id): f"<!-- followgpt:model-page id={model_id} -->\n"
             for model_id in registry.models}
    pages.update({path: FRONT_MATTER.sub("", text, count=1) for path, text in notes.items()})
    outside, different, converted = [], [], 0
    for path, source in pages.items():
        text = expand_page(source, page_path=path, lang=lang, site=site).markdown
        got = fast(text, markdown_settings, path)
        if got is None:
            outside.append(path)
            continue
        converted += 1
        html, toc = reference(python_markdown, text)
        if same_references(got.html) != same_references(html) or toc_outline(got.toc) != toc_outline(toc):
            different.append(path)
        ids = re.findall(r' id="([^"]+)"', got.html)
        assert len(ids) == len(set(ids)), path
    assert different == []
    assert [path for path in outside if path.startswith("models/") and path != "models/index.md"] == [], \
        "model pages left to Python-Markdown (slower, not wrong): extend the subset"
    assert converted > len(registry.models) + 20    # and a good share of the notes


FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


SUBSET = """# GPT-3 &amp; co

!!! warning "Retired"

    Off the API (`davinci`)[^a]

A paragraph with **strong**, a [link](other.md#part), an escaped \\*star\\* and \\_underscores\\_, a price of
$0.01 and $0.03, 2^11 steps, a <span data-sort="3"></span> tag and a [^a] reference again[^a].

- **Kind**: model
- **Members**: [A](a.md), [B](b.md)
    - nested [C](c.md)[^b]

## Facts { #facts data-search-exclude }

| fact | value | note |
| --- | :-: | --: |
| parameters | 175B[^b] | Table 2.1 \\| row |
| layers |  |  |

- **first**
    - one

    ??? note "More"

        - two

- **second**
- third

Report: [a](https://example.org/?a=1&b=2) · [b](https://example.org/)
{ .fgpt-report-fields data-search-exclude }

<figure class="fgpt-figure">
<svg viewBox="0 0 1 1"><title id="t1">x</title></svg>
</figure>

<div class="fgpt-legend" data-search-exclude markdown>

| a | b |
| --- | --- |
| 1 | 2 |

</div>

1. first, with $x^2$ and $a<b & c_1 \\{x\\}$, and **$N$** in bold
2. second, with a lone $ sign

    - nested under an ordered item

3. third

$$
P(x) = \\prod_i p(x_i < 1)
$$

```python
a = 1
```

```mermaid
flowchart LR
  a["x<y"] --> b
```

```
plain & simple
```

??? quote "Cite"

    Text.

    ```bibtex
    @misc{x,
      title = {{X}}
    }
    ```

[^a]: Source A. [Paper](https://arxiv.org/abs/1).
[^b]: Source B.
"""


def test_every_construct_of_the_subset_matches_python_markdown(markdown_settings, python_markdown):
    got = fast(SUBSET, markdown_settings)
    html, toc = reference(python_markdown, SUBSET)
    assert got is not None
    assert same_references(got.html) == same_references(html)
    assert toc_outline(got.toc) == toc_outline(toc)
    assert got.title == "GPT-3 & co"
    assert {"facts", "fn:a", "fnref:a", "fnref2:a", "fnref3:a", "t1"} <= got.anchors
    assert references_in_reading_order(got.html) == got.html
    assert got.html.count(SEARCH_EXCLUDED_TAIL) == 1     # from "Facts" on, nothing is searched
    assert got.links_to_anchors["models/x.md"]["fn:b"] == "#fn:b"


def test_the_sections_excluded_from_search_to_the_end_of_a_page_are_marked(markdown_settings):
    text = ("# T\n\nText.\n\n## A { #a }\n\nSearched.\n\n## B { #b data-search-exclude }\n\nNot.\n\n"
            "## C { #c data-search-exclude }\n\n- not either[^s]\n\n[^s]: A source.\n")
    got = fast(text, markdown_settings)
    head, tail = got.html.split(SEARCH_EXCLUDED_TAIL)
    assert head.endswith("<p>Searched.</p>\n") and tail.startswith('<h2 data-search-exclude id="b">')
    assert 'class="footnote"' in tail
    unmarked = fast(text.replace("## C { #c data-search-exclude }", "## C { #c }"), markdown_settings)
    assert SEARCH_EXCLUDED_TAIL not in unmarked.html


def test_citations_of_one_source_are_numbered_in_reading_order():
    html = ('<sup id="fnref2:a">…<sup id="fnref:b">…<sup id="fnref:a">…<sup id="fnref3:a">'
            '<a class="footnote-backref" href="#fnref2:a">')
    assert references_in_reading_order(html) == ('<sup id="fnref:a">…<sup id="fnref:b">…<sup id="fnref2:a">…'
                                                  '<sup id="fnref3:a"><a class="footnote-backref" href="#fnref2:a">')


@pytest.mark.parametrize("text", [
    "A *emphasis* word.",
    "An _emphasis_ word.",
    "A formula $a `b` c$ around code.",
    "Costs $$5 each.",
    "A formula \\(x\\) inline.",
    "1. ordered\n- then bullets",
    "1. one\n\n- two",
    "- tight\ncontinued lazily",
    "- item\n    continued on another line",
    "Text\n- list without a blank line",
    "A [reference link][ref].\n\n[ref]: https://example.org/",
    "A line break  \nhere.",
    "    indented code",
    "> a quote",
    "Term\n: definition",
    "=== \"Tab\"\n\n    content",
    "Setext heading\n===",
    "A stray [^missing] reference.",
    "[^unused]: defined, never cited.\n\nText.",
    "Text with a ` `` ` double backtick.",
    "---\ntitle: front matter\n---\n\n# X",
    "```python title=\"x.py\"\na = 1\n```",
    "~~~\ncode\n~~~",
    "<span>inline HTML starting a paragraph</span>",
    "Emoji :smile: and ~~strike~~ are plain here, but { a brace } is not.",
])
def test_markdown_outside_the_subset_is_left_to_python_markdown(text, markdown_settings):
    assert fast(text, markdown_settings) is None


def test_links_resolve_like_mkdocs_directory_urls(markdown_settings):
    urls = {"models/gpt-3.md": "models/gpt-3/", "models/index.md": "models/", "index.md": "./",
            "data/compare.md": "data/compare/", "data/followgpt.json": "data/followgpt.json"}
    links = LinkTargets("models/gpt-3.md", urls)
    assert links.resolve("index.md#openai-gpt") == ("../#openai-gpt", "models/index.md", "openai-gpt")
    assert links.resolve("../index.md")[0] == "../../"
    assert links.resolve("../data/compare.md?m=gpt-3")[0] == "../../data/compare/?m=gpt-3"
    assert links.resolve("../data/followgpt.json")[0] == "../../data/followgpt.json"
    assert links.resolve("https://example.org/a_b")[0] == "https://example.org/a_b"
    assert links.resolve("#facts") == ("#facts", "models/gpt-3.md", "facts")
    with pytest.raises(markdown_subset.Unsupported):
        links.resolve("missing.md")      # MkDocs converts the page and warns about the link
    assert fast("See [x](missing.md).", markdown_settings, "models/gpt-3.md", links) is None
    assert relative_site_url("models/gpt-2/", "models/gpt-3/") == "../gpt-2/"
