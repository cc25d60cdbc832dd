"""A page's front-matter reviewed: date is shown on the page in its language ("最后审阅" / "Last reviewed")."""

from __future__ import annotations

import pytest

from followgpt.site.build import build_site
from projects import REPO, make_project

pytestmark = pytest.mark.slow


def test_the_review_date_is_shown_in_each_language_and_only_where_given(tmp_path):
    pages = {
        "zh/index.md": "---\ndescription: 首页\nreviewed: 2026-12-05\n---\n\n# 首页\n\n正文。\n",
        "en/index.md": "---\ndescription: Home\nreviewed: 2026-12-05\n---\n\n# Home\n\nText.\n",
        "zh/note.md": "---\ndescription: 笔记\n---\n\n# 笔记\n\n正文。\n",
    }
    # the small fixture registry: the real one would add hundreds of model pages this test does not look at
    project = make_project(tmp_path / "project", pages, nav="- index.md\n- note.md\n",
                           resources=REPO / "tests" / "registry" / "fixtures" / "valid")
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    zh = (site / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '最后审阅：<time datetime="2026-12-05">2026 年 12 月 5 日</time>' in zh
    assert 'Last reviewed: <time datetime="2026-12-05">5 December 2026</time>' in en
    assert "fgpt-reviewed" not in (site / "note" / "index.html").read_text(encoding="utf-8")
