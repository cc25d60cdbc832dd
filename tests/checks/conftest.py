"""Fixtures: tiny projects (docs/zh, docs/en, nav.yaml, the real registry) and a one-call check runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from followgpt.checks.cli import run
from followgpt.checks.project import Project
from projects import REPO


@pytest.fixture
def make_project(tmp_path):
    def make(pages: dict[str, str], nav: str | None = None, resources: Path | None = REPO / "resources",
             seeds: Path | None = None) -> Project:
        root = tmp_path / f"project{len(list(tmp_path.glob('project*')))}"
        (root / "docs").mkdir(parents=True, exist_ok=True)
        for path, text in pages.items():
            target = root / "docs" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if nav is not None:
            (root / "docs" / "nav.yaml").write_text(nav, encoding="utf-8")
        if resources is not None and not (root / "resources").exists():
            (root / "resources").symlink_to(resources, target_is_directory=True)
        return Project(root, seeds=seeds)
    return make


@pytest.fixture
def check(make_project):
    """check(pages, only="typography") → the findings as printed, in order."""
    def run_checks(pages: dict[str, str], only: str | None = None, **kwargs) -> list[str]:
        project = make_project(pages, **kwargs)
        wanted = set(only.split(",")) if only else None
        return [finding.text() for finding in run(project, only=wanted)]
    return run_checks
