"""The Stargate figure model (``core.stargate``) and the capex figures (``core.capex``): published
numbers in both languages, sources on every figure, one unit per quantity, and no NaN, inf or
E-notation anywhere on the controls' ranges."""

import math
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import capex, datasets, headlines, stargate, stocks
from core.figures import Kind

FACTS, DATES, GPUS = datasets.load("facts"), datasets.load("dates"), datasets.load("gpus")
TIMELINE, SOURCES = datasets.load("stargate_timeline"), datasets.load("sources")
CAPEX, COMPANIES = datasets.load("capex"), datasets.load("companies")
KNOWN_SOURCES = set(SOURCES["source_id"])
D = stargate.defaults(FACTS, GPUS)
DEFAULTS = stargate.Choices(stargate.DEFAULT_PROFILE, "H100", D.share_pct, D.server_multiple, D.pue, D.kwh_cents)
BAD_TEXT = re.compile(r"nan|inf|None|\de[+-]?\d|E[+-]?\d", re.IGNORECASE)


def budget(**changes) -> stargate.BudgetFigures:
    return stargate.budget_figures(FACTS, GPUS, DATES, TIMELINE, stargate.Choices(**{**DEFAULTS.__dict__, **changes}))


FIGS = stargate.figures(FACTS, DATES, GPUS)
OUT = budget()


