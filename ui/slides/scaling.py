"""The scaling law's tour step: slides built from the page's data and models."""

from __future__ import annotations

from core.formatting import fmt_number
from ui.charts import styled
from ui.cite import source_line
from ui.data import load
from ui.i18n import t
from ui.slides.base import Slide, _fit, _t


def _scaling(lang: str, dark: bool) -> Slide:
    from core import scaling
    from ui import scaling_charts as charts

    models, sources = load("models_compute"), load("sources")
    first, last = int(models["date"].dt.year.min()), int(models["date"].dt.year.max())
    trend = scaling.trend_fit(models["date"], models["training_compute_flop"], first, last)
    words = {
        k: t(f"scaling.words.{k}")
        for k in ("date", "compute", "model", "organization", "confidence_title", "deepseek", "others")
    }
    words["confidence"] = {c: t(f"scaling.confidence.{c}") for c in charts.CONFIDENCE_SHAPES}
    words["trend_label"] = t("scaling.trend.label", growth=fmt_number(trend.growth_per_year, lang, 1))
    by_model = models.set_index("model")
    f = dict(
        first=first,
        last=last,
        count=len(models),
        growth=fmt_number(trend.growth_per_year, lang, 1),
        months=fmt_number(trend.doubling_months, lang, 1),
        v3=scaling.flop_label(by_model.loc[charts.HIGHLIGHT_MODEL, "training_compute_flop"]),
        top=scaling.flop_label(models["training_compute_flop"].max()),
        top_model=models.loc[models["training_compute_flop"].idxmax(), "model"],
    )
    return Slide(
        _t("scaling", "heading"),
        _t("scaling", "sentence", **f),
        _t("scaling", "note", **f),
        t("scaling.trend.alt", count=len(models), first=first, last=last),
        source_line(sources, "EPM"),
        chart=_fit(styled(charts.compute_over_time(models, trend, words, lang, dark))),
    )
