"""A static file server on loopback that behaves like a typical static host (GitHub Pages): gzip for text
responses, a short cache lifetime, correct types for ES modules, no request logs. The benchmark and the browser
tests (through ``tests/projects.serving``) both serve built sites with it."""

from __future__ import annotations

import gzip
import http.server
import io
import os
import sys
import threading
from functools import partial
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".csv", ".bib")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".woff2": "font/woff2"}
    _gzip_cache: dict[tuple[str, float], bytes] = {}

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # redirect to the slash form
            path = index
        if (not path.endswith(COMPRESSIBLE) or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not os.path.isfile(path)):
            return super().send_head()
        key = (path, os.path.getmtime(path))
        body = self._gzip_cache.get(key)
        if body is None:
            body = gzip.compress(Path(path).read_bytes(), compresslevel=6)
            self._gzip_cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser cancels requests when it moves on to the next page; that is not a server problem.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class StaticServer:
    """``with StaticServer(site_dir, port) as url: ...`` serves site_dir at http://127.0.0.1:<port>/."""

    def __init__(self, directory: Path, port: int = 0):
        self.server = QuietServer(("127.0.0.1", port),
                                  partial(Handler, directory=str(directory)))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return self.url

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


if __name__ == "__main__":
    import sys, time
    with StaticServer(Path(sys.argv[1]), int(sys.argv[2])) as url:
        print("serving", url, flush=True)
        while True:
            time.sleep(3600)
