"""Cached and parallel builds write exactly what a clean build writes.

A build keeps what is expensive and unchanged under ``.cache/`` (the validated registry, the drawn diagrams) and
builds the English site in a forked process. Each of these must be invisible in the output: a tiny real site is
built clean, then again on its cache, then after editing a note, its diagram and a registry file; every output
is compared file by file with a clean build of the same tree (and with a serial build).
"""

from __future__ import annotations

import gzip
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


def test_cached_and_incremental_builds_equal_clean_builds(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWGPT_PRERENDER", "1")
    resources = tmp_path / "resources"
    shutil.copytree(FIXTURE, resources)
    project = make_project(tmp_path / "project", {
        "zh/index.md": NOTE.format(title="首页", label="第一代"),
        "en/index.md": NOTE.format(title="Home", label="First"),
    }, resources=resources)
    cache = tmp_path / "cache"

    clean = build(project, tmp_path / "clean", cache, monkeypatch)
    assert sorted(p.name for p in (cache / "diagrams").glob("*.svg")), "the clean build stored no drawing"
    assert (cache / "registry").is_dir()
    page = clean["index.html"].decode("utf-8")
    assert 'data-fgpt-diagram="drawn"' in page and "fgpt-diagram-slot" not in page

    # The same tree again, on the cache: identical output.
    assert_same(build(project, tmp_path / "cached", cache, monkeypatch), clean)
    # Serial (English built in the same process afterwards): identical output.
    assert_same(build(project, tmp_path / "serial", tmp_path / "cache-serial", monkeypatch, parallel="0"), clean)

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
