"""Build tests: tiny real projects and the real site, built with MkDocs through the project's hook."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from projects import REPO, make_project
from followgpt.site.build import build_site

pytestmark = pytest.mark.slow

ZH_INDEX = "---\ndescription: 首页\n---\n\n# 首页\n\n预训练与微调。见[笔记](note.md#sec)。\n"
EN_INDEX = "---\ndescription: Home\n---\n\n# Home\n\nPre-training and fine-tuning. See [the note](note.md#sec).\n"
ZH_NOTE = ("# 笔记\n\n## 一节 { #sec }\n\n指令微调与人类反馈强化学习。\n\n"
           "```mermaid\nflowchart LR\n  a[\"GPT-1\"] --> b[\"GPT-2\"]\n```\n")


# The small valid fixture registry: a tiny project on the real registry would also build all its model pages.
FIXTURE_RESOURCES = REPO / "tests" / "registry" / "fixtures" / "valid"


def tiny(tmp_path: Path, resources: Path = FIXTURE_RESOURCES, **extra: str) -> Path:
    pages = {"zh/index.md": ZH_INDEX, "en/index.md": EN_INDEX, "zh/note.md": ZH_NOTE, **extra}
    return make_project(tmp_path / "project", pages, nav="- index.md\n- note.md\n", resources=resources)


def pages_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html") if "en" not in p.relative_to(site).parts[:1]}


def test_tiny_site_builds_both_languages_with_the_same_paths(tmp_path):
    project = tiny(tmp_path)
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    zh = {p for p in pages_of(site) if not p.startswith(("models/", "assets/"))}
    en = {p.relative_to(site / "en").as_posix() for p in (site / "en").rglob("index.html")}
    assert {"index.html", "note/index.html"} <= zh
    assert zh <= en
    note_en = (site / "en" / "note" / "index.html").read_text(encoding="utf-8")
    assert "Not yet translated" in note_en and 'lang="en"' in note_en  # the fallback is visible, not silent
    home_zh = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="en/"' in home_zh and 'hreflang="en"' in home_zh  # the switch lands on the same page


def test_untranslated_page_is_kept_out_of_that_languages_search(tmp_path):
    project = tiny(tmp_path)
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    en_index = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in en_index["docs"] if doc["location"].startswith("note/")]


def test_mermaid2_parses_only_pages_with_diagrams_for_the_browser(tmp_path, monkeypatch):
    """mkdocs-mermaid2 parses a page with BeautifulSoup whenever its HTML contains the word "mermaid"; a page that
    only mentions mermaid is not parsed, and still reads (and is found) as "mermaid"."""
    import mermaid2.plugin
    parsed = []
    soup = mermaid2.plugin.BeautifulSoup
    monkeypatch.setattr(mermaid2.plugin, "BeautifulSoup", lambda text, *args: parsed.append(text) or soup(text, *args))
    monkeypatch.setenv("FOLLOWGPT_PARALLEL", "0")
    monkeypatch.setenv("FOLLOWGPT_PRERENDER", "0")     # the diagram stays for the browser: mermaid2's job
    project = tiny(tmp_path, **{"zh/prose.md": "# 图\n\n画图请用 mermaid。\n"})
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    assert len(parsed) == 2 and all('class="mermaid"' in page for page in parsed)   # the note, in both languages
    prose = (site / "prose" / "index.html").read_text(encoding="utf-8")
    assert "画图请用 mermaid。" in prose and "&#109;" not in prose
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("mermaid" in doc["text"] for doc in index["docs"] if doc["location"].startswith("prose/"))


def test_failed_strict_build_leaves_the_previous_site_untouched(tmp_path, caplog):
    project = tiny(tmp_path, **{"en/note.md": "# Note\n\nA [dead link](missing.md).\n"})
    site = tmp_path / "site"
    site.mkdir()
    (site / "previous.txt").write_text("the last good build", encoding="utf-8")
    with pytest.raises(Exception):
        build_site(project / "mkdocs.yml", site)
    # Only the English page is broken: the English build's forked child failed and the Chinese build said so.
    assert "The English site failed to build" in caplog.text
    assert [p.name for p in site.iterdir()] == ["previous.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no half-written temp folder


# -- the real site ------------------------------------------------------------------------------------------

class AssetRefs(HTMLParser):
    """Collects URLs a page loads: scripts, stylesheets/icons/preloads, images, iframes, inline-style url()."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload", "modulepreload", "manifest"}:
            self.urls.append(attrs.get("href") or "")
        if tag in {"img", "iframe", "source", "audio", "video", "embed"} and attrs.get("src"):
            self.urls.append(attrs["src"])
        self.in_style = tag == "style"
        if attrs.get("style"):
            self.urls += re.findall(r"url\(([^)]+)\)", attrs["style"])

    def handle_data(self, data):
        if self.in_style:
            self.urls += re.findall(r"url\(([^)]+)\)", data) + re.findall(r"@import\s+['\"]([^'\"]+)", data)


