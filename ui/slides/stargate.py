"""Stargate's tour step: the page's own figures (``core.stargate.figures``) and its capex chart
(``core.capex.capex_figures`` drawn by ``ui.capex_charts.capex_chart``)."""

from __future__ import annotations

from core import capex, stargate
from ui.cite import source_line
from ui.data import load
from ui.i18n import t
from ui.slides.base import BASE_FONT, Slide, _fit, _t


def _stargate(lang: str, dark: bool) -> Slide:
    from ui.capex_charts import capex_chart

    facts, dates, gpus, sources = load("facts"), load("dates"), load("gpus"), load("sources")
    plans = capex.capex_figures(load("capex"), load("companies"), facts, dates, sources)
    figs = stargate.figures(facts, dates, gpus).texts(lang)
    f = dict(
        date=figs["announced"],
        budget=figs["stargate_budget"],
        years=figs["stargate_years"],
        per_year=figs["stargate_per_year"],
        initial=figs["stargate_initial"],
        year=plans.year,
    )
    return Slide(
        _t("stargate", "heading", **f),
        _t("stargate", "sentence", **f),
        _t("stargate", "note", **f),
        t("stargate.capex.alt", year=plans.year, as_of=plans.as_of.text(lang)),
        source_line(sources, *plans.sources()),
        chart=_fit(capex_chart(plans, lang, BASE_FONT), "short"),
    )
