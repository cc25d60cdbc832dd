"""The page cache's own rules: keys follow content and settings, entries are whole or absent, pruning keeps only
what a build used. (That a build from the cache equals a clean build is tests/site/test_incremental.py.)"""

from __future__ import annotations

from followgpt.site.page_cache import ConvertedPage, PageCache, settings_signature


def entry(html: str = "<h1>T</h1>") -> ConvertedPage:
    return ConvertedPage(html=html, toc=[("T", "t", 1)], title="T", anchors={"t"},
                         links_to_anchors={"other.md": {"a": "other.md#a"}})


def test_key_changes_with_markdown_place_and_settings(tmp_path):
    cache = PageCache(tmp_path, settings_signature(["config"], ["zh"]))
    key = cache.key("a.md", "a/", "# T\n")
    assert key == cache.key("a.md", "a/", "# T\n")
    assert len({key, cache.key("a.md", "a/", "# T!\n"), cache.key("b.md", "a/", "# T\n"),
                cache.key("a.md", "b/", "# T\n")}) == 4
    for other in (settings_signature(["config 2"], ["zh"]), settings_signature(["config"], ["en"]),
                  settings_signature(["config"], ["zh", "a.md a/index.html a/"])):
        assert PageCache(tmp_path, other).key("a.md", "a/", "# T\n") != key


def test_round_trip_and_misses(tmp_path):
    cache = PageCache(tmp_path / "pages", "s")
    assert cache.get("k" * 64) is None
    cache.put("k" * 64, entry())
    again = PageCache(tmp_path / "pages", "s").get("k" * 64)
    assert again == entry()
    (tmp_path / "pages" / f"{'x' * 64}.pickle").write_bytes(b"not a pickle")
    assert cache.get("x" * 64) is None, "a damaged entry is a miss, not an error"
    assert not list((tmp_path / "pages").glob(".tmp-*")), "no half-written files are left"


def test_prune_removes_only_entries_unused_for_a_day(tmp_path):
    import os
    import time

    from followgpt.site.page_cache import UNUSED_FOR

    first = PageCache(tmp_path, "s")
    for name in "abc":
        first.put(name * 64, entry(f"<p>{name}</p>"))
    long_ago = time.time() - UNUSED_FOR - 60
    for name in "ab":
        os.utime(tmp_path / f"{name * 64}.pickle", (long_ago, long_ago))
    second = PageCache(tmp_path, "s")
    assert second.get("a" * 64) is not None          # used now: its time is refreshed
    assert second.prune() == 1                        # b: unused for over a day; c: recent (another project's)
    assert sorted(path.stem[0] for path in tmp_path.glob("*.pickle")) == ["a", "c"]
    assert PageCache(tmp_path, "s").prune(now=time.time() + 2 * UNUSED_FOR) == 2
