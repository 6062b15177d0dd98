"""The scenario calculator against published runs, its presets' data, URL parsing and invariants."""

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import costs, datasets
from core import scenarios as S
from core.figures import compact_decimals
from core.formatting import fmt_compact, fmt_money


@pytest.fixture(scope="module")
def data():
    return {n: datasets.load(n) for n in ("presets", "facts", "gpus")}


@pytest.fixture(scope="module")
def values(data):
    return {p: S.preset_values(data["presets"], data["facts"], data["gpus"], p) for p in S.PRESETS}


def run(s: costs.Scenario, data) -> costs.ScenarioResult:
    return costs.run_scenario(s, S.gpu_for(data["gpus"], s.gpu))


# --- published numbers -------------------------------------------------------------------------


def test_v3_implied_utilisation_and_exact_round_trip(data):
    c = S.v3_check(data["presets"], data["facts"], data["gpus"])
    assert c.flops == pytest.approx(3.2856e24)
    assert c.mfu_bf16 == pytest.approx(3.2856e24 / (2_664_000 * 3600 * 989e12))
    assert c.mfu_bf16 == pytest.approx(0.3464, abs=1e-4)
    assert c.mfu_fp8 == pytest.approx(0.1731, abs=1e-4)  # FP8 peak assumed equal to the H100's
    assert c.mfu_fp8 == pytest.approx(c.mfu_bf16 * 989 / 1979)
    assert c.gpu_hours_back == pytest.approx(2_664_000, rel=1e-12)
    assert c.cost_back_usd == pytest.approx(5_328_000, rel=1e-12)


def test_v3_preset_shows_the_reports_figures(data, values):
    r = run(S.scenario_of(values["v3"]), data)
    assert values["v3"]["mfu"] == 0.1731  # the implied MFU, rounded to the control's 0.01 pp
    assert r.gpu_hours == pytest.approx(2_664_000, rel=1e-4)
    assert fmt_compact(r.gpu_hours, "en", 3) == "2.664M" and fmt_money(r.total_cost_usd, "USD", "en", 3) == "USD 5.328M"
    assert (
        fmt_compact(r.gpu_hours, "ja", 1) == "266.4万" and fmt_money(r.total_cost_usd, "USD", "ja", 1) == "532.8万ドル"
    )
    assert r.days == pytest.approx(2_664_000 / 2048 / 24, rel=1e-4)  # under two months, as reported
    assert r.fits_in_memory and r.precision == "fp8" and r.tokens_per_param == pytest.approx(400)


def test_llama_independent_check_within_20_percent(data):
    c = S.llama_check(data["presets"], data["facts"], data["gpus"])
    assert c.reported_gpu_hours == 30_840_000
    assert (c.mfu_low, c.mfu_high) == (0.38, 0.43)
    assert c.flops == pytest.approx(6 * 405e9 * 15.6e12)
    assert c.gpu_hours_at_low == pytest.approx(28.01e6, rel=1e-3)
    assert c.gpu_hours_at_high == pytest.approx(24.75e6, rel=1e-3)
    assert -0.2 < c.gap_high < c.gap_low < 0  # below the card, within 20%, at both ends
    assert c.within_tolerance


def test_llama_preset_lands_within_20_percent(data, values):
    r = run(S.scenario_of(values["llama"]), data)
    assert values["llama"]["mfu"] == pytest.approx(0.405)
    assert abs(r.gpu_hours / 30.84e6 - 1) < 0.2


def test_gpt4_preset_reproduces_epochs_estimate(data, values):
    v = values["gpt4"]
    r = run(S.scenario_of(v), data)
    assert r.flops == pytest.approx(2.1e25)
    assert v["n_gpus"] == 25_000 and v["gpu"] == "A100"
    assert r.days == pytest.approx(2280 / 24, rel=1e-3)  # Epoch's training time
    assert r.total_cost_usd == pytest.approx(25_000 * 2280 * 1.10, rel=1e-3)


def test_own_preset_is_chinchilla_sized(values):
    v = values["own"]
    assert (v["active_params"], v["tokens"]) == (70e9, 1.4e12)


# --- the presets' data -----------------------------------------------------------------------


def test_every_preset_sets_every_input(data, values):
    for p in S.PRESETS:
        assert set(S.SCENARIO_FIELDS) <= set(values[p]), p
        s = S.scenario_of(values[p])
        assert s.gpu in set(data["gpus"]["gpu"]) and s.precision in costs.PRECISIONS
        assert s.cost_mode in costs.COST_MODES
        for c in S.NUMBER_CONTROLS:  # every preset fits the controls' ranges
            assert c.lo <= c.to_ui(values[p][c.field]) <= c.hi, (p, c.field)


