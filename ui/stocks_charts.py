"""Charts for the stock-reaction page: DataFrame in, Altair chart out.

Colour is the company group (``ui.charts`` palette); every mark also carries the group by shape
or dash and a text label, so nothing depends on colour alone.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import (
    GROUP_COLORS,
    group_color_scale,
    group_colours,
    group_label,
    group_shape_scale,
    reach,
    text_colour,
    with_rows,
)

BAR_HEIGHT = 24  # px per company: readable on a phone and a projector
LEGEND = alt.Legend(columns=2, symbolSize=120, labelLimit=360)  # two columns fit a phone's width; room for a
# group name at the presenter view's larger font ("Chips & networking" was cut short)
# the bars' legend: its symbols are the points' shapes, drawn without their white outline (a white
# edge left the triangle of "Power" a speck, and taller rows than the others); one column, since it
# starts where the bars do, right of the company names (two ran off a phone's edge in Japanese)
MARK_LEGEND = alt.Legend(columns=1, symbolSize=120, symbolStrokeWidth=0, symbolOpacity=1, labelLimit=360)  # as the bars


def _dash_scale(groups: list[str]) -> alt.Scale:
    dashes = {"gafam": [1, 0], "chips": [6, 3], "cloud": [2, 2], "power": [10, 2, 2, 2], "market": [1, 3]}
    keys = [g for g in GROUP_COLORS if g in groups]
    return alt.Scale(domain=[group_label(g) for g in keys], range=[dashes[g] for g in keys])


def drawdown_rows(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The rows ``drawdown_template`` draws. ``df`` columns: name, group (code), change (fraction),
    label (formatted text), flagged (bool: the low came after the company's own results; drawn
    faded), note."""
    df = df[["name", "group", "change", "label", "flagged", "note"]]  # only what is drawn
    data = df.assign(
        pct=df["change"] * 100,
        group_name=df["group"].map(group_label),
        opacity=df["flagged"].map({True: 0.4, False: 1.0}),
    )
    data["rank"] = data["pct"].rank(method="first")  # largest fall first (ties in the table's order)
    return {"bars": data}


