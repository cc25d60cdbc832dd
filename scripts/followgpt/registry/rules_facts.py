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
        yield entry.file.issue(path + ("value",), f"a value ({fact['value']}) is given but status is undisclosed: "
                               "status: undisclosed has no value; expected no `value` (a third-party figure goes "
                               "under `estimates:` with estimated_by, date and source) or another status (reported, "
                               "estimated, disputed)")
    if "estimates" in fact and status != "undisclosed":
        yield entry.file.issue(path + ("estimates",), f"estimates given but status is {status}; expected "
                               "`status: undisclosed` (estimates are attributed guesses at a withheld value; a "
                               "reported value needs none)")
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


# (smaller, larger): the first can never exceed the second.
BOUNDS = (("active_parameters", "parameters", "active parameters are part of the total"),
          ("experts_per_token", "experts", "a token is routed to some of the experts"),
          ("kv_heads", "heads", "key/value heads are shared by one or more query heads"),
          ("pretraining_context_length", "context_length", "the final context is the extended one"))


def check_fact_bounds(catalogue: Catalogue) -> Iterator[Issue]:
    for entry in catalogue.entries("models"):
        for small, large, why in BOUNDS:
            low, _ = _reported_value(entry.record, small)
            high, _ = _reported_value(entry.record, large)
            if _positive_number(low) and _positive_number(high) and low > high:
                yield entry.file.issue(entry.path + ("facts", small, "value"),
                                       f"{small} {low} is larger than {large} {high}; expected {small} ≤ {large} "
                                       f"({why})")


def check_dated_values(catalogue: Catalogue) -> Iterator[Issue]:
    """`since` / `earlier`: a value that changed over time, each earlier value with the date it stopped applying,
    oldest first, none after the current value's `since`."""
    for entry in catalogue.entries("models"):
        for name, fact in facts_of(entry.record):
            path = entry.path + ("facts", name)
            earlier = [(index, item) for index, item in enumerate(fact.get("earlier") or [])
                       if isinstance(item, dict)] if isinstance(fact.get("earlier"), list) else []
            if earlier and "since" not in fact:
                yield entry.file.issue(path, "earlier values given without `since`; expected `since:` with the "
                                       "date the current value took effect", at_key=True)
            if "since" in fact and not earlier and "value" not in fact:
                yield entry.file.issue(path + ("since",), "since given without a value; expected `value:` (the "
                                       "value that applies since that date)")
            since = as_date_text(fact.get("since"))
            previous = None
            for index, item in earlier:
                until = as_date_text(item.get("until"))
                if until is None:
                    continue
                if since and is_after(until, since):
                    yield entry.file.issue(path + ("earlier", index, "until"),
                                           f"earlier value until {until} is after since {since}; expected each "
                                           "earlier value to stop applying no later than the current value began")
                if previous and is_after(previous, until):
                    yield entry.file.issue(path + ("earlier", index, "until"),
                                           f"until {until} comes before the previous entry's until {previous}; "
                                           "expected earlier values in chronological order, oldest first")
                previous = until


def _positive_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
