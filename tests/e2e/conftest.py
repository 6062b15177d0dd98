"""Browser tests: a real server and Debian's headless Chromium (no browser downloads)."""

import pytest
from playwright.sync_api import sync_playwright

from tests.e2e.streamlit_server import CHROMIUM_ARGS, chromium_path, streamlit_server, wait_for_app


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def server_url():
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    assert path, "Debian's chromium is not installed: run `make test` (it installs it) or apt-get install chromium"
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser, server_url):
    """open_page(path, width=1400, height=900, theme='light') -> a loaded Playwright page.

    Every request the page makes is recorded in page.requests_seen.
    """
    contexts = []

    def _open(path: str = "", width: int = 1400, height: int = 900, theme: str = "light", locale: str = "en-US"):
        ctx = browser.new_context(viewport={"width": width, "height": height}, color_scheme=theme, locale=locale)
        contexts.append(ctx)
        page = ctx.new_page()
        page.requests_seen = []
        page.on("request", lambda req: page.requests_seen.append(req.url))
        page.goto(server_url + "/" + path.lstrip("/"))
        wait_for_app(page)
        return page

    yield _open
    for ctx in contexts:
        ctx.close()
