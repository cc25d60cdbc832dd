"""Cached and parallel builds write exactly what a clean build writes.

A build keeps what is expensive and unchanged under ``.cache/`` (the validated registry, the converted pages, the
drawn diagrams) and builds the English site in a forked process. Each of these must be invisible in the output: a tiny real site is
built clean, then again on its cache, then after editing a note, its diagram and a registry file; every output
is compared file by file with a clean build of the same tree (and with a serial build).
"""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import pytest

from followgpt.site.build import build_site
from followgpt.site.prerender import chromium_path
from projects import REPO, make_project

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(chromium_path() is None, reason="drawing diagrams needs Chromium")]

FIXTURE = REPO / "tests" / "registry" / "fixtures" / "valid"
NOTE = """# {title}

<!-- followgpt:fact demo-1.parameters -->

```mermaid
flowchart LR
  a["{label}"] --> b["Demo-2"]
```

<!-- followgpt:tree family=demo-line -->
"""
# A page whose title does not come from its heading (MkDocs takes only a heading that opens the page).
FENCED = """```python
# a comment, not a heading
```

# {title} {{ #top }}

[Back](index.md), [top](#top)
"""


def snapshot(site: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def assert_same(built: dict[str, bytes], clean: dict[str, bytes]) -> None:
    assert sorted(built) == sorted(clean)
    differing = [name for name in clean if built[name] != clean[name]]
    assert not differing, f"differs from a clean build: {differing[:10]}"


def build(project: Path, site: Path, cache: Path, monkeypatch, parallel: str = "1") -> dict[str, bytes]:
    monkeypatch.setenv("FOLLOWGPT_CACHE_DIR", str(cache))
    monkeypatch.setenv("FOLLOWGPT_PARALLEL", parallel)
    build_site(project / "mkdocs.yml", site)
    return snapshot(site)


def test_cached_and_incremental_builds_equal_clean_builds(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("FOLLOWGPT_PRERENDER", "1")
    resources = tmp_path / "resources"
    shutil.copytree(FIXTURE, resources)
    project = make_project(tmp_path / "project", {
        "zh/index.md": NOTE.format(title="首页", label="第一代"),
        "en/index.md": NOTE.format(title="Home", label="First"),
        "zh/fenced.md": FENCED.format(title="代码"),
        "en/fenced.md": FENCED.format(title="Code"),
    }, resources=resources)   # fenced.md is left out of the nav, so its title comes from its heading
    cache = tmp_path / "cache"

    with caplog.at_level("INFO", logger="mkdocs.plugins.followgpt"):
        clean = build(project, tmp_path / "clean", cache, monkeypatch)
    # The generated model pages were converted without Python-Markdown (followgpt.render.markdown_subset).
    expanded, converted, subset = map(int, re.search(
        r"Expanded markers on (\d+) pages, converted (\d+) \((\d+) without Python-Markdown\).*\(zh site\)",
        caplog.text).groups())
    assert converted == expanded and subset > expanded - 3, caplog.text
    assert sorted(p.name for p in (cache / "diagrams").glob("*.svg")), "the clean build stored no drawing"
    assert (cache / "registry").is_dir()
    assert sorted((cache / "pages" / "zh").glob("*.pickle")), "the clean build kept no converted page"
    page = clean["index.html"].decode("utf-8")
    assert 'data-fgpt-diagram="drawn"' in page and "fgpt-diagram-slot" not in page
    assert "<title>Fenced - " in clean["fenced/index.html"].decode("utf-8")

    # The same tree again, on the cache: identical output, with the pages taken from the page cache.
    caplog.clear()
    with caplog.at_level("INFO", logger="mkdocs.plugins.followgpt"):
        assert_same(build(project, tmp_path / "cached", cache, monkeypatch), clean)
    assert re.search(r"Expanded markers on 0 pages, converted 0 \(0 without Python-Markdown\) and indexed 0; [1-9]\d*, "
                     r"[1-9]\d* and [1-9]\d* came from the cache \(zh site\)", caplog.text), caplog.text
    # Should the title line the page cache converts give another title than the whole page, the page is
    # converted after all: still identical output.
    monkeypatch.setattr("followgpt.site.hooks._title_line", lambda markdown: "# Not the title\n")
    assert_same(build(project, tmp_path / "cached-fallback", cache, monkeypatch), clean)
    monkeypatch.undo()
    monkeypatch.setenv("FOLLOWGPT_PRERENDER", "1")
    # Serial (English built in the same process afterwards): identical output.
    assert_same(build(project, tmp_path / "serial", tmp_path / "cache-serial", monkeypatch, parallel="0"), clean)

    # Every page converted by Python-Markdown, model pages too, and the site navigation rendered for every page
    # (not once for all the pages outside it): the same site.
    monkeypatch.setenv("FOLLOWGPT_FAST_PAGES", "0")
    monkeypatch.setenv("FOLLOWGPT_NAV_CACHE", "0")
    assert_same(build(project, tmp_path / "python-markdown", tmp_path / "cache-slow", monkeypatch), clean)
    monkeypatch.delenv("FOLLOWGPT_FAST_PAGES")
    monkeypatch.delenv("FOLLOWGPT_NAV_CACHE")

    # Edit a note (its text and its diagram) and a registry file, then build on the warm cache.
    zh = project / "docs" / "zh" / "index.md"
    zh.write_text(NOTE.format(title="首页", label="第一代模型") + "\n新的一段。\n", encoding="utf-8")
    model_file = resources / "models" / "demo-line.yaml"
    model_file.write_text(model_file.read_text(encoding="utf-8").replace(
        "value: 124000000", "value: 125000000").replace("第一代。", "第一代，已修改。"), encoding="utf-8")
    incremental = build(project, tmp_path / "incremental", cache, monkeypatch)
    fresh = build(project, tmp_path / "fresh", tmp_path / "cache-fresh", monkeypatch)
    assert_same(incremental, fresh)
    assert "第一代模型" in incremental["index.html"].decode("utf-8")      # the new diagram label, drawn
    assert "新的一段" in incremental["index.html"].decode("utf-8")
    assert incremental != clean


def test_registry_cache_never_hides_a_problem(tmp_path, monkeypatch):
    """A registry that stops validating fails the build even though an earlier load of it was cached."""
    from followgpt.registry import RegistryError
    from followgpt.registry.cache import load_registry_cached

    resources = tmp_path / "resources"
    shutil.copytree(FIXTURE, resources)
    first = load_registry_cached(resources, tmp_path / "cache")
    again = load_registry_cached(resources, tmp_path / "cache")
    assert sorted(first.models) == sorted(again.models)
    model_file = resources / "models" / "demo-line.yaml"
    model_file.write_text(model_file.read_text(encoding="utf-8").replace("source: doe2019-demo}", "source: nowhere}", 1),
                          encoding="utf-8")
    with pytest.raises(RegistryError):
        load_registry_cached(resources, tmp_path / "cache")


def test_a_page_that_warns_is_converted_and_warns_on_every_build(tmp_path, monkeypatch, caplog):
    """The page cache keeps no page whose conversion logged a warning, so the warning is never lost."""
    monkeypatch.setenv("FOLLOWGPT_PRERENDER", "0")
    monkeypatch.setenv("FOLLOWGPT_PARALLEL", "0")
    monkeypatch.setenv("FOLLOWGPT_CACHE_DIR", str(tmp_path / "cache"))
    project = make_project(tmp_path / "project", {
        "zh/index.md": "# 首页\n\n[缺失](missing.md)\n", "en/index.md": "# Home\n\n[Missing](missing.md)\n",
    }, resources=FIXTURE)
    for run in ("first", "second"):
        caplog.clear()
        with caplog.at_level("INFO"):
            build_site(project / "mkdocs.yml", tmp_path / run, strict=False)
        warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and "missing.md" in r.getMessage()]
        assert len(warnings) == 2, (run, warnings)   # once per language, on both builds
