"""Blocks of the DeepSeek page that are display only: tables, the caveat box, the four reasons,
the performance section. Numbers come from ``core.deepseek``; strings from content/."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import deepseek as ds
from core.costs import cost_ratio
from core.datasets import fact
from core.formatting import fmt_compact, fmt_money, fmt_number, fmt_pct
from core.hardware import gpu_spec, spec_source
from ui import deepseek_charts as charts
from ui.cards import figure_card
from ui.charts import build, show
from ui.cite import short_source, source_line
from ui.i18n import prose, t
from ui.memo import cached
from ui.process import fragment

GPU_SPECS = (
    ("H800", "bf16_dense_tflops"),
    ("H800", "fp8_dense_tflops"),
    ("H800", "nvlink_gbs"),
    ("H100", "nvlink_gbs"),
)


def stage_rows(table: pd.DataFrame | dict[str, list], lang: str) -> dict[str, list[str]]:
    """Table 1 as the reader sees it, as columns of text (the first, the stage, labels the rows:
    ``ui.memo.arrow_frame``): translated stage names, formatted numbers, a total row.
    ``table``: ``core.deepseek.stage_columns`` (or its frame)."""
    hours = list(table["gpu_hours"])
    cost = list(table["cost_usd"])
    return {
        t("deepseek.bill.stage"): [t(f"deepseek.stages.{s}") for s in table["stage"]] + [t("deepseek.bill.total")],
        t("deepseek.bill.gpu_hours"): [fmt_number(h, lang) for h in hours + [sum(hours)]],
        t("deepseek.bill.cost"): [fmt_money(c, "USD", lang, 3) for c in cost + [sum(cost)]],
        t("deepseek.bill.share"): [fmt_pct(s, lang, 1, signed=False) for s in list(table["share"]) + [1.0]],
    }


def leaves_out(facts: pd.DataFrame, sources: pd.DataFrame, head: ds.V3Headline, lang: str) -> None:
    """The caveat in plain sight: the report's own exclusion and the reported fleet estimates."""
    multiples = ds.fleet_multiples(facts)
    with st.container(border=True):
        st.subheader(t("deepseek.leaves.title", cost=fmt_money(head.cost_usd, "USD", lang, 3)))
        st.warning(t("deepseek.leaves.caveat"), icon=":material/warning:")
        c1, c2, c3 = st.columns(3)
        with c1:
            figure_card(
                t("deepseek.leaves.gpus_label"),
                fmt_compact(fact(facts, "ds_fleet_hopper_gpus"), lang, 0),
                lines=(
                    t(
                        "deepseek.leaves.gpus_detail",
                        ratio=fmt_number(multiples["gpus"], lang),
                        used=fmt_number(head.gpus, lang),
                        h800=fmt_compact(fact(facts, "ds_fleet_h800"), lang, 0),
                        h100=fmt_compact(fact(facts, "ds_fleet_h100"), lang, 0),
                    ),
                ),
            )
        with c2:
            figure_card(
                t("deepseek.leaves.capex_label"),
                fmt_money(fact(facts, "ds_fleet_server_capex_usd"), "USD", lang, 1),
                lines=(
                    t(
                        "deepseek.leaves.capex_detail",
                        ratio=fmt_number(multiples["server_capex"], lang),
                        opex=fmt_money(fact(facts, "ds_fleet_operating_usd"), "USD", lang, 1),
                    ),
                ),
            )
        with c3:
            figure_card(
                t("deepseek.leaves.value_label"),
                fmt_money(fact(facts, "ds_fleet_value_usd_amodei"), "USD", lang, 1),
                lines=(t("deepseek.leaves.value_detail", ratio=fmt_number(multiples["value_amodei"], lang)),),
            )
        st.caption(source_line(sources, "V3R", "DS-SEMI", "DS-DECODER"))


