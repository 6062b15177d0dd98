"""The presenter's deck in a real browser: a speaker console and its audience window stay in step,
readers elsewhere cannot drive a talk, the clicker survives a server restart, and a page opened from
a step leads back to it."""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from core import talk
from tests.e2e.streamlit_server import free_port, streamlit_server, wait_for_app
from tests.e2e.test_talk_browser import at_step

ROOM = "testroom_0123456789"


def test_console_and_audience_follow_each_other(open_page):
    console = open_page(f"talk?console=1&room={ROOM}", width=1400, height=900)
    expect(console.get_by_text("Speaker console", exact=False).or_(console.locator(".st-key-talk_console_notes")))
    expect(console.locator(".st-key-talk_console_notes")).to_be_visible()
    expect(console.get_by_text(re.compile(r"^Next: "))).to_be_visible()
    with console.context.expect_page() as popup:
        console.get_by_role("button", name="Open the audience window").click()
    audience = popup.value
    wait_for_app(audience)
    at_step(audience, 1, "en")
    expect(audience.locator(".st-key-talk_console_notes")).to_have_count(0)  # no notes for the audience
    started = time.monotonic()
    audience.keyboard.press("PageDown")  # the clicker drives the audience window ...
    at_step(audience, 2, "en")
    at_step(console, 2, "en")  # ... and the console follows
    assert time.monotonic() - started < 5
    console.bring_to_front()
    console.keyboard.press("PageDown")  # the speaker moves on from the console
    at_step(console, 3, "en")
    at_step(audience, 3, "en")
    expect(console.get_by_test_id("stException")).to_have_count(0)


def test_a_reader_elsewhere_cannot_drive_the_talk(browser, server_url):
    """Two browser contexts (two readers) with the same room id: the channel is the browser's own."""
    first, second = (browser.new_context(viewport={"width": 1400, "height": 900}) for _ in range(2))
    try:
        a, b = first.new_page(), second.new_page()
        for page in (a, b):
            page.goto(f"{server_url}/talk?room={ROOM}x&step=1")
            wait_for_app(page)
            at_step(page, 1, "en")
        b.keyboard.press("PageDown")
        at_step(b, 2, "en")
        a.wait_for_timeout(1500)  # give a (wrongly) shared channel time to arrive: none must
        at_step(a, 1, "en")
    finally:
        first.close()
        second.close()


def test_clicker_keeps_working_after_a_server_restart(browser):
    """Kill and restart the server mid-tour: the deck says it is reconnecting, comes back on the same
    step and language, and the next PageDown advances with no click first."""
    port = free_port()
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        with streamlit_server(port=port) as url:
            page = ctx.new_page()
            page.goto(f"{url}/talk?present=1&step=3&lang=ja")
            wait_for_app(page)
            at_step(page, 3, "ja")
        expect(page.locator(".sve-reconnecting")).to_be_visible(timeout=20_000)  # the speaker is told
        with streamlit_server(port=port):
            expect(page.locator(".sve-reconnecting")).to_have_count(0, timeout=30_000)
            wait_for_app(page)
            at_step(page, 3, "ja")  # same step, same language
            page.keyboard.press("PageDown")  # no click first
            at_step(page, 4, "ja")
    finally:
        ctx.close()


def test_back_to_the_step_from_a_full_page(open_page):
    page = open_page(f"talk?present=1&step={1 + [s.id for s in talk.STEPS].index('stargate')}", width=1920)
    page.get_by_role("link", name=re.compile("Dive in")).click()
    wait_for_app(page)
    back = page.get_by_role("link", name="Back to step 4")
    expect(back).to_be_visible()
    back.click()
    at_step(page, 4, "en")


def test_the_tour_on_a_phone(browser, server_url):
    """One row of Previous / Next at the top with no key hints on a touch screen, and Previous / Next
    again after the sentence, which move the tour."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = ctx.new_page()
        page.goto(f"{server_url}/talk?step=2")
        wait_for_app(page)
        prev, nxt = (page.locator(f".st-key-talk_{k} button:visible").first for k in ("prev", "next"))
        assert abs(prev.bounding_box()["y"] - nxt.bounding_box()["y"]) < 2  # one row
        expect(page.locator(".st-key-talk_nav kbd").first).to_be_hidden()
        end = page.locator(".st-key-talk_next_end button:visible").first
        expect(end).to_be_visible()
        assert end.bounding_box()["y"] > page.locator(".st-key-talk_sentence").bounding_box()["y"]
        end.tap()
        at_step(page, 3, "en")
    finally:
        ctx.close()


def test_no_phone_buttons_on_a_laptop(open_page):
    page = open_page("talk?step=2", width=1400, height=900)
    expect(page.locator(".st-key-talk_next_end button").first).to_be_hidden()


def test_projection_theme_in_a_dark_os(open_page):
    """Presenter view stays light on a laptop in dark mode: page, primary button (white on #0066A6,
    6.0:1) and the slide's chart, whose own config outranks Streamlit's dark chart theme."""
    page = open_page("talk?present=1&step=2", width=1280, height=720, theme="dark")
    assert page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor") == "rgb(255, 255, 255)"
    nxt = page.locator(".st-key-talk_next button:visible").first
    assert nxt.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(0, 102, 166)"
    page.wait_for_selector("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg")
    corner = page.evaluate("""() => {
      const c = document.querySelector("[data-testid='stVegaLiteChart'] canvas");
      if (!c) return null;
      const px = c.getContext('2d').getImageData(2, 2, 1, 1).data;
      return [px[0], px[1], px[2]];
    }""")
    assert corner in (None, [255, 255, 255]), corner  # (an SVG renderer has no canvas to read)
