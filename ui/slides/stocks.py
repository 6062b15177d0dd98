"""The stock reaction's tour steps, rendered from the same figures as Home and the stock page
(``core.headlines.market_figures``, ``nvda_record_day``) with the page's bar chart."""

from __future__ import annotations

from core import headlines, stocks
from ui.charts import styled
from ui.cite import source_line
from ui.data import load
from ui.slides.base import Slide, _fit, _t


def _shock(lang: str, dark: bool) -> Slide:
    facts, dates, events, prices, sources = (
        load("facts"),
        load("dates"),
        load("events"),
        load("prices"),
        load("sources"),
    )
    story, nvda = headlines.story_figures(facts, dates), headlines.nvda_record_day(prices, events, facts)
    s, n = story.texts(lang, "r1_release", "cost_fraction"), nvda.texts(lang)
    f = dict(
        r1=s["r1_release"],
        day=n["nvda_day"],
        fraction=s["cost_fraction"],
        loss=n["nvda_value_lost"],
        move=n["nvda_one_day"],
        prev=n["nvda_prev_day"],
    )
    return Slide(
        _t("shock", "heading", **f),
        _t("shock", "sentence", **f),
        _t("shock", "note", **f),
        _t("shock", "alt", **f),
        source_line(sources, *story.sources("r1_release", "cost_fraction"), *nvda.sources("nvda_value_lost")),
        figure=(_t("shock", "figure_label", **f), f["loss"], (_t("shock", "figure_detail", **f),)),
    )


def _who_fell(lang: str, dark: bool) -> Slide:
    from ui import stocks_view as view
    from ui.stocks_charts import drawdown_bars

    prices, companies, dates, sources = load("prices"), load("companies"), load("dates"), load("sources")
    market = headlines.market_figures(prices, companies, dates)
    shock = stocks.shock_dates(dates)
    bars = view.drawdown_view(shock.base, shock.start, shock.end, tuple(stocks.chart_tickers(companies)), lang)
    m, power = market.figs.texts(lang), market.groups["power"]
    name = view.names(lang)
    f = dict(
        base=m["base"],
        start=m["shock_start"],
        end=m["shock_end"],
        article=m["article_date"],
        gafam=m["gafam_largest_fall"],
        nvda=name["NVDA"],
        nvda_move=m["nvda_drawdown"],
        avgo=name["AVGO"],
        avgo_move=m["avgo_drawdown"],
        power=m["power_median"],
        power_count=m["power_count"],
        worst=m["power_worst"],
        worst_name=name[power.worst_ticker],
        count=len(bars),
        held=view.held_sentence(market, "gafam", lang),
        gafam_at_article=view.at_article_sentence(market, "gafam", lang),
        power_at_article=view.at_article_sentence(market, "power", lang),
    )
    return Slide(
        _t("who_fell", "heading"),
        _t("who_fell", "sentence", **f),
        _t("who_fell", "note", **f),
        _t("who_fell", "alt", **f),
        source_line(sources, *market.figs.sources(), "SVE"),
        chart=_fit(styled(drawdown_bars(bars, view.bar_titles())), "rows"),
    )
