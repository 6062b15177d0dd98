"""The tour's "twenty months on" step: the evidence since the article (``core.since``), each figure
with its as-of date, drawn with the What-next page's capex chart."""

from __future__ import annotations

from ui import since_view
from ui.charts import styled
from ui.cite import source_line
from ui.data import load
from ui.i18n import t
from ui.slides.base import Slide, _fit, _t


def _since(lang: str, dark: bool) -> Slide:
    from ui.since_charts import capex_chart

    frames = {
        "prices": load("prices"),
        "prices_since": load("prices_since"),
        "companies": load("companies"),
        "dates": load("dates"),
        "sources": load("sources"),
        "capex": load("capex"),
        "capex_since": load("capex_since"),
        "nvidia_dc_revenue": load("nvidia_dc_revenue"),
    }
    fs = since_view.figures(frames)
    f = since_view.tour_fields(fs, lang)
    rows = since_view.capex_view(frames["capex"], frames["capex_since"], frames["sources"], frames["companies"], lang)
    names = ("capex.big4.guidance_2026_vs_2025", "nvda.dc_since_shock", "group.chips.change", "group.power.change")
    return Slide(
        _t("since", "heading"),
        _t("since", "sentence", **f),
        _t("since", "note", **f),
        t("since.capex.alt", big4_change=f["big4_change"]),
        source_line(frames["sources"], *fs.sources(*names)),
        chart=_fit(styled(capex_chart(rows, since_view.capex_titles(lang))), "rows"),
    )
