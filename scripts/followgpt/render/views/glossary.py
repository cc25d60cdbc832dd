"""``<!-- followgpt:glossary -->``: every term with a ``{ #id }`` anchor, zh ↔ en, definition, see-also, users."""

from __future__ import annotations

from ..context import MarkerProblem, ViewContext
from ..escape import markdown_link, markdown_text
from ..labels import bilingual, text

NAME = "glossary"
BLOCK = True
OPTIONS: dict = {}


def term_heading(term: dict, lang: str) -> str:
    zh, en = markdown_text(term.get("zh", "")), markdown_text(term.get("en", ""))
    title = f"{zh}（{en}）" if lang == "zh" else f"{en} ({zh})"
    return f"## {title} {{ #{term['id']} }}"


def term_name(term: dict, lang: str) -> str:
    return str(term.get(lang) or term.get("en") or term["id"])


def term_section(ctx: ViewContext, term: dict) -> list[str]:
    lang, joiner = ctx.lang, text("list_joiner", ctx.lang)
    lines = [term_heading(term, lang), ""]
    definition = bilingual(term.get("definition"), lang)
    if definition:
        lines += [markdown_text(definition), ""]
    aliases = (term.get("aliases") or {}).get(lang) or []
    if aliases:
        lines += [text("also_called", lang) + joiner.join(markdown_text(alias) for alias in aliases), ""]
    see_also = [other for other in term.get("see_also") or [] if other in ctx.registry.glossary]
    if see_also:
        links = [markdown_link(term_name(ctx.registry.glossary[other], lang), f"#{other}") for other in see_also]
        lines += [text("see_also", lang) + joiner.join(links), ""]
    pages = ctx.usages.pages("terms", term["id"])
    if pages:
        lines += [text("used_on", lang) + joiner.join(ctx.page_link(path) for path in pages), ""]
    return lines


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem("glossary takes no arguments")
    lines: list[str] = []
    for term in ctx.registry.glossary.values():
        lines += term_section(ctx, term)
    return "\n".join(lines).rstrip()
