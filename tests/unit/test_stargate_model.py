"""The Stargate budget model and the capex helpers, against hand-computed and published numbers."""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import capex, datasets, headlines, stargate
from core.datasets import fact
from core.figures import count, round_sig
from core.hardware import gpu_spec

FACTS = datasets.load("facts")
GPUS = datasets.load("gpus")
CAPEX = datasets.load("capex")
TIMELINE = datasets.load("stargate_timeline")


def inputs(**kw) -> stargate.BudgetInputs:
    base = dict(
        budget_usd=1e9,
        years=4,
        gpu_share=0.5,
        gpu_price_usd=25_000,
        gpu_tdp_w=700,
        server_multiple=2.0,
        pue=1.5,
        usd_per_kwh=0.10,
        profile="even",
        initial_usd=0.0,
        first_year=2025,
    )
    base.update(kw)
    return stargate.BudgetInputs(**base)


# ---- hand-computed cases -------------------------------------------------------------------


def test_hand_computed_budget():
    out = stargate.budget_outcome(inputs())
    assert out.gpus == pytest.approx(20_000)  # 1e9 × 0.5 / 25,000
    assert out.watts_per_gpu == pytest.approx(1_400)  # 700 W × 2
    assert out.power_w == pytest.approx(42e6)  # 20,000 × 1,400 × 1.5
    assert out.gw == pytest.approx(0.042)
    assert out.twh_per_year == pytest.approx(0.36792)  # 42 MW × 8,760 h
    assert out.electricity_usd_per_year == pytest.approx(36.792e6)  # 367,920 MWh × USD 100 / MWh
    assert list(out.by_year["year"]) == [2025, 2026, 2027, 2028]
    assert out.by_year["cumulative_gpus"].iloc[-1] == pytest.approx(out.gpus)
    assert out.by_year["cumulative_gw"].iloc[-1] == pytest.approx(out.gw)


@pytest.mark.parametrize(
    "profile, initial, expected",
    [
        ("even", 0, [125e9] * 4),
        ("front", 100e9, [100e9] + [400e9 / 3] * 3),
        ("front", 900e9, [500e9, 0, 0, 0]),  # an initial amount above the budget is capped
        ("front", -5, [0] + [500e9 / 3] * 3),
    ],
    ids=["even", "announced-100B-first", "initial-capped", "negative-initial"],
)
def test_spending_profiles(profile, initial, expected):
    spend = stargate.spending_by_year(500e9, 4, profile, initial)
    assert spend == pytest.approx(expected)
    assert sum(spend) == pytest.approx(500e9)


def test_spending_rejects_nonsense():
    with pytest.raises(ValueError):
        stargate.spending_by_year(500e9, 0)
    with pytest.raises(ValueError):
        stargate.spending_by_year(500e9, 4, "backloaded")
    with pytest.raises(ValueError):
        stargate.budget_outcome(inputs(gpu_share=0))
    with pytest.raises(ValueError):
        stargate.budget_outcome(inputs(pue=0.9))


def test_runs_hand_computed():
    assert stargate.runs_of(1e9, {"a": 1e6, "b": 2.5e8, "none": None, "zero": 0}) == {"a": 1000, "b": 4}


# ---- the published numbers, from the data files ---------------------------------------------


def test_default_runs_match_the_article():
    cost = headlines.cost_headline(FACTS)
    assert cost.v3_cost_usd == pytest.approx(fact(FACTS, "v3_cost_total_reported_usd"))  # USD 5.576M
    runs = stargate.runs_of(cost.stargate_usd, {"v3": cost.v3_cost_usd, "gpt4o": cost.gpt4o_cost_estimate_usd})
    assert runs["v3"] == pytest.approx(89_670, abs=1)  # USD 500B / USD 5.576M
    assert round_sig(runs["v3"], 3) == 89_700
    assert runs["gpt4o"] == pytest.approx(5_000)
    # the page shows cost_figures' count, the one derivation of V3 runs in the budget
    assert headlines.cost_figures(FACTS)["v3_runs"].number == pytest.approx(runs["v3"])


