"""Build time and peak memory: the full bilingual site against a bare Material build of the same Markdown.

The full build is the project's own (`followgpt.site.build.build_site`: registry, generators, model pages,
jieba search, both languages, and diagrams drawn to SVG in headless Chromium when it is installed). It is timed
three ways: *clean* (an empty cache folder, as on a fresh clone: every diagram drawn), *second* (again, on the
cache the clean build left: an unchanged tree), and with FOLLOWGPT_PRERENDER=0 (the build a machine without
Chromium does). The bare build gives the same two docs folders to plain Material: no hooks, no registry, no
generated pages, no i18n glue, no jieba (English search tokenizer for both), the same Markdown extensions. All
run in fresh child processes, interleaved, so they share the machine's conditions; ratios are taken per
repetition and within the run.

The same is measured on a synthetic site with three times today's content (`synthetic_project`): every note
copied twice more (docs/<lang>/copy-1/, copy-2/) and every registry file copied twice more with renamed ids and
names, so cost per page and per model can be compared with today's site.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from followgpt import LANGUAGES
from followgpt.i18n import site_prefix

from .common import PYTHON, REPO, log, median, run_child

FULL_BUILD = """
import logging
import sys
from pathlib import Path
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
from followgpt.site.build import build_site
build_site(Path(sys.argv[2]) if len(sys.argv) > 2 else Path("mkdocs.yml"), Path(sys.argv[1]), strict=False)
"""
SYNTHETIC_FACTOR = 3

BARE_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
for config_file in sys.argv[1:]:
    config = load_config(config_file)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
"""

# The project's Markdown extensions, with mermaid fences kept as Material's plain `<pre class="mermaid">`.
BARE_EXTENSIONS = """
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - toc: {permalink: true}
  - pymdownx.arithmatex: {generic: true}
  - pymdownx.details
  - pymdownx.highlight: {anchor_linenums: true}
  - pymdownx.inlinehilite
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
  - pymdownx.tabbed: {alternate_style: true}
"""


def bare_configs(work: Path, project: Path = REPO, label: str = "bare") -> list[Path]:
    files = []
    for lang in LANGUAGES:
        prefix = site_prefix(lang)
        config = {
            "site_name": "FollowGPT (bare)",
            "docs_dir": str(project / "docs" / lang),
            "site_dir": str(work / f"{label}-site" / prefix),
            "theme": {"name": "material", "language": lang, "font": False},
            "plugins": [{"search": {"lang": "en"}}],
        }
        path = work / f"{label}-{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True) + BARE_EXTENSIONS, encoding="utf-8")
        files.append(path)
    return files


def _drawn(output: str) -> int:
    import re
    return sum(int(n) for n in re.findall(r"Drew (\d+) diagrams", output))


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def synthetic_project(dest: Path, factor: int = SYNTHETIC_FACTOR) -> dict:
    """A copy of the project with ``factor`` times its notes and models (see the module's docstring)."""
    import shutil

    from followgpt.registry.yaml_document import read_yaml

    from .serve_latency import make_copy

    dest.mkdir(parents=True)
    make_copy(dest)
    notes = 0
    for lang in LANGUAGES:
        docs = dest / "docs" / lang
        originals = sorted(docs.rglob("*.md"))
        notes += len(originals) * factor
        for k in range(1, factor):
            for path in originals:
                target = docs / f"copy-{k}" / path.relative_to(docs)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target)
    models_dir = dest / "resources" / "models"
    models = 0
    for path in sorted(models_dir.glob("*.yaml")):
        document = read_yaml(path)
        ids = {model["id"] for model in document.data["models"]}
        models += len(ids) * factor
        for k in range(1, factor):
            suffix = f" (copy {k})"
            copy = yaml.safe_load(yaml.safe_dump(document.data))

            def rename(value):
                return f"{value}-c{k}" if isinstance(value, str) and value in ids else value
            copy["family"]["name"] = {lang: name + suffix for lang, name in copy["family"]["name"].items()}
            for model in copy["models"]:
                original_aliases = set(model.get("aliases", []))
                model["id"] = rename(model["id"])
                model["name"] = {lang: name + suffix for lang, name in model["name"].items()}
                if "aliases" in model:
                    model["aliases"] = [alias + suffix for alias in model["aliases"]]
                if "series" in model:
                    model["series"] = rename(model["series"])
                for edge in model.get("lineage", []):
                    edge["target"] = rename(edge["target"])
                # Snapshot ids are unique across the registry like names; lifecycle events may name one.
                snapshot_ids = {snapshot["id"] for snapshot in model.get("snapshots", [])}
                for snapshot in model.get("snapshots", []):
                    snapshot["id"] += f"-c{k}"
                for event in model.get("lifecycle", []):
                    if event.get("snapshot") in snapshot_ids:
                        event["snapshot"] += f"-c{k}"
                    elif event.get("snapshot") in original_aliases:
                        event["snapshot"] += suffix
                    elif "snapshot" in event:
                        event["snapshot"] = rename(event["snapshot"])
            text = document.first_line + "\n" + yaml.safe_dump(copy, allow_unicode=True, sort_keys=False, width=10**6)
            (models_dir / f"{path.stem}-copy-{k}.yaml").write_text(text, encoding="utf-8")
    return {"factor": factor, "notes": notes, "models": models}


