#!/usr/bin/env python3
"""FollowGPT benchmark (`make bench`): build time against bare Material, renderer scaling, page weight, library
costs, search index size, serve edit-to-page latency, Lighthouse scores and the PDF edition's cost, with budgets.

Prints the figures, writes them to scripts/benchmarks/results.json and refreshes the generated section of
BENCHMARKS.md. Exits 1 when a budget is broken (the figures are written all the same).

    python scripts/benchmarks/run.py                 # everything (about 15 minutes on 2 cores)
    python scripts/benchmarks/run.py --quick         # fewer repetitions and sizes (a few minutes)
    python scripts/benchmarks/run.py --only lighthouse,pages
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/, for `benchmarks` and `followgpt`

from benchmarks import build_time, edition, lighthouse, pages, renderers, report, serve_latency  # noqa: E402
from benchmarks.common import CHROMIUM, PYTHON, REPO, free_port, log, run_child  # noqa: E402
from benchmarks.static_server import StaticServer  # noqa: E402

RESULTS = Path(__file__).with_name("results.json")
SECTIONS = ("build", "render", "pages", "lighthouse", "serve", "edition")
RENDER_GROWTH_LIMIT = 1.3   # time ∝ models^k: above this between 1,000 and 10,000 models is not "about linear"
# Ratios to bare Material measured in the same run (issue 13): builds, and edit-to-page under mkdocs serve.
BUILD_RATIO_LIMITS = {"clean": 3.5, "second": 2.0}
SERVE_RATIO_LIMITS = {"note": 2.5, "registry": 3.5}


def environment() -> dict:
    def version(args):
        try:
            return subprocess.run(args, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
        except Exception:
            return None
    packages = {}
    try:
        from importlib.metadata import version as pkg_version
        for name in ("mkdocs", "mkdocs-material", "mkdocs-mermaid2-plugin", "pymdown-extensions", "jieba"):
            packages[name] = pkg_version(name)
    except Exception:
        pass
    client = json.loads((REPO / "package.json").read_text())["dependencies"]
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "chromium": version([CHROMIUM, "--version"]),
        "node": version(["node", "--version"]),
        "packages": packages,
        "client_libraries": client,
    }


# The site as deployed (diagrams drawn to SVG at build time when Chromium is installed, as it is wherever
# `make test`/`make build` ran) and as a machine without Chromium builds it (diagrams drawn in the browser).
VARIANTS = {"deployed": {}, "client": {"FOLLOWGPT_PRERENDER": "0"}}


def build_served_site(work: Path, port: int, extra_env: dict[str, str]) -> Path:
    """The real site, built with its canonical URL on the loopback port it is served from."""
    site = work / "site"
    run = run_child([PYTHON, "-m", "followgpt", "build", "--no-strict", "-d", str(site)],
                    extra_env={"SITE_URL": f"http://127.0.0.1:{port}/", **extra_env})
    if run.returncode != 0:
        raise RuntimeError("building the site failed:\n" + run.output[-3000:])
    return site


def budget_report(results: dict) -> list[str]:
    broken = []
    build = results.get("build", {})
    for label, figures in (("today's site", build), ("3× synthetic site", build.get("synthetic") or {})):
        for kind, limit in BUILD_RATIO_LIMITS.items():
            ratio = figures.get(f"{kind}_ratio")
            if ratio is not None and ratio > limit:
                broken.append(f"build, {label}: {kind} build {ratio:.2f}× bare Material (limit {limit}×)")
    serve = results.get("serve", {})
    for kind, limit in SERVE_RATIO_LIMITS.items():
        ratio = serve.get(f"{kind}_ratio")
        if ratio is not None and ratio > limit:
            broken.append(f"serve: {kind} edit to page {ratio:.2f}× bare Material (limit {limit}×)")
    for key, result in results.get("lighthouse", {}).get("results", {}).items():
        if not key.startswith("deployed:"):
            continue  # the fallback build is reported, the budgets apply to what readers get
        for item in result.get("broken_budgets", []):
            broken.append(f"Lighthouse {key} ({result['path'] or '/'}): {item}")
    growth = results.get("render", {}).get("growth", {})
    for span, stages in growth.items():
        if not span.endswith("->10000"):
            continue
        for stage in ("render_total", "load_and_validate"):
            k = stages.get(stage)
            if k is not None and k > RENDER_GROWTH_LIMIT:
                broken.append(f"renderers: {stage} grows as models^{k:.2f} from {span.replace('->', ' to ')} "
                              f"models (limit: about linear, ≤ {RENDER_GROWTH_LIMIT})")
        k = stages.get("api_bytes_per_output_unit")   # the closure may grow faster; an entry's size must not
        if k is not None and k > RENDER_GROWTH_LIMIT:
            broken.append(f"JSON API: bytes grow as (models + relatives)^{k:.2f} from {span.replace('->', ' to ')} "
                          f"models (limit: about linear, ≤ {RENDER_GROWTH_LIMIT})")
    seconds = results.get("edition", {}).get("seconds")
    if seconds is not None and seconds > edition.SECONDS_LIMIT:
        broken.append(f"PDF edition: {seconds:.0f} s for both languages (limit {edition.SECONDS_LIMIT:.0f} s)")
    for size in results.get("render", {}).get("sizes", []):
        if "error" in size:
            broken.append(f"renderers: {size['models']} models: {size['error']}")
    return broken


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated: {', '.join(SECTIONS)}")
    parser.add_argument("--quick", action="store_true", help="1 build repetition, sizes up to 1,000, 1 Lighthouse run")
    parser.add_argument("--reps", type=int, default=None, help="build repetitions (default 3)")
    parser.add_argument("--synthetic-reps", type=int, default=None,
                        help="build repetitions on the 3× synthetic site (default: as --reps)")
    parser.add_argument("--serve-edits", type=int, default=None, help="edit rounds under mkdocs serve (default 3)")
    parser.add_argument("--lighthouse-runs", type=int, default=None, help="runs per page type and form factor (default 3)")
    parser.add_argument("--lighthouse-langs", default="zh", help="languages for Lighthouse (default zh)")
    parser.add_argument("--lighthouse-form-factors", default="mobile,desktop",
                        help="mobile and/or desktop for the fixed page types (default both)")
    parser.add_argument("--lighthouse-sample", type=int, default=None,
                        help="pages beyond the fixed page types, a different set each day, mobile (default 4)")
    parser.add_argument("--lighthouse-sites", default="deployed",
                        help="deployed (diagrams drawn at build time) and/or client (drawn in the browser)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave results.json and BENCHMARKS.md")
    args = parser.parse_args(argv)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    reps = args.reps or (1 if args.quick else 3)
    lh_runs = args.lighthouse_runs or (1 if args.quick else 3)

    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results = dict(previous)
    results["environment"] = environment()
    log(f"FollowGPT benchmark — {results['environment']['date']}, {results['environment']['cpus']} CPUs, "
        f"load {results['environment']['load_average'][0]:.1f}")
    stamp = results["environment"]["date"]

    if "build" in only:
        log(f"Build time, full bilingual site vs bare Material ({reps} repetitions, interleaved; clean, second, "
            "without Chromium; and on a 3× synthetic site):")
        results["build"] = {**build_time.measure(reps, args.synthetic_reps), "measured_at": stamp}
    if "render" in only:
        sizes = (100, 1_000) if args.quick else renderers.SIZES
        log(f"Renderers on synthetic registries of {', '.join(f'{s:,}' for s in sizes)} models:")
        results["render"] = {**renderers.measure(sizes), "measured_at": stamp}
    if "pages" in only or "lighthouse" in only or "edition" in only:
        lh_sites = [v for v in args.lighthouse_sites.split(",") if v]
        if not lh_sites or set(lh_sites) - set(VARIANTS):
            parser.error(f"--lighthouse-sites takes {' and/or '.join(VARIANTS)}")
        with contextlib.ExitStack() as stack:
            sites = {}
            for variant, extra_env in VARIANTS.items():
                port = free_port()
                work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"fgpt-bench-{variant}-")))
                log(f"Building the {variant} site for http://127.0.0.1:{port}/ …")
                site = build_served_site(work, port, extra_env)
                sites[variant] = (site, stack.enter_context(StaticServer(site, port)))
            if "edition" in only:
                log("PDF edition (python -m followgpt edition) of the deployed build:")
                results["edition"] = {**edition.measure(sites["deployed"][0]), "measured_at": stamp}
            if "pages" in only:
                log("Page weight per page type (gzip transfer), libraries, search index:")
                results["pages"] = {**pages.measure(sites), "measured_at": stamp}
            if "lighthouse" in only:
                langs = tuple(l for l in args.lighthouse_langs.split(",") if l)
                log(f"Lighthouse {lighthouse.VERSION} ({lh_runs} run(s) per case, median kept):")
                measured = {}
                sample_size = args.lighthouse_sample if args.lighthouse_sample is not None else (2 if args.quick else 4)
                sample = lighthouse.rotating_sample(sites["deployed"][0], sample_size)
                log(f"  rotating sample (mobile): {', '.join(f'{l}:/{p}' for l, p in sample) or 'none'}")
                for variant in lh_sites:
                    log(f"  [{variant}]")
                    one = lighthouse.measure(sites[variant][1], runs=lh_runs, langs=langs,
                                             form_factors=tuple(f for f in args.lighthouse_form_factors.split(",") if f),
                                             sample=sample if variant == "deployed" else ())
                    measured.update({f"{variant}:{key}": value for key, value in one.pop("results").items()})
                results["lighthouse"] = {**one, "sites": lh_sites, "results": measured, "measured_at": stamp}
    if "serve" in only:
        log("mkdocs serve against a bare Material serve: edit a note or a registry file, wait for the rebuilt page:")
        edits = args.serve_edits or (1 if args.quick else 3)
        results["serve"] = {**serve_latency.measure(edits), "measured_at": stamp}

    broken = budget_report(results)
    results["broken_budgets"] = broken
    print()
    print(report.summary(results))
    if not args.no_write:
        RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        report.update_benchmarks_md(REPO / "BENCHMARKS.md", results)
        log(f"\nWrote {RESULTS.relative_to(REPO)} and the figures in BENCHMARKS.md.")
    if broken:
        log("\nBudgets broken:\n  " + "\n  ".join(broken))
        return 1
    log("\nAll budgets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
