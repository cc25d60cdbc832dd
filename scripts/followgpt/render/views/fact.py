"""``<!-- followgpt:fact gpt-3.parameters -->``: one registry value, formatted, status marked, source cited."""

from __future__ import annotations

from ..context import MarkerProblem, ViewContext, suggestion
from ..format import format_fact
from ..units import FACTS

NAME = "fact"
BLOCK = False
OPTIONS: dict = {}


def parse_reference(positional: list[str], registry) -> tuple[str, str]:
    if len(positional) != 1 or "." not in positional[0]:
        raise MarkerProblem("fact marker needs exactly one '<model-id>.<fact>' reference, e.g. gpt-3.parameters")
    model_id, fact_name = positional[0].rsplit(".", 1)
    problems = []
    if model_id not in registry.models:
        problems.append(f"unknown model id '{model_id}'{suggestion(model_id, registry.models)}")
    if fact_name not in FACTS:
        problems.append(f"unknown fact '{fact_name}'{suggestion(fact_name, FACTS)}")
    if not problems and registry.fact(model_id, fact_name) is None:
        problems.append(f"model '{model_id}' has no fact '{fact_name}' in the registry")
    if problems:
        raise MarkerProblem(*problems)
    return model_id, fact_name


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    model_id, fact_name = parse_reference(positional, ctx.registry)
    return format_fact(ctx.registry.fact(model_id, fact_name), FACTS[fact_name], ctx.lang, cite=ctx.cite)
