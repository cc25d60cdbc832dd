"""Ancestors and descendants: the transitive closure over typed lineage edges (and series membership)."""

from __future__ import annotations

from followgpt.registry import Registry


def edge(kind: str, target: str, evidence: str = "explicit") -> dict:
    return {"type": kind, "target": target, "evidence": evidence, "source": "s"}


def registry(**models) -> Registry:
    return Registry(models={model_id: {"id": model_id, **record} for model_id, record in models.items()})


# A DeepSeek-like line: a distilled student whose teacher was RL-trained from a base, and whose own weights
# came from another base that was further pre-trained from a general model.
LINE = dict(
    transformer={},
    qwen_base={"lineage": [edge("architecture_from", "transformer")]},
    qwen_math={"lineage": [edge("continued_pretraining_of", "qwen_base")]},
    v3_base={"lineage": [edge("architecture_from", "transformer", "inferred")]},
    r1={"lineage": [edge("rl_from", "v3_base")]},
    r1_distill={"lineage": [edge("distilled_from", "r1"), edge("fine_tuned_from", "qwen_math")]},
    family={"kind": "model-series", "lineage": [edge("successor_of", "qwen_base")]},
    member={"series": "family"},
)


def by_id(results):
    return {result["id"]: result for result in results}


def test_a_distilled_model_has_its_teacher_and_the_teachers_base_among_its_ancestors():
    reg = registry(**LINE)
    ancestors = by_id(reg.ancestors("r1_distill"))
    assert ancestors["r1"] == {"id": "r1", "relation": "distilled_from", "edge": "distilled_from", "via": None,
                               "distance": 1, "evidence": "explicit"}
    assert ancestors["v3_base"] == {"id": "v3_base", "relation": "distilled_from", "edge": "rl_from", "via": "r1",
                                    "distance": 2, "evidence": "explicit"}
    assert ancestors["qwen_base"]["via"] == "qwen_math"
    assert [step["edge"] for step in reg.path(ancestors, "qwen_base")] == ["fine_tuned_from", "continued_pretraining_of"]
    # Reached through the teacher first (file order of the edges breaks the tie between equal path lengths),
    # and the inferred edge on that path makes the whole path inferred.
    assert ancestors["transformer"]["via"] == "v3_base"
    assert [step["id"] for step in reg.path(reg.ancestors("r1_distill"), "transformer")] == ["r1", "v3_base", "transformer"]
    assert ancestors["transformer"]["distance"] == 3
    assert ancestors["transformer"]["evidence"] == "inferred"
    assert list(ancestors) == ["r1", "qwen_math", "v3_base", "qwen_base", "transformer"]   # nearest first


def test_an_rl_trained_model_has_its_base():
    ancestors = by_id(registry(**LINE).ancestors("r1"))
    assert ancestors["v3_base"]["relation"] == "rl_from"
    assert set(ancestors) == {"v3_base", "transformer"}


def test_descendants_mirror_ancestors():
    reg = registry(**LINE)
    for model_id in reg.models:
        for ancestor in reg.ancestors(model_id):
            assert model_id in by_id(reg.descendants(ancestor["id"])), (model_id, ancestor["id"])
        for descendant in reg.descendants(model_id):
            assert model_id in by_id(reg.ancestors(descendant["id"])), (model_id, descendant["id"])
    below = by_id(reg.descendants("v3_base"))
    assert below["r1"]["relation"] == "rl_from"
    assert below["r1_distill"] == {"id": "r1_distill", "relation": "rl_from", "edge": "distilled_from", "via": "r1",
                                   "distance": 2, "evidence": "explicit"}


def test_series_membership_is_an_edge_unless_turned_off():
    reg = registry(**LINE)
    ancestors = by_id(reg.ancestors("member"))
    assert ancestors["family"]["relation"] == "series_member"
    assert [step["edge"] for step in reg.path(ancestors, "qwen_base")] == ["series_member", "successor_of"]
    assert reg.ancestors("member", series=False) == []
    assert "member" in by_id(reg.descendants("family"))
    assert "member" not in by_id(reg.descendants("family", series=False))


