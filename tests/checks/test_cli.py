"""python -m followgpt check: output formats, exit codes, options, the navigation check, speed."""

from __future__ import annotations

import re
import subprocess
import sys
import time

from followgpt.checks.cli import main
from followgpt.checks.findings import Finding
from followgpt.checks.rules import LINE_RULES, RULES
from projects import REPO

ZH = "---\ndescription: 测试页面。\ntranslation: pending\n---\n\n# 测试\n\n"
NAV = "- a.md\n- section: {zh: 组, en: Group}\n  pages:\n    - missing.md\n"


def test_text_format_and_exit_code(make_project, capsys):
    project = make_project({"zh/a.md": ZH + "用GPT写。\n"}, nav=NAV)
    assert main(["--root", str(project.root), "--external-report", "-"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        'docs/nav.yaml:4: NAV-1 missing.md is in the navigation but exists in neither docs/zh/ nor docs/en/ (add '
        'the page, or remove the entry)',
        'docs/zh/a.md:8: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "用GPT" (add a space '
        'between "用" and "GPT")',
        'docs/zh/a.md:8: ZH-SPACE-1 no space between Chinese and Latin letters or digits in "GPT写" (add a space '
        'between "GPT" and "写")']
    assert err.startswith("check: 1 notes, 3 problems (originality: committed fingerprints); ")
    assert err.rstrip().endswith("Rules: docs/en/contributing/style.md")


def test_github_format(make_project, capsys):
    project = make_project({"zh/a.md": ZH + "用GPT。\n"})
    assert main(["--root", str(project.root), "--format", "github", "--only", "typography"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        '::error file=docs/zh/a.md,line=8,col=2,title=ZH-SPACE-1::ZH-SPACE-1 no space between Chinese and Latin '
        'letters or digits in "用GPT" (add a space between "用" and "GPT")']


def test_github_format_is_the_default_on_github_actions(make_project, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    project = make_project({"zh/a.md": ZH + "用GPT。\n"})
    assert main(["--root", str(project.root), "--only", "typography"]) == 1
    assert capsys.readouterr().out.startswith("::error file=docs/zh/a.md,line=8,col=2,title=ZH-SPACE-1::")


def test_github_annotation_escaping():
    finding = Finding("a,b:c.md", 3, "LINK-4", "50% of\nit", "fix")
    assert finding.github() == "::error file=a%2Cb%3Ac.md,line=3,title=LINK-4::LINK-4 50%25 of%0Ait (fix)"


def test_a_clean_project_passes(make_project, capsys):
    project = make_project({"zh/a.md": ZH + "GPT-3 是一个语言模型。\n"}, nav="- a.md\n")
    report = project.root / "build" / "links.md"
    assert main(["--root", str(project.root), "--external-report", str(report)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("check: 1 notes, no problems (originality: committed fingerprints); ")
    assert re.search(r"; \d+ external links listed in build/links\.md; ", err)  # the registry's URLs
    assert report.is_file()


def test_only_given_files_and_their_counterparts(make_project, capsys):
    project = make_project({"zh/a.md": ZH + "好。\n", "zh/b.md": ZH + "用GPT。\n"})
    (project.root / "README.md").write_text("不是笔记,不检查。\n", encoding="utf-8")
    # Only a.md is checked (b.md has a problem); files outside docs/ (pre-commit passes them too) are skipped.
    assert main(["--root", str(project.root), str(project.docs / "zh" / "a.md"), str(project.root / "README.md")]) == 0
    assert capsys.readouterr().out == ""
    assert main(["--root", str(project.root), str(project.docs / "zh" / "b.md")]) == 1


def test_unknown_check_and_missing_file(make_project, capsys):
    project = make_project({"zh/a.md": ZH})
    assert main(["--root", str(project.root), str(project.root / "nope.md")]) == 2
    try:
        main(["--only", "spelling"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "unknown check(s) spelling" in capsys.readouterr().err


def test_site_option_needs_a_built_site(make_project, tmp_path, capsys):
    project = make_project({"zh/a.md": ZH})
    assert main(["--root", str(project.root), "--site", str(tmp_path / "nothing")]) == 2
    assert "not a built site" in capsys.readouterr().err


def test_list_rules(capsys):
    assert main(["--list-rules"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == list(RULES)
    assert "ZH-TERM-1   (by hand) first use of a term: 中文（English）, linked to the glossary" in out


def test_rule_table():
    assert all(rule_id in RULES for rule_id in LINE_RULES)
    assert "TRANS-6" not in LINE_RULES and "ZH-SPACE-1" in LINE_RULES


def test_the_command_line_entry_point_and_speed():
    """The real check over every note is fast enough for a pre-commit hook and never imports MkDocs."""
    code = ("import sys, time; t = time.monotonic(); from followgpt.__main__ import main; "
            "main(['check', '--only', 'typography,headings,links,safety,citations,originality,translation,nav', "
            "'--external-report', '-']); assert 'mkdocs' not in sys.modules, 'checks imported mkdocs'; "
            "print(time.monotonic() - t)")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                            env={"PYTHONPATH": str(REPO / "scripts"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 60
