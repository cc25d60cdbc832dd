"""The dataset as published: changelog marker, Atom feed, cite blocks, versioned exports and their schema."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from followgpt.dataset import History, Version, diff_models
from followgpt.render import MarkerError, expand_page, export_schema, to_atom, to_csv, to_json

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def history(registry):
    now = {model_id: {"id": model_id, **{k: v for k, v in record.items() if k in ("name", "facts", "lineage")}}
           for model_id, record in registry.models.items()}
    before = {model_id: record for model_id, record in now.items() if model_id != "gpt-4"}
    before["gpt-2"] = {**now["gpt-2"], "facts": {**now["gpt-2"]["facts"],
                                                  "layers": {"value": 36, "source": "radford2019-gpt2"}}}
    after = {**now, "gpt-2": {**now["gpt-2"], "lifecycle": [{"event": "retired", "scope": "api",
                                                              "date": "2024-01-04", "source": "radford2019-gpt2"}]}}
    first = Version("2026.11.22", dt.date(2026, 11, 22), "a" * 40, before, diff_models({}, before), initial=True)
    second = Version("2026.12.05", dt.date(2026, 12, 5), "b" * 40, after, diff_models(before, after))
    return History([second, first])


def site_with(make_site, history, lang="zh"):
    site = make_site(lang)
    site.history, site.site_url = history, "https://example.org/followgpt/"
    return site


def test_changelog_lists_versions_newest_first_with_sources(make_site, history):
    page = expand_page("# 变更\n\n<!-- followgpt:changelog -->\n", page_path="data/changelog.md", lang="zh",
                       site=site_with(make_site, history)).markdown
    assert page.index("### 2026.12.05 { #v2026-12-05 }") < page.index("### 2026.11.22 { #v2026-11-22 }")
    assert "新增 [GPT-4](../models/gpt-4.md)" in page
    assert "层数由 36 改为 48[^radford2019-gpt2]" in page
    assert "2024 年 1 月 4 日从 API 下线" in page
    assert "首个公开版本，收录" in page
    english = expand_page("# Changes\n\n<!-- followgpt:changelog limit=1 -->\n", page_path="data/changelog.md",
                          lang="en", site=site_with(make_site, history, "en")).markdown
    assert "changed from 36 to 48" in english and "2026.11.22" not in english


def test_changelog_without_history_fails_the_page(make_site):
    with pytest.raises(MarkerError, match="dataset history"):
        expand_page("<!-- followgpt:changelog -->\n", page_path="x.md", lang="zh", site=make_site("zh"))


def test_feed_is_valid_atom_with_stable_ids_and_absolute_links(registry, history):
    text = to_atom(history, registry, "en", "https://example.org/followgpt/en/")
    assert text == to_atom(history, registry, "en", "https://example.org/followgpt/en/")
    feed = ET.fromstring(text)
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert "GPT-4 added" in titles and any("retired from the API" in title for title in titles)
    assert len({entry.findtext(f"{ATOM}id") for entry in entries}) == len(entries)
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert all(link.startswith("https://example.org/followgpt/en/") for link in links)
    assert "https://example.org/followgpt/en/models/gpt-4/" in links
    assert feed.findtext(f"{ATOM}updated") == "2026-12-05T00:00:00Z"


def test_feed_never_announces_unreleased_edits(registry, history):
    history.versions.insert(0, Version("unreleased", dt.date(2026, 12, 6), "", {}, diff_models(
        history.versions[0].models, {})))
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(to_atom(history, registry, "zh", "https://x.org/"))
              .findall(f"{ATOM}entry")]
    assert not any("移除" in title for title in titles)


def test_model_page_and_dataset_cite_blocks_name_the_version(make_site, history):
    site = site_with(make_site, history, "en")
    page = expand_page("<!-- followgpt:model-page id=gpt-3 -->\n", page_path="models/gpt-3.md", lang="en",
                       site=site).markdown
    assert "## Cite this { #cite data-search-exclude }" in page
    assert "dataset version 2026.12.05. https://example.org/followgpt/models/gpt-3/" in page
    assert "@misc{followgpt-gpt-3," in page and "version = {2026.12.05}" in page
    dataset = expand_page("<!-- followgpt:cite -->\n", page_path="data/downloads.md", lang="zh",
                          site=site_with(make_site, history)).markdown
    assert "FollowGPT 贡献者.《FollowGPT 模型登记表》，数据版本 2026.12.05" in dataset


def test_exports_carry_the_version_and_validate_against_the_published_schema(registry):
    data = json.loads(to_json(registry, "2026.12.05"))
    assert data["dataset_version"] == "2026.12.05"
    jsonschema.Draft202012Validator(export_schema()).validate(data)
    rows = list(csv.DictReader(io.StringIO(to_csv(registry, "2026.12.05"))))
    assert rows and {row["dataset_version"] for row in rows} == {"2026.12.05"}


def test_export_schema_rejects_what_the_registry_rejects(registry):
    data = json.loads(to_json(registry, "2026.12.05"))
    data["models"][0]["facts"]["parameters"] = {"value": "175B", "source": "x"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(export_schema()).validate(data)
    data = json.loads(to_json(registry, "v1"))
    with pytest.raises(jsonschema.ValidationError, match="does not match"):
        jsonschema.Draft202012Validator(export_schema()).validate(data)


def test_the_real_registry_export_validates_against_the_published_schema():
    from pathlib import Path

    from followgpt.registry import load_registry
    real = load_registry(Path(__file__).resolve().parents[2] / "resources")
    jsonschema.Draft202012Validator(export_schema()).validate(json.loads(to_json(real, "2026.12.05")))
