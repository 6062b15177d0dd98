"""Scaling-law arithmetic against published figures, and its invariants over the slider range."""

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import costs, datasets, scaling
from core.hardware import peak_flops_per_s

CHINCHILLA_FLOP = 5.76e23  # Epoch's figure for Chinchilla (models_compute.csv)


@pytest.fixture(scope="module")
def table():
    return datasets.load("scaling_fits")


@pytest.fixture(scope="module")
def fits(table):
    return scaling.fits_from_table(table)


@pytest.fixture(scope="module")
def models():
    return datasets.load("models_compute")


def test_data_holds_the_published_constants(fits, table):
    h, b = fits["hoffmann"], fits["besiroglu"]
    assert (h.A, h.B, h.E, h.alpha, h.beta) == (406.4, 410.7, 1.69, 0.34, 0.28)
    assert (b.A, b.B, b.E, b.alpha, b.beta) == pytest.approx((482.01, 2085.43, 1.817, 0.3478, 0.3658), rel=1e-3)
    ci = table.loc[table["fit"] == "besiroglu"].set_index("param")
    assert (ci.loc["beta", "low"], ci.loc["beta", "high"]) == (0.331, 0.415)
    assert ((ci["low"] < ci["value"]) & (ci["value"] < ci["high"])).all()
    assert scaling.rule_tokens_per_param(table) == 20


def test_chinchilla_row_matches_the_rule(models, table):
    row = models.set_index("model").loc["Chinchilla"]
    assert row["training_compute_flop"] == CHINCHILLA_FLOP
    assert row["training_tokens"] / row["parameters"] == scaling.rule_tokens_per_param(table)


def test_twenty_token_rule_gives_chinchilla():
    n, d = scaling.rule_of_thumb(CHINCHILLA_FLOP, 20)
    assert n == pytest.approx(70e9, rel=0.02)  # ≈ 69.3B
    assert d == pytest.approx(1.4e12, rel=0.02)  # ≈ 1.39T
    assert 6 * n * d == pytest.approx(CHINCHILLA_FLOP)


def test_replication_optimum_lies_near_chinchilla(fits):
    opt = fits["besiroglu"].optimum(CHINCHILLA_FLOP)
    assert abs(opt.n_params / 70e9 - 1) < 0.2
    assert abs(opt.d_tokens / 1.4e12 - 1) < 0.2
    assert 6 * opt.n_params * opt.d_tokens == pytest.approx(CHINCHILLA_FLOP)


def test_published_fit_disagrees_with_chinchilla_itself(fits):
    """Besiroglu et al.'s point: Hoffmann's published constants imply a much smaller model than the
    70B Chinchilla they trained for that budget (about 32B on ~90 tokens per parameter)."""
    opt = fits["hoffmann"].optimum(CHINCHILLA_FLOP)
    assert 25e9 < opt.n_params < 40e9
    assert opt.tokens_per_param > 60


def test_optimum_is_the_minimum_along_the_budget(fits):
    for fit in fits.values():
        for c in (1e21, 1e24, 1e27):
            opt = fit.optimum(c)
            for factor in (0.5, 0.8, 1.25, 2.0):
                n = opt.n_params * factor
                assert fit.loss(n, c / 6 / n) > opt.loss


def test_loss_values_are_plausible(fits):
    # at Chinchilla's budget both fits predict about 1.93-1.98 nats per token
    assert fits["hoffmann"].optimum(CHINCHILLA_FLOP).loss == pytest.approx(1.93, abs=0.01)
    assert fits["besiroglu"].optimum(CHINCHILLA_FLOP).loss == pytest.approx(1.97, abs=0.01)


@given(st.floats(min_value=18, max_value=30), st.floats(min_value=0.01, max_value=3))
def test_loss_strictly_decreases_with_compute(exp, step):
    fits = scaling.fits_from_table(datasets.load("scaling_fits"))
    for fit in fits.values():
        assert fit.optimum(10 ** (exp + step)).loss < fit.optimum(10**exp).loss


