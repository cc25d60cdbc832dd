"""Originality guard (ORIG-1): with the seed notes at hand, and with only the committed fingerprints."""

from __future__ import annotations

from pathlib import Path

import pytest

from followgpt.checks import originality
from followgpt.checks.cli import default_seeds
from followgpt.checks.originality import FINGERPRINTS, SeedIndex, check_text, write_fingerprints
from projects import NOTE_HEADER_ZH as ZH, REPO

# A made-up "seed" (not from the real seed notes), 40 Han characters on its second line.
SEED = "标题\n深度学习模型的规模在过去几年里迅速增长，研究者发现更大的模型往往表现更好但训练成本也随之上升。\n"
COPIED = "深度学习模型的规模在过去几年里迅速增长，研究者发现更大的模型"      # 29 Han characters of it


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "000_note.txt").write_text(SEED, encoding="utf-8")
    (folder / "README.md").write_text("说明文件本身不算种子笔记，即使它有很长很长很长很长很长的中文句子。\n", encoding="utf-8")
    return folder


def test_orig_1_with_the_seeds(check, seeds):
    assert check({"zh/a.md": ZH + f"引言。{COPIED}。\n"}, only="originality", seeds=seeds) == [
        'docs/zh/a.md:7: ORIG-1 29 Chinese characters copied verbatim from the seed notes (000_note.txt line 2): '
        '"深度学习模型的规模在过去几年里迅速增长，研究者发现更大的模型" (keep the facts, rewrite the sentence in your own '
        'words)']


def test_orig_1_with_the_fingerprint_file_only(check, seeds, tmp_path, monkeypatch):
    prints = tmp_path / "prints.txt"
    han, _ = originality.han_text(SEED)
    assert write_fingerprints(seeds, prints) == len(han) - originality.WINDOW + 1
    monkeypatch.setattr(originality, "FINGERPRINTS", prints)
    assert check({"zh/a.md": ZH + f"引言。{COPIED}。\n"}, only="originality") == [
        'docs/zh/a.md:7: ORIG-1 29 Chinese characters copied verbatim from the seed notes: '
        '"深度学习模型的规模在过去几年里迅速增长，研究者发现更大的模型" (keep the facts, rewrite the sentence in your own '
        'words)']


def test_spacing_punctuation_latin_and_look_alikes_do_not_hide_a_copy(seeds):
    index = SeedIndex.from_directory(seeds)
    # Spaces, different punctuation, inserted Latin text and a Kangxi radical (⼤ for 大) change nothing.
    disguised = "深度学习 模型的规模（在过去几年里）迅速增长。Researchers 研究者发现更⼤的模型"
    (finding,) = check_text("x.md", disguised, index)
    assert finding.message.startswith("29 Chinese characters copied verbatim")


def test_short_overlaps_are_fine(seeds):
    index = SeedIndex.from_directory(seeds)
    nineteen = "深度学习模型的规模在过去几年里迅速增长"
    assert list(check_text("x.md", nineteen + "。", index)) == []
    assert len(list(check_text("x.md", nineteen + "，研", index))) == 1


def test_the_readme_of_the_seeds_is_not_a_seed(seeds):
    index = SeedIndex.from_directory(seeds)
    assert list(check_text("x.md", "说明文件本身不算种子笔记，即使它有很长很长很长很长很长的中文句子。", index)) == []


def test_a_visible_pragma_switches_it_off_for_one_line(check, seeds):
    # ORIG-1 can be switched off for a line (e.g. a quotation of a primary source that a seed also quotes);
    # the pragma is visible in review.
    body = f"{COPIED}。<!-- style: ignore ORIG-1 -->\n"
    assert check({"zh/a.md": ZH + body}, only="originality", seeds=seeds) == []


def test_the_committed_fingerprint_file_is_well_formed():
    lines = FINGERPRINTS.read_text(encoding="ascii").splitlines()
    assert lines[0].startswith("# FollowGPT originality guard")
    prints = [line for line in lines if not line.startswith("#")]
    assert len(prints) > 10000
    assert prints == sorted(set(prints))
    assert all(len(line) == 12 and int(line, 16) >= 0 for line in prints)


def test_the_committed_fingerprint_file_matches_the_seeds(tmp_path):
    seeds = default_seeds(REPO)
    if seeds is None or not originality.seed_files(seeds):
        pytest.skip("the seed notes are not beside this checkout (CI has them at ../shared/seeds)")
    fresh = tmp_path / "fresh.txt"
    write_fingerprints(seeds, fresh)
    assert fresh.read_text(encoding="ascii") == FINGERPRINTS.read_text(encoding="ascii"), (
        "the seeds changed: run python -m followgpt.checks.originality --seeds ../shared/seeds and commit the file")
