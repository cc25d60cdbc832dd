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


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is missing at {CHROMIUM}: run `make test` (it installs it) "
                    "or `apt-get install chromium`.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class PageWatch:
    """Console errors, failed requests and requests to other hosts seen by one page."""

    def __init__(self, page, allowed_origin: str):
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))
        # net::ERR_ABORTED is a request the browser cancelled (the test navigated away while, say, the search
        # worker was still loading), not a failure; a missing file shows up as an HTTP status below.
        page.on("requestfailed", lambda req: "ERR_ABORTED" not in (req.failure or "")
                and self.failed.append(f"{req.url} ({req.failure})"))
        page.on("response", lambda res: res.status >= 400 and self.failed.append(f"{res.url} (HTTP {res.status})"))

        def route(route):
            url = route.request.url
            if url.startswith(allowed_origin) or url.startswith(("data:", "blob:")):
                route.continue_()
            else:
                self.foreign.append(url)
                route.abort()

        page.route("**/*", route)

    def problems(self) -> list[str]:
        return ([f"console: {m}" for m in self.console_errors] + [f"failed: {m}" for m in self.failed]
                + [f"foreign request: {m}" for m in self.foreign])


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
        watch = PageWatch(page, site_url.rstrip("/"))
        page.goto(site_url + path, wait_until="load")
        return page, watch

    yield _open
    for context in contexts:
        context.close()
