"""What a data-centre budget buys: GPUs, gigawatts, terawatt-hours, training runs.

Pure functions for the Stargate page (USD 500B over four years), usable for any budget.
The arithmetic of power, energy and runs is the shared model in ``core.costs``; this module
only adds the budget split (spending profile, share on GPUs and servers) and the conversions
a reader needs (W -> GW, MWh -> TWh).

    GPUs            = budget × GPU share / price per GPU
    W per GPU       = GPU TDP × server multiple   (server, CPUs, network per GPU)
    facility power  = GPUs × W per GPU × PUE      (core.costs.facility_power_w)
    energy per year = facility power × 8,760 h    (core.costs.energy_mwh), if run flat out
    runs            = budget / run cost           (core.costs.runs_in_budget)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from core.costs import HOURS_PER_YEAR, energy_cost_usd, energy_mwh, facility_power_w, runs_in_budget
from core.datasets import fact
from core.formatting import fmt_compact, fmt_number

PROFILES = ("even", "front")  # spread evenly; or the initial amount in year 1, the rest spread evenly


def spending_by_year(budget_usd: float, years: int, profile: str = "even", initial_usd: float = 0.0) -> list[float]:
    """USD spent in each year. ``front``: ``initial_usd`` (capped at the budget) in year 1, the rest evenly."""
    if years < 1:
        raise ValueError(f"years must be at least 1 (got {years})")
    if not budget_usd >= 0:
        raise ValueError(f"budget must not be negative (got {budget_usd})")
    if profile == "even" or years == 1:
        return [budget_usd / years] * years
    if profile != "front":
        raise ValueError(f"unknown spending profile {profile!r}")
    first = min(max(initial_usd, 0.0), budget_usd)
    return [first] + [(budget_usd - first) / (years - 1)] * (years - 1)


def server_multiple(server_kw: float, gpus_per_server: float, gpu_tdp_w: float) -> float:
    """Server power per GPU as a multiple of the GPU's own TDP (DGX H100: 10.2 kW / 8 / 700 W ≈ 1.82)."""
    if not (server_kw > 0 and gpus_per_server > 0 and gpu_tdp_w > 0):
        raise ValueError("server power, GPUs per server and TDP must be positive")
    return server_kw * 1000.0 / gpus_per_server / gpu_tdp_w


def compute_share(compute_usd: float, infrastructure_usd: float) -> float:
    """Share of a build spent on compute hardware (GPUs and servers) rather than the building and power."""
    total = compute_usd + infrastructure_usd
    if not (compute_usd >= 0 and infrastructure_usd >= 0 and total > 0):
        raise ValueError("costs must be non-negative with a positive total")
    return compute_usd / total


def gw_for_capex(budget_usd: float, capex_usd_per_gw: float) -> float:
    """Gigawatts a budget builds at an all-in capex per GW (an independent cross-check)."""
    return runs_in_budget(budget_usd, capex_usd_per_gw)


@dataclass(frozen=True)
class BudgetInputs:
    budget_usd: float
    years: int
    gpu_share: float  # fraction of the budget on GPUs and servers, in (0, 1]
    gpu_price_usd: float  # per GPU
    gpu_tdp_w: float
    server_multiple: float  # >= 1: server power per GPU / GPU TDP
    pue: float  # >= 1
    usd_per_kwh: float
    profile: str = "even"
    initial_usd: float = 0.0
    first_year: int = 1  # label of year 1 (e.g. 2025)


@dataclass(frozen=True)
class BudgetOutcome:
    gpus: float
    watts_per_gpu: float  # at server level, before PUE
    power_w: float  # facility, PUE included
    twh_per_year: float  # if every GPU ran flat out all year
    electricity_usd_per_year: float
    by_year: pd.DataFrame  # year, spend_usd, gpu_usd, other_usd, gpus, cumulative_gpus, cumulative_gw

    @property
    def gw(self) -> float:
        return self.power_w / 1e9


def _check(i: BudgetInputs) -> None:
    if not 0 < i.gpu_share <= 1:
        raise ValueError(f"GPU share must be in (0, 1] (got {i.gpu_share})")
    if not (i.gpu_price_usd > 0 and i.gpu_tdp_w > 0):
        raise ValueError("GPU price and TDP must be positive")
    if not i.server_multiple >= 1:
        raise ValueError(f"server multiple is at least 1 (got {i.server_multiple})")
    if not i.usd_per_kwh >= 0:
        raise ValueError("electricity price must not be negative")


def budget_outcome(i: BudgetInputs) -> BudgetOutcome:
    """GPUs, power, energy and electricity cost that a budget buys, in total and year by year."""
    _check(i)
    spend = spending_by_year(i.budget_usd, i.years, i.profile, i.initial_usd)
    watts = i.gpu_tdp_w * i.server_multiple
    rows, cumulative = [], 0.0
    for k, usd in enumerate(spend):
        gpu_usd = usd * i.gpu_share
        bought = gpu_usd / i.gpu_price_usd
        cumulative += bought
        rows.append(
            {
                "year": i.first_year + k,
                "spend_usd": usd,
                "gpu_usd": gpu_usd,
                "other_usd": usd - gpu_usd,
                "gpus": bought,
                "cumulative_gpus": cumulative,
                "cumulative_gw": facility_power_w(cumulative, watts, i.pue) / 1e9,
            }
        )
    gpus = i.budget_usd * i.gpu_share / i.gpu_price_usd
    mwh = energy_mwh(gpus * HOURS_PER_YEAR, watts, i.pue)
    return BudgetOutcome(
        gpus=gpus,
        watts_per_gpu=watts,
        power_w=facility_power_w(gpus, watts, i.pue),
        twh_per_year=mwh / 1e6,
        electricity_usd_per_year=energy_cost_usd(mwh, i.usd_per_kwh),
        by_year=pd.DataFrame(rows),
    )


def runs_of(budget_usd: float, run_costs_usd: dict[str, float]) -> dict[str, float]:
    """How many runs of each named cost a budget pays for (costs that are not positive are left out)."""
    return {
        name: runs_in_budget(budget_usd, cost)
        for name, cost in run_costs_usd.items()
        if cost is not None and math.isfinite(cost) and cost > 0
    }


def round_sig(value: float, digits: int = 3) -> float:
    """Round to ``digits`` significant figures: 89,670.1 -> 89,700 (finite values only)."""
    if not math.isfinite(value) or value == 0:
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def format_count(value: float, lang: str, digits: int = 3) -> str:
    """A count as a reader writes it, to ``digits`` significant figures: '89,700' / '8.97万';
    millions in short form ('8.63M')."""
    v = round_sig(value, digits)
    if math.isfinite(v) and abs(v) >= (10_000 if lang == "ja" else 1_000_000):
        return fmt_compact(v, lang, 2)
    return fmt_number(v, lang, 0 if not math.isfinite(v) or abs(v) >= 100 else 2)


def timeline_value(timeline: pd.DataFrame, event: str, metric: str) -> float:
    """One figure of ``data/stargate_timeline.csv``; KeyError names the missing row."""
    row = timeline.loc[(timeline["event"] == event) & (timeline["metric"] == metric), "value"]
    if row.empty:
        raise KeyError(f"stargate_timeline has no row {event}/{metric}")
    return float(row.iloc[0])


def dgx_server_multiple(facts: pd.DataFrame, h100_tdp_w: float) -> float:
    """The default server multiple, from the DGX H100 facts (server kW, GPUs per server) and the H100 TDP."""
    return server_multiple(fact(facts, "dgx_h100_max_kw"), fact(facts, "dgx_h100_gpus_per_server"), h100_tdp_w)
