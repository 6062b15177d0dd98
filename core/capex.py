"""Company capital-expenditure statements (``data/capex.csv``): guidance and actuals, kept apart.

Each row is one figure as a company (or the press) stated it on a date: an amount, or a range
(low-high), of kind ``guidance`` (a plan) or ``actual`` (reported spending). Rows with
``primary = no`` are alternative definitions of the same figure (e.g. a cash-flow line) and are
left out unless asked for. Shared by the Stargate and What-next pages.
"""

from __future__ import annotations

import pandas as pd

BILLION = 1e9


def with_usd(capex: pd.DataFrame) -> pd.DataFrame:
    """Add ``low_usd``, ``high_usd`` and ``mid_usd`` in USD: a single amount gives low = high = mid;
    a range gives its ends and midpoint; a bound alone ('under USD 7B') gives that bound as both ends."""
    df = capex.copy()
    amount = df["amount_usd_billion"]
    low = df["low_usd_billion"].fillna(amount).fillna(df["high_usd_billion"])
    high = df["high_usd_billion"].fillna(amount).fillna(low)
    low = low.fillna(high)
    df["low_usd"], df["high_usd"] = low * BILLION, high * BILLION
    df["mid_usd"] = amount.fillna((low + high) / 2) * BILLION
    return df


def statements(
    capex: pd.DataFrame,
    ticker: str | None = None,
    year: int | None = None,
    kind: str | None = None,
    period_type: str = "year",
    as_of: pd.Timestamp | str | None = None,
    primary_only: bool = True,
) -> pd.DataFrame:
    """Rows matching the filters, oldest statement first. ``as_of`` keeps statements made on or before
    that date (rows dated 'on or before' count from their date; undated rows are dropped)."""
    df = with_usd(capex)
    mask = df["period_type"] == period_type
    if ticker is not None:
        mask &= df["ticker"] == ticker
    if year is not None:
        mask &= df["year"] == year
    if kind is not None:
        mask &= df["kind"] == kind
    if primary_only:
        mask &= df["primary"].astype(bool)
    if as_of is not None:
        mask &= df["stated_on"].notna() & (df["stated_on"] <= pd.Timestamp(as_of))
    return df[mask].sort_values("stated_on", kind="stable", na_position="first")


def latest(capex: pd.DataFrame, ticker: str, year: int, kind: str, as_of=None) -> pd.Series | None:
    """The most recent primary annual statement of one kind, or None."""
    rows = statements(capex, ticker, year, kind, as_of=as_of)
    return None if rows.empty else rows.iloc[-1]


def plan_vs_actual(capex: pd.DataFrame, tickers: list[str], year: int, as_of) -> pd.DataFrame:
    """For each ticker: its last guidance for ``year`` stated by ``as_of``, and the reported actual (any date).

    One row a (ticker, kind) with company, period, low/high/mid in USD, stated_on, source_id.
    Tickers with neither are left out.
    """
    out = []
    for ticker in tickers:
        for kind, cutoff in (("guidance", as_of), ("actual", None)):
            row = latest(capex, ticker, year, kind, as_of=cutoff)
            if row is not None:
                out.append(row)
    cols = [
        "company",
        "ticker",
        "period",
        "kind",
        "low_usd",
        "high_usd",
        "mid_usd",
        "stated_on",
        "stated_on_precision",
        "source_id",
    ]
    return pd.DataFrame(out, columns=cols).reset_index(drop=True) if out else pd.DataFrame(columns=cols)