# ---- published numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, en, ja",
    [
        ("stargate_budget", "USD 500B", "5000億ドル"),
        ("stargate_years", "4", "4"),
        ("stargate_per_year", "USD 125B", "1250億ドル"),
        ("stargate_initial", "USD 100B", "1000億ドル"),
        ("announced", "January 21, 2025", "2025年1月21日"),
        ("v3_cost", "USD 5.576M", "557.6万ドル"),
        ("gpt4o_cost", "USD 100M", "1億ドル"),
        ("v3_runs", "89,700", "8.97万"),  # USD 500B / USD 5.576M
        ("gpt4o_runs", "5,000", "5,000"),
        ("default_share", "58%", "58%"),  # Bernstein: 3.4 / 5.9 of a GB200 rack
        ("default_server", "1.82", "1.82"),  # DGX H100: 10.2 kW / 8 / 700 W
        ("gpus_per_server", "8", "8"),
        ("pue_avg", "1.58", "1.58"),
        ("kwh_cents", "8.06", "8.06"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isidentifier() else None,
)
def test_page_figures(name, en, ja):
    assert (FIGS[name].text("en"), FIGS[name].text("ja")) == (en, ja)


def test_budget_figures_are_cost_figures():
    """The budget, V3 and GPT-4o figures are ``core.headlines.cost_figures``: one derivation."""
    cost = headlines.cost_figures(FACTS)
    for name in cost:
        assert FIGS[name] == cost[name]
    runs = stargate.run_figures(FACTS)
    assert runs["v3_runs"] == cost["v3_runs"] and runs["gpt4o_runs"] == cost["gpt4o_runs"]
    assert "own_runs" not in runs


@pytest.mark.parametrize(
    "name, en, ja",
    [
        ("gpus", "8.63M", "863万"),  # USD 500B × 58% / USD 33,600
        ("gpu_price", "USD 33.6K", "3.36万ドル"),
        ("watts", "1,274", "1,274"),  # 700 W × 1.82
        ("gw", "17.4 GW", "17.4 GW"),
        ("twh", "152 TWh", "152 TWh"),
        ("electricity", "USD 12.3B", "123億ドル"),
        ("na_gw", "22 GW", "22 GW"),
        ("na_share", "79%", "79%"),
        ("us_twh", "176 TWh", "176 TWh"),
        ("us_share", "86%", "86%"),
        ("plants", "17", "17"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isidentifier() else None,
)
def test_default_budget_figures(name, en, ja):
    assert (OUT.figs[name].text("en"), OUT.figs[name].text("ja")) == (en, ja)


def test_own_run():
    runs = stargate.run_figures(FACTS, 5.576)
    assert runs["own_runs"].text("en") == "89,700" and runs["own_cost"].text("ja") == "558万ドル"
    assert runs["own_cost"].sources == ()  # the reader's own figure
    for bad in (None, 0.0, -5.0, math.nan, math.inf):
        assert "own_runs" not in stargate.run_figures(FACTS, bad)


def test_power_chart_bars():
    kinds = [b.kind for b in OUT.bars]
    assert kinds == ["model", "check", "check", "plan", "plan", "plan", "benchmark", "benchmark"]
    assert OUT.bars[0].value == OUT.figs["gw"]
    texts = {b.key: b.value.text("en") for b in OUT.bars}
    assert texts == {
        "model": "17.4 GW",
        "bernstein": "14.3 GW",  # USD 500B / USD 35B per GW
        "epoch": "13.2 GW",  # USD 500B / USD 38B per GW
        "goal": "10 GW",
        "sep": "7 GW",
        "abilene": "1.2 GW",
        "na": "22 GW",
        "nuclear": "1 GW",
    }
    assert OUT.bars[3].detail.text("en") == "September 23, 2025"


def test_years_add_up():
    years = OUT.years
    assert [y.year for y in years] == [2025, 2026, 2027, 2028]
    assert sum(y.spend.number for y in years) == pytest.approx(FIGS["stargate_budget"].number)
    assert years[0].spend.text("en") == "USD 100B"  # the announced initial amount first
    assert years[-1].gw.number == pytest.approx(OUT.figs["gw"].number)
    for y in years:
        assert y.gpu.number + y.other.number == pytest.approx(y.spend.number)


def test_sources_are_known_and_present():
    for figs in (FIGS, OUT.figs, stargate.run_figures(FACTS)):
        for name, fig in figs.items():
            assert fig.sources, name
            assert set(fig.sources) <= KNOWN_SOURCES, (name, fig.sources)
    assert set(OUT.sources()) <= KNOWN_SOURCES
    assert {"STARGATE-OAI", "EPH", "DGX-POWER", "UPTIME-PUE", "EIA-PRICE", "GS-NA-GW", "LBNL-DC"} <= set(OUT.sources())


def test_one_unit_per_quantity():
    """Power in GW and electricity in TWh, wherever they come from (model, yardsticks, timeline)."""
    assert {OUT.figs[n].kind for n in ("gw", "na_gw")} == {Kind.POWER}
    assert {OUT.figs[n].kind for n in ("twh", "us_twh")} == {Kind.ENERGY}
    assert {b.value.kind for b in OUT.bars} == {Kind.POWER}
    assert {y.gw.kind for y in OUT.years} == {Kind.POWER}
    gw_values = [f for e in stargate.timeline_figures(TIMELINE) for m, f, _ in e.values if m.startswith("gw")]
    assert gw_values and {f.kind for f in gw_values} == {Kind.POWER}


def test_fallback_and_unknown_choices():
    broken = budget(pue=0.5)  # below 1: no meaning to the model
    assert broken.fallback and broken.figs["gw"] == OUT.figs["gw"]
    other = budget(gpu="H800", profile="backloaded")  # no purchase price; not a profile
    assert (other.gpu, other.profile) == ("H100", stargate.DEFAULT_PROFILE) and not other.fallback


def test_timeline_figures():
    events = stargate.timeline_figures(TIMELINE)
    assert [e.event for e in events][:3] == ["announced", "funders", "first_site"]
    abilene = next(e for e in events if e.event == "abilene")
    assert [(m, f.text("ja"), q) for m, f, q in abilene.values] == [
        ("gw", "1.2 GW", "up_to"),
        ("chips", "40万", "about"),
        ("usd", "400億ドル", "about"),
    ]
    after = stargate.timeline_figures(TIMELINE, capex.article_date(SOURCES))
    assert after and all(e.day.value > date(2025, 2, 7) for e in after)


def test_gpu_choices():
    offered, unpriced = stargate.gpu_choices(GPUS)
    assert offered == ("A100", "H100", "B200") and set(unpriced) == {"H800", "H200"}
    assert stargate.default_gpu(offered) == "H100" and stargate.default_gpu(("B200",)) == "B200"


# ---- invariants over the controls' ranges ------------------------------------------------------


def _steps(r: stargate.Range) -> st.SearchStrategy:
    n = round((r.hi - r.lo) / r.step)
    return st.integers(0, n).map(lambda i: round(r.lo + i * r.step, 2))


@settings(max_examples=80, deadline=None)
@given(
    gpu=st.sampled_from(stargate.gpu_choices(GPUS)[0]),
    profile=st.sampled_from(stargate.PROFILES),
    share=_steps(stargate.SHARE_PCT),
    multiple=_steps(stargate.SERVER_MULTIPLE),
    pue=_steps(stargate.PUE_RANGE),
    cents=_steps(stargate.KWH_CENTS),
)
def test_every_figure_reads_cleanly_on_the_controls(gpu, profile, share, multiple, pue, cents):
    out = budget(gpu=gpu, profile=profile, share_pct=share, server_multiple=multiple, pue=pue, kwh_cents=cents)
    assert not out.fallback
    figures = [*out.figs.values(), *(b.value for b in out.bars)]
    figures += [f for y in out.years for f in (y.spend, y.gpu, y.other, y.gw)]
    for lang in ("en", "ja"):
        for fig in figures:
            text = fig.text(lang)
            assert text != "—" and not BAD_TEXT.search(text), text
            assert math.isfinite(fig.number)


@settings(max_examples=60, deadline=None)
@given(musd=st.floats(stargate.RUN_MUSD.lo, stargate.RUN_MUSD.hi))
def test_own_runs_read_cleanly(musd):
    runs = stargate.run_figures(FACTS, musd)
    for lang in ("en", "ja"):
        for name in ("own_runs", "own_cost"):
            text = runs[name].text(lang)
            assert text != "—" and not BAD_TEXT.search(text), text


# ---- the capex figures: one model for Stargate, What next and the tour ---------------------------

PLANS = capex.capex_figures(CAPEX, COMPANIES, FACTS, DATES, SOURCES)


def test_article_date_from_sources():
    assert capex.article_date(SOURCES) == date(2025, 2, 7) == stocks.ARTICLE_DATE


def test_gafam_from_companies_csv():
    assert capex.gafam_tickers(COMPANIES) == ("AAPL", "AMZN", "GOOGL", "META", "MSFT")  # one Alphabet class
    assert [c.ticker for c in PLANS.companies] == ["AMZN", "GOOGL", "META", "MSFT"]  # Apple gives no guidance


def test_capex_published_numbers():
    from ui.capex_charts import amount_text

    assert (PLANS.year, PLANS.as_of.value, PLANS.later_year) == (2025, date(2025, 2, 7), 2026)
    assert PLANS.reference == headlines.cost_figures(FACTS)["stargate_per_year"]
    by = {c.ticker: c for c in PLANS.companies}
    assert amount_text(by["MSFT"].plan, "en") == "USD 80B"
    assert amount_text(by["META"].plan, "en") == "USD 60B–USD 65B"
    assert amount_text(by["META"].plan, "ja") == "600億ドル–650億ドル"
    assert by["GOOGL"].actual.mid.text("en") == "USD 91.4B"
    assert by["MSFT"].actual.mid.text("ja") == "882億ドル"  # the headline figure, not the cash-flow line
    assert by["META"].plan.stated.value == date(2025, 1, 29) <= PLANS.as_of.value
    later = {c.ticker: amount_text(c.plan, "en") for c in PLANS.later}
    assert later["AMZN"] == "USD 200B" and later["GOOGL"] == "USD 175B–USD 185B"


def test_capex_sources_and_as_of():
    for c in PLANS.companies + PLANS.later:
        for amount in (c.plan, c.actual):
            if amount is not None:
                assert amount.mid.sources and set(amount.mid.sources) <= KNOWN_SOURCES
                assert amount.mid.as_of == amount.stated.value
    assert set(PLANS.sources(later=True)) <= KNOWN_SOURCES
    assert set(PLANS.sources()) <= set(PLANS.sources(later=True))
    assert {"STARGATE-OAI", "CX-MSFT-Q2", "CX-META-Q4"} <= set(PLANS.sources())


@pytest.mark.parametrize("lang, unit", [("en", 1e9), ("ja", 1e8)])
def test_axis_unit_matches_the_axis_title(lang, unit):
    from core.content import load_strings

    assert capex.usd_axis_unit(lang) == unit
    assert load_strings(lang)["stargate.spend.axis"] == {"en": "USD billion", "ja": "億ドル"}[lang]
