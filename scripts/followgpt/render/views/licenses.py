"""``<!-- followgpt:licenses -->``: every licence in resources/licenses.yaml with what it allows and its models.

Columns: licence (name linked to its text, cited), kind, commercial use, use of outputs to train other models
(distillation), conditions, regional limits, and the models that name it (retired ones marked). ``used=only``
leaves out licences no model names yet.
"""

from __future__ import annotations

from ..context import MarkerProblem, ViewContext
from ..describe import license_name
from ..escape import markdown_link, markdown_text
from ..labels import LICENSE_KINDS, PERMISSION, bilingual, label, text
from .table import markdown_table, retired_mark, sortable

NAME = "licenses"
BLOCK = True
OPTIONS = {"used": ("only", "all")}


def models_by_license(registry) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for model_id, record in registry.models.items():
        if record.get("license"):
            found.setdefault(record["license"], []).append(model_id)
    return found


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem(f"licenses takes only key=value options, not {' '.join(positional)!r}")
    registry, lang = ctx.registry, ctx.lang
    users = models_by_license(registry)
    licences = [licence for licence_id, licence in registry.licenses.items()
                if options.get("used") != "only" or users.get(licence_id)]
    if not licences:
        return text("licenses_empty", lang)
    missing = text("missing", lang)
    rows = []
    for licence in licences:
        name = license_name(licence, lang)
        shown = markdown_link(name, licence["url"]) if licence.get("url") else markdown_text(name)
        models = text("list_joiner", lang).join(ctx.model_link(model_id) + retired_mark(ctx, model_id)
                                                for model_id in users.get(licence["id"], []))
        rows.append([
            shown + (ctx.cite(licence["source"]) if licence.get("source") else ""),
            label(LICENSE_KINDS, licence.get("kind", ""), lang),
            label(PERMISSION, licence.get("commercial_use", "unspecified"), lang),
            label(PERMISSION, licence.get("use_outputs_to_train", "unspecified"), lang),
            markdown_text(bilingual(licence.get("conditions"), lang)) or missing,
            markdown_text(bilingual(licence.get("regional_limits"), lang)) or missing,
            models or missing,
        ])
    ctx.assets.add("tablesort")
    headings = [text(key, lang) for key in ("license", "license_kind", "commercial_use", "outputs_use", "conditions",
                                            "regional_limits", "models")]
    return sortable(markdown_table(headings, rows))
