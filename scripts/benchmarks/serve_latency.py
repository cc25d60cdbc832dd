"""Time from saving a registry file to the rebuilt page under `mkdocs serve`.

Runs on a throw-away copy of the project (configs, docs and resources copied; theme overrides, scripts and
node_modules linked), never on the working tree: the edit appends a marker to GPT-3's summary in both languages
and the benchmark polls the two model pages until both show it.
"""

from __future__ import annotations

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


def measure(edits: int = 3, startup_timeout: float = 300, rebuild_timeout: float = 180) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    pages = [base + f"models/{MODEL}/", base + f"en/models/{MODEL}/"]
    with tempfile.TemporaryDirectory(prefix="fgpt-bench-serve-") as tmp:
        root = Path(tmp)
        make_copy(root)
        log_file = open(root / "serve.log", "w+", encoding="utf-8")
        started = time.perf_counter()
        server = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=root, env=env(), stdout=log_file, stderr=subprocess.STDOUT)
        try:
            while not all(fetch(url) for url in pages):
                if server.poll() is not None or time.perf_counter() - started > startup_timeout:
                    log_file.seek(0)
                    raise RuntimeError("mkdocs serve did not come up:\n" + log_file.read()[-3000:])
                time.sleep(0.2)
            startup = time.perf_counter() - started
            log(f"  serve: first build served after {startup:.1f}s")
            latencies = []
            for number in range(edits):
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                marker = f"FGPTBENCH{number}{int(time.time())}"
                edited = time.perf_counter()
                edit_summary(root / MODEL_FILE, marker)
                while True:
                    if all(marker in (fetch(url) or "") for url in pages):
                        latencies.append(time.perf_counter() - edited)
                        break
                    if server.poll() is not None or time.perf_counter() - edited > rebuild_timeout:
                        raise RuntimeError(f"the edit did not show up within {rebuild_timeout}s")
                    time.sleep(0.1)
                log(f"  serve: edit {number + 1}/{edits} visible on both model pages after {latencies[-1]:.1f}s")
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
            log_file.close()
    return {"startup_s": startup, "edit_to_page_s": latencies, "median_s": median(latencies),
            "edited": f"{MODEL_FILE} ({MODEL} summary, zh and en)", "pages": [u[len(base) - 1:] for u in pages]}
