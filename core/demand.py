"""A constant-elasticity model of demand for AI compute: does efficiency shrink or grow it?

A thinking tool, not a forecast. An efficiency gain ``k`` (k = 10: the same AI work needs a tenth
of the compute) cuts the cost of serving one unit of AI work (an answer, a token) to 1/k. A share
``pass_through`` of that saving reaches the price users pay:

    price ratio     p = 1 - s (1 - 1/k)          (s = 1: the price falls to 1/k; s = 0: unchanged)
    AI work used    Q = p^(-ε)                   (constant price elasticity of demand ε)
    compute needed  C = Q / k                    (GPUs, power and spending on them, at fixed
                                                  hardware prices and watts per GPU)
    users' bill     B = p · Q

With the whole saving passed on, C = B = k^(ε-1): ε = 1 is the break-even where spending on
compute stays flat for any k; ε > 1 makes it grow with k (Jevons' paradox), ε < 1 shrink.
All outputs are ratios to today (1 = no change).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import cast

import pandas as pd

from core import headlines, stocks
from core.datasets import date_of, fact, fact_source
from core.figures import Figure, FigureSet, Kind, change, count, money, share, when

K_RANGE = (1.0, 100.0)
ELASTICITY_RANGE = (0.2, 2.5)
PASS_THROUGH_RANGE = (0.0, 1.0)
K_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0, 15.0, 20.0, 30.0, 50.0, 70.0, 100.0)  # roughly even on a log scale
CURVE_ELASTICITIES = (0.5, 1.0, 1.5, 2.0)  # the lines drawn for comparison


def k_steps(marker: float | None = None) -> tuple[float, ...]:
    """The efficiency-gain choices: ``K_STEPS`` plus ``marker`` (e.g. the article's 10x) when it
    lies inside ``K_RANGE`` and is not already a step."""
    steps = set(K_STEPS)
    if marker is not None and math.isfinite(marker) and K_RANGE[0] <= marker <= K_RANGE[1]:
        steps.add(round(float(marker), 2))
    return tuple(sorted(steps))


@dataclass(frozen=True)
class DemandOutcome:
    price: float  # price of a unit of AI work, ratio to today
    usage: float  # AI work used (answers, tokens), ratio to today
    compute: float  # compute needed = GPUs, power and spending on compute, ratio to today
    bill: float  # what users pay in total, ratio to today


def clamp(value: float, bounds: tuple[float, float]) -> float:
    """``value`` inside ``bounds``; NaN falls back to the lower bound."""
    lo, hi = bounds
    if value is None or math.isnan(float(value)):
        return lo
    return min(max(float(value), lo), hi)


def outcome(k: float, elasticity: float, pass_through: float = 1.0) -> DemandOutcome:
    """Ratios to today after an efficiency gain ``k`` (>= 1), with price elasticity ``elasticity``
    (> 0) and a share ``pass_through`` (0-1) of the saving passed on to prices.

    Raises ValueError outside the domain (k < 1, ε <= 0, share outside [0, 1], non-finite)."""
    if not all(math.isfinite(v) for v in (k, elasticity, pass_through)):
        raise ValueError("inputs must be finite")
    if k < 1 or elasticity <= 0 or not 0 <= pass_through <= 1:
        raise ValueError("need k >= 1, elasticity > 0, 0 <= pass_through <= 1")
    price = 1 - pass_through * (1 - 1 / k)  # between 1/k and 1: always > 0
    usage = price ** (-elasticity)
    return DemandOutcome(price=price, usage=usage, compute=usage / k, bill=price * usage)


def break_even_elasticity(k: float, pass_through: float = 1.0) -> float:
    """The elasticity at which spending on compute stays flat after gain ``k``: ε* = ln k / -ln p.
    1 with the whole saving passed on; infinite (returned as math.inf) when nothing is passed on
    or k = 1 (no gain: every ε leaves it flat, reported as 1)."""
    price = outcome(k, 1.0, pass_through).price
    if k == 1:
        return 1.0
    if price >= 1:
        return math.inf
    return math.log(k) / -math.log(price)


def compute_curve(ks: list[float], elasticity: float, pass_through: float = 1.0) -> list[float]:
    """Compute needed (ratio to today) for each gain in ``ks``."""
    return [outcome(k, elasticity, pass_through).compute for k in ks]


def log_grid(lo: float = K_RANGE[0], hi: float = K_RANGE[1], n: int = 61) -> list[float]:
    """``n`` points evenly spaced on a log scale from ``lo`` to ``hi`` (both included)."""
    a, b = math.log10(lo), math.log10(hi)
    return [10 ** (a + (b - a) * i / (n - 1)) for i in range(n)]


# ---- The What-next figure model: the page, its tour step and the exports show the same figures ----

ELASTICITY_STEP = 0.05
DEFAULT_ELASTICITY = 1.0  # the break-even with the whole saving passed on
SHARE_PCT = (0, 100)  # the pass-through control, whole percent
SHARE_STEP_PCT = 5
DEFAULT_SHARE_PCT = 100
PERCENT = 100
FLAT = 0.005  # a ratio within half a percent of today counts as unchanged
METRICS = ("price", "usage", "compute", "bill")
INPUTS = ("k", "elasticity", "pass_through")
MODEL = "SVE"  # the model's own outputs: our arithmetic, sourced through its inputs


def k_label(k: float) -> str:
    """The efficiency-gain control's label, the same in every language since the URL holds it:
    '1×', '1.5×', '10×'."""
    return f"{k:g}×"


def article_gain(facts: pd.DataFrame) -> float:
    """The efficiency gain the article's cost ratio implies: 1 / "a tenth or less" = 10."""
    return 1 / fact(facts, "article_cost_fraction_max")


def _number(value: object, fallback: float) -> float:
    """``value`` as a finite float, else ``fallback`` (a control's value from a hostile link)."""
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        return fallback
    return float(value)


@dataclass(frozen=True)
class Metric:
    """One outcome as a ratio to today (RATIO), its change (CHANGE; None when it barely moved) and
    the direction of the change ("up" | "down")."""

    name: str  # price | usage | compute | bill
    value: Figure
    change: Figure | None
    arrow: str


@dataclass(frozen=True)
class NextFigures:
    """What the model returns for the reader's inputs (``k``, ``elasticity``, ``pass_through``, as
    used: clamped to the controls' ranges) and the figures the page and the tour cite: ``figs``
    (``k``, ``marker``, ``eps``, ``share``, ``price``, ``usage``, ``compute``, ``bill``,
    ``break_even``, ``fraction``, ``shock``, ``nadella``, ``low_eps``, ``low_compute``, ``high_eps``,
    ``high_compute``), ``metrics`` in ``METRICS`` order, ``verdict`` (grow | shrink | flat) and
    ``breaks_even``: whether some elasticity keeps spending on compute flat."""

    k: float
    elasticity: float
    pass_through: float
    figs: FigureSet
    metrics: tuple[Metric, ...]
    verdict: str
    breaks_even: bool


def _ratio(value: float, *sources: str) -> Figure:
    return Figure(value, Kind.RATIO, tuple(sources))


def figures(facts: pd.DataFrame, dates: pd.DataFrame, k: object, elasticity: object, share_pct: object) -> NextFigures:
    """The figures of the What-next page for the reader's inputs as the controls (or a link) give
    them: an efficiency gain ``k``, an elasticity and the share of the saving passed on to prices
    (percent); anything that is not a number falls back to the default, numbers are clamped."""
    marker = article_gain(facts)
    src = (fact_source(facts, "article_cost_fraction_max"),)
    k_ = clamp(_number(k, marker), K_RANGE)
    e = clamp(_number(elasticity, DEFAULT_ELASTICITY), ELASTICITY_RANGE)
    s = clamp(_number(share_pct, DEFAULT_SHARE_PCT) / PERCENT, PASS_THROUGH_RANGE)
    out = outcome(k_, e, s)
    values = dict(zip(METRICS, (out.price, out.usage, out.compute, out.bill)))
    metrics = tuple(
        Metric(
            name,
            _ratio(v, MODEL),
            change(v - 1, MODEL, digits=0) if abs(v - 1) > FLAT else None,
            "up" if v > 1 else "down",
        )
        for name, v in values.items()
    )
    even = break_even_elasticity(k_, s)
    low, high = min(CURVE_ELASTICITIES), max(CURVE_ELASTICITIES)
    figs = FigureSet(
        {
            "k": _ratio(k_, MODEL),
            "marker": _ratio(marker, *src),
            "eps": Figure(e, Kind.NUMBER, (MODEL,), digits=2),
            "share": share(s, MODEL),
            **{m.name: m.value for m in metrics},
            "break_even": Figure(even if math.isfinite(even) else None, Kind.NUMBER, (MODEL,), digits=2),
            "fraction": share(fact(facts, "article_cost_fraction_max"), *src),
            "shock": when(stocks.shock_dates(dates).window[0], "ARTICLE"),
            "nadella": when(date_of(dates, "nadella_jevons_post"), "NADELLA-JEVONS"),
            "low_eps": Figure(low, Kind.NUMBER, (MODEL,), digits=1),
            "low_compute": _ratio(outcome(k_, low, s).compute, MODEL),
            "high_eps": Figure(high, Kind.NUMBER, (MODEL,), digits=1),
            "high_compute": _ratio(outcome(k_, high, s).compute, MODEL),
        }
    )
    verdict = "grow" if out.compute > 1 + FLAT else "shrink" if out.compute < 1 - FLAT else "flat"
    return NextFigures(k_, e, s, figs, metrics, verdict, math.isfinite(even))


def r1_figures(facts: pd.DataFrame, dates: pd.DataFrame) -> FigureSet:
    """What R1's reinforcement-learning stage cost, as DeepSeek later disclosed it: ``date``,
    ``cost``, ``gpus``, ``hours``, beside ``v3_cost`` (``core.headlines.cost_figures``)."""
    src = lambda k: (fact_source(facts, k),)  # noqa: E731
    return FigureSet(
        {
            "date": when(date_of(dates, "r1_rl_cost_reported"), "R1-RL-COST"),
            "cost": money(fact(facts, "r1_rl_cost_usd"), *src("r1_rl_cost_usd")),
            "gpus": count(fact(facts, "r1_rl_gpus"), *src("r1_rl_gpus")),
            "hours": count(fact(facts, "r1_rl_hours"), *src("r1_rl_hours")),
            "v3_cost": headlines.cost_figures(facts)["v3_cost"],
        }
    )


# ---- The shares since: no verdict in our data ----------------------------------------------------

SHARE_GROUPS = ("gafam", "chips", "power")


@dataclass(frozen=True)
class GroupCheck:
    """One company group at two dates: ``count`` members, ``fell`` below the base close in the shock
    days, ``recovered`` of those by the article's date (``median_article``: the group's median change
    then), and ``below`` the base on the last day of the data (``median_last``)."""

    group: str
    count: Figure
    fell: Figure
    recovered: Figure
    median_article: Figure
    below: Figure
    median_last: Figure


@dataclass(frozen=True)
class ShareChecks:
    base: Figure  # DATE: the last close before the shock
    article: Figure  # DATE: the article's date (snapped to a trading day)
    last: Figure  # DATE: the last day of the price data
    groups: tuple[GroupCheck, ...]
    sources: tuple[str, ...]


def share_checks(prices: pd.DataFrame, companies: pd.DataFrame, article: date) -> ShareChecks:
    """The groups of the stock-reaction page measured from the article's base close, at the
    article's date and at the last close of the data."""
    days = stocks.trading_days(prices)
    base, (start, end) = cast(date, stocks.ARTICLE_BASE_DATE), cast(tuple[date, date], stocks.SHOCK_WINDOW)
    win = stocks.resolve_window(base, start, end, days)
    at = {"article": stocks.snap_to_trading_day(min(article, days[-1]), days), "last": days[-1]}
    members = stocks.chart_tickers(companies)
    rec = {
        name: stocks.recovery_by_group(prices, companies, win.base, win.start, win.end, d, tickers=members)
        for name, d in at.items()
    }
    ids = tuple(dict.fromkeys([*map(str, prices.loc[prices["ticker"].isin(members), "source_id"].unique()), "SVE"]))
    groups = []
    for g in SHARE_GROUPS:
        if g not in rec["last"] or g not in rec["article"]:
            continue
        a, z = rec["article"][g], rec["last"][g]
        groups.append(
            GroupCheck(
                g,
                count(z.count, *ids),
                count(a.fell, *ids, as_of=at["article"]),
                count(a.recovered, *ids, as_of=at["article"]),
                change(a.median_change_at_as_of, *ids, digits=0, as_of=at["article"]),
                count(z.below_at_as_of, *ids, as_of=at["last"]),
                change(z.median_change_at_as_of, *ids, digits=0, as_of=at["last"]),
            )
        )
    return ShareChecks(
        when(win.base, *ids),
        when(at["article"], "ARTICLE"),
        when(at["last"], *ids, as_of=at["last"]),
        tuple(groups),
        ids,
    )
