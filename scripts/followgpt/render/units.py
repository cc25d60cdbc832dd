"""Fact name → unit, the date facts and the event dates (knowledge_cutoff is a date but not an event), from the registry's vocabulary (its single source of truth)."""

from __future__ import annotations

from followgpt.registry.vocabulary import DATE_FACTS, EVENT_DATE_FACTS, FACTS

__all__ = ["DATE_FACTS", "EVENT_DATE_FACTS", "FACTS"]
