"""Rules inside a model's facts: status, consistency between facts, order of dates."""

from __future__ import annotations

from typing import Iterator

from .catalogue import Catalogue, Entry
from .dates import as_date_text, facts_of, is_after
from .issues import Issue

LATER_DATES = ("weights_date", "api_date")


def check_fact_status(catalogue: Catalogue) -> Iterator[Issue]:
    for entry in catalogue.entries("models"):
        for name, fact in facts_of(entry.record):
            yield from _status_issues(entry, name, fact)


def _status_issues(entry: Entry, name: str, fact: dict) -> Iterator[Issue]:
    path = entry.path + ("facts", name)
    status = fact.get("status", "reported")
    claims = fact.get("claims") if isinstance(fact.get("claims"), list) else []
    if status == "undisclosed" and "value" in fact:
        yield entry.file.issue(path + ("value",), "status: undisclosed has no value; expected either no `value` "
                               "or another status (reported, estimated, disputed)")
    if status in ("reported", "estimated") and "value" not in fact:
        yield entry.file.issue(path, f"missing value (status: {status}); expected `value:`, or `status: "
                               "undisclosed` if the owner withheld it, or leave the fact out if not looked up yet",
                               at_key=True)
    if status == "estimated" and "estimated_by" not in fact:
        yield entry.file.issue(path, "status: estimated needs estimated_by; expected who made the estimate",
                               at_key=True)
    if "estimated_by" in fact and status != "estimated":
        yield entry.file.issue(path + ("estimated_by",), f"estimated_by given but status is {status}; expected "
                               "`status: estimated`")
    if status == "disputed" and len(claims) < 2:
        yield entry.file.issue(path, f"status: disputed needs claims with two or more competing values; got "
                               f"{len(claims)}", at_key=True)
    if claims and status != "disputed":
        yield entry.file.issue(path + ("claims",), f"claims given but status is {status}; expected "
                               "`status: disputed`")


def _reported_value(record: dict, name: str):
    fact = record.get("facts", {}).get(name) if isinstance(record.get("facts"), dict) else None
    if isinstance(fact, dict) and fact.get("status", "reported") in ("reported", "estimated"):
        return fact.get("value"), bool(fact.get("note"))
    return None, False


def check_heads_divide_d_model(catalogue: Catalogue) -> Iterator[Issue]:
    for entry in catalogue.entries("models"):
        d_model, d_note = _reported_value(entry.record, "d_model")
        heads, h_note = _reported_value(entry.record, "heads")
        if not (_positive_int(d_model) and _positive_int(heads)) or d_note or h_note:
            continue
        if d_model % heads:
            yield entry.file.issue(entry.path + ("facts", "heads", "value"),
                                   f"heads {heads} does not divide d_model {d_model} (remainder {d_model % heads}); "
                                   "expected d_model divisible by heads, or a note on either fact explaining it")


def check_date_order(catalogue: Catalogue) -> Iterator[Issue]:
    for entry in catalogue.entries("models"):
        facts = dict(facts_of(entry.record))
        paper = facts.get("paper_date", {})
        paper_date = as_date_text(paper.get("value"))
        if paper_date is None:
            continue
        for name in LATER_DATES:
            later = facts.get(name, {})
            later_date = as_date_text(later.get("value"))
            if later_date and is_after(paper_date, later_date) and not (paper.get("note") or later.get("note")):
                yield entry.file.issue(entry.path + ("facts", "paper_date", "value"),
                                       f"paper_date {paper_date} is after {name} {later_date}; expected the paper "
                                       f"no later than the {name.replace('_date', '')} release, or a note on "
                                       "either fact explaining the order")


def _positive_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0
