"""A control move changes a chart's data, never its Vega-Lite spec.

Streamlit's browser code keeps a chart's Vega view and swaps in the new rows when only the data
changed (it compares the spec with the datasets' names taken out); any other difference (a domain,
tick values, a sort list, a colour domain computed from the inputs) makes it throw the view away and
embed a new one, tens of milliseconds per chart on every slider move. Each test builds a chart for
two inputs a reader can reach (a control's ends), as the page does, and compares the specs that
``ui.charts._spec`` sends with every dataset name (a content hash) replaced by its index.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

import ui.i18n
from core import costs, datasets, demand, stargate, stocks
from core import deepseek as ds
from core import scenarios as S
from core.datasets import fact
from core.formatting import fmt_number
from core.hardware import gpu_spec, peak_flops_per_s
from ui.charts import _spec, by_position, spec_changes


@pytest.fixture(params=["en", "ja"])
def lang(request, monkeypatch):
    monkeypatch.setattr(ui.i18n, "lang", lambda: request.param)
    return request.param


def normalised(chart) -> dict:
    spec = dict(_spec(chart))
    names = list(spec.pop("datasets", None) or {})
    return by_position(json.dumps(spec, sort_keys=True), names)


def assert_same_spec(first, *others) -> None:
    spec = normalised(first)
    for other in others:
        assert spec_changes(spec, normalised(other)) == []


# ---- Stargate ---------------------------------------------------------------------------------


def _budget(facts, gpus, share=0.5, multiple=1.5, pue=1.58, profile="front"):
    cost = fact(facts, "stargate_budget_usd")
    return stargate.budget_outcome(
        stargate.BudgetInputs(
            cost,
            4,
            share,
            gpu_spec(gpus, "H100", "purchase_usd"),
            gpu_spec(gpus, "H100", "tdp_w"),
            multiple,
            pue,
            0.08,
            profile,
            fact(facts, "stargate_initial_usd"),
            2025,
        )
    )


def _gw_chart(facts, gpus, timeline, lang, **inputs):
    from ui.stargate_charts import labelled_bars
    from ui.stargate_view import Fmt, comparison_rows

    out = _budget(facts, gpus, **inputs)
    rows = comparison_rows(out.gw, fact(facts, "stargate_budget_usd"), facts, timeline, Fmt(lang))
    return labelled_bars(rows, "GW", "Kind", {k: k.title() for k in ("model", "plan", "check", "benchmark")})


def test_stargate_power_chart(facts, gpus, stargate_timeline, lang):
    """The share, server-power and PUE sliders move the budget's own bar, the longest one."""
    low = _gw_chart(facts, gpus, stargate_timeline, lang, share=0.05, multiple=1.0, pue=1.0)
    high = _gw_chart(facts, gpus, stargate_timeline, lang, share=1.0, multiple=3.0, pue=2.5)
    assert_same_spec(low, high)


def _spend_chart(facts, gpus, lang, **inputs):
    from ui.stargate_charts import spending_chart
    from ui.stargate_view import Fmt, spending_rows

    rows = spending_rows(_budget(facts, gpus, **inputs).by_year, 1e8 if lang == "ja" else 1e9, Fmt(lang))
    return spending_chart(rows, {"gpu": "GPUs", "other": "Other", "gw": "GW"}, "USD", "Year")


def test_stargate_spending_chart(facts, gpus, lang):
    """The spending profile (evenly, or the initial amount first) changes the tallest bar."""
    assert_same_spec(
        _spend_chart(facts, gpus, lang, profile="even", share=0.05),
        _spend_chart(facts, gpus, lang, profile="front", share=1.0),
    )


# ---- DeepSeek ---------------------------------------------------------------------------------


def _peer_chart(facts, peer_costs, lang, price, overhead=1, on_all=False):
    from ui import deepseek_view as view
    from ui.deepseek_charts import peer_chart

    est = ds.peer_estimates(facts, peer_costs, price, overhead, on_all)
    return peer_chart(est, ds.peer_ranges(est), view.peer_words(), lang)


