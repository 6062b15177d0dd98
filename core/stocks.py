"""Stock-price arithmetic around the shock: trading-day snapping, drawdowns, group summaries.

Prices come as a long DataFrame with columns ``date`` (datetime64), ``ticker``, ``close``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from core.datasets import date_of
from core.paths import data_dir

# The article's reference points, read from ``data/dates.csv`` (each row with its source id): the
# last close before the shock, the shock days (Monday 27 to Wednesday 29 January 2025, before big
# tech reported results on 29-30 January) and the day the article was published.
SHOCK_DATE_KEYS = {
    "base": "article_base_close",
    "start": "shock_start",
    "end": "shock_end",
    "article": "article_published",
}


@dataclass(frozen=True)
class ShockDates:
    """The article's base close, shock window and publication date, with their source ids."""

    base: date
    start: date
    end: date
    article: date
    sources: tuple[str, ...] = ()

    @property
    def window(self) -> tuple[date, date]:
        return self.start, self.end


def shock_dates(dates: pd.DataFrame) -> ShockDates:
    """The article's dates from ``data/dates.csv`` (rows ``SHOCK_DATE_KEYS``)."""
    found = {which: date_of(dates, key) for which, key in SHOCK_DATE_KEYS.items()}
    rows = dates[dates["key"].isin(list(SHOCK_DATE_KEYS.values()))]
    return ShockDates(**found, sources=tuple(dict.fromkeys(rows["source_id"].astype(str))))


@functools.lru_cache(maxsize=4)
def _shock_dates_of(path: str, mtime_ns: int) -> ShockDates:  # noqa: ARG001 - mtime_ns keys the cache
    from core.datasets import load

    return shock_dates(load("dates", Path(path).parent))


def __getattr__(name: str) -> object:
    """``ARTICLE_BASE_DATE``, ``SHOCK_WINDOW``, ``ARTICLE_DATE``: the old constants, now read from
    ``data/dates.csv``, for code not yet passing its ``dates`` frame to ``shock_dates``."""
    legacy = {
        "ARTICLE_BASE_DATE": lambda d: d.base,
        "SHOCK_WINDOW": lambda d: d.window,
        "ARTICLE_DATE": lambda d: d.article,
    }
    if name in legacy:
        path = data_dir() / "dates.csv"
        return legacy[name](_shock_dates_of(str(path), path.stat().st_mtime_ns))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def gafam_tickers(companies: pd.DataFrame) -> list[str]:
    """GAFAM as the article names them (``data/companies.csv``: group gafam, named in the article):
    one Alphabet share class, in the file's order."""
    rows = companies[(companies["group"] == "gafam") & companies["named_in_article"].astype(bool)]
    return [str(tk) for tk in rows["ticker"]]


