"""The scenarios figure model: the reader's run against published numbers in both languages, the
description of its inputs (a preset's, the reader's own, the chosen GPU's), and its texts over
every input the controls reach."""

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import datasets, headlines
from core import scenarios as S
from core.figures import FigureRange, Kind
from core.hardware import GPU_ORDER, spec_source

DATA = {n: datasets.load(n) for n in ("presets", "facts", "gpus")}
COST = headlines.cost_figures(DATA["facts"])
SOURCE_IDS = set(datasets.load("sources")["source_id"])
E_NOTATION = re.compile(r"\d[eE][+-]?\d")


def outcome(**params) -> S.Outcome:
    return S.outcome(**DATA, params=params)


@pytest.mark.parametrize(
    ("name", "en", "ja"),
    [
        ("cost", "USD 5.328M", "532.8万ドル"),  # DeepSeek-V3's pre-training, Table 1
        ("gpu_hours", "2.664M", "266.4万"),
        ("days", "54.2 days", "54.2日"),
        ("flops", "3.29×10²⁴", "3.29×10²⁴"),  # 6·N·D
        ("n_gpus", "2,048", "2,048"),
        ("mfu", "17.3%", "17.3%"),
        ("active", "37B", "370億"),
        ("tokens", "14.8T", "14.8兆"),
        ("scenario_runs", "93,800", "9.38万"),  # USD 500B / USD 5.328M: runs of this scenario
        ("ratio_to_v3", "≈0.96×", "約0.96倍"),  # against the reported USD 5.576M
    ],
)
def test_the_default_run_in_both_languages(name, en, ja):
    figs = outcome().figures
    assert (figs[name].text("en"), figs[name].text("ja")) == (en, ja)


def test_runs_of_the_scenario_are_not_deepseek_v3_runs():
    """The scenario's runs are runs of the scenario (pre-training only for the V3 preset);
    DeepSeek-V3's runs in the budget are core.headlines' (at USD 5.576M)."""
    figs = outcome().figures
    assert "v3_runs" not in figs and figs["scenario_runs"].kind is Kind.COUNT
    assert figs["scenario_runs"].number == pytest.approx(500e9 / figs["cost"].number)
    assert figs["scenario_runs"].number == pytest.approx(500e9 / 5.328e6, rel=1e-3)  # (the MFU to 0.01 pp)
    assert COST["v3_runs"].text("en") == "89,700"


@pytest.mark.parametrize(
    ("name", "en", "ja"),
    [
        ("v3_flops", "3.29×10²⁴", "3.29×10²⁴"),
        ("v3_mfu_bf16", "34.6%", "34.6%"),
        ("v3_mfu_fp8", "17.3%", "17.3%"),
        ("v3_cost_back", "USD 5.328M", "532.8万ドル"),
        ("llama_hours_low", "24.75M", "2475万"),
        ("llama_hours_high", "28.01M", "2801万"),
        ("llama_reported", "30.84M", "3084万"),
        ("llama_gap", "−20% to −9%", "−20%〜−9%"),  # one range, from the lower value to the higher
        ("gpt4_flop", "2.1×10²⁵", "2.1×10²⁵"),
    ],
)
def test_the_checks_in_both_languages(name, en, ja):
    figs = S.check_figures(**DATA)
    assert (figs[name].text("en"), figs[name].text("ja")) == (en, ja)


def test_a_range_reads_low_to_high_whichever_end_comes_first():
    a = FigureRange(-0.092, Kind.CHANGE, digits=0, high=-0.197)
    b = FigureRange(-0.197, Kind.CHANGE, digits=0, high=-0.092)
    assert a.text("en") == b.text("en") == "−20% to −9%"
    assert S.check_figures(**DATA).texts("en", "llama_gap") == {"llama_gap": "−20% to −9%"}