def test_preset_rows_cite_the_source_of_what_they_reference(data):
    facts, gpus = data["facts"].set_index("key"), data["gpus"]
    for r in data["presets"].itertuples():
        ref = r.ref if isinstance(r.ref, str) else ""
        if ref.startswith("facts:"):
            assert facts.loc[ref[6:], "source_id"] == r.source_id, r
        elif ref.startswith("gpus:"):
            _, gpu, spec = ref.split(":")
            row = gpus[(gpus["gpu"] == gpu) & (gpus["spec"] == spec)]
            assert row["source_id"].iloc[0] == r.source_id, r
        has = [bool(ref), isinstance(r.option, str) and bool(r.option), not math.isnan(r.value)]
        assert sum(has) == 1, r  # exactly one of: reference, option, value
        assert r.field in S.SCENARIO_FIELDS or r.field.startswith("ref_"), r
        if r.basis == "derived":
            assert ref.startswith("calc:"), r


def test_v3_preset_agrees_with_the_facts(data, values):
    facts = data["facts"]
    assert values["v3"]["n_gpus"] == datasets.fact(facts, "v3_cluster_gpus")
    assert values["v3"]["rent_usd_per_gpu_hour"] == datasets.fact(facts, "v3_rental_price_usd_per_gpu_hour")


def test_server_power_from_the_dgx_h100(data):
    assert S.server_kw_for(data["facts"], data["gpus"], "H100") == pytest.approx(10.2 / 8)
    assert S.server_kw_for(data["facts"], data["gpus"], "A100") == pytest.approx(10.2 / 8 * 400 / 700)


# --- the model's invariants --------------------------------------------------------------------


@pytest.mark.parametrize("preset", S.PRESETS)
def test_doubling_gpus_halves_days_and_keeps_gpu_hours(data, values, preset):
    s = S.scenario_of(values[preset])
    a, b = run(s, data), run(replace(s, n_gpus=2 * s.n_gpus), data)
    assert b.days == pytest.approx(a.days / 2)
    assert b.gpu_hours == pytest.approx(a.gpu_hours)
    assert b.total_cost_usd == pytest.approx(a.total_cost_usd)
    assert b.peak_power_mw == pytest.approx(2 * a.peak_power_mw)


@pytest.mark.parametrize("preset", S.PRESETS)
def test_cost_is_linear_in_price(data, values, preset):
    s = S.scenario_of(values[preset])
    rent = replace(s, cost_mode="rent")
    assert run(
        replace(rent, rent_usd_per_gpu_hour=3 * rent.rent_usd_per_gpu_hour), data
    ).total_cost_usd == pytest.approx(3 * run(rent, data).total_cost_usd)
    own = replace(s, cost_mode="own", usd_per_kwh=0.0)
    assert run(replace(own, purchase_usd_per_gpu=2 * own.purchase_usd_per_gpu), data).total_cost_usd == pytest.approx(
        2 * run(own, data).total_cost_usd
    )
    assert run(replace(own, usd_per_kwh=0.1), data).total_cost_usd > run(own, data).total_cost_usd


def test_halving_mfu_doubles_hours_and_cost(data, values):
    s = S.scenario_of(values["llama"])
    a, b = run(s, data), run(replace(s, mfu=s.mfu / 2), data)
    assert b.gpu_hours == pytest.approx(2 * a.gpu_hours) and b.total_cost_usd == pytest.approx(2 * a.total_cost_usd)


def test_fp8_on_a_gpu_without_it_falls_back_to_bf16(data, values):
    r = run(replace(S.scenario_of(values["v3"]), gpu="A100"), data)
    assert r.fp8_fallback and r.precision == "bf16" and r.peak_flops_per_s == 312e12


def test_memory_check_flags_a_model_too_big_for_the_cluster(data, values):
    s = replace(S.scenario_of(values["llama"]), n_gpus=8)
    r = run(s, data)
    assert not r.fits_in_memory and r.memory_needed_bytes == 405e9 * 16 and r.memory_available_bytes == 8 * 80e9
    r = run(replace(s, total_params=1e9), data)
    assert r.total_params_raised and r.memory_needed_bytes == 405e9 * 16


@pytest.mark.parametrize(
    "change",
    [
        dict(n_gpus=0),
        dict(mfu=0.0),
        dict(mfu=1.5),
        dict(pue=0.9),
        dict(precision="fp4"),
        dict(cost_mode="lease"),
        dict(depreciation_years=0),
    ],
)
def test_meaningless_scenarios_raise(data, values, change):
    s = replace(S.scenario_of(values["v3"]), **({"cost_mode": "own"} | change))
    with pytest.raises(ValueError):
        run(s, data)


