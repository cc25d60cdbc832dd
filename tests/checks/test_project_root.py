"""The commands work on the project around the current directory (like mkdocs finding mkdocs.yml), never on the
checkout the package was installed from, and say so clearly when there is no project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from followgpt.checks.project import Project
from followgpt.project_root import ProjectNotFound, find_project_root
from projects import NOTE_HEADER_ZH as ZH, REPO

VALID_REGISTRY = REPO / "tests" / "registry" / "fixtures" / "valid"


def _tiny_project(root: Path, note: str = "GPT-3 是一个语言模型。\n") -> Path:
    """A copy with its own mkdocs.yml, resources/ (the small valid fixture registry) and one note."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(VALID_REGISTRY, root / "resources")
    (root / "docs" / "zh").mkdir(parents=True)
    (root / "docs" / "zh" / "a.md").write_text(ZH.replace("---\n\n", "translation: pending\n---\n\n", 1) + note,
                                               encoding="utf-8")
    (root / "docs" / "nav.yaml").write_text("- a.md\n", encoding="utf-8")
    return root


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    # The package is imported from this checkout, as with an editable install; only the working directory differs.
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
    env.pop("FOLLOWGPT_SEEDS", None)
    return subprocess.run([sys.executable, "-m", "followgpt", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


def test_found_from_the_root_and_from_any_folder_below_it(tmp_path):
    root = _tiny_project(tmp_path / "copy")
    assert find_project_root(root) == root.resolve()
    assert find_project_root(root / "docs" / "zh") == root.resolve()


def test_a_folder_with_only_one_of_the_markers_is_not_a_project(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    with pytest.raises(ProjectNotFound) as info:
        find_project_root(tmp_path)
    assert "no folder at or above it holds both mkdocs.yml and resources/" in str(info.value)


def test_project_defaults_to_the_current_directory(tmp_path, monkeypatch):
    root = _tiny_project(tmp_path / "copy")
    monkeypatch.chdir(root / "docs")
    assert Project().root == root.resolve()


def test_validate_checks_the_copy_it_is_run_in(tmp_path):
    root = _tiny_project(tmp_path / "copy")
    result = _run(["validate"], cwd=root / "docs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("registry OK: ")
    assert " in 2 families" in result.stdout   # the fixture registry's two families, not this checkout's six

    (root / "resources" / "organizations.yaml").write_text("- [\n", encoding="utf-8")
    result = _run(["validate"], cwd=root)
    assert result.returncode == 1
    assert "resources/organizations.yaml" in result.stdout


def test_check_checks_the_copy_it_is_run_in(tmp_path):
    root = _tiny_project(tmp_path / "copy", note="用GPT写。\n")
    result = _run(["check", "--only", "typography", "--external-report", "-"], cwd=root)
    assert result.returncode == 1
    assert result.stdout.startswith("docs/zh/a.md:8: ZH-SPACE-1")
    assert result.stderr.startswith("check: 1 notes, 2 problems")


@pytest.mark.parametrize("command", [["validate"], ["check"], ["stamp", "docs/en/a.md"], ["build"]])
def test_outside_any_project_the_commands_fail_with_a_clear_message(tmp_path, command):
    result = _run(command, cwd=tmp_path)
    assert result.returncode == 2
    assert f"{tmp_path.resolve()} is not inside a FollowGPT project" in result.stderr
    assert "pass --root" in result.stderr
