"""The search cache's pure parts: what keys a page's entries, and how kept and fresh entries are put in order."""

from __future__ import annotations

from followgpt.site.search_cache import merge_entries, page_of, search_input


def test_search_input_changes_with_everything_the_search_plugin_reads():
    base = search_input("<p>x</p>", "T", "T - #t\n", "a/", {"title": None})
    assert base == search_input("<p>x</p>", "T", "T - #t\n", "a/", {"description": "not read by search"})
    assert len({base, search_input("<p>y</p>", "T", "T - #t\n", "a/", {}), search_input("<p>x</p>", "U", "T - #t\n", "a/", {}),
                search_input("<p>x</p>", "T", "U - #u\n", "a/", {}), search_input("<p>x</p>", "T", "T - #t\n", "b/", {}),
                search_input("<p>x</p>", "T", "T - #t\n", "a/", {"search": {"boost": 2}}),
                search_input("<p>x</p>", "T", "T - #t\n", "a/", {"tags": ["x"]})}) == 7


def test_merge_puts_every_page_in_the_plugins_order():
    written = [{"location": "", "title": "Home"}, {"location": "#intro", "title": "Intro"},
               {"location": "models/gpt-3/", "title": "GPT-3"}, {"location": "models/gpt-3/#facts", "title": "Facts"}]
    kept = [{"location": "a/", "title": "A (kept)"}]
    merged, found = merge_entries(written, [("", None), ("a/", kept), ("models/gpt-3/", None), ("excluded/", None)])
    assert [doc["title"] for doc in merged] == ["Home", "Intro", "A (kept)", "GPT-3", "Facts"]
    assert found == {"": written[:2], "models/gpt-3/": written[2:], "excluded/": []}
    assert page_of("models/gpt-3/#facts") == "models/gpt-3/" and page_of("#intro") == ""