@given(st.floats(min_value=21, max_value=27), st.sampled_from(scaling.FIT_IDS))
def test_no_nan_or_inf_over_the_slider_range(exp, fit_id):
    fit = scaling.fits_from_table(datasets.load("scaling_fits"))[fit_id]
    c = 10**exp
    opt = fit.optimum(c)
    n, d = scaling.rule_of_thumb(c, 20)
    values = (opt.n_params, opt.d_tokens, opt.loss, opt.tokens_per_param, n, d, fit.loss(n, d))
    assert all(math.isfinite(v) and v > 0 for v in values)
    assert fit.loss(n, d) >= opt.loss - 1e-12
    assert opt.loss > fit.E


def test_every_slider_stop_is_finite_and_labelled(fits):
    assert scaling.COMPUTE_STEPS[0] == 1e21 and scaling.COMPUTE_STEPS[-1] == 1e27
    labels = [scaling.compute_text(c, "en") for c in scaling.COMPUTE_STEPS]
    assert labels[0] == "10²¹ FLOP" and labels[1] == "3×10²¹ FLOP" and labels[-1] == "10²⁷ FLOP"
    assert labels == [scaling.compute_text(c, "ja") for c in scaling.COMPUTE_STEPS]
    assert len(set(labels)) == len(labels)
    for c in scaling.COMPUTE_STEPS:
        assert scaling.compute_from_code(scaling.compute_code(c)) == pytest.approx(c)
    assert scaling.loss_curve(fits, list(scaling.COMPUTE_STEPS)).notna().all().all()


@pytest.mark.parametrize(
    ("value", "label"),
    [(1e24, "10²⁴"), (3.4078e24, "3.4×10²⁴"), (9.99e23, "10²⁴"), (5.76e23, "5.8×10²³"), (4.64e26, "4.6×10²⁶")],
)
def test_compute_label(value, label):
    """Compute as people write it, through the one formatter (core.figures, Kind.COMPUTE)."""
    assert scaling.compute_text(value, "en") == scaling.compute_text(value, "ja") == f"{label} FLOP"


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf")])
def test_bad_compute_is_refused(fits, bad):
    with pytest.raises(ValueError):
        fits["besiroglu"].optimum(bad)
    with pytest.raises(ValueError):
        scaling.rule_of_thumb(bad, 20)


def test_each_decade_buys_less(fits):
    for fit in fits.values():
        gains = scaling.decade_gains(fit)["gain"].dropna().to_numpy()
        assert len(gains) == 6 and (gains > 0).all()
        assert (np.diff(gains) < 0).all()


def test_tokens_per_param_of_real_models(models):
    tpp = scaling.tokens_per_param(models).set_index("model")["tokens_per_param"]
    assert tpp["Chinchilla"] == pytest.approx(20)
    assert tpp["Llama 3.1-405B"] == pytest.approx(15.6e12 / 405e9)  # ≈ 38.5: well beyond 20
    assert tpp["DeepSeek-V3"] == pytest.approx(14.8e12 / 37e9)  # 400 per active parameter
    assert "GPT-3 175B (davinci)" not in tpp  # Epoch counts its data in words: left out


# --- trend ---------------------------------------------------------------------------------------


