"""``<!-- followgpt:downloads -->``: links to the JSON, CSV and BibTeX exports the adapter writes."""

from __future__ import annotations

import posixpath

from ..context import MarkerProblem, ViewContext
from ..escape import markdown_link
from ..export import EXPORT_FILES
from ..labels import text
from .table import markdown_table

NAME = "downloads"
BLOCK = True
OPTIONS: dict = {}

DESCRIPTIONS = {"json": ("JSON", "download_json"), "schema": ("JSON Schema", "download_schema"),
                "csv": ("CSV", "download_csv"), "bibtex": ("BibTeX", "download_bib")}
CHANGELOG_PAGE = "data/changelog.md"


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem("downloads takes no arguments")
    rows = []
    for kind, path in EXPORT_FILES.items():
        file_format, description = DESCRIPTIONS[kind]
        rows.append([markdown_link(posixpath.basename(path), ctx.link(path)), file_format, text(description, ctx.lang)])
    table = markdown_table([text("file", ctx.lang), text("format", ctx.lang), text("contents", ctx.lang)], rows)
    history = ctx.site.history
    if history is None:
        return table
    version = history.current_name
    line = text("dataset_version_line", ctx.lang).format(version=version)
    if CHANGELOG_PAGE in ctx.site.pages:
        line += text("see_changelog", ctx.lang).format(link=ctx.page_link(CHANGELOG_PAGE))
    return line + "\n\n" + table
