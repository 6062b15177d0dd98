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
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from core import headlines
from core.costs import HOURS_PER_YEAR, energy_cost_usd, energy_mwh, facility_power_w, runs_in_budget
from core.datasets import date_of, fact, fact_source, lookup_index, per_frame
from core.figures import Figure, FigureSet, Kind, count, money, share, when
from core.hardware import gpu_names, gpu_spec, spec_source

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


def timeline_value(timeline: pd.DataFrame, event: str, metric: str) -> float:
    """One figure of ``data/stargate_timeline.csv``; KeyError names the missing row."""
    value = lookup_index(timeline, ("event", "metric"), "value").get((event, metric))
    if value is None:
        raise KeyError(f"stargate_timeline has no row {event}/{metric}")
    return float(value)


def dgx_server_multiple(facts: pd.DataFrame, h100_tdp_w: float) -> float:
    """The default server multiple, from the DGX H100 facts (server kW, GPUs per server) and the H100 TDP."""
    return server_multiple(fact(facts, "dgx_h100_max_kw"), fact(facts, "dgx_h100_gpus_per_server"), h100_tdp_w)


# ---- The page's figure model: what the page, the tour and the exports show ---------------------


@dataclass(frozen=True)
class Range:
    """A control's bounds and step (the page's sliders; whole numbers stay whole)."""

    lo: float
    hi: float
    step: float


SHARE_PCT = Range(5, 100, 1)  # share of the budget on GPUs and servers, in whole percent
SERVER_MULTIPLE = Range(1.0, 3.0, 0.01)
PUE_RANGE = Range(1.0, 2.5, 0.01)
KWH_CENTS = Range(1.0, 30.0, 0.01)  # electricity price, US cents per kWh
RUN_MUSD = Range(0.01, 1_000_000.0, 1.0)  # the reader's own training run, USD million
PERCENT, CENTS_PER_USD, USD_PER_MUSD = 100, 100, 1e6
DEFAULT_PROFILE = "front"  # as announced: the initial amount first
REFERENCE_GPU = "H100"  # the GPU of the reference server (DGX H100) and the default choice
YARDSTICKS = (("na", "na_datacentre_capacity_gw_2024"), ("nuclear", "nuclear_plant_avg_gw"))  # bar, fact
DEFAULT_FIGURES = ("default_share", "default_server", "gpus_per_server", "pue_avg", "pue_new", "kwh_cents")


@dataclass(frozen=True)
class Defaults:
    """The controls' defaults, each from a sourced figure: compute's share of an AI rack's cost
    (Bernstein), the DGX H100's power per GPU over the H100's TDP, the industry-average PUE and the
    US industrial electricity price."""

    share_pct: int
    server_multiple: float
    pue: float
    kwh_cents: float


def gpu_choices(gpus: pd.DataFrame) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The GPUs the budget model can use (a sourced purchase price and TDP), and those left out
    for lack of a price, in ``GPU_ORDER``."""
    offered: list[str] = []
    unpriced: list[str] = []
    for g in gpu_names(gpus):
        if gpu_spec(gpus, g, "tdp_w") is None:
            continue
        (offered if gpu_spec(gpus, g, "purchase_usd") is not None else unpriced).append(g)
    return tuple(offered), tuple(unpriced)


def default_gpu(offered: tuple[str, ...]) -> str:
    """The GPU chosen until the reader picks one: the reference server's, else the first offered."""
    return REFERENCE_GPU if REFERENCE_GPU in offered else next(iter(offered))


def defaults(facts: pd.DataFrame, gpus: pd.DataFrame) -> Defaults:
    """The controls' defaults, rounded to their steps."""
    share = compute_share(fact(facts, "bernstein_rack_compute_usd"), fact(facts, "bernstein_rack_infra_usd"))
    tdp = gpu_spec(gpus, REFERENCE_GPU, "tdp_w")
    if tdp is None:
        raise ValueError(f"data/gpus.csv gives no TDP for {REFERENCE_GPU}")
    return Defaults(
        share_pct=round(PERCENT * share),
        server_multiple=round(dgx_server_multiple(facts, tdp), 2),
        pue=fact(facts, "pue_industry_average_2023"),
        kwh_cents=round(CENTS_PER_USD * fact(facts, "us_industrial_electricity_usd_per_kwh_2023"), 2),
    )