def test_a_model_without_lineage_has_none_and_unknown_targets_are_skipped():
    reg = registry(alone={}, dangling={"lineage": [edge("based_on", "nowhere")]})
    assert reg.ancestors("alone") == [] and reg.descendants("alone") == []
    assert reg.ancestors("dangling") == []


def test_a_cycle_does_not_loop():
    reg = registry(a={"lineage": [edge("successor_of", "b")]}, b={"lineage": [edge("successor_of", "c")]},
                   c={"lineage": [edge("successor_of", "a")]})
    assert [result["id"] for result in reg.ancestors("a")] == ["b", "c"]
    assert [result["id"] for result in reg.descendants("a")] == ["c", "b"]


def test_unknown_model_raises():
    import pytest
    with pytest.raises(KeyError):
        registry().ancestors("nope")


def test_long_chain_is_fast():
    # 3000 records in a line: each lookup visits every record and edge once.
    import time
    chain = {f"m{i}": {"lineage": [edge("successor_of", f"m{i - 1}")]} if i else {} for i in range(3000)}
    reg = registry(**chain)
    started = time.perf_counter()
    assert len(reg.ancestors("m2999")) == 2999
    assert len(reg.descendants("m0")) == 2999
    assert time.perf_counter() - started < 2


def test_limit_keeps_the_nearest_and_count_gives_the_total():
    reg = registry(**LINE)
    assert reg.ancestors("r1_distill", limit=2) == reg.ancestors("r1_distill")[:2]
    assert reg.count_relatives("r1_distill", upward=True) == len(reg.ancestors("r1_distill")) == 5
    assert reg.count_relatives("transformer", upward=False) == len(reg.descendants("transformer"))
    assert reg.relatives("r1_distill", upward=True, limit=2) == (reg.ancestors("r1_distill")[:2], 5)
    chain = {f"m{i}": {"lineage": [edge("successor_of", f"m{i - 1}")]} if i else {} for i in range(20000)}
    big = registry(**chain)
    import time
    started = time.perf_counter()
    for model_id in ("m0", "m1", "m2", "m3", "m4"):   # a page's bounded view: linear, not quadratic, in the chain
        assert len(big.descendants(model_id, limit=40)) == 40
        assert big.count_relatives(model_id, upward=False) == 19999 - int(model_id[1:])
    assert time.perf_counter() - started < 2


def test_counts_and_bounded_walks_agree_with_whole_walks_on_random_graphs():
    import random
    rng = random.Random(7)
    for trial in range(30):
        size = rng.randint(2, 40)
        models = {}
        for i in range(size):
            targets = rng.sample(range(i), k=min(i, rng.randint(0, 3))) if i else []
            record = {"lineage": [edge(rng.choice(["successor_of", "fine_tuned_from"]), f"m{t}",
                                       rng.choice(["explicit", "inferred"])) for t in targets]}
            if i and rng.random() < 0.2:
                record["series"] = f"m{rng.randrange(i)}"
            if rng.random() < 0.1:
                record["lineage"].append(edge("successor_of", "missing"))    # a target outside the registry
            models[f"m{i}"] = record
        reg = registry(**models)
        for model_id in models:
            for upward, whole in ((True, reg.ancestors(model_id)), (False, reg.descendants(model_id))):
                assert reg.count_relatives(model_id, upward=upward) == len(whole), (trial, model_id, upward)
                for limit in (1, 2, 5, 50):
                    assert reg.relatives(model_id, upward=upward, limit=limit) == (whole[:limit], len(whole))


def test_counts_survive_a_cycle_the_validator_would_reject():
    reg = registry(a={"lineage": [edge("successor_of", "b")]}, b={"lineage": [edge("successor_of", "a")]},
                   c={"lineage": [edge("successor_of", "a")]})
    assert reg.count_relatives("c", upward=True) == len(reg.ancestors("c")) == 2
    assert reg.count_relatives("a", upward=False) == len(reg.descendants("a")) == 2
