"""The answer next to the question: on a page with controls, the results they drive stay in view.

Wide screens (columns side by side, above 640 px): the controls in one column, the results in the
other, kept in view (``results``: CSS ``position: sticky``) while the reader works down the
controls. Phones (columns stacked): a compact strip of the one to three figures the controls
drive (``strip``), sticky under the page's header while the reader is inside the block it heads.
Where the results are charts far below their controls at every width, a line of their figures
right under the controls (``line``). All are keyed containers styled by one constant stylesheet
(``style``), drawn once per full run outside any fragment (a fragment's rerun does not send it
again).

The page is wider than Streamlit's centred 736 px where the screen allows (not in presenter view,
which is wide already); paragraphs keep a readable measure.
"""

from __future__ import annotations

import streamlit as st

RESULTS = "layout_results"  # container keys: f"{RESULTS}_{name}", f"{STRIP}_{name}", f"{LINE}_{name}"
STRIP = "layout_strip"
LINE = "layout_line"
# The pages' results and strips, by name (results: dense or not). The stylesheet names each one's class:
# a selector on part of a class (``[class*=...]``), in ``:has()`` above all, is checked again on every
# change of any element's classes, and Streamlit changes many on every move (it made the scenarios
# page's forced layouts twice as slow).
RESULT_NAMES = {"sc": True, "sg": False}
STRIP_NAMES = ("sc", "sg", "wn")


def _key(kind: str, name: str) -> str:
    return f"{kind}_{'dense_' if kind == RESULTS and RESULT_NAMES[name] else ''}{name}"


def _each(template: str, keys: list[str]) -> str:
    return ", ".join(template.replace("KEY", key) for key in keys)


_STRIPS = [_key(STRIP, n) for n in STRIP_NAMES]
_RESULTS = [_key(RESULTS, n) for n in RESULT_NAMES]
_DENSE = [_key(RESULTS, n) for n, dense in RESULT_NAMES.items() if dense]
STRIP_WRAPPER = '[data-testid="stLayoutWrapper"]:has(> .st-key-KEY)'
# the column holding the results: column > its block > the results' wrapper > the results
RESULT_COLUMN = (
    '[data-testid="stColumn"]:has(> [data-testid="stVerticalBlock"] > [data-testid="stLayoutWrapper"] > .st-key-KEY)'
)

# Our own constant stylesheets (nothing from data or the URL goes into them).
_CSS = (
    """
<style>
STRIP_WRAPPERS, STRIPS { display: none; }
RESULTS { container-type: inline-size; }
@media (min-width: 641px) {
  DENSE_VALUES { font-size: clamp(1.2rem, 4.4cqi, 2.25rem); }
  DENSE_LABELS { min-height: 2.6em; align-items: flex-start; }
  DENSE_LABEL_TEXT { white-space: normal; overflow: visible; }
  RESULT_COLUMNS { align-self: flex-start; position: sticky; top: 4.5rem; z-index: 1; }
}
@media (max-width: 640px) {
  STRIP_WRAPPERS { display: block; position: sticky; top: 3.75rem; z-index: 99; }
  STRIPS {
    display: flex; margin: 0 -1rem; padding: 0.35rem 1rem;
    background: #FFFFFF; border-bottom: 1px solid #C9CED6; box-shadow: 0 2px 4px rgba(0, 0, 0, 0.08); }
  STRIP_TEXT { font-size: 0.95rem; line-height: 1.35; margin: 0; }
}
</style>
""".replace("STRIP_WRAPPERS", _each(STRIP_WRAPPER, _STRIPS))
    .replace("STRIP_TEXT", _each(".st-key-KEY p", _STRIPS))
    .replace("STRIPS", _each(".st-key-KEY", _STRIPS))
    .replace("DENSE_VALUES", _each('.st-key-KEY [data-testid="stMetricValue"]', _DENSE))
    .replace("DENSE_LABEL_TEXT", _each('.st-key-KEY [data-testid="stMetricLabel"] *', _DENSE))
    .replace("DENSE_LABELS", _each('.st-key-KEY [data-testid="stMetricLabel"]', _DENSE))
    .replace("RESULT_COLUMNS", _each(RESULT_COLUMN, _RESULTS))
    .replace("RESULTS", _each(".st-key-KEY", _RESULTS))
)
_CSS_READER = """
<style>
@media (min-width: 1100px) {
  [data-testid="stMainBlockContainer"] { max-width: 76rem; padding-left: 3rem; padding-right: 3rem; }
}
.stApp [data-testid="stMarkdownContainer"] > :is(p, ul, ol) { max-width: 46rem; }
</style>
"""
_CSS_DARK = """
<style>
@media (max-width: 640px) {
  STRIPS { background: #111418; border-bottom-color: #3A414B; }
}
</style>
""".replace("STRIPS", _each(".st-key-KEY", _STRIPS))
_CSS_PRESENT = """
<style>
@media (min-width: 641px) {
  RESULT_COLUMNS { top: 1rem; }
}
DENSE_VALUES { font-size: clamp(1.6rem, 4.6cqi, 3.6rem) !important; }
</style>
""".replace("RESULT_COLUMNS", _each(RESULT_COLUMN, _RESULTS)).replace(
    "DENSE_VALUES",
    _each(
        '.stApp .st-key-KEY [data-testid="stMetricValue"], .stApp .st-key-KEY [data-testid="stMetricValue"] *', _DENSE
    ),
)


def style(wide: bool = True) -> None:
    """The layout's stylesheet; call once in a page's full run, outside its fragments. ``wide``:
    the page may grow wider than Streamlit's centred layout (room for two columns)."""
    from ui.present import dark_charts, presenting

    st.html(_CSS)
    if presenting():
        st.html(_CSS_PRESENT)
        return
    if wide:
        st.html(_CSS_READER)
    if dark_charts():
        st.html(_CSS_DARK)


def results(name: str, dense: bool = False):
    """The container of the results beside the controls (its column stays in view on wide screens).
    ``dense``: metrics three or more abreast, whose values and labels shrink to fit their cards."""
    if RESULT_NAMES.get(name) != dense:
        raise ValueError(f"results {name!r} (dense={dense}) is not in RESULT_NAMES: the stylesheet names each")
    return st.container(key=_key(RESULTS, name))


def block():
    """A container for a block with a result strip (its fragment's body): the strip sticks to the
    top of the screen while the reader is inside the block, and scrolls away after it."""
    return st.container()


def line(name: str):
    """The results' line for a block whose results (charts) are far below its controls at every
    width: right under the controls, at every width (not sticky: it is in view wherever they are)."""
    return st.container(key=f"{LINE}_{name}")


def strip(name: str):
    """The phone's result strip (hidden on wide screens): make it where the block starts, fill it
    once the figures are known (``strip(...).markdown(text)``)."""
    if name not in STRIP_NAMES:
        raise ValueError(f"strip {name!r} is not in STRIP_NAMES: the stylesheet names each")
    return st.container(key=_key(STRIP, name))
