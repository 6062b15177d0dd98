"""What next: does efficiency shrink or grow the demand for AI infrastructure?"""

import pandas as pd
import streamlit as st

from core import capex, demand, headlines, stocks
from core.datasets import date_of, fact
from core.formatting import fmt_date, fmt_money, fmt_number, fmt_pct
from ui.capex_charts import plan_actual_chart, plan_actual_rows
from ui.charts import build, build_named, group_label, show
from ui.cite import source_line
from ui.data import require
from ui.demand_charts import curve_rows, spending_rows, spending_template
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.present import chart_font_size
from ui.process import fragment
from ui.stargate_view import Fmt, timeline_items

L = lang()
sources, facts, dates, capex_df, prices, companies, timeline = require(
    "sources", "facts", "dates", "capex", "prices", "companies", "stargate_timeline"
)
f = Fmt(L)
cost = headlines.cost_headline(facts)
marker_k = 1 / fact(facts, "article_cost_fraction_max")  # the article's "a tenth or less"
times = lambda v: f"{fmt_number(v, L, 2 if v < 10 else 0)}×"  # noqa: E731
day = lambda d: fmt_date(d, L)  # noqa: E731

st.title(t("next.title"))
st.markdown(
    prose(
        "next",
        "intro",
        shock=day(stocks.SHOCK_WINDOW[0]),
        nadella=day(date_of(dates, "nadella_jevons_post")),
        fraction=fmt_pct(fact(facts, "article_cost_fraction_max"), L, 0, False),
    )
)
st.caption(source_line(sources, "ARTICLE", "NADELLA-JEVONS"))

st.header(t("next.model.title"))
st.info(t("next.model.not_forecast"), icon=":material/psychology:")
st.markdown(prose("next", "model"))
st.latex(
    r"\begin{gathered} p = 1 - s\left(1 - \tfrac{1}{k}\right),\qquad Q = p^{-\varepsilon} \\ "
    r"C = \frac{Q}{k}\;\overset{s=1}{=}\;k^{\,\varepsilon-1} \end{gathered}"
)
st.markdown(prose("next", "formula"))


@fragment
def model_block() -> None:
    steps = demand.k_steps(marker_k)
    c1, c2, c3 = st.columns(3)
    k = c1.select_slider(
        t("next.ctl.k"),
        steps,
        marker_k,
        key="wn_k",
        bind="query-params",
        format_func=lambda v: f"{fmt_number(v, L, 1 if v < 2 else 0)}×",
        help=t("next.ctl.k_help", marker=times(marker_k)),
    )
    e = c2.slider(
        t("next.ctl.eps"),
        *demand.ELASTICITY_RANGE,
        1.0,
        0.05,
        key="wn_eps",
        bind="query-params",
        help=t("next.ctl.eps_help"),
    )
    s = c3.slider(
        t("next.ctl.share"),
        0,
        100,
        100,
        5,
        format="%d%%",
        key="wn_share",
        bind="query-params",
        help=t("next.ctl.share_help"),
    )
    k = demand.clamp(k if isinstance(k, (int, float)) else marker_k, demand.K_RANGE)
    e = demand.clamp(e, demand.ELASTICITY_RANGE)
    s = demand.clamp((s or 0) / 100, demand.PASS_THROUGH_RANGE)
    out = demand.outcome(k, e, s)
    m = st.columns(4)
    for col, name, value in zip(
        m, ("price", "usage", "compute", "bill"), (out.price, out.usage, out.compute, out.bill)
    ):
        moved = abs(value - 1) > 0.005
        col.metric(
            t(f"next.out.{name}"),
            times(value),
            fmt_pct(value - 1, L, 0) if moved else None,
            delta_color="off",
            delta_arrow="up" if value > 1 else "down",
            help=t(f"next.out.{name}_help"),
        )
    verdict = "grow" if out.compute > 1.005 else "shrink" if out.compute < 0.995 else "flat"
    even = demand.break_even_elasticity(k, s)
    st.markdown(
        t(
            f"next.verdict.{verdict}",
            k=times(k),
            eps=fmt_number(e, L, 2),
            compute=times(out.compute),
            usage=times(out.usage),
        )
    )
    st.caption(
        t("next.verdict.break_even", eps=fmt_number(even, L, 2))
        if even != float("inf")
        else t("next.verdict.no_break_even")
    )
    label = lambda v: t("next.chart.series", eps=fmt_number(v, L, 2))  # noqa: E731
    rows = curve_rows(list(demand.CURVE_ELASTICITIES), e, s, label)
    titles = {
        "x": t("next.chart.x"),
        "y": t("next.chart.y"),
        "series": t("next.chart.series_title"),
        "today": t("next.chart.today"),
        "marker": t("next.chart.marker", k=times(marker_k)),
    }

    def together(es):
        return t("next.chart.series", eps=("、" if L == "ja" else ", ").join(fmt_number(v, L, 2) for v in es))

    font = chart_font_size()  # line labels grow with the chart font in presenter view
    show(
        build_named(
            spending_template,
            spending_rows(rows, marker_k, (k, out.compute), titles["marker"], together, font),
            {k_: titles[k_] for k_ in ("x", "y", "series")},
            font,
            table="lines",
        ),
        t(
            "next.chart.alt",
            share=fmt_pct(s, L, 0, False),
            eps=fmt_number(e, L, 2),
            k=times(k),
            compute=times(out.compute),
        ),
        key="wn_chart",
        name="what-next-compute",
    )


