"""The guided tour's slides and controls: one heading, one chart (or one big figure), one sentence
and a speaker note a step, built from the same data, models and chart builders as the full pages.

Which steps exist and the step arithmetic live in ``core.talk``. The step is kept in
``st.session_state["_step"]`` and the URL (``?step=4``); speaker notes show with ``?notes=1``
(``st.session_state["_notes"]``): ``ui.chrome.url_parameter_notice`` reads those states, so neither
parameter is reported as ignored. Charts are reused as the pages draw them, with two presenter
adjustments made here, not in the builders: a height that fits one 1920×1080 screen, and text
labels scaled with the chart font size (the builders draw them at a fixed size).
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from core import scenarios as S
from core import talk
from core.datasets import DataError
from core.paths import ROOT
from ui import pages
from ui.charts import Export, show
from ui.data import load_many
from ui.i18n import t
from ui.slides.base import Slide

STEP_STATE, STEP_PARAM = "_step", "step"
NOTES_STATE, NOTES_PARAM = "_notes", "notes"
CONSOLE_STATE, CONSOLE_PARAM = "_console", "console"
TOUR_PARAM = "tour"  # on a page opened from a step: the step to go back to

# Our own constant stylesheets (nothing from data or the URL goes into them). The arrow-key buttons
# stay in the page, so their shortcuts work, but are not drawn; the slide's sentence reads larger
# than body text; in presenter view the big figure is bigger still and the citation smaller.
CSS = """
<style>
.st-key-talk_left, .st-key-talk_right { display: none !important; }
.st-key-talk_nav_end { display: none !important; }
@media (hover: none), (pointer: coarse) { .st-key-talk_nav kbd { display: none; } }
@media (max-width: 640px) {
  .st-key-talk_nav { flex-wrap: nowrap !important; gap: 0.5rem !important; }
  .st-key-talk_nav button { padding: 0.3rem 0.6rem; }
  .st-key-talk_nav_end { display: flex !important; }
}
.stApp .st-key-talk_sentence p { font-size: 1.2rem; font-weight: 600; line-height: 1.45; }
</style>
"""
CSS_CONSOLE = """
<style>
.stApp .st-key-talk_console_notes p, .stApp .st-key-talk_console_notes li { font-size: 1.6rem; line-height: 1.45; }
</style>
"""
CSS_PRESENT = """
<style>
.stApp [data-testid="stMainBlockContainer"] { padding-top: 1.2vh; padding-bottom: 1vh; max-width: 96vw; }
.stApp [data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 1.4vh; }
.stApp .st-key-_chrome_lang { position: fixed; top: 0.6vh; right: 1.2vw; z-index: 1000; }
.stApp .st-key-_present_exit { position: fixed; top: 0.6vh; left: 1.2vw; z-index: 1000; }
.stApp .st-key-_present_qr { position: fixed; bottom: 0.6vh; right: 1.2vw; z-index: 1000; }
.stApp .st-key-_chrome_lang p, .stApp .st-key-_present_exit p, .stApp .st-key-_present_qr p {
  font-size: clamp(0.8rem, 1.6vh, 1.4rem) !important; }
.stApp .st-key-talk_nav { margin-top: 3.6vh; }
.stApp .st-key-talk_nav p { font-size: clamp(1rem, 2.4vh, 2.4rem); }
.stApp .st-key-talk_nav button { min-height: 0; padding: 0.4vh 1.2vw; }
.stApp .st-key-talk_nav kbd, .stApp .st-key-talk_nav button span[data-testid="stShortcutHint"] {
  font-size: clamp(0.7rem, 1.4vh, 1.3rem); }
.stApp h1 { font-size: clamp(1.6rem, 6vh, 6.5rem); line-height: 1.15; padding: 0; }
.stApp .st-key-talk_sentence p { font-size: clamp(1rem, 3.3vh, 3.4rem); line-height: 1.35; }
.stApp .st-key-talk_figure [data-testid="stMetricValue"], .stApp .st-key-talk_figure [data-testid="stMetricValue"] * {
  font-size: clamp(2.5rem, 13vh, 14rem) !important; line-height: 1.1; }
