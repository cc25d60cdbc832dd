"""Build a second language's site in a forked process, at the same time as the first.

The Chinese build (``mkdocs build``, ``mkdocs serve`` or ``python -m followgpt build``) forks here as soon as its
own site folder has been cleaned, and waits for the child when its own pages are written: the two languages
are built on two cores instead of one after the other. The child is a copy of the Chinese build's process, so
it starts with MkDocs, Material, the Markdown extensions, the registry and jieba's dictionary already loaded,
exactly as the English build found them when it ran in the same process after the Chinese one (and its search
index is the same). It builds with MkDocs' public API only (``load_config`` and ``build``), writes its log to
the same terminal, and reports success or the error that stopped it.

Where ``fork`` is not available the English site is built in process, after the Chinese one.
"""

from __future__ import annotations

import multiprocessing
import sys
import traceback


def available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class LanguageBuild:
    """One build of one language's site in a forked child process."""

    def __init__(self, request: dict) -> None:
        """``request``: ``{"config_file", "site_dir", "site_url", "strict", "command"}``."""
        for stream in (sys.stdout, sys.stderr):  # or both processes would write what is still buffered
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        context = multiprocessing.get_context("fork")
        self._conn, child_conn = context.Pipe(duplex=False)
        self._process = context.Process(target=_build, args=(child_conn, request),
                                        name="followgpt-language-build", daemon=True)
        self._process.start()
        child_conn.close()

    def wait(self) -> None:
        """Wait for the build; raise RuntimeError with its error if it failed."""
        try:
            error = self._conn.recv()
        except EOFError:
            error = "the English build's process ended unexpectedly"
        finally:
            self._conn.close()
            self._process.join()
        if error:
            raise RuntimeError(error)

    def cancel(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._conn.close()


def _build(conn, request: dict) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    error = None
    try:
        config = load_config(config_file=request["config_file"], site_dir=request["site_dir"],
                             site_url=request["site_url"], strict=request["strict"])
        config.plugins.on_startup(command=request["command"], dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent as text
        known = type(exc).__name__ in {"Abort", "PluginError", "ConfigurationError", "BuildError"}
        error = (str(exc) if known and str(exc) else traceback.format_exc()) or repr(exc)
    conn.send(error)
    conn.close()
