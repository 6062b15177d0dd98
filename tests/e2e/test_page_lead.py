"""Full pages as slides: in presenter view every page with a key chart opens on it. At 1280×720 and
1920×1080 (English) and 1280×720 (Japanese, longer titles), the key chart (``ui.present.lead``) lies
inside the first viewport, under the page title, drawn (not blank); its widget labels are whole and
no section heading shows twice (the key chart's heading is its section's)."""

from __future__ import annotations

import pytest

from tests.e2e.streamlit_server import wait_for_app
from ui.pages import ALL_PAGES

LEAD_PAGES = ["stocks", "scaling", "stargate", "deepseek", "scenarios", "next"]
URL = {p.id: p.url for p in ALL_PAGES}
MIN_HEIGHT = 200
CASES = [(1280, 720, "en"), (1920, 1080, "en"), (1280, 720, "ja")]

DRAWN = (
    ".st-key-present_lead [data-testid=stVegaLiteChart] canvas, .st-key-present_lead [data-testid=stVegaLiteChart] svg"
)
BOXES = """() => {
  const box = (e) => {
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  };
  const chart = document.querySelector('.st-key-present_lead [data-testid=stVegaLiteChart]');
  const drawn = chart && chart.querySelector('canvas, svg');
  return {
    chart: box(chart), drawn: !!drawn, title: box(document.querySelector('h1')),
    headings: [...document.querySelectorAll('h2')].filter(h => h.offsetParent).map(h => h.textContent),
    cut: [...document.querySelectorAll('[data-testid=stWidgetLabel] p, [data-testid=stCheckbox] label p')]
      .filter(p => p.offsetParent && p.scrollWidth > p.clientWidth + 1).map(p => p.textContent),
  };
}"""


def settled(page) -> dict:
    """The boxes once the page has reported its viewport and rerun for it (the first run draws for a
    default size): the script idle and two reads 500 ms apart agree."""
    page.wait_for_function("window.__sveViewport && window.__sveViewport.w > 0")
    last = None
    for _ in range(30):
        wait_for_app(page)
        page.wait_for_function(f"document.querySelector({DRAWN!r})")
        now = page.evaluate(BOXES)
        if now == last:
            return now
        last = now
        page.wait_for_timeout(500)
    return last


@pytest.mark.parametrize(("width", "height", "lang"), CASES, ids=[f"{w}x{h}-{lang}" for w, h, lang in CASES])
def test_each_page_opens_on_its_key_chart(browser, server_url, width, height, lang):
    ctx = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = ctx.new_page()
        problems = []
        for pid in LEAD_PAGES:
            page.goto(f"{server_url}/{URL[pid]}?present=1&lang={lang}")
            got = settled(page)
            chart, title = got["chart"], got["title"]
            if chart is None or not got["drawn"]:
                problems.append((pid, "no key chart drawn"))
                continue
            if chart[3] > height + 1 or chart[1] < title[3] or chart[2] > width + 1:
                problems.append((pid, "chart", [round(v) for v in chart], "title", [round(v) for v in title]))
            if chart[3] - chart[1] < MIN_HEIGHT:  # a few bars are drawn a step per bar: not tall, not tiny
                problems.append((pid, "chart too small", [round(v) for v in chart]))
            twice = {h for h in got["headings"] if got["headings"].count(h) > 1}
            if twice:
                problems.append((pid, "heading shown twice", sorted(twice)))
            if got["cut"]:
                problems.append((pid, "cut labels", got["cut"]))
        assert not problems, problems
    finally:
        ctx.close()
