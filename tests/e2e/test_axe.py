"""Accessibility by test: axe-core (bundled in ``axe-playwright-python``, so it runs offline) over
every page in both languages and both themes, and presenter view on a few pages; keyboard focus
visible on everything the Tab key reaches; one tab stop per control where Streamlit allows it.

A violation fails the test when axe rates it serious or critical, or when headings skip a level
(``heading-order``, rated moderate: the page's outline is what a screen reader's heading list
reads). What Streamlit itself causes, that our markup and styles cannot fix, is listed in
``ALLOWED`` with the upstream issue; nothing else is excused.

Budget: one browser, one server, one context per theme; about 45 s on two cores.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.e2e.streamlit_server import wait_for_app
from ui.pages import ALL_PAGES

PAGES = ["" if p.id == "home" else p.url for p in ALL_PAGES]
PRESENTER_PAGES = ["", "talk", "stocks", "scenarios"]
FAILING_IMPACTS = {"serious", "critical"}
ALWAYS_FAILING = {"heading-order"}  # moderate for axe; for us the page outline must be in order


@dataclass(frozen=True)
class Allowed:
    """A violation Streamlit's own markup causes (not ours to fix): axe's rule, a piece of the
    failing element's HTML that identifies it, why, and the upstream issue."""

    rule: str
    html: str
    why: str
    upstream: str

    def covers(self, rule: str, html: str) -> bool:
        return rule == self.rule and self.html in html


# What Streamlit 1.67 itself causes. Keep it short; every entry names the upstream issue. Empty
# today: what Streamlit's markup caused (captions at 60% opacity, a primary button's faded shortcut
# hint, the formula's 2-px scroll region, no focus ring on navigation links) our stylesheets fix
# (ui/chrome.py, ui/present.py).
ALLOWED: tuple[Allowed, ...] = ()

AXE = Axe()


def violations(page: Page) -> list[str]:
    """axe's failing findings on the page as it is, one line each (rule, impact, element)."""
    result = AXE.run(page, options={"resultTypes": ["violations"]}).response
    found = []
    for v in result["violations"]:
        if v["impact"] not in FAILING_IMPACTS and v["id"] not in ALWAYS_FAILING:
            continue
        for node in v["nodes"]:
            if any(a.covers(v["id"], node["html"]) for a in ALLOWED):
                continue
            summary = node.get("failureSummary", "").replace("\n", " ")[:220]
            found.append(f"{v['id']} ({v['impact']}): {node['html'][:120]} :: {summary}")
    return found


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per theme, shared by the module's tests (a context per page cost more
    than the checks)."""
    made = {}

    def get(theme: str):
        if theme not in made:
            made[theme] = browser.new_context(viewport={"width": 1400, "height": 900}, color_scheme=theme)
            made[theme].new_page()
        return made[theme].pages[0]

    yield get
    for ctx in made.values():
        ctx.close()


def visit(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    assert page.get_by_test_id("stException").count() == 0, url


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_page_passes_axe(contexts, server_url, theme, lang):
    page = contexts(theme)
    problems = []
    for path in PAGES:
        visit(page, f"{server_url}/{path}?lang={lang}")
        problems += [f"/{path} {lang} {theme}: {v}" for v in violations(page)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("theme", "lang"), [("light", "en"), ("dark", "ja")])
def test_presenter_view_passes_axe(contexts, server_url, theme, lang):
    """Presenter view is light whatever the system's theme (ui.present's projection styles); one
    language a theme keeps the run short (the styles do not depend on the language)."""
    page = contexts(theme)
    problems = []
    for path in PRESENTER_PAGES:
        visit(page, f"{server_url}/{path}?lang={lang}&present=1")
        problems += [f"/{path} {lang} {theme} presenter: {v}" for v in violations(page)]
    assert not problems, "\n".join(problems)


# ---- the keyboard ------------------------------------------------------------------------------

# The focused element, where it is, and whether a focus indicator shows: an outline of 2 px or
# more, or a ring drawn as a box shadow, on the element or (text fields and select boxes, whose
# frame shows the focus) on its input frame.
FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const shown = (el) => {
    if (!el) return false;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    return outline || (s.boxShadow !== 'none' && /\\b[2-9](\\.\\d+)?px|\\b\\d{2}px/.test(s.boxShadow));
  };
  const frame = e.closest('[data-baseweb="input"], [data-baseweb="select"] > div, [data-baseweb="textarea"]');
  const widget = e.closest('[data-testid^="st"][class*="stElementContainer"], .stElementContainer');
  return {
    what: (e.tagName + ' ' + (e.getAttribute('aria-label') || e.innerText || '').trim()).slice(0, 60),
    visible: shown(e) || shown(frame),
    help: e.closest('[data-testid="stTooltipHoverTarget"]') !== null
      && (e.getAttribute('aria-label') || '').startsWith('Help'),
    widget: widget ? (widget.querySelector('[data-testid="stWidgetLabel"]')?.innerText || '').trim() : '',
    inSidebar: e.closest('[data-testid="stSidebar"]') !== null,
  };
}"""


def tab_through(page: Page, stops: int) -> list[dict]:
    seen = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUS)
        if info is not None:  # None: the focus left the page for a moment (a fragment redrawn)
            seen.append(info)
    return seen


@pytest.mark.parametrize(("path", "stops"), [("", 25), ("stocks", 45), ("scenarios", 60)])
def test_keyboard_focus_is_always_visible(contexts, server_url, path, stops):
    """Every element the Tab key reaches shows where the focus is: the navigation links (a faint
    grey fill before), buttons, inputs, sliders, toggles, date fields, the charts' toolbars."""
    page = contexts("light")
    visit(page, f"{server_url}/{path}?lang=en")
    seen = tab_through(page, stops)
    assert len(seen) >= stops * 0.8
    hidden = [s["what"] for s in seen if not s["visible"]]
    assert not hidden, hidden


def test_one_tab_stop_per_scenario_input(contexts, server_url):
    """Each of the calculator's inputs is one tab stop. Streamlit 1.67 adds one more before each
    input that has help text: the help icon (``help=``) is a focusable button by design (made so in
    https://github.com/streamlit/streamlit/issues/13330, pull 13379: it is how a keyboard reaches the
    help text, which Streamlit does not attach to the field), and no option keeps it out of the tab
    order (nor can CSS). So: exactly one stop for the input itself, at most one for its help."""
    page = contexts("light")
    visit(page, f"{server_url}/scenarios?lang=en")
    # start from the title, once the page's second run (it seeds the inputs from the URL) has drawn:
    # a late redraw could leave the focus further down, and the walk then met one input only
    page.wait_for_timeout(500)
    wait_for_app(page)
    page.locator("h1").first.click()
    seen = [s for s in tab_through(page, 60) if not s["inSidebar"]]
    per_widget: dict[str, list[dict]] = {}
    for s in seen:
        if s["widget"]:
            per_widget.setdefault(s["widget"], []).append(s)
    inputs = {w: stops for w, stops in per_widget.items() if any(not s["help"] for s in stops)}
    assert len(inputs) >= 8, list(per_widget)
    for widget, stops in inputs.items():
        own = [s["what"] for s in stops if not s["help"]]
        helps = [s for s in stops if s["help"]]
        assert len(own) == 1 and len(helps) <= 1, (widget, [s["what"] for s in stops])
