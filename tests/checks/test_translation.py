"""Translation parity and drift (TRANS-1…6) and the stamp command."""

from __future__ import annotations

import subprocess

import pytest

from followgpt.checks.translation import body_hash, set_stamp, stamp_main

ZH_BODY = ("# 测试\n\n正文。[^brown2020-gpt3]\n\n## 训练 { #training }\n\n"
           "<!-- followgpt:table family=openai-gpt columns=parameters -->\n")
EN_BODY = ("# Test\n\nText.[^brown2020-gpt3]\n\n## Training { #training }\n\n"
           "<!-- followgpt:table family=openai-gpt columns=parameters -->\n")


def zh(body: str = ZH_BODY, front: str = "") -> str:
    return f"---\ndescription: 测试。\n{front}---\n\n{body}"


def en(body: str = EN_BODY, stamp_of: str | None = ZH_BODY, extra: str = "") -> str:
    stamp = f"translation: {{from: zh, hash: {body_hash(zh(stamp_of))}}}\n" if stamp_of is not None else ""
    return f"---\ndescription: Test.\n{stamp}{extra}---\n\n{body}"


def trans(check, pages) -> list[str]:
    return check(pages, only="translation")


def test_a_matching_pair_passes(check):
    assert trans(check, {"zh/a.md": zh(), "en/a.md": en()}) == []


def test_trans_1_missing_translation(check):
    assert trans(check, {"zh/a.md": zh()}) == [
        "docs/zh/a.md:1: TRANS-1 there is no English version (docs/en/a.md) (translate it, or add 'translation: "
        "pending' to this page's front matter until someone does)"]


def test_trans_1_pending_mark(check):
    assert trans(check, {"zh/a.md": zh(front="translation: pending\n")}) == []
    assert trans(check, {"zh/a.md": zh(front="translation: pending\n"), "en/a.md": en()}) == [
        "docs/zh/a.md:3: TRANS-1 marked 'translation: pending' but docs/en/a.md exists (replace the mark with a "
        "stamp: run python -m followgpt stamp on the translation)"]


def test_trans_2_heading_anchors_differ(check):
    english = EN_BODY.replace("{ #training }", "{ #train }")
    assert trans(check, {"zh/a.md": zh(), "en/a.md": en(english)}) == [
        "docs/en/a.md:10: TRANS-2 heading anchor #train has no counterpart in docs/zh/a.md (give the matching "
        "heading there the same { #id }, or add the section)",
        "docs/zh/a.md:9: TRANS-2 heading anchor #training has no counterpart in docs/en/a.md (give the matching "
        "heading there the same { #id }, or add the section)"]


def test_trans_3_generated_blocks_and_facts_differ(check):
    chinese = ZH_BODY + "\n<!-- followgpt:tree family=openai-gpt -->\n\nGPT-3 有 <!-- followgpt:fact gpt-3.parameters -->参数。\n"
    english = EN_BODY.replace("columns=parameters", "columns=parameters,layers")
    assert trans(check, {"zh/a.md": zh(chinese), "en/a.md": en(english, stamp_of=chinese)}) == [
        "docs/en/a.md:12: TRANS-3 generated block <!-- followgpt:table columns=parameters,layers family=openai-gpt "
        "--> is not in docs/zh/a.md (both versions show the same generated blocks and facts: add it there or remove "
        "it here)",
        "docs/zh/a.md:11: TRANS-3 generated block <!-- followgpt:table columns=parameters family=openai-gpt --> is "
        "not in docs/en/a.md (both versions show the same generated blocks and facts: add it there or remove it "
        "here)",
        "docs/zh/a.md:13: TRANS-3 generated block <!-- followgpt:tree family=openai-gpt --> is not in docs/en/a.md "
        "(both versions show the same generated blocks and facts: add it there or remove it here)",
        "docs/zh/a.md:15: TRANS-3 fact marker <!-- followgpt:fact gpt-3.parameters --> is not in docs/en/a.md (both "
        "versions show the same generated blocks and facts: add it there or remove it here)"]


def test_trans_4_cited_sources_differ(check):
    english = EN_BODY.replace("[^brown2020-gpt3]", "[^radford2019-gpt2][^note]") + "\n[^note]: A translator's note.\n"
    assert trans(check, {"zh/a.md": zh(), "en/a.md": en(english)}) == [
        "docs/en/a.md:8: TRANS-4 source [^radford2019-gpt2] is not cited in docs/zh/a.md (cite the same sources in "
        "both versions)",
        "docs/zh/a.md:7: TRANS-4 source [^brown2020-gpt3] is not cited in docs/en/a.md (cite the same sources in "
        "both versions)"]


def test_trans_5_no_stamp(check):
    assert trans(check, {"zh/a.md": zh(), "en/a.md": en(stamp_of=None)}) == [
        "docs/en/a.md:1: TRANS-5 no record of which version of docs/zh/a.md this translation matches (once the two "
        "match, run python -m followgpt stamp docs/en/a.md)"]


