"""Shared fixtures: a copy of the small valid registry, optionally overlaid with a bad case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).parent
VALID = HERE / "fixtures" / "valid"
BAD = HERE / "fixtures" / "bad"


@pytest.fixture
def make_registry(tmp_path):
    """make_registry(case=None) -> path of a fresh resources/ copy (with fixtures/bad/<case>/ laid over it)."""

    def make(case: str | None = None) -> Path:
        root = tmp_path / "resources"
        shutil.copytree(VALID, root)
        if case:
            shutil.copytree(BAD / case, root, dirs_exist_ok=True)
        return root

    return make
