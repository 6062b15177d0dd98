"""The DeepSeek page's arithmetic against the V3 report's published numbers, and its data rows."""

import csv
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import datasets
from core import deepseek as ds
from core.datasets import fact
from core.hardware import gpu_spec, peak_flops_per_s

HERE = Path(__file__).resolve()
REFERENCE_CANDIDATES = [
    HERE.parents[2] / ".." / "shared" / "reference",  # /work/main/tests/unit -> /work/shared
    HERE.parents[3] / ".." / "shared" / "reference",
]  # a worktree one level deeper
REFERENCE = next((p for p in REFERENCE_CANDIDATES if p.is_dir()), None)


@pytest.fixture(scope="module")
def peers():
    return datasets.load("peer_costs")


@pytest.fixture(scope="module")
def models():
    return datasets.load("benchmark_models")


# --- the report's Table 1 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "gpu_hours", "cost"),
    [
        ("pretraining", 2_664_000, 5_328_000),
        ("context_extension", 119_000, 238_000),
        ("post_training", 5_000, 10_000),
    ],
    ids=["pre-training USD 5.328M", "context extension USD 0.238M", "post-training USD 0.01M"],
)
def test_stage_costs_reproduce_table_1(facts, stage, gpu_hours, cost):
    table = pd.DataFrame(ds.stage_columns(facts, fact(facts, "v3_rental_price_usd_per_gpu_hour"))).set_index("stage")
    assert table.loc[stage, "gpu_hours"] == gpu_hours
    assert table.loc[stage, "cost_usd"] == cost


def test_total_is_usd_5_576m_and_matches_the_printed_total(facts):
    head = ds.v3_headline(facts, 2.0)
    assert head.gpu_hours == 2_788_000 == fact(facts, "v3_gpu_hours_total_reported")
    assert head.cost_usd == 5_576_000 == fact(facts, "v3_cost_total_reported_usd")
    assert head.reported_price_usd == 2.0


def test_per_trillion_tokens_and_days(facts):
    head = ds.v3_headline(facts, 2.0)
    assert head.gpu_hours_per_trillion_tokens == pytest.approx(180_000)
    assert head.gpu_hours_per_trillion_tokens == pytest.approx(fact(facts, "ds_v3_gpu_hours_per_trillion_tokens"))
    assert head.days_per_trillion_tokens == pytest.approx(3.66, abs=0.005)
    assert round(head.days_per_trillion_tokens, 1) == fact(facts, "ds_v3_days_per_trillion_tokens")  # "3.7 days"
    assert head.pretraining_days == pytest.approx(54.2, abs=0.05)
    assert head.pretraining_days < fact(facts, "ds_v3_pretraining_months_max") * 30  # "less than two months"


def test_price_moves_the_total_linearly(facts):
    assert ds.v3_headline(facts, 4.0).cost_usd == 2 * ds.v3_headline(facts, 2.0).cost_usd
    assert ds.v3_headline(facts, 0.5).cost_usd == 1_394_000


def test_exchange_rate_the_article_implies(facts):
    rate = ds.implied_jpy_per_usd(fact(facts, "ds_article_v3_cost_jpy"), fact(facts, "v3_cost_total_reported_usd"))
    assert rate == pytest.approx(156.03, abs=0.01)


# --- peers --------------------------------------------------------------------------------------


def test_peer_figures_and_runs_of_v3(facts, peers):
    est = ds.peer_estimates(facts, peers, 2.0)
    by = {(r.model, r.estimate): r for r in est.itertuples()}
    assert by[("gpt4o", "article")].low_usd == 100e6
    assert by[("gpt4o", "article")].runs_low == pytest.approx(17.93, abs=0.01)  # "under a tenth"
    assert by[("llama31_405b", "gpu_hours")].low_usd == pytest.approx(61.68e6)  # 30.84M × USD 2
    assert by[("gpt4", "ai_index")].low_usd == 78e6 and by[("gpt4", "epoch")].low_usd == 40.6e6
    assert by[("gpt4", "wired")].lower_bound
    assert by[("claude35_sonnet", "amodei")].high_usd > by[("claude35_sonnet", "amodei")].low_usd
    assert list(dict.fromkeys(est["model"])) == [m for m in ds.PEER_ORDER if m != "deepseek_v3_full"]


