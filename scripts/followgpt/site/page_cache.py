"""Converted pages kept by content, so that a build converts only the Markdown that changed.

Markdown conversion is the largest part of a build that draws no diagrams (Python-Markdown's inline patterns
over ~480 pages; the generated model pages are most of them), and under ``mkdocs serve`` every save rebuilds
every page. A page's HTML depends only on its Markdown (after the registry markers are expanded), the Markdown
settings and extension versions, where the page lives and which files the site has (links are resolved against
them). So the HTML is kept under a key made of exactly those, in ``.cache/pages/<lang>/`` (git-ignored, safe
to delete), together with what MkDocs records while converting: the table of contents, the title the first
heading gives, the anchor ids the page has and its links to anchors of other pages (for MkDocs' anchor check).

Nothing here imports MkDocs: the adapter (``followgpt.site.hooks``) hands over plain values and puts them back
on the page. A page whose conversion logged a warning is never kept, so its warning shows on every build (and a
strict build fails every time, not only the first).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

# Distributions whose code shapes a page's HTML: the Markdown library and its extensions, MkDocs' own link
# handling, and Pygments (code highlighting). The project's own rendering is in the key through the Markdown
# it produces; its HTML post-processing runs after the cache, on every build.
SHAPING_DISTRIBUTIONS = ("markdown", "pymdown-extensions", "mkdocs", "mkdocs-material", "mkdocs-mermaid2-plugin",
                         "pygments")
FORMAT = 1   # bump when ConvertedPage changes
UNUSED_FOR = 24 * 3600   # seconds: entries no build has used for this long are pruned


@dataclass
class ConvertedPage:
    """What converting one page gave: the HTML and the values MkDocs records while converting."""
    html: str
    toc: object                       # the page's table of contents, as the adapter got it (picklable)
    title: str | None                 # the title the conversion found (the first level-1 heading), if any
    anchors: set[str] = field(default_factory=set)
    links_to_anchors: dict[str, dict[str, str]] = field(default_factory=dict)   # target src_uri -> anchors


def settings_signature(config_texts: list[str], extra: list[str]) -> str:
    """A hash of everything besides a page's own Markdown and place that shapes its HTML: the configuration
    files' text (Markdown extensions and their options), the versions of the libraries that convert, and
    ``extra`` (site URL, the list of files links resolve against, ...)."""
    parts = [f"format {FORMAT}", *config_texts, *extra]
    for name in SHAPING_DISTRIBUTIONS:
        try:
            parts.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name} -")
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class PageCache:
    """Converted pages (or expanded Markdown: any picklable value) by key, one file each in ``folder``. Using an entry refreshes its file time; entries no
    build has used for a day are pruned. (Not simply every entry this build did not use: the tests build tiny
    projects on the project's own cache, and the other project's pages must survive them.)"""

    def __init__(self, folder: Path, signature: str):
        self.folder = Path(folder)
        self.signature = signature
        self.used: set[str] = set()
        self.hits = 0
        self.stored = 0

    def key(self, src_uri: str, url: str, markdown: str) -> str:
        return hashlib.sha256("\0".join((self.signature, src_uri, url, markdown)).encode("utf-8")).hexdigest()

    def get(self, key: str, kind: type = ConvertedPage):
        self.used.add(key)
        path = self.folder / f"{key}.pickle"
        try:
            with open(path, "rb") as stream:
                entry = pickle.load(stream)
        except (FileNotFoundError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None
        if not isinstance(entry, kind):
            return None
        try:
            os.utime(path)
        except OSError:
            pass
        self.hits += 1
        return entry

    def put(self, key: str, entry) -> None:
        """Write the entry whole or not at all (both languages and several builds may share the folder)."""
        self.used.add(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as stream:
                pickle.dump(entry, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / f"{key}.pickle")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.stored += 1

    def prune(self, now: float | None = None) -> int:
        """Delete the entries no build has used for UNUSED_FOR seconds; return how many."""
        now = time.time() if now is None else now
        removed = 0
        for path in self.folder.glob("*.pickle") if self.folder.is_dir() else ():
            try:
                stale = path.stem not in self.used and now - path.stat().st_mtime > UNUSED_FOR
            except FileNotFoundError:
                continue
            if stale:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
