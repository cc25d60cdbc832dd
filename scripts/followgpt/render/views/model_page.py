"""``<!-- followgpt:model-page id=gpt-3 -->``: everything the registry knows about one record.

A "retired" notice when the lifecycle retired the model in its access scope; summary; overview (kind,
organisations, series, architecture, access (marked retired with the date), modalities, reasoning, licence with its
terms, aliases); a facts table with sources, locators, notes, dated values (since / earlier), superseded values,
attributed third-party estimates (never as the value) and rumours — total and active parameters labelled apart for
mixture-of-experts models; API snapshots and lifecycle events; training; lineage both ways (with an edge's
since/until); a neighbourhood tree, and the notes that discuss the model (from usages). The view writes the page's H1 itself, so the
generated page (``stub(registry, id, lang)``) is only front matter and the marker.
"""

from __future__ import annotations

import json

from ..context import MarkerProblem, ViewContext
from ..describe import (access_text, edge_dates, estimate_texts, earlier_texts, license_name, license_terms,
                        lifecycle_line, modalities_text, reasoning_text, since_text)
from ..escape import markdown_link, markdown_text
from ..format import format_date, format_fact, format_value
from ..labels import (ARCHITECTURES, COLUMNS, EDGE_TYPES, FACT_NAMES, KINDS, LANGUAGES, LICENSE_KINDS, METHODS,
                      bilingual, label, text)
from ..links import MODELS_DIR
from ..units import FACTS
from ..links import absolute_page_url, model_page_path
from ..report import report_url
from . import cite
from .table import markdown_table
from .tree import render_tree, select_around

NAME = "model-page"
BLOCK = True
OPTIONS = {"id": "model"}


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def _paren(value: str, lang: str) -> str:
    return f"（{value}）" if lang == "zh" else f" ({value})"


def overview(ctx: ViewContext, model_id: str) -> list[str]:
    record = ctx.registry.models[model_id]
    lang, joiner = ctx.lang, text("list_joiner", ctx.lang)
    rows = [(label(COLUMNS, "kind", lang), label(KINDS, record.get("kind", "model"), lang))]
    orgs = record.get("organizations") or []
    if orgs:
        rows.append((label(COLUMNS, "organizations", lang),
                     joiner.join(markdown_text(ctx.organization_name(org)) for org in orgs)))
    family_id = record.get("family")
    if family_id:
        family = ctx.registry.families.get(family_id) or {}
        rows.append((text("family", lang), markdown_link(bilingual(family.get("name"), lang) or family_id,
                                                         ctx.link(f"{MODELS_DIR}/index.md", family_id))))
    if record.get("series"):
        rows.append((text("series", lang), ctx.model_link(record["series"])))
    members = ctx.registry.members(model_id)
    if members:
        rows.append((text("members", lang), joiner.join(ctx.model_link(member) for member in members)))
    if record.get("architecture"):
        rows.append((label(COLUMNS, "architecture", lang), label(ARCHITECTURES, record["architecture"], lang)))
    if record.get("access") or ctx.registry.retirement(model_id):
        rows.append((label(COLUMNS, "access", lang), access_text(ctx.registry, model_id, lang)))
    if record.get("modalities"):
        rows.append((label(COLUMNS, "modalities", lang), modalities_text(record["modalities"], lang)))
    if record.get("reasoning"):
        rows.append((label(COLUMNS, "reasoning", lang), reasoning_text(record["reasoning"], lang)))
    if record.get("license"):
        rows.append((label(COLUMNS, "license", lang), license_line(ctx, record["license"])))
    if record.get("aliases"):
        rows.append((text("aliases", lang), joiner.join(markdown_text(alias) for alias in record["aliases"])))
    return [f"- **{key}**{_colon(lang)}{value}" for key, value in rows]


def license_line(ctx: ViewContext, license_id: str) -> str:
    """The licence's name linked to its text, its kind and what it allows (commercial use, use of outputs)."""
    licence = ctx.registry.licenses.get(license_id)
    if licence is None:
        return markdown_text(license_id)
    lang = ctx.lang
    name = markdown_link(license_name(licence, lang), licence["url"]) if licence.get("url") else \
        markdown_text(license_name(licence, lang))
    details = [label(LICENSE_KINDS, licence.get("kind", ""), lang), license_terms(licence, lang)]
    # The licence's own source (the text that was read) is cited in the licences table, not on every model page:
    # for a standard licence it is some other project's copy of the text.
    return name + _paren(("；" if lang == "zh" else "; ").join(details), lang)


