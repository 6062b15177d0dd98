"""The shared cost model against published numbers and its invariants."""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import costs
from core.hardware import gpu_names, gpu_spec, gpu_table, peak_flops_per_s, spec_source


def test_v3_report_arithmetic():
    assert costs.training_cost_usd(2_788_000, 2) == 5_576_000
    assert costs.training_flops(37e9, 14.8e12) == pytest.approx(3.2856e24)
    # 180K GPU-hours per trillion tokens -> 3.66 days on 2,048 GPUs
    assert costs.wall_clock_days(180_000, 2048) == pytest.approx(3.66, abs=0.01)


def test_v3_implied_utilisation_round_trips(gpus):
    flops = costs.training_flops(37e9, 14.8e12)
    peak = peak_flops_per_s(gpus, "H800", "bf16")
    mfu = costs.implied_mfu(flops, 2_664_000, peak)
    assert 0.3 < mfu < 0.4  # against the BF16 peak
    assert costs.gpu_hours_for(flops, peak, mfu) == pytest.approx(2_664_000)


def test_llama_405b_lands_near_the_model_card(gpus):
    flops = costs.training_flops(405e9, 15.6e12)
    hours = costs.gpu_hours_for(flops, peak_flops_per_s(gpus, "H100"), 0.40)
    assert abs(hours / 30.84e6 - 1) < 0.2


def test_power_and_energy():
    assert costs.facility_power_w(100_000, 1_275, 1.58) == pytest.approx(201.45e6)
    assert costs.energy_mwh(1_000, 1_000, 1.5) == pytest.approx(1.5)
    assert costs.energy_cost_usd(1.5, 0.08) == pytest.approx(120)
    assert costs.owned_usd_per_gpu_hour(33_600, 4) == pytest.approx(33_600 / 35_040)
    assert costs.runs_in_budget(500e9, 5.576e6) == pytest.approx(89_670, abs=1)
    assert costs.training_memory_bytes(671e9) == 671e9 * 16


@pytest.mark.parametrize(
    "call",
    [
        lambda: costs.gpu_hours_for(1e24, 1e15, 0),
        lambda: costs.wall_clock_days(10, 0),
        lambda: costs.facility_power_w(1, 1, 0.9),
        lambda: costs.runs_in_budget(1, 0),
        lambda: costs.training_flops(-1, 1),
    ],
)
def test_meaningless_inputs_raise(call):
    with pytest.raises(ValueError):
        call()


@given(st.floats(1e6, 1e13), st.floats(1e9, 1e15), st.floats(1e13, 1e16), st.floats(0.01, 1), st.integers(1, 10**6))
def test_finite_and_scaling(params, tokens, peak, mfu, n_gpus):
    flops = costs.training_flops(params, tokens)
    hours = costs.gpu_hours_for(flops, peak, mfu)
    days = costs.wall_clock_days(hours, n_gpus)
    assert all(math.isfinite(v) and v >= 0 for v in (flops, hours, days))
    assert costs.wall_clock_days(hours, 2 * n_gpus) == pytest.approx(days / 2)


def test_gpu_table(gpus):
    t = gpu_table(gpus)
    assert list(t.index) == ["A100", "H100", "H800", "H200", "B200"]
    assert gpu_names(gpus) == tuple(t.index)
    extra = pd.concat([gpus, gpus.iloc[:1].assign(gpu="MI300X"), gpus.iloc[:1].assign(gpu="Gaudi 3")])
    assert (
        gpu_names(extra)
        == tuple(gpu_table(extra).index)
        == ("A100", "H100", "H800", "H200", "B200", "Gaudi 3", "MI300X")
    )
    first = gpus.loc[(gpus["gpu"] == "H800") & (gpus["spec"] == "bf16_dense_tflops"), "source_id"].iloc[0]
    assert spec_source(gpus, "H800", "bf16_dense_tflops") == first and spec_source(gpus, "H800", "no_such_spec") is None
    assert gpu_spec(gpus, "A100", "fp8_dense_tflops") is None
    assert gpu_spec(gpus, "H800", "nvlink_gbs") == 400 and gpu_spec(gpus, "H100", "nvlink_gbs") == 900
