"""Renderer time on synthetic registries of 100, 1,000 and 10,000 models: does it grow linearly?

Each size runs in its own child process (fresh imports, its own peak memory). The synthetic registry is the
real resources/ folder (schemas, organisations, sources, glossary) with models/ replaced by files of 100
models each: a binary lineage tree inside each file, the first model of each file fine-tuned from the first of
the previous one, every model with two dated and sourced facts. Timed separately: loading and validating the
registry; every model page (zh; past two minutes the rest are extrapolated from the pages done); one page holding a table of all models, the whole timeline, the models index
and one family tree per file; the three exports; the JSON API (every file of ``api/``, with its total size in
bytes and its number of ancestor and descendant entries).

The API's size grows with the transitive closure: in the synthetic registry every file descends from the first
model of the previous one, so the closure itself has about models²/200 entries and the bytes grow faster than
linearly however compact an entry is. ``api_bytes_per_entry`` (bytes over models + entries) is what must stay
flat: it grew with the length of the paths while every entry spelled out its whole path.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from pathlib import Path

from .common import PYTHON, REPO, log, run_child

SIZES = (100, 1_000, 10_000)
PER_FILE = 100

CHILD = r"""
import datetime as dt, json, sys, time
from pathlib import Path
from followgpt.registry import load_registry
from followgpt.render import (SiteContext, collect_usages, expand_page, model_page_path, model_page_stub,
                              to_bibtex, to_csv, to_json)

root, families = Path(sys.argv[1]), int(sys.argv[2])
timings = {}
t = time.perf_counter()
registry = load_registry(root)
timings["load_and_validate"] = time.perf_counter() - t

lang = "zh"
stubs = {model_page_path(m): model_page_stub(registry, m, lang) for m in registry.models}
views = ["# Views", "", "<!-- followgpt:table kind=model columns=name,parameters,paper_date -->", "",
         "<!-- followgpt:timeline -->", "", "<!-- followgpt:models -->", ""]
views += [f"<!-- followgpt:tree family=synth-{f:03d} -->\n" for f in range(families)]
pages = {**stubs, "views.md": "\n".join(views)}
t = time.perf_counter()
usages = collect_usages(pages)
site = SiteContext(registry=registry, lang=lang, pages={p: "" for p in pages}, usages=usages)
timings["usages"] = time.perf_counter() - t

budget = float(sys.argv[3])   # seconds; beyond it the rest of the model pages are extrapolated
t = time.perf_counter()
done = 0
import random
order = list(stubs.items())
random.Random(0).shuffle(order)   # a sample from across the registry if the budget cuts the loop short
for path, markdown in order:
    expand_page(markdown, page_path=path, lang=lang, site=site)
    done += 1
    if time.perf_counter() - t > budget:
        break
elapsed = time.perf_counter() - t
timings["model_pages"] = elapsed / done * len(stubs)
if done < len(stubs):
    timings["model_pages_sampled"] = done

t = time.perf_counter()
out = expand_page(pages["views.md"], page_path="views.md", lang=lang, site=site)
timings["views_page"] = time.perf_counter() - t

t = time.perf_counter()
to_json(registry); to_csv(registry); to_bibtex(registry)
timings["exports"] = time.perf_counter() - t
timings["render_total"] = timings["usages"] + timings["model_pages"] + timings["views_page"] + timings["exports"]

# The JSON API, one file at a time (never all in memory): bytes as written, and the closure's size.
from followgpt.render.api import _dump, model_document, models_index
t = time.perf_counter()
api_bytes = len(_dump(models_index(registry)).encode())
api_entries = 0
for model_id in registry.models:
    document = model_document(registry, model_id)
    api_bytes += len(_dump(document).encode())
    api_entries += len(document["ancestors"]) + len(document["descendants"])
timings["api"] = time.perf_counter() - t
api = {"bytes": api_bytes, "relative_entries": api_entries,
       "bytes_per_entry": api_bytes / (len(registry.models) + api_entries)}
print("RESULT " + json.dumps({"models": len(registry.models), "timings": timings, "views_chars": len(out.markdown),
                              "api": api}))
