"""FM-3 and FRESH-1: the reviewed: date, and pages that state facts that age carry one."""

from __future__ import annotations

import datetime as dt

import pytest

from followgpt.checks.freshness import check_freshness
from followgpt.checks.markdown import parse_page
from followgpt.i18n import reviewed_note

TODAY = dt.date(2026, 12, 5)


def _page(body: str, lang: str = "zh", front: str = "") -> list[str]:
    text = f"---\ndescription: 测试。\n{front}---\n\n# 标题\n\n{body}\n"
    page = parse_page(text, rel=f"docs/{lang}/a.md", lang=lang, page_path="a.md")
    return [f"{finding.rule} {finding.message}" for finding in check_freshness(page, today=TODAY)]


@pytest.mark.parametrize("lang, body, what", [
    ("zh", "目前最常用的办法是 RLHF。", "it says “目前”"),
    ("zh", "这个模型现在只能通过 API 使用。", "it says “现在”"),
    ("en", "The model is currently offered through the API.", "it says “currently”"),
    ("en", "It is the latest model in the series.", "it says “the latest”"),
    ("zh", "价格为 <!-- followgpt:fact gpt-4.price_input_usd_per_1k_tokens -->。",
     "it quotes the fact gpt-4.price_input_usd_per_1k_tokens"),
    ("en", "The API opened on <!-- followgpt:fact gpt-3.api_date -->.", "it quotes the fact gpt-3.api_date"),
    ("zh", "<!-- followgpt:table ids=gpt-3,gpt-4 columns=name,access -->", "its table shows the column access"),
])
def test_pages_that_state_facts_that_age_need_a_review_date(lang, body, what):
    (finding,) = _page(body, lang)
    assert finding.startswith(f"FRESH-1 the page states facts that age ({what}, line 7)")
    assert _page(body, lang, front="reviewed: 2026-12-05\n") == []


@pytest.mark.parametrize("lang, body", [
    ("zh", "交叉注意力只出现在编码器-解码器结构中，表现在结果上。"),
    ("zh", "写成 `目前` 的说法要改掉。"),
    ("zh", "示例：`<!-- followgpt:fact 模型.api_date -->`。"),
    ("en", "An update of GPT-3 on <!-- followgpt:fact gpt-3.paper_date -->."),
    ("en", "<!-- followgpt:table ids=gpt-3 columns=name,parameters -->"),
    ("en", "Accuracy improved with scale."),
])
def test_other_pages_need_none(lang, body):
    assert _page(body, lang) == []


@pytest.mark.parametrize("value, message", [
    ('"2026-13-01"', "reviewed: '2026-13-01' is not a date"),
    ("last week", "reviewed: 'last week' is not a date"),
    ("2027-01-01", "reviewed: 2027-01-01 is in the future"),
])
def test_the_review_date_is_a_real_past_date(value, message):
    assert _page("正文。", front=f"reviewed: {value}\n") == [f"FM-3 {message}"]


def test_an_impossible_unquoted_date_is_reported_as_broken_front_matter():
    from followgpt.checks.typography import check_front_matter
    page = parse_page("---\ndescription: 测试。\nreviewed: 2026-13-01\n---\n\n# 标题\n", rel="docs/zh/a.md",
                      lang="zh", page_path="a.md")
    assert [finding.rule for finding in check_front_matter(page)] == ["FM-1"]
    assert list(check_freshness(page, today=TODAY)) == []


def test_the_site_shows_the_date_in_each_language():
    assert reviewed_note(dt.date(2026, 12, 5), "zh") == {"label": "最后审阅", "date": "2026-12-05",
                                                          "text": "2026 年 12 月 5 日"}
    assert reviewed_note("2026-12-05", "en") == {"label": "Last reviewed", "date": "2026-12-05",
                                                 "text": "5 December 2026"}
    assert reviewed_note("soon", "en") is None and reviewed_note(None, "zh") is None
