"""Tiny real FollowGPT projects for build tests, and a static server for built sites."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def make_project(root: Path, pages: dict[str, str], nav: str | None = None, resources: Path | None = None) -> Path:
    """A tiny FollowGPT project: the real configs, theme overrides, hook and client libraries, with the given
    pages (``{"zh/index.md": "...", "en/index.md": "..."}``) and the given registry (default: the real one)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(REPO / name, root / name)
    for name in ("overrides", "node_modules", "scripts"):
        (root / name).symlink_to(REPO / name, target_is_directory=True)
    (root / "resources").symlink_to(resources or REPO / "resources", target_is_directory=True)
    docs = root / "docs"
    # Generated model pages link to the model index, so every project has one.
    for lang in ("zh", "en"):
        pages.setdefault(f"{lang}/models/index.md", "# Models\n\n<!-- followgpt:models -->\n")
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    (docs / "nav.yaml").write_text(nav or "- index.md\n", encoding="utf-8")
    return root




class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages would serve them (including .mjs as JavaScript), without request logs."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript"}

    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser cancels requests when a test moves on to the next page; that is not a server problem.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yields the base URL (ending in /)."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
