"""The real registry in resources/ validates."""

from __future__ import annotations

from pathlib import Path

import pytest

from followgpt.registry import RegistryError, load_registry

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


@pytest.mark.skipif(not any((RESOURCES / "models").glob("*.yaml")),
                    reason="resources/models/ has no model files yet (the registry data is still being written)")
def test_real_registry_validates():
    try:
        registry, problems = load_registry(RESOURCES), None
    except RegistryError as error:
        registry, problems = None, str(error)
    if problems:
        pytest.fail(problems, pytrace=False)
    assert registry.models and registry.sources and registry.organizations
