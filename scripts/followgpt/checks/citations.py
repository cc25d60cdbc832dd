"""Citations, figures and rumours: CITE-1…3, FACT-1, RUMOUR-1."""

from __future__ import annotations

import difflib
import re
from typing import Iterator

from followgpt.render.scan import FOOTNOTE_DEFINITION, footnote_labels

from .findings import Finding, quote
from .markdown import BOUNDARY, Page
from .project import Project

_URL = re.compile(r"https?://|www\.")


def _body_with_blank_front(page: Page) -> str:
    return "\n".join([""] * page.body_start + page.lines[page.body_start:])


def cited_labels(page: Page) -> tuple[list[tuple[int, str]], set[str]]:
    """(line, label) of every footnote reference outside code, and the labels defined on the page."""
    return footnote_labels(_body_with_blank_front(page))


def check_citations(page: Page, project: Project) -> Iterator[Finding]:
    references, defined = cited_labels(page)
    sources = project.source_ids
    reported: set[str] = set()
    for line, label in references:
        if label in sources or label in defined or label in reported:
            continue
        reported.add(label)
        close = difflib.get_close_matches(label, sorted(sources), n=1, cutoff=0.75)
        fix = f"did you mean [^{close[0]}]?" if close else \
            "add the source to resources/sources/<topic>.yaml and cite it by its id"
        yield page.finding(line, "CITE-1", f"footnote [^{label}] is not a source id in the registry", fix)
    for number, _ in page.text_lines():
        match = FOOTNOTE_DEFINITION.match(page.masked[number - 1])
        if not match:
            continue
        label = match.group("label")
        rest = page.lines[number - 1][match.end():]
        if label in sources:
            yield page.finding(number, "CITE-2", f"hand-written definition for the registry source [^{label}]",
                               "delete this line; the build writes the footnote from the registry")
        elif _URL.search(rest):
            yield page.finding(number, "CITE-3", f"footnote [^{label}] carries its source as a URL",
                               "add the source to resources/sources/<topic>.yaml and cite it as [^its-id]; keep "
                               "local footnotes for explanations")


# -- FACT-1 ----------------------------------------------------------------------------------------------------

_UNITS = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "T": 10**12, "B": 10**9, "M": 10**6,
          "trillion": 10**12, "billion": 10**9, "million": 10**6}
_FIGURE = re.compile(r"(?<![\w.\-/·])(?P<number>\d+(?:\.\d+)?) ?(?P<unit>万亿|亿|万|[BMT](?![A-Za-z])|"
                     r"trillion\b|billion\b|million\b)")
QUOTED_FACTS = {"parameters": re.compile(r"参数|\bparam(?:eter)?s?\b", re.I),
                "training_tokens": re.compile(r"词元|token", re.I)}
_SENTENCE_END = re.compile(r"[。！？；]|[.;!?](?=\s|$)")


def _models(project: Project) -> list[tuple[re.Pattern, dict[str, float]]]:
    """(pattern matching the model's names, {fact name: value}) for models with quotable figures."""
    cache = project.__dict__.get("_figure_cache")
    if cache is None:
        cache = []
        registry = project.registry
        for model_id, record in (registry.models.items() if registry is not None else ()):
            values = {}
            for name in QUOTED_FACTS:
                fact = registry.fact(model_id, name)
                if fact and isinstance(fact.get("value"), (int, float)) and fact.get("status") in (None, "reported"):
                    values[name] = float(fact["value"])
            if not values:
                continue
            names = {model_id, *(record.get("name") or {}).values(), *(record.get("aliases") or [])}
            alternatives = "|".join(re.escape(str(name)) for name in sorted(names, key=len, reverse=True) if name)
            cache.append((model_id, re.compile(rf"(?<![\w-])(?:{alternatives})(?!\w|[.-]\w)", re.I), values))
        project.__dict__["_figure_cache"] = cache
    return cache


