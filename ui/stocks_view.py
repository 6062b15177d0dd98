"""Tables the stock-reaction page draws, in the reader's language (arithmetic stays in core.stocks).

Each builder takes plain values (dates, tickers, language) so its results can be kept per input
(``ui.memo.memoized``: in the process, without pickling them in and out on every rerun). ``joined``:
read ``prices.csv`` and ``prices_since.csv`` as one series per company (``core.since.closes``), so a
window can run to the latest close; without it (the tour, or a broken later file), ``prices.csv`` alone.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from core import since, stocks
from core.figures import change
from core.formatting import fmt_date
from core.headlines import MarketFigures
from ui.cards import join
from ui.charts import arrow_rows, group_label
from ui.data import load
from ui.i18n import t
from ui.memo import cached, memoized


def closes(joined: bool = False) -> pd.DataFrame:
    """Daily closes: ``prices.csv``, and with ``joined`` ``prices_since.csv`` after it (worked out once
    per file version; raises ``DataError`` if the two files do not fit together)."""
    prices = load("prices")
    return cached(since.closes, prices, load("prices_since")) if joined else prices


def closes_from(base: date, tickers: tuple[str, ...], joined: bool = False) -> pd.DataFrame:
    """The closes of ``tickers`` from the base on: all a window's figures read (the later file made
    the frame five times longer, and the views' per-company filters slowed with it)."""
    c = closes(joined)
    return c[(c["date"] >= pd.Timestamp(base)) & c["ticker"].isin(tickers)]


def names(lang: str) -> dict[str, str]:
    """Company names by ticker in ``lang``."""
    companies = load("companies")
    return dict(zip(companies["ticker"], companies[f"name_{lang}"]))


def form(n: int) -> str:
    """The key suffix of a count-aware string: ``none``, ``one`` or ``other`` (so English says
    "1 of 7 was", "2 of 5 were"; Japanese has the same three keys)."""
    return "none" if n == 0 else "one" if n == 1 else "other"


def held_sentence(market: MarketFigures, group: str, lang: str) -> str:
    """Which members of ``group`` never closed below the base in the article's window ('' if none)."""
    held = market.groups[group].held
    return (
        t(f"talk.who_fell.held_{form(len(held))}", names=join([names(lang)[tk] for tk in held], lang)) if held else ""
    )


def at_article_sentence(market: MarketFigures, group: str, lang: str) -> str:
    """``group`` on the article's date against the base: its median change, who was at or above the
    base and who below (with their changes), and who had closed back at the base after the low (when)."""
    g, m, name = market.groups[group], market.figs.texts(lang), names(lang)
    below = [
        tk
        for tk in sorted(g.tickers, key=lambda tk: market.figs[f"at_article_{tk}"].number)
        if tk not in g.above_at_article
    ]
    parts = [
        t("talk.who_fell.group_at_article", group=group_label(group), median=m[f"{group}_median_at_article"]),
        t(
            f"talk.who_fell.above_{form(len(g.above_at_article))}",
            names=join([name[tk] for tk in g.above_at_article], lang),
        ),
        t(
            f"talk.who_fell.below_{form(len(below))}",
            items=join([t("talk.who_fell.item", name=name[tk], value=m[f"at_article_{tk}"]) for tk in below], lang),
        ),
    ]
    if g.back:
        items = [t("talk.who_fell.item", name=name[tk], value=m[f"back_on_{tk}"]) for tk in g.back]
        parts.append(t("talk.who_fell.back", items=join(items, lang)))
    return ("" if lang == "ja" else " ").join(parts)


