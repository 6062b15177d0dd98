"""Japanese in a real browser: the document says lang="ja" (after a switch, on another page, after
a reload), and no Japanese heading leaves one character on a line or breaks inside a phrase, at
1400 and 390 px, on every page and every step of the tour."""

import re

import budoux
import pytest
from playwright.sync_api import expect

from core import talk
from tests.e2e.streamlit_server import wait_for_app
from ui.pages import available

PAGES = available()


def test_document_language_follows_the_reader(open_page):
    page = open_page("")  # an English browser
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "en")
    page.get_by_role("radio", name="日本語").click()
    wait_for_app(page)
    expect(html).to_have_attribute("lang", "ja")
    assert page.locator("h1").first.evaluate("h => h.matches(':lang(ja)')")  # what CSS and screen readers see
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="出典").click()
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("出典")
    expect(html).to_have_attribute("lang", "ja")
    page.reload()
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("出典")
    expect(html).to_have_attribute("lang", "ja")
    page.get_by_role("radio", name="English").click()
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("Sources")
    expect(html).to_have_attribute("lang", "en")
    page.reload()
    wait_for_app(page)
    expect(html).to_have_attribute("lang", "en")


@pytest.mark.parametrize(("path", "locale"), [("", "ja-JP"), ("talk?lang=ja&present=1", "en-US")])
def test_japanese_from_the_browser_locale_and_in_presenter_view(open_page, path, locale):
    page = open_page(path, locale=locale)
    expect(page.locator("html")).to_have_attribute("lang", "ja")


def test_a_fragment_rerun_keeps_the_language_and_the_heading_style(open_page):
    page = open_page("what-next?lang=ja")  # its controls rerun only a fragment, not the entry script
    slider = page.get_by_role("slider").first
    slider.focus()
    slider.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"[?&]wn_k="))
    wait_for_app(page)
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    assert page.locator("h1").first.evaluate("h => getComputedStyle(h).wordBreak") == "auto-phrase"


# Every h1-h3 of the main area: its text and the offsets in it where a new line box starts
# (measured per character with Range.getClientRects; spaces are skipped).
LINES = """() => [...document.querySelectorAll('[data-testid="stMain"] :is(h1, h2, h3)')].map(h => {
  let text = '', starts = [], last = null;
  const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (box && box.width > 0 && !/\\s/.test(node.data[i])) {
        const middle = box.top + box.height / 2;
        if (last === null || middle - last > box.height / 2) starts.push(text.length);
        last = middle;
      }
      text += node.data[i];
    }
  }
  return {text, starts};
})"""

PARSER = budoux.load_default_japanese_parser()
BREAKABLE_AFTER = "、。，．：！？」』）】〕"  # line breaking keeps these break opportunities between phrases


def bad_breaks(text: str, starts: list[int]) -> list[str]:
    """Lines of one character, and breaks inside a BudouX phrase (not after a space or punctuation)."""
    ends = starts[1:] + [len(text)]
    lines = [text[a:b].strip() for a, b in zip(starts, ends)]
    out = [f"one character on a line: {' / '.join(lines)}" for line in lines if len(line) == 1]
    bounds, at = set(), 0
    for phrase in PARSER.parse(text):
        at += len(phrase)
        bounds.add(at)
    for s in starts[1:]:
        before = text[:s].rstrip()
        if s not in bounds and len(before) == s and before[-1:] not in BREAKABLE_AFTER and not text[s].isspace():
            out.append(f"break inside a phrase: {text[:s]} / {text[s:]}")
    return out


def check_headings(page, where: str) -> list[str]:
    headings = page.evaluate(LINES)
    assert headings, f"{where}: no heading"
    return [f"{where}: {p}" for h in headings if h["text"].strip() for p in bad_breaks(h["text"], h["starts"])]


@pytest.mark.parametrize("width", [1400, 390])
def test_japanese_headings_break_between_phrases(open_page, server_url, width):
    page = open_page("?lang=ja", width=width, height=900)
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    found = []
    for p in PAGES:
        if p.id != "home":
            page.goto(f"{server_url}/{p.url}?lang=ja")
            wait_for_app(page)
        if p.id == "talk":  # every step of the tour: the next key, one step at a time
            for step in range(1, talk.COUNT + 1):
                if step > 1:
                    page.locator(".st-key-talk_next button:visible").first.click()  # (keys: test_talk_browser)
                    expect(page.locator(".st-key-talk_nav")).to_contain_text(f"{step} / {talk.COUNT}")
                    wait_for_app(page)
                found += check_headings(page, f"talk step {step}")
        else:
            found += check_headings(page, p.id)
    assert found == [], "\n".join(found)
