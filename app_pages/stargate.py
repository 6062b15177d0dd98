"""Stargate: USD 500 billion over four years, in GPUs, gigawatts and training runs."""

import streamlit as st

from core import capex, stargate
from ui import layout, pages
from ui.capex_charts import capex_chart
from ui.charts import Export, build, build_named, show
from ui.cite import data_date, source_line
from ui.data import require
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.present import lead
from ui.process import fragment
from ui.stargate_charts import labelled_rows, labelled_template, spending_template, year_rows
from ui.stargate_view import CONTROL_COLUMNS, METRIC_COLUMNS, RUN_COLUMNS, power_rows, timeline_items, year_columns
from ui.state import url_choice

L = lang()
sources, facts, dates, gpus, timeline, capex_df, companies = require(
    "sources", "facts", "dates", "gpus", "stargate_timeline", "capex", "companies"
)
figs = cached(stargate.figures, facts, dates, gpus)
f = figs.texts(L)

layout.style()  # results beside the controls on wide screens, a result strip on phones (ui/layout.py)
st.title(t("stargate.title"))
st.markdown(
    prose(
        "stargate",
        "intro",
        date=f["announced"],
        budget=f["stargate_budget"],
        years=f["stargate_years"],
        initial=f["stargate_initial"],
        per_year=f["stargate_per_year"],
    )
)

st.header(t("stargate.timeline.title"))
for text, ids in cached(timeline_items, cached(stargate.timeline_figures, timeline), L):
    st.markdown(text)
    st.caption(source_line(sources, *ids))

# ---- What the budget buys ------------------------------------------------------------------
offered, unpriced = stargate.gpu_choices(gpus)
defaults = stargate.defaults(facts, gpus)
profile_label = lambda p: t(f"stargate.profile.{p}", initial=f["stargate_initial"])  # noqa: E731


@fragment
def what_it_buys() -> None:
    with layout.block():  # the strip stays in view down to the end of this block, no further
        st.header(t("stargate.buys.title"))
        st.markdown(prose("stargate", "buys", budget=f["stargate_budget"]))
        strip = layout.strip("sg")  # a phone's view of the results, filled once they are known
        left, right = st.columns(CONTROL_COLUMNS, gap="medium")  # the controls | what they buy
        with left:
            gpu = st.segmented_control(
                t("stargate.ctl.gpu"),
                offered,
                default=stargate.default_gpu(offered),
                required=True,
                key="sg_gpu",
                bind="query-params",
                help=t("stargate.ctl.gpu_help", missing=", ".join(unpriced) or "—"),
            )
            share = st.slider(
                t("stargate.ctl.share"),
                stargate.SHARE_PCT.lo,
                stargate.SHARE_PCT.hi,
                defaults.share_pct,
                stargate.SHARE_PCT.step,
                format="%d%%",
                key="sg_share",
                bind="query-params",
                help=t("stargate.ctl.share_help", share=f["default_share"]),
            )
            multiple = st.slider(
                t("stargate.ctl.server"),
                stargate.SERVER_MULTIPLE.lo,
                stargate.SERVER_MULTIPLE.hi,
                defaults.server_multiple,
                stargate.SERVER_MULTIPLE.step,
                key="sg_server",
                bind="query-params",
                help=t("stargate.ctl.server_help", x=f["default_server"], gpus=f["gpus_per_server"]),
            )
            pue = st.slider(
                t("stargate.ctl.pue"),
                stargate.PUE_RANGE.lo,
                stargate.PUE_RANGE.hi,
                defaults.pue,
                stargate.PUE_RANGE.step,
                key="sg_pue",
                bind="query-params",
                help=t("stargate.ctl.pue_help", avg=f["pue_avg"], new=f["pue_new"]),
            )
            cents = st.slider(
                t("stargate.ctl.kwh"),
                stargate.KWH_CENTS.lo,
                stargate.KWH_CENTS.hi,
                defaults.kwh_cents,
                stargate.KWH_CENTS.step,
                format="%.2f",
                key="sg_kwh",
                bind="query-params",
                help=t("stargate.ctl.kwh_help", price=f["kwh_cents"]),
            )
        power = st.container()  # the power chart, under the row, drawn once the figures are known
        # the spending profile changes only the years' split: its control sits over the chart it drives
        st.subheader(t("stargate.spend.title"))
        profile = url_choice(
            st.segmented_control,
            t("stargate.ctl.profile"),
            stargate.PROFILES,
            stargate.DEFAULT_PROFILE,
            "sg_profile",
            profile_label,
            help=t("stargate.ctl.profile_help", initial=f["stargate_initial"]),
        )
        choices = stargate.Choices(profile, gpu, share, multiple, pue, cents)
        out = cached(stargate.budget_figures, facts, gpus, dates, timeline, choices)
        b = out.figs.texts(L)
        strip.markdown(t("stargate.strip.figures", gpu=out.gpu, **b))
        with right, layout.results("sg"):
            if out.fallback:
                st.warning(t("stargate.buys.fallback"))
            metrics = (
                (
                    t("stargate.out.gpus", gpu=out.gpu),
                    b["gpus"],
                    t("stargate.out.gpus_help", price=b["gpu_price"], gpu=out.gpu),
                ),
                (t("stargate.out.gw"), b["gw"], t("stargate.out.gw_help", w=b["watts"])),
                (t("stargate.out.twh"), b["twh"], t("stargate.out.twh_help")),
                (t("stargate.out.cost"), b["electricity"], t("stargate.out.cost_help")),
            )
            for row in (metrics[:METRIC_COLUMNS], metrics[METRIC_COLUMNS:]):  # two by two, in reading order
                for col, (label, value, help_text) in zip(st.columns(METRIC_COLUMNS), row):
                    col.metric(label, value, help=help_text)
            st.markdown(t("stargate.out.takeaway", **b))
        kind_labels = {k: t(f"stargate.kind.{k}") for k in ("model", "plan", "check", "benchmark")}
        with power:
            show(
                build_named(
                    labelled_template,
                    labelled_rows(power_rows(out.bars, L), kind_labels),
                    tuple(dict.fromkeys(bar.kind for bar in out.bars)),
                    t("stargate.chart.gw_axis"),
                    t("stargate.chart.kind"),
                    kind_labels,
                ),
                t("stargate.chart.gw_alt", gw=b["gw"]),
                key="sg_gw_chart",
                export=Export(
                    "stargate",
                    "power",
                    t("stargate.buys.title"),
                    source_line(sources, *out.sources(), *figs.sources(*stargate.DEFAULT_FIGURES)),
                    data_date(sources, *out.sources(), *figs.sources(*stargate.DEFAULT_FIGURES), lang=L),
                    {"label": "item", "kind_label": "kind", "value": "gigawatts"},
                ),
            )
            with st.expander(t("stargate.buys.sources")):
                st.caption(source_line(sources, *out.sources(), *figs.sources(*stargate.DEFAULT_FIGURES)))
        labels = {"gpu": t("stargate.spend.gpu"), "other": t("stargate.spend.other"), "gw": t("stargate.spend.gw")}
        show(
            build_named(
                spending_template,
                year_rows(year_columns(out.years, L), labels),
                labels,
                t("stargate.spend.axis"),
                t("stargate.spend.year"),
                table="years",
            ),
            t("stargate.spend.alt", profile=profile_label(out.profile), gw=b["gw"]),
            key="sg_spend_chart",
            export=Export(
                "stargate",
                "years",
                t("stargate.spend.title"),
                source_line(sources, *out.sources()),
                data_date(sources, *out.sources(), lang=L),
                {
                    "year": "year",
                    "gpu_amount": "gpus_and_servers",
                    "other_amount": "everything_else",
                    "gw_text": "power",
                },
            ),
        )
        st.caption(t("stargate.spend.caption"))


