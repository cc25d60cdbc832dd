"""Time from saving a file to the rebuilt page under `mkdocs serve`, against a bare Material serve.

Runs on throw-away copies of the project (configs, docs and resources copied; theme overrides, scripts and
node_modules linked), never on the working tree. Two servers run side by side:

* the project's own `mkdocs serve` (both languages, everything the build does);
* a bare Material serve of the same Chinese Markdown (the benchmark's bare config: no hooks, no registry).

Edits are interleaved so both servers see the same machine: a one-line edit to a note (a marker appended to
GPT-1's Chinese note) on each server, polled on that page; and an edit to a registry file (a marker appended to
GPT-3's summary in both languages), polled on the two model pages until both show it. Ratios are taken per round.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from .common import PYTHON, REPO, env, free_port, log, median

MODEL_FILE = "resources/models/openai-gpt.yaml"
MODEL = "gpt-3"
NOTE_FILE = "docs/zh/gpt/gpt-1.md"
NOTE_PAGE = "gpt/gpt-1/"


def make_copy(root: Path) -> None:
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(REPO / name, root / name)
    for name in ("docs", "resources"):
        shutil.copytree(REPO / name, root / name)
    for name in ("overrides", "node_modules", "scripts"):
        (root / name).symlink_to(REPO / name, target_is_directory=True)


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return None


def edit_summary(path: Path, marker: str) -> None:
    """Append ``marker`` to the zh and en summary lines of MODEL's record."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {MODEL}\n")
    end = text.find("\n  - id: ", start + 1)
    record = text[start:end if end > 0 else len(text)]
    summary = re.search(r"\n    summary:\n      zh: ([^\n]*)\n      en: ([^\n]*)\n", record)
    if not summary:
        raise RuntimeError(f"cannot find the two-line summary of {MODEL} in {MODEL_FILE}; update serve_latency.py")
    edited = (record[:summary.start()] + f"\n    summary:\n      zh: {summary.group(1)} {marker}\n"
              f"      en: {summary.group(2)} {marker}\n" + record[summary.end():])
    path.write_text(text[:start] + edited + text[start + len(record):], encoding="utf-8")


def edit_note(path: Path, marker: str) -> None:
    """Append a paragraph holding ``marker`` to a note."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")


class Server:
    """`mkdocs serve` of one config on a loopback port, with its log."""

    def __init__(self, root: Path, args: list[str], name: str):
        self.root, self.name = root, name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log_file = open(root / f"{name}.log", "w+", encoding="utf-8")
        self.started = time.perf_counter()
        self.process = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}",
                                         *args], cwd=root, env=env(), stdout=self.log_file, stderr=subprocess.STDOUT)

    def wait_for(self, paths: list[str], text: str | None, since: float, timeout: float) -> float:
        urls = [self.base + path for path in paths]
        while True:
            pages = [fetch(url) for url in urls]
            if all(page is not None and (text is None or text in page) for page in pages):
                return time.perf_counter() - since
            if self.process.poll() is not None or time.perf_counter() - since > timeout:
                self.log_file.seek(0)
                raise RuntimeError(f"{self.name}: {'did not come up' if text is None else 'the edit did not show'} "
                                   f"within {timeout:.0f}s:\n" + self.log_file.read()[-3000:])
            time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log_file.close()


def measure(edits: int = 3, startup_timeout: float = 300, rebuild_timeout: float = 180) -> dict:
    from .build_time import bare_configs

    with tempfile.TemporaryDirectory(prefix="fgpt-bench-serve-") as tmp:
        root = Path(tmp) / "full"
        root.mkdir()
        make_copy(root)
        bare_root = Path(tmp) / "bare"
        bare_root.mkdir()
        shutil.copytree(REPO / "docs" / "zh", bare_root / "docs" / "zh")
        bare_config = bare_configs(bare_root, bare_root)[0]   # the Chinese one

        servers = []
        try:
            full = Server(root, [], "full")
            servers.append(full)
            bare = Server(bare_root, ["-f", str(bare_config)], "bare")
            servers.append(bare)
            model_pages = [f"models/{MODEL}/", f"en/models/{MODEL}/"]
            startup = {"bare": bare.wait_for([NOTE_PAGE], None, bare.started, startup_timeout)}
            startup["full"] = full.wait_for(model_pages + [NOTE_PAGE, "en/"], None, full.started, startup_timeout)
            log(f"  serve: first build served after {startup['full']:.1f}s, every diagram drawn into an empty cache "
                f"(bare Material {startup['bare']:.1f}s; started together)")
            rounds = []
            for number in range(edits):
                marker = f"FGPTBENCH{number}{int(time.time())}"
                one = {}
                time.sleep(1.0)  # let the watchers settle after the previous rebuild
                edited = time.perf_counter()
                edit_note(bare_root / NOTE_FILE, marker + "bare")
                one["bare_note"] = bare.wait_for([NOTE_PAGE], marker + "bare", edited, rebuild_timeout)
                time.sleep(1.0)
                edited = time.perf_counter()
                edit_note(root / NOTE_FILE, marker + "note")
                one["note"] = full.wait_for([NOTE_PAGE], marker + "note", edited, rebuild_timeout)
                time.sleep(1.0)
                edited = time.perf_counter()
                edit_summary(root / MODEL_FILE, marker + "reg")
                one["registry"] = full.wait_for(model_pages, marker + "reg", edited, rebuild_timeout)
                one["load_average"] = os.getloadavg()[0]
                rounds.append(one)
                log(f"  serve: round {number + 1}/{edits}: bare Material {one['bare_note']:.2f}s; note edit "
                    f"{one['note']:.2f}s ({one['note'] / one['bare_note']:.1f}×); registry edit, both languages "
                    f"{one['registry']:.2f}s ({one['registry'] / one['bare_note']:.1f}×); load {one['load_average']:.1f}")
        finally:
            for server in servers:
                server.stop()
    bare_s = [r["bare_note"] for r in rounds]
    note_s = [r["note"] for r in rounds]
    registry_s = [r["registry"] for r in rounds]
    return {
        "startup_s": startup["full"], "bare_startup_s": startup["bare"],
        "bare_edit_to_page_s": bare_s, "bare_median_s": median(bare_s),
        "note_edit_to_page_s": note_s, "note_median_s": median(note_s),
        "note_ratio": median(note_s) / median(bare_s),
        "note_ratio_per_round": [n / b for n, b in zip(note_s, bare_s)],
        "edit_to_page_s": registry_s, "median_s": median(registry_s),
        "registry_ratio": median(registry_s) / median(bare_s),
        "registry_ratio_per_round": [r / b for r, b in zip(registry_s, bare_s)],
        "load_averages": [r["load_average"] for r in rounds],
        "edited": f"{MODEL_FILE} ({MODEL} summary, zh and en)", "pages": [f"/{p}" for p in model_pages],
        "note": f"{NOTE_FILE} (a paragraph appended)", "note_page": f"/{NOTE_PAGE}",
    }