@memoized
def drawdown_view(
    base: date, start: date, end: date, tickers: tuple[str, ...], lang: str, joined: bool = False
) -> pd.DataFrame:
    """One row per company, largest fall first: ticker, name, group, change, label, flagged,
    earnings_on, note. ``flagged``: it fell, and its low came after its own results. A company
    with no close on the base or in the window has no row."""
    prices, companies, events = closes_from(base, tickers, joined), load("companies"), load("events")
    days = stocks.trading_days(prices)
    dd = stocks.drawdowns(prices, base, start, end)
    dd = dd[dd["ticker"].isin(tickers)].copy()
    dd["earnings_on"] = dd["ticker"].map(stocks.earnings_before_low(dd, events, base, days))
    dd["flagged"] = dd["earnings_on"].notna() & (dd["change"] < 0)
    dd["name"] = dd["ticker"].map(names(lang))
    dd["group"] = dd["ticker"].map(dict(zip(companies["ticker"], companies["group"])))
    dd["label"] = [change(c).text(lang) + (" †" if f else "") for c, f in zip(dd["change"], dd["flagged"])]
    dd["note"] = [
        t("stocks.note_earnings", date=fmt_date(e, lang, "medium"))
        if f
        else t("stocks.note_low", date=fmt_date(m, lang, "medium"))
        for e, f, m in zip(dd["earnings_on"], dd["flagged"], dd["min_date"])
    ]
    return dd.sort_values("change").reset_index(drop=True)


def bar_titles() -> dict[str, str]:
    return {k: t(f"stocks.axis.{k}") for k in ("x", "company", "group", "change", "note")}


def line_titles(first: date, last: date) -> dict[str, str]:
    """The index chart's titles; its x axis names the years it spans (``first`` to ``last``)."""
    span = t("since.stocks.x_year", year=first.year) if first.year == last.year else None
    return {
        "x": span or t("since.stocks.x_years", first=first.year, last=last.year),
        "y": t("stocks.axis.y_index"),
        **{k: t(f"stocks.axis.{k}") for k in ("company", "group", "date", "close", "event", "window")},
        "median": t("stocks.index.median"),
    }


def group_sentence(
    bars: pd.DataFrame, companies: pd.DataFrame, names: dict[str, str], lang: str, dates: dict[str, str]
) -> str:
    """One sentence: every group's median move, how many fell, its worst member; largest fall first."""
    moves = stocks.group_moves(bars[["ticker", "change"]], companies, set(bars.loc[bars["flagged"], "ticker"]))
    parts = []
    for g in moves:
        fields = dict(
            group=group_label(g.group),
            median=change(g.median).text(lang),
            fell=g.fell,
            count=g.count,
            worst=change(g.worst).text(lang),
            worst_name=names[g.worst_ticker],
        )
        if g.count == 1:
            parts.append(t("stocks.sentence.single", **fields))
        elif g.fell == 0:
            parts.append(t("stocks.sentence.none_fell", **fields))
        else:
            parts.append(t("stocks.sentence.group", **fields))
    text = t("stocks.sentence.lead", groups=("; " if lang == "en" else "。").join(parts), **dates)
    if len(moves) > 1:
        text += ("" if lang == "ja" else " ") + t(
            "stocks.sentence.order", first=group_label(moves[0].group), last=group_label(moves[-1].group)
        )
    return text


@memoized
def trading_days(joined: bool = False) -> tuple[date, ...]:
    """The days with closes of any company (kept: a full rerun of the page asked for them afresh)."""
    return tuple(stocks.trading_days(closes(joined)))


@memoized
def last_closes(joined: bool = False) -> dict[str, date]:
    """Each company's last close: where its data end (never date a company past them)."""
    return {str(tk): d.date() for tk, d in closes(joined).groupby("ticker")["date"].max().items()}


def missing_note(base: date, end: date, tickers: tuple[str, ...], lang: str, joined: bool = False) -> str:
    """A caption naming the companies whose closes end before the window does ('' if none): with
    the day their data end, or that they have no close on the base."""
    last, name = last_closes(joined), names(lang)
    med = lambda d: fmt_date(d, lang, "medium")  # noqa: E731
    items = [
        t("since.stocks.short_item", name=name[tk], date=med(last[tk]))
        for tk in sorted(tickers, key=lambda tk: (last[tk], name[tk]))
        if tk in last and last[tk] < end
    ]
    return t("since.stocks.short_window", end=med(end), items=join(items, lang)) if items else ""


@memoized
def ticker_groups() -> dict[str, str]:
    companies = load("companies")
    return dict(zip(companies["ticker"], companies["group"]))


