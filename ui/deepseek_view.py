"""Blocks of the DeepSeek page that are display only: tables, the caveat box, the four reasons,
the performance section. Figures come from ``core.deepseek``'s figure model; strings from content/."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import deepseek as ds
from core.figures import Figure, FigureSet
from ui import deepseek_charts as charts
from ui.cards import figure_card
from ui.charts import Export, build, chart_dark, show
from ui.cite import data_date, short_source, source_line
from ui.i18n import prose, t
from ui.memo import cached
from ui.process import fragment

PAIR = 2  # a control | the figure it moves, side by side on wide screens (a phone stacks them)
CONTROLS_AND_CHART = (1, 2)  # controls and their reading | the chart they drive
CHART_WORDS = ("dense", "moe_bar", "flops", "kind", "chart_title")  # the MoE chart's texts
BENCH_WORDS = ("score", "benchmark", "model", "open", "closed", "access")
# the benchmark charts' CSV: what the bars show, by the headers docs/exports.md describes
BENCHMARK_COLUMNS = {"label": "benchmark", "model_label": "model", "open_weights": "open_weights", "score": "score"}
FLEET_CARDS = {"gpus": "fleet_gpus", "capex": "fleet_capex", "value": "fleet_value"}  # card -> its figure


def signed(fig: Figure, lang: str) -> str:
    """A change with its sign: '+USD 2.788M' / '−USD 1.394M'."""
    return ("+" if fig.number > 0 else "") + fig.text(lang)


def times(v: float, lang: str) -> str:
    """An overhead multiplier as its control shows it: '7.5×', in both languages: the control puts
    its label in the URL (``?ds_overhead=10×``), and a link must open in either language."""
    return f"{ds.number(v, digits=1).text(lang)}×"


def stage_rows(figs: FigureSet, lang: str) -> dict[str, list[str]]:
    """Table 1 as the reader sees it, as columns of text (the first, the stage, labels the rows:
    ``ui.memo.arrow_frame``): translated stage names, the bill's figures, a total row."""
    codes = [code for code, _ in ds.STAGES] + ["total"]
    return {
        t("deepseek.bill.stage"): [t(f"deepseek.stages.{s}") for s, _ in ds.STAGES] + [t("deepseek.bill.total")],
        t("deepseek.bill.gpu_hours"): [figs[f"hours_{c}"].text(lang) for c in codes],
        t("deepseek.bill.cost"): [figs[f"cost_{c}"].text(lang) for c in codes],
        t("deepseek.bill.share"): [figs[f"share_{c}"].text(lang) for c in codes],
    }