what_it_buys()

# ---- Scale vs efficiency: the budget in training runs ----------------------------------------
st.header(t("stargate.runs.title"))
st.markdown(prose("stargate", "runs", v3_cost=f["v3_cost"], gpt4o=f["gpt4o_cost"]))


@fragment
def runs_block() -> None:
    own = st.number_input(
        t("stargate.runs.own"),
        min_value=stargate.RUN_MUSD.lo,
        max_value=stargate.RUN_MUSD.hi,
        value=None,
        step=stargate.RUN_MUSD.step,
        key="sg_run_musd",
        bind="query-params",
        placeholder=t("stargate.runs.own_placeholder"),
        help=t("stargate.runs.own_help"),
    )
    runs = cached(stargate.run_figures, facts, own)
    r = runs.texts(L)
    v3_col, gpt4o_col, own_col = st.columns(RUN_COLUMNS)
    v3_col.metric(t("stargate.runs.v3"), r["v3_runs"], help=t("stargate.runs.v3_help", price=r["v3_price"]))
    gpt4o_col.metric(t("stargate.runs.gpt4o"), r["gpt4o_runs"], help=t("stargate.runs.gpt4o_help"))
    if "own_runs" in runs:
        own_col.metric(t("stargate.runs.own_label", cost=r["own_cost"]), r["own_runs"])
    else:
        own_col.caption(t("stargate.runs.own_empty"))
    st.caption(source_line(sources, *runs.sources("v3_runs", "gpt4o_runs")))
    pages.link("scenarios", label=t("stargate.runs.scenarios_link"))


runs_block()

# ---- Context: the hyperscalers' own plans -----------------------------------------------------
plans = cached(capex.capex_figures, capex_df, companies, facts, dates, sources)
with lead():  # the page's key chart: first under the title in presenter view (ui/present.py)
    st.header(t("stargate.capex.title"))
    show(
        build(capex_chart, plans, L),
        t("stargate.capex.alt", year=plans.year, as_of=plans.as_of.text(L)),
        key="sg_capex_chart",
        export=Export(
            "stargate",
            "capex",
            t("stargate.capex.title"),
            source_line(sources, *plans.sources()),
            plans.as_of.text(L),
            {
                "label": "item",
                "bar_kind": "kind",
                "plan_low": "plan_low",
                "plan_mid": "plan",
                "plan_high": "plan_high",
                "actual": "reported",
            },
        ),
    )
st.markdown(prose("stargate", "capex", per_year=f["stargate_per_year"], as_of=plans.as_of.text(L)))
st.caption(t("stargate.capex.caption"))
st.caption(source_line(sources, *plans.sources()))
st.markdown(prose("stargate", "takeaway"))
