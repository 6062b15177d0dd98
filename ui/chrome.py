"""What every page shares: the language control and the article credit."""

from __future__ import annotations

import math

import streamlit as st

from ui.i18n import LANG_KEY, LANG_NAMES, LANGS, locale_default, pin_language, t
from ui.pages import other_page_prefixes
from ui.state import url_choice

# The document's language. Streamlit serves every page as <html lang="en"> (streamlit/streamlit#15726):
# screen readers would read Japanese with an English voice and browsers offer to translate it. A
# constant script per language sets it after every language change (a reload runs it again).
_DOC_LANG_EN = "<script>document.documentElement.lang = 'en'</script>"
_DOC_LANG_JA = "<script>document.documentElement.lang = 'ja'</script>"
# Japanese headings break between phrases (Chromium's BudouX-based auto-phrase) into balanced
# lines, so none leaves one character on a line; on phones they are a size smaller, as a phrase
# wider than the line would still break anywhere (full-width characters: 8 a line at 44 px).
# The holder of the script above takes no space.
_DOC_CSS = """<style>
:lang(ja) :is(h1, h2, h3) { word-break: auto-phrase; text-wrap: balance; }
@media (max-width: 640px) {
  :lang(ja) h1 { font-size: 2rem; } :lang(ja) h2 { font-size: 1.625rem; } :lang(ja) h3 { font-size: 1.375rem; }
}
[data-testid="stLayoutWrapper"]:has(> .st-key-_doc_lang), .st-key-_doc_lang { display: none; }
</style>"""
# Our own constant stylesheet for every page (nothing from data or the URL goes into it), for what
# the theme settings cannot reach (tests/e2e/test_axe.py checks the result):
# - a visible focus ring on everything the keyboard reaches: Streamlit shows the navigation links'
#   focus only as a faint grey fill, and text inputs and the charts' toolbar buttons barely at all.
#   One blue for both themes, ≥ 3:1 against the light and the dark backgrounds and sidebars.
# - a primary button's shortcut hint (PageDown) in the button's own white, not a faded one (3.2:1);
#   in the dark theme a darker button under Streamlit's white text (the theme's sky blue gave 2.3:1:
#   the theme colour itself stays, it is also the selected options' text on the dark background).
# - page links wrap instead of cutting their label short in a narrow column ("Explore: The stock reactio").
# - the what-next formula no longer scrolls sideways by 2 px (a scroll region no keyboard could reach).
# - Home's tour link (ui/home_view.py, in .st-key-home_tour) drawn as a primary button: white on the theme's
#   primary blue (6.2:1), the dark theme's primary buttons' blue in dark mode (5.1:1); still a link, so
#   its address carries the language and it opens in a new tab. Its argument's links under their step's
#   text, not under the step's number, with a step's space after them; its cards' labels wrap rather
#   than end in "…" in a narrow card.
STYLE = """
<style>
.stApp a:focus-visible, .stApp button:focus-visible, .stApp summary:focus-visible, .stApp input:focus-visible,
.stApp [role="slider"]:focus-visible, .stApp [tabindex]:not([tabindex="-1"]):focus-visible,
.stApp [data-baseweb="input"]:focus-within, .stApp [data-baseweb="select"] > div:focus-within,
.stApp [data-baseweb="textarea"]:focus-within {
  outline: 3px solid #2B8ACB !important; outline-offset: 2px !important; }
.stApp [data-baseweb="input"] input:focus-visible, .stApp [data-baseweb="select"] input:focus-visible,
.stApp [data-baseweb="textarea"] textarea:focus-visible, .stApp [data-testid="stMain"]:focus-visible {
  outline: none !important; }
.stApp button[data-testid="stBaseButton-primary"] kbd { color: inherit !important; opacity: 1 !important; }
@media (prefers-color-scheme: dark) {
  .stApp button[data-testid="stBaseButton-primary"]:not(:disabled) { background-color: #0072B2; border-color: #0072B2; }
  .stApp button[data-testid="stBaseButton-primary"]:not(:disabled):hover { background-color: #00639A; }
}
.stApp [data-testid="stPageLink-NavLink"] > span:last-child,
.stApp [data-testid="stPageLink-NavLink"] > span:last-child * { white-space: normal; overflow: visible; }
.stApp .katex-display { padding: 0 0.3em; }
.stApp .st-key-home_tour [data-testid="stPageLink-NavLink"] {
  background-color: #0066A6; border-radius: 0.5rem; padding: 0.45rem 1rem; width: fit-content; }
.stApp .st-key-home_tour [data-testid="stPageLink-NavLink"]:hover { background-color: #00578D; }
.stApp .st-key-home_tour [data-testid="stPageLink-NavLink"] * { color: #FFFFFF !important; font-weight: 600; }
.stApp .st-key-home_steps [data-testid="stPageLink"] { padding-left: 1.15rem; margin-bottom: 0.5rem; }
.stApp .st-key-home_figures [data-testid="stMetricLabel"] :is([data-testid="stMarkdownContainer"], p) {
  white-space: normal; overflow: visible; text-overflow: clip; }
@media (prefers-color-scheme: dark) {
  .stApp .st-key-home_tour [data-testid="stPageLink-NavLink"] { background-color: #0072B2; }
  .stApp .st-key-home_tour [data-testid="stPageLink-NavLink"]:hover { background-color: #00639A; }
}
</style>
"""


