"""Pure renderers: registry + options + language → Markdown, mermaid, SVG or data files. Never imports MkDocs.

Public API (the MkDocs adapter ``followgpt.site`` calls these):

- ``expand_page(markdown, *, page_path, lang, site) -> Expanded`` (raises ``MarkerError``)
- ``collect_usages(pages) -> Usages``
- ``model_page_stub(registry, model_id, lang) -> str`` (the Markdown of a generated ``models/<id>.md``)
- ``to_json / to_csv(registry, dataset_version)``, ``to_bibtex(registry)``, ``export_schema_text()`` and
  ``EXPORT_FILES`` (where the adapter writes them)
- ``to_atom(history, registry, lang, site_url) -> str`` and ``FEED_FILE``: the changes feed
- ``format_value / format_fact / format_date / format_count`` for any other display of registry values
"""

from .context import Expanded, MarkerError, SiteContext, Usages
from .export import EXPORT_FILES, to_bibtex, to_csv, to_json
from .export_schema import export_schema, export_schema_text
from .feed import FEED_FILE, FEED_TITLES, to_atom
from .format import format_count, format_date, format_fact, format_value
from .links import model_page_path
from .page import expand_page
from .usages import collect_usages
from .views.model_page import stub as model_page_stub

__all__ = [
    "EXPORT_FILES", "FEED_FILE", "FEED_TITLES", "export_schema", "export_schema_text", "to_atom", "Expanded", "MarkerError", "SiteContext", "Usages", "collect_usages", "expand_page",
    "format_count", "format_date", "format_fact", "format_value", "model_page_path", "model_page_stub",
    "to_bibtex", "to_csv", "to_json",
]