def retired_notice(ctx: ViewContext, model_id: str) -> list[str]:
    """A warning admonition at the top of the page of a retired model: when and from where."""
    retired = ctx.registry.retirement(model_id)
    if retired is None:
        return []
    return [f'!!! warning "{text("retired_badge", ctx.lang)}"', "",
            "    " + lifecycle_line(retired, ctx.lang, ctx.cite), ""]


def lifecycle_section(ctx: ViewContext, model_id: str) -> list[str]:
    record = ctx.registry.models[model_id]
    lines = []
    snapshots = record.get("snapshots") or []
    if snapshots:
        lines += [f"**{text('snapshots', ctx.lang)}**", ""]
        for snapshot in snapshots:
            note = _paren(markdown_text(bilingual(snapshot["note"], ctx.lang)), ctx.lang) if snapshot.get("note") else ""
            lines.append(f"- `{snapshot['id']}`{_colon(ctx.lang)}{format_date(snapshot['date'], ctx.lang)}{note}"
                         + (ctx.cite(snapshot["source"]) if snapshot.get("source") else ""))
        lines.append("")
    events = ctx.registry.lifecycle(model_id)
    if events:
        if snapshots:
            lines += [f"**{text('events', ctx.lang)}**", ""]
        lines += [f"- {lifecycle_line(event, ctx.lang, ctx.cite)}" for event in events] + [""]
    return lines


def fact_notes(ctx: ViewContext, fact: dict, unit: str) -> str:
    lang = ctx.lang
    notes = []
    if fact.get("where"):
        notes.append(markdown_text(fact["where"]))
    if fact.get("note"):
        notes.append(markdown_text(bilingual(fact["note"], lang)))
    for earlier in fact.get("superseded") or []:
        value = format_value(earlier["value"], unit, lang) + (ctx.cite(earlier["source"]) if earlier.get("source") else "")
        notes.append(text("superseded", lang).format(value))
    notes += earlier_texts(fact, unit, lang, cite=ctx.cite)
    notes += estimate_texts(fact, unit, lang, cite=ctx.cite)
    for rumour in fact.get("rumours") or []:
        rendered = text("rumour", lang).format(
            value=format_value(rumour["value"], unit, lang), who=markdown_text(rumour.get("claimed_by", "?")),
            date=format_date(rumour["date"], lang) if rumour.get("date") else "?")
        notes.append(rendered + (ctx.cite(rumour["source"]) if rumour.get("source") else ""))
    return join_notes(notes, lang)


def join_notes(notes: list[str], lang: str) -> str:
    """Notes joined by '；' / '; ' (a note's own closing full stop gives way to the separator)."""
    separator = "；" if lang == "zh" else "; "
    parts = [note[:-1] if index < len(notes) - 1 and note.endswith(("。", ".")) and not note.endswith("..") else note
             for index, note in enumerate(notes)]
    return separator.join(parts)


def report_fields(ctx: ViewContext, model_id: str) -> list[str]:
    """One "report a problem" link per fact, with the field filled in (when the site knows its repository)."""
    repository = ctx.site.repository
    record = ctx.registry.models[model_id]
    present = [name for name in FACTS if name in (record.get("facts") or {})]
    if not repository or not present:
        return []
    page = absolute_page_url(ctx.site.site_url, model_page_path(model_id))
    title = bilingual(record["name"], "en")
    links = [markdown_link(label(FACT_NAMES, name, ctx.lang), report_url(repository, page, f"{model_id}.{name}", title))
             for name in present]
    return [text("report_fields", ctx.lang) + " · ".join(links), ""]


def facts_table(ctx: ViewContext, model_id: str) -> list[str]:
    record = ctx.registry.models[model_id]
    present = [name for name in FACTS if name in (record.get("facts") or {})]
    if not present:
        return [text("no_facts", ctx.lang)]
    rows = []
    moe = "active_parameters" in present
    for name in present:
        fact = ctx.registry.fact(model_id, name)
        heading = text("total_parameters", ctx.lang) if moe and name == "parameters" else label(FACT_NAMES, name, ctx.lang)
        rows.append([markdown_text(heading), format_fact(fact, FACTS[name], ctx.lang, cite=ctx.cite)
                     + since_text(fact, ctx.lang), fact_notes(ctx, fact, FACTS[name])])
    return [markdown_table([text("fact", ctx.lang), text("value", ctx.lang), text("note", ctx.lang)], rows)]


