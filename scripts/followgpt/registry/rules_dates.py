"""Every date is a real calendar date and not in the future."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from .catalogue import Catalogue
from .dates import as_date_text, calendar_problem, date_paths, earliest_day
from .issues import Issue


def check_dates(catalogue: Catalogue, today: dt.date) -> Iterator[Issue]:
    for file in catalogue.files:
        if file.document is None:
            continue
        for path in date_paths(file):
            text = as_date_text(file.value_at(path))
            if text is None:  # not written like a date: the schema check reports it
                continue
            problem = calendar_problem(text)
            if problem:
                yield file.issue(path, f"{problem}; expected a real calendar date YYYY-MM-DD, YYYY-MM or YYYY")
            elif earliest_day(text) > today:
                yield file.issue(path, f"date {text} is in the future (today is {today.isoformat()}); expected a "
                                 "date that has happened")