def test_trans_5_malformed_and_double_stamps(check):
    bad = "---\ndescription: Test.\ntranslation: {from: en, hash: xyz}\n---\n\n" + EN_BODY
    assert trans(check, {"zh/a.md": zh(), "en/a.md": bad}) == [
        "docs/en/a.md:3: TRANS-5 translation.from is 'en'; a English page translates from 'zh' (run python -m "
        "followgpt stamp docs/en/a.md (once it matches its counterpart))"]
    both = zh(front=f"translation: {{from: en, hash: {body_hash(en())}}}\n")
    assert trans(check, {"zh/a.md": both, "en/a.md": en()}) == [
        "docs/en/a.md:3: TRANS-5 both docs/zh/a.md and docs/en/a.md say they are the translation (keep the stamp "
        "only on the page translated from the other)"]


def test_trans_6_translation_behind_its_original(check):
    changed = ZH_BODY.replace("正文。", "正文，补充了一句。")
    assert trans(check, {"zh/a.md": zh(changed), "en/a.md": en()}) == [
        f"docs/en/a.md:3: TRANS-6 translation is behind docs/zh/a.md: it matches version {body_hash(zh())}, which "
        f"has since changed to {body_hash(zh(changed))} (bring the translation up to date, then run python -m "
        f"followgpt stamp docs/en/a.md)"]


def test_trans_6_names_the_commit_it_last_matched(make_project):
    from followgpt.checks.translation import check_translations
    project = make_project({"zh/a.md": zh(), "en/a.md": en()})
    git = ["git", "-C", str(project.root), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "docs"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "first"], check=True)
    commit = subprocess.run(git + ["log", "--format=%h %cs", "-1"], capture_output=True, text=True).stdout.split()
    (project.docs / "zh" / "a.md").write_text(zh(ZH_BODY + "\n更多内容。\n"), encoding="utf-8")
    (message,) = [finding.message for finding in check_translations(project)]
    assert message.endswith(f"(last matched in commit {commit[0]} of {commit[1]}; see git diff {commit[0]} -- "
                            f"docs/zh/a.md)")


def test_body_hash_ignores_front_matter_and_trailing_spaces():
    assert body_hash("---\ndescription: a\n---\n\n# T\n\ntext\n") == body_hash("# T  \r\n\r\ntext\r\n\n\n")
    assert body_hash("# T\n\ntext\n") != body_hash("# T\n\ntext.\n")
    assert len(body_hash("x")) == 12


def test_set_stamp_adds_or_replaces_the_key():
    assert set_stamp("---\ndescription: x\n---\n\n# T\n", "zh", "0123456789ab") == \
        "---\ndescription: x\ntranslation: {from: zh, hash: 0123456789ab}\n---\n\n# T\n"
    assert set_stamp("---\ntranslation:\n  from: zh\n  hash: old\nhide: [toc]\n---\n# T\n", "zh", "0123456789ab") == \
        "---\ntranslation: {from: zh, hash: 0123456789ab}\nhide: [toc]\n---\n# T\n"
    assert set_stamp("# T\n", "en", "0123456789ab") == "---\ntranslation: {from: en, hash: 0123456789ab}\n---\n\n# T\n"


def test_stamp_command(make_project, capsys):
    project = make_project({"zh/a.md": zh(), "en/a.md": en(stamp_of=None), "zh/only.md": zh()})
    english = project.docs / "en" / "a.md"
    assert stamp_main([str(english), "--root", str(project.root)]) == 0
    assert f"translation: {{from: zh, hash: {body_hash(zh())}}}\n" in english.read_text(encoding="utf-8")
    assert capsys.readouterr().out == f"stamped docs/en/a.md: matches docs/zh/a.md at {body_hash(zh())}\n"
    assert stamp_main([str(english), "--root", str(project.root)]) == 0
    assert capsys.readouterr().out == f"docs/en/a.md: already matches docs/zh/a.md at {body_hash(zh())}\n"
    # Stamping the original instead of its translation is refused.
    assert stamp_main([str(project.docs / "zh" / "a.md"), "--root", str(project.root)]) == 1
    assert "docs/en/a.md is stamped as the translation of this page" in capsys.readouterr().err
    # A page without a counterpart cannot be stamped.
    assert stamp_main([str(project.docs / "zh" / "only.md"), "--root", str(project.root)]) == 1
    assert "its original docs/en/only.md does not exist" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["yes", "{from: zh}", "[zh]"])
def test_trans_5_unreadable_stamp(check, value):
    page = f"---\ndescription: Test.\ntranslation: {value}\n---\n\n" + EN_BODY
    (finding,) = trans(check, {"zh/a.md": zh(), "en/a.md": page})
    assert finding.startswith("docs/en/a.md:3: TRANS-5 translation must be 'pending' or {from: zh, hash: <12 hex "
                              "digits>}, got ")
