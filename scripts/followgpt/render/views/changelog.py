"""``<!-- followgpt:changelog -->``: the dataset's versions, newest first, each with what changed and the source
of every new value. Reads ``site.history`` (``followgpt.dataset.History``), which the adapter computes from git."""

from __future__ import annotations

from ..changes_text import INITIAL, UNRELEASED, describe
from ..context import MarkerProblem, ViewContext
from ..format import format_date

NAME = "changelog"
BLOCK = True
OPTIONS = {"limit": "count"}

NO_HISTORY = {
    "zh": "无法读取数据的历史（{reason}），因此这里只有当前状态。",
    "en": "The data's history could not be read ({reason}), so only the current state is shown.",
}
COUNTS = {"zh": "共 {n} 处变更。", "en": "{n} changes."}


def version_anchor(name: str) -> str:
    return "v" + name.replace(".", "-")


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem("changelog takes no positional arguments")
    history = getattr(ctx.site, "history", None)
    if history is None:
        raise MarkerProblem("changelog needs the dataset history, which this build did not provide")
    lang = ctx.lang
    out: list[str] = []
    if not history.available:
        out += [NO_HISTORY[lang].format(reason=history.reason), ""]
    versions = history.versions[: options["limit"]] if options.get("limit") else history.versions

    def model(model_id: str) -> str:
        return ctx.model_link(model_id) if model_id in ctx.registry.models else ctx.model_name(model_id)

    for version in versions:
        title = version.name if version.released else UNRELEASED[lang]
        out.append(f"### {title} {{ #{version_anchor(version.name)} }}")
        out.append("")
        if version.released:
            out += [format_date(version.date, lang), ""]
        if version.initial:
            out += [INITIAL[lang].format(n=len(version.models)), ""]
            continue
        out += [COUNTS[lang].format(n=len(version.changes)), ""]
        for change in version.changes:
            line = describe(change, lang, model, ctx.model_name)
            if change.source:
                line += ctx.cite(change.source)
            out.append(f"- {line}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
