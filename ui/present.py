"""Presenter view: ``?present=1`` (or the sidebar toggle) hides navigation and chrome and makes
type and charts legible from the back of a room. The flag lives in the URL, so a reload or a
prepared link stays in presenter view.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

from ui.i18n import t

PARAM = "present"
STATE = "_present"
CHART_FONT = {False: 13, True: 22}

# Our own constant stylesheet (nothing from data or the URL goes into it).
_CSS = """
<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 96vw; padding-top: 1.2rem; padding-bottom: 2rem; }
[data-testid="stLayoutWrapper"]:has(> .st-key-_viewport_holder), .st-key-_viewport_holder { display: none; }
.stApp { font-size: 1.45rem; }
.stApp p, .stApp li, .stApp label, .stApp [data-testid="stCaptionContainer"] { font-size: 1.45rem; line-height: 1.5; }
.stApp h1 { font-size: 3.6rem; } .stApp h2 { font-size: 2.6rem; } .stApp h3 { font-size: 2.0rem; }
.stApp [data-testid="stMetricValue"], .stApp [data-testid="stMetricValue"] * {
  font-size: 3.6rem !important; line-height: 1.2; }
.stApp [data-testid="stMetricLabel"] p { font-size: 1.5rem; }
.stApp [data-testid="stDateInputField"], .stApp [data-testid="stDateInputField"] [role="group"] * {
  font-size: 1.45rem !important; line-height: 1.5; }
.stApp [data-testid="stDateInputField"] { min-height: 3.2rem; }
.stApp [data-testid="stNumberInputField"] { font-size: 1.45rem; }
.stApp [data-testid="stDateInputCalendarButton"] svg { width: 1.6rem; height: 1.6rem; }
.stApp [data-testid="stSelectbox"] input, .stApp [data-testid="stMultiSelect"] input,
.stApp [data-testid="stMultiSelect"] [role="row"] span, .stApp [data-testid="stMultiSelect"] [role="gridcell"] span {
  font-size: 1.45rem; line-height: 1.5; }
.stApp [data-testid="stTable"] td, .stApp [data-testid="stTable"] th { font-size: 1.3rem; line-height: 1.4; }
.stApp [data-baseweb="tag"] span { font-size: 1.25rem; }
.stApp [data-testid="stSliderThumbValue"], .stApp [data-testid="stSliderTickBarMin"],
.stApp [data-testid="stSliderTickBarMax"] { font-size: 1.3rem; }
.stApp [data-testid="stMarkdownContainer"] .katex { font-size: 1.5em; }
.stApp [data-testid="stExpander"] summary p, .stApp [data-testid="stTooltipHoverTarget"] p { font-size: 1.45rem; }
.stApp [data-testid="stWidgetLabel"] p, .stApp [data-testid="stCheckbox"] label p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
.stApp [data-testid="stCheckbox"] label > div:first-of-type { transform: scale(1.6); transform-origin: left center;
  margin-right: 1rem; }
</style>
"""


def presenting() -> bool:
    """True in presenter view: seeded once from ``?present=1``, then the toggle decides."""
    if STATE not in st.session_state:
        st.session_state[STATE] = st.query_params.get(PARAM, "") in ("1", "true")
    return bool(st.session_state[STATE])


def _sync_url() -> None:
    if st.session_state.get(STATE):
        st.query_params[PARAM] = "1"
    elif PARAM in st.query_params:
        del st.query_params[PARAM]


# The viewport's size, reported by the browser in presenter view (on load and after a resize), so
# type and charts scale with the screen rather than suit one size. Constant code; the size comes back
# as the component's state (two numbers), nothing goes into the page.
_VIEWPORT_JS = """
export default function (component) {
  const { setStateValue } = component;
  const v = (window.__sveViewport = window.__sveViewport || {});
  v.set = setStateValue;
  const report = () => {
    const w = window.innerWidth, h = window.innerHeight;
    if (v.w && Math.abs(w - v.w) < 8 && Math.abs(h - v.h) < 8) return;
    v.w = w; v.h = h;
    v.set("size", [w, h]);
  };
  if (!v.listening) {
    v.listening = true;
    window.addEventListener("resize", () => { clearTimeout(v.timer); v.timer = setTimeout(report, 250); });
  }
  v.w = 0;
  report();
}
"""
_viewport_component = st.components.v2.component("sve_viewport", js=_VIEWPORT_JS)
VIEWPORT_STATE = "_viewport"
DEFAULT_VIEWPORT = (1920, 1080)  # until the browser has said (one run at most)
MIN_VIEWPORT, MAX_VIEWPORT = (320, 320), (7680, 4320)


def viewport() -> tuple[int, int]:
    """The browser's viewport (width, height) in CSS pixels, as last reported, clamped to sane sizes."""
    state = st.session_state.get(VIEWPORT_STATE) or {}
    size = state.get("size") if hasattr(state, "get") else None
    try:
        w, h = (int(v) for v in size)
    except (TypeError, ValueError):
        return DEFAULT_VIEWPORT
    return (min(max(w, MIN_VIEWPORT[0]), MAX_VIEWPORT[0]), min(max(h, MIN_VIEWPORT[1]), MAX_VIEWPORT[1]))


