"""One figure, one string: a figure that a page shows and the tour or Home shows too reads the same
everywhere, in both languages, at the defaults and at prepared links. Each expected string is the
figure model's own text, so the test compares screens with the model, never with pinned copy."""

from __future__ import annotations

import functools

import pytest

from core import deepseek as ds
from core import headlines, talk
from core import scenarios as S
from core.datasets import load
from tests.app.conftest import chart_rows, clean, open_app

LANGS = ("en", "ja")
STEP = {s.id: i + 1 for i, s in enumerate(talk.STEPS)}
# Prepared scenario links (the scenarios page's own parameters): a preset, own values, another GPU.
LINKS = {
    "defaults": {},
    "llama": {"sc_preset": "llama"},
    "own": {"sc_active": "70", "sc_tokens": "15", "sc_gpus": "4096"},
    "b200": {"sc_gpu": "B200"},
}


@functools.cache
def session(page: str, lang: str, **params: str):
    return open_app(f"app_pages/{page}.py" if page != "home" else None, lang=lang, **params)


def screen(page: str, lang: str, **params: str) -> str:
    return clean(session(page, lang, **params))


def tour(step_id: str, lang: str, **params: str) -> str:
    return screen("talk", lang, step=str(STEP[step_id]), **params)


def data(*names: str):
    return [load(n) for n in names]


@pytest.mark.parametrize("lang", LANGS)
def test_cost_figures_read_the_same_everywhere(lang):
    figs = headlines.cost_figures(load("facts"))
    where = {
        "v3_cost": [screen("home", lang), screen("deepseek", lang), tour("cost", lang), tour("thesis", lang)],
        "stargate_budget": [
            screen("home", lang),
            screen("stargate", lang),
            screen("scenarios", lang),
            tour("stargate", lang),
            tour("thesis", lang),
        ],
        "v3_runs": [screen("stargate", lang), tour("thesis", lang)],
        "gpt4o_cost": [screen("stargate", lang), tour("cost", lang), tour("thesis", lang)],
    }
    for name, screens in where.items():
        shown = figs[name].text(lang)
        missing = [i for i, body in enumerate(screens) if shown not in body]
        assert not missing, (name, shown, missing)


@pytest.mark.parametrize("lang", LANGS)
def test_nvidia_figures_keep_their_names(lang):
    market = headlines.market_figures(*data("prices", "companies", "dates")).figs
    record = headlines.nvda_record_day(*data("prices", "events", "facts"))
    drawdown, one_day = market["nvda_drawdown"].text(lang), record["nvda_one_day"].text(lang)
    assert drawdown in screen("home", lang) and drawdown in tour("who_fell", lang)
    assert one_day in screen("stocks", lang) and one_day in tour("shock", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_homes_chart_reads_as_the_market_figures(lang):
    """Home's "who fell" chart writes each company's fall on its bar: the market model's
    ``drawdown_<ticker>``, as Home's cards and the tour say it; its line and its text alternative
    name the window and the largest fall as the models do."""
    market = headlines.market_figures(*data("prices", "companies", "dates"))
    story = headlines.story_figures(*data("facts", "dates"))
    companies = load("companies")
    ticker = dict(zip(companies[f"name_{lang}"], companies["ticker"]))
    at = session("home", lang)
    bars = next(df for df in chart_rows(at) if "label" in df.columns and "pct" in df.columns)
    shown = {ticker[n]: label for n, label in zip(bars["name"], bars["label"])}
    assert shown == {tk: market.figs[f"drawdown_{tk}"].text(lang) for tk in shown}
    assert {"NVDA", "AVGO", "VST", "AAPL"} <= set(shown)
    worst = min(shown, key=lambda tk: market.figs[f"drawdown_{tk}"].number)
    alt = at.get("vega_lite_chart")[0].proto.alt
    assert market.figs[f"drawdown_{worst}"].text(lang) in alt
    line = next(m.value for m in at.markdown if story["shock_window"].text(lang) in m.value)
    assert market.figs["base"].text(lang) in line
    body = screen("home", lang)
    assert market.figs["nvda_drawdown"].text(lang) == shown["NVDA"] and shown["NVDA"] in body  # the card too


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("link", LINKS, ids=list(LINKS))
def test_a_prepared_scenario_reads_the_same_on_its_page_and_in_the_tour(lang, link):
    params = LINKS[link]
    o = S.outcome(*data("presets", "facts", "gpus"), params)
    page, step = screen("scenarios", lang, **params), tour("scenario", lang, **params)
    for name in ("cost", "scenario_runs", "days"):
        shown = o.figures[name].text(lang)
        assert shown in page and shown in step, (link, name, shown)


@pytest.mark.parametrize("lang", LANGS)
def test_v3_compute_and_moe_figures_read_the_same(lang):
    why = ds.why_figures(*data("facts", "gpus"))
    page, step = screen("deepseek", lang), tour("why_cheap", lang)
    for name in ("moe_ratio", "dense_cost", "moe_cost"):
        assert why[name].text(lang) in page, name
    assert why["moe_ratio"].text(lang) in step  # the tour's sentence states the ratio
