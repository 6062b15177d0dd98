"""Charts of the scenarios page: cost and days around the reader's choice; cost against two
reference amounts. DataFrame in, Altair chart out; labels and tooltips come formatted."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from core import scenarios as S
from ui.charts import HIGHLIGHT, NEUTRAL, SEQUENCE, ink, reach, styled, text_color, with_rows

HEIGHT = 210


PAD = 10  # px between the line's ends and the plot's edges
LO, HI = "sweep_lo", "sweep_hi"  # Vega parameters: the extents of the y axis's ends (the ``room`` layer)


def _decades(steps: tuple[int, ...]) -> str:
    return "[" + ", ".join(f"{m}e{e}" for e in range(-3, 16) for m in steps) + "]"


# The y axis of a sweep (log): ticks at 1, 2 and 5 times each power of ten when the line spans less
# than three decades (from the power of ten below its lowest point to the one above its highest),
# else at the powers of ten alone, and only along the line (none in the padding). Vega works this out
# from the line's extent (parameters of the data): ticks computed here would change the spec, and
# make Streamlit embed a new chart, on every slider move. 0.001 to 1e15: the days and dollars the
# controls reach.
LOG_TICKS = (
    f"ceil(log({HI}[1]) / LN10 - 1e-9) - floor(log({LO}[0]) / LN10 + 1e-9) < 3"
    f" ? {_decades((1, 2, 5))} : {_decades((1,))}"
)
ON_LINE = f"datum.value >= {LO}[0] * (1 - 1e-9) && datum.value <= {HI}[1] * (1 + 1e-9)"


def y_extent() -> int:
    """The width (px) the sweeps' y axes take, labels and ticks: the same for the cost and the days,
    so the two charts' plots, one above the other, line up on their shared x axis. Room for the
    longest money label ("1000万ドル", "USD 500B") at the chart font (larger in presenter view)."""
    from ui.present import chart_font_size

    return round(Y_LABEL_EMS * chart_font_size())


Y_LABEL_EMS = 6.2  # the longest y label, in ems of the chart font


def log_axis(label_expr: str, extent: int | None = None) -> alt.Axis:
    """The y axis of a sweep: ``LOG_TICKS`` along the line, labelled by ``label_expr``, ``extent``
    px wide (labels and ticks) at least."""
    shown = {"condition": {"test": ON_LINE, "value": 1}, "value": 0}
    return alt.Axis(
        values={"expr": LOG_TICKS},
        labelExpr=f"{ON_LINE} ? {label_expr} : ''",
        tickOpacity=shown,
        gridOpacity=shown,
        labelLimit=0,
        minExtent=extent if extent is not None else alt.Undefined,
    )  # "1000万ドル" whole at the presenter view's font


def money_label_expr(lang: str) -> str:
    """Vega expression for USD axis labels: 'USD 5M' / 'USD 500B', or 500万ドル / 5000億ドル."""
    if lang == "ja":
        return (
            "datum.value >= 1e12 ? format(datum.value / 1e12, '~g') + '兆ドル' : "
            "datum.value >= 1e8 ? format(datum.value / 1e8, '~g') + '億ドル' : "
            "datum.value >= 1e4 ? format(datum.value / 1e4, '~g') + '万ドル' : format(datum.value, '~g') + 'ドル'"
        )
    return "'USD ' + replace(format(datum.value, '~s'), 'G', 'B')"


def sweep_labels(cols: dict[str, list], axis: str, lang: str) -> dict[str, list]:
    """``core.scenarios.sweep_columns`` with the texts of its points: x_label (the MFU or the number
    of GPUs, as the inputs show them), cost_usd_label and days_label (as the results show them)."""
    x_text = (
        (lambda x: S.input_figure("mfu", x / 100).text(lang))
        if axis == "mfu"
        else (lambda x: S.gpus_figure(x).text(lang))
    )
    return {
        **cols,
        "x_label": [x_text(x) for x in cols["x"]],
        "cost_usd_label": [S.cost_figure(v).text(lang) for v in cols["cost_usd"]],
        "days_label": [S.days_figure(v).text(lang) for v in cols["days"]],
    }


def export_table(rows: dict[str, list], numbers: tuple[str, ...], labels: tuple[str, ...]) -> pd.DataFrame:
    """A chart's rows as its CSV download offers them: the ``numbers`` columns written out in full
    (a CSV writer would put 1e-05 or 3.2856e+24), then the ``labels`` columns (texts as the chart
    shows them, flags) as they are."""

    def plain(v) -> str:
        return np.format_float_positional(float(v), trim="-")

    return pd.DataFrame({**{c: [plain(v) for v in rows[c]] for c in numbers}, **{c: rows[c] for c in labels}})


def sweep_rows(table: pd.DataFrame | dict[str, list]) -> dict[str, dict[str, list]]:
    """The rows ``sweep_template`` draws: the line and the reader's choice on it.

    ``table`` (a frame or columns of lists): x, <y>, x_label, <y>_label, current (bool),
    current_text (label on the marker)."""
    cols = table.to_dict("list") if isinstance(table, pd.DataFrame) else table
    at = [i for i, c in enumerate(cols["current"]) if c]
    return {"sweep": cols, "current": {k: [v[i] for i in at] for k, v in cols.items()}}


def sweep_template(y: str, y_title: str, x_title: str, log_x: bool, lang: str, color: str) -> alt.LayerChart:
    """One line (cost or days) against MFU or GPUs; the reader's choice is a labelled diamond.
    Drawn from named rows (``sweep_rows``): built once, whatever the reader's numbers."""
    x_axis = (
        alt.Axis(format="~s", labelOverlap=True, tickCount=6)
        if log_x
        else alt.Axis(labelExpr="format(datum.value, '~r') + '%'", labelOverlap=True, tickCount=6)
    )
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(type="log" if log_x else "linear"), axis=x_axis)
    axis = log_axis(f"({money_label_expr(lang)})" if y == "cost_usd" else "format(datum.value, '~s')", y_extent())
    yy = alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(type="log", nice=False, padding=PAD), axis=axis)
    tooltip = [alt.Tooltip("x_label:N", title=x_title), alt.Tooltip(f"{y}_label:N", title=y_title)]
    base = alt.Chart(alt.NamedData("sweep")).encode(x=x, y=yy, tooltip=tooltip)
    line = base.mark_line(color=color, strokeWidth=2.5)
    marker = alt.Chart(alt.NamedData("current")).encode(x=x, y=yy, tooltip=tooltip)
    point = marker.mark_point(shape="diamond", size=160, filled=True, color=HIGHLIGHT, stroke="white")
    text = marker.mark_text(align="left", dx=9, dy=-10, fontSize=13, fontWeight="bold").encode(
        text="current_text:N", color=alt.value(text_color(HIGHLIGHT))
    )
    # the axis's span: the line's, except that a flat line (the cost against the number of GPUs) gets
    # at least a factor 9 around it, with ticks, instead of an empty span where Vega cannot place any
    spread = (
        alt.Chart(alt.NamedData("sweep"))
        .transform_joinaggregate(_lo=f"min({y})", _hi=f"max({y})")
        .transform_calculate(_mid="sqrt(datum._lo * datum._hi)")
    )
    room = (
        reach(spread, y_title, y="min(datum._lo, datum._mid / 3)", y2="max(datum._hi, datum._mid * 3)")
        .transform_extent("_reach_y", LO)
        .transform_extent("_reach_y2", HI)
    )
    return styled(alt.layer(room, line, point, text).properties(height=HEIGHT))