def slide_chart_height() -> int:
    """A tour slide's chart height in presenter view: what is left of the screen's height under the
    navigation and the heading (the sentence sits beside the chart)."""
    return max(200, int(viewport()[1] * 0.62))


def apply() -> bool:
    """Keep the URL in step and, in presenter view, restyle the page. Returns the flag."""
    on = presenting()
    _sync_url()
    if on:
        st.html(_CSS)
        with st.container(key="_viewport_holder"):
            _viewport_component(key=VIEWPORT_STATE, on_size_change=lambda: None)
    return on


# Full pages as slides: in presenter view a page opens on its key chart. The page marks that chart's
# section with ``lead()`` (a keyed container; nothing changes for readers); this stylesheet puts the
# section straight under the title, in whatever block holds it (a fragment's or a column's block
# too), and ``lead_chart_height`` sizes its chart to the screen. The type of a full page grows with
# the screen's height (rem scales with the root font; 16 px at 1080 px, as the sizes were tuned).
# Source order stays the reading order for screen readers; only the visual order changes.
LEAD = "present_lead"
_CSS_PAGE = """
<style>
html { font-size: clamp(12px, 1.48vh, 40px) !important; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > * { order: -2; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > :has(h1) ~ * { order: 0; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > :has(h1) ~ :has(.st-key-present_lead),
[data-testid="stVerticalBlock"] [data-testid="stVerticalBlock"] > :has(.st-key-present_lead) { order: -1; }
.st-key-present_lead h2 { padding-top: 0; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > :has(> .st-key-_present_exit) {
  margin-bottom: -0.75rem; }
</style>
"""
_LEADING: ContextVar[bool] = ContextVar("leading", default=False)
LEAD_HEIGHT = 0.58  # of the screen's height: the key chart in all (plot, axes, legend), under the title and its heading
LEGEND_BESIDE = 1000  # px of screen width from which the key chart's legend goes beside its plot


def page_style(page_url: str) -> None:
    """Presenter view on a full page (not the tour, which lays out its own slides): the lead first,
    type by the screen's height."""
    if presenting() and page_url != "talk":
        st.html(_CSS_PAGE)


@contextmanager
def lead(heading: str | None = None) -> Iterator[None]:
    """The page's key chart (and its section's heading): first under the title in presenter view,
    its chart sized to the screen (``ui.charts.show`` asks ``leading``). ``heading``: for a chart
    whose section heading stays in place above its controls, a heading over the chart in presenter
    view only. For readers no container: it would be one more element to send on every move of the
    fragment it sits in, for nothing they see."""
    if not presenting():
        yield
        return
    token = _LEADING.set(True)
    try:
        with st.container(key=LEAD):
            if heading:
                st.header(heading)  # h2 under the page title (headings in order)
            yield
    finally:
        _LEADING.reset(token)


def section_header(text: str) -> None:
    """The heading of a section whose key chart leads with it (``lead(heading)``): in place for
    readers; in presenter view only over the key chart, not twice."""
    if not presenting():
        st.header(text)


def leading() -> bool:
    """True for a chart drawn inside ``lead()`` in presenter view."""
    return _LEADING.get() and presenting()


def lead_chart_height() -> int:
    """The key chart's height in presenter view (Streamlit fits plot, axes and legend into it): what
    the title and the chart's heading leave of the screen's height (they scale with it too)."""
    return max(200, int(viewport()[1] * LEAD_HEIGHT))


def toggle() -> None:
    """The switch readers see in the sidebar; in presenter view an exit button at the end."""
    if presenting():
        st.button(
            t("present.exit"),
            key="_present_exit",
            type="tertiary",
            icon=":material/close_fullscreen:",
            on_click=lambda: st.session_state.update({STATE: False}),
        )
    else:
        st.sidebar.toggle(t("present.toggle"), key=STATE, help=t("present.toggle_help"))


