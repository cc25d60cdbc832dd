"""``<!-- followgpt:references -->``: the bibliography by topic, one ``{ #<source-id> }`` anchor per entry,
with the pages that cite each entry."""

from __future__ import annotations

from ..citations import source_citation
from ..context import MarkerProblem, ViewContext
from ..escape import markdown_text
from ..labels import TOPIC_FALLBACK, bilingual, text

NAME = "references"
BLOCK = True
OPTIONS: dict = {}


def topic_name(registry, topic_id: str, lang: str) -> str:
    topic = (registry.topics or {}).get(topic_id)
    if isinstance(topic, dict) and "name" in topic:
        topic = topic["name"]
    return bilingual(topic, lang) or topic_id or TOPIC_FALLBACK[lang]


def entry(ctx: ViewContext, source: dict) -> list[str]:
    """A list item: the citation paragraph carrying the anchor, then the note and the citing pages."""
    lines = [f"- {source_citation(source, ctx.lang)}", f"    {{ #{source['id']} }}"]
    note = bilingual(source.get("note"), ctx.lang)
    if note:
        lines += ["", f"    {markdown_text(note)}"]
    pages = ctx.usages.pages("sources", source["id"])
    if pages:
        links = text("list_joiner", ctx.lang).join(ctx.page_link(path) for path in pages)
        lines += ["", f"    {text('cited_on', ctx.lang)}{links}"]
    return lines


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem("references takes no arguments")
    by_topic: dict[str, list[dict]] = {topic_id: [] for topic_id in ctx.registry.topics or {}}
    for source in ctx.registry.sources.values():
        by_topic.setdefault(source.get("topic") or "", []).append(source)
    lines: list[str] = []
    for topic_id, sources in by_topic.items():
        if not sources:
            continue
        anchor = f"topic-{topic_id}" if topic_id else "topic-other"
        lines += [f"## {markdown_text(topic_name(ctx.registry, topic_id, ctx.lang))} {{ #{anchor} }}", ""]
        for source in sources:
            lines += entry(ctx, source)
            lines.append("")
    return "\n".join(lines).rstrip()
