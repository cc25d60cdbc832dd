"""The style manual, the templates and CONTRIBUTING.md keep step with the rule table and pass the checks."""

from __future__ import annotations

import re

import pytest

from followgpt.checks.cli import run
from followgpt.checks.project import Project
from followgpt.checks.rules import RULES, anchor
from projects import REPO

MANUALS = {lang: REPO / "docs" / lang / "contributing" / "style.md" for lang in ("zh", "en")}
BY_HAND = {"zh": "人工审阅", "en": "Reviewed by hand"}


@pytest.mark.parametrize("lang", MANUALS)
def test_every_rule_has_a_section_with_its_anchor(lang):
    text = MANUALS[lang].read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### ([A-Z]+(?:-[A-Z]+)*-\d+) .*\{ #([a-z0-9-]+) \}$", text, re.M))
    assert list(sections) == list(RULES), "the manual's rule sections are the rule table, in its order"
    assert all(sections[rule_id] == anchor(rule_id) for rule_id in RULES)


@pytest.mark.parametrize("lang", MANUALS)
def test_rules_checked_by_hand_say_so(lang):
    text = MANUALS[lang].read_text(encoding="utf-8")
    for rule in RULES.values():
        body = text.split(f"{{ #{anchor(rule.id)} }}", 1)[1].split("\n###", 1)[0].split("\n## ", 1)[0]
        assert (BY_HAND[lang] in body) == (not rule.checked), rule.id


@pytest.mark.parametrize("lang", MANUALS)
def test_the_changelog_names_every_rule(lang):
    changelog = MANUALS[lang].read_text(encoding="utf-8").split("{ #changelog }", 1)[1]
    for family in {rule_id.rsplit("-", 1)[0] for rule_id in RULES}:
        assert f"{family}-1" in changelog, family


def test_the_manuals_pass_every_check():
    project = Project(REPO)
    findings = run(project, files=list(MANUALS.values()))
    assert [finding.text() for finding in findings] == []


def test_a_note_made_from_the_templates_passes_every_check(make_project):
    from followgpt.checks.translation import stamp_main
    templates = REPO / "docs" / "templates"
    glossary = "---\ndescription: x\ntranslation: pending\n---\n\n# Glossary\n\n<!-- followgpt:glossary -->\n"
    project = make_project({"zh/gpt/new.md": (templates / "note.zh.md").read_text(encoding="utf-8"),
                            "en/gpt/new.md": (templates / "note.en.md").read_text(encoding="utf-8"),
                            "zh/glossary.md": glossary})  # the English site shows it as untranslated
    assert stamp_main([str(project.docs / "en" / "gpt" / "new.md"), "--root", str(project.root)]) == 0
    assert [finding.text() for finding in run(project, only={"typography", "headings", "links", "safety",
                                                             "citations", "originality", "translation"})] == []


def test_contributing_passes_the_typography_and_safety_rules():
    from followgpt.checks import safety, typography
    from followgpt.checks.markdown import load_page
    page = load_page(REPO, REPO / "CONTRIBUTING.md")
    page.lang = "zh"  # both languages in one file: the Chinese rules only fire next to Chinese text
    findings = [*typography.check_typography(page), *safety.check_safety(page)]
    findings = [finding.text() for finding in findings if page.allows(finding)]
    assert findings == []


def _yaml_blocks(text: str, first_line: str) -> list[str]:
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    return [block for block in blocks if block.startswith(first_line)]


def test_the_worked_example_in_contributing_validates(tmp_path):
    """Following CONTRIBUTING's worked example gives a registry that validates and a note that passes."""
    import shutil

    from followgpt.registry import load_registry
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    sources = _yaml_blocks(text, "  - id: zhang2022-opt")
    models = _yaml_blocks(text, "  - id: opt-175b")
    assert len(sources) == 2 and sources[0] == sources[1], "the zh and en examples are the same"
    assert len(models) == 2 and models[0] == models[1], "the zh and en examples are the same"
    resources = tmp_path / "resources"
    shutil.copytree(REPO / "resources", resources)
    for path, block in ((resources / "sources" / "open-models.yaml", sources[0]),
                        (resources / "models" / "open-models.yaml", models[0])):
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + block, encoding="utf-8")
    registry = load_registry(resources)
    assert registry.fact("opt-175b", "parameters")["value"] == 175_000_000_000
    # The example note passes the checks against that registry.
    notes = re.findall(r"```markdown\n(\[OPT-175B\].*?)```", text, re.S)
    assert len(notes) == 2
    docs = tmp_path / "docs"
    pages = {"zh": notes[0], "en": notes[1]}
    for lang, body in pages.items():
        page = docs / lang / "ecosystem" / "opt.md"
        page.parent.mkdir(parents=True)
        page.write_text(f"---\ndescription: OPT.\n---\n\n# OPT\n\n{body}", encoding="utf-8")
    from followgpt.checks.translation import stamp_main
    assert stamp_main([str(docs / "en" / "ecosystem" / "opt.md"), "--root", str(tmp_path)]) == 0
    project = Project(tmp_path)
    assert [finding.text() for finding in run(project, only={"typography", "headings", "links", "safety",
                                                             "citations", "translation"})] == []
