"""The benchmark's fixed page types (page weight and Lighthouse) name pages that exist, in both languages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from followgpt.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]


def test_every_page_type_is_a_page_of_both_languages_and_compare_names_real_models():
    from benchmarks.pages import PAGE_TYPES

    assert {"home", "note", "table", "tree", "model", "compare", "overview"} <= set(PAGE_TYPES)
    registry = load_registry(ROOT / "resources")
    for kind, path in PAGE_TYPES.items():
        url = urlsplit(path)
        page = url.path.rstrip("/") or "index"
        for lang in ("zh", "en"):
            docs = ROOT / "docs" / lang
            if page.startswith("models/"):   # model pages are generated from the registry
                assert page.removeprefix("models/") in registry.models, (kind, path)
            else:
                assert (docs / f"{page}.md").is_file() or (docs / page / "index.md").is_file(), (kind, lang, path)
        for ids in parse_qs(url.query).get("m", []):
            assert all(model_id in registry.models for model_id in ids.split(",")), (kind, path)


def test_the_rotating_lighthouse_sample_leaves_out_the_fixed_pages(tmp_path):
    from benchmarks.lighthouse import rotating_sample

    for prefix, paths in (("", ["", "data/overview/", "data/compare/", "gpt/gpt-2/"]),
                          ("en/", ["", "data/overview/", "gpt/gpt-2/"])):
        (tmp_path / prefix).mkdir(parents=True, exist_ok=True)
        base = "https://example.org/" + prefix
        urls = "".join(f"<url><loc>{base}{path}</loc></url>" for path in paths)
        (tmp_path / prefix / "sitemap.xml").write_text(
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>', encoding="utf-8")
    assert sorted(rotating_sample(tmp_path, 10, day=1)) == [("en", "gpt/gpt-2/"), ("zh", "gpt/gpt-2/")]
