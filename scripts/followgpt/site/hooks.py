"""The thin MkDocs adapter: wires the registry and the renderers into a build, one language per build.

``mkdocs.yml`` (zh) and ``mkdocs.en.yml`` (en) both load this through ``scripts/mkdocs_hooks.py``. The Chinese
build, when it is done, builds the English site into ``<site_dir>/en/`` so one ``mkdocs build``/``serve``
always gives both languages. All content logic lives in plain-Python modules; this file only translates MkDocs
events into calls to them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from followgpt import DEFAULT_LANGUAGE, LANGUAGES
from followgpt.dataset import read_history
from followgpt.i18n import LANGUAGE_NAMES, other_language, site_prefix, untranslated_page
from followgpt.navigation import NavError, load_nav, nav_for
from followgpt.registry import RegistryError, load_registry
from followgpt.render import (EXPORT_FILES, FEED_FILE, MarkerError, SiteContext, collect_usages, expand_page,
                              export_schema_text, FEED_TITLES, model_page_path, model_page_stub, to_atom, to_bibtex, to_csv,
                              to_json)
from followgpt.render.links import absolute_page_url
from followgpt.render.machine import LLMS_FILE, MachinePage, absolute_links, llms_txt, markdown_copy_path, page_entry
from followgpt.render.labels import text as label_text
from followgpt.render.report import report_url
from followgpt.search_terms import tune_search_index
from followgpt.site import vendor
from followgpt.site.prerender import PrerenderError, prerender_site, settings_of

log = logging.getLogger("mkdocs.plugins.followgpt")

EN_CONFIG = "mkdocs.en.yml"  # next to mkdocs.yml
EXPORTERS = {"json": lambda registry, version: to_json(registry, version),
             "schema": lambda registry, version: export_schema_text(),
             "csv": lambda registry, version: to_csv(registry, version),
             "bibtex": lambda registry, version: to_bibtex(registry)}
HISTORY_CACHE = ".cache/history"   # registry states of past commits, by commit id (safe to delete)


class SiteHooks:
    """Per-build state and event handlers.

    MkDocs caches hook modules by path, so the Chinese build and the English build it starts share this
    object. That is safe because the builds never overlap: on_config resets the per-build state, and the
    English build runs only after every Chinese page has been written.
    """

    def __init__(self) -> None:
        self.root = Path.cwd()  # the project: the folder holding mkdocs.yml, docs/ and resources/
        self.lang = DEFAULT_LANGUAGE
        self.serving = False
        self.registry = None
        self.history = None
        self.site: SiteContext | None = None
        self.machine_pages: dict[str, MachinePage] = {}

    # -- configuration ---------------------------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    @event_priority(100)  # before Material's search plugin reads its jieba settings
    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self.lang = config.theme["language"]
        if self.lang not in LANGUAGES:
            raise PluginError(f"theme.language must be one of {', '.join(LANGUAGES)}, got {self.lang!r}")
        try:
            self.registry = load_registry(self.root / "resources")
        except RegistryError as exc:
            raise PluginError("The registry does not validate:\n" + "\n".join(map(str, exc.issues))) from None
        try:
            config.nav = nav_for(load_nav(self.root / "docs" / "nav.yaml"), self.lang)
        except NavError as exc:
            raise PluginError(str(exc)) from None
        search = config.plugins.get("material/search") or config.plugins.get("search")
        user_dict = self.root / "resources" / "jieba-user-dict.txt"
        if search is not None and self.lang == "zh" and user_dict.is_file():
            # Material resolves this path against the working directory; make it independent of it.
            search.config.jieba_dict_user = str(user_dict)
        mermaid = config.plugins.get("mermaid2")
        if mermaid is not None:
            vendor.configure_mermaid(mermaid, self.lang, self.root)
        root_url = config.site_url or ""
        config.extra["followgpt"] = {
            "lang": self.lang,
            # Absolute base URL of each language's site, for the sitemap's hreflang alternates.
            "site_urls": {lang: _site_url_for(root_url, self.lang, lang) for lang in LANGUAGES},
        }
        return config

    # -- files -----------------------------------------------------------------------------------------

    def on_files(self, files: Files, config) -> Files:
        docs_dir = Path(config.docs_dir)
        other_dir = docs_dir.parent / other_language(self.lang)
        for src_uri in _markdown_paths(other_dir) - _markdown_paths(docs_dir):
            content = untranslated_page((other_dir / src_uri).read_text(encoding="utf-8"), self.lang)
            files.append(File.generated(config, src_uri, content=content))
        for model_id in self.registry.models:
            files.append(File.generated(config, model_page_path(model_id),
                                        content=model_page_stub(self.registry, model_id, self.lang),
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        if self.lang == DEFAULT_LANGUAGE or self.history is None:   # the English build reuses the Chinese one's
            self.history = read_history(self.root, self.root / HISTORY_CACHE)
            if not self.history.available:
                log.info("Dataset history unavailable (%s): the data is built as version 'unreleased'",
                         self.history.reason)
        for kind, dest in EXPORT_FILES.items():
            files.append(File.generated(config, dest, content=EXPORTERS[kind](self.registry,
                                                                               self.history.current_name)))
        files.append(File.generated(config, FEED_FILE, content=to_atom(self.history, self.registry, self.lang,
                                                                       config.site_url or "")))
        if self.lang == DEFAULT_LANGUAGE:
            vendor.add_files(files, config, self.root)
        pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
        self.site = SiteContext(
            registry=self.registry,
            lang=self.lang,
            pages={path: _title_of(markdown) for path, markdown in pages.items()},
            usages=collect_usages(pages),
            history=self.history,
            site_url=config.site_url or "",
            repository=config.extra.get("repository") or "",
        )
        return files

    # -- pages -----------------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page, config, files):
        try:
            expanded = expand_page(markdown, page_path=page.file.src_uri, lang=self.lang, site=self.site)
        except MarkerError as exc:
            raise PluginError(str(exc)) from None
        page.meta["followgpt_assets"] = set(expanded.assets)
        self.machine_pages[page.file.src_uri] = MachinePage(
            page.file.src_uri, _title_of(expanded.markdown) or page.title or "", page.meta.get("description", ""),
            expanded.markdown)
        return expanded.markdown

    def on_page_content(self, html: str, page, config, files):
        if 'class="arithmatex"' in html:
            page.meta["followgpt_assets"].add("katex")
        return html

    def on_page_context(self, context, page, config, nav):
        here = site_prefix(self.lang) + page.url
        context["followgpt"] = {
            "lang": self.lang,
            "untranslated": bool(page.meta.get("untranslated")),
            "alternates": [
                {"lang": lang, "name": LANGUAGE_NAMES[lang],
                 "url": get_relative_url(site_prefix(lang) + page.url, here)}
                for lang in LANGUAGES
            ],
            "vendor_url": get_relative_url(vendor.SITE_DIR + "/", here),
            "feed": {"url": get_relative_url(FEED_FILE, here), "title": FEED_TITLES[self.lang]},
            "report": {"url": report_url(config.extra.get("repository") or "", page.canonical_url or page.url,
                                         title=page.title or "") if config.extra.get("repository") else "",
                       "label": label_text("report_page", self.lang)},
            "assets": sorted(page.meta.get("followgpt_assets", ())),
        }
        return context

    # -- after the build -------------------------------------------------------------------------------

    @event_priority(-100)  # after Material's search plugin has written the index
    def on_post_build(self, config):
        lang = config.theme["language"]  # not self.lang: the English build below reuses this object
        self._write_machine_pages(config, lang)
        index = Path(config.site_dir) / "search" / "search_index.json"
        if lang == "zh" and index.exists():
            tune_search_index(index)
        if lang == DEFAULT_LANGUAGE:
            self._build_english(config)
            if not self.serving:  # previews keep the (lazy) client-side diagrams: rebuilds stay fast
                self._prerender_diagrams(config)

    def _write_machine_pages(self, config, lang: str) -> None:
        """A Markdown copy of every page next to its HTML, with absolute links, and llms.txt listing them."""
        site_dir, site_url = Path(config.site_dir), config.site_url or ""
        for path, page in self.machine_pages.items():
            target = site_dir / markdown_copy_path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(absolute_links(page.markdown, path, site_url), encoding="utf-8")
        entries = {path: page_entry(page, site_url) for path, page in self.machine_pages.items()}
        sections: list[tuple[str, list]] = [(label_text("llms_overview", lang), [])]
        for item in config.nav or []:
            if isinstance(item, str):
                sections[0][1].append(entries[item]) if item in entries else None
            elif isinstance(item, dict):
                for title, pages in item.items():
                    sections.append((title, [entries[path] for path in pages if isinstance(path, str) and path in entries]))
        models = sorted(path for path in entries if path.startswith("models/") and path != "models/index.md")
        sections.append((label_text("llms_models", lang), [entries[path] for path in models]))
        data = [(Path(dest).name, absolute_page_url(site_url, dest), label_text(f"llms_{kind}", lang))
                for kind, dest in [*EXPORT_FILES.items(), ("feed", FEED_FILE)]]
        sections.append((label_text("llms_data", lang), data))
        (site_dir / LLMS_FILE).write_text(llms_txt(config.site_name, config.site_description or "",
                                                   label_text("llms_details", lang), sections), encoding="utf-8")

    def _prerender_diagrams(self, config) -> None:
        mermaid = config.plugins.get("mermaid2")
        try:
            prerender_site(Path(config.site_dir), self.root / "node_modules" / vendor.LIBRARIES["mermaid"][0],
                           settings_of(mermaid.config["arguments"] if mermaid else {}))
        except PrerenderError as exc:
            raise PluginError(str(exc)) from None

    def _build_english(self, config) -> None:
        en = load_config(
            config_file=str(self.root / EN_CONFIG),
            site_dir=os.path.join(config.site_dir, "en"),
            site_url=_site_url_for(config.site_url or "", DEFAULT_LANGUAGE, "en"),
            strict=config.strict,
        )
        en.plugins.on_startup(command="serve" if self.serving else "build", dirty=False)
        try:
            mkdocs_build(en)
        finally:
            en.plugins.on_shutdown()


def _site_url_for(url: str, from_lang: str, to_lang: str) -> str:
    """Base URL of ``to_lang``'s site given ``from_lang``'s base URL."""
    if not url:
        return ""
    root = url if url.endswith("/") else url + "/"
    if site_prefix(from_lang):
        root = root[: -len(site_prefix(from_lang))]
    return root + site_prefix(to_lang)


def _markdown_paths(docs_dir: Path) -> set[str]:
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")} if docs_dir.is_dir() else set()


def _title_of(markdown: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].split("{", 1)[0].strip()
    return ""