# The projection theme: presenter view and the speaker console are light whatever the operating
# system's dark mode (a projected dark page washes out, and its primary button was 2.3:1); colours
# as the light theme in .streamlit/config.toml, every text ≥ 4.5:1 on its background
# (tests/e2e/test_axe.py). Streamlit draws captions at 60% opacity (#4A5058 became 2.97:1), and
# under a dark system theme its input fields, option buttons and notices keep dark backgrounds
# (dark text on them was 1.02:1): those are set light here too. Charts follow (ui.charts.chart_dark).
_CSS_PROJECTION = """
<style>
html body .stApp, .stApp [data-testid="stAppViewContainer"], .stApp [data-testid="stMain"],
.stApp [data-testid="stBottomBlockContainer"], .stApp [data-testid="stVegaLiteChart"] {
  background: #FFFFFF !important; color: #1B1F24 !important; color-scheme: light; }
.stApp h1, .stApp h2, .stApp h3, .stApp p, .stApp li, .stApp label, .stApp span,
.stApp [data-testid="stMetricValue"], .stApp [data-testid="stMetricLabel"] { color: #1B1F24; }
.stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stCaptionContainer"] * { color: #4A5058 !important; }
.stApp [data-testid="stCaptionContainer"] { opacity: 1 !important; }
.stApp a, .stApp a * { color: #0066A6 !important; }
.stApp button[kind="primary"], .stApp button[data-testid="stBaseButton-primary"] {
  background: #0066A6 !important; border-color: #0066A6 !important; color: #FFFFFF !important; }
.stApp button[kind="primary"] *, .stApp button[data-testid="stBaseButton-primary"] * { color: #FFFFFF !important; }
.stApp button[kind="secondary"], .stApp button[data-testid="stBaseButton-secondary"],
.stApp button[data-testid="stBaseButton-tertiary"] {
  background: #FFFFFF !important; border-color: #8A9099 !important; color: #1B1F24 !important; }
.stApp button:disabled, .stApp button:disabled * { color: #5C636B !important; }
.stApp [data-testid="stExpander"] details, .stApp [data-testid="stVerticalBlockBorderWrapper"] {
  background: #FFFFFF; border-color: #C9CED6; }
.stApp [data-testid="stProgress"] > div > div { background: #E3E7ED; }
.stApp :focus-visible { outline: 3px solid #0066A6 !important; outline-offset: 2px; }
.stApp [data-baseweb="input"], .stApp [data-baseweb="input"] > div, .stApp [data-baseweb="select"] > div,
.stApp [data-baseweb="textarea"], .stApp [data-testid="stDateInputField"], .stApp [data-testid="stExpander"] summary,
.stApp [data-testid="stButtonGroup"] button[aria-checked="false"],
.stApp [data-testid="stButtonGroup"] button:not([aria-checked]) {
  background: #FFFFFF !important; border-color: #8A9099 !important; color: #1B1F24 !important; }
.stApp input, .stApp textarea, .stApp [data-testid="stDateInputField"] [role="spinbutton"] {
  color: #1B1F24 !important; -webkit-text-fill-color: #1B1F24; }
.stApp [data-testid="stButtonGroup"] button[aria-checked="true"] {
  background: #E5F0F7 !important; border-color: #0066A6 !important; color: #0066A6 !important; }
.stApp [data-testid="stButtonGroup"] button[aria-checked="true"] * { color: #0066A6 !important; }
.stApp [data-testid="stAlertContainer"] { background: #EEF4FA !important; color: #1B1F24 !important; }
</style>
"""


def projection() -> bool:
    """Presenter view or the speaker console: the light projection theme applies."""
    return presenting() or bool(st.session_state.get("_console"))


def apply_projection() -> None:
    if projection():
        st.html(_CSS_PROJECTION)


def dark_charts() -> bool:
    """Charts drawn for a dark background: the reader's dark theme, never in the projection theme."""
    return st.context.theme.type == "dark" and not projection()


def back_to_tour(page_url: str) -> None:
    """On a page opened from a tour step (``?tour=n``, set by the step's "Dive in" link), a link
    back to that step, carrying the link's other settings."""
    from core import talk
    from core.paths import ROOT
    from ui import pages

    raw = st.query_params.get("tour")
    if raw is not None and "_tour" not in st.session_state:
        st.session_state["_tour"] = talk.clamp_step(raw)
    step = st.session_state.get("_tour")
    if step is None or page_url == "talk":
        return
    st.query_params["tour"] = str(step)
    keep = {k: v for k, v in st.query_params.to_dict().items() if k != "tour"} | {"step": str(step)}
    for p in pages.available():
        if p.id == "talk":
            st.page_link(str(ROOT / p.file), label=t("talk.back", step=step), icon=":material/undo:", query_params=keep)


def chart_font_size() -> int:
    """The chart font: the laptop size for readers; in presenter view it grows with the screen's
    height (a 720-pixel projector gets smaller type than a 2160-pixel one, both legible)."""
    if not presenting():
        return CHART_FONT[False]
    return min(max(round(viewport()[1] / 48), 14), 40)


def audience_link(page_url_path: str) -> None:
    """In presenter view: a QR code of the current view for the audience's phones.

    The address the presenter's browser uses (often localhost) is not always one the audience can
    reach: set ``SVE_PUBLIC_URL`` (e.g. https://talk.example.org) to the public base address.
    The view's own parameters come along, so phones open the same scenario.
    """
    import os
    from urllib.parse import urlsplit

    from core.qr import qr_svg, safe_base_url, view_url

    seen = urlsplit(st.context.url or "")
    fallback = f"{seen.scheme}://{seen.netloc}" if seen.scheme in ("http", "https") else "http://localhost:8501"
    base = safe_base_url(os.environ.get("SVE_PUBLIC_URL"), fallback)
    params = {k: st.query_params.get(k) for k in st.query_params if k != PARAM}
    url = view_url(base, page_url_path, params)
    with st.container(key="_present_qr"), st.popover(t("present.qr"), icon=":material/qr_code_2:", type="tertiary"):
        st.image(qr_svg(url), width=320)
        st.code(url, language=None, wrap_lines=True)
        st.caption(t("present.qr_help"))
