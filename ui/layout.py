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


# Our own constant stylesheets (nothing from data or the URL goes into them). Each result and strip
# is named by its whole class (tests/unit/test_move_cost.py checks every name is there). The column
# holding the results: column > its block > the results' wrapper > the results.
_CSS = """
<style>
[data-testid="stLayoutWrapper"]:is(
  :has(> .st-key-layout_strip_sc), :has(> .st-key-layout_strip_sg), :has(> .st-key-layout_strip_wn)),
.st-key-layout_strip_sc, .st-key-layout_strip_sg, .st-key-layout_strip_wn { display: none; }
.st-key-layout_results_dense_sc, .st-key-layout_results_sg { container-type: inline-size; }
@media (min-width: 641px) {
  .st-key-layout_results_dense_sc [data-testid="stMetricValue"] { font-size: clamp(1.2rem, 4.4cqi, 2.25rem); }
  .st-key-layout_results_dense_sc [data-testid="stMetricLabel"] { min-height: 2.6em; align-items: flex-start; }
  .st-key-layout_results_dense_sc [data-testid="stMetricLabel"] * { white-space: normal; overflow: visible; }
  [data-testid="stColumn"]:is(
    :has(> * > * > .st-key-layout_results_dense_sc), :has(> * > * > .st-key-layout_results_sg)) {
    align-self: flex-start; position: sticky; top: 4.5rem; z-index: 1; }
}
@media (max-width: 640px) {
  [data-testid="stLayoutWrapper"]:is(
    :has(> .st-key-layout_strip_sc), :has(> .st-key-layout_strip_sg), :has(> .st-key-layout_strip_wn)) {
    display: block; position: sticky; top: 3.75rem; z-index: 99; }
  .st-key-layout_strip_sc, .st-key-layout_strip_sg, .st-key-layout_strip_wn {
    display: flex; margin: 0 -1rem; padding: 0.35rem 1rem;
    background: #FFFFFF; border-bottom: 1px solid #C9CED6; box-shadow: 0 2px 4px rgba(0, 0, 0, 0.08); }
  :is(.st-key-layout_strip_sc, .st-key-layout_strip_sg, .st-key-layout_strip_wn) p {
    font-size: 0.95rem; line-height: 1.35; margin: 0; }
}
</style>
"""
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
  .st-key-layout_strip_sc, .st-key-layout_strip_sg, .st-key-layout_strip_wn {
    background: #111418; border-bottom-color: #3A414B; }
}
</style>
"""
_CSS_PRESENT = """
<style>
@media (min-width: 641px) {
  [data-testid="stColumn"]:is(
    :has(> * > * > .st-key-layout_results_dense_sc), :has(> * > * > .st-key-layout_results_sg)) { top: 1rem; }
}
.stApp .st-key-layout_results_dense_sc [data-testid="stMetricValue"],
.stApp .st-key-layout_results_dense_sc [data-testid="stMetricValue"] * {
  font-size: clamp(1.6rem, 4.6cqi, 3.6rem) !important; }
</style>
"""


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
