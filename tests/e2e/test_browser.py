"""Each page in a real browser: loads without exceptions, languages, phone width, offline, themes."""

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.streamlit_server import wait_for_app
from ui.pages import available

PAGES = available()


def no_exception(page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("p", PAGES, ids=lambda p: p.id)
def test_page_loads(open_page, p, lang):
    page = open_page(f"{'' if p.id == 'home' else p.url}?lang={lang}")
    no_exception(page)
    expect(page.locator("h1").first).to_be_visible()
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav).to_contain_text("ホーム" if lang == "ja" else "Home")


def test_switching_language_updates_url_and_text(open_page):
    page = open_page("")
    expect(page.locator("h1").first).to_have_text("Scale vs Efficiency")
    page.get_by_role("radio", name="日本語").click()
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("規模か、効率か")
    assert parse_qs(urlparse(page.url).query).get("lang") == ["ja"]
    # the language stays when moving to another page through the navigation
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="出典").click()
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("出典")
    assert parse_qs(urlparse(page.url).query).get("lang") == ["ja"]
    page.get_by_role("radio", name="English").click()
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("Sources")
    assert "lang" not in parse_qs(urlparse(page.url).query)


def test_url_opens_in_japanese(open_page):
    page = open_page("sources?lang=ja")
    expect(page.locator("h1").first).to_have_text("出典")
    page.reload()
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("出典")


def test_japanese_browser_gets_japanese(open_page):
    page = open_page("", locale="ja-JP")
    expect(page.locator("h1").first).to_have_text("規模か、効率か")


@pytest.mark.parametrize("p", PAGES, ids=lambda p: p.id)
def test_phone_width_has_no_horizontal_overflow(open_page, p):
    page = open_page(f"{'' if p.id == 'home' else p.url}?lang=ja", width=390, height=844)
    no_exception(page)
    widths = page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMain"]') || document.body;
            return {doc: document.documentElement.scrollWidth, main: main.scrollWidth, view: window.innerWidth};
        }"""
    )
    assert widths["doc"] <= widths["view"] and widths["main"] <= widths["view"], widths


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_both_themes_render(open_page, theme):
    page = open_page("", theme=theme)
    no_exception(page)
    expect(page.get_by_test_id("stMetric").first).to_be_visible()


def test_no_request_leaves_localhost(open_page, server_url):
    page = open_page("")
    for p in PAGES[1:]:
        page.get_by_test_id("stSidebarNav").get_by_role("link").nth(PAGES.index(p)).click()
        wait_for_app(page)
    hosts = {urlparse(u).hostname for u in page.requests_seen if not u.startswith(("data:", "blob:"))}
    assert hosts <= {"127.0.0.1", "localhost"}, [u for u in page.requests_seen if "127.0.0.1" not in u]
