"""The thin MkDocs adapter: wires the registry and the renderers into a build, one language per build.

``mkdocs.yml`` (zh) and ``mkdocs.en.yml`` (en) both load this through ``scripts/mkdocs_hooks.py``. The Chinese
build also builds the English site into ``<site_dir>/en/``, in a forked process and at the same time as its own
pages (``followgpt.site.language_worker``), so one ``mkdocs build``/``serve`` always gives both languages. All
content logic lives in plain-Python modules; this file only translates MkDocs events into calls to them.

What is expensive and unchanged between builds is kept under ``.cache/`` in the project (git-ignored, safe to
delete): the validated registry (``followgpt.registry.cache``), the expanded and converted pages
(``followgpt.site.page_cache``), Material's search entries (``followgpt.site.search_cache``) and the drawn diagrams
(``followgpt.site.prerender``), all keyed by content, so a cached build writes the same files as a clean one.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import posixpath
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from followgpt import DEFAULT_LANGUAGE, LANGUAGES
from followgpt.dataset import read_history
from followgpt.i18n import (LANGUAGE_NAMES, other_language, reviewed_note, site_prefix, site_url_for,
                            untranslated_page)
from followgpt.navigation import NavError, load_nav, nav_for
from followgpt.registry import RegistryError
from followgpt.registry.cache import content_key, load_registry_cached
from followgpt.render import (API_INDEX, EXPORT_FILES, FEED_FILE, FEED_TITLES, MarkerError, SiteContext, api_files,
                              collect_usages, expand_page, export_schema_text, model_page_path, model_page_stub,
                              to_atom, to_bibtex, to_csv, to_json)
from followgpt.render import markdown_subset
from followgpt.render.context import Expanded
from followgpt.render.labels import text as label_text
from followgpt.render.links import absolute_page_url
from followgpt.render.machine import LLMS_FILE, MachinePage, absolute_links, llms_txt, markdown_copy_path, page_entry
from followgpt.render.report import report_url
from followgpt.search_terms import tune_index, tuned_index_text
from followgpt.site import vendor
from followgpt.site import prerender
from followgpt.site.layout import prewrap_tables
from followgpt.site import math as math_at_build
from followgpt.site.math import MathError, MathTypesetter
from followgpt.site.page_cache import ConvertedPage, PageCache, settings_signature
from followgpt.site.search_cache import index_text, merge_entries, search_input
from followgpt.site.search_view import lift_drawings, restore_drawings
from followgpt.site import language_worker
from followgpt.site.prerender import DiagramDrawer, PrerenderError, settings_of

log = logging.getLogger("mkdocs.plugins.followgpt")

EN_CONFIG = "mkdocs.en.yml"  # next to mkdocs.yml
CACHE_DIR = ".cache"          # next to mkdocs.yml; git-ignored, safe to delete (FOLLOWGPT_CACHE_DIR moves it)
EXPORTERS = {"json": lambda registry, version: to_json(registry, version),
             "schema": lambda registry, version: export_schema_text(),
             "csv": lambda registry, version: to_csv(registry, version),
             "bibtex": lambda registry, version: to_bibtex(registry)}


class SiteHooks:
    """Per-build state and event handlers.

    The English build runs in a forked copy of this process, where on_config resets this object's per-build
    state for English (MkDocs caches hook modules by path, so the English config gets the same object). With
    ``FOLLOWGPT_PARALLEL=0``, or where fork is unavailable, it runs here after the Chinese build instead.
    """

    def __init__(self) -> None:
        self.root = Path.cwd()  # the project: the folder holding mkdocs.yml, docs/ and resources/
        self.lang = DEFAULT_LANGUAGE
        self.serving = False
        self.registry = None
        self.history = None
        self.site: SiteContext | None = None
        self.machine_pages: dict[str, MachinePage] = {}
        self.drawer: DiagramDrawer | None = None
        self.pending_pages: list[Path] = []   # written pages whose diagrams were not in the cache yet
        self.worker: language_worker.LanguageBuild | None = None
        self.pages: PageCache | None = None
        self.math: MathTypesetter | None = None   # one Node process per build, started at the first formula
        self.expansions: PageCache | None = None   # expanded Markdown, by page and site fingerprint
        self.search_entries: PageCache | None = None   # Material's search entries, by what the plugin reads
        self.search_order: list[tuple] = []         # (url, key, kept entries or None), in the plugin's order
        # src_uri -> (cache key or None, converted entry or None, Markdown, warnings so far, whether markdown_subset
        # converted it in this build)
        self.converting: dict[str, tuple] = {}
        self.warnings = _WarningCounter()
        self.lifted_drawings: dict[str, list[str]] = {}   # src_uri -> inline SVG and typeset formulas kept out of search
        self.subset_pages = 0                     # pages markdown_subset converted in this build
        self.mermaid_word_hidden: set[str] = set()   # pages whose text says "mermaid" (on_page_content)
        self.file_urls: dict[str, str] = {}       # every file of the site: src_uri -> url, for links (markdown_subset)
        self.code_markdown = None                # a Markdown converter for code blocks (markdown_subset)

    # -- configuration ---------------------------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_shutdown(self):
        self._stop_worker()

    def on_build_error(self, error):
        self._close_math()
        self._stop_worker()   # first: the English child may still be handing diagrams to this build's drawer
        if self.drawer is not None:
            try:
                self.drawer.finish()   # stop its Chromium; the build has failed already
            except PrerenderError:
                pass

    @event_priority(100)  # before Material's search plugin reads its jieba settings
    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self.lang = config.theme["language"]
        if self.lang not in LANGUAGES:
            raise PluginError(f"theme.language must be one of {', '.join(LANGUAGES)}, got {self.lang!r}")
        try:
            self.registry = load_registry_cached(self.root / "resources", self._cache() / "registry")
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
        self.pending_pages = []
        self.warnings.install()
        self._close_math()
        node_modules = self.root / "node_modules"
        self.math = MathTypesetter(node_modules) if math_at_build.available(node_modules) else None
        try:
            draw = mermaid is not None and prerender.available()
        except PrerenderError as exc:
            raise PluginError(str(exc)) from None
        # In the English build's forked child, the Chinese build's Chromium draws (language_worker.parent()).
        self.drawer = DiagramDrawer(
            self._cache() / "diagrams", self.root / "node_modules" / vendor.LIBRARIES["mermaid"][0],
            settings_of(mermaid.config["arguments"]), remote=language_worker.parent()) if draw else None
        root_url = config.site_url or ""
        config.extra["followgpt"] = {
            "lang": self.lang,
            # Absolute base URL of each language's site, for the sitemap's hreflang alternates.
            "site_urls": {lang: site_url_for(root_url, self.lang, lang) for lang in LANGUAGES},
        }
        return config

    def on_env(self, env, config, files):
        # Compiled templates are kept between builds (Jinja's own bytecode cache, checked against each
        # template's source): Material's templates are compiled again by every build and by both languages.
        import jinja2
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(_mkdir(self._cache() / "jinja")))
        env.globals["followgpt_cached"] = RenderedOnce()
        return env

    # -- files -----------------------------------------------------------------------------------------

    def on_files(self, files: Files, config) -> Files:
        if self.lang == DEFAULT_LANGUAGE and _parallel() and (self.root / EN_CONFIG).is_file():
            # Now, not earlier: MkDocs has just emptied the site folder, en/ included; and not later: the child
            # should not inherit a drawing thread.
            self._stop_worker()
            self.worker = language_worker.LanguageBuild({
                "config_file": str(self.root / EN_CONFIG),
                "site_dir": os.path.join(config.site_dir, "en"),
                "site_url": site_url_for(config.site_url or "", DEFAULT_LANGUAGE, "en"),
                "strict": config.strict,
                "command": "serve" if self.serving else "build",
            }, draw=self.drawer.request if self.drawer is not None else None)
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
            self.history = read_history(self.root, self._cache() / "history")
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
            # The JSON API is language-neutral: written once, at the root of the whole site (the Chinese one).
            for dest, content in api_files(self.registry, self.history.current_name).items():
                files.append(File.generated(config, dest, content=content))
        self.pages = self._page_cache(config, files)
        self.converting = {}
        self.subset_pages = 0
        self.file_urls = {f.src_uri: f.url for f in files}
        self.code_markdown = None
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
        self.expansions = self.search_entries = None
        self.search_order = []
        if self.pages is not None:   # FOLLOWGPT_PAGE_CACHE=0 turns all three off
            fingerprint = self.site.fingerprint(content_key(self.root / "resources"))
            self.expansions = PageCache(self._cache() / "expanded" / self.lang, _code_hash() + fingerprint)
            self.search_entries = PageCache(self._cache() / "search" / self.lang,
                                            self.pages.signature + _search_settings(self.root))
        return files

    # -- pages -----------------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page, config, files):
        expanded = self._expanded(markdown, page)
        page.meta["followgpt_assets"] = set(expanded.assets)
        self.machine_pages[page.file.src_uri] = MachinePage(
            page.file.src_uri, _title_of(expanded.markdown) or page.title or "", page.meta.get("description", ""),
            expanded.markdown)
        key = entry = None
        if self.pages is not None:
            key = self.pages.key(page.file.src_uri, page.url, expanded.markdown)
            entry = self.pages.get(key)
        fresh = False
        if entry is None:
            entry = self._converted_subset(expanded.markdown, page, config)
            fresh = entry is not None
        self.converting[page.file.src_uri] = (key, entry, expanded.markdown, self.warnings.count, fresh)
        # A page converted before, or by markdown_subset, is not converted by Python-Markdown: MkDocs converts a
        # stub holding only the line its title comes from, and on_page_content puts back the HTML and what the
        # conversion recorded.
        return expanded.markdown if entry is None else _title_line(expanded.markdown)

    @event_priority(100)  # first: other plugins see the page's real HTML
    def on_page_content(self, html: str, page, config, files):
        if page.file.src_uri in self.converting:
            html = self._converted(html, page, config, files)
        html = markdown_subset.references_in_reading_order(html)
        if 'class="arithmatex"' in html:
            if self.math is not None:
                try:
                    html, _ = self.math.typeset_page(html)
                except MathError as exc:
                    raise PluginError(f"{page.file.src_uri}: {exc}") from None
            if 'data-fgpt-math="built"' in html:
                page.meta["followgpt_assets"].add("katex-css")
            if FORMULA_FOR_BROWSER in html:
                page.meta["followgpt_assets"].add("katex")
        if "<table>" in html:
            html = prewrap_tables(html)
        if self.drawer is not None:
            # Diagrams drawn by the build leave an empty slot here: no mermaid markup remains in the page, so
            # mkdocs-mermaid2 skips it (its own check) and the template adds no diagram runtime.
            html = self.drawer.slot_page(html)
        if "mermaid" in html and DIAGRAM_MARKUP not in html:
            # mkdocs-mermaid2 parses a whole page with BeautifulSoup when its HTML says "mermaid" anywhere (its
            # own check, in on_post_page); a page that only mentions mermaid in its text has no diagram for it.
            # The word is written as a character reference (the same text to browsers and to search) until our
            # on_post_page, after mermaid2's.
            html = html.replace("mermaid", MERMAID_WORD)
            self.mermaid_word_hidden.add(page.file.src_uri)
        # Figures drawn in Python (inline SVG) and typeset formulas: out of what Material's search reads, back in
        # on_post_page.
        html, self.lifted_drawings[page.file.src_uri] = lift_drawings(html)
        return html

    @event_priority(50)  # before Material's search plugin reads the page
    def on_page_context(self, context, page, config, nav):
        if self.search_entries is not None:
            self._search_entries_of(page)
        here = site_prefix(self.lang) + page.url
        context["followgpt"] = {
            # The site navigation of a page outside it is the same for every page of its folder (overrides/main.html).
            "nav_key": None if page in nav.pages or os.environ.get("FOLLOWGPT_NAV_CACHE", "1") == "0"
            else "nav " + posixpath.dirname(page.url.rstrip("/")),
            "lang": self.lang,
            "untranslated": bool(page.meta.get("untranslated")),
            "alternates": [
                {"lang": lang, "name": LANGUAGE_NAMES[lang],
                 "url": get_relative_url(site_prefix(lang) + page.url, here)}
                for lang in LANGUAGES
            ],
            "reviewed": reviewed_note(page.meta.get("reviewed"), self.lang),
            "vendor_url": get_relative_url(vendor.SITE_DIR + "/", here),
            "assets": sorted(page.meta.get("followgpt_assets", ())),
            "feed": {"url": get_relative_url(FEED_FILE, here), "title": FEED_TITLES[self.lang]},
            "report": {"url": report_url(config.extra.get("repository") or "", page.canonical_url or page.url,
                                         title=page.title or "") if config.extra.get("repository") else "",
                       "label": label_text("report_page", self.lang)},
        }
        return context

    @event_priority(-100)  # after mkdocs-mermaid2's on_post_page: drawn SVGs mention "mermaid" in their styles
    def on_post_page(self, output: str, page, config):
        output = restore_drawings(output, self.lifted_drawings.pop(page.file.src_uri, []))
        if page.file.src_uri in self.mermaid_word_hidden:
            self.mermaid_word_hidden.discard(page.file.src_uri)
            output = output.replace(MERMAID_WORD, "mermaid")
        if self.drawer is not None:
            output, missing = self.drawer.fill(output)
            if missing:
                self.pending_pages.append(Path(page.file.abs_dest_path))
        return output

    # -- after the build -------------------------------------------------------------------------------

    @event_priority(-100)  # after Material's search plugin has written the index
    def on_post_build(self, config):
        lang = config.theme["language"]  # not self.lang: with FOLLOWGPT_PARALLEL=0 the English build reuses this object
        self._close_math()
        self._write_machine_pages(config, lang)
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.exists() and (self.search_entries is not None or lang == "zh"):
            self._finish_search_index(index, lang)
        handed_over: list[Path] = []   # the English build's pages, whose diagrams this build's Chromium draws
        built_in_parallel = self.worker is not None
        if lang == DEFAULT_LANGUAGE and self.worker is not None:
            worker, self.worker = self.worker, None
            try:
                worker.wait()
            except RuntimeError as exc:
                raise PluginError(f"The English site failed to build:\n{exc}") from None
            handed_over = [Path(page) for page in worker.pages_to_fill]
        if self.drawer is not None:
            self._draw_diagrams(handed_over)
        if self.pages is not None:
            expansions = self.expansions
            for cache in (self.pages, expansions, self.search_entries):
                cache.prune()
            search = self.search_entries
            log.info(f"Expanded markers on {len(expansions.used) - expansions.hits} pages, converted "
                     f"{len(self.pages.used) - self.pages.hits} ({self.subset_pages} without Python-Markdown) "
                     f"and indexed {len(search.used) - search.hits}; "
                     f"{expansions.hits}, {self.pages.hits} and {search.hits} came from the cache ({lang} site).")
            self.pages = self.expansions = self.search_entries = None
        if lang == DEFAULT_LANGUAGE and not built_in_parallel and (self.root / EN_CONFIG).is_file():
            self._build_english(config)

    def _search_entries_of(self, page) -> None:
        """Material's search entries for this page from the search cache, if it has them; the plugin then skips
        the page (its front-matter switch) and on_post_build puts the entries back in their place."""
        key = self.search_entries.key(page.file.src_uri, page.url, search_input(
            page.content or "", str(page.title), str(page.toc), page.url, page.meta))
        kept = self.search_entries.get(key, list)
        self.search_order.append((page.url, key, kept))
        if kept is not None:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}

    def _finish_search_index(self, index: Path, lang: str) -> None:
        """The index Material wrote, read and written once: every page's entries in the plugin's order (those
        from the search cache put back, those the plugin wrote kept in it), then, for Chinese, the search terms."""
        data = json.loads(index.read_text(encoding="utf-8"))
        if self.search_entries is not None:
            data["docs"], found = merge_entries(data["docs"], [(url, kept) for url, _, kept in self.search_order])
            for url, key, kept in self.search_order:
                if kept is None:
                    self.search_entries.put(key, found[url])
        if lang == "zh":
            tune_index(data)
            index.write_text(tuned_index_text(data), encoding="utf-8")
        else:
            index.write_text(index_text(data), encoding="utf-8")

    def _expanded(self, markdown: str, page) -> Expanded:
        """The page's Markdown with its registry markers expanded, from the expansion cache when this page's
        Markdown and everything the views read (the site fingerprint) are unchanged."""
        key = None
        if self.expansions is not None:
            key = self.expansions.key(page.file.src_uri, page.url, markdown)
            kept = self.expansions.get(key, Expanded)
            if kept is not None:
                return kept
        try:
            expanded = expand_page(markdown, page_path=page.file.src_uri, lang=self.lang, site=self.site)
        except MarkerError as exc:
            raise PluginError(str(exc)) from None
        if key is not None:
            self.expansions.put(key, expanded)
        return expanded

    def _converted(self, html: str, page, config, files) -> str:
        """The page's HTML, from the page cache or, after a real conversion, into it."""
        key, entry, markdown, warnings_before, fresh = self.converting.pop(page.file.src_uri)
        if entry is not None:
            page.markdown = markdown
            if page.title == entry.title:
                page.toc = entry.toc
                page.present_anchor_ids = set(entry.anchors)
                page.links_to_anchors = {target: links for uri, links in entry.links_to_anchors.items()
                                         if (target := files.get_file_from_path(uri)) is not None}
                if fresh:                       # converted by markdown_subset: kept like any other page
                    self.subset_pages += 1
                    if key is not None:
                        self.pages.put(key, entry)
                return entry.html
            # The stub gave another title than the whole page did (a heading the title line rule does not
            # see): convert the page after all, and keep the result under the same key.
            warnings_before = self.warnings.count
            page.render(config, files)
            html = page.content
        if key is not None and self.warnings.count == warnings_before:   # a page with warnings: converted every time
            self.pages.put(key, ConvertedPage(
                html=html, toc=page.toc, title=page.title, anchors=set(page.present_anchor_ids or ()),
                links_to_anchors={target.src_uri: dict(links)
                                  for target, links in (page.links_to_anchors or {}).items()}))
        return html

    def _converted_subset(self, markdown: str, page, config) -> ConvertedPage | None:
        """The page converted by ``render.markdown_subset`` instead of Python-Markdown (the same HTML, ~7× faster):
        every generated model page and the notes that keep to the same subset of Markdown. None for Markdown
        outside it, with other Markdown extensions than it reproduces, or with FOLLOWGPT_FAST_PAGES=0."""
        if os.environ.get("FOLLOWGPT_FAST_PAGES", "1") == "0" \
                or not markdown_subset.supports(config.markdown_extensions, config.mdx_configs):
            return None
        toc_settings = config.mdx_configs.get("toc") or {}
        converted = markdown_subset.convert(
            markdown, links=markdown_subset.LinkTargets(page.file.src_uri, self.file_urls),
            slugify=toc_settings.get("slugify") or _default_slugify,
            code_block=functools.partial(self._code_block, config))
        if converted is None or converted.title is None:   # no title of its own: MkDocs finds one, converting
            return None
        return ConvertedPage(html=converted.html, toc=get_toc(converted.toc), title=converted.title,
                             anchors=converted.anchors, links_to_anchors=converted.links_to_anchors)

    def _code_block(self, config, code: str, language: str) -> str:
        """A fenced block as the site's Markdown settings convert it (highlighted code, or a mermaid diagram);
        markdown_subset numbers the line anchors of the page's later blocks."""
        import markdown
        if self.code_markdown is None:
            self.code_markdown = markdown.Markdown(extensions=config.markdown_extensions,
                                                   extension_configs=config.mdx_configs)
        self.code_markdown.reset()
        return self.code_markdown.convert(f"```{language}\n{code}\n```")

    def _page_cache(self, config, files: Files) -> PageCache | None:
        """The converted pages of this language, keyed by everything that shapes them besides each page's own
        Markdown: the configuration files, the site URL and every file links may resolve to."""
        if os.environ.get("FOLLOWGPT_PAGE_CACHE", "1").strip() == "0":
            return None
        configs = [Path(config.config_file_path).read_text(encoding="utf-8")]
        if (self.root / EN_CONFIG).is_file():
            configs.append((self.root / EN_CONFIG).read_text(encoding="utf-8"))
        listing = "\n".join(sorted(f"{f.src_uri} {f.dest_uri} {f.url}" for f in files))
        subset_code = Path(markdown_subset.__file__).read_text(encoding="utf-8")   # it shapes the HTML too
        signature = settings_signature(configs, [self.lang, config.site_url or "", str(config.use_directory_urls),
                                                 listing, subset_code])
        return PageCache(self._cache() / "pages" / self.lang, signature)

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
        root_url = site_url_for(site_url, lang, DEFAULT_LANGUAGE)   # the API sits at the whole site's root
        data.append((API_INDEX, absolute_page_url(root_url, API_INDEX), label_text("llms_api", lang)))
        sections.append((label_text("llms_data", lang), data))
        (site_dir / LLMS_FILE).write_text(llms_txt(config.site_name, config.site_description or "",
                                                   label_text("llms_details", lang), sections), encoding="utf-8")

    def _draw_diagrams(self, handed_over: list[Path]) -> None:
        drawer, pending = self.drawer, self.pending_pages
        try:
            drawer.fill_files(pending + handed_over)
        except PrerenderError as exc:
            raise PluginError(str(exc)) from None
        self.pending_pages = []
        if drawer.remote is not None:
            log.info(f"Handed {len(pending)} pages of the {self.lang} site with diagrams not in the cache to the "
                     f"Chinese build's Chromium ({len(drawer.sources)} diagrams in the {self.lang} site).")
        elif drawer.sources or drawer.requested:
            log.info(f"Drew {drawer.drawn} diagrams to SVG at build time ({len(drawer.sources)} in the "
                     f"{self.lang} site, {drawer.requested} handed over by the English build; the rest from "
                     f"the cache).")

    def _cache(self) -> Path:
        """Where expensive, unchanged work is kept between builds: .cache/ in the project, or FOLLOWGPT_CACHE_DIR
        (the benchmark points it at an empty folder to time a clean build)."""
        return Path(os.environ.get("FOLLOWGPT_CACHE_DIR") or self.root / CACHE_DIR)

    def _close_math(self) -> None:
        if self.math is not None:
            self.math.close()
            self.math = None

    def _stop_worker(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.worker = None

    def _build_english(self, config) -> None:
        """FOLLOWGPT_PARALLEL=0: the English build in this process, after the Chinese one."""
        drawer, pending = self.drawer, self.pending_pages
        en = load_config(
            config_file=str(self.root / EN_CONFIG),
            site_dir=os.path.join(config.site_dir, "en"),
            site_url=site_url_for(config.site_url or "", DEFAULT_LANGUAGE, "en"),
            strict=config.strict,
        )
        en.plugins.on_startup(command="serve" if self.serving else "build", dirty=False)
        try:
            mkdocs_build(en)
        finally:
            en.plugins.on_shutdown()
            self.drawer, self.pending_pages = drawer, pending


class RenderedOnce:
    """A template helper: ``{% call followgpt_cached(key) %}…{% endcall %}`` renders its body once per key and
    build (a None key renders every time). One per build and language (on_env)."""

    def __init__(self) -> None:
        self.rendered: dict[str, str] = {}

    def __call__(self, key: str | None, caller) -> str:
        if key is None:
            return caller()
        if key not in self.rendered:
            self.rendered[key] = caller()
        return self.rendered[key]


class _WarningCounter(logging.Handler):
    """Counts the warnings MkDocs and its plugins log, to tell which page conversions warned."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def install(self) -> None:
        logger = logging.getLogger("mkdocs")
        if self not in logger.handlers:
            logger.addHandler(self)


def _search_settings(root: Path) -> str:
    """What shapes search entries besides the page (the configuration files are in the page cache's
    signature): jieba's version and the user dictionary it segments Chinese with."""
    import jieba
    user_dict = root / "resources" / "jieba-user-dict.txt"
    text = user_dict.read_text(encoding="utf-8") if user_dict.is_file() else ""
    return hashlib.sha256(f"{jieba.__version__}\0{text}".encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=1)
def _code_hash() -> str:
    """A hash of the project's own Python code (the views that expand markers), for the expansion cache."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _default_slugify(value: str, separator: str) -> str:
    from markdown.extensions.toc import slugify
    return slugify(value, separator)


def _title_line(markdown: str) -> str:
    """What MkDocs converts for a page whose HTML the page cache has: the line its title comes from, or nothing.
    MkDocs takes a page's title from a level-1 heading that is the page's first block; should this line give
    another title than the whole page did, the page is converted after all (SiteHooks._converted)."""
    first = next((line for line in markdown.splitlines() if line.strip()), "")
    return first + "\n" if first.startswith("# ") else ""


# What mkdocs-mermaid2's fence writes for a diagram, and the word "mermaid" as mermaid2's check does not see it.
DIAGRAM_MARKUP = 'class="mermaid"'
MERMAID_WORD = "&#109;ermaid"

# A formula left for the browser's KaTeX (no Node at build time, or FOLLOWGPT_MATH=client); typeset ones carry
# data-fgpt-math="built" after the class.
FORMULA_FOR_BROWSER = 'class="arithmatex">'


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _parallel() -> bool:
    """Build the English site in a second process (default), unless FOLLOWGPT_PARALLEL=0 or fork is missing."""
    return os.environ.get("FOLLOWGPT_PARALLEL", "1").strip() != "0" and language_worker.available()



def _markdown_paths(docs_dir: Path) -> set[str]:
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")} if docs_dir.is_dir() else set()


def _title_of(markdown: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].split("{", 1)[0].strip()
    return ""
