"""The guided tour through the real entry point: every step in both languages, the step in the URL,
speaker notes, the buttons, and the reader's scenario from the link."""

import pytest

from core import talk
from core.content import load_strings
from tests.app.conftest import clean, open_app
from ui.pages import ALL_PAGES

PAGE = "app_pages/talk.py"
STRINGS = {lang: load_strings(lang) for lang in ("en", "ja")}


def step_shown(at) -> int:
    """The step number the page says it shows ('Step **4** / 10')."""
    counter = next(m.value for m in at.markdown if f"/ {talk.COUNT}" in m.value)
    return int(counter.split("**")[1])


def charts(at) -> int:
    return len(at.get("vega_lite_chart"))


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("n", range(1, talk.COUNT + 1))
def test_every_step_renders_a_chart_or_figure(n, lang):
    at = open_app(PAGE, lang=lang, step=str(n))
    body = clean(at)
    step = talk.STEPS[n - 1]
    assert step_shown(at) == n and at.query_params.get("step") == str(n)
    assert len(at.title) == 1 and at.title[0].value.strip()
    if step.kind == "chart":
        assert charts(at) == 1 and len(at.metric) == 0
    else:
        assert charts(at) == 0 and len(at.metric) == 1 and any(ch.isdigit() for ch in at.metric[0].value)
    assert len(at.expander) == 0  # no speaker notes without ?notes=1
    assert "{" not in body and "}" not in body  # every placeholder filled
    assert any(ch.isdigit() for ch in body)
    if lang == "ja":
        assert "Step" not in body


def test_headings_differ_from_step_to_step():
    headings = [open_app(PAGE, step=str(n)).title[0].value for n in range(1, talk.COUNT + 1)]
    assert len(set(headings)) == talk.COUNT


@pytest.mark.parametrize("raw, expected", [("0", 1), ("99", talk.COUNT), ("abc", 1), ("-1", 1), ("2.5", 2), ("", 1)])
def test_bad_step_values_clamp(raw, expected):
    at = open_app(PAGE, step=raw)
    clean(at)
    assert step_shown(at) == expected
    assert at.query_params.get("step") == str(expected)


def test_notes_hidden_without_the_flag_and_shown_with_it():
    hidden = open_app(PAGE, step="5")
    note_start = STRINGS["en"]["talk.cost.note"].split("{")[0]
    assert note_start and note_start not in "\n".join(m.value for m in hidden.markdown)
    shown = open_app(PAGE, step="5", notes="1")
    clean(shown)
    assert len(shown.expander) == 1 and shown.expander[0].label == STRINGS["en"]["talk.notes"]
    assert any(m.value.startswith(note_start) for m in shown.expander[0].markdown)
    assert shown.query_params.get("notes") == "1"
    assert "notes" not in open_app(PAGE, notes="0").query_params


def test_notes_in_japanese():
    at = open_app(PAGE, lang="ja", step="1", notes="1")
    clean(at)
    assert at.expander[0].label == STRINGS["ja"]["talk.notes"]


def test_next_and_previous_move_the_step_and_the_url():
    at = open_app(PAGE, step="1")
    assert at.button(key="talk_prev").disabled and not at.button(key="talk_next").disabled
    first = at.title[0].value
    at.button(key="talk_next").click().run()
    assert step_shown(at) == 2 and at.query_params.get("step") == "2" and at.title[0].value != first
    at.button(key="talk_right").click().run()  # the Right-arrow key's button
    assert step_shown(at) == 3 and at.query_params.get("step") == "3"
    at.button(key="talk_prev").click().run()
    at.button(key="talk_left").click().run()
    assert step_shown(at) == 1 and at.query_params.get("step") == "1" and at.title[0].value == first
    clean(at)


def test_last_step_stops():
    at = open_app(PAGE, step=str(talk.COUNT))
    assert at.button(key="talk_next").disabled and at.button(key="talk_right").disabled
    at.button(key="talk_prev").click().run()
    assert step_shown(at) == talk.COUNT - 1


def test_each_step_links_to_its_page():
    urls = {p.id: "" if p.id == "home" else p.url for p in ALL_PAGES}  # Home is the default page: ""
    for n in (1, 2, 8, talk.COUNT):
        at = open_app(PAGE, step=str(n))
        links = at.get("page_link")
        assert [link.proto.page for link in links] == [urls[talk.STEPS[n - 1].page]]


SCENARIO = str(1 + [s.id for s in talk.STEPS].index("scenario"))


def test_scenario_step_defaults_to_deepseek_v3():
    at = open_app(PAGE, step=SCENARIO)
    sentence = clean(at)
    assert "2,048 H800" in sentence and "37B" in sentence and "USD 5.328M" in sentence


def test_scenario_step_shows_the_prepared_scenario():
    at = open_app(PAGE, step=SCENARIO, sc_preset="own", sc_gpus="4096", sc_gpu="H100", sc_mfu="40")
    body = clean(at)
    assert "4,096 H100" in body and "40.0%" in body
    assert "2,048 H800" not in body
    # half the GPU-hours of DeepSeek-V3's pre-training at 40% of an H100's FP8 peak: a different bill
    assert "USD 5.328M" not in body


def test_scenario_step_in_japanese_and_bad_values_clamped():
    at = open_app(PAGE, lang="ja", step=SCENARIO, sc_gpus="-5", sc_mfu="abc")
    body = clean(at)
    assert "H800を1基" in body  # at least one GPU; an unreadable MFU keeps the default


def test_scenario_step_follows_the_scenarios_page_of_the_session():
    at = open_app("app_pages/scenarios.py")
    at.number_input(key="sc_gpus").set_value(1024).run()
    at.switch_page(PAGE).run()  # the scenarios page's URL parameters do not survive a page switch
    at.session_state["_step"] = int(SCENARIO)
    at.run()
    assert step_shown(at) == int(SCENARIO)
    assert "1,024 H800" in clean(at)
