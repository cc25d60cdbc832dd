"""Shared fixtures: one build of the real site per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from projects import REPO


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once (strict) with the project's own build command."""
    from followgpt.site.build import build_site

    site = tmp_path_factory.mktemp("real") / "site"
    build_site(REPO / "mkdocs.yml", site, strict=True)
    return site
