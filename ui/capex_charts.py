"""Capex chart: each company's plan (bar, with its range as a line) and what it then spent (diamond).

One chart of one figure model (``core.capex.capex_figures``), drawn the same on the Stargate and
What-next pages and in the tour's Stargate step. Figures in, Altair chart out.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from core.capex import Amount, CapexFigures, usd_axis_unit
from ui.charts import GROUP_COLORS, HIGHLIGHT, ink, stacked_legends, styled
from ui.i18n import t

ROW = 50
ACTUAL_COLOR = "#D55E00"  # vermillion diamond: reported spending


def amount_text(amount: Amount, lang: str) -> str:
    """A stated amount: one figure, or its range ("USD 60B–USD 65B" / "600億ドル–650億ドル")."""
    if not amount.ranged:
        return amount.mid.text(lang)
    return f"{amount.low.text(lang)}–{amount.high.text(lang)}"


def later_items(figs: CapexFigures, lang: str) -> list[str]:
    """The plans for the following year, one "company amount (date)" text each."""
    return [
        t(
            "next.capex.later_item",
            company=t(f"stargate.company.{c.ticker}"),
            amount=amount_text(c.plan, lang),
            date=c.plan.stated.text(lang),
        )
        for c in figs.later
        if c.plan is not None
    ]


def plan_actual_rows(figs: CapexFigures, lang: str) -> pd.DataFrame:
    """The chart's rows from ``core.capex.capex_figures``: the reference (Stargate's yearly average)
    first, then one row a company: label, kind, plan_low/mid/high and actual in the language's axis
    unit (``core.capex.usd_axis_unit``), and the text of its figures."""
    unit = usd_axis_unit(lang)
    ref = figs.reference.number / unit
    rows = [
        {
            "label": t("stargate.capex.reference"),
            "kind": "reference",
            "plan_low": ref,
            "plan_mid": ref,
            "plan_high": ref,
            "actual": None,
            "text": figs.reference.text(lang),
        }
    ]
    for c in figs.companies:
        row = {"label": t(f"stargate.company.{c.ticker}"), "kind": "company"}
        row |= {"plan_low": None, "plan_mid": None, "plan_high": None, "actual": None}
        texts = []
        if c.plan is not None:
            row |= {f"plan_{k}": getattr(c.plan, k).number / unit for k in ("low", "mid", "high")}
            texts.append(amount_text(c.plan, lang))
        if c.actual is not None:
            row["actual"] = c.actual.mid.number / unit
            texts.append(f"◆ {c.actual.mid.text(lang)}")
        row["text"] = " → ".join(texts)
        rows.append(row)
    return pd.DataFrame(rows)


def capex_chart(figs: CapexFigures, lang: str, font: int | None = None) -> alt.Chart:
    """The capex chart of ``figs`` in ``lang`` (the one builder: the pages pass it to
    ``ui.charts.build``, the tour calls it at the base font and scales the text itself)."""
    legend = {
        "reference": t("stargate.capex.legend_reference"),
        "plan": t("stargate.capex.legend_plan", year=figs.year, as_of=figs.as_of.text(lang)),
        "actual": t("stargate.capex.legend_actual"),
    }
    return plan_actual_chart(plan_actual_rows(figs, lang), t("stargate.spend.axis"), legend, font)


def plan_actual_chart(rows: pd.DataFrame, x_title: str, legend: dict[str, str], font: int | None = None) -> alt.Chart:
    """``rows`` from ``plan_actual_rows``; ``legend``: {'reference', 'plan', 'actual'} translated names.
    Headings, bars and rows grow with ``font`` (default: the chart font, larger in presenter view;
    the tour passes 13 and scales the text itself)."""
    from ui.present import chart_font_size

    font = font or chart_font_size()
    k = font / 13  # 1 on a laptop
    df = rows.assign(order=range(len(rows)))
    df["bar_kind"] = df["kind"].map({"reference": legend["reference"], "company": legend["plan"]})
    df["right"] = df[["plan_high", "actual"]].max(axis=1)
    df["heading"] = df["label"] + " · " + df["text"]  # value in the heading: no text runs off a phone screen
    y = alt.Y(
        "label:N",
        sort=alt.EncodingSortField("order", op="min"),
        axis=None,
        scale=alt.Scale(paddingInner=0, paddingOuter=0.1),
    )
    top = float(df["right"].max()) if len(df) else 1.0
    x_scale = alt.Scale(domain=[0, top * 1.08], nice=False)
    base = alt.Chart(df).encode(y=y)
    color = alt.Color(
        "bar_kind:N",
        title=None,
        legend=alt.Legend(labelLimit=0, columns=1),
        scale=alt.Scale(domain=[legend["reference"], legend["plan"]], range=[HIGHLIGHT, GROUP_COLORS["gafam"]]),
    )
    bars = base.mark_bar(height=16 * k, yOffset=8 * k, cornerRadiusEnd=3).encode(
        x=alt.X("plan_mid:Q", title=x_title, scale=x_scale, axis=alt.Axis(tickCount=5)),
        color=color,
        tooltip=[alt.Tooltip("label:N", title=" "), alt.Tooltip("text:N", title=x_title)],
    )
    ranges = (
        base.transform_filter("datum.plan_low < datum.plan_high")
        .mark_rule(strokeWidth=3, yOffset=8 * k, color=ink())
        .encode(x="plan_low:Q", x2="plan_high:Q")
    )
    actual = (
        base.transform_filter("isValid(datum.actual)")
        .transform_calculate(what=f"'{legend['actual']}'")
        .mark_point(
            shape="diamond",
            size=170 * k * k,
            filled=True,
            yOffset=8 * k,
            color=ACTUAL_COLOR,
            stroke="white",
            strokeWidth=1,
        )
        .encode(
            x="actual:Q",
            shape=alt.Shape(
                "what:N",
                title=None,
                scale=alt.Scale(range=["diamond"]),
                legend=alt.Legend(
                    labelLimit=0, symbolFillColor=ACTUAL_COLOR, symbolStrokeColor=ACTUAL_COLOR, symbolSize=150
                ),
            ),
            tooltip=[alt.Tooltip("label:N", title=" "), alt.Tooltip("text:N", title=x_title)],
        )
    )
    names = base.mark_text(align="left", baseline="bottom", dy=-2, fontSize=font, color=ink()).encode(
        x=alt.datum(0), text="heading:N"
    )
    return stacked_legends(  # the plans' legend, then the diamond's under it: side by side, a phone cut it
        styled(
            alt.layer(bars, ranges, actual, names)
            .resolve_legend(color="independent", shape="independent")
            .properties(height=alt.Step(round(ROW * k)))
        )
    )
