"""The project the checks run on: its pages and, loaded once and only when a rule needs it, its registry."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

import yaml

from followgpt import LANGUAGES
from followgpt.project_root import find_project_root

from .markdown import Page, load_page

_REGISTRIES: dict[tuple, object] = {}   # loaded registries by (folder, files' mtimes and sizes)


class Project:
    def __init__(self, root: Path | None = None, seeds: Path | None = None) -> None:
        self.root = (root or find_project_root()).resolve()
        self.docs = self.root / "docs"
        self.resources = self.root / "resources"
        self.seeds = seeds
        self._pages: dict[Path, Page] = {}

    # -- pages ------------------------------------------------------------------------------------------------

    def page_files(self) -> list[Path]:
        """Every note: docs/<lang>/**/*.md, sorted."""
        files: list[Path] = []
        for lang in LANGUAGES:
            folder = self.docs / lang
            if folder.is_dir():
                files.extend(sorted(folder.rglob("*.md")))
        return files

    def page(self, path: Path) -> Page:
        path = path.resolve()
        if path not in self._pages:
            page = load_page(self.root, path)
            page.fact_text = self.fact_text
            self._pages[path] = page
        return self._pages[path]

    def counterpart(self, page: Page) -> Path | None:
        """Where the other language's version of a note is (whether or not it exists)."""
        if not page.lang:
            return None
        return self.counterpart_path(page.lang, page.page_path)

    def counterpart_path(self, lang: str, page_path: str) -> Path:
        (other,) = [code for code in LANGUAGES if code != lang]
        return self.docs / other / page_path

    # -- registry ---------------------------------------------------------------------------------------------

    @cached_property
    def registry(self):
        """The validated registry, or None when it does not load (``validate`` reports why)."""
        from followgpt.registry import RegistryError, load_registry
        folder = self.resources.resolve()
        files = sorted(folder.rglob("*.yaml")) if folder.is_dir() else []
        signature = (str(folder), tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files))
        if signature not in _REGISTRIES:
            try:
                _REGISTRIES[signature] = load_registry(self.resources)
            except (RegistryError, OSError):
                _REGISTRIES[signature] = None
        return _REGISTRIES[signature]

    @cached_property
    def source_ids(self) -> set[str]:
        """Source ids: from the registry, or read straight from resources/sources/*.yaml if it does not load."""
        if self.registry is not None:
            return set(self.registry.sources)
        ids: set[str] = set()
        for path in sorted((self.resources / "sources").glob("*.yaml")):
            ids.update(re.findall(r"^\s*-\s*id:\s*([A-Za-z0-9.-]+)\s*$", path.read_text(encoding="utf-8"), re.M))
        return ids

    @cached_property
    def model_ids(self) -> set[str]:
        if self.registry is not None:
            return set(self.registry.models)
        ids: set[str] = set()
        for path in sorted((self.resources / "models").glob("*.yaml")):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError:
                continue
            ids.update(str(m.get("id")) for m in data.get("models") or [] if isinstance(m, dict))
        return ids

    def fact_text(self, ref: str, lang: str) -> str | None:
        """What ``<!-- followgpt:fact ref -->`` renders to in ``lang``, without its footnote; None if unknown."""
        key = (ref, lang)
        cache = self.__dict__.setdefault("_fact_cache", {})
        if key not in cache:
            cache[key] = self._render_fact(ref, lang)
        return cache[key]

    def _render_fact(self, ref: str, lang: str) -> str | None:
        if self.registry is None or "." not in ref:
            return None
        model_id, name = ref.rsplit(".", 1)
        try:
            from followgpt.render.format import format_fact
            from followgpt.render.units import FACTS
            fact = self.registry.fact(model_id, name)
            if fact is None or name not in FACTS:
                return None
            return format_fact(fact, FACTS[name], lang, cite=lambda _source: "").strip() or None
        except Exception:  # a renderer problem is the build's to report
            return None
