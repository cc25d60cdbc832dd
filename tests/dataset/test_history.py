"""Dataset versions from a real git history: one version per day the model records changed on the main line."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from followgpt.dataset import read_history
from followgpt.dataset.history import UNRELEASED

MODEL_FILE = "resources/models/demo.yaml"


def model_file(heads: int, extra: str = "") -> str:
    return ("family:\n  name: {zh: 演示, en: Demo}\nmodels:\n"
            "  - id: demo\n    name: {zh: 演示, en: Demo}\n    kind: model\n    organizations: [x]\n"
            "    summary: {zh: 演示。, en: Demo.}\n"
            f"    facts:\n      heads: {{value: {heads}, source: s}}\n{extra}")


def git(project: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(["git", "-C", str(project), *args], env=env, check=True, capture_output=True,
                          text=True).stdout


def commit(project: Path, text: str, date: str, message: str = "edit") -> None:
    (project / MODEL_FILE).write_text(text, encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message, date=date)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "resources" / "models").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    commit(root, model_file(32), "2026-11-22T08:00:00+00:00", "first")
    commit(root, model_file(16), "2026-11-22T09:00:00+00:00", "same day")
    (root / "README.md").write_text("not registry", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "docs only", date="2026-11-30T09:00:00+00:00")
    commit(root, model_file(24, "    lifecycle:\n      - {event: retired, scope: api, date: 2026-12-01, source: s}\n"),
           "2026-12-05T10:00:00+00:00", "fix")
    return root


def test_one_version_per_day_with_the_days_net_changes(project, tmp_path):
    history = read_history(project, tmp_path / "cache")
    assert history.available
    assert [version.name for version in history.versions] == ["2026.12.05", "2026.11.22"]
    initial, latest = history.versions[1], history.versions[0]
    assert initial.initial and initial.models["demo"]["facts"]["heads"]["value"] == 16   # the day's last state
    assert [(c.kind, c.item, c.old, c.new) for c in latest.changes if c.kind == "value-changed"] == [
        ("value-changed", "heads", 16, 24)]
    assert [c.item for c in latest.changes if c.kind == "lifecycle"] == ["retired"]
    assert history.current_name == "2026.12.05"


def test_cached_history_equals_uncached(project, tmp_path):
    cache = tmp_path / "cache"
    first = read_history(project, cache)
    assert list(cache.glob("*.json"))
    again = read_history(project, cache)
    assert [(v.name, v.commit, v.models, v.changes) for v in again.versions] == \
           [(v.name, v.commit, v.models, v.changes) for v in first.versions]
    assert [(v.name, v.models) for v in read_history(project).versions] == [(v.name, v.models) for v in first.versions]


def test_uncommitted_edits_are_an_unreleased_version_on_top(project):
    (project / MODEL_FILE).write_text(model_file(8), encoding="utf-8")
    history = read_history(project)
    assert history.versions[0].name == UNRELEASED and not history.versions[0].released
    assert history.latest_release.name == "2026.12.05"
    assert [(c.old, c.new) for c in history.versions[0].changes if c.kind == "value-changed"] == [(24, 8)]


def test_no_git_or_shallow_clone_says_why(project, tmp_path):
    plain = tmp_path / "plain"
    (plain / "resources" / "models").mkdir(parents=True)
    (plain / MODEL_FILE).write_text(model_file(1), encoding="utf-8")
    history = read_history(plain)
    assert not history.available and "not a git checkout" in history.reason
    assert history.current_name == UNRELEASED and list(history.current.models) == ["demo"]
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project}", str(shallow)], check=True)
    history = read_history(shallow)
    assert not history.available and "shallow" in history.reason


def test_a_file_that_does_not_parse_in_the_past_is_skipped_not_fatal(project):
    commit(project, "models: [unclosed\n", "2026-12-06T10:00:00+00:00")
    commit(project, model_file(24), "2026-12-07T10:00:00+00:00")
    names = [version.name for version in read_history(project).versions]
    assert names[:2] == ["2026.12.07", "2026.12.06"]
