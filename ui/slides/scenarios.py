"""The scenarios tour step: the reader's run, rendered from the scenarios page's figure model."""

from __future__ import annotations

from collections.abc import Mapping

from ui import scenarios_view as view
from ui.cite import source_line
from ui.data import load
from ui.i18n import t
from ui.slides.base import Slide, _fit, _t


def _scenario(lang: str, dark: bool, params: Mapping[str, str]) -> Slide:
    from ui.scenarios_charts import comparison_chart

    presets, facts, gpus, sources = load("presets"), load("facts"), load("gpus"), load("sources")
    o, _ = view.run(presets, facts, gpus, params)
    f = o.figures.texts(lang)
    f |= {"gpu": o.scenario.gpu, "preset": view.starting_point(o.description)}
    return Slide(
        _t("scenario", "heading"),
        _t("scenario", "sentence", **f),
        _t("scenario", "note", **f),
        t("scenarios.compare.alt", **f),
        source_line(sources, *view.sources_of(o)),
        chart=_fit(comparison_chart(view.comparison(o, lang), t("scenarios.compare.axis"), lang), "short"),
    )
