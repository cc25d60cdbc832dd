"""The model registry: load and validate resources/ (YAML + JSON Schema + cross-record rules).

Plain Python (PyYAML + jsonschema); never imports MkDocs.

    from followgpt.registry import load_registry
    reg = load_registry(Path("resources"))      # raises RegistryError with every problem found
    reg.models["gpt-3"], reg.fact("gpt-3", "parameters"), reg.children("gpt-2")
"""

from .issues import Issue, RegistryError
from .loader import load_registry, validate_registry
from .registry_api import Registry
from .vocabulary import EDGE_LABELS, EDGE_TYPES, FACT_LABELS, FACTS

__all__ = ["EDGE_LABELS", "EDGE_TYPES", "FACT_LABELS", "FACTS", "Issue", "Registry", "RegistryError",
           "load_registry", "validate_registry"]