def test_llama_follows_the_price(facts, peers):
    est = ds.peer_estimates(facts, peers, 3.0).set_index("model")
    assert est.loc["llama31_405b", "low_usd"] == pytest.approx(92.52e6)
    assert est.loc["gpt4o", "low_usd"] == 100e6  # a published estimate does not move with the price


def test_overhead_moves_the_comparison(facts, peers):
    plain = ds.peer_ranges(ds.peer_estimates(facts, peers, 2.0)).set_index("model")
    ten = ds.peer_ranges(ds.peer_estimates(facts, peers, 2.0, overhead=10)).set_index("model")
    assert ten.loc["deepseek_v3_full", "low_usd"] == pytest.approx(55.76e6)
    assert ten.loc["gpt4o", "runs_low"] == pytest.approx(plain.loc["gpt4o", "runs_low"] / 10)
    # the break-even multiplier does not depend on the chosen overhead
    assert ten.loc["gpt4o", "breakeven_low"] == pytest.approx(17.93, abs=0.01)
    # on everyone: ratios as without overhead
    both = ds.peer_ranges(ds.peer_estimates(facts, peers, 2.0, overhead=10, overhead_on_peers=True)).set_index("model")
    assert both.loc["gpt4o", "runs_low"] == pytest.approx(plain.loc["gpt4o", "runs_low"])
    assert both.loc["gpt4o", "low_usd"] == pytest.approx(1e9)
    assert both.loc["gpt4o", "breakeven_low"] == pytest.approx(17.93, abs=0.01)


def test_overhead_below_one_is_refused(facts, peers):
    with pytest.raises(ValueError):
        ds.peer_estimates(facts, peers, 2.0, overhead=0.5)


def test_fleet_multiples(facts):
    m = ds.fleet_multiples(facts)
    assert m["server_capex"] == pytest.approx(286.9, abs=0.1)  # USD 1.6B / USD 5.576M
    assert m["value_amodei"] == pytest.approx(179.3, abs=0.1)
    assert m["gpus"] == pytest.approx(24.4, abs=0.1)  # 50,000 / 2,048


FACTS, PEERS = datasets.load("facts"), datasets.load("peer_costs")


@settings(deadline=None, max_examples=60)
@given(price=st.floats(*ds.PRICE_RANGE_USD), overhead=st.sampled_from(ds.OVERHEAD_STEPS), on_peers=st.booleans())
def test_comparison_is_always_finite_and_positive(price, overhead, on_peers):
    est = ds.peer_estimates(FACTS, PEERS, price, overhead, on_peers)
    numbers = est[["low_usd", "high_usd", "runs_low", "runs_high", "breakeven_low", "breakeven_high"]].to_numpy()
    assert (numbers > 0).all() and pd.notna(numbers).all() and all(math.isfinite(v) for v in numbers.ravel())
    assert (est["high_usd"] >= est["low_usd"]).all()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(3.0, 3.0), (0.0, 0.5), (99, 8.0), ("x", 2.0), (float("nan"), 2.0), (float("inf"), 2.0), (None, 2.0)],
)
def test_clamp(raw, expected):
    assert ds.clamp(raw, *ds.PRICE_RANGE_USD, 2.0) == expected


# --- dense vs mixture of experts ----------------------------------------------------------------


def test_dense_vs_moe_at_v3_size(facts):
    gpus = datasets.load("gpus")
    r = ds.dense_vs_moe(671e9, 37e9, 14.8e12, 37e9, 14.8e12, 2_664_000, peak_flops_per_s(gpus, "H800"), 2.0)
    assert r.moe_flops == pytest.approx(3.2856e24)  # Epoch's 6·37B·14.8T
    assert r.ratio == pytest.approx(671 / 37)
    assert r.moe_gpu_hours == pytest.approx(2_664_000)  # round trip at the run's own utilisation
    assert r.dense_gpu_hours == pytest.approx(48.312e6)
    assert r.dense_cost_usd == pytest.approx(96.624e6)
    assert 0.3 < r.mfu < 0.4