.stApp .st-key-talk_figure [data-testid="stMetricLabel"] p { font-size: clamp(1rem, 3vh, 3rem); }
.stApp .st-key-talk_figure p { font-size: clamp(0.9rem, 2.4vh, 2.4rem); line-height: 1.35; }
.stApp .st-key-talk_source p { font-size: clamp(0.75rem, 1.65vh, 1.6rem); line-height: 1.35; }
.stApp .st-key-talk_side .st-key-talk_source { max-height: 24vh; overflow-y: auto; }
.stApp .st-key-talk_side [data-testid="stPageLink"] p { font-size: clamp(0.9rem, 2vh, 2rem); }
</style>
"""


def current_step() -> int:
    """The step shown: seeded once from ``?step=`` (clamped), then kept in session state and the URL."""
    if STEP_STATE not in st.session_state:
        st.session_state[STEP_STATE] = talk.clamp_step(st.query_params.get(STEP_PARAM, 1))
    step = talk.clamp_step(st.session_state[STEP_STATE])
    st.session_state[STEP_STATE] = step
    if st.query_params.get(STEP_PARAM) != str(step):
        st.query_params[STEP_PARAM] = str(step)
    return step


def _flag(state: str, param: str) -> bool:
    """A flag seeded once from ``?param=1``, then kept in session state and the URL."""
    if state not in st.session_state:
        st.session_state[state] = st.query_params.get(param, "") in ("1", "true")
    if st.session_state[state]:
        st.query_params[param] = "1"
    elif param in st.query_params:
        del st.query_params[param]
    return bool(st.session_state[state])


def notes_on() -> bool:
    """Speaker notes: only with ``?notes=1`` (never shown to an audience by default)."""
    return _flag(NOTES_STATE, NOTES_PARAM)


def console_on() -> bool:
    """The speaker console: ``?console=1`` (notes beside a small slide, the next step, a clock)."""
    return _flag(CONSOLE_STATE, CONSOLE_PARAM)


def goto(step: int) -> None:
    """Show ``step`` (clamped): another window of the talk moved there."""
    st.session_state[STEP_STATE] = talk.clamp_step(step)


def _move(delta: int) -> None:
    step = talk.clamp_step(st.session_state.get(STEP_STATE, 1))
    st.session_state[STEP_STATE] = talk.next_step(step) if delta > 0 else talk.previous_step(step)


# Every data file some step reads: a presenter learns on any step that a later one would fail.
TOUR_FILES = (
    "facts",
    "dates",
    "events",
    "prices",
    "companies",
    "models_compute",
    "capex",
    "capex_since",
    "nvidia_dc_revenue",
    "prices_since",
    "peer_costs",
    "gpus",
    "benchmarks_v3",
    "benchmark_models",
    "presets",
    "sources",
)


def data_problems() -> list[DataError]:
    """The broken files among those the tour reads (each names file, line and column)."""
    return load_many(TOUR_FILES)[1]


def navigation(step: int, presenting: bool) -> None:
    """Previous / Next (PageUp / PageDown: what clickers send), the arrow keys, 'step n / N', progress.

    A Streamlit button takes one shortcut, so the arrow keys have buttons of their own, hidden by CSS.
    """
    st.html(CSS)
    if presenting:
        st.html(CSS_PRESENT)
    first, last = step == 1, step == talk.COUNT
    with st.container(horizontal=True, vertical_alignment="center", gap="medium", key="talk_nav"):
        st.button(
            t("talk.prev"),
            key="talk_prev",
            shortcut="PageUp",
            on_click=_move,
            args=(-1,),
            disabled=first,
            icon=":material/arrow_back:",
            help=t("talk.prev_help"),
        )
        st.markdown(t("talk.counter", step=step, count=talk.COUNT))
        st.button(
            t("talk.next"),
            key="talk_next",
            shortcut="PageDown",
            on_click=_move,
            args=(1,),
            disabled=last,
            icon=":material/arrow_forward:",
            type="primary",
            help=t("talk.next_help"),
        )
        st.button(t("talk.prev"), key="talk_left", shortcut="Left", on_click=_move, args=(-1,), disabled=first)
        st.button(t("talk.next"), key="talk_right", shortcut="Right", on_click=_move, args=(1,), disabled=last)
    st.progress(talk.progress(step))


def render(slide: Slide, step: talk.Step, notes: bool, presenting: bool) -> None:
    """One slide. In presenter view it fills one screen: the heading across, the chart (or figure)
    on the left and the sentence, source and link on the right, sized with the viewport."""
    st.title(slide.heading)
    if presenting:
        from ui.present import viewport

        w, h = viewport()
        left, right = st.columns([62, 38] if w / h >= 1.5 else [55, 45], gap="large")  # 16:9 or 4:3
        with left:
            _visual(slide, step, presenting)
        with right, st.container(key="talk_side"):
            with st.container(key="talk_sentence"):
                st.markdown(slide.sentence)
            with st.container(key="talk_source"):
                st.caption(slide.source)
            dive_link(step.page)
        if notes:
            with st.expander(t("talk.notes"), expanded=True, icon=":material/speaker_notes:"):
                st.markdown(slide.note)
        return
    _visual(slide, step, presenting)
    with st.container(key="talk_sentence"):
        st.markdown(slide.sentence)
    with st.container(key="talk_source"):
        st.caption(slide.source)
    _phone_navigation()
    if notes:
        with st.expander(t("talk.notes"), expanded=True, icon=":material/speaker_notes:"):
            st.markdown(slide.note)
    dive_link(step.page)


def _phone_navigation() -> None:
    """Previous / Next again after the sentence, shown on phones only (CSS), where the reader's thumb
    is after reading; no key shortcuts (the top row has them)."""
    number = talk.clamp_step(st.session_state.get(STEP_STATE, 1))
    with st.container(horizontal=True, gap="small", key="talk_nav_end"):
        st.button(
            t("talk.prev"),
            key="talk_prev_end",
            on_click=_move,
            args=(-1,),
            disabled=number == 1,
            icon=":material/arrow_back:",
        )
        st.button(
            t("talk.next"),
            key="talk_next_end",
            on_click=_move,
            args=(1,),
            disabled=number == talk.COUNT,
            icon=":material/arrow_forward:",
            type="primary",
        )


def render_console(slide: Slide, step: talk.Step, number: int, next_heading: str | None) -> None:
    """The speaker console: the slide small on the left; the notes large, what comes next and the
    talk's clock on the right (the clock and the button that opens the audience window are the deck
    component's, ``ui.deck``)."""
    st.html(CSS_CONSOLE)
    st.title(t("talk.console_title"))
    left, right = st.columns([3, 2], gap="large")
    with left, st.container(key="talk_console_slide"):
        st.header(slide.heading)
        _visual(slide, step, presenting=False)
        st.markdown(slide.sentence)
        st.caption(slide.source)
    with right:
        st.caption(t("talk.console_help"))
        with st.container(key="talk_console_notes"):
            st.markdown(slide.note)
        st.markdown(t("talk.console_next", heading=next_heading) if next_heading else t("talk.console_last"))
        dive_link(step.page)


