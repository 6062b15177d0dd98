"""The stock reaction's tour steps: slides built from the page's data and models."""

from __future__ import annotations

from core import headlines, stocks
from core.datasets import date_of, fact
from core.formatting import fmt_date, fmt_pct
from ui.charts import styled
from ui.cite import source_line
from ui.data import load
from ui.slides.base import Slide, _fit, _t, _usd


def _shock(lang: str, dark: bool) -> Slide:
    facts, dates, events, prices, sources = (
        load("facts"),
        load("dates"),
        load("events"),
        load("prices"),
        load("sources"),
    )
    nvda = events.loc[events["source_id"] == "EV-NVDA-0127"].iloc[0]
    day = nvda["date"].date()
    days = stocks.trading_days(prices)
    prev = days[days.index(day) - 1]
    f = dict(
        r1=fmt_date(date_of(dates, "r1_release"), lang),
        day=fmt_date(day, lang),
        fraction=fmt_pct(fact(facts, "article_cost_fraction_max"), lang, 0, signed=False),
        loss=_usd(fact(facts, "nvda_market_value_loss_usd_2025_01_27"), lang),
        move=fmt_pct(stocks.change_at(prices, prev, day)["NVDA"], lang),
        prev=fmt_date(prev, lang),
    )
    return Slide(
        _t("shock", "heading", **f),
        _t("shock", "sentence", **f),
        _t("shock", "note", **f),
        _t("shock", "alt", **f),
        source_line(sources, "R1G", "ARTICLE", "EV-NVDA-0127"),
        figure=(_t("shock", "figure_label", **f), f["loss"], (_t("shock", "figure_detail", **f),)),
    )


def _who_fell(lang: str, dark: bool) -> Slide:
    from ui import stocks_view as view
    from ui.stocks_charts import drawdown_bars

    prices, companies, sources = load("prices"), load("companies"), load("sources")
    base, start, end = stocks.ARTICLE_BASE_DATE, *stocks.SHOCK_WINDOW
    bars = view.drawdown_view(base, start, end, tuple(stocks.chart_tickers(companies)), lang)
    moves = headlines.market_headline(prices, companies)
    name = dict(zip(companies["ticker"], companies[f"name_{lang}"]))
    chg = {tk: c for g in moves.values() for tk, c in g.changes}
    f = dict(
        base=fmt_date(base, lang),
        start=fmt_date(start, lang, "medium"),
        end=fmt_date(end, lang, "medium"),
        gafam=fmt_pct(min(moves["gafam"].worst, 0.0), lang),
        nvda=name["NVDA"],
        nvda_move=fmt_pct(chg["NVDA"], lang),
        avgo=name["AVGO"],
        avgo_move=fmt_pct(chg["AVGO"], lang),
        power=fmt_pct(moves["power"].median, lang),
        power_count=moves["power"].count,
        worst=fmt_pct(moves["power"].worst, lang),
        worst_name=name[moves["power"].worst_ticker],
        count=len(bars),
    )
    return Slide(
        _t("who_fell", "heading"),
        _t("who_fell", "sentence", **f),
        _t("who_fell", "note", **f),
        _t("who_fell", "alt", **f),
        source_line(sources, *prices["source_id"].unique(), "SVE"),
        chart=_fit(styled(drawdown_bars(bars, view.bar_titles())), "rows"),
    )