def peer_words() -> dict:
    words = {k: t(f"deepseek.peers.{k}") for k in ("x", "model", "estimate", "runs", "kind")}
    words["label"] = t("deepseek.peers.label")  # filled in by the chart: {usd}, {runs}
    words["names"] = {m: ds.PEER_NAMES.get(m) or t(f"deepseek.peers.names.{m}") for m in ds.PEER_ORDER}
    words["kinds"] = {k: t(f"deepseek.peers.kinds.{k}") for k in charts.KIND_SHAPES}
    words["estimates"] = {
        e: t(f"deepseek.peers.estimates.{e}")
        for e in ("report", "overhead", "gpu_hours", "amodei", "epoch", "ai_index", "wired", "article")
    }
    return words


def peer_alt(ranges: pd.DataFrame | dict[str, list], lang: str) -> str:
    """The peer chart's alt text; ``ranges``: ``core.deepseek.peer_range_columns`` (or its frame)."""
    r = ds.by_model(ranges)
    usd = lambda v: fmt_money(v, "USD", lang, 1)  # noqa: E731
    full = t("deepseek.peers.alt_full", full=usd(r["deepseek_v3_full"]["low_usd"])) if "deepseek_v3_full" in r else ""
    return t(
        "deepseek.peers.alt",
        v3=usd(r["deepseek_v3"]["low_usd"]),
        full_line=full,
        llama=usd(r["llama31_405b"]["low_usd"]),
        claude=f"{usd(r['claude35_sonnet']['low_usd'])}–{usd(r['claude35_sonnet']['high_usd'])}",
        gpt4_low=usd(r["gpt4"]["low_usd"]),
        gpt4_high=usd(r["gpt4"]["high_usd"]),
        gpt4o=usd(r["gpt4o"]["low_usd"]),
    )


def estimate_rows(
    est: pd.DataFrame | dict[str, list], sources: pd.DataFrame, words: dict, lang: str
) -> dict[str, list[str]]:
    """The table of every estimate, as columns of text (the first, the model, labels the rows:
    ``ui.memo.arrow_frame``). ``est``: ``core.deepseek.peer_estimate_columns`` (or its frame)."""

    def runs(lo: float, hi: float) -> str:
        a, b = fmt_number(lo, lang, 1), fmt_number(hi, lang, 1)
        return f"≈{a}" if a == b else f"≈{a}–{b}"

    return {
        words["model"]: [words["names"].get(m) for m in est["model"]],
        words["estimate"]: [words["estimates"].get(e) for e in est["estimate"]],
        "USD": [
            charts.money_range(a, b, c, lang, 2) for a, b, c in zip(est["low_usd"], est["high_usd"], est["lower_bound"])
        ],
        words["runs"]: [runs(a, b) for a, b in zip(est["runs_low"], est["runs_high"])],
        t("deepseek.peers.breakeven"): [runs(a, b) + "×" for a, b in zip(est["breakeven_low"], est["breakeven_high"])],
        t("deepseek.peers.source"): [short_source(sources, s) for s in est["source_id"]],
    }


def gpu_sources(gpus: pd.DataFrame) -> list[str]:
    return [s for g, spec in GPU_SPECS if (s := spec_source(gpus, g, spec))]


