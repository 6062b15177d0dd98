"""What happened after the shock (issue 22): figures from the data that run past the article.

Pure functions of validated frames (``core.datasets.load``), no Streamlit: each company's and
group's change from the close before the shock (``dates.csv``: ``shock_base_close``) to its own
latest close, its low since and the day it first closed back at its base; hyperscalers' capex plans
at the article's date against what they spent and what they now guide; NVIDIA's data-centre
revenue; H100 rental prices (on-demand and one-year contracts, never one series); Stargate's
gigawatts and the big compute deals; DeepSeek's later releases; Epoch AI's revised estimates.

Every figure carries its source ids and an ``as_of`` no later than the newest row it comes from (a
company's own last close, not the file's). ``figures(data)`` returns them all in one ``FigureSet``;
``is_derived(name)`` tells our arithmetic on sourced figures (sums, medians, an equal-weighted
index, a gap filled from a stated growth rate) from figures a source states.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path

import numpy as np
import pandas as pd

from core import datasets
from core.datasets import DataError
from core.figures import Figure, FigureSet, Kind, change, compute, count, money, when
from core.paths import data_dir as current_data_dir

BASE_KEY = "shock_base_close"  # dates.csv: the last close before the sell-off of 27 January 2025
R1_KEY = "r1_release"  # dates.csv: later DeepSeek releases are the ones after this day
BIG_FOUR = ("MSFT", "AMZN", "GOOGL", "META")  # hyperscalers whose calendar-year capex the page adds up
CAPEX_COMPANIES = (*BIG_FOUR, "ORCL")
SECOND_SHARE_CLASSES = ("GOOG",)  # the same company as GOOGL: left out of group figures (cf. core.stocks)
FRONTIER_LABS = ("OpenAI", "Google DeepMind", "Google,Google DeepMind", "Anthropic", "xAI", "Meta AI")
PLAN_YEAR, GUIDANCE_YEAR = 2025, 2026

# Figures that are our arithmetic on sourced figures, not a figure a source states (one place; the
# page labels them "derived"): fnmatch patterns over the names ``figures`` returns.
DERIVED_PATTERNS = (
    "group.*",
    "capex.*.actual_vs_plan_2025",
    "capex.*.guidance_2026_vs_2025",
    "capex.*.actual_2025_calendar",
    "capex.big4.*",
    "nvda.dc_shock_quarter",
    "nvda.dc_since_shock",
    "nvda.dc_yoy",
    "rental.contract_1y.rebound",
    "deals.openai_gw",
    "deepseek.latest_to_v3",
    "revision.*.change",
)


def is_derived(name: str) -> bool:
    """True for a figure we compute from several sourced figures (the page says "derived")."""
    return any(fnmatchcase(name, p) for p in DERIVED_PATTERNS)


def _day(value) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _num(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _str(value) -> str | None:
    return None if value is None or pd.isna(value) or str(value) == "" else str(value)


def _latest(*days: date | None) -> date | None:
    known = [d for d in days if d is not None]
    return max(known) if known else None


def slug(text: str) -> str:
    """A name part for a figure: "DeepSeek-R1 (May 2025)" -> "deepseek_r1_may_2025"."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def source_dates(sources: pd.DataFrame) -> dict[str, date | None]:
    """``{source_id: its date in sources.csv}`` (None where the source has no date)."""
    return {str(s): _day(d) for s, d in zip(sources["source_id"], sources["date"])}


def article_date(sources: pd.DataFrame) -> date:
    """The article's publication date, as ``sources.csv`` gives it (row ``ARTICLE``)."""
    day = source_dates(sources).get("ARTICLE")
    if day is None:
        raise DataError("data/sources.csv", "no date for source 'ARTICLE'", column="date")
    return day


# --- Closes: prices.csv and prices_since.csv as one series per ticker ----------------------------

PRICE_COLUMNS = ["date", "ticker", "close", "volume", "source_id"]


def closes(prices: pd.DataFrame, prices_since: pd.DataFrame) -> pd.DataFrame:
    """``prices.csv`` and ``prices_since.csv`` as one frame, sorted by ticker and date.

    Checks what neither file can check alone: every ticker of the later file has closes in the
    first (so it has a company row), and its first later close comes after its last earlier one
    (no (ticker, date) twice, no overlap). Raises DataError naming the line of prices_since.csv.
    Pass the frames as ``datasets.load`` returns them (line = index + 2).
    """
    file = "data/prices_since.csv"
    last_before = prices.groupby("ticker")["date"].max()
    prior = prices_since["ticker"].map(last_before)
    unknown = prior.isna().to_numpy()
    if unknown.any():
        i = int(unknown.nonzero()[0][0])
        ticker = prices_since["ticker"].iloc[i]
        raise DataError(
            file,
            f"ticker '{ticker}' has no closes in data/prices.csv",
            row=int(prices_since.index[i]) + 2,
            column="ticker",
        )
    overlap = (prices_since["date"] <= prior).to_numpy()
    if overlap.any():
        i = int(overlap.nonzero()[0][0])
        row, last = prices_since.iloc[i], prior.iloc[i].date()
        raise DataError(
            file,
            f"{row['date'].date()} is not after {row['ticker']}'s last close in data/prices.csv ({last})",
            row=int(prices_since.index[i]) + 2,
            column="date",
        )
    both = pd.concat([prices[PRICE_COLUMNS], prices_since[PRICE_COLUMNS]], ignore_index=True)
    return both.sort_values(["ticker", "date"], kind="stable").reset_index(drop=True)


_CLOSES: dict[tuple, pd.DataFrame] = {}
_CLOSES_LOCK = threading.Lock()


def _stamp(path: Path) -> tuple:
    try:
        st = path.stat()
    except OSError:
        return (path.name, None)
    return (path.name, st.st_mtime_ns, st.st_size)


def load_closes(data_dir: Path | None = None) -> pd.DataFrame:
    """``closes`` of the two price files, validated, worked out once per process and file version
    (a changed file is read afresh). The frame is shared: treat it as read-only."""
    folder = Path(data_dir or current_data_dir())
    files = ("prices.csv", "prices_since.csv", "companies.csv", "sources.csv")
    key = (str(folder), *(_stamp(folder / f) for f in files))
    hit = _CLOSES.get(key)
    if hit is None:
        hit = closes(datasets.load("prices", folder), datasets.load("prices_since", folder))
        with _CLOSES_LOCK:  # sessions run in threads
            if len(_CLOSES) >= 4:
                _CLOSES.clear()
            _CLOSES[key] = hit
    return hit