"""


def synthetic_resources(dest: Path, models: int) -> int:
    """Write a registry with ``models`` synthetic models into ``dest``; return the number of family files."""
    source = REPO / "resources"
    dest.mkdir(parents=True)
    for name in ("schema", "sources"):
        shutil.copytree(source / name, dest / name)
    for name in ("organizations.yaml", "glossary.yaml"):
        shutil.copy(source / name, dest / name)
    (dest / "models").mkdir()
    families = math.ceil(models / PER_FILE)
    day0 = 7305  # 1990-01-01 as days since 1970-01-01; 10,000 daily dates end in 2017, never in the future
    import datetime as dt
    for family in range(families):
        lines = ["# yaml-language-server: $schema=../schema/models.schema.json",
                 "family:", f"  name: {{zh: 合成 {family}, en: Synthetic {family}}}", "models:"]
        for local in range(PER_FILE):
            index = family * PER_FILE + local
            if index >= models:
                break
            date = dt.date.fromordinal(dt.date(1970, 1, 1).toordinal() + day0 + index).isoformat()
            parent = None
            if local > 0:
                parent = family * PER_FILE + (local - 1) // 2
            elif family > 0:
                parent = (family - 1) * PER_FILE
            lines += [
                f"  - id: synth-{index}",
                f"    name: {{zh: 合成模型 {index}, en: Synthetic model {index}}}",
                "    kind: model",
                "    organizations: [openai]",
                f"    summary: {{zh: 第 {index} 个合成模型。, en: Synthetic model number {index}.}}",
                "    architecture: decoder-only",
                "    access: open-weights",
                "    facts:",
                f"      paper_date: {{value: {date}, source: brown2020-gpt3}}",
                f"      parameters: {{value: {1_000_000 * (index + 1)}, source: brown2020-gpt3}}",
            ]
            if parent is not None:
                lines += ["    lineage:",
                          f"      - {{type: fine_tuned_from, target: synth-{parent}, evidence: explicit, "
                          "source: brown2020-gpt3}"]
        (dest / "models" / f"synth-{family:03d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return families


def measure(sizes=SIZES, timeout: float = 900, model_pages_budget: float = 120) -> dict:
    results = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="fgpt-bench-registry-") as tmp:
            root = Path(tmp) / "resources"
            families = synthetic_resources(root, size)
            run = run_child([PYTHON, "-c", CHILD, str(root), str(families), str(model_pages_budget)],
                            timeout=timeout)
        line = next((l for l in run.output.splitlines() if l.startswith("RESULT ")), None)
        if run.returncode != 0 or line is None:
            reason = "timed out" if run.returncode == -9 else run.output.strip().splitlines()[-1:] or ["failed"]
            log(f"  {size:>6} models: {reason}")
            results.append({"models": size, "error": str(reason), "seconds": run.seconds})
            continue
        data = json.loads(line[len("RESULT "):])
        data["peak_mib"] = run.peak_mib
        results.append(data)
        t = data["timings"]
        sampled = f" (extrapolated from {t['model_pages_sampled']:,} pages)" if t.get("model_pages_sampled") else ""
        api = data.get("api") or {}
        log(f"  {size:>6} models: load+validate {t['load_and_validate']:.2f}s, model pages {t['model_pages']:.2f}s{sampled}, "
            f"views {t['views_page']:.2f}s, exports {t['exports']:.2f}s, API {t.get('api', 0):.2f}s "
            f"({api.get('bytes', 0):,} bytes, {api.get('relative_entries', 0):,} relatives), peak {run.peak_mib:.0f} MiB")
    return {"sizes": results, "growth": growth(results)}


def growth(results: list[dict]) -> dict:
    """Growth exponent k in time ∝ models^k between consecutive sizes, per stage (1 = linear, 2 = quadratic)."""
    ok = [r for r in results if "timings" in r]
    out = {}
    for a, b in zip(ok, ok[1:]):
        key = f"{a['models']}->{b['models']}"
        out[key] = {}
        for stage in ("load_and_validate", "model_pages", "views_page", "exports", "api", "render_total"):
            ta, tb = a["timings"].get(stage, 0), b["timings"].get(stage, 0)
            if ta > 0.005 and tb > 0:
                out[key][stage] = math.log(tb / ta) / math.log(b["models"] / a["models"])
        api_a, api_b = a.get("api"), b.get("api")
        if api_a and api_b:
            per_model = math.log(b["models"] / a["models"])
            # Bytes against models, and against the output's own size unit (models + closure entries): the
            # second is 1 when an entry's size does not depend on the registry's size.
            out[key]["api_bytes"] = math.log(api_b["bytes"] / api_a["bytes"]) / per_model
            units_a = a["models"] + api_a["relative_entries"]
            units_b = b["models"] + api_b["relative_entries"]
            out[key]["api_bytes_per_output_unit"] = math.log(api_b["bytes"] / api_a["bytes"]) / math.log(units_b / units_a)
    return out
