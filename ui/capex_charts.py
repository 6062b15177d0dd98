"""Capex chart: each company's plan (bar, with its range as a line) and what it then spent (diamond).

Shared by the Stargate and What-next pages. DataFrame in, Altair chart out.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import GROUP_COLORS, HIGHLIGHT, styled
from ui.stargate_charts import ink

ROW = 50
ACTUAL_COLOR = "#D55E00"  # vermillion diamond: reported spending


def plan_actual_rows(
    plan_actual: pd.DataFrame, names: dict[str, str], unit: float, fmt_money, reference: tuple[str, float] | None = None
) -> pd.DataFrame:
    """One row a company from ``core.capex.plan_vs_actual``: label, plan_low/mid/high, actual (in ``unit``
    USD), text; plus an optional reference row (label, USD) drawn first, e.g. Stargate's yearly budget.
    ``fmt_money(usd) -> str`` formats the texts."""
    rows = []
    if reference is not None:
        rows.append(
            {
                "label": reference[0],
                "kind": "reference",
                "plan_low": reference[1] / unit,
                "plan_mid": reference[1] / unit,
                "plan_high": reference[1] / unit,
                "actual": None,
                "text": fmt_money(reference[1]),
            }
        )
    for ticker, grp in plan_actual.groupby("ticker", sort=False):
        plan = grp[grp["kind"] == "guidance"]
        actual = grp[grp["kind"] == "actual"]
        row = {
            "label": names.get(ticker, ticker),
            "kind": "company",
            "plan_low": None,
            "plan_mid": None,
            "plan_high": None,
            "actual": None,
        }
        texts = []
        if not plan.empty:
            p = plan.iloc[0]
            row.update(plan_low=p["low_usd"] / unit, plan_mid=p["mid_usd"] / unit, plan_high=p["high_usd"] / unit)
            texts.append(
                fmt_money(p["low_usd"])
                if p["low_usd"] == p["high_usd"]
                else f"{fmt_money(p['low_usd'])}–{fmt_money(p['high_usd'])}"
            )
        if not actual.empty:
            row["actual"] = actual.iloc[0]["mid_usd"] / unit
            texts.append(f"◆ {fmt_money(actual.iloc[0]['mid_usd'])}")
        row["text"] = " → ".join(texts)
        rows.append(row)
    return pd.DataFrame(rows)


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
        legend=alt.Legend(labelLimit=360, columns=1),
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
                    labelLimit=360, symbolFillColor=ACTUAL_COLOR, symbolStrokeColor=ACTUAL_COLOR, symbolSize=150
                ),
            ),
            tooltip=[alt.Tooltip("label:N", title=" "), alt.Tooltip("text:N", title=x_title)],
        )
    )
    names = base.mark_text(align="left", baseline="bottom", dy=-2, fontSize=font, color=ink()).encode(
        x=alt.datum(0), text="heading:N"
    )
    return styled(
        alt.layer(bars, ranges, actual, names)
        .resolve_legend(color="independent", shape="independent")
        .properties(height=alt.Step(round(ROW * k)))
    )