# --- Since the shock: one series from its base close to its own last close ----------------------


@dataclass(frozen=True)
class SinceBase:
    """A series (a company's closes, or a group's equal-weighted index) from the base close on.

    ``last_on`` is the series' own last close: the as-of date of every field. ``low`` is the lowest
    close after the base as a change from it (above 0: it never closed below). ``back_on`` is the
    first close at or above the base after the first close below it: None if it never fell
    (``fell`` False) or has not closed back yet."""

    name: str
    base_on: date
    base_close: float
    last_on: date
    last_close: float
    change: float
    low: float
    low_on: date
    fell: bool
    back_on: date | None
    sources: tuple[str, ...]

    @property
    def status(self) -> str:
        """One of never_fell, back, not_yet (the page words it)."""
        return "never_fell" if not self.fell else "back" if self.back_on is not None else "not_yet"


def _series_since(
    name: str, days: np.ndarray, values: np.ndarray, base: date, sources: np.ndarray | None = None
) -> SinceBase | None:
    """``SinceBase`` of one series sorted by day, or None without a close on ``base`` and after it."""
    at = np.flatnonzero(days == np.datetime64(base, "ns"))
    if at.size == 0 or at[0] + 1 >= len(values):
        return None
    i0 = int(at[0])
    base_close, later, later_days = float(values[i0]), values[i0 + 1 :], days[i0 + 1 :]
    low_i = int(np.argmin(later))
    below = np.flatnonzero(later < base_close)
    back_i = None
    if below.size:
        again = np.flatnonzero(later[below[0] + 1 :] >= base_close)
        back_i = int(below[0] + 1 + again[0]) if again.size else None
    used = [i0, i0 + 1 + low_i, len(values) - 1] + ([i0 + 1 + back_i] if back_i is not None else [])
    ids = tuple(dict.fromkeys(str(sources[i]) for i in used)) if sources is not None else ()
    last = float(later[-1])
    return SinceBase(
        name=name,
        base_on=base,
        base_close=base_close,
        last_on=pd.Timestamp(later_days[-1]).date(),
        last_close=last,
        change=last / base_close - 1,
        low=float(later[low_i]) / base_close - 1,
        low_on=pd.Timestamp(later_days[low_i]).date(),
        fell=bool(below.size),
        back_on=pd.Timestamp(later_days[back_i]).date() if back_i is not None else None,
        sources=ids,
    )


def since_base(closes: pd.DataFrame, base: date, tickers: Iterable[str] | None = None) -> dict[str, SinceBase]:
    """Per ticker (all, or ``tickers``): its change from the close on ``base`` to its own last close,
    its low since, and when it first closed back at the base. Tickers without a close on ``base``
    or after it are left out. ``closes`` as ``closes()`` returns it (sorted by ticker and date)."""
    p = closes if tickers is None else closes[closes["ticker"].isin(list(tickers))]
    out: dict[str, SinceBase] = {}
    for ticker, rows in p.groupby("ticker", sort=False):
        if not rows["date"].is_monotonic_increasing:
            rows = rows.sort_values("date")
        s = _series_since(
            str(ticker),
            rows["date"].to_numpy(dtype="datetime64[ns]"),
            rows["close"].to_numpy(dtype=float),
            base,
            rows["source_id"].to_numpy(),
        )
        if s is not None:
            out[str(ticker)] = s
    return out


def group_members(companies: pd.DataFrame, group: str) -> tuple[str, ...]:
    """The group's tickers, without a second share class of the same company."""
    rows = companies[(companies["group"] == group) & ~companies["ticker"].isin(SECOND_SHARE_CLASSES)]
    return tuple(rows["ticker"])


@dataclass(frozen=True)
class GroupSince:
    """A group from the base close on: its equal-weighted index (``index``, 100 = every member at
    its base close; days on which every member has a close) and, on the index's last day, the
    members' median change, how many were below their base, how many had fallen below it at least
    once, and how many of those had closed back at or above it."""

    group: str
    members: tuple[str, ...]
    index: SinceBase
    median_change: float
    below: int
    fell: int
    back: int


def wide_closes(closes: pd.DataFrame, base: date) -> pd.DataFrame:
    """Closes from ``base`` on, one column per ticker (a day a ticker lacks is NaN)."""
    return closes[closes["date"] >= pd.Timestamp(base)].pivot(index="date", columns="ticker", values="close")


