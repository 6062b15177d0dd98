"""What-next chart: spending on compute (= GPUs, power) against the efficiency gain, one line per
elasticity. DataFrame in, Altair chart out."""

from __future__ import annotations

import altair as alt
import pandas as pd

from core import demand
from ui.charts import HIGHLIGHT, NEUTRAL, styled
from ui.stargate_charts import ink

OTHERS = ("#0072B2", "#E69F00", "#CC79A7", "#D55E00")  # Okabe-Ito, without the highlight green
TICKS = (0.001, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 1000, 10000, 100000)
DASHES = ([1, 0], [6, 3], [2, 2], [8, 3, 2, 3])


def curve_rows(elasticities: list[float], chosen: float, pass_through: float, label) -> pd.DataFrame:
    """Long rows (k, compute, series, chosen) for each elasticity and the chosen one;
    ``label(ε) -> str`` names a line."""
    ks = demand.log_grid()
    rows = []
    for e in dict.fromkeys([*elasticities, chosen]):
        is_chosen = abs(e - chosen) < 1e-9
        for k, c in zip(ks, demand.compute_curve(ks, e, pass_through)):
            rows.append({"k": k, "compute": c, "series": label(e), "chosen": is_chosen, "eps": e})
    return pd.DataFrame(rows)


def spending_chart(rows: pd.DataFrame, marker_k: float, point: tuple[float, float], titles: dict[str, str]) -> alt.Chart:
    """``titles``: x, y, series, today (the dashed 1× rule), marker (translated). Log-log; the chosen ε is drawn thick
    in the highlight colour, others dashed; labels at the line ends name each line."""
    series = list(dict.fromkeys(rows["series"]))
    colors = [HIGHLIGHT if rows.loc[rows["series"] == s, "chosen"].iloc[0] else OTHERS[i % len(OTHERS)]
              for i, s in enumerate(series)]
    dashes = [[1, 0] if rows.loc[rows["series"] == s, "chosen"].iloc[0] else DASHES[i % len(DASHES)]
              for i, s in enumerate(series)]
    lo = min(float(rows["compute"].min()), 1.0) / 1.3
    hi = max(float(rows["compute"].max()), 1.0) * 1.3
    x = alt.X("k:Q", title=titles["x"], scale=alt.Scale(type="log", domain=[1, 100]),
              axis=alt.Axis(values=[1, 2, 5, 10, 20, 50, 100], format="~g", labelExpr="datum.label + '×'"))
    ticks = [v for v in TICKS if lo <= v <= hi]
    y = alt.Y("compute:Q", title=titles["y"], scale=alt.Scale(type="log", domain=[lo, hi]),
              axis=alt.Axis(values=ticks, format=",~g", labelExpr="datum.label + '×'"))
    base = alt.Chart(rows)
    lines = base.mark_line(clip=True).encode(
        x=x, y=y, color=alt.Color("series:N", title=titles["series"], sort=series,
                                  scale=alt.Scale(domain=series, range=colors)),
        strokeDash=alt.StrokeDash("series:N", sort=series, scale=alt.Scale(domain=series, range=dashes), legend=None),
        size=alt.Size("chosen:N", scale=alt.Scale(domain=[False, True], range=[1.8, 4]), legend=None),
        tooltip=[alt.Tooltip("series:N", title=titles["series"]), alt.Tooltip("k:Q", title=titles["x"], format=".3~g"),
                 alt.Tooltip("compute:Q", title=titles["y"], format=".3~g")])
    ends = base.transform_filter("datum.k >= 99.9").mark_text(align="right", dx=-4, dy=-8, fontSize=12).encode(
        x="k:Q", y="compute:Q", text="series:N", color=alt.Color("series:N", legend=None, sort=series,
                                                                 scale=alt.Scale(domain=series, range=colors)))
    today = alt.Chart(pd.DataFrame({"y": [1.0], "t": [titles["today"]]})).mark_rule(color=NEUTRAL, strokeDash=[3, 3]).encode(y="y:Q")
    mark = alt.Chart(pd.DataFrame({"k": [marker_k], "t": [titles["marker"]], "y": [hi / 1.05]}))
    mark_rule = mark.mark_rule(color=ink(), strokeDash=[1, 3]).encode(x="k:Q")
    mark_text = mark.mark_text(align="right", baseline="top", dx=-4, fontSize=12, color=ink()).encode(
        x="k:Q", y="y:Q", text="t:N")
    here = alt.Chart(pd.DataFrame({"k": [point[0]], "compute": [point[1]]})).mark_point(
        shape="circle", size=140, filled=True, color=HIGHLIGHT, stroke="white").encode(x="k:Q", y="compute:Q")
    return styled(alt.layer(today, mark_rule, mark_text, lines, ends, here).properties(height=380))
