"""The evidence since the shock in Chromium: the stock window to the latest close from its button
(and back), What next's "Twenty months on" charts in Japanese, the scaling page's later models
from the URL, Home's card; no exception anywhere."""

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.e2e.streamlit_server import wait_for_app


def no_exception(page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


def test_the_stock_window_runs_to_the_latest_close_and_back(open_page):
    page = open_page("stocks")
    page.get_by_role("button", name="To Sep 15, 2026").click()
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('s_end=2026-09-15')")
    end = page.get_by_test_id("stDateInput").nth(2).locator("input")
    assert end.input_value() == "2026-09-15"
    expect(page.get_by_text("NuScale Power (closes to Jul 31, 2026)", exact=False)).to_be_visible()
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(3)
    no_exception(page)
    page.reload()
    wait_for_app(page)
    assert page.get_by_test_id("stDateInput").nth(2).locator("input").input_value() == "2026-09-15"
    page.get_by_role("button", name="The article's window").click()
    wait_for_app(page)
    page.wait_for_function("() => !location.search.includes('s_end=')")
    assert page.get_by_test_id("stDateInput").nth(2).locator("input").input_value() == "2025-01-29"
    no_exception(page)


def test_twenty_months_on_in_japanese(open_page):
    page = open_page("what-next?lang=ja", width=390, height=844)
    expect(page.get_by_role("heading", name="20か月後：記事の見立てと、その後の材料")).to_be_visible()
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(5)
    for i in range(5):
        charts.nth(i).scroll_into_view_if_needed()
        assert charts.nth(i).bounding_box()["height"] > 200, i
    expect(page.get_by_text("相関は因果ではありません", exact=False)).to_be_visible()
    no_exception(page)


def test_the_later_models_from_the_url_survive_a_reload(open_page):
    page = open_page("scaling-law?sl_later=true")
    period = page.get_by_test_id("stSlider").filter(has_text="Period for the trend line")
    expect(period).to_contain_text("2026")
    expect(page.get_by_test_id("stAlertContainer").filter(has_text="no compute estimate")).to_be_visible()
    page.reload()
    wait_for_app(page)
    expect(page.get_by_test_id("stSlider").filter(has_text="Period for the trend line")).to_contain_text("2026")
    assert parse_qs(urlparse(page.url).query).get("sl_later") == ["true"]
    no_exception(page)


def test_home_has_a_card_on_nvidia_since_the_shock(open_page):
    page = open_page("")
    expect(page.get_by_test_id("stMetric").filter(has_text="NVIDIA since the shock")).to_contain_text("+48.8%")
    no_exception(page)
