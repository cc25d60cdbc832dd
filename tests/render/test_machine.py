"""Pages for machines (Markdown copies, llms.txt) and "report a problem" links: pure functions."""

from urllib.parse import parse_qs, urlsplit

from followgpt.render.machine import MachinePage, absolute_links, llms_txt, markdown_copy_path, page_entry
from followgpt.render.report import report_url

SITE = "https://example.org/followgpt/en/"


def test_markdown_copies_sit_next_to_the_html():
    assert markdown_copy_path("index.md") == "index.md"
    assert markdown_copy_path("gpt/gpt-3.md") == "gpt/gpt-3/index.md"
    assert markdown_copy_path("models/index.md") == "models/index.md"


def test_relative_links_become_absolute_but_code_and_footnotes_stay():
    markdown = ("See [GPT-2](gpt-2.md#webtext), [glossary](../glossary.md), [top](#intro), [feed](../feed.xml),"
                " [ext](https://arxiv.org/abs/1) and a note.[^brown2020-gpt3]\n\n"
                "```text\n[not a link](gpt-2.md)\n```\n\n[ref]: ../models/gpt-3.md\n")
    out = absolute_links(markdown, "gpt/gpt-3.md", SITE)
    assert "[GPT-2](https://example.org/followgpt/en/gpt/gpt-2/#webtext)" in out
    assert "[glossary](https://example.org/followgpt/en/glossary/)" in out
    assert "[top](https://example.org/followgpt/en/gpt/gpt-3/#intro)" in out
    assert "[feed](https://example.org/followgpt/en/feed.xml)" in out
    assert "[ext](https://arxiv.org/abs/1)" in out and "[^brown2020-gpt3]" in out
    assert "[not a link](gpt-2.md)" in out
    assert "[ref]: https://example.org/followgpt/en/models/gpt-3/" in out


def test_llms_txt_follows_the_convention():
    page = MachinePage("gpt/gpt-3.md", "GPT-3", "Few-shot\nlearners.", "# GPT-3\n")
    text = llms_txt("FollowGPT", "A knowledge base.", "Details.", [
        ("The GPT line", [page_entry(page, SITE)]), ("Empty", []),
        ("Data files", [("feed.xml", SITE + "feed.xml", "Changes")])])
    assert text.startswith("# FollowGPT\n\n> A knowledge base.\n\nDetails.\n\n## The GPT line\n\n")
    assert "- [GPT-3](https://example.org/followgpt/en/gpt/gpt-3/index.md): Few-shot learners.\n" in text
    assert "## Empty" not in text and text.endswith("- [feed.xml](https://example.org/followgpt/en/feed.xml): Changes\n")


def test_report_links_prefill_the_issue_form():
    url = report_url("owner/repo", SITE + "models/gpt-3/", "gpt-3.parameters", "GPT-3")
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("github.com", "/owner/repo/issues/new")
    query = parse_qs(parts.query)
    assert query["template"] == ["content-error.yml"]
    assert query["page"] == [SITE + "models/gpt-3/ · gpt-3.parameters"]
    assert query["title"][0].endswith("GPT-3 · gpt-3.parameters")
