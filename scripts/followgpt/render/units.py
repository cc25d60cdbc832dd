"""Fact name → unit and the date facts, from the registry's vocabulary (its single source of truth)."""

from __future__ import annotations

from followgpt.registry.vocabulary import DATE_FACTS, FACTS

__all__ = ["DATE_FACTS", "FACTS"]
