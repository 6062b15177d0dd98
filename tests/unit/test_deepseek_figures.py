"""The DeepSeek page's figure model against the V3 report's published numbers, in both languages,
and its texts over every setting the page's controls reach."""

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import datasets, headlines
from core import deepseek as ds
from core.figures import Kind

FACTS, GPUS, PEERS = (datasets.load(n) for n in ("facts", "gpus", "peer_costs"))
SOURCE_IDS = set(datasets.load("sources")["source_id"])
READER_INPUTS = {"fx", "overhead", "chosen_active"}  # the reader's own settings: no source
E_NOTATION = re.compile(r"\d[eE][+-]?\d")


@pytest.mark.parametrize(
    ("name", "en", "ja"),
    [
        ("v3_cost", "USD 5.576M", "557.6万ドル"),
        ("v3_gpu_hours", "2.788M", "278.8万"),
        ("v3_gpus", "2,048", "2,048"),
        ("cost_pretraining", "USD 5.328M", "532.8万ドル"),
        ("cost_context_extension", "USD 238K", "23.8万ドル"),
        ("cost_post_training", "USD 10K", "1万ドル"),
        ("share_pretraining", "95.6%", "95.6%"),
        ("per_t_hours", "180K", "18万"),
        ("days_per_t", "3.66", "3.66"),
        ("pretraining_days", "54.2", "54.2"),
        ("article_jpy", "JPY 870M", "8.7億円"),
        ("bill_jpy", "JPY 870M", "8.7億円"),
        ("fx_implied", "156.03", "156.03"),
        ("fleet_capex", "USD 1.6B", "16億ドル"),
        ("fleet_opex", "USD 944M", "9.44億ドル"),
        ("fleet_capex_ratio", "287", "287"),
        ("gpt4o_in_v3_runs", "17.9", "17.9"),
        ("llama_in_v3_runs", "11.1", "11.1"),
        ("ten", "1.8", "1.8"),
        ("gpt4o_over_v3", "18", "18"),
        ("moe_flops", "3.29×10²⁴", "3.29×10²⁴"),  # 6 · 37B · 14.8T
        ("dense_flops", "5.96×10²⁵", "5.96×10²⁵"),  # 6 · 671B · 14.8T
        ("moe_ratio", "18.1", "18.1"),
        ("moe_hours", "2.664M", "266.4万"),  # back to the report's pre-training GPU-hours
        ("moe_cost", "USD 5.328M", "532.8万ドル"),
        ("nvlink_h800", "400", "400"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isidentifier() else None,
)
def test_published_numbers_in_both_languages(name, en, ja):
    figs = ds.figures(FACTS, GPUS, PEERS)
    assert (figs[name].text("en"), figs[name].text("ja")) == (en, ja)


def test_the_shared_cost_figures_are_the_headlines():
    """DeepSeek-V3's cost, GPT-4o's estimate and Stargate's runs are core.headlines' figures, as they are."""
    figs, cost = ds.figures(FACTS, GPUS, PEERS), headlines.cost_figures(FACTS)
    for name in cost:
        assert figs[name] == cost[name], name


def test_the_price_and_the_exchange_rate_move_the_bill():
    bill = ds.bill_figures(FACTS, 2.5, 150.0)
    assert bill["bill_total"].number == pytest.approx(6.97e6)
    assert bill["bill_jpy"].number == pytest.approx(6.97e6 * 150)
    # three significant digits in both languages (English once read "JPY 1B" for ¥1.0455B)
    assert (bill["bill_jpy"].text("en"), bill["bill_jpy"].text("ja")) == ("JPY 1.05B", "10.5億円")
    assert bill["bill_delta"].text("en") == "USD 1.394M"
    assert ds.bill_figures(FACTS, 0.5)["bill_delta"].text("en") == "−USD 4.182M"


def test_the_h800_nvlink_is_marked_as_an_estimate_with_its_source():
    fig = ds.why_figures(FACTS, GPUS)["nvlink_h800"]
    assert fig.estimate and fig.sources == ("H800-NVLINK",)


def test_every_figure_names_its_sources():
    figs = ds.figures(FACTS, GPUS, PEERS)
    for name, fig in figs.items():
        assert set(fig.sources) <= SOURCE_IDS, name
        assert fig.sources or name in READER_INPUTS, name


def test_compute_is_written_as_powers_of_ten():
    figs = ds.figures(FACTS, GPUS, PEERS)
    assert {n for n, f in figs.items() if f.kind is Kind.COMPUTE} == {"dense_flops", "moe_flops"}


# --- over the controls' ranges -----------------------------------------------------------------

SETTINGS = dict(
    price=st.floats(*ds.PRICE_RANGE_USD),
    fx=st.floats(*ds.FX_RANGE),
    overhead=st.sampled_from(ds.OVERHEAD_STEPS),
    on_all=st.booleans(),
    active=st.integers(*ds.active_range_b(FACTS)[:2]).map(lambda b: b * ds.BILLION),
)

UNITS = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12, "万": 1e4, "億": 1e8, "兆": 1e12}


def read_money(text: str) -> float:
    """A money text read back: 'USD 5.576M' -> 5.576e6, '−JPY 1.05B', '10.5億円' -> 1.05e9."""
    m = re.fullmatch(r"(−)?(?:USD |JPY )?([\d,.]+)([KMBT万億兆]?)(?:ドル|円)?", text)
    assert m, text
    sign = -1 if m.group(1) else 1
    return sign * float(m.group(2).replace(",", "")) * UNITS.get(m.group(3), 1)


@settings(max_examples=80, deadline=None)
@given(**SETTINGS)
def test_money_reads_back_within_one_percent_in_both_languages(price, fx, overhead, on_all, active):
    """Every money figure of the page, in English and in Japanese, reads back within 1% of its value:
    the same precision in both languages."""
    figs = ds.figures(FACTS, GPUS, PEERS, price, fx, overhead, on_all, active)
    for name, fig in figs.items():
        if fig.kind is not Kind.MONEY or fig.number == 0:
            continue
        for lang in ("en", "ja"):
            assert read_money(fig.text(lang)) == pytest.approx(fig.number, rel=0.01), (name, lang, fig.text(lang))


@settings(max_examples=80, deadline=None)
@given(**SETTINGS)
def test_every_text_is_finite_and_never_e_notation(price, fx, overhead, on_all, active):
    figs = ds.figures(FACTS, GPUS, PEERS, price, fx, overhead, on_all, active)
    for name, fig in figs.items():
        assert math.isfinite(fig.number), name
        for lang in ("en", "ja"):
            text = fig.text(lang)
            assert text != "—" and not E_NOTATION.search(text) and "nan" not in text.lower(), (name, text)


def test_benchmark_and_r1_figures():
    bench, models = datasets.load("benchmarks_v3"), datasets.load("benchmark_models")
    s = ds.benchmark_figures(bench, models, list(ds.DEFAULT_BENCHMARKS)).texts("en")
    assert (s["bench_n"], s["bench_open"], s["bench_above_gpt4o"], s["bench_top"]) == ("6", "6", "6", "3")
    r1 = ds.r1_figures(datasets.load("benchmarks_r1"), models)
    assert r1.texts("ja") == {"r1_wins": "5", "r1_n": "10", "r1_rating": "2,029", "o1_rating": "2,061"}
