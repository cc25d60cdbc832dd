"""What changed between two registry states: a pure diff of plain records."""

from followgpt.dataset import diff_models


def record(**fields):
    return {"name": {"zh": "M", "en": "M"}, "kind": "model", **fields}


def kinds(changes):
    return [(change.kind, change.model, change.item) for change in changes]


def test_added_and_removed_models():
    changes = diff_models({"old": record()}, {"new": record()})
    assert kinds(changes) == [("model-added", "new", ""), ("model-removed", "old", "")]


def test_value_corrected_old_to_new_with_the_new_source():
    before = {"m": record(facts={"heads": {"value": 32, "source": "a"}})}
    after = {"m": record(facts={"heads": {"value": 24, "source": "b", "where": "Table 2"}})}
    [change] = diff_models(before, after)
    assert (change.kind, change.item, change.old, change.new, change.source) == ("value-changed", "heads", 32, 24, "b")


def test_status_change_is_reported_as_such_not_as_a_value_change():
    before = {"m": record(facts={"parameters": {"value": 10, "source": "a"}})}
    after = {"m": record(facts={"parameters": {"status": "undisclosed", "source": "b"}})}
    [change] = diff_models(before, after)
    assert (change.kind, change.old, change.new) == ("status-changed", "reported", "undisclosed")


def test_added_and_removed_values_and_unchanged_records_give_nothing_else():
    before = {"m": record(facts={"layers": {"value": 12, "source": "a"}}), "same": record(access="api")}
    after = {"m": record(facts={"heads": {"value": 12, "source": "a"}}), "same": record(access="api")}
    assert kinds(diff_models(before, after)) == [("value-added", "m", "heads"), ("value-removed", "m", "layers")]


def test_dates_compare_by_value_whatever_their_type():
    import datetime as dt
    before = {"m": record(facts={"paper_date": {"value": dt.date(2020, 5, 28), "source": "a"}})}
    after = {"m": record(facts={"paper_date": {"value": "2020-05-28", "source": "a"}})}
    assert diff_models(before, after) == []


def test_new_lifecycle_events_only():
    retired = {"event": "retired", "scope": "api", "date": "2024-01-04", "source": "dep"}
    deprecated = {"event": "deprecated", "scope": "api", "date": "2023-07-06", "source": "dep"}
    before = {"m": record(lifecycle=[deprecated])}
    after = {"m": record(lifecycle=[deprecated, retired])}
    [change] = diff_models(before, after)
    assert (change.kind, change.item, change.new["date"], change.source) == ("lifecycle", "retired", "2024-01-04", "dep")


def test_lineage_edges_added_and_removed():
    before = {"m": record(lineage=[{"type": "based_on", "target": "a"}])}
    after = {"m": record(lineage=[{"type": "based_on", "target": "b", "source": "s"}])}
    assert [(c.kind, c.item, c.old, c.new) for c in diff_models(before, after)] == [
        ("lineage-added", "based_on", None, "b"), ("lineage-removed", "based_on", "a", None)]


def test_access_change_and_licence_rewrite_to_ids_is_not_news():
    before = {"m": record(access="api", license="Modified MIT License"), "n": record(license="mit")}
    after = {"m": record(access="closed", license="openai-gpt2-modified-mit"), "n": record(license="apache-2.0")}
    assert [(c.kind, c.model, c.old, c.new) for c in diff_models(before, after)] == [
        ("access-changed", "m", "api", "closed"), ("license-changed", "n", "mit", "apache-2.0")]


def test_change_keys_are_stable_and_distinct():
    before = {"m": record(facts={"heads": {"value": 32, "source": "a"}})}
    after = {"m": record(facts={"heads": {"value": 24, "source": "b"}})}
    first, second = diff_models(before, after), diff_models(before, after)
    assert first[0].key == second[0].key
    assert first[0].key != diff_models(after, before)[0].key