@pytest.mark.parametrize(
    "value, lang, text",
    [
        (89_670.01, "en", "89,700"),
        (89_670.01, "ja", "8.97万"),
        (5_000, "en", "5,000"),
        (5_000, "ja", "5,000"),
        (8_630_952, "en", "8.63M"),
        (8_630_952, "ja", "863万"),
        (12.345, "en", "12.3"),
        (float("nan"), "en", "—"),
        (float("inf"), "ja", "—"),
    ],
    ids=lambda v: str(v),
)
def test_counts_read_as_before(value, lang, text):
    """GPU and run counts, through the one formatter (``core.figures``, kind COUNT)."""
    assert count(value).text(lang) == text


def test_defaults_from_data():
    h100_tdp = gpu_spec(GPUS, "H100", "tdp_w")
    assert stargate.dgx_server_multiple(FACTS, h100_tdp) == pytest.approx(10_200 / 8 / 700)  # ≈ 1.82
    share = stargate.compute_share(fact(FACTS, "bernstein_rack_compute_usd"), fact(FACTS, "bernstein_rack_infra_usd"))
    assert share == pytest.approx(3.4 / 5.9)  # ≈ 58%
    assert stargate.gw_for_capex(500e9, fact(FACTS, "bernstein_capex_usd_per_gw")) == pytest.approx(14.2857, rel=1e-4)
    assert stargate.gw_for_capex(500e9, fact(FACTS, "epoch_capex_usd_per_gw")) == pytest.approx(13.158, rel=1e-4)


def test_default_scenario_is_in_the_range_of_the_cross_checks():
    """USD 500B with the page's defaults (H100, 58%, ×1.82, PUE 1.58): about 8.6M GPUs and 17 GW, the same
    order as the 13-14 GW that published capex-per-GW estimates give and Stargate's 10 GW target."""
    out = stargate.budget_outcome(
        stargate.BudgetInputs(
            500e9,
            4,
            0.58,
            gpu_spec(GPUS, "H100", "purchase_usd"),
            gpu_spec(GPUS, "H100", "tdp_w"),
            round(stargate.dgx_server_multiple(FACTS, 700), 2),
            fact(FACTS, "pue_industry_average_2023"),
            fact(FACTS, "us_industrial_electricity_usd_per_kwh_2023"),
            "front",
            100e9,
            2025,
        )
    )
    assert out.gpus == pytest.approx(500e9 * 0.58 / 33_600)
    assert out.gw == pytest.approx(out.gpus * 700 * 1.82 * 1.58 / 1e9)
    assert 10 < out.gw < 25
    assert out.twh_per_year == pytest.approx(out.gw * 8.76)
    assert out.by_year["spend_usd"].iloc[0] == pytest.approx(100e9)


def test_timeline_values():
    assert stargate.timeline_value(TIMELINE, "abilene", "gw") == 1.2
    assert stargate.timeline_value(TIMELINE, "goal", "gw_total") == 10
    assert stargate.timeline_value(TIMELINE, "announced", "budget_usd") == fact(FACTS, "stargate_budget_usd")
    with pytest.raises(KeyError):
        stargate.timeline_value(TIMELINE, "abilene", "nope")


# ---- invariants over the controls' ranges ---------------------------------------------------

PRICED = [g for g in ("A100", "H100", "B200") if gpu_spec(GPUS, g, "purchase_usd")]
shares = st.integers(5, 100).map(lambda p: p / 100)
multiples = st.floats(1.0, 3.0)
pues = st.floats(1.0, 2.5)
cents = st.floats(1.0, 30.0)


@settings(max_examples=150, deadline=None)
@given(
    gpu=st.sampled_from(PRICED),
    share=shares,
    multiple=multiples,
    pue=pues,
    kwh=cents,
    profile=st.sampled_from(stargate.PROFILES),
)
def test_finite_everywhere_on_the_controls(gpu, share, multiple, pue, kwh, profile):
    out = stargate.budget_outcome(
        inputs(
            budget_usd=500e9,
            gpu_share=share,
            gpu_price_usd=gpu_spec(GPUS, gpu, "purchase_usd"),
            gpu_tdp_w=gpu_spec(GPUS, gpu, "tdp_w"),
            server_multiple=multiple,
            pue=pue,
            usd_per_kwh=kwh / 100,
            profile=profile,
            initial_usd=100e9,
        )
    )
    values = [
        out.gpus,
        out.gw,
        out.twh_per_year,
        out.electricity_usd_per_year,
        *out.by_year.select_dtypes("number").to_numpy().ravel(),
    ]
    assert all(math.isfinite(v) and v >= 0 for v in values)
    assert out.gpus > 0 and out.gw > 0


