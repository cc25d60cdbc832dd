"""Numbers, dates and fact statuses per language."""

import pytest

from followgpt.render.format import (format_bytes, format_count, format_date, format_fact, format_flops,
                                     format_tokens, format_usd, format_value)


@pytest.mark.parametrize("value, zh, en", [
    (175_000_000_000, "1750 亿", "175B"),
    (1_500_000_000, "15 亿", "1.5B"),
    (124_000_000, "1.24 亿", "124M"),
    (355_000_000, "3.55 亿", "355M"),
    (6_738_415_616, "67.4 亿", "6.74B"),
    (1_760_000_000_000, "1.76 万亿", "1.76T"),
    (150_000, "15 万", "150,000"),
    (50_257, "50257", "50,257"),
    (96, "96", "96"),
])
def test_counts(value, zh, en):
    assert format_count(value, "zh") == zh
    assert format_count(value, "en") == en


def test_tokens_bytes_flops_usd():
    assert format_tokens(300_000_000_000, "zh") == "3000 亿个词元"
    assert format_tokens(8192, "zh") == "8192 个词元"
    assert format_tokens(300_000_000_000, "en") == "300B tokens"
    assert format_tokens(2048, "en") == "2,048 tokens"
    assert format_bytes(570_000_000_000, "zh") == "570 GB"
    assert format_bytes(40_000_000_000, "en") == "40 GB"
    assert format_flops(3.14e23, "zh") == "3.14 × 10²³"
    assert format_flops(1e22, "en") == "10²²"
    assert format_usd(0.03, "en") == "$0.03"
    assert format_usd(0.002, "zh") == "$0.002"
    assert format_usd(4_600_000, "en") == "$4.6M"
    assert format_usd(4_600_000, "zh") == "460 万美元"


@pytest.mark.parametrize("value, zh, en", [
    ("2020-05-28", "2020 年 5 月 28 日", "28 May 2020"),
    ("2020-05", "2020 年 5 月", "May 2020"),
    ("2020", "2020 年", "2020"),
])
def test_dates(value, zh, en):
    assert format_date(value, "zh") == zh
    assert format_date(value, "en") == en
    assert format_value(value, "date", "en") == en


def cite(source):
    return f"[^{source}]"


def test_reported_fact_is_cited():
    fact = {"value": 175_000_000_000, "source": "brown2020-gpt3"}
    assert format_fact(fact, "count", "zh", cite) == "1750 亿[^brown2020-gpt3]"
    assert format_fact(fact, "count", "en") == "175B"


def test_undisclosed_is_never_a_number():
    fact = {"status": "undisclosed", "source": "openai2023-gpt4-report"}
    assert format_fact(fact, "count", "zh", cite) == "未公开[^openai2023-gpt4-report]"
    assert format_fact(fact, "count", "en") == "undisclosed"


def test_estimated_names_the_estimator():
    fact = {"status": "estimated", "value": 2.1e25, "estimated_by": "Epoch AI", "source": "e"}
    assert format_fact(fact, "flops", "zh") == "约 2.1 × 10²⁵（估计：Epoch AI）"
    assert format_fact(fact, "flops", "en", cite) == "~2.1 × 10²⁵ (estimate: Epoch AI)[^e]"


def test_disputed_shows_every_claim_with_its_source():
    fact = {"status": "disputed", "source": "a",
            "claims": [{"value": 8192, "source": "a"}, {"value": 32768, "source": "b"}]}
    assert format_fact(fact, "tokens", "en", cite) == "disputed: 8,192 tokens[^a] or 32,768 tokens[^b]"
    assert format_fact(fact, "tokens", "zh") == "有争议：8192 个词元或 32768 个词元"


def test_approximate_is_marked():
    fact = {"value": 1_500_000_000, "approx": True, "source": "s"}
    assert format_fact(fact, "count", "zh") == "约 15 亿"
    assert format_fact(fact, "count", "en") == "~1.5B"
