"""The stock index chart in Chromium: a click anywhere on the plot picks the group of the nearest
close (a tap needs no aim: the hit points are thinned, ``ui.stocks_charts.hit_rows``, but every line
keeps them), and its members come forward with their tickers; a double click goes back."""

from __future__ import annotations

import json

from core.datasets import load

TICKERS = json.dumps(sorted(load("companies")["ticker"]))
# the member tickers the chart shows (Vega writes an invisible label with opacity 0)
SHOWN = f"""(chart) => [...chart.querySelectorAll('svg text')]
  .filter((t) => {TICKERS}.includes(t.textContent.trim()) && t.getAttribute('opacity') !== '0')
  .map((t) => t.textContent.trim())"""


def test_a_click_brings_the_nearest_group_forward(open_page):
    page = open_page("stocks")
    chart = page.get_by_test_id("stVegaLiteChart").nth(1)  # the bars, then the lines
    chart.scroll_into_view_if_needed()
    chart.locator("svg").wait_for()
    assert chart.evaluate(SHOWN) == []  # the groups' names only, until a group is picked
    box = chart.locator("svg").bounding_box()
    at = (box["x"] + box["width"] * 0.45, box["y"] + box["height"] * 0.35)  # inside the plot, on no line
    page.mouse.click(*at)
    page.wait_for_function(f"(c) => ({SHOWN})(c).length >= 2", arg=chart.element_handle(), timeout=10_000)
    page.mouse.dblclick(*at)
    page.wait_for_function(f"(c) => ({SHOWN})(c).length == 0", arg=chart.element_handle(), timeout=10_000)