def why_points(facts: pd.DataFrame, gpus: pd.DataFrame, lang: str) -> None:
    """The four reasons in a two-by-two grid (one column on a phone)."""
    f = lambda k: fact(facts, k)  # noqa: E731
    spec = lambda g, s: gpu_spec(gpus, g, s)  # noqa: E731
    gbs = lambda v: f"{fmt_number(v, lang)} GB/s"  # noqa: E731
    texts = {
        "moe": dict(
            total=fmt_compact(f("ds_v3_total_params"), lang, 0),
            active=fmt_compact(f("ds_v3_active_params"), lang, 0),
            experts=fmt_number(f("ds_v3_routed_experts"), lang),
            experts_active=fmt_number(f("ds_v3_active_routed_experts"), lang),
        ),
        "fp8": dict(
            speedup=fmt_number(
                cost_ratio(spec("H800", "fp8_dense_tflops"), spec("H800", "bf16_dense_tflops")), lang, 1
            ),
            fp8_tflops=fmt_number(spec("H800", "fp8_dense_tflops"), lang),
            bf16_tflops=fmt_number(spec("H800", "bf16_dense_tflops"), lang),
            error=fmt_pct(f("ds_v3_fp8_max_relative_loss_error"), lang, 2, signed=False),
        ),
        "mtp": dict(
            depth=fmt_number(f("ds_v3_mtp_depth"), lang),
            tokens=fmt_compact(f("ds_v3_pretraining_tokens"), lang, 1),
            mtp_params=fmt_compact(f("ds_v3_mtp_module_params"), lang, 0),
        ),
        "tp": dict(
            h800=gbs(spec("H800", "nvlink_gbs")),
            h100=gbs(spec("H100", "nvlink_gbs")),
            pp=fmt_number(f("ds_v3_pipeline_parallel"), lang),
            ep=fmt_number(f("ds_v3_expert_parallel"), lang),
            nvlink=gbs(f("ds_v3_nvlink_effective_gbs")),
            ib=gbs(f("ds_v3_infiniband_gbs")),
        ),
    }
    items = list(texts.items())
    for pair in (items[:2], items[2:]):  # row by row, so the boxes of a row line up
        for col, (key, fields) in zip(st.columns(2), pair):
            with col.container(border=True, height="stretch"):
                st.markdown(f"**{t(f'deepseek.why.{key}_title')}**\n\n{t(f'deepseek.why.{key}', **fields)}")


@fragment
def performance(
    bench: pd.DataFrame, bench_r1: pd.DataFrame, models: pd.DataFrame, sources: pd.DataFrame, lang: str
) -> None:
    dark = st.context.theme.type == "dark"
    st.header(t("deepseek.perf.title"))
    st.markdown(prose("deepseek", "performance"))
    options = cached(ds.benchmark_options, bench)
    picked = st.multiselect(
        t("deepseek.perf.pick"),
        options,
        default=list(ds.DEFAULT_BENCHMARKS),
        key="ds_bench",
        bind="query-params",
        help=t("deepseek.perf.pick_help"),
    )
    picked = [p for p in picked if p in options]
    if not picked:
        st.info(t("deepseek.perf.empty"), icon=":material/info:")
        picked = list(ds.DEFAULT_BENCHMARKS)
    words = {k: t(f"deepseek.perf.{k}") for k in ("score", "benchmark", "model", "open", "closed", "access")}
    rows = cached(ds.benchmark_rows, bench, models, picked)
    s = cached(ds.v3_standing, rows)
    show(
        build(charts.benchmark_chart, rows, words, dark, style=True),
        t("deepseek.perf.alt", n=s.benchmarks, open=s.best_open),
    )
    st.markdown(t("deepseek.perf.standing", n=s.benchmarks, open=s.best_open, gpt4o=s.above_gpt4o, top=s.best_overall))
    st.caption(source_line(sources, "V3-README", "V3R"))

    st.subheader(t("deepseek.perf.r1_title"))
    pct, rating = cached(ds.r1_vs_o1, bench_r1, models)
    wins, n = cached(ds.head_to_head, pct, "deepseek-r1")
    show(build(charts.benchmark_chart, pct, words, dark, style=True), t("deepseek.perf.r1_alt", n=n, wins=wins))
    score = dict(zip(rating["model_id"], rating["score"]))  # one row a model
    st.markdown(
        t(
            "deepseek.perf.r1_read",
            wins=wins,
            n=n,
            r1=fmt_number(score.get("deepseek-r1"), lang),
            o1=fmt_number(score.get("o1-1217"), lang),
        )
    )
    st.caption(t("deepseek.perf.r1_caveat") + " " + source_line(sources, "R1-README", "R1-PAPER"))
