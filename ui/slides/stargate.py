"""Stargate's tour step: slides built from the page's data and models."""

from __future__ import annotations

from core import capex, headlines
from core.datasets import date_of, fact
from core.formatting import fmt_date, fmt_number
from ui.cite import source_line
from ui.data import load
from ui.i18n import t
from ui.slides.base import BASE_FONT, Slide, _fit, _t, _usd


def _stargate(lang: str, dark: bool) -> Slide:
    from ui.capex_charts import plan_actual_chart, plan_actual_rows

    facts, dates, capex_df, sources = load("facts"), load("dates"), load("capex"), load("sources")
    cost = headlines.cost_headline(facts)
    announced = date_of(dates, "stargate_announced")
    article_date = sources.loc[sources["source_id"] == "ARTICLE", "date"].iloc[0].date()
    tickers = ["MSFT", "GOOGL", "AMZN", "META"]
    plan = capex.plan_vs_actual(capex_df, tickers, announced.year, article_date)
    names = {tk: t(f"stargate.company.{tk}") for tk in tickers}
    unit = 1e8 if lang == "ja" else 1e9  # 億ドル / USD billion, as the axis title says
    rows = plan_actual_rows(
        plan, names, unit, lambda v: _usd(v, lang, 1), (t("stargate.capex.reference"), cost.stargate_per_year_usd)
    )
    legend = {k: t(f"stargate.capex.legend_{k}") for k in ("reference", "plan", "actual")}
    f = dict(
        date=fmt_date(announced, lang),
        budget=_usd(cost.stargate_usd, lang),
        years=fmt_number(cost.stargate_years, lang),
        per_year=_usd(cost.stargate_per_year_usd, lang),
        initial=_usd(fact(facts, "stargate_initial_usd"), lang),
        year=announced.year,
    )
    return Slide(
        _t("stargate", "heading", **f),
        _t("stargate", "sentence", **f),
        _t("stargate", "note", **f),
        t("stargate.capex.alt"),
        source_line(sources, "STARGATE-OAI", *plan["source_id"]),
        chart=_fit(plan_actual_chart(rows, t("stargate.spend.axis"), legend, BASE_FONT), "short"),
    )
