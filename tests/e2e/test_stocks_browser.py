"""The stock page in Chromium: the URL restores the dates and the group choice, in either language."""

from tests.e2e.streamlit_server import wait_for_app


def test_url_state_round_trips(open_page):
    page = open_page("stocks?lang=ja&s_end=2025-02-07&s_groups=power")
    assert page.get_by_test_id("stException").count() == 0
    end = page.get_by_test_id("stDateInput").nth(2).locator("input")
    assert end.input_value() == "2025-02-07"
    assert "s_end=2025-02-07" in page.url and "s_groups=power" in page.url
    assert page.get_by_text("†", exact=False).count() > 0  # Microsoft and Alphabet flagged
    page.get_by_role("button", name="記事と同じ期間").click()  # the article's window
    wait_for_app(page)
    page.wait_for_function("() => !location.search.includes('s_end=')")
    assert end.input_value() == "2025-01-29"
    page.reload()
    wait_for_app(page)
    assert page.get_by_test_id("stDateInput").nth(2).locator("input").input_value() == "2025-01-29"
    assert "s_groups=power" in page.url


def test_charts_render(open_page):
    page = open_page("stocks")
    charts = page.get_by_test_id("stVegaLiteChart")
    charts.first.wait_for()
    assert charts.count() == 3  # the bars, the lines, and since the shock
    assert all(charts.nth(i).bounding_box()["height"] > 300 for i in range(3))