def test_deepseek_peer_chart(facts, peer_costs, lang):
    """The rental price and the overhead multiplier move DeepSeek's own band (the widest at the top)."""
    assert_same_spec(
        _peer_chart(facts, peer_costs, lang, ds.PRICE_RANGE_USD[0]),
        _peer_chart(facts, peer_costs, lang, ds.PRICE_RANGE_USD[1]),
        _peer_chart(facts, peer_costs, lang, ds.PRICE_RANGE_USD[1], ds.OVERHEAD_STEPS[-1]),
        _peer_chart(facts, peer_costs, lang, 2.0, ds.OVERHEAD_STEPS[-1], True),
    )


def _moe_chart(facts, gpus, lang, active_billions):
    from core.formatting import fmt_compact
    from ui.deepseek_charts import moe_chart
    from ui.i18n import t

    total, tokens = fact(facts, "ds_v3_total_params"), ds.v3_headline(facts, 2.0).tokens
    r = ds.dense_vs_moe(
        total,
        active_billions * 1e9,
        tokens,
        fact(facts, "ds_v3_active_params"),
        tokens,
        fact(facts, "v3_gpu_hours_pretraining"),
        peak_flops_per_s(gpus, "H800"),
        2.0,
    )
    w = {
        k: t(
            f"deepseek.why.{k}",
            total=fmt_compact(total, lang, 0),
            active=fmt_compact(active_billions * 1e9, lang, 0),
            tokens=fmt_compact(tokens, lang, 1),
        )
        for k in ("dense", "moe_bar", "flops", "kind", "chart_title")
    }
    return moe_chart(r.dense_flops, r.moe_flops, w, lang)


def test_deepseek_moe_chart(facts, gpus, lang):
    """The active-parameters slider renames the MoE bar ("MoE: 37B active")."""
    total = int(fact(facts, "ds_v3_total_params") / 1e9)
    assert_same_spec(
        _moe_chart(facts, gpus, lang, 1), _moe_chart(facts, gpus, lang, 37), _moe_chart(facts, gpus, lang, total)
    )


# ---- Scenarios --------------------------------------------------------------------------------


def _scenario(presets, facts, gpus, **changes):
    values = S.preset_values(presets, facts, gpus, S.DEFAULT_PRESET)
    s = S.scenario_of({**values, **changes})
    return s, S.gpu_for(gpus, s.gpu)


def _sweep_chart(presets, facts, gpus, lang, y, axis, **changes):
    from ui.scenarios_charts import COST_COLOR, sweep_chart

    s, gpu = _scenario(presets, facts, gpus, **changes)
    df = S.sweep(s, gpu, axis)
    df["x_label"] = df["x"].map(lambda v: fmt_number(v, lang))
    df["cost_usd_label"] = df["cost_usd"].map(lambda v: fmt_number(v, lang))
    df["days_label"] = df["days"].map(lambda v: fmt_number(v, lang, 1))
    df["current_text"] = df[f"{y}_label"]
    return sweep_chart(df, y, "Y", "X", axis == "gpus", lang, COST_COLOR)


@pytest.mark.parametrize("y", ["cost_usd", "days"])
@pytest.mark.parametrize("axis", ["mfu", "gpus"])
def test_scenarios_sweep_charts(presets, facts, gpus, lang, y, axis):
    """MFU at its ends (1%: the sweep spans two decades; 100%: a few steps of one) and GPUs."""
    charts = [
        _sweep_chart(presets, facts, gpus, lang, y, axis, mfu=m, n_gpus=n)
        for m, n in ((0.01, 2048), (1.0, 2048), (0.4, 1), (0.2, 1_000_000))
    ]
    assert_same_spec(*charts)