def sweep_chart(
    df: pd.DataFrame, y: str, y_title: str, x_title: str, log_x: bool, lang: str, color: str
) -> alt.LayerChart:
    """``sweep_template`` with its rows in it (a self-contained chart: the tour, tests)."""
    return with_rows(sweep_template(y, y_title, x_title, log_x, lang, color), sweep_rows(df))


def comparison_rows(df: pd.DataFrame | dict[str, list]) -> dict[str, dict[str, list]]:
    """``df`` (a frame or columns of lists): name, usd, label (formatted amount), mine (bool), top to bottom."""
    cols = df.to_dict("list") if isinstance(df, pd.DataFrame) else dict(df)
    return {"bars": {**cols, "row": list(range(len(cols["name"])))}}


LABEL_ROOM = 4  # the comparison's axis ends at 4× the largest amount: 0.6 of a decade, room for its label


def comparison_template(x_title: str, lang: str) -> alt.LayerChart:
    """Horizontal bars on a log scale: the reader's run, DeepSeek-V3's reported cost, Stargate
    (named rows: ``comparison_rows``)."""
    # the axis from the power of ten at least half a decade below the smallest amount to just beyond
    # the largest (room for its label, no empty decades); Vega computes it from the data
    data = alt.NamedData("bars")
    x = alt.X(
        "usd:Q",
        title=x_title,
        scale=alt.Scale(type="log", nice=False),
        stack=None,
        axis=alt.Axis(labelExpr=money_label_expr(lang), tickCount=5, labelOverlap=True),
    )
    room = reach(data, x_title, x="pow(10, floor(log(datum.usd) / LN10 - 0.5))", x2=f"datum.usd * {LABEL_ROOM}")
    y = alt.Y("name:N", title=None, sort=alt.EncodingSortField("row", op="min"), axis=alt.Axis(labelLimit=0))
    colors = alt.Scale(domain=[True, False], range=[HIGHLIGHT, NEUTRAL])
    bars = (
        alt.Chart(data)
        .mark_bar(height=20)
        .encode(  # from the axis's start (x2: its left edge)
            x=x,
            x2=alt.value(0),
            y=y,
            color=alt.Color("mine:N", scale=colors, legend=None),
            tooltip=[alt.Tooltip("name:N", title=" "), alt.Tooltip("label:N", title=x_title)],
        )
    )
    text = (
        alt.Chart(data)
        .mark_text(align="left", dx=5, fontWeight="bold", fontSize=13, color=ink())
        .encode(x=x, y=y, text="label:N")
    )
    # a row's height, not the chart's: at the presenter's larger axis labels three rows in a fixed
    # 170 px left no room for the middle label, and Vega dropped it
    return styled(alt.layer(room, bars, text).properties(height=alt.Step(44)))


def comparison_chart(df: pd.DataFrame, x_title: str, lang: str) -> alt.LayerChart:
    """``comparison_template`` with its rows in it (the tour, tests)."""
    return with_rows(comparison_template(x_title, lang), comparison_rows(df))


COST_COLOR, DAYS_COLOR = SEQUENCE[0], SEQUENCE[1]
SWEEPS = (("cost_usd", COST_COLOR, "cost"), ("days", DAYS_COLOR, "days"))  # (y, colour, chart name in exports)
