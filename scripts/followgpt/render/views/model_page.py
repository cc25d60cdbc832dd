"""``<!-- followgpt:model-page id=gpt-3 -->``: everything the registry knows about one record.

A "retired" notice when the lifecycle retired the model in its access scope; summary; overview (kind,
organisations, series, architecture, access (marked retired with the date), modalities, reasoning, licence with its
terms, aliases); a facts table with sources, locators, notes, dated values (since / earlier), superseded values,
attributed third-party estimates (never as the value) and rumours — total and active parameters labelled apart for
mixture-of-experts models; API snapshots and lifecycle events; training; ancestors and descendants, transitively,
grouped by the type of the edge next to the model (each direct edge with its evidence, dates and source, each
indirect relative with the path to it, Registry.ancestors/descendants); a neighbourhood figure (inline SVG, views/lineage_figure.py), and the notes that discuss the model (from usages). The view writes the page's H1 itself, so the
generated page (``stub(registry, id, lang)``) is only front matter and the marker.
"""

from __future__ import annotations

import json

from ..context import MarkerProblem, ViewContext
from ..describe import (access_text, edge_dates, estimate_texts, earlier_texts, license_name, license_terms,
                        lifecycle_line, modalities_text, reasoning_text, since_text)
from ..escape import markdown_link, markdown_text
from ..format import format_date, format_fact, format_value
from ..labels import (ARCHITECTURES, COLUMNS, EDGE_TYPES, EVIDENCE, FACT_NAMES, KINDS, LANGUAGES, LICENSE_KINDS, METHODS,
                      SERIES_EDGE,
                      bilingual, label, text)
from ..links import MODELS_DIR
from ..units import FACTS
from ..api import model_api_path
from ..links import absolute_page_url, model_page_path
from ..report import report_url
from . import cite
from .table import markdown_table
from .lineage_figure import render_figure

NAME = "model-page"
BLOCK = True
OPTIONS = {"id": "model"}
# Material's search skips an element with this attribute (and a heading's whole section): the boilerplate of
# every model page (which notes discuss it, how to cite it, the per-fact report links) would otherwise make a
# search for a note's title or for "cite" return every model page.
SEARCH_EXCLUDE = "data-search-exclude"
MODEL_PAGE_SEARCH_BOOST = 0.5


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


COMPARE_PAGE = "data/compare.md"


def compare_link(ctx: ViewContext, model_id: str) -> list[str]:
    """A link that opens the compare page with this model chosen (when the site has the page)."""
    if COMPARE_PAGE not in ctx.site.pages:
        return []
    return [markdown_link(text("compare_this", ctx.lang), f"{ctx.link(COMPARE_PAGE)}?m={model_id}"), ""]


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
    # A paragraph's attribute list must stand on a line of its own (attr_list); at the end of the text line it
    # was shown as text.
    return [text("report_fields", ctx.lang) + " · ".join(links), f"{{ .fgpt-report-fields {SEARCH_EXCLUDE} }}", ""]


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
    """The evidence of a direct edge (stated by the authors / our inference and why), its dates and its source."""
    lang = ctx.lang
    parts = [edge_dates(edge, lang)] if edge_dates(edge, lang) else []
    if edge.get("evidence") == "inferred":
        note = bilingual(edge.get("note"), lang)
        parts.append(text("inferred_note", lang).format(markdown_text(note)) if note else label(EVIDENCE, "inferred", lang))
    else:
        parts.append(label(EVIDENCE, "explicit", lang))
    detail = _paren(("；" if lang == "zh" else "; ").join(parts), lang)
    return detail + (ctx.cite(edge["source"]) if edge.get("source") else "")


INDIRECT_COLLAPSE = 12   # a group with more indirect relatives than this shows them in a collapsed block
INDIRECT_LIMIT = 60      # indirect relatives listed per direction (nearest first); the JSON API has them all
CHAIN_STEPS = 6          # a longer path shows its first and last steps around "… n more …" (the API has it whole)
API_PAGE = "data/api.md"


def path_heads(found: list[dict]) -> dict[str, list[dict]]:
    """The first three steps of every result's path from the model, in one pass: ``found`` is in walk order,
    so each result's predecessor (``via``) comes before it."""
    heads: dict[str, list[dict]] = {}
    for result in found:
        before = heads[result["via"]] if result["via"] is not None else []
        heads[result["id"]] = before + [result] if len(before) < 3 else before
    return heads


def path_steps(result: dict, found: dict[str, dict], heads: dict[str, list[dict]]) -> dict[int, dict]:
    """The steps of the path to ``result`` that relation_chain shows, by position from the model (1 = the
    step next to it): all of a path of up to CHAIN_STEPS steps, else the first three and the last three.
    Reading only those keeps a page's cost independent of how deep the lineage is (whole paths per relative made
    model pages grow with the depth of the registry's chains)."""
    length = result["distance"]
    tail = [result]
    while len(tail) < (length if length <= CHAIN_STEPS else 3):
        tail.append(found[tail[-1]["via"]])
    steps = {length - index: step for index, step in enumerate(tail)}
    if length > CHAIN_STEPS:
        steps.update(enumerate(heads[result["id"]], start=1))
    return steps


