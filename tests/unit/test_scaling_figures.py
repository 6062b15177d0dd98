"""The scaling page's figure model (core.scaling.trend_figures, budget_figures, money_figures)
against published numbers, in both languages, and over the controls' ranges."""

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import scaling

E_NOTATION = re.compile(r"\d[eE][+-]?\d")


def test_trend_over_all_years(models_compute):
    first, last = scaling.year_range(models_compute)
    f = scaling.trend_figures(models_compute, first, last)
    assert (first, last) == (2020, 2025)
    assert f.texts("en", "growth", "doubling_months") == {"growth": "2.7", "doubling_months": "8.4"}
    # DeepSeek-V3: Epoch's estimate (post-training included), labelled so, beside 6·N·D of its pre-training
    assert f["v3_compute"].estimate and f.sources("v3_compute") == ("EPM",)
    assert (f["v3_compute"].text("en"), f["v3_compute"].text("ja")) == ("3.4×10²⁴", "3.4×10²⁴")
    assert f["v3_6nd"].text("en") == "3.29×10²⁴"  # 6 × 37B × 14.8T, as the other pages show it
    assert scaling.largest_run(models_compute) == "Grok-3" and f["top_compute"].text("ja") == "4.6×10²⁶"


def test_a_period_too_short_for_a_trend_has_no_growth(models_compute):
    f = scaling.trend_figures(models_compute, 2020, 2020)
    assert f["fitted"].number == 0 and not scaling.known(f["growth"]) and f["growth"].text("en") == "—"


@pytest.mark.parametrize(
    ("name", "en", "ja"),
    [
        ("n_params", "96B", "960億"),
        ("d_tokens", "1.74T", "1.74兆"),
        ("loss", "1.959", "1.959"),
        ("rule_n", "91.3B", "913億"),
        ("rule_d", "1.83T", "1.83兆"),
        ("chin_n", "70B", "700億"),
        ("v3_active", "37B", "370億"),
        ("compute", "10²⁴", "10²⁴"),
        ("late_to", "10²⁷", "10²⁷"),
    ],
)
def test_budget_at_the_defaults(models_compute, scaling_fits, name, en, ja):
    f = scaling.budget_figures(models_compute, scaling_fits, scaling.DEFAULT_FIT, 1e24)
    assert (f[name].text("en"), f[name].text("ja")) == (en, ja)


def test_money_at_the_defaults(models_compute, facts, gpus, scaling_fits):
    ref = scaling.v3_reference(models_compute, facts, gpus)
    assert ref["v3_price"].number == 2 and scaling.percent(ref["v3_mfu"].number) == 35
    f = scaling.money_figures(gpus, 1e24, scaling.DEFAULT_GPU, 2.0, 0.35)
    assert (f["gpu_hours"].text("en"), f["gpu_hours"].text("ja")) == ("802K", "80.2万")
    assert (f["cost"].text("en"), f["cost"].text("ja")) == ("USD 1.6M", "160万ドル")


@settings(max_examples=40)
@given(
    st.sampled_from(scaling.COMPUTE_STEPS),
    st.sampled_from(scaling.FIT_IDS),
    st.floats(*scaling.PRICE_RANGE_USD[:2]),
    st.integers(*scaling.MFU_RANGE_PCT[:2]),
    st.sampled_from(["A100", "H100", "H800", "B200"]),
    st.sampled_from(["en", "ja"]),
)
def test_no_nan_inf_or_e_notation_over_the_controls(c, fit_id, price, mfu, gpu, lang):
    from core import datasets

    models, fits = datasets.load("models_compute"), datasets.load("scaling_fits")
    gpus = datasets.load("gpus")
    budget = scaling.budget_figures(models, fits, fit_id, c)
    money = scaling.money_figures(gpus, c, gpu, price, scaling.fraction(mfu))
    for name, fig in [*budget.items(), *money.items()]:
        if name == "listed_price":
            continue  # missing where the data lists no price (shown as such)
        assert math.isfinite(fig.number), name
        text = fig.text(lang)
        assert text != "—" and not E_NOTATION.search(text), (name, text)
