"""The scenarios page in a real browser: presets and edits land in the URL, and the URL restores them."""

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.e2e.streamlit_server import wait_for_app


def query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def gpu_hours(page):
    return page.get_by_test_id("stMetricValue").nth(1)


def test_preset_click_lands_in_the_url_and_a_reload_restores_it(open_page, server_url):
    page = open_page("scenarios")
    expect(gpu_hours(page)).to_have_text("2.664M")
    page.get_by_text("GPT-4 (Epoch AI estimate)", exact=True).click()
    wait_for_app(page)
    expect(gpu_hours(page)).to_have_text("57M")
    q = query(page)
    assert q["sc_preset"] == "gpt4" and q["sc_gpus"] == "25000" and q["sc_gpu"] == "A100"
    page.goto(page.url)
    wait_for_app(page)
    expect(gpu_hours(page)).to_have_text("57M")
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_editing_a_preset_link_keeps_every_value(open_page):
    page = open_page("scenarios?sc_preset=llama")
    expect(gpu_hours(page)).to_have_text("26.28M")
    slider = page.get_by_test_id("stSlider").filter(has_text="utilisation").get_by_role("slider")
    # +0.50 percentage points, one key at a time. A rerun that lands mid-way redraws the slider
    # and can drop a key press, so keep pressing until the slider itself reads 41 (bounded).
    for _ in range(120):
        if abs(float(slider.input_value()) - 41) < 1e-9:
            break
        slider.focus()
        slider.press("ArrowRight" if float(slider.input_value()) < 41 else "ArrowLeft")
    wait_for_app(page)
    assert abs(float(slider.input_value()) - 41) < 1e-9
    expect(gpu_hours(page)).to_have_text("25.96M")  # at 41% instead of 40.5%
    q = query(page)
    assert q["sc_preset"] == "own" and float(q["sc_mfu"]) == 41 and float(q["sc_active"]) == 405, q
    assert q["sc_gpus"] == "16384" and q["sc_gpu"] == "H100" and q["sc_cost"] == "own", q
    page.goto(page.url)  # the edited link alone rebuilds the same scenario
    wait_for_app(page)
    expect(gpu_hours(page)).to_have_text("25.96M")


def open_downloads(page, stem: str):
    """Open a chart's "Download" menu (its buttons are drawn once it is open: a rerun)."""
    page.locator(f".st-key-dl_{stem}").get_by_role("button").first.click()
    page.locator(f".st-key-csv_{stem}, .st-key-svg_{stem}").first.wait_for()


def test_downloads_under_each_chart_give_the_chart_as_it_is_at_the_click(open_page):
    """Each chart's downloads sit under it (one "Download" menu), inside the calculator's fragment:
    they must give the reader's current scenario, not the one of the page's first run."""
    import csv
    import io
    from pathlib import Path

    page = open_page("scenarios")
    slider = page.get_by_test_id("stSlider").filter(has_text="utilisation").get_by_role("slider")
    start = float(slider.input_value())
    for _ in range(20):  # one step up (a rerun landing mid-way can drop a key press)
        if float(slider.input_value()) != start:
            break
        slider.focus()
        slider.press("ArrowRight")
    wait_for_app(page)
    moved = float(slider.input_value())
    assert moved != start
    open_downloads(page, "scenarios-cost-en")
    with page.expect_download() as got:
        page.locator(".st-key-csv_scenarios-cost-en").get_by_role("button").click()
    assert got.value.suggested_filename == "scenarios-cost-en.csv"
    rows = list(csv.DictReader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8"))))
    current = [r for r in rows if r["current"] == "True"]
    assert len(current) == 1 and float(current[0]["x"]) == moved  # this move's scenario, not the page's first
    page.keyboard.press("Escape")  # the first menu closed
    open_downloads(page, "scenarios-comparison-en")
    with page.expect_download() as got:
        page.locator(".st-key-svg_scenarios-comparison-en").get_by_role("button").click()
    assert got.value.suggested_filename == "scenarios-comparison-en.svg"
    assert Path(got.value.path()).read_text(encoding="utf-8").lstrip().startswith("<svg")
    expect(page.get_by_test_id("stException")).to_have_count(0)
