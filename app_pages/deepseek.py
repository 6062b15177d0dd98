"""DeepSeek's efficiency: the V3 report's bill recomputed, what it leaves out, the peers, why it was
cheap, and how the models score."""

import streamlit as st

from core import deepseek as ds
from ui import deepseek_charts as charts
from ui import deepseek_view as view
from ui import layout
from ui.charts import Export, build_named, chart_dark, show
from ui.cite import data_date, source_line
from ui.data import require
from ui.i18n import lang, prose, t
from ui.memo import arrow_frame, cached
from ui.present import lead, section_header
from ui.process import fragment

L = lang()
layout.style()  # each control beside the figure it moves (ui/layout.py)
DARK = chart_dark()  # the background the charts are drawn for (light in presenter view)
sources, facts, gpus, peers, bench, bench_r1, models = require(
    "sources", "facts", "gpus", "peer_costs", "benchmarks_v3", "benchmarks_r1", "benchmark_models"
)
# The figures at the report's settings (the intro, the takeaway, the controls' defaults). The figure
# models are called directly: computing them costs less than a cache's key and copy.
REPORT = ds.bill_figures(facts)
WORDS = REPORT.texts(L)
REPORT_PRICE, IMPLIED_FX = REPORT["v3_price"].number, REPORT["fx_implied"].number

st.title(t("deepseek.title"))
st.markdown(prose("deepseek", "intro", **WORDS))


@fragment
def costs() -> None:
    st.header(t("deepseek.bill.title"))
    st.markdown(prose("deepseek", "bill"))
    # each control beside the figure it moves (a phone stacks them in that order): the price and the
    # bill in dollars, the exchange rate and the bill in yen
    price_col, total_col = st.columns(view.PAIR, gap="medium")
    fx_col, yen_col = st.columns(view.PAIR, gap="medium")
    price = ds.clamp(
        price_col.slider(
            t("deepseek.bill.price"),
            *ds.PRICE_RANGE_USD,
            REPORT_PRICE,
            ds.PRICE_STEP_USD,
            format="$%.2f",
            key="ds_price",
            bind="query-params",
            help=t("deepseek.bill.price_help", **WORDS),
        ),
        *ds.PRICE_RANGE_USD,
        REPORT_PRICE,
    )
    rate = ds.clamp(
        fx_col.number_input(
            t("deepseek.bill.fx"),
            *ds.FX_RANGE,
            round(IMPLIED_FX, ds.FX_DIGITS),
            ds.FX_STEP,
            format="%.2f",
            key="ds_fx",
            bind="query-params",
            help=t("deepseek.bill.fx_help", **WORDS),
        ),
        *ds.FX_RANGE,
        IMPLIED_FX,
    )
    bill = ds.bill_figures(facts, price, rate)
    words = bill.texts(L)
    changed = price != REPORT_PRICE
    delta = t("deepseek.bill.delta", delta=view.signed(bill["bill_delta"], L), **words) if changed else None
    total_col.metric(
        t("deepseek.bill.total_label"),
        words["bill_total"],
        delta=delta,
        delta_color="off",
        help=t("deepseek.bill.total_help"),
    )
    yen_col.metric(t("deepseek.bill.jpy_label"), words["bill_jpy"], help=t("deepseek.bill.jpy_help", **words))
    rows = view.stage_rows(bill, L)
    st.table(arrow_frame(rows, next(iter(rows))), hide_index=False)
    m3, m4 = st.columns(2)  # what the price does not move: the run's hours and days per trillion tokens
    m3.metric(t("deepseek.bill.per_t_label"), words["per_t_hours"], help=t("deepseek.bill.per_t_help", **words))
    m4.metric(t("deepseek.bill.days_label"), words["days_per_t"], help=t("deepseek.bill.days_help", **words))
    st.caption(t("deepseek.bill.pretraining", **words) + " " + source_line(sources, "V3R", "ARTICLE"))
    view.leaves_out(WORDS, sources)
    comparison(price)