EXTERNAL = re.compile(r"^\s*['\"]?(https?:)?//", re.I)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_real_site_has_the_same_pages_in_both_languages(built_site):
    zh = {p.relative_to(built_site).as_posix() for p in html_pages(built_site)
          if p.relative_to(built_site).parts[0] != "en"}
    en = {p.relative_to(built_site / "en").as_posix() for p in html_pages(built_site / "en")}
    assert zh == en
    assert len(zh) > 50


def test_real_site_loads_nothing_from_other_hosts(built_site):
    offenders = []
    for page in html_pages(built_site):
        parser = AssetRefs()
        parser.feed(page.read_text(encoding="utf-8"))
        offenders += [f"{page.relative_to(built_site)}: {url}" for url in parser.urls if EXTERNAL.match(url)]
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        urls = re.findall(r"url\(([^)]+)\)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        offenders += [f"{css.relative_to(built_site)}: {url}" for url in urls if EXTERNAL.match(url)]
    for js in [*built_site.rglob("*.js"), *built_site.rglob("*.mjs")]:
        text = js.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{js.relative_to(built_site)}: {m}" for m in re.findall(r"https?://fonts\.(?:googleapis|gstatic)\.com", text)]
    assert offenders == []


class ArticleText(HTMLParser):
    """The text a reader sees in a page's article, code and drawings left out."""

    SKIPPED = {"code", "pre", "script", "style", "svg", "kbd"}

    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.skipped = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.in_article += 1
        elif tag in self.SKIPPED:
            self.skipped += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        elif tag in self.SKIPPED:
            self.skipped -= 1

    def handle_data(self, data):
        if self.in_article and not self.skipped:
            self.parts.append(data)


# Markdown that was meant to be read by Python-Markdown and reached the reader as text instead.
LEFTOVER_MARKDOWN = re.compile(r"\{\s*[:.#][\w-]|\[\^[\w.-]+\]|\]\((?:https?:|\.\.?/|[\w/-]+\.md)|\*\*\S")


def test_no_page_shows_markdown_syntax_as_text(built_site):
    leftovers = []
    for page in html_pages(built_site):
        parser = ArticleText()
        parser.feed(page.read_text(encoding="utf-8"))
        text = "".join(parser.parts)
        leftovers += [f"{page.relative_to(built_site)}: …{text[max(0, m.start() - 30):m.end() + 30]}…"
                      for m in LEFTOVER_MARKDOWN.finditer(text)]
    assert leftovers == []


def test_mermaid_loads_only_where_a_diagram_is_left_to_the_browser(built_site):
    drawn_at_build = 0
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        left_to_browser = html.count('<div class="mermaid">')        # drawn diagrams carry data attributes
        drawn_at_build += html.count('<div class="mermaid" data-fgpt-diagram="drawn"')
        assert ("mermaid.esm.min.mjs" in html) == bool(left_to_browser), page.relative_to(built_site)
    # the test machine has Chromium, so the build draws every diagram itself (tests/site/test_prerender.py
    # covers the client-side path)
    assert drawn_at_build > 50


def test_drawn_diagrams_and_tables_have_their_final_size_before_any_script_runs(built_site):
    """The two causes of layout shift found on phones (issue 13): a drawn diagram must sit in a box sized from its
    SVG (a placeholder height swapped for the real one moved the text below it), and each table must already be
    in the wrappers Material's script would add."""
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        drawn = html.count('data-fgpt-diagram="drawn"')
        assert html.count('<div class="fgpt-diagram-box" style="width: clamp(') == drawn, page.relative_to(built_site)
        assert html.count("aspect-ratio: ") >= drawn, page.relative_to(built_site)
        assert html.count("<table>") == html.count('<div class="md-typeset__table"><table>'), page.relative_to(built_site)
        assert "fgpt-diagram-slot" not in html


def load_index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def tokens(index: dict, field: str = "text") -> set[str]:
    words: set[str] = set()
    for doc in index["docs"]:
        for f in (field, "title", "terms"):
            words |= set(re.split(r"[\s\u200b]+", doc.get(f, "")))
    return words


def test_chinese_index_keeps_dictionary_terms_whole_and_findable_by_parts(built_site):
    words = tokens(load_index(built_site))
    for term in ("人类反馈强化学习", "强化学习", "指令微调", "上下文学习", "思维链", "大语言模型"):
        assert term in words, term
    for part in ("强化", "学习", "微调", "指令", "上下文", "语言模型"):
        assert part in words, part


def test_each_language_has_its_own_index(built_site):
    zh, en = load_index(built_site), load_index(built_site / "en")
    assert zh["config"]["lang"] == ["zh"] and en["config"]["lang"] == ["en"]
    han = re.compile(r"[\u4e00-\u9fff]")
    en_titles_with_han = [d["title"] for d in en["docs"] if han.search(d["title"]) and not d["location"].startswith("glossary/")]
    assert len(en_titles_with_han) < len(en["docs"]) * 0.05, en_titles_with_han[:10]
    assert not [d for d in zh["docs"] if d["location"].startswith("en/")]


def _git(project: Path, *args: str, date: str) -> None:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "PATH": os.environ["PATH"]}
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, env=env)


