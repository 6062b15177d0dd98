"""Home: the thesis in our own words and the headline figures, each computed from data."""

import streamlit as st

from core import headlines, stocks, talk
from core.datasets import date_of, fact
from core.formatting import fmt_compact, fmt_date, fmt_money, fmt_number, fmt_pct, fmt_ratio
from ui import pages
from ui.cards import figure_card
from ui.cite import source_line
from ui.data import require
from ui.i18n import lang, prose, t
from ui.memo import cached

L = lang()
sources, facts, dates = require("sources", "facts", "dates")
cost = headlines.cost_headline(facts)
article_date = sources.loc[sources["source_id"] == "ARTICLE", "date"].iloc[0].date()

st.title(t("home.title"))
st.subheader(t("home.subtitle"), divider="gray")
st.markdown(prose("home", "intro"))
pages.link("talk", label=t("home.tour", count=talk.COUNT))

st.header(t("home.figures"))
c1, c2 = st.columns(2)
with c1:
    figure_card(
        t("home.v3.label"),
        fmt_money(cost.v3_cost_usd, "USD", L, 3),
        help=t("home.v3.help"),
        lines=(
            t(
                "home.v3.detail",
                gpu_hours=fmt_compact(cost.v3_gpu_hours, L, 3),
                price=fmt_money(cost.v3_price_usd_per_gpu_hour, "USD", L, 2),
                gpt4o=fmt_money(cost.gpt4o_cost_estimate_usd, "USD", L, 0),
                ratio=fmt_ratio(cost.gpt4o_to_v3, L),
            ),
            t("home.v3.caveat"),
        ),
        source=source_line(sources, "V3R", "ARTICLE"),
        page_id="deepseek",
    )
with c2:
    figure_card(
        t("home.stargate.label"),
        fmt_money(cost.stargate_usd, "USD", L, 0),
        help=t("home.stargate.help"),
        lines=(
            t(
                "home.stargate.detail",
                years=fmt_number(cost.stargate_years, L),
                per_year=fmt_money(cost.stargate_per_year_usd, "USD", L, 0),
                initial=fmt_money(fact(facts, "stargate_initial_usd"), "USD", L, 0),
            ),
        ),
        source=source_line(sources, "STARGATE-OAI"),
        page_id="stargate",
    )

prices, companies = require("prices", "companies")
moves = cached(headlines.market_headline, prices, companies)
name = dict(zip(companies["ticker"], companies[f"name_{L}"]))
window = dict(
    base=fmt_date(stocks.ARTICLE_BASE_DATE, L, "medium"),
    start=fmt_date(stocks.SHOCK_WINDOW[0], L, "medium"),
    end=fmt_date(stocks.SHOCK_WINDOW[1], L, "medium"),
)


def price_source_ids(prices, tickers: tuple[str, ...]) -> list[str]:
    return list(prices.loc[prices["ticker"].isin(tickers), "source_id"].unique())


def price_sources(*tickers: str) -> str:
    return source_line(sources, *cached(price_source_ids, prices, tickers))


chg = {tk: c for g in moves.values() for tk, c in g.changes}
m1, m2, m3 = st.columns(3)
with m1:
    figure_card(
        t("home.chips.label", name=name["NVDA"]),
        fmt_pct(chg["NVDA"], L),
        lines=(t("home.chips.detail", name2=name["AVGO"], move2=fmt_pct(chg["AVGO"], L), **window),),
        source=price_sources("NVDA", "AVGO"),
        page_id="stocks",
    )
with m2:
    power = moves["power"]
    figure_card(
        t("home.power.label"),
        fmt_pct(power.median, L),
        lines=(
            t(
                "home.power.detail",
                count=power.count,
                best=fmt_pct(power.best, L),
                best_name=name[power.best_ticker],
                worst=fmt_pct(power.worst, L),
                worst_name=name[power.worst_ticker],
            ),
        ),
        source=price_sources(*power.tickers),
        page_id="stocks",
    )
with m3:
    gafam = moves["gafam"]
    fallers = [f"{name[tk]} {fmt_pct(c, L)}" for tk, c in sorted(gafam.changes, key=lambda x: x[1]) if c < 0]
    others = [name[tk] for tk, c in gafam.changes if c >= 0]
    sep = "、" if L == "ja" else ", "
    detail = (
        t("home.gafam.detail", fallers=sep.join(fallers), others=sep.join(others), base=window["base"])
        if others
        else t("home.gafam.detail_all_fell", fallers=sep.join(fallers))
    )
    figure_card(
        t("home.gafam.label"),
        fmt_pct(min(gafam.worst, 0.0), L),
        lines=(detail,),
        source=price_sources(*gafam.tickers),
        page_id="stocks",
    )

st.header(t("home.how"))
st.markdown(
    prose(
        "home",
        "argument",
        r1_date=fmt_date(date_of(dates, "r1_release"), L),
        selloff_date=fmt_date(stocks.SHOCK_WINDOW[0], L),
        stargate_date=fmt_date(date_of(dates, "stargate_announced"), L),
        budget=fmt_money(cost.stargate_usd, "USD", L, 0),
        years=fmt_number(cost.stargate_years, L),
        gpus=fmt_number(fact(facts, "v3_cluster_gpus"), L),
        v3_cost=fmt_money(cost.v3_cost_usd, "USD", L, 3),
    )
)
st.caption(prose("home", "credit", article_date=fmt_date(article_date, L)))
