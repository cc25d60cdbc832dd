"""``<!-- followgpt:compare -->``: the compare page's mount point and its no-JavaScript fallback.

The comparison itself runs in the browser (overrides/assets/followgpt-compare.mjs, loaded only on pages with this
marker): it reads the JSON API at the site root (api/models.json, api/models/<id>.json). This view writes the
element the script fills, with the relative path to the site root, and a note with links for readers without
JavaScript. ``example=gpt-3,llama-65b`` names a comparison the page offers while nothing is chosen.
"""

from __future__ import annotations

from html import escape

from followgpt.i18n import site_prefix

from ..context import MarkerProblem, ViewContext
from ..labels import text
from ..links import page_url, relative_url

NAME = "compare"
BLOCK = True
OPTIONS = {"example": "models"}   # a comparison offered while nothing is chosen (ids checked at build time)
ASSET = "compare"
MAX_MODELS = 4
MODELS_INDEX = "models/index.md"
DOWNLOADS = "data/downloads.md"


def site_root(page_path: str, lang: str) -> str:
    """The relative URL from the page to the root of the whole site (where api/ is)."""
    depth = (site_prefix(lang) + page_url(page_path)).count("/")
    return "../" * depth or "./"


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem("compare takes only example=<id>,<id>…")
    example = options.get("example") or []
    if example and not 2 <= len(example) <= MAX_MODELS:
        raise MarkerProblem(f"compare example= needs two to {MAX_MODELS} model ids, got {len(example)}")
    ctx.assets.add(ASSET)
    lang = ctx.lang
    index = f'<a href="{escape(relative_url(ctx.page_path, MODELS_INDEX))}">{escape(text("compare_index", lang))}</a>'
    data = f'<a href="{escape(relative_url(ctx.page_path, DOWNLOADS))}">{escape(text("compare_data", lang))}</a>'
    fallback = escape(text("compare_fallback", lang)).replace("{index}", index).replace("{data}", data)
    attributes = (f'data-root="{escape(site_root(ctx.page_path, lang))}" data-lang="{lang}" data-max="{MAX_MODELS}" '
                  f'data-failed="{escape(text("compare_failed", lang))}"')
    if example:
        attributes += f' data-example="{escape(",".join(example))}"'
    return (f'<div class="fgpt-compare" {attributes}>\n'
            f'<noscript><p class="fgpt-compare__fallback">{fallback}</p></noscript>\n</div>')
