"""Expanding one page: every ``<!-- followgpt:NAME opts -->`` marker replaced, source footnotes defined.

All problems on the page (unknown marker, unknown or bad option, unknown id, stray footnote label) are collected
and raised together as one ``MarkerError`` whose lines read ``page_path:line: message``.
"""

from __future__ import annotations

from followgpt.cjk import is_cjk

from .citations import source_citation
from .context import Expanded, MarkerError, MarkerProblem, SiteContext, ViewContext, suggestion
from .options import parse_options
from .scan import find_markers, footnote_labels
from .usages import collect_usages
from .views import VIEWS

__all__ = ["Expanded", "MarkerError", "SiteContext", "collect_usages", "expand_page"]


def render_marker(marker, ctx: ViewContext) -> str:
    if marker.syntax_errors:
        raise MarkerProblem(*marker.syntax_errors)
    view = VIEWS.get(marker.name)
    if view is None:
        raise MarkerProblem(f"unknown marker 'followgpt:{marker.name}'{suggestion(marker.name, VIEWS)}; "
                            f"known markers: {', '.join(VIEWS)}")
    if view.BLOCK and not marker.alone:
        raise MarkerProblem(f"'{marker.name}' is a block marker and must stand alone on its own line")
    options = parse_options(marker.options, view.OPTIONS, ctx.registry)
    return view.render(ctx, marker.positional, options)


def _is_latin_or_digit(char: str) -> bool:
    return char.isascii() and char.isalnum()


def cjk_spaced(before: str, value: str, after: str) -> str:
    """An inline value placed straight against Chinese text gets the space the Chinese typography convention
    wants between CJK and Latin letters or digits (训练了<!-- fact --> → 训练了 4000 亿个词元)."""
    if not value:
        return value
    if before and is_cjk(before[-1]) and _is_latin_or_digit(value[0]):
        value = " " + value
    visible_end = value.rstrip()
    if "[^" in visible_end and visible_end.endswith("]"):
        visible_end = visible_end[: visible_end.rindex("[^")]   # the footnote mark, not the value, ends it
    if after and is_cjk(after[0]) and visible_end and _is_latin_or_digit(visible_end[-1]):
        value = value + " "
    return value


def _indented(markdown: str, indent: str) -> list[str]:
    return [indent + line if line else "" for line in markdown.split("\n")]


def expand_markers(markdown: str, *, page_path: str, lang: str, site: SiteContext,
                   problems: list[tuple[str, int, str]], assets: set[str]) -> str:
    lines = markdown.split("\n")
    markers, scan_problems = find_markers(markdown)
    problems += [(page_path, line, message) for line, message in scan_problems]
    by_line: dict[int, list] = {}
    for marker in markers:
        by_line.setdefault(marker.line, []).append(marker)
    output: list[str] = []
    for number, line in enumerate(lines, start=1):
        if number not in by_line:
            output.append(line)
            continue
        for marker in reversed(by_line[number]):          # right to left keeps earlier offsets valid
            ctx = ViewContext(site=site, page_path=page_path, lang=lang, assets=assets)
            try:
                rendered = render_marker(marker, ctx)
            except MarkerProblem as problem:
                problems += [(page_path, marker.line, message) for message in problem.messages]
                rendered = ""
            problems += [(page_path, marker.line, message) for message in ctx.problems]
            if VIEWS.get(marker.name) is not None and VIEWS[marker.name].BLOCK and marker.alone:
                line = None
                if output and output[-1].strip():
                    output.append("")
                output += _indented(rendered, marker.indent) + [""]
                break
            before, after = line[: marker.start], line[marker.end:]
            if lang == "zh":
                rendered = cjk_spaced(before, rendered, after)
            line = before + rendered + after
        if line is not None:
            output.append(line)
    return "\n".join(output)


def source_footnotes(original: str, expanded: str, *, page_path: str, lang: str, registry,
                     problems: list[tuple[str, int, str]]) -> str:
    """Definitions for every source-id footnote label without one; problems for labels that are neither."""
    written, written_defined = footnote_labels(original)
    for line, label in written:
        if label not in registry.sources and label not in written_defined:
            problems.append((page_path, line, f"footnote [^{label}] is neither a source id nor defined on the "
                                              f"page{suggestion(label, registry.sources)}"))
    references, defined = footnote_labels(expanded)
    needed = [label for label in dict.fromkeys(label for _, label in references)
              if label in registry.sources and label not in defined]
    if not needed:
        return expanded
    definitions = [f"[^{label}]: {source_citation(registry.sources[label], lang)}" for label in needed]
    return expanded.rstrip("\n") + "\n\n" + "\n".join(definitions) + "\n"


def expand_page(markdown: str, *, page_path: str, lang: str, site: SiteContext) -> Expanded:
    problems: list[tuple[str, int, str]] = []
    assets: set[str] = set()
    expanded = expand_markers(markdown, page_path=page_path, lang=lang, site=site, problems=problems, assets=assets)
    expanded = source_footnotes(markdown, expanded, page_path=page_path, lang=lang, registry=site.registry,
                                problems=problems)
    if problems:
        raise MarkerError(sorted(problems, key=lambda problem: problem[1]))
    return Expanded(markdown=expanded, assets=assets)