def comparison(price: float) -> None:
    section_header(t("deepseek.peers.title"))  # in presenter view it heads the key chart (ui/present.py)
    st.markdown(prose("deepseek", "peers"))
    controls, chart = st.columns(view.CONTROLS_AND_CHART, gap="medium")  # a phone: controls, reading, chart
    with controls:
        overhead = st.select_slider(
            t("deepseek.peers.overhead"),
            ds.OVERHEAD_STEPS,
            ds.OVERHEAD_DEFAULT,
            key="ds_overhead",
            format_func=lambda v: view.times(v, L),
            bind="query-params",
            help=t("deepseek.peers.overhead_help"),
        )
        overhead = ds.clamp(overhead, ds.OVERHEAD_DEFAULT, max(ds.OVERHEAD_STEPS), ds.OVERHEAD_DEFAULT)
        on_all = st.toggle(
            t("deepseek.peers.overhead_all"),
            key="ds_overhead_all",
            bind="query-params",
            help=t("deepseek.peers.overhead_all_help"),
        )
        figs = ds.peer_figures(facts, peers, price, overhead, on_all).texts(L)
        st.markdown(
            t("deepseek.peers.read_all" if on_all and overhead > ds.OVERHEAD_DEFAULT else "deepseek.peers.read", **figs)
        )
    # plain columns, no frames: a new price recomputes all of this on every move
    est = ds.peer_estimate_columns(facts, peers, price, overhead, on_all)
    ranges = ds.peer_range_columns(est)
    words = view.peer_words()
    with chart, lead(t("deepseek.peers.title")):  # the key chart: first in presenter view (ui/present.py)
        show(
            build_named(charts.peer_template, charts.peer_rows(est, ranges, words, L), words, DARK, style=True),
            view.peer_alt(ranges, L),
            export=Export(
                "deepseek",
                "peers",
                t("deepseek.peers.title"),
                source_line(sources, *est["source_id"]),
                data_date(sources, *est["source_id"], lang=L),
                {
                    "name": "model",
                    "low_usd": "cost_low_usd",
                    "high_usd": "cost_high_usd",
                    "lower_bound": "at_least",
                    "runs_low": "v3_runs_low",
                    "runs_high": "v3_runs_high",
                },
            ),
        )
    st.caption(t("deepseek.peers.llama_note", **figs))
    with st.expander(t("deepseek.peers.table")):
        rows = view.estimate_rows(est, sources, words, L)
        st.table(arrow_frame(rows, next(iter(rows))), hide_index=False)
    st.caption(source_line(sources, *est["source_id"]))


@fragment
def why_cheap() -> None:
    st.header(t("deepseek.why.title"))
    st.markdown(prose("deepseek", "why"))
    report = ds.why_figures(facts, gpus)
    view.why_points(report.texts(L))
    low, high, default = ds.active_range_b(facts)
    control, chart_col = st.columns(view.CONTROLS_AND_CHART, gap="medium")  # a phone: slider, reading, chart
    chosen = control.slider(
        t("deepseek.why.active"),
        low,
        high,
        default,
        ds.ACTIVE_STEP_B,
        key="ds_active",
        bind="query-params",
        help=t("deepseek.why.active_help", **report.texts(L, "active_params", "total_params")),
    )
    why = ds.why_figures(facts, gpus, ds.clamp(chosen, low, high, default) * ds.BILLION)
    words = why.texts(L) | REPORT.texts(L, "v3_price")
    control.markdown(t("deepseek.why.result", **words))
    chart = view.moe_words(words)
    look = {k: chart[k] for k in ("flops", "kind", "chart_title")}  # the bar names (with the slider's value) are rows
    rows = charts.moe_rows(why["dense_flops"].number, why["moe_flops"].number, chart, L)
    with chart_col:
        show(
            build_named(charts.moe_template, rows, look, DARK, style=True),
            t("deepseek.why.alt", **words),
            export=Export(
                "deepseek",
                "mixture-of-experts",
                t("deepseek.why.title"),
                source_line(sources, *why.sources(), "V3-README"),
                data_date(sources, *why.sources(), "V3-README", lang=L),
                {"kind": "model", charts.COMPUTE: "training_compute_1e24_flop"},
            ),
        )
    st.caption(source_line(sources, *why.sources(), "V3-README"))


costs()
why_cheap()
view.performance(bench, bench_r1, models, sources, L)
st.header(t("deepseek.takeaway.title"))
standing = cached(ds.benchmark_figures, bench, models, list(ds.DEFAULT_BENCHMARKS)).texts(L)
st.markdown(prose("deepseek", "takeaway", **WORDS, **standing))
st.caption(source_line(sources, "V3R", "ARTICLE", "DS-SEMI", "DS-DECODER", "V3-README"))