def leaves_out(words: dict[str, str], sources: pd.DataFrame) -> None:
    """The caveat in plain sight: the report's own exclusion and the reported fleet estimates.
    ``words``: the bill's figures as text (``core.deepseek.bill_figures``)."""
    with st.container(border=True):
        st.subheader(t("deepseek.leaves.title", **words))
        st.warning(t("deepseek.leaves.caveat"), icon=":material/warning:")
        for col, (card, figure) in zip(st.columns(len(FLEET_CARDS)), FLEET_CARDS.items()):
            with col:
                figure_card(
                    t(f"deepseek.leaves.{card}_label"),
                    words[figure],
                    lines=(t(f"deepseek.leaves.{card}_detail", **words),),
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
    usd = lambda m, end="low_usd": ds.cost_figure(r[m][end]).text(lang)  # noqa: E731
    full = t("deepseek.peers.alt_full", full=usd("deepseek_v3_full")) if "deepseek_v3_full" in r else ""
    claude = r["claude35_sonnet"]
    return t(
        "deepseek.peers.alt",
        v3=usd("deepseek_v3"),
        full_line=full,
        llama=usd("llama31_405b"),
        claude=charts.money_range(claude["low_usd"], claude["high_usd"], False, lang),
        gpt4_low=usd("gpt4"),
        gpt4_high=usd("gpt4", "high_usd"),
        gpt4o=usd("gpt4o"),
    )


def estimate_rows(
    est: pd.DataFrame | dict[str, list], sources: pd.DataFrame, words: dict, lang: str
) -> dict[str, list[str]]:
    """The table of every estimate, as columns of text (the first, the model, labels the rows:
    ``ui.memo.arrow_frame``). ``est``: ``core.deepseek.peer_estimate_columns`` (or its frame)."""

    def runs(lo: float, hi: float) -> str:
        a, b = ds.number(lo, digits=1).text(lang), ds.number(hi, digits=1).text(lang)
        return f"≈{a}" if a == b else f"≈{a}–{b}"

    return {
        words["model"]: [words["names"].get(m) for m in est["model"]],
        words["estimate"]: [words["estimates"].get(e) for e in est["estimate"]],
        "USD": [
            charts.money_range(a, b, c, lang) for a, b, c in zip(est["low_usd"], est["high_usd"], est["lower_bound"])
        ],
        words["runs"]: [runs(a, b) for a, b in zip(est["runs_low"], est["runs_high"])],
        t("deepseek.peers.breakeven"): [runs(a, b) + "×" for a, b in zip(est["breakeven_low"], est["breakeven_high"])],
        t("deepseek.peers.source"): [short_source(sources, s) for s in est["source_id"]],
    }


def moe_words(words: dict[str, str]) -> dict[str, str]:
    """The MoE chart's texts; ``words``: ``core.deepseek.why_figures`` as text."""
    return {
        k: t(f"deepseek.why.{k}", total=words["total_params"], active=words["chosen_active"], tokens=words["tokens"])
        for k in CHART_WORDS
    }


def why_points(words: dict[str, str]) -> None:
    """The four reasons in a two-by-two grid (one column on a phone); ``words``: ``why_figures`` as text."""
    items = ["moe", "fp8", "mtp", "tp"]
    for pair in (items[:2], items[2:]):  # row by row, so the boxes of a row line up
        for col, key in zip(st.columns(2), pair):
            with col.container(border=True, height="stretch"):
                st.markdown(f"**{t(f'deepseek.why.{key}_title')}**\n\n{t(f'deepseek.why.{key}', **words)}")


@fragment
def performance(
    bench: pd.DataFrame, bench_r1: pd.DataFrame, models: pd.DataFrame, sources: pd.DataFrame, lang: str
) -> None:
    dark = chart_dark()
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
    words = {k: t(f"deepseek.perf.{k}") for k in BENCH_WORDS}
    rows = cached(ds.benchmark_rows, bench, models, picked)
    standing = cached(ds.benchmark_figures, bench, models, picked).texts(lang)
    show(
        build(charts.benchmark_chart, rows, words, dark, style=True),
        t("deepseek.perf.alt", **standing),
        export=Export(
            "deepseek",
            "benchmarks",
            t("deepseek.perf.title"),
            source_line(sources, "V3-README", "V3R"),
            data_date(sources, "V3-README", "V3R", lang=lang),
            BENCHMARK_COLUMNS,
        ),
    )
    st.markdown(t("deepseek.perf.standing", **standing))
    st.caption(source_line(sources, "V3-README", "V3R"))

    st.subheader(t("deepseek.perf.r1_title"))
    pct, _ = cached(ds.r1_vs_o1, bench_r1, models)
    r1 = cached(ds.r1_figures, bench_r1, models)
    r1_words = r1.texts(lang)
    show(
        build(charts.benchmark_chart, pct, words, dark, style=True),
        t("deepseek.perf.r1_alt", **r1_words),
        export=Export(
            "deepseek",
            "r1-benchmarks",
            t("deepseek.perf.r1_title"),
            source_line(sources, *r1.sources()),
            data_date(sources, *r1.sources(), lang=lang),
            BENCHMARK_COLUMNS,
        ),
    )
    st.markdown(t("deepseek.perf.r1_read", **r1_words))
    st.caption(t("deepseek.perf.r1_caveat") + " " + source_line(sources, *r1.sources()))
