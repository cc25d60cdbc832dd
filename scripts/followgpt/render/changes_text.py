"""Dataset changes (``followgpt.dataset.Change``) in words, per language: shared by the changelog page and the
Atom feed. ``describe`` fills model names through a callback, so the page can link them and the feed cannot."""

from __future__ import annotations

from collections.abc import Callable

from .format import format_date, format_value
from .labels import ACCESS, EDGE_TYPES, FACT_NAMES, STATUS, bilingual, label
from .units import FACTS

PHRASES = {
    "model-added": {"zh": "新增 {model}", "en": "{model} added"},
    "model-removed": {"zh": "移除 {model}", "en": "{model} removed"},
    "value-added": {"zh": "{model}：补充{fact}，{new}", "en": "{model}: {fact} added, {new}"},
    "value-changed": {"zh": "{model}：{fact}由 {old} 改为 {new}", "en": "{model}: {fact} changed from {old} to {new}"},
    "value-removed": {"zh": "{model}：删去{fact}（原为 {old}）", "en": "{model}: {fact} removed (was {old})"},
    "status-changed": {"zh": "{model}：{fact}的状态由“{old}”改为“{new}”",
                       "en": "{model}: {fact} now {new} (was {old})"},
    "lineage-added": {"zh": "{model}：新增谱系关系“{fact}” {new}", "en": "{model}: lineage added, {fact} {new}"},
    "lineage-removed": {"zh": "{model}：删去谱系关系“{fact}” {old}", "en": "{model}: lineage removed, {fact} {old}"},
    "access-changed": {"zh": "{model}：开放方式由 {old} 改为 {new}", "en": "{model}: access changed from {old} to {new}"},
    "license-changed": {"zh": "{model}：许可证由 {old} 改为 {new}", "en": "{model}: licence changed from {old} to {new}"},
}

LIFECYCLE = {
    "deprecated": {"zh": "{model}：{date}宣布{scope}弃用", "en": "{model}: deprecated{scope} {on} {date}"},
    "retired": {"zh": "{model}：{date}{scope}下线", "en": "{model}: retired{scope} {on} {date}"},
    "renamed": {"zh": "{model}：{date}更名为 {to}", "en": "{model}: renamed {to} {on} {date}"},
    "released": {"zh": "{model}：{date}{scope}上线", "en": "{model}: released{scope} {on} {date}"},
}
SCOPES = {
    "api": {"zh": "从 API ", "en": " from the API"},
    "chatgpt": {"zh": "从 ChatGPT ", "en": " from ChatGPT"},
    "product": {"zh": "", "en": ""},
    "weights": {"zh": "权重", "en": " (weights)"},
}
RELEASED_SCOPES = {
    "api": {"zh": "在 API 中", "en": " in the API"},
    "chatgpt": {"zh": "在 ChatGPT 中", "en": " in ChatGPT"},
    "product": {"zh": "", "en": ""},
    "weights": {"zh": "权重", "en": " (weights)"},
}
INITIAL = {"zh": "首个公开版本，收录 {n} 个模型。", "en": "First published version, with {n} models."}
UNRELEASED = {"zh": "未发布（工作区中尚未提交的修改）", "en": "Unreleased (uncommitted edits in the working tree)"}
VERSION = {"zh": "数据版本", "en": "Dataset version"}


def _value(value, fact: str, lang: str) -> str:
    if value is None:
        return label(STATUS, "undisclosed", lang)
    unit = FACTS.get(fact)
    try:
        return format_value(value, unit, lang) if unit else str(value)
    except (TypeError, ValueError):
        return str(value)


def describe(change, lang: str, model: Callable[[str], str], name_of: Callable[[str], str] | None = None) -> str:
    """One change as a sentence. ``model(id)`` renders a model reference (a link on pages, a name in feeds)."""
    name_of = name_of or model
    if change.kind == "lifecycle":
        event = change.new or {}
        scopes = RELEASED_SCOPES if change.item in {"released", "deprecated"} else SCOPES
        phrase = LIFECYCLE.get(change.item, LIFECYCLE["retired"])[lang]
        return phrase.format(model=model(change.model), date=format_date(event.get("date"), lang) if event.get("date") else "",
                             scope=label(scopes, str(event.get("scope", "product")), lang),
                             to=bilingual(event.get("to"), lang),
                             on="on" if str(event.get("date", "")).count("-") == 2 else "in")
    if change.kind in {"model-added", "model-removed"}:
        reference = model(change.model) if change.kind == "model-added" else (
            bilingual(change.detail.get("name"), lang) or change.model)
        return PHRASES[change.kind][lang].format(model=reference)
    fact, old, new = change.item, change.old, change.new
    if change.kind.startswith("lineage"):
        fact = label(EDGE_TYPES, change.item, lang)
        old = name_of(old) if old else ""
        new = name_of(new) if new else ""
    elif change.kind == "status-changed":
        fact = label(FACT_NAMES, change.item, lang)
        old, new = label(STATUS, old, lang), label(STATUS, new, lang)
    elif change.kind == "access-changed":
        old, new = label(ACCESS, str(old), lang), label(ACCESS, str(new), lang)
    elif change.kind == "license-changed":
        pass
    else:
        fact = label(FACT_NAMES, change.item, lang)
        if change.kind == "value-added" and change.detail.get("status") == "undisclosed":
            new = label(STATUS, "undisclosed", lang)
        else:
            old = _value(old, change.item, lang) if old is not None else ""
            new = _value(new, change.item, lang) if new is not None else ""
    return PHRASES[change.kind][lang].format(model=model(change.model), fact=fact, old=old, new=new)
