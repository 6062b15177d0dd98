"""Every slide fits every projector: in presenter view, at each screen size from 4:3 1024×768 to
3840×2160, each step's heading, chart (or figure), sentence and source lie inside the viewport and
the page does not scroll, in English at every size and in Japanese at three."""

from __future__ import annotations

import pytest

from core import talk
from tests.e2e.streamlit_server import wait_for_app
from tests.e2e.test_talk_browser import at_step

SIZES = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080), (1920, 1200), (2560, 1440), (3840, 2160)]
CASES = [(w, h, "en") for w, h in SIZES] + [(w, h, "ja") for w, h in ((1024, 768), (1280, 720), (3840, 2160))]
PARTS = {
    "heading": "h1",
    "visual": ".st-key-talk_figure, [data-testid='stVegaLiteChart']",
    "sentence": ".st-key-talk_sentence",
    "source": ".st-key-talk_source",
}

MEASURE = """(sel) => {
  const found = [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length);
  if (!found.length) return null;
  const r = found[0].getBoundingClientRect();
  return [r.left, r.top, r.right, r.bottom];
}"""


@pytest.mark.parametrize(("width", "height", "lang"), CASES, ids=[f"{w}x{h}-{lang}" for w, h, lang in CASES])
def test_every_slide_fits_the_screen(browser, server_url, width, height, lang):
    ctx = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = ctx.new_page()
        page.goto(f"{server_url}/talk?present=1&step=1&lang={lang}")
        wait_for_app(page)
        problems = []
        for step in range(1, talk.COUNT + 1):
            if step > 1:
                page.keyboard.press("PageDown")
            at_step(page, step, lang)
            page.wait_for_function(  # the chart has its size (Vega draws after the run)
                "document.querySelector('.st-key-talk_figure, [data-testid=stVegaLiteChart] canvas, "
                "[data-testid=stVegaLiteChart] svg')"
            )
            scroll = page.evaluate("[document.scrollingElement.scrollHeight, window.innerHeight]")
            if scroll[0] > scroll[1] + 1:
                problems.append((step, "page scrolls", scroll))
            for name, selector in PARTS.items():
                box = page.evaluate(MEASURE, selector)
                if box is None:
                    problems.append((step, name, "missing"))
                elif box[0] < -1 or box[1] < -1 or box[2] > width + 1 or box[3] > height + 1:
                    problems.append((step, name, [round(v) for v in box]))
        assert not problems, problems
    finally:
        ctx.close()
