"""Build a second language's site in a forked process, at the same time as the first.

The Chinese build (``mkdocs build``, ``mkdocs serve`` or ``python -m followgpt build``) forks here as soon as its
own site folder has been cleaned, and waits for the child when its own pages are written: the two languages
are built on two cores instead of one after the other. The child is a copy of the Chinese build's process, so
it starts with MkDocs, Material, the Markdown extensions, the registry and jieba's dictionary already loaded,
exactly as the English build found them when it ran in the same process after the Chinese one (and its search
index is the same). It builds with MkDocs' public API only (``load_config`` and ``build``), writes its log to
the same terminal, and reports success or the error that stopped it.

One Chromium draws the diagrams of both languages: a second one cost its own start (about 2 s of CPU) and its
own warm-up on a machine that has two cores for two builds. The child sends each diagram it cannot find in the
cache to the parent as it meets it (``("draw", key, source)``), then the pages it left with empty slots
(``("fill", paths)``); the parent's drawing thread draws them between its own, and the parent fills the child's
pages once the child is done (``followgpt.site.prerender``).

Where ``fork`` is not available the English site is built in process, after the Chinese one.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
import traceback
from typing import Callable

_parent = None   # in the child: the connection to the parent (drawing requests, then the result)


def available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class LanguageBuild:
    """One build of one language's site in a forked child process."""

    def __init__(self, request: dict, draw: Callable[[str, str], None] | None = None) -> None:
        """``request``: ``{"config_file", "site_dir", "site_url", "strict", "command"}``. With ``draw`` the child
        hands its diagrams over: ``draw(key, source)`` is called (in a thread of this process) for each."""
        for stream in (sys.stdout, sys.stderr):  # or both processes would write what is still buffered
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        context = multiprocessing.get_context("fork")
        self._conn, child_conn = context.Pipe(duplex=False)
        request = {**request, "hand_over": draw is not None}
        self._process = context.Process(target=_build, args=(child_conn, request), name="followgpt-language-build",
                                        daemon=True)
        self._process.start()
        child_conn.close()
        self._draw = draw
        self._error: str | None = None
        self.pages_to_fill: list[str] = []   # the child's written pages still holding diagram slots
        self._listener = threading.Thread(target=self._listen, name="followgpt-language-build-messages",
                                          daemon=True)
        self._listener.start()

    def _listen(self) -> None:
        error = "the English build's process ended unexpectedly"
        try:
            while True:
                message = self._conn.recv()
                if message[0] == "draw" and self._draw is not None:
                    self._draw(message[1], message[2])
                elif message[0] == "fill":
                    self.pages_to_fill += message[1]
                elif message[0] == "result":
                    error = message[1]
                    break
        except (EOFError, OSError):
            pass
        except Exception:  # noqa: BLE001 - a failed hand-over fails the build, with its cause
            error = traceback.format_exc()
        self._error = error

    def wait(self) -> None:
        """Wait for the build; raise RuntimeError with its error if it failed."""
        self._listener.join()
        self._conn.close()
        self._process.join()
        if self._error:
            raise RuntimeError(self._error)

    def cancel(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._listener.join()   # the child's end is closed now: the listener has met the end of its messages
        self._conn.close()


def parent() -> "multiprocessing.connection.Connection | None":
    """In a child that hands its diagrams over: the connection to send them on; else None."""
    return _parent


def _build(conn, request: dict) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    global _parent
    _parent = conn if request.get("hand_over") else None
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
    conn.send(("result", error))
    conn.close()
