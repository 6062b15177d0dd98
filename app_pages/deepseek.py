"""DeepSeek's efficiency: the V3 report's bill recomputed, what it leaves out, the peers, why it was
cheap, and how the models score."""

import streamlit as st

from core import deepseek as ds
from core.costs import cost_ratio
from core.datasets import fact
from core.formatting import fmt_compact, fmt_money, fmt_number, fmt_pct
from core.hardware import peak_flops_per_s
from ui import deepseek_charts as charts
from ui import deepseek_view as view
from ui.charts import build_named, show
from ui.cite import source_line
from ui.data import require
from ui.i18n import lang, prose, t
from ui.memo import arrow_frame, cached
from ui.process import fragment

L = lang()
DARK = st.context.theme.type == "dark"
sources, facts, gpus, peers, bench, bench_r1, models = require(
    "sources", "facts", "gpus", "peer_costs", "benchmarks_v3", "benchmarks_r1", "benchmark_models"
)
REPORT_PRICE = fact(facts, "v3_rental_price_usd_per_gpu_hour")
HEAD = ds.v3_headline(facts, REPORT_PRICE)
GPT4O = fact(facts, "gpt4o_cost_estimate_usd")
usd = lambda v, d=3: fmt_money(v, "USD", L, d)  # noqa: E731

st.title(t("deepseek.title"))
st.markdown(
    prose(
        "deepseek",
        "intro",
        cost=usd(HEAD.cost_usd),
        gpu_hours=fmt_compact(HEAD.gpu_hours, L, 3),
        gpus=fmt_number(HEAD.gpus, L),
        price=usd(REPORT_PRICE, 0),
        gpt4o=usd(GPT4O, 0),
    )
)


@fragment
def costs() -> None:
    st.header(t("deepseek.bill.title"))
    st.markdown(prose("deepseek", "bill"))
    c1, c2 = st.columns(2)
    price = ds.clamp(
        c1.slider(
            t("deepseek.bill.price"),
            *ds.PRICE_RANGE_USD,
            REPORT_PRICE,
            0.05,
            format="$%.2f",
            key="ds_price",
            bind="query-params",
            help=t("deepseek.bill.price_help", price=usd(REPORT_PRICE, 0)),
        ),
        *ds.PRICE_RANGE_USD,
        REPORT_PRICE,
    )
    jpy = fact(facts, "ds_article_v3_cost_jpy")
    implied = ds.implied_jpy_per_usd(jpy, HEAD.cost_usd)
    rate = ds.clamp(
        c2.number_input(
            t("deepseek.bill.fx"),
            *ds.FX_RANGE,
            round(implied, 2),
            1.0,
            format="%.2f",
            key="ds_fx",
            bind="query-params",
            help=t("deepseek.bill.fx_help", jpy=fmt_money(jpy, "JPY", L, 1), usd=usd(HEAD.cost_usd)),
        ),
        *ds.FX_RANGE,
        implied,
    )
    head = ds.v3_headline(facts, price)
    rows = view.stage_rows(ds.stage_columns(facts, price), L)
    st.table(arrow_frame(rows, next(iter(rows))), hide_index=False)
    m1, m2 = st.columns(2)  # two rows of columns: the total's delta line must not push its row's neighbour down
    m3, m4 = st.columns(2)
    delta = (
        None
        if price == REPORT_PRICE
        else t(
            "deepseek.bill.delta",
            delta=("+" if head.cost_usd > HEAD.cost_usd else "−") + usd(abs(head.cost_usd - HEAD.cost_usd), 2),
            price=usd(REPORT_PRICE, 0),
        )
    )
    m1.metric(
        t("deepseek.bill.total_label"),
        usd(head.cost_usd),
        delta=delta,
        delta_color="off",
        help=t("deepseek.bill.total_help"),
    )
    m2.metric(
        t("deepseek.bill.jpy_label"),
        fmt_money(head.cost_usd * rate, "JPY", L, 1),
        help=t("deepseek.bill.jpy_help", rate=fmt_number(rate, L, 2)),
    )
    m3.metric(
        t("deepseek.bill.per_t_label"),
        fmt_compact(head.gpu_hours_per_trillion_tokens, L, 1),
        help=t(
            "deepseek.bill.per_t_help",
            hours=fmt_compact(fact(facts, "v3_gpu_hours_pretraining"), L, 3),
            tokens=fmt_number(head.tokens / 1e12, L, 1),
            reported=fmt_compact(fact(facts, "ds_v3_gpu_hours_per_trillion_tokens"), L, 0),
        ),
    )
    m4.metric(
        t("deepseek.bill.days_label"),
        fmt_number(head.days_per_trillion_tokens, L, 2),
        help=t(
            "deepseek.bill.days_help",
            gpus=fmt_number(head.gpus, L),
            reported=fmt_number(fact(facts, "ds_v3_days_per_trillion_tokens"), L, 1),
        ),
    )
    st.caption(
        t(
            "deepseek.bill.pretraining",
            days=fmt_number(head.pretraining_days, L, 1),
            gpus=fmt_number(head.gpus, L),
            months=fmt_number(fact(facts, "ds_v3_pretraining_months_max"), L),
            jpy=fmt_money(jpy, "JPY", L, 1),
            rate=fmt_number(implied, L, 2),
        )
        + " "
        + source_line(sources, "V3R", "ARTICLE")
    )
    view.leaves_out(facts, sources, HEAD, L)
    comparison(price)


