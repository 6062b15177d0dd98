"""What next's tour step: the page's figure model (``core.demand.figures``) at its defaults (the
article's gain, unit elasticity, the whole saving passed on), drawn by the page's chart builder."""

from __future__ import annotations

from core import demand
from ui.cite import source_line
from ui.data import load
from ui.i18n import t
from ui.slides.base import Slide, _fit, _t


def _next(lang: str, dark: bool) -> Slide:
    from ui.demand_charts import compute_chart
    from ui.present import chart_font_size

    facts, dates, sources = load("facts"), load("dates"), load("sources")
    nf = demand.figures(facts, dates, None, None, None)
    x = nf.figs.texts(lang)
    f = dict(
        k=x["k"],
        even=x["break_even"],
        nadella=x["nadella"],
        low=x["low_eps"],
        low_compute=x["low_compute"],
        high=x["high_eps"],
        high_compute=x["high_compute"],
    )
    return Slide(
        _t("what_next", "heading"),
        _t("what_next", "sentence", **f),
        _t("what_next", "note", **f),
        t("next.chart.alt", share=x["share"], eps=x["eps"], k=x["k"], compute=x["compute"]),
        source_line(sources, *nf.figs.sources("marker", "nadella")),
        chart=_fit(compute_chart(nf, lang, chart_font_size())),
    )
