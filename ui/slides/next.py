"""What next's tour step: slides built from the page's data and models."""

from __future__ import annotations

from core import demand
from core.datasets import date_of, fact
from core.formatting import fmt_date, fmt_number, fmt_pct
from ui.cite import source_line
from ui.data import load
from ui.i18n import t
from ui.slides.base import Slide, _fit, _t


def _next(lang: str, dark: bool) -> Slide:
    from ui.demand_charts import curve_rows, spending_chart
    from ui.present import chart_font_size

    facts, dates, sources = load("facts"), load("dates"), load("sources")
    k = 1 / fact(facts, "article_cost_fraction_max")  # the article's "a tenth or less"
    e, share = 1.0, 1.0  # the What-next page's defaults: unit elasticity, the whole saving passed on
    out = demand.outcome(k, e, share)
    times = lambda v: f"{fmt_number(v, lang, 2 if v < 10 else 0)}×"  # noqa: E731
    rows = curve_rows(
        list(demand.CURVE_ELASTICITIES), e, share, lambda v: t("next.chart.series", eps=fmt_number(v, lang, 2))
    )
    titles = {
        "x": t("next.chart.x"),
        "y": t("next.chart.y"),
        "series": t("next.chart.series_title"),
        "today": t("next.chart.today"),
        "marker": t("next.chart.marker", k=times(k)),
    }
    low, high = (min(demand.CURVE_ELASTICITIES), max(demand.CURVE_ELASTICITIES))
    f = dict(
        k=fmt_number(k, lang, 0 if k >= 10 else 1),
        even=fmt_number(demand.break_even_elasticity(k, share), lang, 2),
        nadella=fmt_date(date_of(dates, "nadella_jevons_post"), lang),
        low=fmt_number(low, lang, 1),
        low_compute=times(demand.outcome(k, low, share).compute),
        high=fmt_number(high, lang, 1),
        high_compute=times(demand.outcome(k, high, share).compute),
    )
    return Slide(
        _t("what_next", "heading"),
        _t("what_next", "sentence", **f),
        _t("what_next", "note", **f),
        t(
            "next.chart.alt",
            share=fmt_pct(share, lang, 0, False),
            eps=fmt_number(e, lang, 2),
            k=times(k),
            compute=times(out.compute),
        ),
        source_line(sources, "ARTICLE", "NADELLA-JEVONS"),
        chart=_fit(
            spending_chart(
                rows,
                k,
                (k, out.compute),
                titles,
                lambda es: t(
                    "next.chart.series", eps=("、" if lang == "ja" else ", ").join(fmt_number(v, lang, 2) for v in es)
                ),
                chart_font_size(),
            )
        ),
    )
