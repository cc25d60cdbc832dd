"""Build a second language's site in another process, at the same time as the first.

The Chinese build (``mkdocs build``, ``mkdocs serve`` or ``python -m followgpt build``) starts the English build
here as soon as its own site folder has been cleaned, and waits for it when its own pages are written: the two
run on two cores instead of one after the other. Under ``mkdocs serve`` the worker process stays up between
rebuilds, so its imports, the registry and the jieba/Markdown set-up are paid once.

The worker builds with MkDocs' public API only (``load_config`` and ``build``), exactly as the build did in
process before. Its log records are sent back and re-emitted in the parent, so warnings show in the same
terminal and count towards ``--strict`` there too; a failed build comes back as an error message.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import traceback

log = logging.getLogger("mkdocs.plugins.followgpt")

# "spawn": the parent may be mkdocs serve, with server and watcher threads that a fork would copy mid-flight.
_CONTEXT = multiprocessing.get_context("spawn")


class LanguageWorker:
    """One child process that builds a language's site on request."""

    def __init__(self) -> None:
        self._conn, child_conn = _CONTEXT.Pipe()
        self._process = _CONTEXT.Process(target=_serve_requests, args=(child_conn, os.getcwd()),
                                         name="followgpt-language-worker", daemon=True)
        self._process.start()
        child_conn.close()
        self._busy = False

    def start(self, request: dict) -> None:
        """Begin a build: ``{"config_file", "site_dir", "site_url", "strict", "command"}``."""
        if self._busy:
            self.wait()
        self._conn.send(request)
        self._busy = True

    def wait(self) -> None:
        """Wait for the build started last; re-emit its log; raise RuntimeError if it failed."""
        if not self._busy:
            return
        self._busy = False
        try:
            outcome = self._conn.recv()
        except EOFError:
            raise RuntimeError("the English build's worker process ended unexpectedly") from None
        for name, level, message in outcome["records"]:
            logging.getLogger(name).log(level, message)
        if outcome["error"]:
            raise RuntimeError(outcome["error"])

    def alive(self) -> bool:
        return self._process.is_alive()

    def close(self) -> None:
        try:
            if self._busy:
                self.wait()
        except RuntimeError:
            pass
        try:
            self._conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()
        self._conn.close()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.records.append((record.name, record.levelno, record.getMessage()))
        except Exception:  # a record that cannot be formatted must not break the build
            self.records.append((record.name, record.levelno, str(record.msg)))


def _serve_requests(conn, cwd: str) -> None:
    os.chdir(cwd)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    root = logging.getLogger()
    root.handlers[:] = []
    collect = _Collect()
    root.addHandler(collect)
    root.setLevel(logging.INFO)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        collect.records = []
        error = None
        try:
            config = load_config(config_file=request["config_file"], site_dir=request["site_dir"],
                                 site_url=request["site_url"], strict=request["strict"])
            config.plugins.on_startup(command=request["command"], dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except SystemExit as exc:
            error = f"the English build stopped ({exc})"
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent as text
            error = str(exc) or traceback.format_exc()
            if type(exc).__name__ not in {"Abort", "PluginError", "ConfigurationError", "BuildError"}:
                error = traceback.format_exc()
        conn.send({"records": collect.records, "error": error})