@dataclass(frozen=True)
class Choices:
    """The reader's settings: spending profile, GPU, share on GPUs (percent), server multiple, PUE,
    electricity price (US cents per kWh)."""

    profile: str
    gpu: str
    share_pct: float
    server_multiple: float
    pue: float
    kwh_cents: float


def _src(facts: pd.DataFrame, *keys: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fact_source(facts, k) for k in keys))


def figures(facts: pd.DataFrame, dates: pd.DataFrame, gpus: pd.DataFrame) -> FigureSet:
    """The figures no control moves: the budget (``core.headlines.cost_figures``: ``stargate_budget``,
    ``stargate_years``, ``stargate_per_year``, ``stargate_initial``, ``v3_cost``, ``v3_price``,
    ``gpt4o_cost``, ``v3_runs``, ``gpt4o_runs``), ``announced``, and what the controls' help
    cites: ``default_share``, ``default_server``, ``gpus_per_server``, ``pue_avg``, ``pue_new``,
    ``kwh_cents``."""
    d = defaults(facts, gpus)
    return FigureSet(
        {
            **headlines.cost_figures(facts),
            "announced": when(date_of(dates, "stargate_announced"), "STARGATE-OAI"),
            "default_share": share(d.share_pct / PERCENT, *_src(facts, "bernstein_rack_compute_usd")),
            "default_server": Figure(d.server_multiple, Kind.NUMBER, _src(facts, "dgx_h100_max_kw"), digits=2),
            "gpus_per_server": count(fact(facts, "dgx_h100_gpus_per_server"), *_src(facts, "dgx_h100_gpus_per_server")),
            "pue_avg": Figure(d.pue, Kind.NUMBER, _src(facts, "pue_industry_average_2023"), digits=2),
            "pue_new": Figure(
                fact(facts, "pue_new_large_builds"), Kind.NUMBER, _src(facts, "pue_new_large_builds"), digits=2
            ),
            "kwh_cents": Figure(
                d.kwh_cents, Kind.NUMBER, _src(facts, "us_industrial_electricity_usd_per_kwh_2023"), digits=2
            ),
        }
    )


@dataclass(frozen=True)
class Bar:
    """One bar of the power chart: ``kind`` (model | check | plan | benchmark), ``key`` (its label:
    ``stargate.cmp.<key>``), ``value`` (POWER) and ``detail``: the figure its label names (the
    budget, a cost per GW, a date), if any."""

    kind: str
    key: str
    value: Figure
    detail: Figure | None = None


@dataclass(frozen=True)
class YearSpend:
    year: int
    spend: Figure  # MONEY spent in the year
    gpu: Figure  # of which on GPUs and servers
    other: Figure  # on everything else
    gw: Figure  # POWER of everything bought by the year's end


@dataclass(frozen=True)
class BudgetFigures:
    """What the budget buys under the reader's settings: ``figs`` (``gpus``, ``gpu_price``, ``watts``,
    ``gw``, ``twh``, ``electricity``, ``na_gw``, ``na_share``, ``us_twh``, ``us_share``, ``plants``),
    the power chart's ``bars``, the spending by ``years``; ``gpu`` and ``profile`` as used (an
    unknown one falls back to the default); ``fallback``: the settings made no sense to the
    model and the defaults were used."""

    figs: FigureSet
    bars: tuple[Bar, ...]
    years: tuple[YearSpend, ...]
    gpu: str
    profile: str
    fallback: bool = False

    def sources(self) -> tuple[str, ...]:
        ids = [
            *self.figs.sources(),
            *(s for b in self.bars for s in (b.value.sources + (b.detail.sources if b.detail else ()))),
        ]
        return tuple(dict.fromkeys(ids))


