"""``<!-- followgpt:models -->``: every model page, grouped by family, series members nested under their series."""

from __future__ import annotations

from ..context import MarkerProblem, ViewContext
from ..escape import markdown_text
from ..format import year_of
from ..labels import AVAILABILITY, KINDS, bilingual, label, text
from ..records import first_date

NAME = "models"
BLOCK = True
OPTIONS: dict = {}


def item(ctx: ViewContext, model_id: str) -> str:
    record = ctx.registry.models[model_id]
    details = []
    if record.get("kind", "model") != "model":
        details.append(label(KINDS, record["kind"], ctx.lang))
    dated = first_date(ctx.registry, model_id)
    if dated:
        details.append(str(year_of(dated[1])))
    retired = ctx.registry.retirement(model_id)
    if retired:
        details.append(f"{label(AVAILABILITY, 'retired', ctx.lang)} {year_of(retired['date'])}")
    suffix = f" · {text('list_joiner', ctx.lang).join(details)}" if details else ""
    return f"{ctx.model_link(model_id)}{suffix}"


def family_section(ctx: ViewContext, family_id: str, members: list[str]) -> list[str]:
    family = ctx.registry.families.get(family_id) or {}
    heading = bilingual(family.get("name"), ctx.lang) or family_id
    lines = [f"## {markdown_text(heading)} {{ #{family_id} }}", ""]
    summary = bilingual(family.get("summary"), ctx.lang)
    if summary:
        lines += [markdown_text(summary), ""]
    in_family = set(members)
    for model_id in members:
        series = ctx.registry.models[model_id].get("series")
        if series in in_family:
            continue                                  # listed under its series below
        lines.append(f"- {item(ctx, model_id)}")
        lines += [f"    - {item(ctx, member)}" for member in members
                  if ctx.registry.models[member].get("series") == model_id]
    return lines + [""]


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem("models takes no arguments")
    by_family: dict[str, list[str]] = {family_id: [] for family_id in ctx.registry.families}
    for model_id, record in ctx.registry.models.items():
        by_family.setdefault(record.get("family", ""), []).append(model_id)
    lines: list[str] = []
    for family_id, members in by_family.items():
        if members:
            lines += family_section(ctx, family_id, members)
    return "\n".join(lines).rstrip()