model_block()

# ---- Evidence since --------------------------------------------------------------------------
st.header(t("next.evidence.title"))
article_date = stocks.ARTICLE_DATE
st.subheader(t("next.capex.title"))
st.markdown(prose("next", "capex", as_of=day(article_date)))
tickers = ["MSFT", "GOOGL", "AMZN", "META"]
names = {tk: t(f"next.company.{tk}") for tk in tickers}
plan = cached(capex.plan_vs_actual, capex_df, tickers, 2025, article_date)
unit = 1e8 if L == "ja" else 1e9
legend = {
    "reference": t("next.capex.legend_reference"),
    "plan": t("next.capex.legend_plan", as_of=day(article_date)),
    "actual": t("next.capex.legend_actual"),
}
reference = (t("next.capex.reference"), cost.stargate_per_year_usd)


def capex_rows(plan, names: dict, unit: float, lang: str, reference: tuple):
    return plan_actual_rows(plan, names, unit, lambda v: fmt_money(v, "USD", lang, 1), reference)


show(
    build(plan_actual_chart, cached(capex_rows, plan, names, unit, L, reference), t("next.capex.axis"), legend),
    t("next.capex.alt"),
    key="wn_capex_chart",
    name="what-next-capex",
)
later = [cached(capex.latest, capex_df, tk, 2026, "guidance") for tk in tickers]
later = [r for r in later if r is not None]
if later:
    parts = [
        t(
            "next.capex.later_item",
            company=names[r["ticker"]],
            amount=fmt_money(r["mid_usd"], "USD", L, 0)
            if r["low_usd"] == r["high_usd"]
            else f"{fmt_money(r['low_usd'], 'USD', L, 0)}–{fmt_money(r['high_usd'], 'USD', L, 0)}",
            date=day(r["stated_on"].date()),
        )
        for r in later
    ]
    st.markdown(t("next.capex.later", items=t("next.capex.sep").join(parts)))
st.caption(source_line(sources, "STARGATE-OAI", *plan["source_id"], *(r["source_id"] for r in later)))

st.subheader(t("next.stocks.title"))
days = cached(stocks.trading_days, prices)
win = stocks.resolve_window(stocks.ARTICLE_BASE_DATE, *stocks.SHOCK_WINDOW, days)
checks = {"article": stocks.snap_to_trading_day(min(article_date, days[-1]), days), "last": days[-1]}
rec = {
    name: cached(
        stocks.recovery_by_group,
        prices,
        companies,
        win.base,
        win.start,
        win.end,
        d,
        tickers=cached(stocks.chart_tickers, companies),
    )
    for name, d in checks.items()
}
st.markdown(prose("next", "stocks", base=day(win.base), article=day(checks["article"]), last=day(checks["last"])))
for g in ("gafam", "chips", "power"):
    if g in rec["last"]:
        a, z = rec["article"][g], rec["last"][g]
        st.markdown(
            t(
                "next.stocks.line",
                group=group_label(g),
                count=z.count,
                fell=a.fell,
                article=day(checks["article"]),
                recovered=a.recovered,
                median_a=fmt_pct(a.median_change_at_as_of, L, 0),
                last=day(checks["last"]),
                below=z.below_at_as_of,
                median_z=fmt_pct(z.median_change_at_as_of, L, 0),
            )
        )
st.caption(source_line(sources, "BT39", "SVE"))

st.subheader(t("next.r1.title"))
st.markdown(
    prose(
        "next",
        "r1",
        date=day(date_of(dates, "r1_rl_cost_reported")),
        cost=f.money(fact(facts, "r1_rl_cost_usd")),
        gpus=fmt_number(fact(facts, "r1_rl_gpus"), L),
        hours=fmt_number(fact(facts, "r1_rl_hours"), L),
        v3=f.money(cost.v3_cost_usd, 3),
    )
)
st.caption(source_line(sources, "R1-RL-COST", "V3R"))

st.subheader(t("next.stargate.title"))
st.markdown(prose("next", "stargate"))


def timeline_after(timeline: pd.DataFrame, after, fmt: Fmt):
    return timeline_items(timeline[timeline["date"] > pd.Timestamp(after)], fmt)


for text, ids in cached(timeline_after, timeline, article_date, f):
    st.markdown(text)
    st.caption(source_line(sources, *ids))

st.header(t("next.close.title"))
st.markdown(prose("next", "close"))
