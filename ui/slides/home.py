"""The closing step (the thesis): Home's and Stargate's cost figures (``core.headlines.cost_figures``)."""

from __future__ import annotations

from core import headlines
from ui.cite import source_line
from ui.data import load
from ui.slides.base import Slide, _t


def _thesis(lang: str, dark: bool) -> Slide:
    facts, sources = load("facts"), load("sources")
    cost = headlines.cost_figures(facts)
    names = ("stargate_budget", "v3_cost", "v3_runs", "gpt4o_cost", "gpt4o_runs")
    budget, v3, runs, gpt4o, gpt4o_runs = (cost[n].text(lang) for n in names)
    f = dict(budget=budget, v3=v3, runs=runs, gpt4o=gpt4o, gpt4o_runs=gpt4o_runs)
    return Slide(
        _t("thesis", "heading"),
        _t("thesis", "sentence", **f),
        _t("thesis", "note", **f),
        _t("thesis", "alt", **f),
        source_line(sources, *cost.sources(*names)),
        figure=(_t("thesis", "figure_label", **f), f["runs"], (_t("thesis", "figure_detail", **f),)),
    )