def group_index(
    closes: pd.DataFrame, members: Iterable[str], base: date, wide: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Equal-weighted index of ``members`` (100 = each one's close on ``base``) from ``base`` to the
    last day on which every member has a close. Columns: date, index, then one column per member
    with its close. Empty when a member has no close on ``base``. ``wide``: ``wide_closes`` of the
    same closes and base, when the caller has it (one pivot for every group)."""
    members = list(members)
    wide = wide if wide is not None else wide_closes(closes[closes["ticker"].isin(members)], base)
    if not set(members) <= set(wide.columns):
        return pd.DataFrame(columns=["date", "index", *members])
    wide = wide[members].dropna()
    if wide.empty or wide.index[0] != pd.Timestamp(base):
        return pd.DataFrame(columns=["date", "index", *members])
    out = wide.copy()
    out.insert(0, "index", (wide / wide.iloc[0]).mean(axis=1) * 100)
    return out.reset_index()


def group_since(
    closes: pd.DataFrame, companies: pd.DataFrame, base: date, group: str, wide: pd.DataFrame | None = None
) -> GroupSince | None:
    """``GroupSince`` of one company group, or None if no day after the base has every member."""
    members = group_members(companies, group)
    wide = group_index(closes, members, base, wide)
    if len(wide) < 2:
        return None
    days = wide["date"].to_numpy(dtype="datetime64[ns]")
    last = pd.Timestamp(days[-1])
    span = closes[closes["ticker"].isin(members) & closes["date"].between(pd.Timestamp(base), last)]
    index = _series_since(group, days, wide["index"].to_numpy(dtype=float), base)
    assert index is not None  # the frame starts on the base and has a later day
    index = replace(index, sources=tuple(str(i) for i in span["source_id"].unique()))
    each = [_series_since(m, days, wide[m].to_numpy(dtype=float), base) for m in members]
    stats = [s for s in each if s is not None]
    return GroupSince(
        group=group,
        members=members,
        index=index,
        median_change=float(np.median([s.change for s in stats])),
        below=sum(s.change < 0 for s in stats),
        fell=sum(s.fell for s in stats),
        back=sum(s.fell and s.back_on is not None for s in stats),
    )


def _series_figures(prefix: str, s: SinceBase) -> dict[str, Figure]:
    on = s.last_on
    return {
        f"{prefix}.change": change(s.change, *s.sources, as_of=on),
        f"{prefix}.low": change(s.low, *s.sources, as_of=on),
        f"{prefix}.low_on": when(s.low_on, *s.sources, as_of=on),
        f"{prefix}.back_on": when(s.back_on, *s.sources, as_of=on),
        f"{prefix}.last_on": when(s.last_on, *s.sources, as_of=on),
    }


def stock_figures(closes: pd.DataFrame, companies: pd.DataFrame, base: date) -> dict[str, Figure]:
    """``stock.<TICKER>.change|low|low_on|back_on|last_on`` for every ticker, ``group.<group>.``
    the same for each group's equal-weighted index plus ``median_change``, ``members``, ``below``,
    ``fell`` and ``back``; ``stocks.last_on`` (the latest close of any ticker) and
    ``stocks.first_last_on`` (the earliest of the tickers' last closes). ``back_on`` is an empty
    date when the series has not closed back at its base (``SinceBase.status`` says why)."""
    out: dict[str, Figure] = {}
    each = since_base(closes, base)
    for ticker, s in each.items():
        out.update(_series_figures(f"stock.{ticker}", s))
    wide = wide_closes(closes, base)
    for group in dict.fromkeys(companies["group"]):
        g = group_since(closes, companies, base, str(group), wide)
        if g is None:
            continue
        src, on = g.index.sources, g.index.last_on
        out.update(_series_figures(f"group.{group}", g.index))
        out[f"group.{group}.median_change"] = change(g.median_change, *src, as_of=on)
        out[f"group.{group}.members"] = count(len(g.members), "SVE", as_of=on)
        out[f"group.{group}.below"] = count(g.below, *src, as_of=on)
        out[f"group.{group}.fell"] = count(g.fell, *src, as_of=on)
        out[f"group.{group}.back"] = count(g.back, *src, as_of=on)
    if each:
        lasts = [s.last_on for s in each.values()]
        ids = tuple(dict.fromkeys(i for s in each.values() for i in s.sources))
        out["stocks.last_on"] = when(max(lasts), *ids, as_of=max(lasts))
        out["stocks.first_last_on"] = when(min(lasts), *ids, as_of=min(lasts))
    return out


# --- Capex: the plan at the article's date, what was spent, what is guided now ------------------


@dataclass(frozen=True)
class CapexPoint:
    """One capex figure in USD: ``amount_usd`` is the stated amount, else the middle of the stated
    range (``is_range``). ``stated_on`` is None where the source gives no date."""

    ticker: str
    company: str
    period: str
    year: int
    year_basis: str  # "calendar" or "fiscal"
    period_type: str
    kind: str  # "guidance" or "actual"
    amount_usd: float | None
    low_usd: float | None
    high_usd: float | None
    stated_on: date | None
    stated_on_precision: str
    confidence: str | None
    source_id: str

    @property
    def is_range(self) -> bool:
        return self.low_usd is not None and self.high_usd is not None and self.low_usd != self.high_usd


def capex_points(capex: pd.DataFrame, capex_since: pd.DataFrame) -> pd.DataFrame:
    """Both capex files in one frame (``capex.csv``: its primary rows only), amounts in USD.

    Columns: ticker, company, period, year, year_basis, period_type, period_end, kind, amount_usd
    (stated, else the middle of a stated low-high range), low_usd, high_usd, stated_on,
    stated_on_precision, confidence, source_id."""
    old = capex[capex["primary"].astype(bool)]
    old = old.assign(
        year_basis=np.where(old["period"].str.startswith("FY"), "fiscal", "calendar"),
        period_end=pd.Series(pd.NaT, index=old.index, dtype="datetime64[ns]"),
        confidence=None,
    )
    both = pd.concat([old, capex_since], ignore_index=True)
    amount, low, high = (both[c] * 1e9 for c in ("amount_usd_billion", "low_usd_billion", "high_usd_billion"))
    out = pd.DataFrame(
        {
            "ticker": both["ticker"],
            "company": both["company"],
            "period": both["period"],
            "year": both["year"].astype(int),
            "year_basis": both["year_basis"],
            "period_type": both["period_type"],
            "period_end": pd.to_datetime(both["period_end"]),
            "kind": both["kind"],
            "amount_usd": amount.fillna((low + high) / 2),
            "low_usd": low.fillna(amount),
            "high_usd": high.fillna(amount),
            "stated_on": pd.to_datetime(both["stated_on"]),
            "stated_on_precision": both["stated_on_precision"],
            "confidence": both["confidence"],
            "source_id": both["source_id"],
        }
    )
    return out.sort_values("stated_on", kind="stable").reset_index(drop=True)


def _point(row: pd.Series) -> CapexPoint:
    return CapexPoint(
        ticker=str(row["ticker"]),
        company=str(row["company"]),
        period=str(row["period"]),
        year=int(row["year"]),
        year_basis=str(row["year_basis"]),
        period_type=str(row["period_type"]),
        kind=str(row["kind"]),
        amount_usd=_num(row["amount_usd"]),
        low_usd=_num(row["low_usd"]),
        high_usd=_num(row["high_usd"]),
        stated_on=_day(row["stated_on"]),
        stated_on_precision=str(row["stated_on_precision"]),
        confidence=_str(row["confidence"]),
        source_id=str(row["source_id"]),
    )


def _yearly(points: pd.DataFrame, ticker: str, year: int, kind: str) -> pd.DataFrame:
    """Dated yearly figures of one kind, oldest first (rows without a date cannot be ordered)."""
    p = points
    return p[
        (p["ticker"] == ticker)
        & (p["year"] == year)
        & (p["kind"] == kind)
        & (p["period_type"] == "year")
        & p["stated_on"].notna()
        & p["amount_usd"].notna()
    ]


def guidance_path(points: pd.DataFrame, ticker: str, year: int) -> list[CapexPoint]:
    """Every dated guidance for ``ticker``'s ``year``, in the order it was stated (how it was raised)."""
    return [_point(r) for _, r in _yearly(points, ticker, year, "guidance").iterrows()]


def plan_at(points: pd.DataFrame, ticker: str, year: int, on: date) -> CapexPoint | None:
    """The guidance for ``year`` that stood on ``on`` (the latest stated on or before it)."""
    rows = _yearly(points, ticker, year, "guidance")
    rows = rows[rows["stated_on"] <= pd.Timestamp(on)]
    return _point(rows.iloc[-1]) if len(rows) else None


def latest(points: pd.DataFrame, ticker: str, year: int, kind: str) -> CapexPoint | None:
    """The latest dated yearly figure of ``kind`` ("guidance" or "actual") for ``year``."""
    rows = _yearly(points, ticker, year, kind)
    return _point(rows.iloc[-1]) if len(rows) else None


@dataclass(frozen=True)
class CapexSum:
    """A calendar year's capex added up from four reported quarters (derived)."""

    ticker: str
    year: int
    usd: float
    quarters: tuple[CapexPoint, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.source_id for q in self.quarters))

    @property
    def as_of(self) -> date | None:
        return _latest(*(q.stated_on for q in self.quarters))


def calendar_year_actual(points: pd.DataFrame, ticker: str, year: int) -> CapexSum | None:
    """The sum of the reported quarterly actuals whose quarter ends in calendar ``year`` (None
    unless the data hold all four): how a July-June fiscal year compares with calendar guidance."""
    p = points
    rows = p[
        (p["ticker"] == ticker)
        & (p["kind"] == "actual")
        & (p["period_type"] == "quarter")
        & (p["period_end"].dt.year == year)
        & p["amount_usd"].notna()
    ].drop_duplicates("period_end", keep="last")
    if rows["period_end"].dt.quarter.nunique() != 4:
        return None
    quarters = tuple(_point(r) for _, r in rows.sort_values("period_end").iterrows())
    return CapexSum(ticker, year, float(rows["amount_usd"].sum()), quarters)


@dataclass(frozen=True)
class CapexSummary:
    """One company: the plan for 2025 that stood on the article's date, 2025 as spent (on the
    plan's year basis, and on a calendar basis where quarters allow), and 2026 guidance, first and
    latest."""

    ticker: str
    plan_2025: CapexPoint | None
    actual_2025: CapexPoint | None
    actual_2025_calendar: CapexSum | None
    guidance_2026_first: CapexPoint | None
    guidance_2026: CapexPoint | None

    def actual_on_basis(self, basis: str) -> tuple[float, tuple[str, ...], date | None] | None:
        """2025 as spent on ``basis``: (USD, sources, as of), or None if the data cannot say."""
        a = self.actual_2025
        if a is not None and a.year_basis == basis and a.amount_usd is not None:
            return a.amount_usd, (a.source_id,), a.stated_on
        c = self.actual_2025_calendar
        if basis == "calendar" and c is not None:
            return c.usd, c.sources, c.as_of
        return None


def capex_summary(points: pd.DataFrame, ticker: str, article_on: date) -> CapexSummary:
    cal = calendar_year_actual(points, ticker, PLAN_YEAR)
    return CapexSummary(
        ticker=ticker,
        plan_2025=plan_at(points, ticker, PLAN_YEAR, article_on),
        actual_2025=latest(points, ticker, PLAN_YEAR, "actual"),
        actual_2025_calendar=cal,
        guidance_2026_first=next(iter(guidance_path(points, ticker, GUIDANCE_YEAR)), None),
        guidance_2026=latest(points, ticker, GUIDANCE_YEAR, "guidance"),
    )


def _capex_money(p: CapexPoint) -> Figure:
    # the middle of a guided range is our reading of it: an estimate
    return money(p.amount_usd or math.nan, p.source_id, as_of=p.stated_on, estimate=p.is_range)


def capex_figures(points: pd.DataFrame, article_on: date) -> dict[str, Figure]:
    """``capex.<TICKER>.plan_2025|actual_2025|actual_vs_plan_2025|guidance_2026_first|guidance_2026|
    guidance_2026_vs_2025`` (the last compares like with like: calendar with calendar, fiscal with
    fiscal), ``capex.<TICKER>.actual_2025_calendar`` where four quarters add up to a calendar year,
    and ``capex.big4.actual_2025|guidance_2026|guidance_2026_vs_2025`` (calendar years, derived)."""
    out: dict[str, Figure] = {}
    totals: dict[str, list[tuple[float, tuple[str, ...], date | None] | None]] = {"actual": [], "guidance": []}
    for tk in CAPEX_COMPANIES:
        s = capex_summary(points, tk, article_on)
        pre = f"capex.{tk}"
        if s.plan_2025 is not None:
            out[f"{pre}.plan_2025"] = _capex_money(s.plan_2025)
        if s.actual_2025 is not None:
            out[f"{pre}.actual_2025"] = _capex_money(s.actual_2025)
        if s.actual_2025_calendar is not None:
            c = s.actual_2025_calendar
            out[f"{pre}.actual_2025_calendar"] = money(c.usd, *c.sources, as_of=c.as_of)
        p, a = s.plan_2025, s.actual_2025
        if p is not None and a is not None and p.year_basis == a.year_basis and p.amount_usd and a.amount_usd:
            out[f"{pre}.actual_vs_plan_2025"] = change(
                a.amount_usd / p.amount_usd - 1,
                p.source_id,
                a.source_id,
                as_of=_latest(p.stated_on, a.stated_on),
                estimate=p.is_range,
            )
        for name, g in (("guidance_2026_first", s.guidance_2026_first), ("guidance_2026", s.guidance_2026)):
            if g is not None:
                out[f"{pre}.{name}"] = _capex_money(g)
        g = s.guidance_2026
        base = s.actual_on_basis(g.year_basis) if g is not None else None
        if g is not None and g.amount_usd and base is not None:
            usd, ids, on = base
            out[f"{pre}.guidance_2026_vs_2025"] = change(
                g.amount_usd / usd - 1, *ids, g.source_id, as_of=_latest(on, g.stated_on), estimate=g.is_range
            )
        if tk in BIG_FOUR:
            totals["actual"].append(s.actual_on_basis("calendar"))
            totals["guidance"].append(
                (g.amount_usd, (g.source_id,), g.stated_on)
                if g is not None and g.amount_usd is not None and g.year_basis == "calendar"
                else None
            )
    if all(totals["actual"]) and all(totals["guidance"]):
        parts = {k: [t for t in v if t is not None] for k, v in totals.items()}
        sums = {k: sum(t[0] for t in v) for k, v in parts.items()}
        cited = {k: tuple(dict.fromkeys(i for t in v for i in t[1])) for k, v in parts.items()}
        dated = {k: _latest(*(t[2] for t in v)) for k, v in parts.items()}
        ranged = any(p.is_range for tk in BIG_FOUR if (p := latest(points, tk, GUIDANCE_YEAR, "guidance")))
        out["capex.big4.actual_2025"] = money(sums["actual"], *cited["actual"], as_of=dated["actual"])
        out["capex.big4.guidance_2026"] = money(
            sums["guidance"], *cited["guidance"], as_of=dated["guidance"], estimate=ranged
        )
        out["capex.big4.guidance_2026_vs_2025"] = change(
            sums["guidance"] / sums["actual"] - 1,
            *dict.fromkeys(cited["actual"] + cited["guidance"]),
            as_of=_latest(dated["actual"], dated["guidance"]),
            estimate=ranged,
        )
        # the same comparison as a multiple: the one observed level the What-next tool's axis
        # (spending on compute against today) can take as a reference, and only as a level
        out["capex.big4.guidance_2026_ratio"] = Figure(
            sums["guidance"] / sums["actual"],
            Kind.RATIO,
            tuple(dict.fromkeys(cited["actual"] + cited["guidance"])),
            as_of=_latest(dated["actual"], dated["guidance"]),
            sig=3,
            estimate=ranged,
        )
    return out


CAPEX_STAGES = ("plan_2025", "actual_2025", "actual_2025_calendar", "guidance_2026")


def capex_rows(points: pd.DataFrame, article_on: date) -> pd.DataFrame:
    """The capex chart's rows: per company of ``CAPEX_COMPANIES``, its 2025 plan as it stood on the
    article's date, 2025 as spent (``actual_2025_calendar``: four reported quarters added up, only
    where the reported year is a fiscal one), and the latest 2026 guidance, each as
    ``capex_figures`` names it. Columns: ticker, company, stage, name (the figure's name), usd,
    low_usd, high_usd (a guided range), basis (calendar | fiscal), period, stated_on (the as-of date),
    estimate (the middle of a range), derived, source_id (ids joined by spaces)."""
    out = []
    for tk in CAPEX_COMPANIES:
        s = capex_summary(points, tk, article_on)
        found: list[tuple[str, CapexPoint | CapexSum]] = [
            (stage, p)
            for stage, p in (("plan_2025", s.plan_2025), ("actual_2025", s.actual_2025))
            if p is not None and p.amount_usd is not None
        ]
        c = s.actual_2025_calendar
        if c is not None and (s.actual_2025 is None or s.actual_2025.year_basis != "calendar"):
            found.append(("actual_2025_calendar", c))
        if s.guidance_2026 is not None and s.guidance_2026.amount_usd is not None:
            found.append(("guidance_2026", s.guidance_2026))
        for stage, p in found:
            if isinstance(p, CapexSum):
                row = dict(usd=p.usd, low_usd=p.usd, high_usd=p.usd, basis="calendar", period=f"CY{p.year}")
                row |= dict(stated_on=p.as_of, estimate=False, source_id=" ".join(p.sources))
                company = p.quarters[0].company
            else:
                row = dict(usd=p.amount_usd, low_usd=p.low_usd, high_usd=p.high_usd, basis=p.year_basis)
                row |= dict(period=p.period, stated_on=p.stated_on, estimate=p.is_range, source_id=p.source_id)
                company = p.company
            name = f"capex.{tk}.{stage}"
            out.append(dict(ticker=tk, company=company, stage=stage, name=name, derived=is_derived(name), **row))
    columns = ["ticker", "company", "stage", "name", "usd", "low_usd", "high_usd", "basis", "period"]
    return pd.DataFrame(out, columns=[*columns, "stated_on", "estimate", "derived", "source_id"])


# --- NVIDIA's data-centre revenue ---------------------------------------------------------------


@dataclass(frozen=True)
class DcQuarter:
    """One quarter of NVIDIA's data-centre revenue in USD. ``derived``: not in our sources but
    worked out from the same quarter a year later and the growth it states."""

    fiscal_period: str
    fiscal_year: int
    fiscal_quarter: int
    quarter_end: date | None
    reported_on: date
    dc_usd: float | None
    total_usd: float | None
    dc_yoy: float | None  # as the source states it
    derived: bool
    sources: tuple[str, ...]


def dc_quarters(nv: pd.DataFrame) -> list[DcQuarter]:
    """NVIDIA's quarters in order, as first reported; a blank data-centre revenue is filled from
    the same quarter a year later divided by (1 + its stated growth), marked ``derived``."""
    q = nv[nv["period_type"] == "quarter"].sort_values(["fiscal_year", "fiscal_quarter"])
    by_key = {(int(r["fiscal_year"]), int(r["fiscal_quarter"])): r for _, r in q.iterrows()}
    out = []
    for (fy, fq), r in by_key.items():
        dc, derived = _num(r["data_center_usd_billion"]), False
        ids: tuple[str, ...] = (str(r["source_id"]),)
        later = by_key.get((fy + 1, fq))
        if dc is None and later is not None and _num(later["data_center_usd_billion"]) and _num(later["dc_yoy_growth"]):
            dc = float(later["data_center_usd_billion"]) / (1 + float(later["dc_yoy_growth"]))
            derived, ids = True, (*ids, str(later["source_id"]))
        total = _num(r["total_revenue_usd_billion"])
        out.append(
            DcQuarter(
                fiscal_period=str(r["fiscal_period"]),
                fiscal_year=fy,
                fiscal_quarter=fq,
                quarter_end=_day(r["quarter_end"]),
                reported_on=_day(r["reported_on"]) or date.min,
                dc_usd=dc * 1e9 if dc is not None else None,
                total_usd=total * 1e9 if total is not None else None,
                dc_yoy=_num(r["dc_yoy_growth"]),
                derived=derived,
                sources=tuple(dict.fromkeys(ids)),
            )
        )
    return out


def nvidia_figures(nv: pd.DataFrame, base: date) -> dict[str, Figure]:
    """``nvda.dc_latest`` (the latest quarter), ``nvda.dc_yoy`` (against the same quarter a year
    earlier), ``nvda.dc_fy`` (the latest fiscal year), ``nvda.dc_shock_quarter`` (the first quarter
    reported after the shock) and ``nvda.dc_since_shock`` (latest / that quarter). As of: the end of
    the latest quarter used (None where our sources lack it)."""
    out: dict[str, Figure] = {}
    quarters = [q for q in dc_quarters(nv) if q.dc_usd is not None]
    if not quarters:
        return out
    last = quarters[-1]
    out["nvda.dc_latest"] = money(last.dc_usd or math.nan, *last.sources, as_of=last.quarter_end, estimate=last.derived)
    year_ago = next(
        (q for q in quarters if (q.fiscal_year, q.fiscal_quarter) == (last.fiscal_year - 1, last.fiscal_quarter)), None
    )
    if year_ago is not None and year_ago.dc_usd:
        out["nvda.dc_yoy"] = change(
            (last.dc_usd or math.nan) / year_ago.dc_usd - 1,
            *dict.fromkeys(year_ago.sources + last.sources),
            digits=0,
            as_of=last.quarter_end,
            estimate=year_ago.derived,
        )
    shock = next((q for q in quarters if q.reported_on > base), None)
    if shock is not None:
        out["nvda.dc_shock_quarter"] = money(
            shock.dc_usd or math.nan, *shock.sources, as_of=shock.quarter_end, estimate=shock.derived
        )
        if shock is not last:
            out["nvda.dc_since_shock"] = Figure(
                (last.dc_usd or math.nan) / (shock.dc_usd or math.nan),
                Kind.RATIO,
                tuple(dict.fromkeys(shock.sources + last.sources)),
                as_of=last.quarter_end,
                sig=2,
                estimate=shock.derived,
            )
    years = nv[(nv["period_type"] == "year") & nv["data_center_usd_billion"].notna()].sort_values("fiscal_year")
    if len(years):
        y = years.iloc[-1]
        out["nvda.dc_fy"] = money(
            float(y["data_center_usd_billion"]) * 1e9, str(y["source_id"]), sig=4, as_of=_day(y["quarter_end"])
        )
    return out


# --- H100 rental prices: on-demand and one-year contracts are two series ------------------------


def rental_series(rental: pd.DataFrame, gpu_prefix: str = "H100") -> dict[str, pd.DataFrame]:
    """``{"on_demand": rows, "contract_1y": rows}``, each sorted by date: two markets, never joined
    into one line. Rows keep their ``stat`` (price, median, range, cycle_low, cut): a chart draws a
    point, a range or an annotation by it."""
    r = rental[rental["gpu"].str.startswith(gpu_prefix)].sort_values("date", kind="stable")
    return {s: r[r["series"] == s].reset_index(drop=True) for s in ("on_demand", "contract_1y")}


def rental_figures(rental: pd.DataFrame) -> dict[str, Figure]:
    """``rental.on_demand.first|latest|cut`` and ``rental.contract_1y.low|latest|rebound`` (USD per
    GPU-hour; ``cut`` is a provider's price change, ``rebound`` the contract index from its low)."""
    out: dict[str, Figure] = {}
    series = rental_series(rental)

    def point(row: pd.Series, **kw) -> Figure:
        return money(float(row["usd_per_gpu_hour"]), str(row["source_id"]), as_of=_day(row["date"]), **kw)

    od = series["on_demand"]
    prices = od[od["stat"].isin(["price", "median"]) & od["usd_per_gpu_hour"].notna()]
    if len(prices):
        out["rental.on_demand.first"] = point(prices.iloc[0])
        out["rental.on_demand.latest"] = point(prices.iloc[-1])
    cuts = od[od["stat"] == "cut"]
    if len(cuts):
        c = cuts.iloc[-1]
        out["rental.on_demand.cut"] = change(float(c["change"]), str(c["source_id"]), digits=0, as_of=_day(c["date"]))
    ct = series["contract_1y"]
    lows, now = ct[ct["stat"] == "cycle_low"], ct[ct["stat"].isin(["price", "median"])]
    if len(lows):
        out["rental.contract_1y.low"] = point(lows.iloc[-1])
    if len(now):
        out["rental.contract_1y.latest"] = point(now.iloc[-1])
    if len(lows) and len(now) and now.iloc[-1]["date"] > lows.iloc[-1]["date"]:
        lo, hi = lows.iloc[-1], now.iloc[-1]
        out["rental.contract_1y.rebound"] = change(
            float(hi["usd_per_gpu_hour"]) / float(lo["usd_per_gpu_hour"]) - 1,
            *dict.fromkeys([str(lo["source_id"]), str(hi["source_id"])]),
            digits=0,
            as_of=_day(hi["date"]),
        )
    return out


# --- Stargate and the compute deals --------------------------------------------------------------


@dataclass(frozen=True)
class GwPoint:
    """A stated total for Stargate: ``qualifier`` as stated (more_than, nearly, ...)."""

    day: date
    gw: float
    qualifier: str | None
    source_id: str


def stargate_gw_path(timeline: pd.DataFrame, since: pd.DataFrame) -> list[GwPoint]:
    """Stargate's stated total gigawatts over time (under development, planned, then contracted):
    ``stargate_timeline.csv``'s totals (not its goal) and the later milestones. Contracted is not
    energised: the sources do not say how much runs."""
    t = timeline[(timeline["metric"] == "gw_total") & (timeline["event"] != "goal")]
    s = since[(since["program"] == "stargate") & (since["gw_kind"] == "total") & since["gw"].notna()]
    rows = [(r["date"], r["value"], r["qualifier"], r["source_id"]) for _, r in t.iterrows()]
    rows += [(r["date"], r["gw"], r["gw_qualifier"], r["source_id"]) for _, r in s.iterrows()]
    return [
        GwPoint(_day(d) or date.min, float(v), _str(q), str(sid)) for d, v, q, sid in sorted(rows, key=lambda r: r[0])
    ]


def compute_deals(since: pd.DataFrame) -> pd.DataFrame:
    """The compute agreements (rows of kind compute_deal), oldest first."""
    return since[since["kind"] == "compute_deal"].sort_values("date", kind="stable").reset_index(drop=True)


def stargate_figures(timeline: pd.DataFrame, since: pd.DataFrame) -> dict[str, Figure]:
    """``stargate.gw`` (the latest stated total; contracted, not necessarily running),
    ``stargate.gw_first`` (the first stated total), ``stargate.goal_gw``, ``deals.count`` and
    ``deals.openai_gw`` (the gigawatts of OpenAI's chip agreements added up, derived: agreements,
    not capacity built, and they may overlap with Stargate's sites)."""
    out: dict[str, Figure] = {}
    path = stargate_gw_path(timeline, since)
    if path:
        first, last = path[0], path[-1]
        out["stargate.gw"] = Figure(last.gw, Kind.POWER, (last.source_id,), as_of=last.day)
        out["stargate.gw_first"] = Figure(first.gw, Kind.POWER, (first.source_id,), as_of=first.day)
    goal = timeline[(timeline["event"] == "goal") & (timeline["metric"] == "gw_total")]
    if len(goal):
        g = goal.iloc[-1]
        out["stargate.goal_gw"] = Figure(float(g["value"]), Kind.POWER, (str(g["source_id"]),), as_of=_day(g["date"]))
    deals = compute_deals(since)
    if len(deals):
        out["deals.count"] = count(len(deals), *dict.fromkeys(deals["source_id"]), as_of=_day(deals["date"].max()))
    openai = deals[(deals["program"] == "openai") & (deals["gw_kind"] == "deal") & deals["gw"].notna()]
    if len(openai):
        out["deals.openai_gw"] = Figure(
            float(openai["gw"].sum()),
            Kind.POWER,
            tuple(dict.fromkeys(openai["source_id"])),
            as_of=_day(openai["date"].max()),
        )
    return out


# --- DeepSeek after R1 ----------------------------------------------------------------------------


def deepseek_figures(
    releases: pd.DataFrame,
    models_since: pd.DataFrame,
    benchmarks: pd.DataFrame,
    facts: pd.DataFrame,
    dates: pd.DataFrame,
    sources: pd.DataFrame,
) -> dict[str, Figure]:
    """``deepseek.releases`` (how many after R1), ``deepseek.latest_release``,
    ``deepseek.latest_compute`` (Epoch's estimate for the latest release that has one),
    ``deepseek.latest_to_v3`` (that over Epoch's current V3 estimate), ``deepseek.r1_rl_cost``
    (R1's reinforcement-learning stage as DeepSeek later disclosed it), and for every later
    benchmark result ``bench.<model>.<benchmark>`` (plus ``.compared`` where the source compares).
    Compute estimates are as of their source's date (else the model's release)."""
    out: dict[str, Figure] = {}
    sdates = source_dates(sources)
    r1 = datasets.lookup_index(dates, "key", "date").get(R1_KEY)
    rel = releases.sort_values("release_date", kind="stable")
    if r1 is not None:
        rel = rel[rel["release_date"] > r1]
    if len(rel):
        ids, last_day = tuple(dict.fromkeys(rel["source_id"])), _day(rel["release_date"].max())
        out["deepseek.releases"] = count(len(rel), *ids, as_of=last_day)
        out["deepseek.latest_release"] = when(last_day, *ids, as_of=last_day)
    with_c = rel[rel["training_compute_flop"].notna()]
    if len(with_c):
        x = with_c.iloc[-1]
        x_on = sdates.get(str(x["source_id"])) or _day(x["release_date"])
        out["deepseek.latest_compute"] = compute(
            float(x["training_compute_flop"]), str(x["source_id"]), as_of=x_on, estimate=True
        )
        v3 = models_since[models_since["revises"] == "DeepSeek-V3"]
        if len(v3) and pd.notna(v3.iloc[0]["training_compute_flop"]):
            v = v3.iloc[0]
            v_on = sdates.get(str(v["source_id"])) or _day(v["date"])
            out["deepseek.latest_to_v3"] = Figure(
                float(x["training_compute_flop"]) / float(v["training_compute_flop"]),
                Kind.RATIO,
                tuple(dict.fromkeys([str(v["source_id"]), str(x["source_id"])])),
                as_of=_latest(v_on, x_on),
                sig=2,
                estimate=True,
            )
    cost_on = datasets.lookup_index(dates, "key", "date").get("r1_rl_cost_reported")
    costs = facts[facts["key"] == "r1_rl_cost_usd"]
    if cost_on is not None and len(costs):
        out["deepseek.r1_rl_cost"] = money(
            float(costs.iloc[0]["value"]), str(costs.iloc[0]["source_id"]), as_of=_day(cost_on)
        )
    for _, b in benchmarks.iterrows():
        name, digits = f"bench.{slug(b['model'])}.{slug(b['benchmark'])}", 1 if "%" in str(b["metric"]) else 0
        sid, on = (str(b["source_id"]),), _day(b["date"])
        out[name] = Figure(float(b["score"]), Kind.NUMBER, sid, as_of=on, digits=digits)
        if pd.notna(b["compared_score"]):
            out[f"{name}.compared"] = Figure(float(b["compared_score"]), Kind.NUMBER, sid, as_of=on, digits=digits)
    return out


# --- Epoch AI's revised estimates --------------------------------------------------------------


@dataclass(frozen=True)
class Revision:
    """An estimate we used, and a later one of the same source for the same model: each with its
    confidence label, source and the source's date (``after_flop`` None: no estimate any more)."""

    model: str  # as models_compute.csv names it
    before_flop: float
    before_confidence: str
    before_source: str
    before_on: date | None
    after_model: str  # as the later data name it
    after_flop: float | None
    after_confidence: str
    after_source: str
    after_on: date | None

    @property
    def change(self) -> float | None:
        return None if self.after_flop is None else self.after_flop / self.before_flop - 1

    @property
    def changed(self) -> bool:
        """A different value (beyond float noise: 3.3499999999999998e25 is 3.35e25) or label."""
        moved = self.after_flop is None or not math.isclose(self.after_flop, self.before_flop, rel_tol=1e-9)
        return moved or self.after_confidence != self.before_confidence


def revisions(
    models_compute: pd.DataFrame, models_since: pd.DataFrame, sources: pd.DataFrame, changed_only: bool = True
) -> list[Revision]:
    """Rows of ``models_compute_since.csv`` that name an earlier estimate (``revises``), paired with
    it, oldest model first; only those whose value or confidence changed unless ``changed_only``
    is False."""
    sdates = source_dates(sources)
    before = {str(r["model"]): r for _, r in models_compute.iterrows()}
    out = []
    for _, a in models_since[models_since["revises"].notna()].sort_values("date", kind="stable").iterrows():
        b = before.get(str(a["revises"]))
        if b is None:
            continue
        r = Revision(
            model=str(b["model"]),
            before_flop=float(b["training_compute_flop"]),
            before_confidence=str(b["confidence"]),
            before_source=str(b["source_id"]),
            before_on=sdates.get(str(b["source_id"])),
            after_model=str(a["model"]),
            after_flop=_num(a["training_compute_flop"]),
            after_confidence=str(a["confidence"]),
            after_source=str(a["source_id"]),
            after_on=sdates.get(str(a["source_id"])),
        )
        if r.changed or not changed_only:
            out.append(r)
    return out


def revision_figures(
    models_compute: pd.DataFrame, models_since: pd.DataFrame, sources: pd.DataFrame
) -> dict[str, Figure]:
    """``revision.<model>.before|after|change`` for every changed estimate (each as of its source's
    date), ``frontier.largest`` (the largest estimate for a model published since 2025) and
    ``frontier.no_estimate`` (frontier labs' language models since 2025 with no estimate at all)."""
    out: dict[str, Figure] = {}
    for r in revisions(models_compute, models_since, sources):
        pre = f"revision.{slug(r.model)}"
        out[f"{pre}.before"] = compute(r.before_flop, r.before_source, as_of=r.before_on, estimate=True)
        if r.after_flop is not None:
            out[f"{pre}.after"] = compute(r.after_flop, r.after_source, as_of=r.after_on, estimate=True)
            out[f"{pre}.change"] = change(
                r.change or 0.0, r.before_source, r.after_source, digits=0, as_of=_latest(r.before_on, r.after_on)
            )
    sdates = source_dates(sources)
    recent = models_since[models_since["date"] >= pd.Timestamp(PLAN_YEAR, 1, 1)]
    est = recent[recent["training_compute_flop"].notna()]
    if len(est):
        top = est.sort_values("training_compute_flop", kind="stable").iloc[-1]
        out["frontier.largest"] = compute(
            float(top["training_compute_flop"]),
            str(top["source_id"]),
            as_of=sdates.get(str(top["source_id"])) or _day(top["date"]),
            estimate=True,
        )
    blank = recent[recent["training_compute_flop"].isna() & recent["organization"].isin(FRONTIER_LABS)]
    if len(blank):
        ids = tuple(dict.fromkeys(blank["source_id"]))
        out["frontier.no_estimate"] = count(
            len(blank), *ids, as_of=_latest(*(sdates.get(i) for i in ids)) or _day(blank["date"].max())
        )
    return out


# --- Everything ------------------------------------------------------------------------------------

DATASETS = (
    "prices",
    "prices_since",
    "companies",
    "dates",
    "facts",
    "sources",
    "capex",
    "capex_since",
    "nvidia_dc_revenue",
    "gpu_rental",
    "stargate_timeline",
    "stargate_compute_since",
    "deepseek_releases",
    "benchmarks_since",
    "models_compute",
    "models_compute_since",
)


# What each part of ``figures`` reads: a caller passes only the files it has (a page that shows
# part of the evidence reads only those files), and the parts whose files are missing are left out.
PARTS: dict[str, tuple[str, ...]] = {
    "stocks": ("prices", "prices_since", "companies", "dates"),
    "capex": ("capex", "capex_since", "sources"),
    "nvidia": ("nvidia_dc_revenue", "dates"),
    "rental": ("gpu_rental",),
    "stargate": ("stargate_timeline", "stargate_compute_since"),
    "deepseek": ("deepseek_releases", "models_compute_since", "benchmarks_since", "facts", "dates", "sources"),
    "revisions": ("models_compute", "models_compute_since", "sources"),
}


def files_for(*parts: str) -> tuple[str, ...]:
    """The data files the named parts of ``figures`` read (all parts when none are named), each once."""
    return tuple(dict.fromkeys(f for p in (parts or tuple(PARTS)) for f in PARTS[p]))


def figures(data: Mapping[str, pd.DataFrame], all_closes: pd.DataFrame | None = None) -> FigureSet:
    """Every figure of the evidence since the shock, by name (see each ``*_figures`` for the names).

    ``data`` maps the names in ``DATASETS`` to frames as ``core.datasets.load`` returns them; a part
    of ``PARTS`` whose files are not all in ``data`` is left out (a page reads what it shows).
    ``all_closes`` is ``closes(prices, prices_since)`` when the caller has it already. A figure is
    left out when the data cannot give it (e.g. a company with no close after the base)."""
    has = {p for p, files in PARTS.items() if all(f in data for f in files)}
    out: dict[str, Figure] = {}
    if "stocks" in has:
        c = all_closes if all_closes is not None else closes(data["prices"], data["prices_since"])
        base = datasets.date_of(data["dates"], BASE_KEY)
        sid = str(datasets.lookup_index(data["dates"], "key", "source_id")[BASE_KEY])
        out["stocks.base_on"] = when(base, sid, as_of=base)
        out.update(stock_figures(c, data["companies"], base))
    if "capex" in has:
        out.update(capex_figures(capex_points(data["capex"], data["capex_since"]), article_date(data["sources"])))
    if "nvidia" in has:
        out.update(nvidia_figures(data["nvidia_dc_revenue"], datasets.date_of(data["dates"], BASE_KEY)))
    if "rental" in has:
        out.update(rental_figures(data["gpu_rental"]))
    if "stargate" in has:
        out.update(stargate_figures(data["stargate_timeline"], data["stargate_compute_since"]))
    if "deepseek" in has:
        out.update(
            deepseek_figures(
                data["deepseek_releases"],
                data["models_compute_since"],
                data["benchmarks_since"],
                data["facts"],
                data["dates"],
                data["sources"],
            )
        )
    if "revisions" in has:
        out.update(revision_figures(data["models_compute"], data["models_compute_since"], data["sources"]))
    return FigureSet(out)


def status(fs: Mapping[str, Figure], prefix: str) -> str | None:
    """never_fell | back | not_yet for a series of ``stock_figures`` (``stock.NVDA``, ``group.power``),
    read from its figures as ``SinceBase.status`` words it; None when the series is not there."""
    low, back = fs.get(f"{prefix}.low"), fs.get(f"{prefix}.back_on")
    if low is None or back is None:
        return None
    return "never_fell" if low.number >= 0 else "back" if back.value is not None else "not_yet"


def load_all(data_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """The frames ``figures`` needs, validated (tests and scripts; pages load through ``ui.data``)."""
    return {name: datasets.load(name, data_dir) for name in DATASETS}