def training_section(ctx: ViewContext, record: dict) -> list[str]:
    training = record.get("training") or {}
    lang, joiner = ctx.lang, text("list_joiner", ctx.lang)
    lines = []
    corpora = [markdown_text(bilingual(corpus.get("name"), lang)) + (ctx.cite(corpus["source"]) if corpus.get("source") else "")
               for corpus in training.get("corpora") or []]
    if corpora:
        lines.append(f"- **{text('corpora', lang)}**{_colon(lang)}{joiner.join(corpora)}")
    if training.get("languages"):
        lines.append(f"- **{text('languages', lang)}**{_colon(lang)}{joiner.join(markdown_text(label(LANGUAGES, code, lang)) for code in training['languages'])}")
    if training.get("methods"):
        methods = joiner.join(label(METHODS, method, lang) for method in training["methods"])
        lines.append(f"- **{text('methods', lang)}**{_colon(lang)}{methods}")
    return lines


def edge_detail(ctx: ViewContext, edge: dict) -> str:
    when = edge_dates(edge, ctx.lang)
    detail = _paren(when, ctx.lang) if when else ""
    detail += ctx.cite(edge["source"]) if edge.get("source") else ""
    if edge.get("evidence") == "inferred" and edge.get("note"):
        detail += _paren(text("inferred_note", ctx.lang).format(markdown_text(bilingual(edge["note"], ctx.lang))), ctx.lang)
    return detail


def lineage_section(ctx: ViewContext, model_id: str) -> list[str]:
    lang = ctx.lang
    lines = []
    parents = [edge for edge in ctx.registry.parents(model_id) or [] if edge.get("target") in ctx.registry.models]
    children = [(child, edge) for child, edge in ctx.registry.children(model_id) or []]
    if parents:
        lines += [f"**{text('parents', lang)}**", ""]
        lines += [f"- {label(EDGE_TYPES, edge.get('type', ''), lang)}{_colon(lang)}{ctx.model_link(edge['target'])}"
                  f"{edge_detail(ctx, edge)}" for edge in parents]
        lines.append("")
    if children:
        lines += [f"**{text('children', lang)}**", ""]
        lines += [f"- {ctx.model_link(child)}{_paren(label(EDGE_TYPES, edge.get('type', ''), lang), lang)}"
                  f"{edge_detail(ctx, edge)}" for child, edge in children]
        lines.append("")
    if parents or children:
        nodes, edges, focus, external = select_around(ctx.registry, model_id, 1)
        lines += [render_tree(ctx, nodes, edges, focus, external)]
    return lines


def discussing_pages(ctx: ViewContext, model_id: str) -> list[str]:
    order = ctx.site.page_order
    pages = [path for path in ctx.usages.pages("models", model_id) if not path.startswith(f"{MODELS_DIR}/")]
    return sorted(pages, key=lambda path: (order.get(path, len(order)), path))


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional or "id" not in options:
        raise MarkerProblem("model-page needs id=<model-id> and nothing else")
    model_id = options["id"]
    record = ctx.registry.models[model_id]
    lang = ctx.lang
    lines = [f"# {markdown_text(bilingual(record['name'], lang))}", ""]
    lines += retired_notice(ctx, model_id)
    summary = bilingual(record.get("summary"), lang)
    if summary:
        lines += [markdown_text(summary), ""]
    lines += overview(ctx, model_id) + [""]
    lines += [f"## {text('facts', lang)} {{ #facts }}", ""] + facts_table(ctx, model_id) + [""]
    lines += report_fields(ctx, model_id)
    lifecycle = lifecycle_section(ctx, model_id)
    if lifecycle:
        lines += [f"## {text('lifecycle', lang)} {{ #lifecycle }}", ""] + lifecycle
    training = training_section(ctx, record)
    if training:
        lines += [f"## {text('training', lang)} {{ #training }}", ""] + training + [""]
    lineage = lineage_section(ctx, model_id)
    if lineage:
        lines += [f"## {text('lineage', lang)} {{ #lineage }}", ""] + lineage + [""]
    pages = discussing_pages(ctx, model_id)
    if pages:
        lines += [f"## {text('discussed_in', lang)} {{ #notes }}", ""] + [f"- {ctx.page_link(path)}" for path in pages]
        lines.append("")
    lines += [f"## {cite.HEADING[lang]} {{ #cite }}", ""] + cite.cite_block(ctx, model_id)
    return "\n".join(lines).rstrip()


def stub(registry, model_id: str, lang: str) -> str:
    """The Markdown of the generated page ``models/<id>.md``: front matter and the model-page marker."""
    record = registry.models[model_id]
    description = bilingual(record.get("summary"), lang) or bilingual(record["name"], lang)
    return (f"---\ndescription: {json.dumps(' '.join(description.split()), ensure_ascii=False)}\n---\n\n"
            f"<!-- followgpt:model-page id={model_id} -->\n")