def _comparison_chart(lang, mine_usd):
    from ui.scenarios_charts import comparison_chart

    comp = pd.DataFrame(
        [("Yours", mine_usd, True), ("DeepSeek-V3", 5.576e6, False), ("Stargate", 5e11, False)],
        columns=["name", "usd", "mine"],
    )
    comp["label"] = comp["usd"].map(lambda v: fmt_number(v, lang))
    return comparison_chart(comp, "USD", lang)


def test_scenarios_comparison_chart(presets, facts, gpus, lang):
    """The reader's run from the MFU slider's ends, and one beyond Stargate's budget."""
    runs = [costs.run_scenario(*_scenario(presets, facts, gpus, mfu=m)).total_cost_usd for m in (0.01, 1.0)]
    assert_same_spec(*(_comparison_chart(lang, usd) for usd in (*runs, 3e12, 2e3)))


# ---- What next --------------------------------------------------------------------------------


def _next_chart(lang, eps, share, k=10.0):
    from ui.demand_charts import curve_rows, spending_chart

    rows = curve_rows(list(demand.CURVE_ELASTICITIES), eps, share, lambda v: f"ε = {fmt_number(v, lang, 2)}")
    titles = {"x": "k", "y": "compute", "series": "ε", "today": "today", "marker": "article: 10×"}
    return spending_chart(rows, 10.0, (k, demand.outcome(k, eps, share).compute), titles)


def test_what_next_chart(lang):
    """ε on one of the drawn lines or between them, at its ends, and the pass-through at its ends."""
    lo_e, hi_e = demand.ELASTICITY_RANGE
    assert_same_spec(
        _next_chart(lang, 1.0, 1.0),
        _next_chart(lang, 1.3, 1.0),
        _next_chart(lang, lo_e, 0.0),
        _next_chart(lang, hi_e, 1.0, 100.0),
        _next_chart(lang, 0.5, 0.05, 1.0),
    )


# ---- Stocks -----------------------------------------------------------------------------------


def _drawdown_chart(companies, lang, end, more=False):
    from ui.stocks_charts import drawdown_bars
    from ui.stocks_view import bar_titles, drawdown_view

    tickers = tuple(stocks.chart_tickers(companies, more))
    bars = drawdown_view(stocks.ARTICLE_BASE_DATE, stocks.SHOCK_WINDOW[0], end, tickers, lang)
    return drawdown_bars(bars, bar_titles())


def test_stocks_drawdown_chart_across_windows(companies, lang):
    """Another window reorders the companies and moves the largest fall: data only. (The toggle that
    adds company groups may rebuild the chart: a colour domain of every group would put groups that
    are not shown in the legend.)"""
    assert_same_spec(
        _drawdown_chart(companies, lang, stocks.SHOCK_WINDOW[1]),
        _drawdown_chart(companies, lang, stocks.ARTICLE_DATE),
        _drawdown_chart(companies, lang, date(2025, 6, 30)),
    )


def test_stocks_drawdown_order_is_a_field(companies, lang):
    """With more groups the bars still sort by a field of the data, not by a list of names."""
    spec = normalised(_drawdown_chart(companies, lang, stocks.ARTICLE_DATE, more=True))
    sorts = [layer["encoding"]["y"].get("sort") for layer in spec["layer"] if "y" in layer.get("encoding", {})]
    assert sorts and all(isinstance(s, dict) for s in sorts)


def test_inputs_differ(facts, gpus, peer_costs, companies):
    """The pairs above really are different data (else the tests above prove nothing)."""
    assert _spec(_gw_chart(facts, gpus, datasets.load("stargate_timeline"), "en", share=0.05)) != _spec(
        _gw_chart(facts, gpus, datasets.load("stargate_timeline"), "en", share=1.0)
    )
    assert _spec(_next_chart("en", 1.0, 1.0))["datasets"] != _spec(_next_chart("en", 1.3, 1.0))["datasets"]
    assert (
        _spec(_drawdown_chart(companies, "en", stocks.SHOCK_WINDOW[1]))["datasets"]
        != _spec(_drawdown_chart(companies, "en", date(2025, 6, 30)))["datasets"]
    )