def drawdown_template(groups: tuple[str, ...], titles: dict[str, str]) -> alt.LayerChart:
    """Horizontal bars, one per company, sorted from the largest fall; named rows (``drawdown_rows``),
    ``groups``: the group codes present. ``titles``: x, company, group, change, note."""
    from ui.present import chart_font_size

    font = chart_font_size()
    row = max(BAR_HEIGHT, round(font * 1.7))  # every company label fits, also at presenter size
    groups = list(groups)
    data = alt.NamedData("bars")
    # The order is a field and the x domain (0 and every change, with room for the labels at both ends,
    # phones too) is computed by Vega from the data: another window changes the data, not the spec, and
    # Streamlit redraws the chart in place. (Adding company groups changes the colour scale: a domain
    # of every group would show absent groups in the legend.)
    spread = (
        alt.Chart(data)
        .transform_joinaggregate(_lo="min(pct)", _hi="max(pct)")
        .transform_calculate(_lo="min(datum._lo, 0)", _hi="max(datum._hi, 0)")
        .transform_calculate(_span="max(datum._hi - datum._lo, 1)")
    )
    room = reach(spread, titles["x"], x="datum._lo - datum._span * 0.35", x2="datum._hi + datum._span * 0.25")
    base = alt.Chart(data).encode(
        y=alt.Y(
            "name:N",
            sort=alt.EncodingSortField("rank", op="min"),
            title=None,
            axis=alt.Axis(labelLimit=200 if font < 20 else 300),  # whole names, Japanese ones too, on a phone
        ),
        tooltip=[
            alt.Tooltip("name:N", title=titles["company"]),
            alt.Tooltip("group_name:N", title=titles["group"]),
            alt.Tooltip("label:N", title=titles["change"]),
            alt.Tooltip("note:N", title=titles["note"]),
        ],
    )
    color = alt.Color("group_name:N", scale=group_color_scale(groups), title=titles["group"], legend=MARK_LEGEND)
    bars = base.mark_bar(height=row * 0.7).encode(
        # the title ends where the plot does: centred under a phone's narrow plot it ran off the edge
        x=alt.X("pct:Q", title=titles["x"], scale=alt.Scale(nice=False), axis=alt.Axis(titleAnchor="end")),
        color=color,
        opacity=alt.Opacity("opacity:Q", legend=None, scale=None),
    )
    marks = base.mark_point(filled=True, size=70, stroke="white", strokeWidth=0.8).encode(
        x="pct:Q",
        color=color,
        shape=alt.Shape("group_name:N", scale=group_shape_scale(groups), title=titles["group"], legend=MARK_LEGEND),
    )
    # Labels take the group's text colour: its hue, ≥ 4.5:1 on the theme's background (``ui.charts.THEMES``).
    colours = group_colours(groups)
    neg = text_colour(
        base.transform_filter("datum.pct < 0")
        .mark_text(align="right", dx=-8, fontSize=font - 1)
        .encode(x="pct:Q", text="label:N"),
        "group_name",
        colours,
    )
    pos = text_colour(
        base.transform_filter("datum.pct >= 0")
        .mark_text(align="left", dx=8, fontSize=font - 1)
        .encode(x="pct:Q", text="label:N"),
        "group_name",
        colours,
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#888").encode(x="x:Q")
    return (room + bars + zero + marks + neg + pos).properties(height=alt.Step(row))


def drawdown_bars(df: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """``drawdown_template`` with its rows in it (the tour, tests)."""
    return with_rows(drawdown_template(tuple(dict.fromkeys(df["group"])), titles), drawdown_rows(df))


def end_labels(data: pd.DataFrame, min_gap: float = 0.04) -> pd.DataFrame:
    """The last point of each line, with ``label_y`` nudged so labels keep ``min_gap`` of the
    y range apart (they would otherwise pile up where lines end close together)."""
    last = data.sort_values("date").groupby("ticker").tail(1).sort_values("index").copy()
    gap = (data["index"].max() - data["index"].min()) * min_gap
    ys: list[float] = []
    for y in last["index"]:
        ys.append(max(y, ys[-1] + gap) if ys else y)
    last["label_y"] = ys
    return last


def index_rows(lines: pd.DataFrame, events: pd.DataFrame, window: tuple, window_title: str) -> dict[str, pd.DataFrame]:
    """The rows ``index_template`` draws. ``lines`` columns: date, ticker, name, group (code), index,
    close; ``events``: date, title, who (companies named, may be empty); ``window``: (start, end)."""
    data = lines[["date", "ticker", "name", "group", "index", "close"]].assign(
        group_name=lines["group"].map(group_label)
    )
    return {
        "lines": data,
        "ends": end_labels(data),
        "window": pd.DataFrame({"a": [pd.Timestamp(window[0])], "b": [pd.Timestamp(window[1])], "t": [window_title]}),
        "events": events.assign(date=pd.to_datetime(events["date"])),
    }


def index_template(groups: tuple[str, ...], with_events: bool, titles: dict[str, str]) -> alt.LayerChart:
    """Prices as an index (100 = the base close), one line per company, events as marked rules; named
    rows (``index_rows``). Lines end in their ticker (short enough for a phone); the tooltip gives the
    name. ``groups``: the group codes drawn. ``titles``: x, y, company, group, date, close, event, window.
    """
    groups = list(groups)
    color = alt.Color("group_name:N", scale=group_color_scale(groups), title=titles["group"], legend=LEGEND)
    dash = alt.StrokeDash("group_name:N", scale=_dash_scale(groups), title=titles["group"], legend=LEGEND)
    shade = (
        alt.Chart(alt.NamedData("window"))
        .mark_rect(opacity=0.2, color="#888")
        .encode(x="a:T", x2="b:T", tooltip=alt.Tooltip("t:N", title=titles["window"]))
    )
    hundred = alt.Chart(pd.DataFrame({"y": [100]})).mark_rule(color="#888").encode(y="y:Q")
    data = alt.NamedData("lines")
    path = (
        alt.Chart(data)
        .mark_line(strokeWidth=1.8)
        .encode(
            x=alt.X("date:T", title=titles["x"], axis=alt.Axis(format="%m/%d", labelOverlap=True)),
            y=alt.Y("index:Q", title=titles["y"], scale=alt.Scale(zero=False)),
            color=color,
            strokeDash=dash,
            detail="name:N",
        )
    )
    points = (
        alt.Chart(data)
        .mark_point(size=30, opacity=0)
        .encode(
            x="date:T",
            y="index:Q",
            tooltip=[
                alt.Tooltip("name:N", title=titles["company"]),
                alt.Tooltip("group_name:N", title=titles["group"]),
                alt.Tooltip("date:T", title=titles["date"], format="%Y-%m-%d"),
                alt.Tooltip("index:Q", title=titles["y"], format=".1f"),
                alt.Tooltip("close:Q", title=titles["close"], format=",.2f"),
            ],
        )
    )
    # the size as an encoding, not a mark property: ``end_labels`` spaces them for 11 px, so presenter
    # view must not grow them (``ui.charts.grow_text`` leaves encoded sizes alone)
    ends = text_colour(
        alt.Chart(alt.NamedData("ends"))
        .mark_text(align="left", dx=4)
        .encode(x="date:T", y=alt.Y("label_y:Q", title=titles["y"]), text="ticker:N", size=alt.value(11)),
        "group_name",
        group_colours(groups),
    )
    layers = [shade, hundred, path, points, ends]
    if with_events:
        ev = alt.Chart(alt.NamedData("events"))
        rules = ev.mark_rule(strokeDash=[3, 3], color="#777", opacity=0.7).encode(
            x="date:T",
            tooltip=[
                alt.Tooltip("date:T", title=titles["date"], format="%Y-%m-%d"),
                alt.Tooltip("title:N", title=titles["event"]),
            ],
        )
        flags = ev.mark_point(shape="triangle-down", filled=True, size=90, color="#888", yOffset=-4).encode(
            x="date:T",
            y=alt.value(0),
            tooltip=[
                alt.Tooltip("date:T", title=titles["date"], format="%Y-%m-%d"),
                alt.Tooltip("title:N", title=titles["event"]),
                alt.Tooltip("who:N", title=titles["company"]),
            ],
        )
        layers += [rules, flags]
    return alt.layer(*layers).properties(height=480)