def _build_pair(work: Path, label: str, project: Path, bare: list[Path], rep: int, client: bool) -> dict:
    """One repetition on one project: clean, second (same cache), optionally without Chromium, then bare."""
    out = {}
    cache = work / f"{label}-cache-{rep}"
    config = str(project / "mkdocs.yml")
    for kind, extra in (("clean", {}), ("second", {}), *((("client", {"FOLLOWGPT_PRERENDER": "0"}),) if client else ())):
        site = work / f"{label}-{kind}-{rep}" / "site"
        site.parent.mkdir()
        env = {"FOLLOWGPT_CACHE_DIR": str(cache if kind != "client" else work / f"{label}-client-cache-{rep}"), **extra}
        run = run_child([PYTHON, "-c", FULL_BUILD, str(site), config], cwd=project, extra_env=env)
        if run.returncode != 0:
            raise RuntimeError(f"the {kind} build of {label} failed:\n{run.output[-3000:]}")
        out[kind] = run
        out[f"{kind}_pages"] = count_pages(site)
    run = run_child([PYTHON, "-c", BARE_BUILD, *map(str, bare)])
    if run.returncode != 0:
        raise RuntimeError(f"the bare build of {label} failed:\n{run.output[-3000:]}")
    out["bare"] = run
    out["bare_pages"] = count_pages(work / "bare-site") if label == "today" else count_pages(work / "synthetic-bare-site")
    return out


def _summary(runs: list[dict], kinds: tuple[str, ...]) -> dict:
    result = {"repetitions": len(runs)}
    bare = [r["bare"].seconds for r in runs]
    result["bare_seconds"] = bare
    result["bare_median_s"] = median(bare)
    result["bare_peak_mib"] = max(r["bare"].peak_mib for r in runs)
    result["pages"] = {"full": runs[-1]["clean_pages"], "bare": runs[-1]["bare_pages"]}
    for kind in kinds:
        seconds = [r[kind].seconds for r in runs]
        result[f"{kind}_seconds"] = seconds
        result[f"{kind}_median_s"] = median(seconds)
        result[f"{kind}_ratio"] = median(seconds) / median(bare)
        result[f"{kind}_ratio_per_repetition"] = [x / b for x, b in zip(seconds, bare)]
        result[f"{kind}_peak_mib"] = max(r[kind].peak_mib for r in runs)
    result["load_averages"] = [r["load_average"] for r in runs]
    return result


def measure(repetitions: int = 3, synthetic_repetitions: int | None = None) -> dict:
    synthetic_repetitions = repetitions if synthetic_repetitions is None else synthetic_repetitions
    today, synthetic = [], []
    with tempfile.TemporaryDirectory(prefix="fgpt-bench-build-") as tmp:
        work = Path(tmp)
        configs = bare_configs(work)
        synth_project = work / "synthetic-project"
        synth_info = synthetic_project(synth_project)
        synth_bare = bare_configs(work, synth_project, label="synthetic-bare")
        for rep in range(max(repetitions, synthetic_repetitions)):
            if rep < repetitions:
                load = os.getloadavg()[0]
                one = _build_pair(work, "today", REPO, configs, rep, client=True)
                one["load_average"] = load
                today.append(one)
                log(f"  today's site, build {rep + 1}/{repetitions} (load {load:.1f}): clean {one['clean'].seconds:.1f}s "
                    f"({one['clean'].peak_mib:.0f} MiB), second {one['second'].seconds:.1f}s, without Chromium "
                    f"{one['client'].seconds:.1f}s, bare {one['bare'].seconds:.1f}s ({one['bare'].peak_mib:.0f} MiB): "
                    f"clean {one['clean'].seconds / one['bare'].seconds:.1f}×, "
                    f"second {one['second'].seconds / one['bare'].seconds:.1f}×")
            if rep < synthetic_repetitions:
                load = os.getloadavg()[0]
                one = _build_pair(work, "synthetic", synth_project, synth_bare, rep, client=False)
                one["load_average"] = load
                synthetic.append(one)
                log(f"  {SYNTHETIC_FACTOR}× synthetic site, build {rep + 1}/{synthetic_repetitions} (load {load:.1f}): "
                    f"clean {one['clean'].seconds:.1f}s, second {one['second'].seconds:.1f}s, bare "
                    f"{one['bare'].seconds:.1f}s: clean {one['clean'].seconds / one['bare'].seconds:.1f}×, "
                    f"second {one['second'].seconds / one['bare'].seconds:.1f}×")
    result = _summary(today, ("clean", "second", "client"))
    # The names earlier results used (the report and older readers rely on them).
    result.update({
        "full_seconds": result["clean_seconds"], "full_median_s": result["clean_median_s"],
        "ratio": result["clean_ratio"], "ratio_per_repetition": result["clean_ratio_per_repetition"],
        "full_peak_mib": result["clean_peak_mib"],
        "prerendered_diagrams": _drawn(today[-1]["clean"].output),
        "warnings_in_full_build": today[-1]["clean"].output.count("WARNING "),
    })
    if synthetic:
        result["synthetic"] = {**_summary(synthetic, ("clean", "second")), **synth_info,
                               "prerendered_diagrams": _drawn(synthetic[-1]["clean"].output)}
    return result
