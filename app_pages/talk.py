"""Guided tour: the article's argument in ten steps, one screen each, driven by keys or a clicker.

``?step=4`` opens step 4 (a reload or a shared link lands on the same step), ``?notes=1`` shows the
speaker notes, ``?present=1`` makes it the presenter's main screen. The scenario step shows the
scenario in the link's ``sc_*`` parameters (the scenarios page's), else the default one.
"""

import streamlit as st

from core import talk
from core.datasets import DataError
from ui import talk_slides as slides
from ui.data import show_data_error
from ui.deck import deck
from ui.i18n import lang, t
from ui.present import chart_font_size, dark_charts, presenting

step = slides.current_step()
notes = slides.notes_on()
console = slides.console_on()
slides.navigation(step, presenting())
deck(
    step,
    talk.COUNT,
    console,
    slides.goto,
    {k: t(f"talk.{k}") for k in ("reconnecting", "console_open", "console_clock")},
)

problems = slides.data_problems()  # named up front: no surprise on a later step
for err in problems:
    show_data_error(err)
info = talk.step_at(step)
scenario = slides.scenario_params(st.query_params.to_dict()) if info.id == "scenario" else ()
try:
    slide = slides.build(info.id, lang(), chart_font_size(), dark_charts(), scenario, slides.screen_key())
except DataError as err:
    if not problems:  # already named above
        show_data_error(err)
    st.stop()
if console:
    following = talk.step_at(talk.next_step(step)) if step < talk.COUNT else None
    heading = slides.build(following.id, lang(), chart_font_size(), False, scenario).heading if following else None
    slides.render_console(slide, info, step, heading)
else:
    slides.render(slide, info, notes, presenting())
