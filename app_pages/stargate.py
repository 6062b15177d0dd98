"""Stargate: USD 500 billion over four years, in GPUs, gigawatts and training runs."""

import streamlit as st

from core import capex, headlines, stargate
from core.datasets import date_of, fact
from core.formatting import fmt_date, fmt_number, fmt_pct
from core.hardware import GPU_ORDER, gpu_spec
from ui import pages
from ui.capex_charts import plan_actual_chart, plan_actual_rows
from ui.charts import build, build_named, show
from ui.cite import source_line
from ui.data import require
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.process import fragment
from ui.stargate_charts import labelled_rows, labelled_template, spending_template, year_rows
from ui.stargate_view import Fmt, comparison_rows, gpu_choices, spending_rows, timeline_items
from ui.state import url_choice

L = lang()
sources, facts, dates, gpus, timeline, capex_df = require(
    "sources", "facts", "dates", "gpus", "stargate_timeline", "capex"
)
f = Fmt(L)
cost = headlines.cost_headline(facts)
budget, years = cost.stargate_usd, int(cost.stargate_years)
initial = fact(facts, "stargate_initial_usd")
announced = date_of(dates, "stargate_announced")
article_date = sources.loc[sources["source_id"] == "ARTICLE", "date"].iloc[0].date()

st.title(t("stargate.title"))
st.markdown(
    prose(
        "stargate",
        "intro",
        date=fmt_date(announced, L),
        budget=f.money(budget),
        years=fmt_number(years, L),
        initial=f.money(initial),
        per_year=f.money(budget / years),
    )
)

st.header(t("stargate.timeline.title"))
for text, ids in cached(timeline_items, timeline, f):
    st.markdown(text)
    st.caption(source_line(sources, *ids))

# ---- What the budget buys ------------------------------------------------------------------
offered, unpriced = gpu_choices(gpus, GPU_ORDER)
h100_tdp = gpu_spec(gpus, "H100", "tdp_w")
default_multiple = round(stargate.dgx_server_multiple(facts, h100_tdp), 2)
default_share = round(
    100 * stargate.compute_share(fact(facts, "bernstein_rack_compute_usd"), fact(facts, "bernstein_rack_infra_usd"))
)
pue_avg, pue_new = fact(facts, "pue_industry_average_2023"), fact(facts, "pue_new_large_builds")
kwh_default = round(100 * fact(facts, "us_industrial_electricity_usd_per_kwh_2023"), 2)


