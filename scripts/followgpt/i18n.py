"""Interface strings of our own (Material localises its own UI), and the untranslated-page fallback."""

from __future__ import annotations

import datetime as dt

from followgpt import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}

UI = {
    "untranslated.title": {"zh": "本页尚未翻译", "en": "Not yet translated"},
    "reviewed.label": {"zh": "最后审阅", "en": "Last reviewed"},
    "untranslated.body": {
        "zh": "这一页还没有中文版本，下面暂时显示英文原文。欢迎按照贡献指南提交翻译。",
        "en": "This page has no English version yet, so the Chinese original is shown below. "
              "Translations are welcome: see the contributing guide.",
    },
}


def t(key: str, lang: str) -> str:
    return UI[key][lang]


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def reviewed_note(value, lang: str) -> dict | None:
    """What a page shows for its front matter's ``reviewed:`` date: {"label", "date" (ISO), "text" (for
    readers)}, or None when the page has no valid date (the FM-3 check reports that)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    if not isinstance(value, dt.date):
        return None
    text = (f"{value.year} 年 {value.month} 月 {value.day} 日" if lang == "zh"
            else f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}")
    return {"label": t("reviewed.label", lang), "date": value.isoformat(), "text": text}


def site_prefix(lang: str) -> str:
    """Where a language's site sits inside the whole site: '' for the default language, 'en/' for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def language_of(site_path: str) -> tuple[str, str]:
    """(language, path within that language's site) for a path relative to the whole site."""
    for lang in LANGUAGES:
        prefix = site_prefix(lang)
        if prefix and site_path.startswith(prefix):
            return lang, site_path[len(prefix):]
    return DEFAULT_LANGUAGE, site_path


def other_language(lang: str) -> str:
    (other,) = [code for code in LANGUAGES if code != lang]
    return other


def untranslated_page(source_markdown: str, lang: str) -> str:
    """The page shown in ``lang`` when only the other language has it.

    The original content is kept (so links, anchors and generated blocks still work), under a visible notice,
    and the page is kept out of this language's search index.
    """
    meta, body = split_front_matter(source_markdown)
    notice = f'!!! warning "{t("untranslated.title", lang)}"\n\n    {t("untranslated.body", lang)}\n'
    lines = body.splitlines()
    # Keep the H1 first so the page title stays the original's.
    for index, line in enumerate(lines):
        if line.startswith("# "):
            head, rest = lines[: index + 1], lines[index + 1:]
            break
    else:
        head, rest = [], lines
    front = "---\n" + meta + ("\n" if meta and not meta.endswith("\n") else "")
    front += "search:\n  exclude: true\nuntranslated: true\n---\n"
    return front + "\n".join(head) + "\n\n" + notice + "\n" + "\n".join(rest) + "\n"


def split_front_matter(markdown: str) -> tuple[str, str]:
    """(front matter text without the --- fences, body)."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            return markdown[4:end + 1].rstrip("\n"), markdown[end + 5:]
    return "", markdown


def site_url_for(url: str, from_lang: str, to_lang: str) -> str:
    """Base URL of ``to_lang``'s site given ``from_lang``'s base URL."""
    if not url:
        return ""
    root = url if url.endswith("/") else url + "/"
    if site_prefix(from_lang):
        root = root[: -len(site_prefix(from_lang))]
    return root + site_prefix(to_lang)
