"""Diagrams drawn to SVG at build time (Chromium available), or left to the browser (FOLLOWGPT_PRERENDER=0)."""

from __future__ import annotations

import re

import pytest

from followgpt.site.build import build_site
from followgpt.site.prerender import PrerenderError, _drawn_div, mode
from projects import REPO, make_project

pytestmark = pytest.mark.slow

# The small valid fixture registry, not the real one: these tests are about drawing diagrams, and the real
# registry's hundreds of model pages (each with its diagram) are built and drawn once per session for the
# built_site fixture; here they would be built three times more, once with a cold drawing cache.
RESOURCES = REPO / "tests" / "registry" / "fixtures" / "valid"
PAGE = ("# 图\n\n```mermaid\nflowchart LR\n  a[\"GPT-1 #lt;x#gt;\"] --> b[\"GPT-2\"]\n"
        "  click a href \"../models/gpt-1/\"\n```\n")


def build(tmp_path, monkeypatch, setting: str):
    monkeypatch.setenv("FOLLOWGPT_PRERENDER", setting)
    project = make_project(tmp_path / "project", {"zh/index.md": PAGE, "en/index.md": PAGE.replace("图", "Chart")},
                           resources=RESOURCES)
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    return (site / "index.html").read_text(encoding="utf-8"), (site / "en" / "index.html").read_text(encoding="utf-8")


def test_diagrams_are_drawn_at_build_time(tmp_path, monkeypatch):
    for page in build(tmp_path, monkeypatch, "1"):
        diagram = re.search(r'<div class="mermaid" data-fgpt-diagram="drawn"[^>]*><div class="fgpt-diagram-box"[^>]*>(<svg.*?</svg>)</div>', page, re.S)
        assert diagram, "no pre-rendered diagram"
        assert "GPT-1 &lt;x&gt;" in diagram.group(1)          # the label, escaped once, as text
        assert 'href="../models/gpt-1/"' in diagram.group(1)  # crawlable node link
        assert "import mermaid" not in page and "fgpt:diagram-runtime" not in page  # nothing left to load


def test_without_prerendering_the_browser_draws_them(tmp_path, monkeypatch):
    for page in build(tmp_path, monkeypatch, "0"):
        assert '<div class="mermaid">' in page and "<svg" not in page.split('<div class="mermaid">')[1][:50]
        assert "import mermaid" in page


def test_prerender_setting_is_checked(monkeypatch):
    monkeypatch.setenv("FOLLOWGPT_PRERENDER", "sometimes")
    with pytest.raises(PrerenderError, match="auto, 0 or 1"):
        mode()


def test_wide_diagrams_keep_a_readable_minimum_scale():
    div = _drawn_div('<svg id="d" width="100%" style="max-width: 1000px;" viewBox="0 0 1000 50"></svg>')
    assert 'style="width: clamp(700px, 100%, 1000px); aspect-ratio: 1000 / 50;"' in div  # the box: drawn size
    assert '<svg id="d" width="100%" style="max-width: none; width: 100%;"' in div


def test_previews_draw_diagrams_too(tmp_path, monkeypatch):
    """`mkdocs serve` builds (startup command "serve") draw diagrams like `mkdocs build`, in both languages: with
    the drawings kept by content in the cache, a rebuild after an edit redraws nothing that did not change."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from followgpt.site.prerender import chromium_path
    if chromium_path() is None:
        pytest.skip("needs Chromium")
    monkeypatch.setenv("FOLLOWGPT_PRERENDER", "auto")
    monkeypatch.setenv("FOLLOWGPT_CACHE_DIR", str(tmp_path / "cache"))
    project = make_project(tmp_path / "project", {"zh/index.md": PAGE, "en/index.md": PAGE.replace("图", "Chart")},
                           resources=RESOURCES)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    for page in (tmp_path / "site" / "index.html", tmp_path / "site" / "en" / "index.html"):
        text = page.read_text(encoding="utf-8")
        assert 'data-fgpt-diagram="drawn"' in text and "import mermaid" not in text


def test_the_english_build_hands_missing_diagrams_to_the_chinese_builds_drawer(tmp_path):
    """One Chromium for both languages: the child's drawer sends what it cannot find in the cache, once, then the
    pages it left with slots; the drawing side queues a handed-over diagram once, with its own."""
    from multiprocessing import Pipe

    from followgpt.site.prerender import DiagramDrawer
    received, sent = Pipe(duplex=False)
    cache = tmp_path / "diagrams"
    cache.mkdir()
    child = DiagramDrawer(cache, tmp_path / "mermaid", {}, remote=sent)
    cached, missing = "graph LR\n  a --> b", "graph LR\n  c --> d"
    (cache / f"{child.key(cached)}.svg").write_text("<svg>cached</svg>", encoding="utf-8")
    page = "".join(f'<div class="mermaid">{source.replace(">", "&gt;")}</div>' for source in (cached, missing, missing))
    filled, left = child.fill(child.slot_page(page))
    assert left and "<svg>cached</svg>" in filled and filled.count("fgpt-diagram-slot") == 2
    child.fill_files([tmp_path / "en" / "index.html"])
    assert received.recv() == ("draw", child.key(missing), missing)          # once, and not the cached one
    assert received.recv() == ("fill", [str(tmp_path / "en" / "index.html")])
    assert not received.poll()

    parent = DiagramDrawer(cache, tmp_path / "mermaid", {})
    queued = []
    parent._enqueue = queued.append                                          # no Chromium in this test
    parent.slot_page(f'<div class="mermaid">{missing.replace(">", "&gt;")}</div>')
    parent.request(child.key(missing), missing)                              # the child needs the same one
    parent.request(child.key(cached), cached)                                # in the cache already
    other = "graph LR\n  e --> f"
    parent.request(parent.key(other), other)
    assert queued == [parent.key(missing), parent.key(other)] and parent.requested == 3
    assert set(parent.sources) == {parent.key(missing)}                     # its own page's diagrams only
