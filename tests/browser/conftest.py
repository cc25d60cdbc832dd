"""Browser fixtures: the real site served on localhost, and Debian's headless Chromium driven by Playwright.

Playwright never downloads a browser here: it launches /usr/bin/chromium (installed by `make test`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.static_server import StaticServer
from followgpt.site.prerender import CHROMIUM_ARGS, chromium_path

CHROMIUM = chromium_path() or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def site_dir(request) -> Path:
    """The site the browser tests visit: the session's fresh strict build, or an already built site named by
    FOLLOWGPT_SITE_DIR (handy while iterating: `make build && FOLLOWGPT_SITE_DIR=site pytest tests/browser`)."""
    prebuilt = os.environ.get("FOLLOWGPT_SITE_DIR")
    if prebuilt:
        if not (Path(prebuilt) / "index.html").is_file():
            pytest.fail(f"FOLLOWGPT_SITE_DIR={prebuilt} holds no built site")
        return Path(prebuilt).resolve()
    return request.getfixturevalue("built_site")


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    with StaticServer(site_dir) as url:
        yield url


def require_chromium() -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is missing at {CHROMIUM}: run `make test` (it installs it) "
                    "or `apt-get install chromium`.")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class PageWatch:
    """Console errors, failed requests and requests to other hosts seen by one page.

    ``PageWatch(origin).attach(page)`` starts watching a page of Playwright's sync API; with the async API,
    await what attach returns (the request filter is only in place then)."""

    def __init__(self, allowed_origin: str):
        self.allowed_origin = allowed_origin
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []

    def attach(self, page):
        self.pending: set = set()   # requests sent and not yet answered in full (or failed)
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))
        page.on("request", lambda req: self.pending.add(req))
        page.on("requestfinished", lambda req: self.pending.discard(req))
        page.on("requestfailed", self._request_failed)
        page.on("response", lambda res: res.status >= 400 and self.failed.append(f"{res.url} (HTTP {res.status})"))
        return page.route("**/*", self.route)

    def _request_failed(self, request):
        self.pending.discard(request)
        # net::ERR_ABORTED is a request the browser cancelled (the test navigated away while, say, the search
        # worker was still loading), not a failure; a missing file shows up as an HTTP status.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.failed.append(f"{request.url} ({request.failure})")

    def route(self, route):
        """Lets requests to the site through and stops (and notes) any other; returns what continue_/abort
        return, which the async API awaits."""
        url = route.request.url
        if url.startswith(self.allowed_origin) or url.startswith(("data:", "blob:")):
            return route.continue_()
        self.foreign.append(url)
        return route.abort()

    def problems(self) -> list[str]:
        return ([f"console: {m}" for m in self.console_errors] + [f"failed: {m}" for m in self.failed]
                + [f"foreign request: {m}" for m in self.foreign])

    def take(self) -> list[str]:
        """problems() so far, then forget them: the tab's next page starts clean."""
        found = self.problems()
        for seen in (self.console_errors, self.failed, self.foreign):
            seen.clear()
        return found


@pytest.fixture
def open_page(browser, site_url):
    """open_page(path, init_script=None, **context_options) -> (page, watch); ``init_script`` runs before the
    page's own scripts (e.g. a layout-shift recorder)."""
    contexts = []

    def _open(path: str = "", init_script: str | None = None, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        watch = PageWatch(site_url.rstrip("/"))
        watch.attach(page)
        page.goto(site_url + path, wait_until="load")
        return page, watch

    yield _open
    for context in contexts:
        context.close()