@pytest.mark.parametrize("axis", ["mfu", "gpus"])
def test_sweep_marks_the_choice(data, values, axis):
    s = S.scenario_of(values["v3"])
    df = S.sweep(s, S.gpu_for(data["gpus"], s.gpu), axis)
    assert df["current"].sum() == 1
    cur = df[df["current"]].iloc[0]
    assert cur["cost_usd"] == pytest.approx(run(s, data).total_cost_usd)
    if axis == "gpus":
        assert df["cost_usd"].nunique() == 1 or df["cost_usd"].std() / df["cost_usd"].mean() < 1e-9
        assert df["days"].is_monotonic_decreasing
    else:
        assert df["cost_usd"].is_monotonic_decreasing and cur["x"] == pytest.approx(17.31)


def test_costs_show_four_significant_digits():
    """The page's costs (``cost_figure``): four significant digits in both languages."""
    assert [compact_decimals(v, "en", 4) for v in (5_328_000, 29_465_000, 500e9, 999)] == [3, 2, 1, 1]
    assert [compact_decimals(v, "ja", 4) for v in (5_328_000, 29_465_000, 500e9, 0)] == [1, 0, 0, 0]
    texts = [(S.cost_figure(v).text("en"), S.cost_figure(v).text("ja")) for v in (5_328_000, 29_466_000)]
    assert texts == [("USD 5.328M", "532.8万ドル"), ("USD 29.47M", "2947万ドル")]


# --- scenario_from_params: what another page rebuilds from the URL ------------------------------


def test_no_params_gives_the_v3_preset(data, values):
    assert S.scenario_from_params({}, **data) == S.scenario_of(values["v3"])
    assert S.scenario_from_params({}) == S.scenario_of(values["v3"])  # loads data/ itself


@pytest.mark.parametrize("preset", ["llama", "gpt4"])
def test_a_preset_link_alone_rebuilds_that_preset(data, values, preset):
    s = S.scenario_from_params({"sc_preset": preset}, **data)
    expected = S.scenario_of(values[preset])
    for f in S.SCENARIO_FIELDS:
        a, b = getattr(s, f), getattr(expected, f)
        assert a == pytest.approx(b, rel=1e-3) if isinstance(a, float) else a == b, f


def test_url_values_are_read_in_shown_units(data):
    s = S.scenario_from_params(
        {
            "sc_active": "70",
            "sc_tokens": ["1.4"],
            "sc_mfu": "40",
            "sc_gpus": "512",
            "sc_gpu": "B200",
            "sc_prec": "BF16",
            "sc_cost": "own",
            "sc_years": "5",
        },
        **data,
    )
    assert (s.active_params, s.tokens, s.mfu, s.n_gpus) == (70e9, 1.4e12, 0.4, 512)
    assert (s.gpu, s.precision, s.cost_mode, s.depreciation_years) == ("B200", "bf16", "own", 5)


@pytest.mark.parametrize("bad", ["0", "-5", "nan", "inf", "-inf", "abc", "", "1e999"])
def test_url_junk_is_clamped_or_ignored(data, bad):
    s = S.scenario_from_params(
        {
            k: bad
            for k in (
                "sc_gpus",
                "sc_mfu",
                "sc_active",
                "sc_tokens",
                "sc_pue",
                "sc_gpu",
                "sc_prec",
                "sc_cost",
                "sc_preset",
            )
        },
        **data,
    )
    assert s.n_gpus >= 1 and s.mfu >= 0.01 and s.pue >= 1 and s.active_params > 0
    r = run(s, data)
    assert all(math.isfinite(v) for v in (r.gpu_hours, r.days, r.total_cost_usd))


@settings(max_examples=150, deadline=None)
@given(
    st.fixed_dictionaries({c.key: st.floats(c.lo, c.hi) for c in S.NUMBER_CONTROLS}),
    st.sampled_from(["A100", "H100", "H800", "H200", "B200"]),
    st.sampled_from(["BF16", "FP8"]),
    st.sampled_from(["rent", "own"]),
)
def test_every_input_in_range_gives_finite_non_negative_outputs(data, numbers, gpu, prec, mode):
    params = {k: str(v) for k, v in numbers.items()} | {"sc_gpu": gpu, "sc_prec": prec, "sc_cost": mode}
    r = run(S.scenario_from_params(params, **data), data)
    outputs = (
        r.flops,
        r.gpu_hours,
        r.days,
        r.compute_cost_usd,
        r.energy_mwh,
        r.energy_cost_usd,
        r.total_cost_usd,
        r.peak_power_mw,
        r.memory_needed_bytes,
        r.memory_available_bytes,
        r.tokens_per_param,
    )
    assert all(math.isfinite(v) and v >= 0 for v in outputs)
    assert r.total_cost_usd > 0  # so "runs in a budget" never divides by zero
    assert math.isfinite(costs.runs_in_budget(500e9, r.total_cost_usd))
