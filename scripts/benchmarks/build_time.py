"""Build time and peak memory: the full bilingual site against a bare Material build of the same Markdown.

The full build is the project's own (`followgpt.site.build.build_site`: registry, generators, model pages,
jieba search, both languages, and diagrams drawn to SVG in headless Chromium when it is installed); it is also
timed with FOLLOWGPT_PRERENDER=0, the build a machine without Chromium (or `mkdocs serve`) does. The bare build gives the same two docs folders to plain Material: no hooks, no
registry, no generated pages, no i18n glue, no jieba (English search tokenizer for both), the same Markdown
extensions. Both run in fresh child processes, interleaved, so they share the machine's conditions; the ratio
is taken within the run.
"""

from __future__ import annotations

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
build_site(Path("mkdocs.yml"), Path(sys.argv[1]), strict=False)
"""

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


def bare_configs(work: Path) -> list[Path]:
    files = []
    for lang in LANGUAGES:
        prefix = site_prefix(lang)
        config = {
            "site_name": "FollowGPT (bare)",
            "docs_dir": str(REPO / "docs" / lang),
            "site_dir": str(work / "bare-site" / prefix),
            "theme": {"name": "material", "language": lang, "font": False},
            "plugins": [{"search": {"lang": "en"}}],
        }
        path = work / f"bare-{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True) + BARE_EXTENSIONS, encoding="utf-8")
        files.append(path)
    return files


def _drawn(output: str) -> int:
    import re
    found = re.search(r"Drew (\d+) diagrams", output)
    return int(found.group(1)) if found else 0


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def measure(repetitions: int = 3) -> dict:
    runs = {"full": [], "client": [], "bare": []}
    pages = {}
    with tempfile.TemporaryDirectory(prefix="fgpt-bench-build-") as tmp:
        work = Path(tmp)
        configs = bare_configs(work)
        for rep in range(repetitions):
            full_site = work / f"full-{rep}" / "site"
            full_site.parent.mkdir()
            full = run_child([PYTHON, "-c", FULL_BUILD, str(full_site)])
            if full.returncode != 0:
                raise RuntimeError(f"the full build failed:\n{full.output[-3000:]}")
            client_site = work / f"client-{rep}" / "site"
            client_site.parent.mkdir()
            client = run_child([PYTHON, "-c", FULL_BUILD, str(client_site)], extra_env={"FOLLOWGPT_PRERENDER": "0"})
            if client.returncode != 0:
                raise RuntimeError(f"the full build without pre-rendering failed:\n{client.output[-3000:]}")
            bare = run_child([PYTHON, "-c", BARE_BUILD, *map(str, configs)])
            if bare.returncode != 0:
                raise RuntimeError(f"the bare build failed:\n{bare.output[-3000:]}")
            runs["full"].append(full)
            runs["client"].append(client)
            runs["bare"].append(bare)
            pages = {"full": count_pages(full_site), "bare": count_pages(work / "bare-site")}
            log(f"  build {rep + 1}/{repetitions}: full {full.seconds:.1f}s ({full.peak_mib:.0f} MiB), "
                f"without pre-rendering {client.seconds:.1f}s, bare {bare.seconds:.1f}s ({bare.peak_mib:.0f} MiB)")
    full_s = [r.seconds for r in runs["full"]]
    client_s = [r.seconds for r in runs["client"]]
    bare_s = [r.seconds for r in runs["bare"]]
    return {
        "client_seconds": client_s,
        "client_median_s": median(client_s),
        "client_ratio": median(client_s) / median(bare_s),
        "client_peak_mib": max(r.peak_mib for r in runs["client"]),
        "prerendered_diagrams": _drawn(runs["full"][-1].output),
        "repetitions": repetitions,
        "full_seconds": full_s,
        "bare_seconds": bare_s,
        "full_median_s": median(full_s),
        "bare_median_s": median(bare_s),
        "ratio": median(full_s) / median(bare_s),
        "ratio_per_repetition": [f / b for f, b in zip(full_s, bare_s)],
        "full_peak_mib": max(r.peak_mib for r in runs["full"]),
        "bare_peak_mib": max(r.peak_mib for r in runs["bare"]),
        "pages": pages,
        "warnings_in_full_build": runs["full"][-1].output.count("WARNING "),
    }
