"""The Home page's headline figures, computed from the data files (nothing typed in)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import pandas as pd

from core import stocks
from core.costs import cost_ratio, runs_in_budget, training_cost_usd
from core.datasets import date_of, fact, fact_source
from core.figures import Figure, FigureRange, FigureSet, Kind, change, count, money, share, when

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


STORY_DATES = ("v3_release", "r1_release", "stargate_announced", "shock_start")  # rows of data/dates.csv


def story_figures(facts: pd.DataFrame, dates: pd.DataFrame) -> FigureSet:
    """The story's figures beside the cost and market ones (Home, the tour's first step):
    ``v3_release``, ``r1_release``, ``stargate_announced``, ``shock_start`` (the sell-off's first day,
    as ``market_figures`` has it, without the prices) (dates, each with its row's source),
    ``shock_window`` (the article's window, its first to its last day, as one span),
    ``v3_cluster_gpus`` and ``cost_fraction`` (the share of others' training cost R1 was
    reported to need, at most)."""
    rows = dates.set_index("key")
    figs: dict[str, Figure] = {k: when(date_of(dates, k), str(rows.loc[k, "source_id"])) for k in STORY_DATES}
    shock = stocks.shock_dates(dates)
    figs["shock_window"] = FigureRange(shock.start, Kind.DATE, shock.sources, high=shock.end)
    gpus, fraction = "v3_cluster_gpus", "article_cost_fraction_max"
    return FigureSet(
        figs
        | {
            gpus: count(fact(facts, gpus), fact_source(facts, gpus), sig=4),
            "cost_fraction": share(fact(facts, fraction), fact_source(facts, fraction)),
        }
    )


@dataclass(frozen=True)
class GroupMove:
    """Who moved how in one company group over the article's window (the numbers are figures of
    ``MarketFigures.figs``; this says which companies they are about)."""

    group: str
    tickers: tuple[str, ...]
    worst_ticker: str
    best_ticker: str
    fallers: tuple[str, ...]  # closed below the base in the window, largest fall first
    held: tuple[str, ...]  # never closed below the base in the window
    back: tuple[str, ...]  # fell, then closed at or above the base again by the article's date
    above_at_article: tuple[str, ...]  # at or above the base on the article's date

    @property
    def count(self) -> int:
        return len(self.tickers)


@dataclass(frozen=True)
class MarketFigures:
    """The market claims Home, the stock page and the tour make, each computed once (``figs``), and
    the companies they are about (``groups``). Figure names:

    ``base``, ``shock_start``, ``shock_end``, ``article_date``: the article's dates;
    ``drawdown_<TICKER>`` (base close to the lowest close of the window, as of that low),
    ``low_on_<TICKER>``, ``back_on_<TICKER>`` (first close at or above the base after the low),
    ``at_article_<TICKER>`` (change from the base on the article's date); ``nvda_drawdown``,
    ``nvda_low_day``, ``avgo_drawdown``; per group ``<group>_count``, ``_fell``, ``_worst``,
    ``_best``, ``_median`` (window), ``_median_at_article``, ``_above_at_article`` (companies at or
    above the base on the article's date), ``_back`` (back at the base by then, after falling);
    ``gafam_largest_fall`` (GAFAM's worst move, 0 when none fell)."""

    figs: FigureSet
    groups: Mapping[str, GroupMove]

    def __post_init__(self) -> None:
        object.__setattr__(self, "groups", MappingProxyType(dict(self.groups)))

    def __deepcopy__(self, memo: dict) -> MarketFigures:  # read-only all through: a cache hands out the same one
        return self

    def __reduce__(self):  # a MappingProxyType does not pickle
        return (MarketFigures, (self.figs, dict(self.groups)))


def market_figures(prices: pd.DataFrame, companies: pd.DataFrame, dates: pd.DataFrame) -> MarketFigures:
    """The market figures at the article's dates (``data/dates.csv``), from daily closes.

    GAFAM counts the five companies the article names (one Alphabet share class:
    ``stocks.gafam_tickers``); the other groups count every company in them."""
    shock = stocks.shock_dates(dates)
    days = stocks.trading_days(prices)
    article = stocks.snap_to_trading_day(shock.article, days)
    table = stocks.recovery_table(prices, shock.base, shock.start, shock.end, {"at": article})
    table = table.merge(companies[["ticker", "group"]], on="ticker")
    gafam = stocks.gafam_tickers(companies)
    table = table[(table["group"] != "gafam") | table["ticker"].isin(gafam)]
    src = {tk: stocks.price_sources(prices, [tk]) for tk in table["ticker"]}
    span = shock.sources
    figs: dict[str, Figure] = {
        "base": when(shock.base, *span),
        "shock_start": when(shock.start, *span),
        "shock_end": when(shock.end, *span),
        "article_date": when(shock.article, *span),
    }
    for row in table.to_dict("records"):
        tk = str(row["ticker"])
        figs[f"drawdown_{tk}"] = change(float(row["change"]), *src[tk], as_of=row["min_date"])
        figs[f"low_on_{tk}"] = when(row["min_date"], *src[tk])
        figs[f"back_on_{tk}"] = when(row["recovered_on"], *src[tk])
        figs[f"at_article_{tk}"] = change(float(row["at"]), *src[tk], as_of=article)
    groups: dict[str, GroupMove] = {}
    for group, rows in table.groupby("group", sort=False):
        g, members = str(group), [str(tk) for tk in rows["ticker"]]
        ids = tuple(dict.fromkeys(i for tk in members for i in src[tk]))
        ranked = rows.sort_values("change")
        back = [
            str(r["ticker"])
            for r in rows.to_dict("records")
            if r["fell"] and r["recovered_on"] is not None and r["recovered_on"] <= article
        ]
        above = [str(tk) for tk, at in zip(rows["ticker"], rows["at"]) if at >= 0]
        groups[g] = GroupMove(
            group=g,
            tickers=tuple(members),
            worst_ticker=str(ranked["ticker"].iloc[0]),
            best_ticker=str(ranked["ticker"].iloc[-1]),
            fallers=tuple(str(tk) for tk, c in zip(ranked["ticker"], ranked["change"]) if c < 0),
            held=tuple(str(tk) for tk, c in zip(rows["ticker"], rows["change"]) if c >= 0),
            back=tuple(back),
            above_at_article=tuple(above),
        )
        figs |= {
            f"{g}_count": count(len(members), *ids),
            f"{g}_fell": count(int(rows["fell"].sum()), *ids, as_of=shock.end),
            f"{g}_worst": change(float(ranked["change"].iloc[0]), *ids, as_of=shock.end),
            f"{g}_best": change(float(ranked["change"].iloc[-1]), *ids, as_of=shock.end),
            f"{g}_median": change(float(rows["change"].median()), *ids, as_of=shock.end),
            f"{g}_median_at_article": change(float(rows["at"].median()), *ids, as_of=article),
            f"{g}_above_at_article": count(len(above), *ids, as_of=article),
            f"{g}_back": count(len(back), *ids, as_of=article),
        }
    figs |= {
        "nvda_drawdown": figs["drawdown_NVDA"],
        "nvda_low_day": figs["low_on_NVDA"],
        "avgo_drawdown": figs["drawdown_AVGO"],
        "gafam_largest_fall": change(
            min(figs["gafam_worst"].number, 0.0), *figs["gafam_worst"].sources, as_of=shock.end
        ),
    }
    return MarketFigures(FigureSet(figs), groups)


NVDA_EVENT = "EV-NVDA-0127"  # the event row (data/events.csv) of NVIDIA's record one-day fall
NVDA_VALUE_LOST = "nvda_market_value_loss_usd_2025_01_27"  # its fact row (data/facts.csv)


def nvda_record_day(prices: pd.DataFrame, events: pd.DataFrame, facts: pd.DataFrame) -> FigureSet:
    """NVIDIA's record day: ``nvda_day``, ``nvda_prev_day``, ``nvda_one_day`` (the close that day
    against the previous close) and ``nvda_value_lost`` (the market value lost, as reported)."""
    day = events.loc[events["source_id"] == NVDA_EVENT, "date"].iloc[0].date()
    days = stocks.trading_days(prices)
    prev = days[days.index(day) - 1]
    src = stocks.price_sources(prices, ["NVDA"])
    return FigureSet(
        {
            "nvda_day": when(day, NVDA_EVENT),
            "nvda_prev_day": when(prev, *src),
            "nvda_one_day": change(float(stocks.change_at(prices, prev, day)["NVDA"]), *src, as_of=day),
            "nvda_value_lost": money(fact(facts, NVDA_VALUE_LOST), fact_source(facts, NVDA_VALUE_LOST), as_of=day),
        }
    )
