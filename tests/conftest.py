"""Shared fixtures: one build of the real site per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from projects import REPO

# Every test build shares the project's cache (.cache/: drawn diagrams, validated registries, compiled
# templates, all keyed by content, so sharing never changes an output; tests/site/test_incremental.py checks
# that with caches of its own). The tiny test projects use the real registry, so their model pages' diagrams
# are drawn once, not once per test.
os.environ.setdefault("FOLLOWGPT_CACHE_DIR", str(REPO / ".cache"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once (strict) with the project's own build command."""
    from followgpt.site.build import build_site

    site = tmp_path_factory.mktemp("real") / "site"
    build_site(REPO / "mkdocs.yml", site, strict=True)
    return site