def relation_chain(ctx: ViewContext, start: str, result: dict, upward: bool, found: dict[str, dict],
                   heads: dict[str, list[dict]]) -> str:
    """A path read from the younger model: 'R1-Distill ← distilled from ← DeepSeek-R1 ← RL from ← V3-Base',
    rebuilt by following ``via`` (each entry's predecessor) through ``found`` (the results by id). A path of
    more than CHAIN_STEPS steps shows its first and last steps around '… n models between …'."""
    length = result["distance"]
    steps = path_steps(result, found, heads)   # position i: the step from node i - 1 to node i (node 0: start)

    def name(position: int) -> str:
        if position == length:
            return ctx.model_link(steps[position]["id"])
        return markdown_text(ctx.model_name(steps[position]["id"] if position else start))

    def position(k: int) -> int:   # the k-th node as read, from the younger model
        return k if upward else length - k
    elided = length > CHAIN_STEPS
    parts = [name(position(0))]
    for k in ([1, 2, 3, length - 2, length - 1, length] if elided else range(1, length + 1)):
        if elided and k == 3:
            parts.append(text("path_elided", ctx.lang).format(n=length - 5))
            continue
        before, here = position(k - 1), position(k)
        parts += [label(EDGE_TYPES, steps[max(before, here)]["edge"], ctx.lang), name(here)]
    chain = " ← ".join(parts)
    if result["evidence"] == "inferred":
        chain += _paren(text("path_inferred", ctx.lang), ctx.lang)
    return chain


def relatives(ctx: ViewContext, model_id: str, upward: bool) -> list[str]:
    """Ancestors (upward) or descendants, transitively, grouped by the type of the edge next to the model: each
    direct edge with its evidence and source, each indirect relative with the path that leads to it."""
    registry, lang = ctx.registry, ctx.lang
    if upward:
        direct = [(edge.get("target"), edge) for edge in registry.parents(model_id)
                  if edge.get("target") in registry.models]
    else:
        direct = registry.children(model_id)
    # Nearest first, so the direct relatives come before the INDIRECT_LIMIT nearest indirect ones.
    limit = len(direct) + 1 + INDIRECT_LIMIT
    found, total = registry.relatives(model_id, upward=upward, limit=limit)
    if not found:
        return []
    # Every direct edge (two edges to one model are two entries), series membership, then the indirect relatives.
    near = [(edge.get("type"), f"{ctx.model_link(other)}{edge_detail(ctx, edge)}") for other, edge in direct]
    near += [(result["relation"], ctx.model_link(result["id"])) for result in found
             if result["via"] is None and result["relation"] == SERIES_EDGE]
    far_results = [result for result in found if result["via"] is not None][:INDIRECT_LIMIT]
    by_id = {result["id"]: result for result in found}
    heads = path_heads(found)
    far = [(result["relation"], relation_chain(ctx, model_id, result, upward, by_id, heads))
           for result in far_results]
    shown = {other for other, _ in direct} | {result["id"] for result in found if result["via"] is None} | \
        {result["id"] for result in far_results}
    hidden = total - len(shown)
    order = {relation: index for index, relation in enumerate(EDGE_TYPES)}
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for relation in sorted({relation for relation, _ in near + far}, key=lambda r: (order.get(r, len(order)), r)):
        groups[relation] = ([item for kind, item in near if kind == relation],
                            [item for kind, item in far if kind == relation])
    lines = [f"**{text('ancestors' if upward else 'descendants', lang)}**", ""]
    for relation, (direct_items, indirect_items) in groups.items():
        lines.append(f"- **{label(EDGE_TYPES, relation, lang)}**")
        lines += [f"    - {item}" for item in direct_items]
        if len(indirect_items) > INDIRECT_COLLAPSE:
            lines += ["", f'    ??? note "{text("indirect_count", lang).format(n=len(indirect_items))}"', ""]
            lines += [f"        - {item}" for item in indirect_items] + [""]
        else:
            lines += [f"    - {item}" for item in indirect_items]
    if hidden > 0:
        where = ctx.page_link(API_PAGE) if API_PAGE in ctx.site.pages else f"`{model_api_path(model_id)}`"
        lines += ["", text("relatives_more" if upward else "relatives_more_below", lang).format(
            n=hidden, json=f"`{model_api_path(model_id)}`", where=where)]
    lines.append("")
    return lines


def lineage_section(ctx: ViewContext, model_id: str) -> list[str]:
    """Where the model comes from and what came of it, transitively, grouped by edge type; then the
    neighbourhood figure (direct edges only), drawn in Python as inline SVG (lineage_figure)."""
    lines = relatives(ctx, model_id, upward=True) + relatives(ctx, model_id, upward=False)
    if lines:
        figure = render_figure(ctx, model_id)
        if figure:
            lines += [figure]
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
    lines += compare_link(ctx, model_id)
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
        lines += [f"## {text('discussed_in', lang)} {{ #notes {SEARCH_EXCLUDE} }}", ""] + [f"- {ctx.page_link(path)}" for path in pages]
        lines.append("")
    lines += [f"## {cite.HEADING[lang]} {{ #cite {SEARCH_EXCLUDE} }}", ""] + cite.cite_block(ctx, model_id)
    return "\n".join(lines).rstrip()


def stub(registry, model_id: str, lang: str) -> str:
    """The Markdown of the generated page ``models/<id>.md``: front matter and the model-page marker."""
    record = registry.models[model_id]
    description = bilingual(record.get("summary"), lang) or bilingual(record["name"], lang)
    # Search ranks the notes, which explain, above the ~190 generated data pages that mention the same words
    # (Material's per-page boost; a model's name still finds its page through the title field).
    return (f"---\ndescription: {json.dumps(' '.join(description.split()), ensure_ascii=False)}\n"
            f"search:\n  boost: {MODEL_PAGE_SEARCH_BOOST}\n---\n\n"
            f"<!-- followgpt:model-page id={model_id} -->\n")

