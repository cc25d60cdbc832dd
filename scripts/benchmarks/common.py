"""Shared helpers for the benchmark: project paths, child processes with their peak memory, statistics."""

from __future__ import annotations

import gzip
import os
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from followgpt.site.prerender import CHROMIUM_ARGS, chromium_path  # noqa: F401 (re-exported)

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "scripts"
PYTHON = sys.executable
# The same Debian chromium, launched the same way, as the build's diagram drawing.
CHROMIUM = chromium_path() or "/usr/bin/chromium"


def env(**extra: str) -> dict[str, str]:
    """The environment for child processes: the project's package importable, no bytecode files."""
    result = dict(os.environ)
    result["PYTHONPATH"] = os.pathsep.join([str(SCRIPTS), result.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    result["PYTHONDONTWRITEBYTECODE"] = "1"
    result.update(extra)
    return result


@dataclass
class Run:
    seconds: float
    peak_mib: float
    returncode: int
    output: str


def run_child(args: list[str], *, cwd: Path = REPO, extra_env: dict[str, str] | None = None,
                    timeout: float = 900) -> Run:
    """Run a child process: its wall time, exit code, output, and its own peak resident memory (reaped with
    os.wait4, so ru_maxrss is this child's, in KiB on Linux)."""
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"fgpt-bench-{os.getpid()}-{time.monotonic_ns()}.log"
    with open(log, "w+", encoding="utf-8") as out:
        started = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=env(**(extra_env or {})), stdout=out,
                                   stderr=subprocess.STDOUT, text=True)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    log.unlink(missing_ok=True)
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode, output)


def median(values) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def log(message: str) -> None:
    print(message, flush=True)
