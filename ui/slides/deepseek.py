"""DeepSeek's tour steps, rendered from the DeepSeek page's figure model at the report's settings
with the page's chart builders."""

from __future__ import annotations

from core import deepseek as ds
from ui.charts import styled
from ui.cite import source_line
from ui.data import load
from ui.i18n import t
from ui.slides.base import Slide, _fit, _t


def _cost(lang: str, dark: bool) -> Slide:
    from ui import deepseek_charts as charts
    from ui import deepseek_view as view

    facts, peers, sources = load("facts"), load("peer_costs"), load("sources")
    bill = ds.bill_figures(facts)
    f = bill.texts(lang)
    est = ds.peer_estimates(facts, peers, bill["v3_price"].number)
    ranges = ds.peer_ranges(est)
    return Slide(
        _t("cost", "heading"),
        _t("cost", "sentence", **f),
        _t("cost", "note", **f),
        view.peer_alt(ranges, lang),
        source_line(sources, *est["source_id"]),
        chart=_fit(styled(charts.peer_chart(est, ranges, view.peer_words(), lang, dark)), "tall"),
    )


def _why_cheap(lang: str, dark: bool) -> Slide:
    from ui import deepseek_charts as charts
    from ui import deepseek_view as view

    facts, gpus, sources = load("facts"), load("gpus"), load("sources")
    why = ds.why_figures(facts, gpus)
    f = why.texts(lang)
    chart = charts.moe_chart(why["dense_flops"].number, why["moe_flops"].number, view.moe_words(f), lang, dark)
    return Slide(
        _t("why_cheap", "heading"),
        _t("why_cheap", "sentence", **f),
        _t("why_cheap", "note", **f),
        t("deepseek.why.alt", **f),
        source_line(sources, *why.sources("moe_flops", "dense_cost")),
        chart=_fit(styled(chart), "short"),
    )


def _benchmarks(lang: str, dark: bool) -> Slide:
    from ui import deepseek_charts as charts
    from ui import deepseek_view as view

    bench, models, sources = load("benchmarks_v3"), load("benchmark_models"), load("sources")
    labels = list(ds.DEFAULT_BENCHMARKS)
    standing = ds.benchmark_figures(bench, models, labels)
    f = standing.texts(lang)
    words = {k: t(f"deepseek.perf.{k}") for k in view.BENCH_WORDS}
    chart = styled(charts.benchmark_chart(ds.benchmark_rows(bench, models, labels), words, dark))
    return Slide(
        _t("benchmarks", "heading"),
        _t("benchmarks", "sentence", **f),
        _t("benchmarks", "note", **f),
        t("deepseek.perf.alt", **f),
        source_line(sources, *standing.sources()),
        chart=_fit(chart, "tall", max_text=14, label_limit=360),
    )
