"""The one training-cost model every page shares (scaling law, Stargate, DeepSeek, scenarios).

Pure functions with units in their names. Conventions:
- compute in FLOP, throughput in FLOP/s, utilisation (MFU) as a fraction in (0, 1];
- time in GPU-hours or days, money in USD, power in W / MW, energy in MWh.
Functions raise ValueError on inputs that have no meaning (negative sizes, zero GPUs, zero MFU),
so a page can turn that into a message instead of showing inf or NaN.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def server_kw_per_gpu(
    tdp_w: float, reference_server_kw: float, reference_gpus_per_server: float, reference_tdp_w: float
) -> float:
    """Power per GPU at the wall of its server (kW), before the data centre's PUE.

    Scales a reference server (e.g. a DGX H100: 10.2 kW for 8 GPUs of 700 W) to a GPU of another
    TDP: CPUs, memory, network and fans are assumed to grow in proportion. An assumption, not a spec.
    """
    _non_negative(tdp_w=tdp_w, reference_server_kw=reference_server_kw)
    _positive(reference_gpus_per_server=reference_gpus_per_server, reference_tdp_w=reference_tdp_w)
    return reference_server_kw / reference_gpus_per_server * tdp_w / reference_tdp_w


# --- A whole training run ("scenario"), for the scenarios page and the pages that reuse it ---

PRECISIONS = ("bf16", "fp8")
COST_MODES = ("rent", "own")


@dataclass(frozen=True)
class GpuSpec:
    """What the run needs to know about a GPU: dense peaks (FLOP/s) and memory (bytes)."""

    name: str
    bf16_flops_per_s: float
    fp8_flops_per_s: float | None  # None: no FP8 tensor cores (A100)
    hbm_bytes: float


@dataclass(frozen=True)
class Scenario:
    """A training run on paper. Units: parameters and tokens as counts, MFU as a fraction,
    prices in USD, power in kW per GPU (server included), electricity in USD per kWh."""

    active_params: float  # parameters used per token (N in 6·N·D)
    total_params: float  # all parameters (for memory); at least active_params
    tokens: float  # training tokens (D)
    gpu: str
    precision: str  # "bf16" | "fp8"
    n_gpus: int
    mfu: float  # model FLOPs utilisation, in (0, 1]
    cost_mode: str  # "rent" | "own"
    rent_usd_per_gpu_hour: float
    purchase_usd_per_gpu: float
    depreciation_years: float
    kw_per_gpu: float
    pue: float
    usd_per_kwh: float


@dataclass(frozen=True)
class ScenarioResult:
    """Every output of one scenario. ``precision`` is the one used (FP8 falls back to BF16 on a GPU
    without FP8, flagged by ``fp8_fallback``); ``total_cost_usd`` is the rental cost (power
    included in the price) or, for owned GPUs, depreciation plus electricity."""

    flops: float
    precision: str
    fp8_fallback: bool
    peak_flops_per_s: float
    gpu_hours: float
    days: float
    usd_per_gpu_hour: float
    compute_cost_usd: float
    energy_mwh: float
    energy_cost_usd: float
    total_cost_usd: float
    peak_power_mw: float
    memory_needed_bytes: float
    memory_available_bytes: float
    fits_in_memory: bool
    tokens_per_param: float
    total_params_raised: bool  # total parameters were below active ones and were raised to them


def run_scenario(s: Scenario, gpu: GpuSpec) -> ScenarioResult:
    """Training FLOP (6·N·D), GPU-hours at the MFU, days on ``n_gpus``, cost (rental, or
    depreciation + electricity when owned), energy (MWh) and its cost, peak facility power (MW),
    and whether weights, gradients and Adam state (16 bytes a parameter) fit in the cluster's
    memory. Raises ValueError for meaningless inputs (0 GPUs, 0 MFU, PUE below 1...)."""
    if s.precision not in PRECISIONS or s.cost_mode not in COST_MODES:
        raise ValueError(f"unknown precision {s.precision!r} or cost mode {s.cost_mode!r}")
    if s.mfu > 1:
        raise ValueError(f"MFU is a fraction of the peak, at most 1 (got {s.mfu})")
    fp8_peak = gpu.fp8_flops_per_s
    fallback = s.precision == "fp8" and not fp8_peak
    precision = "bf16" if fallback else s.precision
    peak = fp8_peak if precision == "fp8" and fp8_peak else gpu.bf16_flops_per_s
    flops = training_flops(s.active_params, s.tokens)
    hours = gpu_hours_for(flops, peak, s.mfu)
    days = wall_clock_days(hours, s.n_gpus)
    price = (
        s.rent_usd_per_gpu_hour
        if s.cost_mode == "rent"
        else owned_usd_per_gpu_hour(s.purchase_usd_per_gpu, s.depreciation_years)
    )
    compute_cost = training_cost_usd(hours, price)
    mwh = energy_mwh(hours, s.kw_per_gpu * 1000.0, s.pue)
    power_cost = energy_cost_usd(mwh, s.usd_per_kwh)
    total_params = max(s.total_params, s.active_params)
    needed = training_memory_bytes(total_params)
    available = s.n_gpus * gpu.hbm_bytes
    return ScenarioResult(
        flops=flops,
        precision=precision,
        fp8_fallback=fallback,
        peak_flops_per_s=peak,
        gpu_hours=hours,
        days=days,
        usd_per_gpu_hour=price,
        compute_cost_usd=compute_cost,
        energy_mwh=mwh,
        energy_cost_usd=power_cost,
        total_cost_usd=compute_cost if s.cost_mode == "rent" else compute_cost + power_cost,
        peak_power_mw=facility_power_w(s.n_gpus, s.kw_per_gpu * 1000.0, s.pue) / 1e6,
        memory_needed_bytes=needed,
        memory_available_bytes=available,
        fits_in_memory=needed <= available,
        tokens_per_param=s.tokens / s.active_params if s.active_params > 0 else 0.0,
        total_params_raised=s.total_params < s.active_params,
    )
