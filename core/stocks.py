"""Stock-price arithmetic around the shock: trading-day snapping, drawdowns, group summaries.

Prices come as a long DataFrame with columns ``date`` (datetime64), ``ticker``, ``close``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

# The article's reference points: the last close before the shock, and the shock days
# (Monday 27 Jan to Wednesday 29 Jan 2025, before big tech reported earnings on 29-30 Jan).
ARTICLE_BASE_DATE = date(2025, 1, 24)
SHOCK_WINDOW = (date(2025, 1, 27), date(2025, 1, 29))
ARTICLE_DATE = date(2025, 2, 7)


class EmptyWindowError(ValueError):
    """The chosen window holds no trading day after the base date."""


def trading_days(prices: pd.DataFrame) -> list[date]:
    return sorted({d.date() for d in pd.to_datetime(prices["date"]).unique()})


def snap_to_trading_day(day: date, days: list[date]) -> date:
    """The last trading day on or before ``day`` (a weekend or holiday snaps back).

    A day before the first trading day snaps forward to the first one.
    """
    earlier = [d for d in days if d <= day]
    return earlier[-1] if earlier else days[0]


@dataclass(frozen=True)
class Drawdown:
    ticker: str
    base_close: float
    min_close: float
    min_date: date
    change: float  # min_close / base_close - 1; positive means it never closed below the base


def drawdowns(prices: pd.DataFrame, base: date, start: date, end: date) -> pd.DataFrame:
    """For each ticker: lowest close in [start, end] against the close on ``base``.

    Columns: ticker, base_close, min_close, min_date, change. Raises EmptyWindowError when the
    window holds no trading day after ``base``.
    """
    p = prices.assign(day=pd.to_datetime(prices["date"]).dt.date)
    base_rows = p[p["day"] == base]
    if base_rows.empty:
        raise EmptyWindowError(f"{base} is not a trading day in the data")
    lo, hi = max(start, base), end
    window = p[(p["day"] > base) & (p["day"] >= lo) & (p["day"] <= hi)]
    if window.empty:
        raise EmptyWindowError(f"no trading day between {start} and {end} after {base}")
    idx = window.groupby("ticker")["close"].idxmin()
    mins = window.loc[idx, ["ticker", "close", "day"]].rename(columns={"close": "min_close", "day": "min_date"})
    out = mins.merge(base_rows[["ticker", "close"]].rename(columns={"close": "base_close"}), on="ticker")
    out["change"] = out["min_close"] / out["base_close"] - 1
    return out[["ticker", "base_close", "min_close", "min_date", "change"]].reset_index(drop=True)


def group_summary(dd: pd.DataFrame, companies: pd.DataFrame) -> pd.DataFrame:
    """Per group: worst, best and median change (a change above 0 counts as 'no fall')."""
    merged = dd.merge(companies[["ticker", "group"]], on="ticker")
    g = merged.groupby("group")["change"]
    return pd.DataFrame({
        "worst": g.min(), "best": g.max(), "median": g.median(), "count": g.size(),
        "fell": merged.assign(f=merged["change"] < 0).groupby("group")["f"].sum(),
    }).reset_index()
