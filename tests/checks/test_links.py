"""Links: form in the source (LINK-1…6), external links listed in a report, and the built HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from followgpt.checks.links import ExternalLink, check_site, url_problem, write_external_report
from followgpt.checks.project import Project
from projects import NOTE_HEADER_EN as EN, NOTE_HEADER_ZH as ZH, REPO

TARGET = ZH + "## 训练 { #training }\n\n内容。\n"


def links(check, body: str, extra: dict | None = None) -> list[str]:
    return check({"zh/gpt/a.md": ZH + body, "zh/gpt/b.md": TARGET, **(extra or {})}, only="links")


def test_link_1_absolute_html_and_directory_links(check):
    assert links(check, "见[甲](/gpt/b.md)、[乙](b.html)和[丙](../gpt/)。\n") == [
        'docs/zh/gpt/a.md:7: LINK-1 absolute link "/gpt/b.md" (use a path relative to this page, ending in .md, '
        'e.g. ../gpt/gpt-3.md)',
        'docs/zh/gpt/a.md:7: LINK-1 link "b.html" does not point at a .md file (link the Markdown file, e.g. '
        'gpt-3.md, so MkDocs can check and rewrite it)',
        'docs/zh/gpt/a.md:7: LINK-1 link "../gpt/" does not point at a .md file (link the Markdown file, e.g. '
        'gpt-3.md, so MkDocs can check and rewrite it)']


def test_link_2_vague_text_and_bare_urls(check):
    assert links(check, "详见[这里](b.md)，或 [click here](b.md)，或 [https://arxiv.org/abs/2005.14165]"
                        "(https://arxiv.org/abs/2005.14165)。\n") == [
        'docs/zh/gpt/a.md:7: LINK-2 link text "这里" does not say where the link goes (use the target\'s name as '
        'the text, e.g. [GPT-3 论文](…) / [the GPT-3 paper](…))',
        'docs/zh/gpt/a.md:7: LINK-2 link text "click here" does not say where the link goes (use the target\'s '
        'name as the text, e.g. [GPT-3 论文](…) / [the GPT-3 paper](…))',
        'docs/zh/gpt/a.md:7: LINK-2 link text is a bare URL "https://arxiv.org/abs/2005.14165" (use the page\'s '
        'title or the site\'s name as the text)']


def test_link_3_links_into_the_other_language(check):
    assert links(check, "见[英文版](../../en/gpt/b.md)。\n") == [
        'docs/zh/gpt/a.md:7: LINK-3 link "../../en/gpt/b.md" leaves the zh pages (link the page in this language '
        '(the language switch finds its translation))']


def test_link_4_malformed_external_urls(check):
    assert links(check, "见[论文](https://arxiv .org/abs/1)、[博客](https:///post)和[文件](ftp://example.com/a)。\n") == [
        'docs/zh/gpt/a.md:7: LINK-4 malformed external URL "https:///post": it has no host (copy the address '
        'from the browser\'s address bar)',
        'docs/zh/gpt/a.md:7: LINK-4 link with the unsupported scheme ftp: "ftp://example.com/a" (link web pages '
        'with https://, notes with relative .md paths)']


def test_url_problem():
    assert url_problem("https://arxiv.org/abs/2005.14165") is None
    assert url_problem("https://例子.中国/路径") is None
    assert url_problem("https://arxiv .org/") == "it contains a space (encode it as %20)"
    assert url_problem("http://localhost:8000/") == "it points at a private address"
    assert url_problem("https://exa_mple.com/") == "the host 'exa_mple.com' is not a valid name"
    assert url_problem("https://example.com:99999/") == "Port out of range 0-65535"


def test_link_5_missing_page_and_asset(check):
    assert links(check, "见[乙](c.md)、[图](../assets/x.svg)。\n") == [
        'docs/zh/gpt/a.md:7: LINK-5 link target "c.md" does not exist (no docs/zh/gpt/c.md) (did you mean '
        'gpt/b.md?)',
        'docs/zh/gpt/a.md:7: LINK-5 "../assets/x.svg" does not exist (add the file as docs/zh/assets/x.svg, or fix '
        'the path)']


def test_link_5_accepts_generated_pages_exports_and_the_other_languages_page(check):
    body = "见[GPT-3](../models/gpt-3.md)、[数据](../data/followgpt-registry.json)和[英文页](c.md)。\n"
    assert links(check, body, {"en/gpt/c.md": EN + "Text.\n"}) == []


def test_link_6_missing_anchor(check):
    assert links(check, "见[训练](b.md#trainig)和[本页](#nowhere)。\n") == [
        'docs/zh/gpt/a.md:7: LINK-6 gpt/b.md has no anchor #trainig (did you mean #training?)',
        "docs/zh/gpt/a.md:7: LINK-6 no anchor #nowhere on this page (link a heading's { #id }, or drop the "
        "#fragment)"]


def test_link_6_skips_pages_with_generated_blocks(check):
    glossary = ZH + "<!-- followgpt:glossary -->\n"
    assert links(check, "见[术语](../glossary.md#in-context-learning)。\n", {"zh/glossary.md": glossary}) == []


def test_external_links_are_collected_and_reported(make_project, tmp_path):
    from followgpt.checks.cli import run
    project = make_project({"zh/a.md": ZH + "见[论文](https://arxiv.org/abs/2005.14165)和<https://openai.com/>。\n",
                            "en/a.md": EN + "See [the paper](https://arxiv.org/abs/2005.14165).\n"})
    external: list[ExternalLink] = []
    run(project, only={"links"}, external=external)
    report = tmp_path / "report.md"
    external = [link for link in external if link.where.startswith("docs/")]  # not the registry's URLs
    assert write_external_report(external, report) == 2
    assert report.read_text(encoding="utf-8") == (
        "# External links\n\nChecked for form only (no network). Generated by `python -m followgpt check`; do not "
        "edit.\n\n2 distinct URLs on 2 hosts.\n\n## arxiv.org\n\n"
        "- <https://arxiv.org/abs/2005.14165> — docs/zh/a.md:7, docs/en/a.md:7\n\n"
        "## openai.com\n\n- <https://openai.com/> — docs/zh/a.md:7\n")


# -- the built site ----------------------------------------------------------------------------------------------


def _write(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


def test_check_site_finds_missing_pages_files_and_anchors(tmp_path):
    site = tmp_path / "site"
    _write(site, {
        "index.html": '<html><body>\n<a href="gpt/a/">a</a>\n<a href="gpt/a/#training">ok</a>\n'
                      '<a href="https://example.com/">out</a>\n</body></html>\n',
        "gpt/a/index.html": '<html><head><link rel="canonical" href="http://127.0.0.1:8000/gpt/a/">\n'
                            '<link rel="stylesheet" href="../../assets/missing.css"></head><body>\n'
                            '<h2 id="training">T</h2>\n<a href="../b/">b</a>\n<a href="../../#nope">top</a>\n'
                            '<img src="../../assets/x.svg" alt="x">\n</body></html>\n',
        "assets/x.svg": "<svg/>",
    })
    external: list[ExternalLink] = []
    assert [finding.text() for finding in check_site(site, external=external)] == [
        'site/gpt/a/index.html:2: LINK-5 "../../assets/missing.css" points at nothing in the built site (link an '
        'existing page or file with a relative .md link)',
        'site/gpt/a/index.html:4: LINK-5 "../b/" points at nothing in the built site (link an existing page or '
        'file with a relative .md link)',
        'site/gpt/a/index.html:5: LINK-6 "../../#nope": index.html has no id #nope (link a heading\'s { #id } on '
        'the target page)']
    assert external == [ExternalLink("https://example.com/", "index.html")]


def test_check_site_resolves_absolute_links_from_the_site_root(tmp_path):
    site = tmp_path / "site"
    _write(site, {"index.html": "<html></html>", "assets/x.svg": "<svg/>",
                  "404.html": '<html><body>\n<a href="/">home</a>\n<img src="/assets/x.svg" alt="x">\n'
                              '<img src="/followgpt/assets/x.svg" alt="x">\n<link rel="stylesheet" href="/nope.css">\n'
                              "</body></html>\n"})
    assert [finding.text() for finding in check_site(site)] == [
        'site/404.html:5: LINK-5 "/nope.css" points at nothing in the built site (link an existing page or file '
        'with a relative .md link)']


def test_check_site_reports_the_markdown_source(tmp_path, make_project):
    project = make_project({"zh/gpt/a.md": ZH + "见[乙](b.md#training)。\n", "zh/gpt/b.md": ZH + "内容。\n"})
    site = tmp_path / "site"
    _write(site, {"index.html": "<html></html>",
                  "gpt/a/index.html": '<html><body>\n<p><a href="../b/#training">乙</a></p>\n</body></html>\n',
                  "gpt/b/index.html": "<html><body><h1>b</h1></body></html>\n"})
    assert [finding.text() for finding in check_site(site, project)] == [
        'docs/zh/gpt/a.md:7: LINK-6 "../b/#training": gpt/b/index.html has no id #training (in the built page '
        'site/gpt/a/index.html:2) (link a heading\'s { #id } on the target page)']


@pytest.mark.slow
def test_the_real_built_site_has_no_broken_internal_links(built_site):
    assert [finding.text() for finding in check_site(built_site, Project(REPO))] == []


def test_registry_urls_are_form_checked_and_reported(tmp_path, make_project):
    import shutil

    from followgpt.checks.links import check_registry_urls
    resources = tmp_path / "resources"
    shutil.copytree(Project(REPO).resources, resources)
    path = resources / "sources" / "openai.yaml"
    text = path.read_text(encoding="utf-8")
    assert "url: https://arxiv.org/abs/2005.14165\n" in text
    line = text[: text.index("url: https://arxiv.org/abs/2005.14165")].count("\n") + 1
    # The schema already rejects spaces; a host that cannot exist passes it.
    path.write_text(text.replace("url: https://arxiv.org/abs/2005.14165\n", "url: https://arxiv_org/abs/2005.14165\n"),
                    encoding="utf-8")
    project = make_project({}, resources=resources)
    external: list[ExternalLink] = []
    findings = [finding.text() for finding in check_registry_urls(project, external)]
    record_line = text[: text.index("id: brown2020-gpt3")].count("\n") + 1
    assert findings == [
        f'resources/sources/openai.yaml:{record_line}: LINK-4 malformed URL "https://arxiv_org/abs/2005.14165" for '
        "brown2020-gpt3: the host 'arxiv_org' is not a valid name (copy the address from the browser's address bar)"]
    assert line > record_line
    assert ExternalLink("https://openai.com/", "resources/organizations.yaml:3") in external
