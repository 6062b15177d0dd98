"""The closing step (the thesis, Home's figures): slides built from the page's data and models."""

from __future__ import annotations

from core import headlines, stargate
from ui.cite import source_line
from ui.data import load
from ui.slides.base import Slide, _t, _usd


def _thesis(lang: str, dark: bool) -> Slide:
    facts, sources = load("facts"), load("sources")
    cost = headlines.cost_headline(facts)
    runs = stargate.runs_of(cost.stargate_usd, {"v3": cost.v3_cost_usd, "gpt4o": cost.gpt4o_cost_estimate_usd})
    f = dict(
        budget=_usd(cost.stargate_usd, lang),
        v3=_usd(cost.v3_cost_usd, lang, 3),
        runs=stargate.format_count(runs["v3"], lang),
        gpt4o=_usd(cost.gpt4o_cost_estimate_usd, lang),
        gpt4o_runs=stargate.format_count(runs["gpt4o"], lang),
    )
    return Slide(
        _t("thesis", "heading"),
        _t("thesis", "sentence", **f),
        _t("thesis", "note", **f),
        _t("thesis", "alt", **f),
        source_line(sources, "ARTICLE", "STARGATE-OAI", "V3R"),
        figure=(_t("thesis", "figure_label", **f), f["runs"], (_t("thesis", "figure_detail", **f),)),
    )
