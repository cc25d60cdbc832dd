"""`python -m followgpt validate`: summary on success, every issue and exit 1 on failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from followgpt.registry.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_success_prints_a_one_line_summary(make_registry, capsys):
    assert main(["--root", str(make_registry())]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out == ["registry OK: 7 models in 2 families, 3 sources in 1 topic, 3 organisations, 2 licences, 2 terms"]


def test_failure_prints_every_issue_and_exits_1(make_registry, capsys):
    assert main(["--root", str(make_registry("several-errors"))]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 7
    assert out[0].startswith("resources/models/several.yaml:14: several-1 › kind: expected one of")
    assert out[-1] == "registry: 6 problems in 1 file"


def test_github_format_prints_annotations(make_registry, capsys):
    assert main(["--root", str(make_registry("lineage-cycle")), "--format", "github"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=resources/models/cycle.yaml,line=11,title=registry::cycle-a › "
                            "lineage[0].target: lineage cycle: cycle-a → cycle-c → cycle-b → cycle-a")


def test_wired_as_python_m_followgpt_validate(make_registry):
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
    result = subprocess.run([sys.executable, "-m", "followgpt", "validate", "--root", str(make_registry())],
                            capture_output=True, text=True, env=env, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("registry OK: 7 models")


def test_registry_does_not_import_mkdocs():
    code = "import sys, followgpt.registry, followgpt.registry.cli; print('mkdocs' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.stdout.strip() == "False", result.stderr
