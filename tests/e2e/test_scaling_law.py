"""The scaling-law page in a real browser: URL state round-trips, keyboard moves the compute slider."""

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.e2e.streamlit_server import wait_for_app


def no_exception(page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


def test_compute_and_fit_from_the_url_survive_a_reload(open_page):
    page = open_page("scaling-law?sl_c=3e25&sl_fit=hoffmann&sl_gpu=H100")
    no_exception(page)
    slider = page.get_by_test_id("stSlider").filter(has_text="Training compute")
    expect(slider).to_contain_text("3×10²⁵ FLOP")
    expect(page.get_by_test_id("stMetric").first).to_contain_text("Compute-optimal model size")
    page.reload()
    wait_for_app(page)
    expect(page.get_by_test_id("stSlider").filter(has_text="Training compute")).to_contain_text("3×10²⁵ FLOP")
    query = parse_qs(urlparse(page.url).query)
    assert query.get("sl_c") == ["3e25"] and query.get("sl_fit") == ["hoffmann"] and query.get("sl_gpu") == ["H100"]


def test_keyboard_moves_the_compute_slider_and_the_url_follows(open_page):
    page = open_page("scaling-law")
    slider = page.get_by_test_id("stSlider").filter(has_text="Training compute")
    slider.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    wait_for_app(page)
    expect(slider).to_contain_text("3×10²⁴ FLOP")
    assert parse_qs(urlparse(page.url).query).get("sl_c") == ["3e24"]
    no_exception(page)
