"""Company capital-expenditure statements (``data/capex.csv``): guidance and actuals, kept apart.

Each row is one figure as a company (or the press) stated it on a date: an amount, or a range
(low-high), of kind ``guidance`` (a plan) or ``actual`` (reported spending). Rows with
``primary = no`` are alternative definitions of the same figure (e.g. a cash-flow line) and are
left out unless asked for. Shared by the Stargate and What-next pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from core.datasets import DataError, date_of, lookup_index
from core.figures import Figure, money, when

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


# ---- The plan-vs-actual figures (Stargate, What next and the tour draw the same ones) -------------

ARTICLE = "ARTICLE"  # the source id of the article this app explains (data/sources.csv)


def source_date(sources: pd.DataFrame, source_id: str) -> date:
    """The date ``data/sources.csv`` gives a source (its publication date)."""
    value = lookup_index(sources, "source_id", "date").get(source_id)
    if value is None or pd.isna(value):
        raise DataError("data/sources.csv", f"no dated row with source id '{source_id}'", column="source_id")
    return pd.Timestamp(value).date()


def article_date(sources: pd.DataFrame) -> date:
    """The article's publication date, read from its row of ``data/sources.csv`` (7 February 2025)."""
    return source_date(sources, ARTICLE)


def gafam_tickers(companies: pd.DataFrame) -> tuple[str, ...]:
    """The GAFAM companies the article names (``companies.csv``: group gafam, named in the article;
    one share class each), in the file's order."""
    named = companies["named_in_article"].astype(bool) & (companies["group"] == "gafam")
    return tuple(str(tk) for tk in companies.loc[named, "ticker"])


def usd_axis_unit(lang: str) -> float:
    """USD per unit of a money axis in ``lang``: billions in English ("USD billion"), 億 (10⁸) in
    Japanese ("億ドル"), the units the text beside the charts uses. The one place that decides it."""
    return 1e8 if lang == "ja" else BILLION


@dataclass(frozen=True)
class Amount:
    """A stated figure: low, mid and high (equal unless the company gave a range), each a MONEY
    figure with the statement's source and date (``as_of``), and ``stated``: that date (DATE)."""

    low: Figure
    mid: Figure
    high: Figure
    stated: Figure

    @property
    def ranged(self) -> bool:
        return self.low.value != self.high.value


@dataclass(frozen=True)
class CompanyCapex:
    ticker: str
    plan: Amount | None  # the last guidance stated by the cut-off
    actual: Amount | None  # what it reported spending (any date)


@dataclass(frozen=True)
class CapexFigures:
    """The hyperscalers' capital spending for ``year``: each company's plan as last stated by
    ``as_of`` (the article's date) and what it then reported, beside ``reference`` (Stargate's
    yearly average); and ``later``: plans for ``later_year`` (the next year the data holds), as last
    stated."""

    year: int
    as_of: Figure  # DATE: the cut-off of the plans (the article's date)
    reference: Figure
    companies: tuple[CompanyCapex, ...]
    later_year: int | None
    later: tuple[CompanyCapex, ...]

    def sources(self, later: bool = False) -> tuple[str, ...]:
        """Source ids of the reference and every statement shown (with ``later``: the later plans too)."""
        rows = self.companies + (self.later if later else ())
        amounts = [a for c in rows for a in (c.plan, c.actual) if a is not None]
        ids = [*self.reference.sources, *(s for a in amounts for s in a.mid.sources)]
        return tuple(dict.fromkeys(ids))


def _amount(row: pd.Series) -> Amount:
    source = (str(row["source_id"]),)
    as_of = None if pd.isna(row["stated_on"]) else pd.Timestamp(row["stated_on"]).date()
    low, mid, high = (money(float(row[c]), *source, as_of=as_of) for c in ("low_usd", "mid_usd", "high_usd"))
    return Amount(low, mid, high, when(as_of, *source))


def capex_figures(
    capex: pd.DataFrame, companies: pd.DataFrame, facts: pd.DataFrame, dates: pd.DataFrame, sources: pd.DataFrame
) -> CapexFigures:
    """The GAFAM companies' capital spending in Stargate's first year (the year it was announced),
    plans as last stated by the article's date, against Stargate's yearly average
    (``core.headlines.cost_figures``). Companies with no statement for the year are left out
    (Apple gives no capex guidance)."""
    from core.headlines import cost_figures

    year = date_of(dates, "stargate_announced").year
    return plan_actual_figures(
        capex, gafam_tickers(companies), year, article_date(sources), cost_figures(facts)["stargate_per_year"]
    )


def plan_actual_figures(
    capex: pd.DataFrame, tickers: tuple[str, ...], year: int, as_of: date, reference: Figure
) -> CapexFigures:
    """``CapexFigures`` of ``tickers`` for ``year``, plans cut off at ``as_of``, beside ``reference``."""
    plan = plan_vs_actual(capex, list(tickers), year, as_of)
    rows = []
    for ticker in dict.fromkeys(plan["ticker"]):
        mine = plan[plan["ticker"] == ticker]
        stated = {
            k: _amount(mine[mine["kind"] == k].iloc[0]) for k in ("guidance", "actual") if (mine["kind"] == k).any()
        }
        rows.append(CompanyCapex(str(ticker), stated.get("guidance"), stated.get("actual")))
    years = statements(capex, kind="guidance")["year"]
    later_year = int(years[years > year].min()) if (years > year).any() else None
    later = []
    if later_year is not None:
        for ticker in tickers:
            row = latest(capex, ticker, later_year, "guidance")
            if row is not None:
                later.append(CompanyCapex(ticker, _amount(row), None))
    return CapexFigures(year, when(as_of, ARTICLE), reference, tuple(rows), later_year, tuple(later))
