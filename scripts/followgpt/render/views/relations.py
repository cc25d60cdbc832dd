"""``<!-- followgpt:relations -->``: the lineage relation vocabulary, from the registry's own tables.

One row per relation (the edge types of resources/, plus series membership): its id as the JSON API writes it,
its name on the site, what it means, and the Hugging Face model-card ``base_model_relation`` it corresponds to
(vocabulary.HF_BASE_MODEL_RELATIONS), so the documentation never drifts from the data.
"""

from __future__ import annotations

from followgpt.registry.vocabulary import HF_BASE_MODEL_RELATIONS

from ..context import MarkerProblem, ViewContext
from ..escape import markdown_text
from ..labels import EDGE_MEANINGS, EDGE_TYPES, label, text
from .table import markdown_table

NAME = "relations"
BLOCK = True
OPTIONS: dict = {}


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem("relations takes no arguments")
    lang = ctx.lang
    rows = []
    for relation in EDGE_TYPES:
        hf = HF_BASE_MODEL_RELATIONS.get(relation)
        rows.append([f"`{relation}`", markdown_text(label(EDGE_TYPES, relation, lang)),
                     markdown_text(label(EDGE_MEANINGS, relation, lang)),
                     f"`{hf}`" if hf else text("relations_no_hf", lang)])
    return markdown_table([text("relations_id", lang), text("relations_name", lang), text("meaning", lang),
                           text("relations_hf", lang)], rows)