def test_every_figure_names_known_sources():
    for figs in (outcome().figures, S.check_figures(**DATA)):
        for name, fig in figs.items():
            assert set(fig.sources) <= SOURCE_IDS, name
    run = outcome().figures
    assert {"STARGATE-OAI"} <= set(run["scenario_runs"].sources) and "V3R" in run["cost"].sources


# --- the description follows the inputs ---------------------------------------------------------


def test_a_preset_is_described_as_itself():
    for preset in ("v3", "llama", "gpt4"):
        d = outcome(sc_preset=preset).description
        assert d.base == preset and not d.custom
        assert all(line.basis != "yours" for line in d.lines)


def test_own_values_without_a_preset_are_the_readers():
    d = outcome(sc_active="70").description
    assert d.base == "v3" and d.custom and d.changed == ("active_params",)
    line = next(x for x in d.lines if x.field == "active_params")
    assert line.basis == "yours" and line.source_id == "" and line.value.text("en") == "70B"


def test_a_preset_with_a_changed_input():
    d = outcome(sc_preset="llama", sc_gpus="8192").description
    assert d.base == "llama" and d.changed == ("n_gpus",)
    assert {x.field: x.source_id for x in d.lines}["active_params"] == "EPM"


@pytest.mark.parametrize("gpu", ["A100", "H100", "B200"])
def test_a_gpu_in_a_link_brings_its_listed_rent_and_power(gpu):
    o = outcome(sc_gpu=gpu)
    listed = S.gpu_defaults(DATA["facts"], DATA["gpus"], gpu)
    assert o.scenario.gpu == gpu
    assert o.scenario.rent_usd_per_gpu_hour == listed["rent_usd_per_gpu_hour"]
    assert o.scenario.kw_per_gpu == pytest.approx(listed["kw_per_gpu"], abs=1e-3)  # (to the control's 0.001 kW)
    lines = {x.field: x for x in o.description.lines}
    assert lines["gpu"].basis == "yours"
    assert lines["rent_usd_per_gpu_hour"].source_id == spec_source(DATA["gpus"], gpu, "rental_usd_per_hour")
    if listed["kw_per_gpu"] != S.server_kw_for(DATA["facts"], DATA["gpus"], "H800"):
        assert lines["kw_per_gpu"].basis == "derived" and lines["kw_per_gpu"].calc == "server_kw_per_gpu"
    # unless the link sets them too
    own = outcome(sc_gpu=gpu, sc_rent="7.5", sc_kw="2").scenario
    assert (own.rent_usd_per_gpu_hour, own.kw_per_gpu) == (7.5, 2.0)


def test_a_gpu_without_a_listed_rent_keeps_the_presets():
    o = outcome(sc_gpu="H200")
    assert o.scenario.rent_usd_per_gpu_hour == outcome().scenario.rent_usd_per_gpu_hour


# --- over every input the controls reach ---------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(
    st.fixed_dictionaries({c.key: st.floats(c.lo, c.hi) for c in S.NUMBER_CONTROLS}),
    st.sampled_from(GPU_ORDER),
    st.sampled_from(["BF16", "FP8"]),
    st.sampled_from(["rent", "own"]),
    st.sampled_from([*S.PRESETS, None]),
)
def test_every_text_is_finite_and_never_e_notation(numbers, gpu, prec, mode, preset):
    params = {k: str(v) for k, v in numbers.items()} | {"sc_gpu": gpu, "sc_prec": prec, "sc_cost": mode}
    if preset:
        params["sc_preset"] = preset
    o = outcome(**params)
    assert o.description.base in S.PRESETS and len(o.description.lines) == len(S.SCENARIO_FIELDS)
    for name, fig in o.figures.items():
        assert math.isfinite(fig.number), name
        for lang in ("en", "ja"):
            text = fig.text(lang)
            assert text != "—" and not E_NOTATION.search(text), (name, text)
    for line in o.description.lines:
        if line.value is not None:
            assert not E_NOTATION.search(line.value.text("en")), line