def comparison(price: float) -> None:
    st.header(t("deepseek.peers.title"))
    st.markdown(prose("deepseek", "peers"))
    overhead = st.select_slider(
        t("deepseek.peers.overhead"),
        ds.OVERHEAD_STEPS,
        1,
        key="ds_overhead",
        format_func=lambda v: f"{fmt_number(v, L, 1)}×",
        bind="query-params",
        help=t("deepseek.peers.overhead_help"),
    )
    overhead = ds.clamp(overhead, 1, ds.OVERHEAD_STEPS[-1], 1)
    on_all = st.toggle(
        t("deepseek.peers.overhead_all"),
        key="ds_overhead_all",
        bind="query-params",
        help=t("deepseek.peers.overhead_all_help"),
    )
    # plain columns, no frames: a new price recomputes all of this on every move
    est = ds.peer_estimate_columns(facts, peers, price, overhead, on_all)
    ranges = ds.peer_range_columns(est)
    words = view.peer_words()
    show(
        build_named(charts.peer_template, charts.peer_rows(est, ranges, words, L), words, DARK, style=True),
        view.peer_alt(ranges, L),
    )
    r = ds.by_model(ranges)
    v3 = ds.v3_headline(facts, price).cost_usd
    st.markdown(
        t(
            "deepseek.peers.read_all" if on_all and overhead > 1 else "deepseek.peers.read",
            overhead=fmt_number(overhead, L, 1),
            v3=usd(v3 * overhead),
            gpt4o_runs=fmt_number(r["gpt4o"]["runs_low"], L, 1),
            llama_runs=fmt_number(r["llama31_405b"]["runs_low"], L, 1),
            ten=fmt_number(ds.multiplier_for_ratio(GPT4O, v3, 10), L, 1),
            breakeven=fmt_number(r["gpt4o"]["breakeven_low"], L, 1),
        )
    )
    st.caption(t("deepseek.peers.llama_note", hours=fmt_compact(fact(facts, "llama31_405b_gpu_hours"), L, 2)))
    with st.expander(t("deepseek.peers.table")):
        rows = view.estimate_rows(est, sources, words, L)
        st.table(arrow_frame(rows, next(iter(rows))), hide_index=False)
    st.caption(source_line(sources, *est["source_id"]))


@fragment
def why_cheap() -> None:
    st.header(t("deepseek.why.title"))
    st.markdown(prose("deepseek", "why"))
    view.why_points(facts, gpus, L)
    total, active = fact(facts, "ds_v3_total_params"), fact(facts, "ds_v3_active_params")
    chosen = st.slider(
        t("deepseek.why.active"),
        1,
        int(total / 1e9),
        int(active / 1e9),
        1,
        key="ds_active",
        bind="query-params",
        help=t("deepseek.why.active_help", active=fmt_compact(active, L, 0), total=fmt_compact(total, L, 0)),
    )
    chosen = ds.clamp(chosen, 1, total / 1e9, active / 1e9) * 1e9
    r = ds.dense_vs_moe(
        total,
        chosen,
        HEAD.tokens,
        active,
        HEAD.tokens,
        fact(facts, "v3_gpu_hours_pretraining"),
        peak_flops_per_s(gpus, "H800"),
        REPORT_PRICE,
    )
    w = {
        k: t(
            f"deepseek.why.{k}",
            total=fmt_compact(total, L, 0),
            active=fmt_compact(chosen, L, 0),
            tokens=fmt_compact(HEAD.tokens, L, 1),
        )
        for k in ("dense", "moe_bar", "flops", "kind", "chart_title")
    }
    look = {k: w[k] for k in ("flops", "kind", "chart_title")}  # the bar names (with the slider's value) are rows
    show(
        build_named(charts.moe_template, charts.moe_rows(r.dense_flops, r.moe_flops, w, L), look, DARK, style=True),
        t(
            "deepseek.why.alt",
            total=fmt_compact(total, L, 0),
            active=fmt_compact(chosen, L, 0),
            ratio=fmt_number(r.ratio, L, 1),
        ),
    )
    st.markdown(
        t(
            "deepseek.why.result",
            total=fmt_compact(total, L, 0),
            tokens=fmt_compact(HEAD.tokens, L, 1),
            ratio=fmt_number(r.ratio, L, 1),
            dense_hours=fmt_compact(r.dense_gpu_hours, L, 1),
            dense_cost=usd(r.dense_cost_usd, 1),
            price=usd(REPORT_PRICE, 0),
            moe_hours=fmt_compact(r.moe_gpu_hours, L, 1),
            moe_cost=usd(r.moe_cost_usd, 1),
            mfu=fmt_pct(r.mfu, L, 0, signed=False),
        )
    )
    st.caption(source_line(sources, "V3R", "V3-README", *view.gpu_sources(gpus)))


costs()
why_cheap()
view.performance(bench, bench_r1, models, sources, L)
standing = cached(ds.v3_standing, cached(ds.benchmark_rows, bench, models, list(ds.DEFAULT_BENCHMARKS)))
st.header(t("deepseek.takeaway.title"))
fleet = ds.fleet_multiples(facts)
st.markdown(
    prose(
        "deepseek",
        "takeaway",
        cost=usd(HEAD.cost_usd),
        ratio=fmt_number(cost_ratio(GPT4O, HEAD.cost_usd), L),
        open=standing.best_open,
        n=standing.benchmarks,
        fleet_low=usd(fact(facts, "ds_fleet_value_usd_amodei"), 1),
        fleet_high=usd(fact(facts, "ds_fleet_server_capex_usd"), 1),
        ten=fmt_number(ds.multiplier_for_ratio(GPT4O, HEAD.cost_usd, 10), L, 1),
    )
)
st.caption(source_line(sources, "V3R", "ARTICLE", "DS-SEMI", "DS-DECODER", "V3-README"))
