"""Charts of the scenarios page: cost and days around the reader's choice; cost against two
reference amounts. DataFrame in, Altair chart out; labels and tooltips come formatted."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
import streamlit as st

from ui.charts import HIGHLIGHT, NEUTRAL, SEQUENCE, styled

HEIGHT = 210


def text_color() -> str:
    """Label colour readable on the current theme (Altair text marks do not follow it)."""
    return "#FAFAFA" if st.context.theme.type == "dark" else "#262730"


def log_ticks(lo: float, hi: float) -> list[float]:
    """Tick values for a log axis from ``lo`` to ``hi``: powers of ten, with 2 and 5 between
    them when the range spans less than two decades."""
    lo, hi = max(lo, 1e-12), max(hi, lo)
    first, last = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    steps = (1, 2, 5) if last - first < 3 else (1,)
    ticks = [m * 10.0 ** e for e in range(first, last + 1) for m in steps]
    inside = [v for v in ticks if lo <= v <= hi]
    return inside if len(inside) >= 2 else [v for v in ticks if lo / 10 <= v <= hi * 10]


def money_label_expr(lang: str) -> str:
    """Vega expression for USD axis labels: 'USD 5M' / 'USD 500B', or 500万ドル / 5000億ドル."""
    if lang == "ja":
        return ("datum.value >= 1e12 ? format(datum.value / 1e12, '~g') + '兆ドル' : "
                "datum.value >= 1e8 ? format(datum.value / 1e8, '~g') + '億ドル' : "
                "datum.value >= 1e4 ? format(datum.value / 1e4, '~g') + '万ドル' : format(datum.value, '~g') + 'ドル'")
    return "'USD ' + replace(format(datum.value, '~s'), 'G', 'B')"


def sweep_chart(df: pd.DataFrame, y: str, y_title: str, x_title: str, log_x: bool, lang: str,
                color: str) -> alt.Chart:
    """One line (cost or days) against MFU or GPUs; the reader's choice is a labelled diamond.

    ``df``: x, <y>, x_label, <y>_label, current (bool), current_text (label on the marker)."""
    x_axis = (alt.Axis(format="~s", labelOverlap=True, tickCount=6) if log_x
              else alt.Axis(labelExpr="format(datum.value, '~r') + '%'", labelOverlap=True, tickCount=6))
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(type="log" if log_x else "linear"), axis=x_axis)
    ticks = log_ticks(float(df[y].min()), float(df[y].max()))
    axis = (alt.Axis(labelExpr=money_label_expr(lang), values=ticks) if y == "cost_usd"
            else alt.Axis(format="~s", values=ticks))
    yy = alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(type="log", nice=False, padding=10), axis=axis)
    tooltip = [alt.Tooltip("x_label:N", title=x_title), alt.Tooltip(f"{y}_label:N", title=y_title)]
    base = alt.Chart(df).encode(x=x, y=yy, tooltip=tooltip)
    line = base.mark_line(color=color, strokeWidth=2.5)
    current = df[df["current"]]
    marker = alt.Chart(current).encode(x=x, y=yy, tooltip=tooltip)
    point = marker.mark_point(shape="diamond", size=160, filled=True, color=HIGHLIGHT, stroke="white")
    text = marker.mark_text(align="left", dx=9, dy=-10, fontSize=13, fontWeight="bold").encode(
        text="current_text:N", color=alt.value(HIGHLIGHT))
    return styled(alt.layer(line, point, text).properties(height=HEIGHT))


def comparison_chart(df: pd.DataFrame, x_title: str, lang: str) -> alt.Chart:
    """Horizontal bars on a log scale: the reader's run, DeepSeek-V3's reported cost, Stargate.

    ``df``: name, usd, label (formatted amount), mine (bool)."""
    lo, hi = float(df["usd"].min()), float(df["usd"].max())
    domain = [10 ** math.floor(math.log10(lo) - 0.5), 10 ** math.ceil(math.log10(hi) + 1.5)]  # room for labels
    x = alt.X("usd:Q", title=x_title, scale=alt.Scale(type="log", domain=domain),
              axis=alt.Axis(labelExpr=money_label_expr(lang), tickCount=5, labelOverlap=True))
    y = alt.Y("name:N", title=None, sort=list(df["name"]), axis=alt.Axis(labelLimit=220))
    colors = alt.Scale(domain=[True, False], range=[HIGHLIGHT, NEUTRAL])
    bars = alt.Chart(df).mark_bar(height=20).encode(
        x=x, x2=alt.datum(domain[0]), y=y, color=alt.Color("mine:N", scale=colors, legend=None),
        tooltip=[alt.Tooltip("name:N", title=" "), alt.Tooltip("label:N", title=x_title)])
    text = alt.Chart(df).mark_text(align="left", dx=5, fontWeight="bold", fontSize=13, color=text_color()).encode(
        x=x, y=y, text="label:N")
    return styled(alt.layer(bars, text).properties(height=170))


COST_COLOR, DAYS_COLOR = SEQUENCE[0], SEQUENCE[1]