@fragment
def what_it_buys() -> None:
    st.header(t("stargate.buys.title"))
    st.markdown(prose("stargate", "buys", budget=f.money(budget)))
    c1, c2 = st.columns(2)
    with c1:
        profile = url_choice(
            st.segmented_control,
            t("stargate.ctl.profile"),
            stargate.PROFILES,
            "front",
            "sg_profile",
            lambda p: t(f"stargate.profile.{p}", initial=f.money(initial)),
            help=t("stargate.ctl.profile_help", initial=f.money(initial)),
        )
        gpu = st.segmented_control(
            t("stargate.ctl.gpu"),
            offered,
            default="H100" if "H100" in offered else offered[0],
            required=True,
            key="sg_gpu",
            bind="query-params",
            help=t("stargate.ctl.gpu_help", missing=", ".join(unpriced) or "—"),
        )
        share = st.slider(
            t("stargate.ctl.share"),
            5,
            100,
            default_share,
            1,
            format="%d%%",
            key="sg_share",
            bind="query-params",
            help=t("stargate.ctl.share_help", share=f"{default_share}%"),
        )
    with c2:
        multiple = st.slider(
            t("stargate.ctl.server"),
            1.0,
            3.0,
            default_multiple,
            0.01,
            key="sg_server",
            bind="query-params",
            help=t(
                "stargate.ctl.server_help",
                x=fmt_number(default_multiple, L, 2),
                gpus=fmt_number(fact(facts, "dgx_h100_gpus_per_server"), L),
            ),
        )
        pue = st.slider(
            t("stargate.ctl.pue"),
            1.0,
            2.5,
            pue_avg,
            0.01,
            key="sg_pue",
            bind="query-params",
            help=t("stargate.ctl.pue_help", avg=fmt_number(pue_avg, L, 2), new=fmt_number(pue_new, L, 2)),
        )
        cents = st.slider(
            t("stargate.ctl.kwh"),
            1.0,
            30.0,
            kwh_default,
            0.01,
            format="%.2f",
            key="sg_kwh",
            bind="query-params",
            help=t("stargate.ctl.kwh_help", price=fmt_number(kwh_default, L, 2)),
        )
    gpu = gpu if gpu in offered else offered[0]
    price, tdp = gpu_spec(gpus, gpu, "purchase_usd"), gpu_spec(gpus, gpu, "tdp_w")
    inputs = stargate.BudgetInputs(
        budget, years, share / 100, price, tdp, multiple, pue, cents / 100, profile, initial, announced.year
    )
    try:
        out = stargate.budget_outcome(inputs)
    except ValueError:
        st.warning(t("stargate.buys.fallback"))
        out = stargate.budget_outcome(
            stargate.BudgetInputs(
                budget, years, default_share / 100, price, tdp, default_multiple, pue_avg, kwh_default / 100
            )
        )
    us_twh, na_gw = fact(facts, "us_datacentre_twh_2023"), fact(facts, "na_datacentre_capacity_gw_2024")
    m = st.columns(4)
    m[0].metric(
        t("stargate.out.gpus", gpu=gpu),
        f.count(out.gpus),
        help=t("stargate.out.gpus_help", price=f.money(price, 1), gpu=gpu),
    )
    m[1].metric(t("stargate.out.gw"), f.gw(out.gw), help=t("stargate.out.gw_help", w=fmt_number(out.watts_per_gpu, L)))
    m[2].metric(t("stargate.out.twh"), f.twh(out.twh_per_year), help=t("stargate.out.twh_help"))
    m[3].metric(
        t("stargate.out.cost"),
        f.money(out.electricity_usd_per_year, 0 if L == "ja" else 1),
        help=t("stargate.out.cost_help"),
    )
    st.markdown(
        t(
            "stargate.out.takeaway",
            gw=f.gw(out.gw),
            na=f.gw(na_gw),
            na_share=fmt_pct(out.gw / na_gw, L, 0, False),
            twh=f.twh(out.twh_per_year),
            us=f.twh(us_twh),
            us_share=fmt_pct(out.twh_per_year / us_twh, L, 0, False),
            plants=fmt_number(out.gw / fact(facts, "nuclear_plant_avg_gw"), L),
        )
    )
    rows = comparison_rows(out.gw, budget, facts, timeline, f)
    kind_labels = {k: t(f"stargate.kind.{k}") for k in ("model", "plan", "check", "benchmark")}
    show(
        build_named(
            labelled_template,
            labelled_rows(rows, kind_labels),
            tuple(dict.fromkeys(rows["kind"])),
            t("stargate.chart.gw_axis"),
            t("stargate.chart.kind"),
            kind_labels,
        ),
        t("stargate.chart.gw_alt", gw=f.gw(out.gw)),
        key="sg_gw_chart",
    )
    with st.expander(t("stargate.buys.sources")):
        st.caption(
            source_line(
                sources,
                "STARGATE-OAI",
                gpu_source(gpu),
                "DGX-POWER",
                "UPTIME-PUE",
                "UPTIME-NEW",
                "EIA-PRICE",
                "BERNSTEIN-GW",
                "EPOCH-DC-COST",
                "SG-ABILENE",
                "SG-DEEPVIEW-SEP",
                "GS-NA-GW",
                "DOE-NUCLEAR",
                "LBNL-DC",
            )
        )
    st.subheader(t("stargate.spend.title"))
    unit = 1e8 if L == "ja" else 1e9  # 億ドル / USD billion, as the axis title says
    labels = {"gpu": t("stargate.spend.gpu"), "other": t("stargate.spend.other"), "gw": t("stargate.spend.gw")}
    show(
        build_named(
            spending_template,
            year_rows(spending_rows(out.by_year, unit, f), labels),
            labels,
            t("stargate.spend.axis"),
            t("stargate.spend.year"),
            table="years",
        ),
        t("stargate.spend.alt", profile=t(f"stargate.profile.{profile}", initial=f.money(initial)), gw=f.gw(out.gw)),
        key="sg_spend_chart",
    )
    st.caption(t("stargate.spend.caption"))


