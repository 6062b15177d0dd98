"""The one training-cost model every page shares (scaling law, Stargate, DeepSeek, scenarios).

Pure functions with units in their names. Conventions:
- compute in FLOP, throughput in FLOP/s, utilisation (MFU) as a fraction in (0, 1];
- time in GPU-hours or days, money in USD, power in W / MW, energy in MWh.
Functions raise ValueError on inputs that have no meaning (negative sizes, zero GPUs, zero MFU),
so a page can turn that into a message instead of showing inf or NaN.
"""

from __future__ import annotations

HOURS_PER_YEAR = 365 * 24
BYTES_PER_PARAM_MIXED_ADAM = 16  # bf16 weights + grads, fp32 master weights + two Adam moments


def _positive(**values: float) -> None:
    for name, v in values.items():
        if not v > 0:
            raise ValueError(f"{name} must be positive (got {v})")


def _non_negative(**values: float) -> None:
    for name, v in values.items():
        if not v >= 0:
            raise ValueError(f"{name} must not be negative (got {v})")


def training_flops(active_params: float, tokens: float) -> float:
    """Training compute of a transformer, C ≈ 6·N·D FLOP (N active parameters per token, D tokens)."""
    _non_negative(active_params=active_params, tokens=tokens)
    return 6.0 * active_params * tokens


def gpu_hours_for(flops: float, peak_flops_per_s: float, mfu: float) -> float:
    """GPU-hours to do ``flops`` on GPUs of a given dense peak at a model FLOPs utilisation."""
    _non_negative(flops=flops)
    _positive(peak_flops_per_s=peak_flops_per_s, mfu=mfu)
    return flops / (peak_flops_per_s * mfu) / 3600.0


def implied_mfu(flops: float, gpu_hours: float, peak_flops_per_s: float) -> float:
    """The utilisation a reported run implies: useful FLOP / (GPU-hours × peak)."""
    _positive(gpu_hours=gpu_hours, peak_flops_per_s=peak_flops_per_s)
    return flops / (gpu_hours * 3600.0 * peak_flops_per_s)


def wall_clock_days(gpu_hours: float, n_gpus: float) -> float:
    """Days of wall-clock time when ``n_gpus`` share the work evenly."""
    _non_negative(gpu_hours=gpu_hours)
    _positive(n_gpus=n_gpus)
    return gpu_hours / n_gpus / 24.0


def training_cost_usd(gpu_hours: float, price_usd_per_gpu_hour: float) -> float:
    """Rental cost of a run: GPU-hours × price per GPU-hour (USD)."""
    if gpu_hours < 0 or price_usd_per_gpu_hour < 0:
        raise ValueError("GPU-hours and price must not be negative")
    return gpu_hours * price_usd_per_gpu_hour


def owned_usd_per_gpu_hour(purchase_usd: float, years: float) -> float:
    """Straight-line depreciation of a bought GPU, per hour of its life (USD per GPU-hour)."""
    _non_negative(purchase_usd=purchase_usd)
    _positive(years=years)
    return purchase_usd / (years * HOURS_PER_YEAR)


def cost_ratio(cost_usd: float, reference_cost_usd: float) -> float:
    """How many reference runs one run costs (cost / reference). Reference must be positive."""
    if reference_cost_usd <= 0:
        raise ValueError("reference cost must be positive")
    return cost_usd / reference_cost_usd


def runs_in_budget(budget_usd: float, run_cost_usd: float) -> float:
    """How many runs of a given cost a budget pays for."""
    _non_negative(budget_usd=budget_usd)
    _positive(run_cost_usd=run_cost_usd)
    return budget_usd / run_cost_usd


def facility_power_w(n_gpus: float, watts_per_gpu: float, pue: float) -> float:
    """Power drawn from the grid: GPUs × watts per GPU (server included) × PUE."""
    _non_negative(n_gpus=n_gpus, watts_per_gpu=watts_per_gpu)
    if pue < 1:
        raise ValueError(f"PUE is at least 1 (got {pue})")
    return n_gpus * watts_per_gpu * pue


def energy_mwh(gpu_hours: float, watts_per_gpu: float, pue: float) -> float:
    """Energy of a run in MWh: GPU-hours × watts per GPU × PUE."""
    return facility_power_w(gpu_hours, watts_per_gpu, pue) / 1e6


def energy_cost_usd(mwh: float, usd_per_kwh: float) -> float:
    _non_negative(mwh=mwh, usd_per_kwh=usd_per_kwh)
    return mwh * 1000.0 * usd_per_kwh


def training_memory_bytes(total_params: float, bytes_per_param: float = BYTES_PER_PARAM_MIXED_ADAM) -> float:
    """Memory for weights, gradients and optimiser state (activations not included)."""
    _non_negative(total_params=total_params, bytes_per_param=bytes_per_param)
    return total_params * bytes_per_param