def budget_figures(
    facts: pd.DataFrame, gpus: pd.DataFrame, dates: pd.DataFrame, timeline: pd.DataFrame, choices: Choices
) -> BudgetFigures:
    """The figures of "what the money buys" for the reader's ``choices`` (see ``BudgetFigures``)."""
    offered, _ = gpu_choices(gpus)
    gpu = choices.gpu if choices.gpu in offered else default_gpu(offered)
    profile = choices.profile if choices.profile in PROFILES else DEFAULT_PROFILE
    chosen, fallback = replace(choices, gpu=gpu, profile=profile), False
    try:
        inputs = _inputs(facts, gpus, dates, chosen)
        out = budget_outcome(inputs)
    except ValueError:
        d = defaults(facts, gpus)
        inputs = _inputs(facts, gpus, dates, Choices(profile, gpu, d.share_pct, d.server_multiple, d.pue, d.kwh_cents))
        out, fallback = budget_outcome(inputs), True
    gpu_src = tuple(s for s in (spec_source(gpus, gpu, "purchase_usd"),) if s)
    budget_src = _src(facts, "stargate_budget_usd")
    built = (*budget_src, *gpu_src, *_src(facts, "dgx_h100_max_kw", "pue_industry_average_2023"))
    na, us = fact(facts, "na_datacentre_capacity_gw_2024"), fact(facts, "us_datacentre_twh_2023")
    na_src, us_src = _src(facts, "na_datacentre_capacity_gw_2024"), _src(facts, "us_datacentre_twh_2023")
    nuclear, nuclear_src = fact(facts, "nuclear_plant_avg_gw"), _src(facts, "nuclear_plant_avg_gw")
    gw = Figure(out.gw, Kind.POWER, built)
    figs = FigureSet(
        {
            "gpus": count(out.gpus, *budget_src, *gpu_src),
            "gpu_price": money(inputs.gpu_price_usd, *gpu_src),
            "watts": Figure(out.watts_per_gpu, Kind.NUMBER, built, digits=0),
            "gw": gw,
            "twh": Figure(out.twh_per_year, Kind.ENERGY, built),
            "electricity": money(
                out.electricity_usd_per_year, *built, *_src(facts, "us_industrial_electricity_usd_per_kwh_2023")
            ),
            "na_gw": Figure(na, Kind.POWER, na_src),
            "na_share": share(out.gw / na, *built, *na_src),
            "us_twh": Figure(us, Kind.ENERGY, us_src),
            "us_share": share(out.twh_per_year / us, *built, *us_src),
            "plants": Figure(out.gw / nuclear, Kind.NUMBER, (*built, *nuclear_src), digits=0),
        }
    )
    return BudgetFigures(
        figs, power_bars(facts, timeline, gw), year_figures(out.by_year, built), gpu, profile, fallback
    )


def _inputs(facts: pd.DataFrame, gpus: pd.DataFrame, dates: pd.DataFrame, c: Choices) -> BudgetInputs:
    price, tdp = gpu_spec(gpus, c.gpu, "purchase_usd"), gpu_spec(gpus, c.gpu, "tdp_w")
    if price is None or tdp is None:
        raise ValueError(f"data/gpus.csv gives no purchase price or TDP for {c.gpu}")
    return BudgetInputs(
        fact(facts, "stargate_budget_usd"),
        int(fact(facts, "stargate_years")),
        c.share_pct / PERCENT,
        price,
        tdp,
        c.server_multiple,
        c.pue,
        c.kwh_cents / CENTS_PER_USD,
        c.profile,
        fact(facts, "stargate_initial_usd"),
        date_of(dates, "stargate_announced").year,
    )


def _power(gw: float, *sources: str) -> Figure:
    return Figure(gw, Kind.POWER, tuple(dict.fromkeys(sources)))


def power_bars(facts: pd.DataFrame, timeline: pd.DataFrame, gw: Figure) -> tuple[Bar, ...]:
    """The power chart: this budget's GW under the reader's settings, two capex-per-GW cross-checks,
    Stargate's own announced capacity steps, and two yardsticks."""
    budget = money(fact(facts, "stargate_budget_usd"), *_src(facts, "stargate_budget_usd"))
    bars = [Bar("model", "model", gw, budget)]
    for key, fact_key in (("bernstein", "bernstein_capex_usd_per_gw"), ("epoch", "epoch_capex_usd_per_gw")):
        per_gw = money(fact(facts, fact_key), *_src(facts, fact_key))
        bars.append(Bar("check", key, _power(gw_for_capex(budget.number, per_gw.number), *per_gw.sources), per_gw))
    for key, event, metric in (("goal", "goal", "gw_total"), ("sep", "five_sites", "gw_total")):
        e = _event(timeline, event)
        bars.append(Bar("plan", key, _power(timeline_value(timeline, event, metric), *e.sources), e.day))
    abilene = _event(timeline, "abilene")
    bars.append(Bar("plan", "abilene", _power(timeline_value(timeline, "abilene", "gw"), *abilene.sources)))
    for key, fact_key in YARDSTICKS:
        bars.append(Bar("benchmark", key, _power(fact(facts, fact_key), *_src(facts, fact_key))))
    return tuple(bars)


