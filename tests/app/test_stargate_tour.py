"""The tour's Stargate, What-next and thesis steps show the pages' own figures: the same strings as
the figure models give, and the same capex chart rows as the Stargate page."""

import pytest

from core import datasets, demand, headlines, stargate, talk
from tests.app.conftest import clean, open_app

TALK = "app_pages/talk.py"
FACTS, DATES, GPUS = datasets.load("facts"), datasets.load("dates"), datasets.load("gpus")
STEP = {s.id: n for n, s in enumerate(talk.STEPS, start=1)}


def step(step_id: str, lang: str):
    at = open_app(TALK, lang=lang, step=str(STEP[step_id]), notes="1")
    clean(at)
    return at


def words(at) -> str:
    return " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang, runs", [("en", "89,700"), ("ja", "8.97万")])
def test_thesis_shows_the_runs_of_cost_figures(lang, runs):
    at = step("thesis", lang)
    cost = headlines.cost_figures(FACTS)
    assert [m.value for m in at.metric] == [runs] == [cost["v3_runs"].text(lang)]
    assert cost["gpt4o_runs"].text(lang) in words(at) and cost["v3_cost"].text(lang) in words(at)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_stargate_step_is_the_page(lang):
    at = step("stargate", lang)
    figs = stargate.figures(FACTS, DATES, GPUS)
    for name in ("announced", "stargate_budget", "stargate_per_year", "stargate_initial"):
        assert figs[name].text(lang) in words(at), name
    page = open_app("app_pages/stargate.py", lang=lang).get("vega_lite_chart")[-1].proto
    tour = at.get("vega_lite_chart")[0].proto
    assert [d.data.data for d in tour.datasets] == [d.data.data for d in page.datasets]  # the same rows


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_what_next_step_is_the_page_at_its_defaults(lang):
    at = step("what_next", lang)
    figs = demand.figures(FACTS, DATES, None, None, None).figs
    for name in ("k", "break_even", "nadella", "low_eps", "low_compute", "high_eps", "high_compute"):
        assert figs[name].text(lang) in words(at), name
    assert "××" not in words(at) and "倍倍" not in words(at)
