"""Pure helpers behind the MkDocs adapter: navigation, languages, untranslated pages, search terms."""

from pathlib import Path

import pytest

from followgpt.i18n import language_of, site_prefix, split_front_matter, untranslated_page
from followgpt.navigation import NavError, load_nav, nav_for, nav_pages
from followgpt.search_terms import glue_single_characters, tune_search_index, word_parts, words

REPO = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "nav.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_nav_is_localised_per_language(tmp_path):
    entries = load_nav(write(tmp_path, "- index.md\n- section: {zh: 基础, en: Basics}\n  pages: [a.md, b.md]\n"))
    assert nav_for(entries, "zh") == ["index.md", {"基础": ["a.md", "b.md"]}]
    assert nav_for(entries, "en") == ["index.md", {"Basics": ["a.md", "b.md"]}]
    assert nav_pages(entries) == ["index.md", "a.md", "b.md"]


@pytest.mark.parametrize("text, message", [
    ("- index\n", "page paths end in .md, got 'index'"),
    ("- section: {zh: 基础}\n  pages: [a.md]\n", "[0].section: expected titles for zh, en"),
    ("- {title: x}\n", "[0]: expected a page path or {section"),
    ("index.md\n", "expected a list of pages and sections"),
    ("- [unclosed\n", "not valid YAML"),
])
def test_nav_errors_say_where_and_what(tmp_path, text, message):
    with pytest.raises(NavError) as info:
        load_nav(write(tmp_path, text))
    assert message in str(info.value)


def test_real_nav_lists_every_page_once():
    pages = nav_pages(load_nav(REPO / "docs" / "nav.yaml"))
    assert len(pages) == len(set(pages))


def test_each_language_has_its_place_in_the_site():
    assert site_prefix("zh") == "" and site_prefix("en") == "en/"
    assert language_of("en/gpt/gpt-1/index.html") == ("en", "gpt/gpt-1/index.html")
    assert language_of("gpt/gpt-1/index.html") == ("zh", "gpt/gpt-1/index.html")
    assert language_of("english/index.html") == ("zh", "english/index.html")  # a prefix is a whole folder


def test_untranslated_page_keeps_title_and_content_under_a_notice():
    page = untranslated_page("---\ndescription: x\n---\n\n# GPT-1\n\nIntro.\n\n## A { #a }\n", "en")
    meta, body = split_front_matter(page)
    assert "description: x" in meta and "exclude: true" in meta and "untranslated: true" in meta
    lines = body.strip().splitlines()
    assert lines[0] == "# GPT-1"
    assert '!!! warning "Not yet translated"' in body
    assert body.index("Not yet translated") < body.index("Intro.") < body.index("## A { #a }")


def test_untranslated_page_without_front_matter_or_title():
    page = untranslated_page("Just text.\n", "zh")
    assert page.startswith("---\nsearch:\n  exclude: true\nuntranslated: true\n---\n")
    assert "本页尚未翻译" in page and "Just text." in page


@pytest.fixture
def rl_is_a_word():
    import jieba
    jieba.add_word("强化学习")  # as the user dictionary does in a real build
    yield
    jieba.del_word("强化学习")


def test_words_keep_long_words_whole_and_add_their_parts(rl_is_a_word):
    assert words("我们\u200b用\u200b强化学习") == ["我们", "强化学习", "强化", "学习"]


def test_word_parts_follow_the_words_own_segmentation(rl_is_a_word):
    import jieba
    jieba.add_word("人类反馈强化学习")
    try:
        assert word_parts("人类反馈强化学习") == ["人类", "反馈", "强化学习", "强化", "学习"]
    finally:
        jieba.del_word("人类反馈强化学习")
    assert "化学" not in word_parts("强化学习")  # straddles 强化|学习: would match "chemistry"
    assert "文学" not in word_parts("上下文学习")


def test_single_characters_are_glued_to_a_neighbour():
    assert glue_single_characters("为什么\u200b用\u200b强化学习") == "为什么\u200b用强化学习"
    assert glue_single_characters("模型\u200b的") == "模型的"
    assert glue_single_characters("GPT-3 <p>的</p>") == "GPT-3 <p>的</p>"  # a lone character stays as it is


def test_tune_search_index_keeps_display_text(tmp_path, rl_is_a_word):
    index = tmp_path / "search_index.json"
    index.write_text('{"config": {}, "docs": [{"location": "", "title": "为什么\u200b用\u200b强化学习", '
                     '"text": "<p>强化学习</p>"}, {"location": "a/", "title": "About", "text": "English only"}]}',
                     encoding="utf-8")
    assert tune_search_index(index) == 1
    import json
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    assert docs[0]["title"].replace("\u200b", "") == "为什么用强化学习"
    assert docs[0]["title_terms"].split("\u200b") == ["为什么", "什么", "强化学习", "强化", "学习"]
    assert docs[0]["terms"].split("\u200b") == ["强化学习", "强化", "学习"]
    assert "terms" not in docs[1] and docs[1]["text"] == "English only"