def _visual(slide: Slide, step: talk.Step, presenting: bool) -> None:
    if slide.chart is not None:
        export = Export("talk", step.id.replace("_", "-"), slide.heading, slide.source)
        show(slide.chart, slide.alt, key=f"talk_{step.id}", export=None if presenting else export)
    else:
        label, value, lines = slide.figure
        with st.container(border=True, key="talk_figure"):
            st.metric(label, value)
            for line in lines:
                st.markdown(line)


def dive_link(page_id: str) -> None:
    """A link to the step's full page that carries the link's settings along (a prepared scenario's
    ``sc_*``, the language, presenter view): Streamlit drops the query string on a page switch."""
    skip = (STEP_PARAM, NOTES_PARAM, CONSOLE_PARAM, "room")
    keep = {k: v for k, v in st.query_params.to_dict().items() if k not in skip}
    keep[TOUR_PARAM] = str(st.session_state.get(STEP_STATE, 1))  # "Back to step n" on the page
    for p in pages.available():
        if p.id == page_id:
            st.page_link(
                str(ROOT / p.file), label=t("talk.dive", page=t(f"nav.{p.id}")), icon=p.icon, query_params=keep or None
            )


def scenario_params(params: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The reader's scenario as a hashable cache key of scenarios-page parameters (``sc_*``): the
    link's, overridden by the scenarios page's controls as this session left them (their state
    outlives a page switch, the URL's parameters do not), so a presenter who adjusts the scenario
    there finds it here on the way back."""
    found = {k: str(v) for k, v in params.items() if k.startswith("sc_")}
    live = {key: st.session_state.get(key) for key in [c.key for c in S.NUMBER_CONTROLS] + [S.GPU_KEY, S.PRECISION_KEY]}
    live |= {key: st.session_state.get(f"_choice_{key}") for key in (S.COST_KEY, S.PRESET_KEY)}
    found |= {k: str(v) for k, v in live.items() if v is not None}
    return tuple(sorted(found.items()))


# ---- the slides ---------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=200)
def build(
    step_id: str, lang: str, font: int, dark: bool, scenario: tuple[tuple[str, str], ...] = (), screen: int = 0
) -> Slide:
    """One step's slide in ``lang`` at chart font size ``font`` (presenter view is larger; the chart
    builders and ``_fit`` read it from ``ui.present``, so it is part of the cache key), in the
    ``dark`` theme or not; ``scenario``: the reader's scenario parameters (scenario step only);
    ``screen``: the chart height presenter view gives it (``ui.present.slide_chart_height``, read by
    ``_fit``), 0 for readers."""
    builder = _builders()[step_id]
    return builder(lang, dark, dict(scenario)) if step_id == "scenario" else builder(lang, dark)


def screen_key() -> int:
    """What of the screen a slide depends on, for ``build``'s cache: the chart height presenter
    view gives it (it follows the viewport), 0 for readers (the builders' own heights)."""
    from ui.present import presenting, slide_chart_height

    return slide_chart_height() if presenting() else 0


def _builders() -> dict:
    from ui.slides import deepseek, home, scaling, scenarios, since, stargate, stocks
    from ui.slides import next as what_next

    return {
        "shock": stocks._shock,
        "who_fell": stocks._who_fell,
        "scaling": scaling._scaling,
        "stargate": stargate._stargate,
        "cost": deepseek._cost,
        "why_cheap": deepseek._why_cheap,
        "benchmarks": deepseek._benchmarks,
        "scenario": scenarios._scenario,
        "what_next": what_next._next,
        "since": since._since,
        "thesis": home._thesis,
    }
