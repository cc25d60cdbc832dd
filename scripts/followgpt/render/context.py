"""The objects passed between the page expander, the views and the MkDocs adapter."""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import links
from .escape import markdown_link
from .labels import bilingual


@dataclass
class Usages:
    """Which pages mention each model, cite each source and link each glossary term (for backlinks).

    Keys are raw ids found in the pages; consumers look up only the ids they know.
    """

    models: dict[str, set[str]] = field(default_factory=dict)
    sources: dict[str, set[str]] = field(default_factory=dict)
    terms: dict[str, set[str]] = field(default_factory=dict)

    def add(self, table: str, item_id: str, page_path: str) -> None:
        getattr(self, table).setdefault(item_id, set()).add(page_path)

    def pages(self, table: str, item_id: str) -> list[str]:
        return sorted(getattr(self, table).get(item_id, ()))


@dataclass
class SiteContext:
    """Everything about the site a view may need: the registry, the page list (path → title) and the usages."""

    registry: Any
    lang: str = "zh"
    pages: dict[str, str] = field(default_factory=dict)
    usages: Usages | None = None
    history: Any = None      # followgpt.dataset.History: the dataset's versions (changelog, version stamps)
    site_url: str = ""       # this language's absolute site root, for links that leave the site (citations)
    repository: str = ""     # owner/name on GitHub, for "report a problem" links ('' leaves them out)

    def fingerprint(self, registry_key: str) -> str:
        """A hash of everything in this context a view may read, given ``registry_key`` (the registry's content
        key, followgpt.registry.cache.content_key): with the same fingerprint, the same Markdown on the same page
        expands to the same text. Dataset versions are named by their commit; the uncommitted one follows from
        the registry."""
        usages = self.usages or Usages()
        parts = {
            "registry": registry_key, "lang": self.lang, "site_url": self.site_url, "repository": self.repository,
            "pages": list(self.pages.items()),
            "usages": {table: {key: sorted(pages) for key, pages in sorted(getattr(usages, table).items())}
                       for table in ("models", "sources", "terms")},
            "history": None if self.history is None else [
                self.history.available, self.history.reason,
                [[version.name, version.date.isoformat(), version.commit, version.initial]
                 for version in self.history.versions]],
        }
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()

    @cached_property
    def page_order(self) -> dict[str, int]:
        """Each page's place in the site's page list, computed once (model pages sort their backlinks by it)."""
        return {path: index for index, path in enumerate(self.pages)}


@dataclass
class Expanded:
    markdown: str
    assets: set[str] = field(default_factory=set)   # client libraries the page needs: "mermaid", "tablesort"


class MarkerProblem(Exception):
    """Raised by a view for what is wrong with one marker; may carry several messages."""

    def __init__(self, *messages: str):
        super().__init__("; ".join(messages))
        self.messages = list(messages)


class MarkerError(Exception):
    """Every problem found on a page, each as ``page_path:line: message``."""

    def __init__(self, problems: list[tuple[str, int, str]]):
        self.problems = problems
        super().__init__("\n".join(f"{path}:{line}: {message}" for path, line, message in problems))


def suggestion(word: str, known) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


@dataclass
class ViewContext:
    """One marker's rendering context: the site, the page it lands on and what the page will need."""

    site: SiteContext
    page_path: str
    lang: str
    assets: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    @property
    def registry(self):
        return self.site.registry

    @property
    def usages(self) -> Usages:
        return self.site.usages or Usages()

    def cite(self, source_id: str) -> str:
        """A footnote reference to a registry source (expand_page adds the definition)."""
        if source_id not in self.registry.sources:
            self.problems.append(f"registry cites unknown source '{source_id}'")
            return ""
        return f"[^{source_id}]"

    def link(self, to_path: str, anchor: str | None = None) -> str:
        return links.relative_md_link(self.page_path, to_path, anchor)

    def model_name(self, model_id: str) -> str:
        record = self.registry.models.get(model_id)
        return bilingual(record["name"], self.lang) if record else model_id

    def model_link(self, model_id: str) -> str:
        return markdown_link(self.model_name(model_id), self.link(links.model_page_path(model_id)))

    def page_title(self, path: str) -> str:
        return self.site.pages.get(path) or path

    def page_link(self, path: str) -> str:
        return markdown_link(self.page_title(path), self.link(path))

    def organization_name(self, org_id: str) -> str:
        org = self.registry.organizations.get(org_id)
        return bilingual(org["name"], self.lang) if org else org_id
