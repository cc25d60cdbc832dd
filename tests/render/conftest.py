"""Fixtures: the tiny registry in fixtures/resources/, loaded through the real loader, and site contexts."""

from __future__ import annotations

from pathlib import Path

import pytest

from followgpt.registry import load_registry
from followgpt.render import SiteContext, collect_usages, expand_page

FIXTURE_RESOURCES = Path(__file__).parent / "fixtures" / "resources"

PAGES = {
    "index.md": "# 首页\n\n见 [GPT-3](models/gpt-3.md)。\n",
    "gpt/gpt-3.md": ("# GPT-3 笔记\n\nGPT-3 有 <!-- followgpt:fact gpt-3.parameters --> 参数[^brown2020-gpt3]，"
                     "用到[上下文学习](../glossary.md#in-context-learning)。\n\n"
                     "<!-- followgpt:tree ids=gpt-2,gpt-3 -->\n"),
    "gpt/gpt-4.md": "# GPT-4 笔记\n\n<!-- followgpt:tree around=gpt-4 -->\n\n见[报告][^openai2023-gpt4-report]。\n",
    "glossary.md": "# 术语表\n\n<!-- followgpt:glossary -->\n",
    "references.md": "# 参考文献\n\n<!-- followgpt:references -->\n",
    "models/gpt-3.md": "<!-- followgpt:model-page id=gpt-3 -->\n",
}


@pytest.fixture(scope="session")
def registry():
    return load_registry(FIXTURE_RESOURCES)


@pytest.fixture
def make_site(registry):
    def make(lang: str = "zh", pages: dict[str, str] | None = None) -> SiteContext:
        pages = PAGES if pages is None else pages
        titles = {path: markdown.split("\n", 1)[0].lstrip("# ") for path, markdown in pages.items()}
        return SiteContext(registry=registry, lang=lang, pages=titles, usages=collect_usages(pages))
    return make


@pytest.fixture
def expand(make_site):
    """expand(markdown, lang='zh', page_path='gpt/test.md') -> Expanded"""
    def run(markdown: str, lang: str = "zh", page_path: str = "gpt/test.md"):
        return expand_page(markdown, page_path=page_path, lang=lang, site=make_site(lang))
    return run
