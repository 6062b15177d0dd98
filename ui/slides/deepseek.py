"""DeepSeek's tour steps: slides built from the page's data and models."""

from __future__ import annotations

from core import deepseek as ds
from core import headlines
from core.datasets import fact
from core.formatting import fmt_compact, fmt_number, fmt_pct
from core.hardware import peak_flops_per_s
from ui.charts import styled
from ui.cite import source_line
from ui.data import load
from ui.i18n import t
from ui.slides.base import Slide, _fit, _t, _usd


def _cost(lang: str, dark: bool) -> Slide:
    from ui import deepseek_charts as charts
    from ui import deepseek_view as view

    facts, peers, sources = load("facts"), load("peer_costs"), load("sources")
    cost = headlines.cost_headline(facts)
    est = ds.peer_estimates(facts, peers, cost.v3_price_usd_per_gpu_hour)
    ranges = ds.peer_ranges(est)
    f = dict(
        v3=_usd(cost.v3_cost_usd, lang, 3),
        hours=fmt_compact(cost.v3_gpu_hours, lang, 3),
        price=_usd(cost.v3_price_usd_per_gpu_hour, lang, 0),
        gpt4o=_usd(cost.gpt4o_cost_estimate_usd, lang),
        ratio=fmt_number(cost.gpt4o_to_v3, lang),
        gpus=fmt_number(fact(facts, "v3_cluster_gpus"), lang),
        fleet=_usd(fact(facts, "ds_fleet_server_capex_usd"), lang, 1),
        fraction=fmt_pct(fact(facts, "article_cost_fraction_max"), lang, 0, signed=False),
    )
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

    facts, gpus, sources = load("facts"), load("gpus"), load("sources")
    head = ds.v3_headline(facts, fact(facts, "v3_rental_price_usd_per_gpu_hour"))
    total, active = fact(facts, "ds_v3_total_params"), fact(facts, "ds_v3_active_params")
    r = ds.dense_vs_moe(
        total,
        active,
        head.tokens,
        active,
        head.tokens,
        fact(facts, "v3_gpu_hours_pretraining"),
        peak_flops_per_s(gpus, "H800"),
        fact(facts, "v3_rental_price_usd_per_gpu_hour"),
    )
    f = dict(
        total=fmt_compact(total, lang, 0),
        active=fmt_compact(active, lang, 0),
        tokens=fmt_compact(head.tokens, lang, 1),
        ratio=fmt_number(r.ratio, lang, 1),
        share=fmt_pct(active / total, lang, 1, signed=False),
        dense_cost=_usd(r.dense_cost_usd, lang, 1),
        moe_cost=_usd(r.moe_cost_usd, lang, 1),
    )
    w = {
        k: t(f"deepseek.why.{k}", total=f["total"], active=f["active"], tokens=f["tokens"])
        for k in ("dense", "moe_bar", "flops", "kind", "chart_title")
    }
    return Slide(
        _t("why_cheap", "heading"),
        _t("why_cheap", "sentence", **f),
        _t("why_cheap", "note", **f),
        t("deepseek.why.alt", total=f["total"], active=f["active"], ratio=f["ratio"]),
        source_line(sources, "V3R"),
        chart=_fit(styled(charts.moe_chart(r.dense_flops, r.moe_flops, w, lang, dark)), "short"),
    )


def _benchmarks(lang: str, dark: bool) -> Slide:
    from ui import deepseek_charts as charts

    bench, models, sources = load("benchmarks_v3"), load("benchmark_models"), load("sources")
    rows = ds.benchmark_rows(bench, models, list(ds.DEFAULT_BENCHMARKS))
    s = ds.v3_standing(rows)
    words = {k: t(f"deepseek.perf.{k}") for k in ("score", "benchmark", "model", "open", "closed", "access")}
    f = dict(n=s.benchmarks, open=s.best_open, gpt4o=s.above_gpt4o, top=s.best_overall)
    chart = styled(charts.benchmark_chart(rows, words, dark))
    return Slide(
        _t("benchmarks", "heading"),
        _t("benchmarks", "sentence", **f),
        _t("benchmarks", "note", **f),
        t("deepseek.perf.alt", n=s.benchmarks, open=s.best_open),
        source_line(sources, "V3-README", "V3R"),
        chart=_fit(chart, "tall", max_text=14, label_limit=360),
    )
