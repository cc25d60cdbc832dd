"""Content coverage the issues ask for: every model in the registry is discussed in a note, in both languages."""

from __future__ import annotations

import pytest

from followgpt.registry import load_registry
from followgpt.render import collect_usages
from projects import REPO


@pytest.fixture(scope="module")
def registry():
    return load_registry(REPO / "resources")


def notes(lang: str) -> dict[str, str]:
    docs = REPO / "docs" / lang
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_model_is_discussed_in_a_note(registry, lang):
    usages = collect_usages(notes(lang))
    undiscussed = [model_id for model_id in registry.models
                   if not [page for page in usages.pages("models", model_id) if not page.startswith("models/")]]
    assert undiscussed == [], f"models no {lang} note links to or quotes: {undiscussed}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_glossary_link_points_at_a_term(registry, lang):
    usages = collect_usages(notes(lang))
    unknown = sorted(term for term in usages.terms if term not in registry.glossary)
    assert unknown == []