def house_style() -> None:
    st.html(STYLE)


def language_control() -> str:
    """The language switch, top right, kept in ``?lang=en|ja``; returns 'en' or 'ja'.

    A stable code in the URL (not the label "日本語", which ``bind`` would write), seeded from
    the URL, else the browser locale; the URL carries it only when it differs from that default.
    """
    pin_language(None)
    house_style()  # every page draws this control first, so the stylesheet comes with it
    with st.container(horizontal=True, horizontal_alignment="right", key="_chrome_lang"):
        value = url_choice(
            st.segmented_control,
            "Language / 言語",
            LANGS,
            locale_default(),
            LANG_KEY,
            LANG_NAMES.get,
            label_visibility="collapsed",
        )
    pin_language(value)
    document_language(value)
    return value


def document_language(value: str) -> None:
    """``<html lang>`` follows the reader's language; Japanese headings break at phrases."""
    st.html(_DOC_CSS)
    with st.container(key="_doc_lang"):
        if value == "ja":
            st.html(_DOC_LANG_JA, unsafe_allow_javascript=True)
        else:
            st.html(_DOC_LANG_EN, unsafe_allow_javascript=True)


def article_credit() -> None:
    """The article's credit under every page, dated by the article's row in ``sources.csv`` (which
    every page reads; a broken file: the credit without its date)."""
    from core.formatting import MISSING, fmt_date
    from ui.data import load_many
    from ui.i18n import lang

    frames, broken = load_many(("sources",))
    rows = frames["sources"].loc[frames["sources"]["source_id"] == "ARTICLE", "date"] if not broken else ()
    found = rows.iloc[0] if len(rows) else None
    date = fmt_date(found, lang()) if found is not None and found == found else MISSING  # (NaT != NaT)
    st.divider()
    st.caption(t("common.credit", date=date))


def _same(requested: str, value) -> bool:
    """Does a URL value describe the control's value (numbers, dates, booleans, text)?"""
    if isinstance(value, bool):
        return requested.lower() in (("true", "1") if value else ("false", "0"))
    if isinstance(value, (list, tuple)):
        return set(requested.split(",")) == {str(v) for v in value} or requested in [str(v) for v in value]
    try:
        return float(requested) == float(value)
    except (TypeError, ValueError):
        return requested == str(value)


def url_parameter_notice(requested: dict[str, str], page_url: str = "") -> None:
    """After a session's first run: say which URL parameters were ignored, and drop unknown ones.

    ``requested`` is the query string as the run began. A parameter is ignored when no control of
    this page has that name, or when its control could not take the value (out of range, not an
    option) and fell back to its default. The names are shown as code, never as HTML.
    """
    if st.session_state.get("_url_checked"):
        return
    st.session_state["_url_checked"] = True
    ignored = []
    keep = other_page_prefixes(page_url)  # another page's settings: kept for when the reader goes there
    for key, raw in requested.items():
        if key.startswith(keep):
            continue
        if key == "lang" or key.startswith("_"):
            value = st.session_state.get("_choice_lang") if key == "lang" else None
        elif f"_choice_{key}" in st.session_state:  # ui.state.url_choice
            value = st.session_state[f"_choice_{key}"]
        elif f"_choices_{key}" in st.session_state:  # multi-choice codes (stocks' group toggles)
            value = st.session_state[f"_choices_{key}"]
        elif f"_{key}" in st.session_state:  # flags kept by hand, e.g. ?present=1
            value = st.session_state[f"_{key}"]
        elif key in st.session_state:
            value = st.session_state[key]
        else:
            ignored.append(key)
            if key in st.query_params:
                del st.query_params[key]
            continue
        if value is None or not _same(raw, value):
            ignored.append(key)
    if ignored:
        names = ", ".join(f"`{k[:40]}`" for k in sorted(set(ignored))[:8])
        st.toast(t("common.url_ignored", names=names), icon=":material/link_off:")


def _unusable(value: str) -> bool:
    """A URL value no control of this app takes: not-finite numbers, or absurdly long text."""
    if len(value) > 200 or "\x00" in value:
        return True
    try:
        return not math.isfinite(float(value))
    except ValueError:
        return False


def sanitize_query_params() -> None:
    """Before any control reads the URL, drop values that no control can take.

    Streamlit's own URL binding crashes on some (an integer input given ``inf``); the notice at
    the end of the run names what was dropped, since it compares with the URL as it arrived.
    """
    bad = [k for k in list(st.query_params) if len(k) > 100 or any(_unusable(v) for v in st.query_params.get_all(k))]
    for key in bad:
        del st.query_params[key]
    if bad:
        # Widget binding seeds from the query string as it arrived, not from st.query_params:
        # drop the values there too (private API, guarded; without it a bound integer input
        # given "inf" raises OverflowError inside Streamlit).
        try:
            from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

            initial = get_script_run_ctx().session_state._state.query_params._initial_query_params
            for key in bad:
                initial.pop(key, None)
        except Exception:  # noqa: BLE001 - a newer Streamlit may have fixed or moved this
            pass
