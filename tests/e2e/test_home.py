"""Home in a real browser: the who-fell chart and the tour fit the first screen of a laptop and a
phone in both languages, and every step of the argument leads to its page in the reader's language."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from core import headlines
from core.content import load_strings
from core.datasets import load
from tests.e2e.streamlit_server import wait_for_app
from ui.pages import ALL_PAGES

SIZES = {"laptop": (1400, 900), "phone": (390, 844)}
STEPS = ["stocks", "scaling", "stargate", "deepseek", "scenarios", "next"]  # the argument's order
URL = {p.id: p.url for p in ALL_PAGES}


def no_exception(page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


def language_of(url: str) -> str:
    return parse_qs(urlparse(url).query).get("lang", ["en"])[0]


def in_first_screen(box: dict | None, height: int) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("size", SIZES)
def test_who_fell_and_the_tour_are_in_the_first_screen(open_page, size, lang):
    width, height = SIZES[size]
    page = open_page(f"?lang={lang}", width=width, height=height)
    chart = page.get_by_test_id("stVegaLiteChart")
    expect(chart).to_have_count(1)
    expect(chart.locator("svg, canvas").first).to_be_visible()  # drawn, not only placed
    # its text alternative: what the bars show, with the largest fall as the figure model says it
    market = headlines.market_figures(load("prices"), load("companies"), load("dates"))
    worst = market.groups["power"].worst_ticker  # the power group's worst is the largest fall of all
    name = dict(zip(load("companies")["ticker"], load("companies")[f"name_{lang}"]))[worst]
    said = f"{re.escape(name)}.{{0,3}}{re.escape(market.figs[f'drawdown_{worst}'].text(lang))}"
    expect(chart).to_have_attribute("aria-label", re.compile(said))
    box = chart.bounding_box()
    assert in_first_screen(box, height), (size, lang, box)
    tour = page.locator(".st-key-home_tour").get_by_role("link")
    expect(tour).to_be_visible()
    assert in_first_screen(tour.bounding_box(), height), (size, lang, tour.bounding_box())
    no_exception(page)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_tour_is_a_primary_link_that_keeps_the_language(open_page, lang):
    page = open_page(f"?lang={lang}")
    tour = page.locator(".st-key-home_tour").get_by_role("link")
    colours = tour.evaluate("a => [getComputedStyle(a).backgroundColor, getComputedStyle(a.querySelector('p')).color]")
    assert colours == ["rgb(0, 102, 166)", "rgb(255, 255, 255)"]  # white on the primary blue, 6.2:1
    tour.click()
    wait_for_app(page)
    assert urlparse(page.url).path.endswith("/talk") and language_of(page.url) == lang
    assert page.evaluate("document.documentElement.lang") == lang
    no_exception(page)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_step_leads_to_its_page_in_the_language(open_page, server_url, lang):
    strings = load_strings(lang)
    page = open_page(f"?lang={lang}")
    links = page.locator(".st-key-home_steps").get_by_role("link")
    expect(links).to_have_count(len(STEPS))
    for i, step in enumerate(STEPS):
        if i:  # back to Home for the next step
            page.goto(f"{server_url}/?lang={lang}")
            wait_for_app(page)
        link = page.locator(".st-key-home_steps").get_by_role("link").nth(i)
        expect(link).to_have_accessible_name(strings[f"nav.{step}"])
        href = link.get_attribute("href") or ""
        assert urlparse(href).path.endswith(URL[step]) and language_of(href) == lang, href
        link.click()
        wait_for_app(page)
        expect(page.locator("h1").first).to_have_text(strings[f"{step}.title"])
        assert urlparse(page.url).path.endswith("/" + URL[step]), page.url
        assert language_of(page.url) == lang, page.url
        assert page.evaluate("document.documentElement.lang") == lang
        no_exception(page)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("size", SIZES)
def test_no_label_is_cut_short(open_page, size, lang):
    """Cards' labels and links wrap in a narrow column instead of ending in "…" ("Explore: The stock
    reactio", "エヌビディア：ショック後…")."""
    width, height = SIZES[size]
    page = open_page(f"?lang={lang}", width=width, height=height)
    expect(page.get_by_test_id("stMetric")).to_have_count(6)
    cut = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMetricLabel"] p, [data-testid="stPageLink"] p')]
             .filter(p => p.scrollWidth > p.clientWidth + 1
                          || getComputedStyle(p.parentElement).textOverflow === 'ellipsis'
                             && p.parentElement.scrollWidth > p.parentElement.clientWidth + 1)
             .map(p => p.textContent)"""
    )
    assert cut == [], cut