def year_figures(by_year: pd.DataFrame, sources: tuple[str, ...]) -> tuple[YearSpend, ...]:
    """The spending of each year of ``BudgetOutcome.by_year`` as figures."""
    y = by_year.to_dict("list")
    return tuple(
        YearSpend(int(year), money(spend, *sources), money(gpu, *sources), money(other, *sources), _power(gw, *sources))
        for year, spend, gpu, other, gw in zip(
            y["year"], y["spend_usd"], y["gpu_usd"], y["other_usd"], y["cumulative_gw"]
        )
    )


def run_figures(facts: pd.DataFrame, run_musd: float | None = None) -> FigureSet:
    """The budget in training runs: ``v3_runs`` and ``gpt4o_runs`` (``core.headlines.cost_figures``),
    with ``v3_cost``, ``v3_price``, ``gpt4o_cost``; and, for the reader's own run of ``run_musd``
    (USD million), ``own_cost`` and ``own_runs`` (absent when no positive cost is given)."""
    cost = headlines.cost_figures(facts)
    figs = {k: cost[k] for k in ("v3_runs", "gpt4o_runs", "v3_cost", "v3_price", "gpt4o_cost", "stargate_budget")}
    own = run_musd * USD_PER_MUSD if run_musd is not None and math.isfinite(run_musd) else math.nan
    runs = runs_of(cost["stargate_budget"].number, {"own": own})
    if "own" in runs:
        figs["own_cost"] = money(own)  # the reader's own figure: no source
        figs["own_runs"] = count(runs["own"], *cost["stargate_budget"].sources)
    return FigureSet(figs)


# ---- The timeline: announced, then enlarged --------------------------------------------------


@dataclass(frozen=True)
class Event:
    """One dated step of ``data/stargate_timeline.csv``: ``values`` by metric, each a figure and
    its qualifier (up_to, about, more_than, nearly, or None)."""

    day: Figure  # DATE
    event: str
    values: tuple[tuple[str, Figure, str | None], ...]
    sources: tuple[str, ...]


_KIND_OF_UNIT = {
    "USD": Kind.MONEY,
    "GW": Kind.POWER,
    "years": Kind.NUMBER,
    "companies": Kind.NUMBER,
    "sites": Kind.NUMBER,
}


def _figure_of(value: float, unit: str, source: str) -> Figure:
    """A timeline value as a figure of the kind its unit says (anything else is a count: chips)."""
    kind = _KIND_OF_UNIT.get(unit, Kind.COUNT)
    return Figure(value, kind, (source,), unit="USD" if kind is Kind.MONEY else "", digits=0)


def _event(timeline: pd.DataFrame, event: str) -> Event:
    return next(e for e in timeline_figures(timeline) if e.event == event)


def timeline_figures(timeline: pd.DataFrame, after: date | None = None) -> tuple[Event, ...]:
    """Every dated step (by date; same-day steps in file order), or only those after ``after``."""

    def build(frame: pd.DataFrame) -> tuple[Event, ...]:
        rows: dict[tuple[date, str], list[tuple[str, Figure, str | None]]] = {}
        ids: dict[tuple[date, str], list[str]] = {}
        ordered = frame.sort_values("date", kind="stable")
        for day, event, metric, value, unit, qualifier, source in zip(
            ordered["date"],
            ordered["event"],
            ordered["metric"],
            ordered["value"],
            ordered["unit"],
            ordered["qualifier"],
            ordered["source_id"],
        ):
            key = (pd.Timestamp(day).date(), str(event))
            q = qualifier if isinstance(qualifier, str) else None
            rows.setdefault(key, []).append((str(metric), _figure_of(float(value), str(unit), str(source)), q))
            ids.setdefault(key, []).append(str(source))
        return tuple(
            Event(
                when(day, *dict.fromkeys(ids[(day, event)])), event, tuple(v), tuple(dict.fromkeys(ids[(day, event)]))
            )
            for (day, event), v in rows.items()
        )

    events = per_frame(timeline, ("timeline_figures",), build)
    return events if after is None else tuple(e for e in events if e.day.value > after)