def _matches(typed: str, unit: int, value: float) -> bool:
    number = float(typed)
    if number * unit == value:
        return True
    significant = len(typed.replace(".", "").lstrip("0"))
    decimals = len(typed.split(".")[1]) if "." in typed else 0
    if significant < 2:
        return False
    return round(value / unit, decimals) == number and abs(number * unit - value) <= 0.05 * value


def check_figures(page: Page, project: Project) -> Iterator[Finding]:
    """A parameter or token count typed by hand, in a sentence naming a model whose registry value it is."""
    models = _models(project)
    if not models:
        return
    for number, view, cols in page.prose_lines():
        for match in _FIGURE.finditer(view):
            before = view[: match.start()].rstrip(" ").split(" ")[-1].split(BOUNDARY)[-1]
            if before and re.search(r"[A-Z0-9]", before) and before[-1].isalnum() and before.isascii():
                continue  # part of a model's name: "LLaMA 65B", "GPT-J 6B"
            window = view[max(0, match.start() - 8): match.end() + 10]
            kinds = [name for name, pattern in QUOTED_FACTS.items() if pattern.search(window)]
            if not kinds:
                continue
            ends = [m.end() for m in _SENTENCE_END.finditer(view)]
            start = max([end for end in ends if end <= match.start()], default=0)
            stop = min([end for end in ends if end > match.start()], default=len(view))
            sentence = view[start:stop]
            unit = _UNITS[match.group("unit")]
            hits = [f"{model_id}.{kind}" for model_id, pattern, values in models if pattern.search(sentence)
                    for kind in kinds if kind in values and _matches(match.group("number"), unit, values[kind])]
            if not hits:
                continue
            shown = page.source(number, match.start(), match.end())
            refs = ", ".join(hits[:3]) + (" …" if len(hits) > 3 else "")
            yield page.finding(number, "FACT-1", f"the figure {quote(shown)} is typed by hand; the registry has it "
                               f"as {refs}", f"write <!-- followgpt:fact {hits[0]} --> so it stays sourced and "
                               "formatted", cols[match.start()] + 1)


# -- RUMOUR-1 --------------------------------------------------------------------------------------------------

_RUMOUR_WORDS = re.compile(
    r"据传|据说|网传|传言称|传闻称|有传言|有消息称|据悉|坊间|小道消息|爆料称|"
    r"\breportedly\b|\ballegedly\b|\brumou?red to\b|\brumou?r has it\b|\bit is (?:said|rumou?red|believed) that\b|"
    r"\bsources (?:say|said|claim(?:ed)?)\b|\bis said to\b", re.I)
_NEW_BLOCK = re.compile(r"^\s*(?:[-*+]\s|\d{1,9}[.)]\s|\||#|>|!!!|\?\?\?|===)")


def check_rumours(page: Page) -> Iterator[Finding]:
    paragraph: list[int] = []
    for number in range(page.body_start + 1, len(page.lines) + 2):
        line = page.lines[number - 1] if number <= len(page.lines) else ""
        text_line = number <= len(page.lines) and page.kind[number - 1] == "text" and line.strip()
        if paragraph and (not text_line or _NEW_BLOCK.match(line)):
            yield from _rumour_paragraph(page, paragraph)
            paragraph = []
        if text_line:
            paragraph.append(number)


def _rumour_paragraph(page: Page, numbers: list[int]) -> Iterator[Finding]:
    if re.match(r"^ {0,3}#", page.lines[numbers[0] - 1]):
        return
    masked = "\n".join(page.masked[number - 1] for number in numbers)
    if re.search(r"\[\^[^\]\s]+\]", masked):
        return
    for number in numbers:
        view, cols, _ = page.view(number)
        match = _RUMOUR_WORDS.search(view)
        if match:
            yield page.finding(number, "RUMOUR-1", f"{quote(match.group())} reports a claim without citing who "
                               "made it", "name who claimed it and when, and cite where they said it with a "
                               "footnote [^source-id]", cols[match.start()] + 1)
            return