def gpu_source(gpu: str) -> str:
    return cached(_gpu_source, gpus, gpu)


def _gpu_source(gpus, gpu: str) -> str:
    row = gpus.loc[(gpus["gpu"] == gpu) & (gpus["spec"] == "purchase_usd"), "source_id"]
    return str(row.iloc[0]) if not row.empty else "EPH"


what_it_buys()

# ---- Scale vs efficiency: the budget in training runs ----------------------------------------
st.header(t("stargate.runs.title"))
st.markdown(
    prose("stargate", "runs", v3_cost=f.money(cost.v3_cost_usd, 3), gpt4o=f.money(cost.gpt4o_cost_estimate_usd))
)


@fragment
def runs_block() -> None:
    own = st.number_input(
        t("stargate.runs.own"),
        min_value=0.01,
        max_value=1_000_000.0,
        value=None,
        step=1.0,
        key="sg_run_musd",
        bind="query-params",
        placeholder=t("stargate.runs.own_placeholder"),
        help=t("stargate.runs.own_help"),
    )
    runs = stargate.runs_of(
        budget, {"v3": cost.v3_cost_usd, "gpt4o": cost.gpt4o_cost_estimate_usd, "own": own * 1e6 if own else None}
    )
    cols = st.columns(3)
    cols[0].metric(
        t("stargate.runs.v3"),
        f.count(runs["v3"]),
        help=t("stargate.runs.v3_help", price=f.money(cost.v3_price_usd_per_gpu_hour)),
    )
    cols[1].metric(t("stargate.runs.gpt4o"), f.count(runs["gpt4o"]), help=t("stargate.runs.gpt4o_help"))
    if "own" in runs:
        cols[2].metric(t("stargate.runs.own_label", cost=f.money(own * 1e6, 1)), f.count(runs["own"]))
    else:
        cols[2].caption(t("stargate.runs.own_empty"))
    st.caption(source_line(sources, "V3R", "ARTICLE", "STARGATE-OAI"))
    pages.link("scenarios", label=t("stargate.runs.scenarios_link"))


runs_block()

# ---- Context: the hyperscalers' own plans -----------------------------------------------------
st.header(t("stargate.capex.title"))
st.markdown(prose("stargate", "capex", per_year=f.money(budget / years), as_of=fmt_date(article_date, L)))
plan = cached(capex.plan_vs_actual, capex_df, ["MSFT", "GOOGL", "AMZN", "META"], announced.year, article_date)
unit = 1e8 if L == "ja" else 1e9
names = {tk: t(f"stargate.company.{tk}") for tk in ("MSFT", "GOOGL", "AMZN", "META")}


def capex_rows(plan, names: dict, unit: float, lang: str, reference: tuple):
    return plan_actual_rows(plan, names, unit, lambda v: Fmt(lang).money(v, 1), reference=reference)


rows = cached(capex_rows, plan, names, unit, L, (t("stargate.capex.reference"), budget / years))
legend = {k: t(f"stargate.capex.legend_{k}") for k in ("reference", "plan", "actual")}
show(build(plan_actual_chart, rows, t("stargate.spend.axis"), legend), t("stargate.capex.alt"), key="sg_capex_chart")
st.caption(t("stargate.capex.caption"))
st.caption(source_line(sources, "STARGATE-OAI", *plan["source_id"]))
st.markdown(prose("stargate", "takeaway"))