@memoized
def price_sources(joined: bool = False) -> tuple[str, ...]:
    return tuple(dict.fromkeys(closes(joined)["source_id"]))


@memoized
def bars_summary(base: date, start: date, end: date, tickers: tuple[str, ...], lang: str, joined: bool = False) -> dict:
    """What the page says around the drawdown bars, as plain values (worked out once per window; a
    toggle's full rerun redid it with pandas): the groups drawn, the chart's alt text, the sentence
    on the groups, the caption on companies whose low came after their own results ('' if none)."""
    bars = drawdown_view(base, start, end, tickers, lang, joined)
    name, med = names(lang), (lambda d: fmt_date(d, lang, "medium"))
    dates = dict(base=med(base), start=med(start), end=med(end))
    worst, flagged = bars.iloc[0], bars[bars["flagged"]]
    items = [t("stocks.flag_item", name=name[r.ticker], date=med(r.earnings_on)) for r in flagged.itertuples()]
    return {
        "groups": tuple(dict.fromkeys(bars["group"])),
        "alt": t(
            "stocks.bars_alt",
            count=len(bars),
            worst=name[worst["ticker"]],
            worst_move=change(worst["change"]).text(lang),
            **dates,
        ),
        "sentence": group_sentence(bars, load("companies"), name, lang, dates),
        "flagged": t("stocks.flag_caption", items=join(items, lang)) if items else "",
        "strip": strip_line(bars, name, lang),
    }


def strip_line(bars: pd.DataFrame, name: dict[str, str], lang: str) -> str:
    """The line under the window's controls (``ui.layout.line``): how many of the companies shown
    fell below the base close, and the largest fall. ``bars``: ``drawdown_view``, largest fall first."""
    moves = stocks.group_moves(bars[["ticker", "change"]], load("companies"))
    fell, count = sum(g.fell for g in moves), sum(g.count for g in moves)
    worst = bars.iloc[0]
    fields = dict(fell=fell, count=count, worst_name=name[worst["ticker"]], worst=change(worst["change"]).text(lang))
    return t("stocks.strip.fell" if fell else "stocks.strip.none", **fields)