@settings(deadline=None)
@given(active=st.floats(1e9, 671e9))
def test_moe_never_costs_more_than_dense(active):
    r = ds.dense_vs_moe(671e9, active, 14.8e12, 37e9, 14.8e12, 2_664_000, 989e12, 2.0)
    assert r.moe_flops <= r.dense_flops and r.ratio >= 1 and math.isfinite(r.dense_cost_usd)


def test_dense_vs_moe_refuses_impossible_sizes():
    with pytest.raises(ValueError):
        ds.dense_vs_moe(671e9, 700e9, 14.8e12, 37e9, 14.8e12, 2_664_000, 989e12, 2.0)
    with pytest.raises(ValueError):
        ds.dense_vs_moe(671e9, 0, 14.8e12, 37e9, 14.8e12, 2_664_000, 989e12, 2.0)


def test_gpu_specs_the_page_cites():
    gpus = datasets.load("gpus")
    assert gpu_spec(gpus, "H800", "nvlink_gbs") == 400 and gpu_spec(gpus, "H100", "nvlink_gbs") == 900
    assert gpu_spec(gpus, "H800", "fp8_dense_tflops") == 2 * 989.5  # assumed equal to the H100's


# --- benchmarks ---------------------------------------------------------------------------------


def test_default_benchmarks_exist_and_standing(models):
    bench = datasets.load("benchmarks_v3")
    assert set(ds.DEFAULT_BENCHMARKS) <= set(ds.benchmark_options(bench))
    rows = ds.benchmark_rows(bench, models, list(ds.DEFAULT_BENCHMARKS))
    assert len(rows) == 6 * 5
    s = ds.v3_standing(rows)
    assert (s.benchmarks, s.best_open, s.above_gpt4o) == (6, 6, 6)
    aime = rows[rows["label"] == "AIME 2024 (Pass@1)"].set_index("model_id")["score"]
    assert aime["deepseek-v3"] == 39.2 and aime["gpt-4o-0513"] == 9.3
    every = ds.v3_standing(ds.benchmark_rows(bench, models, ds.benchmark_options(bench)))
    assert every.benchmarks == 24 and every.best_open == 22


def test_r1_against_o1(models):
    pct, rating = ds.r1_vs_o1(datasets.load("benchmarks_r1"), models)
    scores = pct.set_index(["label", "model_id"])["score"]
    assert scores[("AIME 2024 (Pass@1)", "deepseek-r1")] == 79.8 and scores[("AIME 2024 (Pass@1)", "o1-1217")] == 79.2
    assert scores[("MATH-500 (Pass@1)", "deepseek-r1")] == 97.3
    assert scores[("GPQA-Diamond (Pass@1)", "o1-1217")] == 75.7
    assert set(rating["score"]) == {2029, 2061}
    assert ds.head_to_head(pct, "deepseek-r1") == (5, 10)


def test_every_benchmark_model_has_a_row(models):
    for name in ("benchmarks_v3", "benchmarks_r1"):
        assert set(datasets.load(name)["model_id"]) <= set(models["model_id"])


def _reference_rows(name: str) -> dict[tuple[str, str, str], str]:
    with (REFERENCE / name).open(encoding="utf-8") as fh:
        return {(r["benchmark"], r["metric"], r["model_id"]): r["score"] for r in csv.DictReader(fh)}


@pytest.mark.skipif(REFERENCE is None, reason="the shared reference folder is not on this machine")
@pytest.mark.parametrize("name", ["benchmarks_v3.csv", "benchmarks_r1.csv"])
def test_benchmark_rows_equal_the_reference(name):
    ref = _reference_rows(name)
    with (Path(datasets.current_data_dir()) / name).open(encoding="utf-8") as fh:
        ours = list(csv.DictReader(fh))
    assert ours
    for row in ours:
        key = (row["benchmark"], row["metric"], row["model_id"])
        assert key in ref, key
        assert row["score"] == ref[key], key


def test_multiplier_where_a_tenth_stops_being_true(facts):
    assert ds.multiplier_for_ratio(100e6, 5.576e6, 10) == pytest.approx(1.793, abs=0.001)
    assert ds.multiplier_for_ratio(100e6, 5.576e6, 1) == pytest.approx(17.93, abs=0.01)
    with pytest.raises(ValueError):
        ds.multiplier_for_ratio(100e6, 5.576e6, 0)