def price_sources(prices: pd.DataFrame, tickers: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The source ids of the closes of ``tickers`` (``data/prices.csv``), each once."""
    return tuple(dict.fromkeys(prices.loc[prices["ticker"].isin(list(tickers)), "source_id"].astype(str)))


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
    return pd.DataFrame(
        {
            "worst": g.min(),
            "best": g.max(),
            "median": g.median(),
            "count": g.size(),
            "fell": merged.assign(f=merged["change"] < 0).groupby("group")["f"].sum(),
        }
    ).reset_index()


# --- Dates the reader picks -----------------------------------------------------------------------


def next_trading_day(day: date, days: list[date]) -> date:
    """The first trading day on or after ``day`` (a day after the last one gives the last one)."""
    later = [d for d in days if d >= day]
    return later[0] if later else days[-1]


@dataclass(frozen=True)
class Window:
    """A base close and a window of trading days after it, as the page uses them.

    ``moved`` lists what had to change from the reader's request, as (which, asked, used) with
    which in {"base", "start", "end"}, so the page can say so in the reader's language.
    """

    base: date
    start: date
    end: date
    moved: tuple[tuple[str, date, date], ...] = ()


def resolve_window(base: date, start: date, end: date, days: list[date]) -> Window:
    """Snap the reader's dates to trading days and check that a window remains.

    The base and the window end snap back to the previous trading day (a weekend or holiday has
    no close of its own); the window start moves forward to the first trading day after the
    base. Dates outside the data are clamped to it. Raises EmptyWindowError when the window then
    holds no trading day after the base (e.g. an end before the start).
    """
    moved: list[tuple[str, date, date]] = []
    b = snap_to_trading_day(min(max(base, days[0]), days[-1]), days)
    if b != base:
        moved.append(("base", base, b))
    after_base = [d for d in days if d > b]
    if not after_base:
        raise EmptyWindowError(f"no trading day after the base {b}")
    s = next_trading_day(max(start, after_base[0]), days)
    if s != start:
        moved.append(("start", start, s))
    e = snap_to_trading_day(min(end, days[-1]), days)
    if e != end:
        moved.append(("end", end, e))
    if e < s or e <= b:
        raise EmptyWindowError(f"no trading day between {s} and {e} after {b}")
    return Window(b, s, e, tuple(moved))


# --- Series against a base close ----------------------------------------------------------------


def _with_day(prices: pd.DataFrame) -> pd.DataFrame:
    return prices.assign(day=pd.to_datetime(prices["date"]).dt.date)


def base_closes(prices: pd.DataFrame, base: date) -> pd.Series:
    """Close on ``base`` by ticker. Raises EmptyWindowError when ``base`` is not a trading day."""
    p = _with_day(prices)
    rows = p[p["day"] == base]
    if rows.empty:
        raise EmptyWindowError(f"{base} is not a trading day in the data")
    return rows.set_index("ticker")["close"]


def index_to_base(prices: pd.DataFrame, base: date, tickers: list[str] | None = None) -> pd.DataFrame:
    """Every close as an index, 100 = the close on ``base``.

    Columns: date (datetime64), ticker, close, index. Keeps only ``tickers`` when given.
    """
    p = prices if tickers is None else prices[prices["ticker"].isin(tickers)]
    base_close = base_closes(p, base)
    out = p[["date", "ticker", "close"]].copy()
    out["index"] = out["close"] / out["ticker"].map(base_close) * 100
    return out.sort_values(["ticker", "date"]).reset_index(drop=True)


def change_at(prices: pd.DataFrame, base: date, day: date) -> pd.Series:
    """Change from the close on ``base`` to the close on ``day`` (both trading days), by ticker."""
    return (base_closes(prices, day) / base_closes(prices, base) - 1).rename("change")


def recovery_dates(prices: pd.DataFrame, base: date, after: pd.Series) -> pd.Series:
    """For each ticker, the first close after the day ``after[ticker]`` at or above its base close.

    ``after`` maps ticker -> date (typically the day of its lowest close). The value is None when
    the ticker never closed back at or above the base in the data.
    """
    p = _with_day(prices)
    base_close = base_closes(prices, base).to_dict()
    out = {}
    for ticker, low_day in after.items():
        rows = p[(p["ticker"] == ticker) & (p["day"] > low_day) & (p["close"] >= base_close[str(ticker)])]
        out[ticker] = rows["day"].min() if not rows.empty else None
    return pd.Series(out, name="recovered_on", dtype=object)


def recovery_table(
    prices: pd.DataFrame, base: date, start: date, end: date, checkpoints: dict[str, date]
) -> pd.DataFrame:
    """Per ticker: the fall in the window, when it closed back at or above the base, and the
    change from the base at each checkpoint.

    Columns: ticker, base_close, min_close, min_date, change, fell, recovered_on, then one column
    per checkpoint name. ``recovered_on`` is None for a ticker that did not fall in the window
    (nothing to recover) or that never closed back at or above the base in the data.
    """
    dd = drawdowns(prices, base, start, end)
    dd["fell"] = dd["change"] < 0
    rec = recovery_dates(prices, base, dd.set_index("ticker")["min_date"])
    dd["recovered_on"] = [rec[tk] if fell else None for tk, fell in zip(dd["ticker"], dd["fell"])]
    for name, day in checkpoints.items():
        dd[name] = dd["ticker"].map(change_at(prices, base, day))
    return dd


def checkpoints(article: date, base: date, days: list[date]) -> dict[str, date]:
    """The days the recovery table gives a change from the base at: ``article`` (the article's date,
    snapped back to a trading day) only when it comes after ``base``, and ``last``, the data's last day."""
    on = snap_to_trading_day(article, days)
    return ({"article": on} if on > base else {}) | {"last": days[-1]}


@dataclass(frozen=True)
class GroupRecovery:
    group: str
    count: int
    fell: int  # closed below the base in the window
    recovered: int  # of those, closed back at or above the base by ``as_of``
    below_at_as_of: int  # members still below the base close on ``as_of``
    median_change_at_as_of: float


def recovery_by_group(
    prices: pd.DataFrame,
    companies: pd.DataFrame,
    base: date,
    start: date,
    end: date,
    as_of: date,
    tickers: list[str] | None = None,
) -> dict[str, GroupRecovery]:
    """How each company group came back from the shock: of the members that fell below the close
    on ``base`` during [start, end], how many closed back at or above it by ``as_of``, how many
    were still below on ``as_of``, and the group's median change from the base on ``as_of``.

    All dates must be trading days (use ``resolve_window`` / ``snap_to_trading_day``). Pass
    ``tickers`` to restrict the members (e.g. leave out GOOG, a second Alphabet share class).
    Used by the stock-reaction page and the What-next page.
    """
    table = recovery_table(prices, base, start, end, {"at": as_of})
    table = table.merge(companies[["ticker", "group"]], on="ticker")
    if tickers is not None:
        table = table[table["ticker"].isin(tickers)]
    out = {}
    for group, rows in table.groupby("group", sort=False):
        back = [r is not None and r <= as_of for r in rows["recovered_on"]]
        out[str(group)] = GroupRecovery(
            group=str(group),
            count=len(rows),
            fell=int(rows["fell"].sum()),
            recovered=int(sum(b and f for b, f in zip(back, rows["fell"]))),
            below_at_as_of=int((rows["at"] < 0).sum()),
            median_change_at_as_of=float(rows["at"].median()),
        )
    return out


# --- Events: which moves follow an earnings report ----------------------------------------------


def effect_day(day: date, timing: str, days: list[date]) -> date:
    """The trading day whose close first reflects an event.

    An event after the close moves the next trading day's close; one before the open or during
    the session moves that day's; one on a weekend or holiday (or with unknown timing on such a
    day) moves the next trading day's.
    """
    if timing == "after_close":
        later = [d for d in days if d > day]
        return later[0] if later else days[-1]
    return next_trading_day(day, days)


def earnings_before_low(dd: pd.DataFrame, events: pd.DataFrame, base: date, days: list[date]) -> pd.Series:
    """For each ticker in ``dd`` (from ``drawdowns``), the date of an earnings report of its own
    whose effect came after ``base`` and on or before its lowest close, else None.

    Such a low may reflect the company's results rather than the shock. ``events`` has columns
    date, kind, tickers (space-separated), timing.
    """
    earnings = events[events["kind"] == "earnings"]
    out = {}
    for ticker, low_day in zip(dd["ticker"], dd["min_date"]):
        found = None
        for ev in earnings.to_dict("records"):
            if ticker in str(ev["tickers"] or "").split():
                ev_day = pd.Timestamp(ev["date"]).date()
                if base < effect_day(ev_day, str(ev["timing"]), days) <= low_day:
                    found = ev_day
                    break
        out[ticker] = found
    return pd.Series(out, name="earnings_on", dtype=object)


# --- One sentence about the groups ------------------------------------------------------------


@dataclass(frozen=True)
class GroupMoveSummary:
    group: str
    count: int
    fell: int
    median: float
    worst_ticker: str
    worst: float
    best_ticker: str
    best: float
    after_earnings: int  # members whose low came after their own earnings report


def group_moves(
    dd: pd.DataFrame, companies: pd.DataFrame, flagged: set[str] | frozenset = frozenset()
) -> list[GroupMoveSummary]:
    """The data for the sentence under the bar chart: one summary per group present in ``dd``,
    the group with the largest median fall first."""
    merged = dd.merge(companies[["ticker", "group"]], on="ticker")
    out = []
    for group, rows in merged.groupby("group"):
        worst = rows.sort_values("change", kind="stable").iloc[0]  # the first of equal falls, as idxmin
        best = rows.sort_values("change", ascending=False, kind="stable").iloc[0]
        out.append(
            GroupMoveSummary(
                group=str(group),
                count=len(rows),
                fell=int((rows["change"] < 0).sum()),
                median=float(rows["change"].median()),
                worst_ticker=str(worst["ticker"]),
                worst=float(worst["change"]),
                best_ticker=str(best["ticker"]),
                best=float(best["change"]),
                after_earnings=int(rows["ticker"].isin(flagged).sum()),
            )
        )
    return sorted(out, key=lambda g: g.median)


# --- Which companies a chart shows -----------------------------------------------------------

# GOOG is Alphabet's class C share: the same company as GOOGL, so charts leave it out.
DUPLICATE_LISTINGS = ("GOOG",)


def chart_tickers(companies: pd.DataFrame, include_extras: bool = False) -> list[str]:
    """The article's companies (those it names, plus the power group), or every company when
    ``include_extras``; never a duplicate share class."""
    article = companies["named_in_article"].astype(bool) | (companies["group"] == "power")
    rows = companies[(article | include_extras) & ~companies["ticker"].isin(DUPLICATE_LISTINGS)]
    return list(rows["ticker"])