@memoized
def index_view(
    base: date, tickers: tuple[str, ...], lang: str, joined: bool = False, until: date | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Lines (date, name, group, index, close) up to ``until`` (all when None) and the events to
    mark (date, title, who): every event that is not a company's results, and the results of the
    companies shown. A company with no close on the base draws no line."""
    prices, companies, events = closes(joined), load("companies"), load("events")
    name = names(lang)
    if until is not None:
        prices = prices[prices["date"] <= pd.Timestamp(until)]
    lines = stocks.index_to_base(prices, base, list(tickers)).dropna(subset=["index"])
    lines["name"] = lines["ticker"].map(name)
    lines["group"] = lines["ticker"].map(dict(zip(companies["ticker"], companies["group"])))
    who = events["tickers"].fillna("").str.split()
    mine = who.map(lambda tks: any(tk in tickers for tk in tks))
    ev = events[(events["kind"] != "earnings") | mine]
    shown_who = [join([name[tk] for tk in tks if tk in tickers], lang) for tks in who[ev.index]]
    ev = pd.DataFrame({"date": ev["date"], "title": ev[f"title_{lang}"], "who": shown_who, "label": event_labels(ev)})
    return lines, ev.reset_index(drop=True)


def event_labels(events: pd.DataFrame) -> list[str]:
    """The short names the index chart writes by a few events (``stocks.index.event_<date>`` in
    content: DeepSeek's releases); '' for the rest, named on hover."""
    keys = [f"stocks.index.event_{pd.Timestamp(d).date().isoformat()}" for d in events["date"]]
    return [label if (label := t(key)) != key else "" for key in keys]


def bar_rows(base: date, start: date, end: date, tickers: tuple[str, ...], lang: str, joined: bool = False) -> dict:
    """The drawdown chart's rows as Arrow tables (for ``ui.memo.cached``: made once per window)."""
    from ui.stocks_charts import drawdown_rows

    return arrow_rows(drawdown_rows(drawdown_view(base, start, end, tickers, lang, joined)))


def line_span(end: date, joined: bool = False) -> date:
    """The last day the index chart draws: the end of the article's data (``prices.csv``), or the
    window's end when it runs later (the default view stays the article's; a later window is drawn
    to its own end, not to the latest close)."""
    return max(end, trading_days(False)[-1]) if joined else trading_days(False)[-1]


def line_rows(
    base: date,
    start: date,
    end: date,
    shown: tuple[str, ...],
    lang: str,
    window_title: str,
    joined: bool = False,
    font: int = 13,
) -> dict:
    """The index chart's rows as Arrow tables (for ``ui.memo.cached``: made once per choice);
    ``font``: the chart font (the end labels are spaced for it)."""
    from ui.stocks_charts import index_rows

    lines, ev = index_view(base, shown, lang, joined, line_span(end, joined))
    return arrow_rows(index_rows(lines, ev, (start, end), window_title, font, lang))


@memoized
def recovery_arrow(
    base: date,
    start: date,
    end: date,
    tickers: tuple[str, ...],
    checkpoints: dict[str, date],
    lang: str,
    joined: bool = False,
) -> tuple:
    """``recovery_view`` with its table as the Arrow table ``st.dataframe`` would make of it."""
    from streamlit import dataframe_util

    table, config = recovery_view(base, start, end, tickers, checkpoints, lang, joined)
    return dataframe_util.convert_pandas_df_to_arrow_table(table), config


@memoized
def recovery_view(
    base: date,
    start: date,
    end: date,
    tickers: tuple[str, ...],
    checkpoints: dict[str, date],
    lang: str,
    joined: bool = False,
) -> tuple[pd.DataFrame, dict]:
    """The recovery table with translated headers, and its column settings: the fall in the window,
    the first close back at the base after the low, the change at each of ``checkpoints`` (days
    every company has a close on), and each company's change to its own latest close, with that
    day (a company is never dated past its own data)."""
    prices, companies = closes_from(base, tickers, joined), load("companies")
    rt = stocks.recovery_table(prices, base, start, end, checkpoints)
    rt = rt[rt["ticker"].isin(tickers)].sort_values("change")
    latest = since.since_base(prices, base, list(rt["ticker"]))
    last = last_closes(joined)
    med = lambda d: fmt_date(d, lang, "medium")  # noqa: E731
    back = [
        t("stocks.table.no_fall")
        if not fell
        else med(r)
        if r is not None
        else t("stocks.table.not_back", date=med(last[tk]))
        for tk, fell, r in zip(rt["ticker"], rt["fell"], rt["recovered_on"])
    ]
    cols = {k: t(f"stocks.table.{k}") for k in ("company", "group", "fall", "low_on", "back_on")}
    cols |= {k: t(f"since.stocks.table.{k}") for k in ("latest", "latest_on")}
    at = {k: t("stocks.table.change_at", date=med(d)) for k, d in checkpoints.items()}
    table = pd.DataFrame(
        {
            cols["company"]: rt["ticker"].map(names(lang)),
            cols["group"]: rt["ticker"].map(dict(zip(companies["ticker"], companies["group"]))).map(group_label),
            cols["fall"]: rt["change"] * 100,
            cols["low_on"]: [med(d) for d in rt["min_date"]],
            cols["back_on"]: back,
            **{at[k]: rt[k] * 100 for k in checkpoints},
            cols["latest"]: [latest[tk].change * 100 if tk in latest else None for tk in rt["ticker"]],
            cols["latest_on"]: [med(latest[tk].last_on) if tk in latest else "" for tk in rt["ticker"]],
        }
    )
    pct = "%+.1f%%"
    config = {
        cols["fall"]: st.column_config.NumberColumn(format=pct, help=t("stocks.table.fall_help")),
        cols["back_on"]: st.column_config.TextColumn(help=t("stocks.table.back_help")),
        **{at[k]: st.column_config.NumberColumn(format=pct) for k in checkpoints},
        cols["latest"]: st.column_config.NumberColumn(format=pct, help=t("since.stocks.table.latest_help")),
        cols["latest_on"]: st.column_config.TextColumn(help=t("since.stocks.table.latest_on_help")),
    }
    return table, config