def test_dataset_version_changelog_and_feed_come_from_the_projects_git_history(tmp_path):
    changelog = {"zh/changelog.md": "---\ndescription: 变更\n---\n\n# 变更\n\n<!-- followgpt:changelog -->\n",
                 "en/changelog.md": "---\ndescription: Changes\n---\n\n# Changes\n\n<!-- followgpt:changelog -->\n"}
    project = make_project(tmp_path / "project", {"zh/index.md": ZH_INDEX, "en/index.md": EN_INDEX,
                                                  "zh/note.md": ZH_NOTE, **changelog},
                           nav="- index.md\n- note.md\n- changelog.md\n")
    (project / "resources").unlink()                     # a real copy, so the project's own git tracks it
    shutil.copytree(REPO / "resources", project / "resources")
    _git(project, "init", "-q", "-b", "main", date="2026-11-22T10:00:00+00:00")
    _git(project, "add", "-A", date="2026-11-22T10:00:00+00:00")
    _git(project, "commit", "-q", "-m", "first", date="2026-11-22T10:00:00+00:00")
    models = project / "resources" / "models" / "openai-gpt.yaml"
    old = "context_length: {value: 2048, source: brown2020-gpt3"
    models.write_text(models.read_text(encoding="utf-8").replace(old, old.replace("2048", "4096"), 1),
                      encoding="utf-8")
    _git(project, "commit", "-q", "-am", "edit", date="2026-12-05T10:00:00+00:00")
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    page = (site / "en" / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "2026.12.05" in page and "Context length changed from 2,048 tokens to 4,096 tokens" in page
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.findtext(f"{atom}title") for entry in ET.parse(site / "en" / "feed.xml").getroot().iter(f"{atom}entry")]
    assert any("4,096" in title for title in titles)
    data = json.loads((site / "data" / "followgpt-registry.json").read_text(encoding="utf-8"))
    assert data["dataset_version"] == "2026.12.05"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="alternate feed" type="application/atom\+xml" href="feed.xml"', home)


def test_machine_pages_and_report_links(tmp_path):
    project = tiny(tmp_path, REPO / "resources",   # the real registry: its model pages are listed
                   **{"en/note.md": "---\ndescription: A note.\n---\n\n# Note\n\n## Part { #sec }\n\nSee [home](index.md).\n"})
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    llms = (site / "en" / "llms.txt").read_text(encoding="utf-8")
    assert llms.startswith("# FollowGPT\n\n> ")
    assert "- [Note](http://127.0.0.1:8000/en/note/index.md): A note." in llms
    assert "/en/models/gpt-3/index.md" in llms and "/en/data/followgpt-registry.json" in llms
    # The JSON API is written once, at the whole site's root; both llms.txt files point there.
    assert "](http://127.0.0.1:8000/api/models.json)" in llms
    assert "](http://127.0.0.1:8000/api/models.json)" in (site / "llms.txt").read_text(encoding="utf-8")
    assert not (site / "en" / "api").exists()
    index = json.loads((site / "api" / "models.json").read_text(encoding="utf-8"))
    assert index["format"] == "followgpt-models" and index["models"]
    for entry in index["models"]:
        document = json.loads((site / entry["json"]).read_text(encoding="utf-8"))
        assert document["id"] == entry["id"] and document["dataset_version"] == index["dataset_version"]
        assert all((site / page / "index.html").is_file() for page in entry["pages"].values())
    assert json.loads((site / "api" / "model.schema.json").read_text(encoding="utf-8"))["title"]
    copy = (site / "en" / "note" / "index.md").read_text(encoding="utf-8")
    assert "[home](http://127.0.0.1:8000/en/)" in copy
    assert "## Part { #sec }" in copy
    assert (site / "llms.txt").read_text(encoding="utf-8").count("/models/") > 10
    model = (site / "models" / "gpt-3" / "index.md").read_text(encoding="utf-8")
    assert model.startswith("# GPT-3") and "<!-- followgpt:" not in model
    note = (site / "en" / "note" / "index.html").read_text(encoding="utf-8")
    assert 'class="fgpt-report"><a href="https://github.com/' in note and "template=content-error.yml" in note


def test_compare_script_loads_only_on_the_compare_pages(built_site):
    loading = sorted(page.relative_to(built_site).as_posix() for page in html_pages(built_site)
                     if "followgpt-compare.mjs" in page.read_text(encoding="utf-8"))
    assert loading == ["data/compare/index.html", "en/data/compare/index.html"]
    assert (built_site / "api" / "models.json").is_file() and (built_site / "assets" / "followgpt-format.mjs").is_file()