def synthetic(growth: float, start=date(2015, 1, 1), n=40, noise=0.0, seed=1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    days = [start + timedelta(days=int(d)) for d in np.linspace(0, 365 * 8, n)]
    years = np.array([scaling.decimal_year(d) for d in days]) - 2015
    flops = 1e20 * growth**years * 10 ** rng.normal(0, noise, n)
    return pd.DataFrame({"date": pd.to_datetime(days), "flop": flops})


@pytest.mark.parametrize("growth", [1.5, 4.0, 10.0])
def test_trend_recovers_a_known_growth_rate(growth):
    df = synthetic(growth)
    trend = scaling.trend_fit(df["date"], df["flop"], 2015, 2022)
    assert trend.growth_per_year == pytest.approx(growth, rel=1e-6)
    assert trend.doubling_months == pytest.approx(12 * math.log(2) / math.log(growth), rel=1e-6)


def test_trend_with_noise_and_a_sub_period():
    df = synthetic(4.0, noise=0.3, n=400)
    trend = scaling.trend_fit(df["date"], df["flop"], 2017, 2020)
    assert trend.growth_per_year == pytest.approx(4.0, rel=0.25)
    assert 2017 <= trend.first_year and trend.last_year < 2021


def test_trend_needs_enough_models(models):
    assert scaling.trend_fit(models["date"], models["training_compute_flop"], 2020, 2020) is None  # GPT-3 only
    df = synthetic(2.0).iloc[:2]
    assert scaling.trend_fit(df["date"], df["flop"], 2015, 2030) is None
    same_day = pd.DataFrame({"date": pd.to_datetime(["2021-01-01"] * 3), "flop": [1e21, 2e21, 3e21]})
    assert scaling.trend_fit(same_day["date"], same_day["flop"], 2021, 2021) is None


def test_trend_over_the_real_data_grows(models):
    trend = scaling.trend_fit(models["date"], models["training_compute_flop"], 2020, 2025)
    assert trend.n_models == len(models)
    assert 1.5 < trend.growth_per_year < 10


def test_decimal_year():
    assert scaling.decimal_year(date(2020, 1, 1)) == 2020.0
    assert scaling.decimal_year(date(2021, 7, 2)) == pytest.approx(2021.5, abs=0.002)


# --- money ------------------------------------------------------------------------------------


def test_money_goes_through_the_shared_cost_model():
    hours, usd = scaling.budget_cost(1e24, 1e15, 0.5, 2.0)
    assert hours == costs.gpu_hours_for(1e24, 1e15, 0.5)
    assert usd == costs.training_cost_usd(hours, 2.0)


def test_deepseek_v3_pretraining_round_trips():
    """At the utilisation DeepSeek-V3's own run implies, its 6ND compute costs what the report says."""
    facts, gpus = datasets.load("facts"), datasets.load("gpus")
    peak = peak_flops_per_s(gpus, "H800")
    hours_reported = datasets.fact(facts, "v3_gpu_hours_pretraining")
    mfu = scaling.reference_mfu(37e9, 14.8e12, hours_reported, peak)
    assert 0.3 < mfu < 0.4
    hours, usd = scaling.budget_cost(
        costs.training_flops(37e9, 14.8e12), peak, mfu, datasets.fact(facts, "v3_rental_price_usd_per_gpu_hour")
    )
    assert hours == pytest.approx(2_664_000)
    assert usd == pytest.approx(5_328_000)


def test_milestone_dates_agree_with_the_models_table(models):
    milestones = datasets.load("scaling_milestones")
    by_model = models.set_index("model")["date"]
    for row in milestones.dropna(subset=["model"]).itertuples():
        assert by_model[row.model] == row.date
    assert list(milestones["date"]) == sorted(milestones["date"])


def test_rows_the_page_names_exist(models):
    """The page names these rows; the data must keep them (else the page could not say what it says)."""
    named = set(models["model"])
    assert {"DeepSeek-V3", "Chinchilla", "Grok-3", "Llama 3.1-405B", "GPT-3 175B (davinci)"} <= named
    labelled = set(models["label"].dropna())
    assert {"GPT-3", "Chinchilla", "PaLM", "GPT-4", "Llama 3.1 405B", "GPT-4o", "Grok-3", "DeepSeek-V3"} <= labelled
    gpus = datasets.load("gpus")
    assert peak_flops_per_s(gpus, "H800") is not None
    v3 = models.set_index("model").loc["DeepSeek-V3"]
    assert (v3["active_parameters"], v3["training_tokens"], v3["training_compute_flop"]) == (37e9, 14.8e12, 3.4078e24)
