"""The DeepSeek page in a real browser: URL state round-trips, the keyboard moves the price, the caveat shows."""

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.e2e.streamlit_server import wait_for_app


def no_exception(page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


def total_metric(page):
    return page.get_by_test_id("stMetric").filter(has_text="Final training run")


def test_price_and_overhead_from_the_url_survive_a_reload(open_page):
    page = open_page("deepseek?ds_price=3.5&ds_overhead=10%C3%97")
    no_exception(page)
    expect(total_metric(page)).to_contain_text("USD 9.758M")
    expect(page.get_by_text("USD 97.58M").first).to_be_visible()  # 10 × the headline at USD 3.50
    page.reload()
    wait_for_app(page)
    expect(total_metric(page)).to_contain_text("USD 9.758M")
    query = parse_qs(urlparse(page.url).query)
    assert query.get("ds_price") == ["3.5"] and query.get("ds_overhead") == ["10×"]


def test_keyboard_moves_the_price_and_the_url_follows(open_page):
    page = open_page("deepseek")
    expect(total_metric(page)).to_contain_text("USD 5.576M")
    slider = page.get_by_test_id("stSlider").filter(has_text="Rental price")
    slider.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    wait_for_app(page)
    expect(total_metric(page)).to_contain_text("USD 5.715M")  # USD 2.05 × 2.788M GPU-hours
    assert parse_qs(urlparse(page.url).query).get("ds_price") == ["2.05"]
    no_exception(page)


def test_the_caveat_is_a_visible_warning_in_both_languages(open_page):
    for lang, words in (("en", "Only the final training run"), ("ja", "最終的な学習1回分だけの費用です")):
        page = open_page(f"deepseek?lang={lang}", width=390, height=844)
        warning = page.get_by_test_id("stAlertContentWarning")
        expect(warning).to_have_count(1)
        warning.scroll_into_view_if_needed()
        expect(warning).to_be_visible()
        expect(warning).to_contain_text(words)
        no_exception(page)


def test_a_slider_move_after_a_language_switch_stays_in_the_new_language(open_page):
    """A move reruns only its fragment, in a run context of its own: the language it reads must be
    the one just chosen, not the one of an earlier run."""
    page = open_page("deepseek")
    slider = page.get_by_test_id("stSlider").filter(has_text="Rental price")
    slider.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    wait_for_app(page)
    expect(total_metric(page)).to_contain_text("USD 5.715M")
    for _lang, radio, label, price in (
        ("ja", "日本語", "最終的な学習1回分", "H800の1GPU時間あたりレンタル料"),
        ("en", "English", "Final training run", "Rental price"),
    ):
        page.get_by_role("radio", name=radio).click()
        wait_for_app(page)
        slider = page.get_by_test_id("stSlider").filter(has_text=price)
        slider.get_by_role("slider").focus()
        page.keyboard.press("ArrowRight")
        wait_for_app(page)
        metric = page.get_by_test_id("stMetric").filter(has_text=label)
        expect(metric).to_have_count(1)
        no_exception(page)
