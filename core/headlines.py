"""The Home page's headline figures, computed from the data files (nothing typed in)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core import stocks
from core.costs import cost_ratio, runs_in_budget, training_cost_usd
from core.datasets import fact
from core.figures import Figure, FigureSet, Kind, count, money

V3_STAGES = ("v3_gpu_hours_pretraining", "v3_gpu_hours_context_extension", "v3_gpu_hours_post_training")


@dataclass(frozen=True)
class CostHeadline:
    v3_gpu_hours: float
    v3_price_usd_per_gpu_hour: float
    v3_cost_usd: float
    gpt4o_cost_estimate_usd: float
    gpt4o_to_v3: float  # how many V3 runs fit in the GPT-4o estimate
    stargate_usd: float
    stargate_years: float
    stargate_per_year_usd: float


def cost_headline(facts: pd.DataFrame) -> CostHeadline:
    gpu_hours = sum(fact(facts, k) for k in V3_STAGES)
    price = fact(facts, "v3_rental_price_usd_per_gpu_hour")
    v3 = training_cost_usd(gpu_hours, price)
    gpt4o = fact(facts, "gpt4o_cost_estimate_usd")
    budget, years = fact(facts, "stargate_budget_usd"), fact(facts, "stargate_years")
    return CostHeadline(gpu_hours, price, v3, gpt4o, cost_ratio(gpt4o, v3), budget, years, budget / years)


def cost_figures(facts: pd.DataFrame) -> FigureSet:
    """The cost figures every page and the tour share, each with its sources (one derivation):

    ``v3_cost`` (the final training run, recomputed from the report's GPU-hours and price),
    ``v3_gpu_hours``, ``v3_price`` (per GPU-hour), ``gpt4o_cost`` (the article's estimate),
    ``gpt4o_to_v3`` (V3 runs in one GPT-4o estimate), ``stargate_budget``, ``stargate_years``,
    ``stargate_per_year``, ``stargate_initial``, and ``v3_runs`` / ``gpt4o_runs``: how many such runs
    the Stargate budget pays for."""
    c = cost_headline(facts)
    initial = fact(facts, "stargate_initial_usd")
    return FigureSet(
        {
            "v3_cost": money(c.v3_cost_usd, "V3R", sig=4),
            "v3_gpu_hours": Figure(c.v3_gpu_hours, Kind.AMOUNT, ("V3R",), sig=4),
            "v3_price": money(c.v3_price_usd_per_gpu_hour, "V3R"),
            "gpt4o_cost": money(c.gpt4o_cost_estimate_usd, "ARTICLE", estimate=True),
            "gpt4o_to_v3": Figure(c.gpt4o_to_v3, Kind.RATIO, ("ARTICLE", "V3R"), sig=2, estimate=True),
            "stargate_budget": money(c.stargate_usd, "STARGATE-OAI"),
            "stargate_years": Figure(c.stargate_years, Kind.NUMBER, ("STARGATE-OAI",), digits=0),
            "stargate_per_year": money(c.stargate_per_year_usd, "STARGATE-OAI"),
            "stargate_initial": money(initial, "STARGATE-OAI"),
            "v3_runs": count(runs_in_budget(c.stargate_usd, c.v3_cost_usd), "STARGATE-OAI", "V3R"),
            "gpt4o_runs": count(
                runs_in_budget(c.stargate_usd, c.gpt4o_cost_estimate_usd), "STARGATE-OAI", "ARTICLE", estimate=True
            ),
        }
    )


@dataclass(frozen=True)
class GroupMove:
    group: str
    tickers: tuple[str, ...]
    worst: float  # most negative change
    best: float
    median: float
    fell: int  # how many closed below the base in the window
    worst_ticker: str
    best_ticker: str
    changes: tuple[tuple[str, float], ...]  # (ticker, change) for every member

    @property
    def count(self) -> int:
        return len(self.tickers)


def market_headline(prices: pd.DataFrame, companies: pd.DataFrame) -> dict[str, GroupMove]:
    """Moves from the article's base close to the lowest close of the shock days, by group.

    GAFAM counts the five companies the article names (one Alphabet share class); the other
    groups count every company in them.
    """
    dd = stocks.drawdowns(prices, stocks.ARTICLE_BASE_DATE, *stocks.SHOCK_WINDOW)
    merged = dd.merge(companies[["ticker", "group", "named_in_article"]], on="ticker")
    merged = merged[(merged["group"] != "gafam") | merged["named_in_article"]]
    out = {}
    for group, rows in merged.groupby("group"):
        worst = rows.loc[rows["change"].idxmin()]
        best = rows.loc[rows["change"].idxmax()]
        out[str(group)] = GroupMove(
            group=str(group),
            tickers=tuple(rows["ticker"]),
            worst=float(rows["change"].min()),
            best=float(rows["change"].max()),
            median=float(rows["change"].median()),
            fell=int((rows["change"] < 0).sum()),
            worst_ticker=str(worst["ticker"]),
            best_ticker=str(best["ticker"]),
            changes=tuple((str(tk), float(c)) for tk, c in zip(rows["ticker"], rows["change"])),
        )
    return out
