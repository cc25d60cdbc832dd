"""The PDF edition's cost and size: both languages printed from a freshly built site, as `make build` does."""

from __future__ import annotations

import os
import time
from pathlib import Path

from followgpt.edition import print_editions

from .common import REPO, log

# The edition may add at most this much to `make test` (issue 17): the tests print both PDFs once.
SECONDS_LIMIT = 60.0


def measure(site: Path) -> dict:
    load = os.getloadavg()[0]
    start = time.perf_counter()
    printed = print_editions(site, REPO)
    total = time.perf_counter() - start
    result = {"seconds": round(total, 1), "load_average_before": round(load, 2),
              "languages": {p.lang: {"pages": p.pages, "mib": round(p.bytes / 2**20, 1), "seconds": round(p.seconds, 1)}
                            for p in printed}}
    for p in printed:
        log(f"  {p.lang}: {p.pages} pages, {p.bytes / 2**20:.1f} MiB, {p.seconds:.1f} s")
    log(f"  both languages (printed side by side): {total:.1f} s at load {load:.1f}")
    return result


def table(result: dict | None) -> list[str]:
    if not result:
        return []
    out = ["### PDF edition", "",
           f"Both languages printed side by side from the deployed build: **{result['seconds']} s** "
           f"(load {result['load_average_before']} before; the budget is {SECONDS_LIMIT:.0f} s added to `make test`).", "",
           "| language | pages | size | seconds |", "| --- | --- | --- | --- |"]
    out += [f"| {lang} | {v['pages']} | {v['mib']} MiB | {v['seconds']} |" for lang, v in result["languages"].items()]
    return out + [""]
