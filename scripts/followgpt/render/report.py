""""Report a problem" links: plain links that open the project's content-error issue form on GitHub with the page
(and on model pages the field) filled in. Nothing is loaded from GitHub until a reader clicks."""

from __future__ import annotations

from urllib.parse import urlencode

ISSUE_FORM = "content-error.yml"          # .github/ISSUE_TEMPLATE/content-error.yml; its input id is "page"
TITLE_PREFIX = "[内容错误 / Content] "


def report_url(repository: str, page: str, field: str | None = None, title: str = "") -> str:
    """The issue-form URL for ``repository`` ("owner/name") about ``page`` (its URL) and, optionally, one registry
    field (``gpt-3.parameters``)."""
    where = f"{page} · {field}" if field else page
    query = {"template": ISSUE_FORM, "title": TITLE_PREFIX + (f"{title} · {field}" if field and title else
                                                              title or field or page), "page": where}
    return f"https://github.com/{repository}/issues/new?{urlencode(query)}"
