"""One module per marker. Each has NAME, BLOCK (must stand alone on its line), OPTIONS (accepted key → kind,
see ``followgpt.render.options``) and ``render(ctx, positional, options) -> str``."""

from __future__ import annotations

from . import (changelog, cite, compare, downloads, fact, glossary, growth, licenses, model_page, models_index,
               overview, references, relations, table, timeline, tree)

VIEWS = {module.NAME: module for module in (fact, table, tree, timeline, growth, models_index, model_page,
                                             glossary, references, downloads, licenses, changelog, cite, compare,
                                             relations, overview)}
