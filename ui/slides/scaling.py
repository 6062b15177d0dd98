"""The scaling law's tour step, rendered from the page's figures (``core.scaling.trend_figures``
over the whole period) with the page's chart."""

from __future__ import annotations

from ui.charts import styled
from ui.cite import source_line
from ui.data import load
from ui.i18n import t
from ui.slides.base import Slide, _fit, _t


def _scaling(lang: str, dark: bool) -> Slide:
    from core import scaling
    from ui import scaling_charts as charts

    models, sources = load("models_compute"), load("sources")
    first, last = scaling.year_range(models)
    figs = scaling.trend_figures(models, first, last)
    trend = scaling.trend_fit(models["date"], models["training_compute_flop"], first, last)
    s = figs.texts(lang)
    f = dict(
        first=first,
        last=last,
        count=s["models"],
        growth=s["growth"],
        months=s["doubling_months"],
        v3=s["v3_compute"],
        v3_6nd=s["v3_6nd"],
        top=s["top_compute"],
        top_model=scaling.largest_run(models),
    )
    return Slide(
        _t("scaling", "heading"),
        _t("scaling", "sentence", **f),
        _t("scaling", "note", **f),
        t("scaling.trend.alt", count=s["models"], first=first, last=last),
        source_line(sources, *figs.sources("v3_compute", "growth")),
        chart=_fit(
            styled(charts.compute_over_time(models, trend, charts.words() | charts.trend_words(figs, lang), lang, dark))
        ),
    )
