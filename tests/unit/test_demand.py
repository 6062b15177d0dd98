"""The What-next page's demand model (core.demand)."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import demand

ks = st.floats(1.0, 100.0)
eps = st.floats(0.2, 2.5)
shares = st.floats(0.0, 1.0)


@given(ks)
def test_unit_elasticity_full_pass_through_keeps_spending_flat(k):
    out = demand.outcome(k, 1.0, 1.0)
    assert out.compute == pytest.approx(1.0)
    assert out.bill == pytest.approx(1.0)
    assert out.usage == pytest.approx(k)


@given(st.floats(1.01, 100.0), st.floats(1.05, 2.5))
def test_elastic_demand_grows_with_k(k, e):
    assert demand.outcome(k, e).compute > 1
    assert demand.outcome(k * 1.5, e).compute > demand.outcome(k, e).compute


@given(st.floats(1.01, 100.0), st.floats(0.2, 0.95))
def test_inelastic_demand_shrinks_with_k(k, e):
    assert demand.outcome(k, e).compute < 1
    assert demand.outcome(k * 1.5, e).compute < demand.outcome(k, e).compute


@given(eps, shares)
def test_no_gain_changes_nothing(e, s):
    out = demand.outcome(1.0, e, s)
    assert (out.price, out.usage, out.compute, out.bill) == (1.0, 1.0, 1.0, 1.0)


@given(ks, eps, shares)
def test_finite_and_positive_everywhere(k, e, s):
    out = demand.outcome(k, e, s)
    for v in (out.price, out.usage, out.compute, out.bill):
        assert math.isfinite(v) and v > 0
    assert 1 / k - 1e-12 <= out.price <= 1


def test_closed_form_full_pass_through():
    assert demand.outcome(10, 2.0).compute == pytest.approx(10.0)  # k^(ε-1)
    assert demand.outcome(10, 0.5).compute == pytest.approx(10**-0.5)
    assert demand.outcome(100, 2.5).usage == pytest.approx(1e5)


def test_no_pass_through_leaves_demand_and_cuts_compute():
    out = demand.outcome(10, 2.0, 0.0)
    assert out.usage == 1 and out.compute == pytest.approx(0.1) and out.bill == 1


def test_break_even():
    assert demand.break_even_elasticity(10) == pytest.approx(1.0)
    assert demand.break_even_elasticity(10, 0.0) == math.inf
    e = demand.break_even_elasticity(10, 0.5)
    assert e > 1 and demand.outcome(10, e, 0.5).compute == pytest.approx(1.0)


@pytest.mark.parametrize("args", [(0.5, 1, 1), (10, 0, 1), (10, 1, 1.5), (math.nan, 1, 1), (math.inf, 1, 1)])
def test_bad_input_raises(args):
    with pytest.raises(ValueError):
        demand.outcome(*args)


def test_clamp_and_grid():
    assert demand.clamp(500, demand.K_RANGE) == 100
    assert demand.clamp(math.nan, demand.K_RANGE) == 1
    g = demand.log_grid(1, 100, 3)
    assert g[0] == pytest.approx(1) and g[1] == pytest.approx(10) and g[2] == pytest.approx(100)


def test_k_steps_include_marker():
    assert demand.k_steps(10.0) == demand.K_STEPS
    assert 12.5 in demand.k_steps(12.5) and demand.k_steps(12.5) == tuple(sorted(demand.k_steps(12.5)))
    assert demand.k_steps(math.nan) == demand.K_STEPS and demand.k_steps(1e9) == demand.K_STEPS


# ---- the chart's line-end labels (ui.demand_charts.end_labels) ------------------------------------


def _ends(e: float, share: float) -> dict:
    from ui.demand_charts import curve_rows, spending_rows

    rows = curve_rows(list(demand.CURVE_ELASTICITIES), e, share, lambda v: f"ε = {v:g}")
    return spending_rows(rows, 10.0, (10.0, 1.0), "m", lambda es: "ε = " + ", ".join(f"{v:g}" for v in es))["ends"]


def test_lines_that_end_together_share_one_label():
    """Nothing passed on: every line ends at 1/100, and one label names them all (four labels
    printed over each other before)."""
    ends = _ends(1.0, 0.0)
    assert ends["text"] == ["ε = 0.5, 1, 1.5, 2"]
    assert ends["slot"] == ["chosen"] and ends["compute"] == [pytest.approx(0.01)]


def test_lines_far_apart_keep_their_own_labels():
    ends = _ends(1.3, 1.0)
    assert ends["text"] == ["ε = 0.5", "ε = 1", "ε = 1.3", "ε = 1.5", "ε = 2"]
    assert ends["slot"][2] == "chosen"


@given(eps, shares)
def test_every_line_is_named_once_and_labels_never_touch(e, share):
    from ui.demand_charts import HEIGHT, LABEL_PX

    ends = _ends(e, share)
    named = [v for text in ends["text"] for v in text.removeprefix("ε = ").split(", ")]
    assert sorted(named) == sorted({f"{v:g}" for v in (*demand.CURVE_ELASTICITIES, e)})
    assert ends["slot"].count("chosen") == 1
    logs = [math.log10(c) for c in ends["compute"]]
    span = math.ceil(math.log10(max(max(ends["compute"]), 1) * 1.3)) - math.floor(
        math.log10(min(min(ends["compute"]), 1) / 1.3)
    )
    # a label's height apart on the axis (the axis spans at least the labels' own span and 1×)
    assert all(b - a >= LABEL_PX / HEIGHT * max(span, 1) - 1e-12 for a, b in zip(logs, logs[1:]))
