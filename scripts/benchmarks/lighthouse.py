"""Lighthouse scores per page type, mobile and desktop, against the site on a loopback URL.

Lighthouse comes from the npm registry, pinned, installed on first use into .cache/lighthouse/ (ignored by git;
install scripts off). It drives Debian's chromium through CHROME_PATH and never downloads a browser. Scores
vary from run to run, more so on a busy machine, so each page type and form factor runs several times and the
run with the median performance score is kept (Lighthouse's own advice for reducing variability). The load
average before each run and Lighthouse's benchmarkIndex are recorded, and each run first waits (up to 90 s) for
the load to drop below the core count: on a machine busy with other work, observed main-thread times grow and
the simulated mobile CPU (4× slower than the host) with them.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

from .common import CHROMIUM, REPO, log
from .pages import LANG_PREFIX, PAGE_TYPES

VERSION = "12.8.2"
INSTALL_DIR = REPO / ".cache" / "lighthouse"
BIN = INSTALL_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
BUDGETS = {  # category → minimum score (0–100); CLS separately
    "performance": 95, "accessibility": 95, "best-practices": 100, "seo": 100,
}
MAX_CLS = 0.1
METRICS = {"first-contentful-paint": "fcp_ms", "largest-contentful-paint": "lcp_ms", "total-blocking-time": "tbt_ms",
           "cumulative-layout-shift": "cls", "speed-index": "si_ms"}


def ensure_installed() -> Path:
    if BIN.is_file():
        return BIN
    log(f"  installing lighthouse@{VERSION} into {INSTALL_DIR.relative_to(REPO)}/ (npm registry; no browser download)")
    INSTALL_DIR.mkdir(parents=True, exist_ok=True)
    package = INSTALL_DIR / "package.json"
    if not package.exists():
        package.write_text('{"private": true, "description": "benchmark tooling, not part of the site"}\n')
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error",
                    f"lighthouse@{VERSION}"], cwd=INSTALL_DIR, check=True,
                   env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"})
    return BIN


def run_once(url: str, form_factor: str, timeout: float = 300) -> dict:
    with tempfile.TemporaryDirectory(prefix="fgpt-lh-") as tmp:
        report = Path(tmp) / "report.json"
        args = ["node", str(BIN), url, "--output=json", f"--output-path={report}", "--quiet",
                f"--chrome-flags={CHROME_FLAGS}"]
        if form_factor == "desktop":
            args.append("--preset=desktop")
        completed = subprocess.run(args, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True,
                                   text=True, timeout=timeout)
        if completed.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse failed on {url} ({form_factor}):\n{completed.stderr[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(f"lighthouse runtime error on {url}: {data['runtimeError']}")
    scores = {cid: round((cat["score"] or 0) * 100) for cid, cat in data["categories"].items()}
    metrics = {name: data["audits"][audit]["numericValue"] for audit, name in METRICS.items()}
    failing = {}
    for cid, cat in data["categories"].items():
        for ref in cat["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.setdefault(cid, []).append(f"{ref['id']} ({audit.get('displayValue') or audit['score']})")
    return {"scores": scores, "metrics": metrics, "failing_audits": failing,
            "benchmark_index": data.get("environment", {}).get("benchmarkIndex")}


def wait_for_quiet(limit_s: float = 90) -> float:
    """Lighthouse's simulated mobile CPU is the host's, slowed 4×: other work on the machine shows up as slower
    pages. Before a run, wait (up to ``limit_s``) for the 1-minute load average to drop below the core count."""
    cores = os.cpu_count() or 2
    waited = 0.0
    while os.getloadavg()[0] > cores and waited < limit_s:
        time.sleep(5)
        waited += 5
    return os.getloadavg()[0]


def budget_failures(result: dict) -> list[str]:
    broken = [f"{category} {result['scores'].get(category)} < {minimum}"
              for category, minimum in BUDGETS.items() if result["scores"].get(category, 0) < minimum]
    if result["metrics"]["cls"] >= MAX_CLS:
        broken.append(f"CLS {result['metrics']['cls']:.3f} ≥ {MAX_CLS}")
    return broken


def rotating_sample(site_dir: Path, size: int, day: int | None = None) -> list[tuple[str, str]]:
    """``size`` pages (language, path) beyond the fixed page types, a different set each day: every page of both
    languages (from the sitemaps), minus the fixed ones, taken in a fixed shuffled order from a position that
    moves with the date, so that successive runs cover the whole site."""
    import datetime as dt
    import random
    import xml.etree.ElementTree as ET

    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    pages = []
    for lang, prefix in LANG_PREFIX.items():
        sitemap = site_dir / prefix / "sitemap.xml"
        if not sitemap.is_file():
            continue
        locs = [loc.text.strip() for loc in ET.parse(sitemap).getroot().iter(f"{ns}loc") if loc.text]
        base = min(locs, key=len) if locs else ""
        pages += [(lang, loc[len(base):]) for loc in locs if loc.startswith(base)]
    fixed = {(lang, path.split("?")[0]) for lang in LANG_PREFIX for path in PAGE_TYPES.values()}
    candidates = sorted(set(pages) - fixed)
    random.Random(13).shuffle(candidates)
    if not candidates:
        return []
    day = dt.date.today().toordinal() if day is None else day
    start = (day * size) % len(candidates)
    return [candidates[(start + i) % len(candidates)] for i in range(min(size, len(candidates)))]


def measure(base_url: str, runs: int = 3, langs=("zh",), form_factors=("mobile", "desktop"),
            sample: list[tuple[str, str]] = ()) -> dict:
    """The fixed page types (``langs`` × ``form_factors``), then the ``sample`` pages (mobile only)."""
    ensure_installed()
    results = {}
    cases = [(lang, kind, path, form_factor) for lang in langs for kind, path in PAGE_TYPES.items()
             for form_factor in form_factors]
    cases += [(lang, f"sample {path or '(home)'}", path, "mobile") for lang, path in sample]
    for lang, kind, path, form_factor in cases:
        url = base_url + LANG_PREFIX[lang] + path
        attempts, loads = [], []
        for _ in range(runs):
            loads.append(wait_for_quiet())
            attempts.append(run_once(url, form_factor))
        load = max(loads)
        attempts.sort(key=lambda r: r["scores"].get("performance", 0))
        chosen = dict(attempts[len(attempts) // 2])
        chosen["performance_all_runs"] = [a["scores"].get("performance") for a in attempts]
        chosen["benchmark_index_all_runs"] = [a["benchmark_index"] for a in attempts]
        chosen["load_average_before"] = load   # the highest of the runs' starting loads
        chosen["path"] = LANG_PREFIX[lang] + path
        chosen["broken_budgets"] = budget_failures(chosen)
        results[f"{lang}:{kind}:{form_factor}"] = chosen
        s, m = chosen["scores"], chosen["metrics"]
        flag = "  BUDGET: " + "; ".join(chosen["broken_budgets"]) if chosen["broken_budgets"] else ""
        log(f"  {lang} {kind:<5} {form_factor:<7} perf {s.get('performance'):>3} "
            f"(runs {chosen['performance_all_runs']}) a11y {s.get('accessibility'):>3} "
            f"bp {s.get('best-practices'):>3} seo {s.get('seo'):>3}  LCP {m['lcp_ms'] / 1000:.1f}s "
            f"TBT {m['tbt_ms']:.0f}ms CLS {m['cls']:.3f} (load {load:.1f}){flag}")
    return {"version": VERSION, "runs_per_case": runs, "budgets": {**BUDGETS, "cls_below": MAX_CLS},
            "sample": [f"{lang}:/{LANG_PREFIX[lang]}{path}" for lang, path in sample], "results": results}
