"""The dataset's changes as an Atom feed (RFC 4287), one feed per language: a reader's feed reader shows
"DeepSeek-V4 added" or "GPT-4: retired from ChatGPT". Deterministic: the same history gives the same bytes."""

from __future__ import annotations

import hashlib
from xml.sax.saxutils import escape, quoteattr

from .changes_text import INITIAL, VERSION, describe
from .labels import bilingual
from .links import absolute_page_url, model_page_path

FEED_FILE = "feed.xml"
CHANGELOG_PAGE = "data/changelog.md"
MAX_ENTRIES = 200
COLON = {"zh": "：", "en": ": "}
FEED_TITLES = {"zh": "FollowGPT 数据更新", "en": "FollowGPT data updates"}
SUBTITLES = {"zh": "FollowGPT 模型登记表的每一处变更：新增模型、更正数值、状态变化。",
             "en": "Every change to the FollowGPT model registry: models added, values corrected, statuses changed."}


def _absolute(site_url: str, path: str) -> str:
    return absolute_page_url(site_url or "/", path)


def _entry_id(site_url: str, key: str) -> str:
    return "urn:sha1:" + hashlib.sha1((site_url + "\n" + key).encode("utf-8")).hexdigest()


def to_atom(history, registry, lang: str, site_url: str) -> str:
    """The feed XML. ``site_url`` is this language's absolute site root (entries link into it)."""
    def name(model_id: str) -> str:
        record = registry.models.get(model_id)
        return bilingual(record["name"], lang) if record else model_id

    changelog_url = _absolute(site_url, CHANGELOG_PAGE)
    entries: list[str] = []
    for version in history.versions:
        if not version.released:
            continue                      # a feed follows what was published, never a local preview
        updated = f"{version.date.isoformat()}T00:00:00Z"
        anchor = "#v" + version.name.replace(".", "-")
        items = ([(f"{VERSION[lang]} {version.name}{COLON[lang]}" + INITIAL[lang].format(n=len(version.models)),
                   changelog_url + anchor, f"initial|{version.name}")] if version.initial else
                 [(describe(change, lang, name), _absolute(site_url, model_page_path(change.model))
                   if change.model in registry.models else changelog_url + anchor, change.key)
                  for change in version.changes])
        for title, link, key in items:
            entries.append(
                "  <entry>\n"
                f"    <title>{escape(title)}</title>\n"
                f"    <id>{_entry_id(site_url, key)}</id>\n"
                f"    <link rel=\"alternate\" href={quoteattr(link)}/>\n"
                f"    <updated>{updated}</updated>\n"
                f"    <summary>{escape(f'{VERSION[lang]} {version.name}')}</summary>\n"
                "  </entry>\n")
            if len(entries) >= MAX_ENTRIES:
                break
        if len(entries) >= MAX_ENTRIES:
            break
    newest = next((version for version in history.versions if version.released), None)
    updated = f"{newest.date.isoformat()}T00:00:00Z" if newest else "1970-01-01T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">\n'
        f"  <title>{escape(FEED_TITLES[lang])}</title>\n"
        f"  <subtitle>{escape(SUBTITLES[lang])}</subtitle>\n"
        f"  <id>{escape(_absolute(site_url, FEED_FILE))}</id>\n"
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(_absolute(site_url, FEED_FILE))}/>\n"
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(changelog_url)}/>\n"
        f"  <updated>{updated}</updated>\n"
        "  <author><name>FollowGPT</name></author>\n"
        + "".join(entries) + "</feed>\n")