@settings(max_examples=100, deadline=None)
@given(share=shares, multiple=multiples, pue=pues, kwh=cents, bump=st.floats(1.01, 3.0))
def test_monotonic_in_every_input(share, multiple, pue, kwh, bump):
    base = inputs(gpu_share=share, server_multiple=multiple, pue=pue, usd_per_kwh=kwh / 100)
    out = stargate.budget_outcome(base)
    more = lambda **kw: stargate.budget_outcome(inputs(**{**base.__dict__, **kw}))  # noqa: E731
    assert more(budget_usd=base.budget_usd * bump).gw > out.gw
    if share * bump <= 1:
        assert more(gpu_share=share * bump).gpus > out.gpus
    assert more(gpu_price_usd=base.gpu_price_usd * bump).gpus < out.gpus
    assert more(gpu_tdp_w=base.gpu_tdp_w * bump).gw > out.gw
    assert more(server_multiple=multiple * bump).gw > out.gw
    assert more(pue=pue * bump).twh_per_year > out.twh_per_year
    assert more(usd_per_kwh=base.usd_per_kwh * bump).electricity_usd_per_year > out.electricity_usd_per_year
    assert more(usd_per_kwh=base.usd_per_kwh * bump).gw == pytest.approx(out.gw)  # price changes cost only


@settings(max_examples=60, deadline=None)
@given(run_cost=st.floats(1e4, 1e12), bump=st.floats(1.01, 10))
def test_runs_fall_as_run_cost_rises(run_cost, bump):
    a = stargate.runs_of(500e9, {"x": run_cost})["x"]
    b = stargate.runs_of(500e9, {"x": run_cost * bump})["x"]
    assert math.isfinite(a) and b < a


# ---- capex statements ----------------------------------------------------------------------


def test_capex_plans_as_of_the_article():
    plan = capex.plan_vs_actual(CAPEX, ["MSFT", "GOOGL", "AMZN", "META"], 2025, "2025-02-07")
    got = {(r.ticker, r.kind): (r.low_usd / 1e9, r.high_usd / 1e9) for r in plan.itertuples()}
    assert got[("MSFT", "guidance")] == (80, 80)
    assert got[("GOOGL", "guidance")] == (75, 75)
    assert got[("AMZN", "guidance")] == (100, 100)
    assert got[("META", "guidance")] == (60, 65)
    assert got[("GOOGL", "actual")] == (91.4, 91.4)
    assert got[("MSFT", "actual")] == (88.2, 88.2)  # the headline figure, not the cash-flow line
    meta = plan[(plan.ticker == "META") & (plan.kind == "guidance")].iloc[0]
    assert meta.mid_usd == pytest.approx(62.5e9)


def test_capex_guidance_revisions_and_cutoffs():
    later = capex.latest(CAPEX, "META", 2025, "guidance", as_of="2025-05-01")
    assert (later.low_usd, later.high_usd) == (64e9, 72e9)
    assert capex.latest(CAPEX, "META", 2025, "guidance", as_of="2025-01-01") is None
    path = capex.statements(CAPEX, "GOOGL", 2025, "guidance")
    assert list(path["mid_usd"] / 1e9) == [75, 85, 92]
    cash = capex.statements(CAPEX, "MSFT", 2025, "actual", primary_only=False)
    assert len(cash) == 2 and len(capex.statements(CAPEX, "MSFT", 2025, "actual")) == 1


def test_capex_bound_only_rows():
    orcl = capex.with_usd(CAPEX[(CAPEX.ticker == "ORCL") & (CAPEX.period.str.startswith("FY2024"))])
    assert orcl.iloc[0]["high_usd"] == 7e9 and orcl.iloc[0]["low_usd"] == 7e9
    assert not capex.with_usd(CAPEX)[["low_usd", "high_usd", "mid_usd"]].isna().any().any()
    assert capex.plan_vs_actual(CAPEX, ["NOPE"], 2025, "2025-02-07").empty
    assert isinstance(capex.plan_vs_actual(CAPEX, ["NOPE"], 2025, "2025-02-07"), pd.DataFrame)
