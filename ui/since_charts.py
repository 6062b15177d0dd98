"""Charts of the evidence since the shock: rows from ``ui.since_view`` in, Altair chart out.

Colour is the company group (``ui.charts`` palette) and every mark carries its meaning twice (a
shape, a label or a tooltip), as on the other pages. Every chart's tooltip gives the as-of date of
what it draws; derived figures and estimates are drawn faded and say so in the tooltip.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import (
    NEUTRAL,
    group_color_scale,
    group_colours,
    group_label,
    group_shape_scale,
    ink,
    reach,
    stacked_legends,
    text_color,
    text_colour,
)
from ui.stocks_charts import BAR_HEIGHT, MARK_LEGEND


def since_chart(rows: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """One row per company (``since_view.company_rows``): a line from its lowest close since the
    base to its latest close, a tick at the low, a point at the latest close, labelled with the
    change; largest fall first. ``titles``: x, company, group, change, low, low_on, back, as_of."""
    from ui.present import chart_font_size

    font = chart_font_size()
    row = max(BAR_HEIGHT, round(font * 1.7))
    groups = [g for g in ("gafam", "chips", "cloud", "power", "market") if g in set(rows["group"])]
    data = rows.assign(
        pct=rows["change"] * 100,
        low_pct=rows["low"] * 100,
        group_name=rows["group"].map(group_label),
        rank=range(len(rows)),
    )[["name", "group_name", "pct", "low_pct", "change_text", "low_text", "low_on", "back", "as_of", "rank"]]
    color = alt.Color("group_name:N", scale=group_color_scale(groups), title=titles["group"], legend=MARK_LEGEND)
    base = alt.Chart(data).encode(
        y=alt.Y(
            "name:N",
            sort=alt.EncodingSortField("rank", op="min"),
            title=None,
            axis=alt.Axis(labelLimit=0),  # whole names: "コンステレーション・エナジー" was cut at 150 px
        ),
        tooltip=[
            alt.Tooltip("name:N", title=titles["company"]),
            alt.Tooltip("group_name:N", title=titles["group"]),
            alt.Tooltip("change_text:N", title=titles["change"]),
            alt.Tooltip("low_text:N", title=titles["low"]),
            alt.Tooltip("low_on:N", title=titles["low_on"]),
            alt.Tooltip("back:N", title=titles["back"]),
            alt.Tooltip("as_of:N", title=titles["as_of"]),
        ],
    )
    spread = (
        alt.Chart(data)
        .transform_joinaggregate(_lo="min(low_pct)", _hi="max(pct)")
        .transform_calculate(_lo="min(datum._lo, 0)", _hi="max(datum._hi, 0)")
        .transform_calculate(_span="max(datum._hi - datum._lo, 1)")
    )
    room = reach(spread, titles["x"], x="datum._lo - datum._span * 0.05", x2="datum._hi + datum._span * 0.22")
    span = base.mark_rule(strokeWidth=2, opacity=0.45).encode(
        # the axis title ends at the plot's right end: centred under a phone's narrow plot, it ran off the chart
        x=alt.X("low_pct:Q", title=titles["x"], scale=alt.Scale(nice=False), axis=alt.Axis(titleAnchor="end")),
        x2="pct:Q",
        color=color,
    )
    low = base.mark_tick(thickness=2, size=row * 0.6, color=NEUTRAL).encode(x="low_pct:Q")
    now = base.mark_point(filled=True, size=80, stroke="white", strokeWidth=0.8).encode(
        x="pct:Q",
        color=color,
        shape=alt.Shape("group_name:N", scale=group_shape_scale(groups), title=titles["group"], legend=MARK_LEGEND),
    )
    # in the group's hue, darkened (or lightened) to read on the theme: the chips' amber was 2.25:1
    label = text_colour(
        base.mark_text(align="left", dx=8, fontSize=font - 1).encode(x="pct:Q", text="change_text:N"),
        "group_name",
        group_colours(groups),
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#888").encode(x="x:Q")
    return (room + span + zero + low + now + label).properties(height=alt.Step(row))


# --- What next, "Twenty months on" -------------------------------------------------------------

STAGE_COLORS = ("#999999", "#0072B2", "#56B4E9", "#E69F00")  # plan, spent, spent (calendar), guided
HEADING = "_company"  # the first slot of each company's band: its name, above its bars
ROW_EMS = 1.25  # a bar's slot, in chart fonts: its amount's text (the font, in presenter view) never touches the next


def capex_chart(rows: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """Per company, one under the other: its name, then the 2025 plan at the article's date, 2025 as
    spent, and the latest 2026 guidance (``since_view.capex_view``); a guided range as a line through
    its bar, derived figures and estimates faded. ``titles``: x, company, stage, value, period, as_of.

    The names sit above the bars, not on a y axis: on a phone an axis of names ("Alphabet (Google)
    class A") took half the width, and the legend, which starts where the plot does, ran off it."""
    from ui.present import chart_font_size

    font = chart_font_size()
    stages = list(dict.fromkeys(rows.sort_values("order")["stage"]))
    companies = list(dict.fromkeys(rows["company"]))
    slots = [HEADING, *stages]
    color = alt.Color(
        "stage:N",
        title=titles["stage"],
        scale=alt.Scale(domain=stages, range=list(STAGE_COLORS[: len(stages)])),
        legend=alt.Legend(orient="bottom", columns=1, labelLimit=0),  # one column: a phone's width
        sort=stages,
    )
    y = alt.Y("company:N", title=None, sort=companies, axis=None, scale=alt.Scale(paddingInner=0.1))
    y_offset = alt.YOffset("stage:N", sort=slots, scale=alt.Scale(domain=slots))
    base = alt.Chart(rows).encode(
        y=y,
        yOffset=y_offset,
        tooltip=[
            alt.Tooltip("company:N", title=titles["company"]),
            alt.Tooltip("stage:N", title=titles["stage"]),
            alt.Tooltip("value_text:N", title=titles["value"]),
            alt.Tooltip("period:N", title=titles["period"]),
            alt.Tooltip("as_of:N", title=titles["as_of"]),
        ],
    )
    x = alt.X("value:Q", title=titles["x"], scale=alt.Scale(nice=False))
    room = reach(alt.Chart(rows).transform_joinaggregate(_hi="max(high)"), titles["x"], x="0", x2="datum._hi * 1.4")
    bars = base.mark_bar().encode(
        x=x, color=color, opacity=alt.condition("datum.faded", alt.value(0.5), alt.value(1.0))
    )
    ranges = (
        base.transform_filter("datum.low < datum.high")
        .mark_rule(strokeWidth=2, color=ink())
        .encode(x="low:Q", x2="high:Q")
    )
    labels = base.mark_text(align="left", dx=4, fontSize=font - 2, color=ink()).encode(x="high:Q", text="label:N")
    names = (
        alt.Chart(pd.DataFrame({"company": companies, "stage": HEADING}))
        .mark_text(align="left", baseline="middle", fontSize=font, fontWeight="bold", color=ink())
        .encode(x=alt.datum(0), y=y, yOffset=y_offset, text="company:N")
    )
    return (room + bars + ranges + labels + names).properties(height=alt.Step(round(font * ROW_EMS)))


# a quarter's name in two lines, its year in two digits ("Q4" over "FY25"), where one line is wider
# than its bar's band (a phone: Vega hid every other quarter's name, and two lines of "FY2025" touched)
QUARTER = "width / length(domain('x')) < 80 ? split(replace(datum.label, ' FY20', ' FY'), ' ') : datum.label"


def nvidia_chart(rows: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """NVIDIA's data-centre revenue a quarter (``since_view.nvidia_view``), derived quarters faded.
    ``titles``: x, y, quarter, value, ended, reported."""
    from ui.present import chart_font_size

    font = chart_font_size()
    order = list(rows.sort_values("order")["quarter"])
    base = alt.Chart(rows).encode(
        x=alt.X(
            "quarter:N",
            sort=order,
            title=titles["x"],
            axis=alt.Axis(labelAngle=0, labelLimit=0, labelExpr=QUARTER, labelOverlap=False),
        ),
        tooltip=[
            alt.Tooltip("quarter:N", title=titles["quarter"]),
            alt.Tooltip("value_text:N", title=titles["value"]),
            alt.Tooltip("ended:N", title=titles["ended"]),
            alt.Tooltip("reported:N", title=titles["reported"]),
        ],
    )
    bars = base.mark_bar(color="#009E73").encode(
        y=alt.Y("value:Q", title=titles["y"]),
        opacity=alt.condition("datum.faded", alt.value(0.45), alt.value(1.0)),
    )
    # Each quarter's amount above its bar; where a bar's band is narrower than the widest amount (a
    # phone: "USD 35.6B" and "356億ドル" touched their neighbours), every other one a line above the
    # taller of its neighbours. Vega decides from the chart's width: one chart for a phone and a laptop.
    size = font - 2
    need = max((text_ems(label) for label in rows["label"]), default=0) * size + LABEL_GAP
    narrow = f"width / {max(len(rows), 1)} < {need:.0f}"
    ordered = rows.sort_values("order")
    values, orders = ordered["value"].tolist(), ordered["order"].tolist()
    tops = {order: max(values[max(i - 1, 0) : i + 2]) for i, order in enumerate(orders)}  # with its neighbours
    lifted = base.transform_calculate(_top=by_order(tops), _y=f"{narrow} ? datum._top : datum.value")
    labels = [
        base.transform_filter("datum.order % 2 == 0")
        .mark_text(baseline="bottom", dy=-3, fontSize=size, color=ink())
        .encode(y="value:Q", text="label:N"),
        lifted.transform_filter("datum.order % 2 == 1")
        .mark_text(
            baseline="bottom", dy={"expr": f"{narrow} ? {-3 - round(size * 1.2)} : -3"}, fontSize=size, color=ink()
        )
        .encode(y=alt.Y("_y:Q", title=titles["y"]), text="label:N"),
    ]
    room = reach(base, titles["y"], y="datum.value * 1.2")  # the lifted amounts' line above the tallest bar
    return alt.layer(room, bars, *labels).properties(height=300)


def by_order(values: dict[int, float]) -> str:
    """A Vega expression: ``values[datum.order]`` (0 for an order not in it)."""
    expr = "0"
    for i, v in reversed(values.items()):
        expr = f"datum.order === {i} ? {v!r} : {expr}"
    return expr


LABEL_GAP = 6  # px between two amounts side by side


def text_ems(text: str) -> float:
    """A label's width in ems of its font, roughly: a wide (CJK) character one em, others 0.58."""
    import unicodedata

    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.58 for c in text)


SERIES_COLORS = ("#0072B2", "#D55E00")  # on-demand, one-year contract


def rental_chart(rows: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """H100 rental prices (``since_view.rental_view``): every row a point (a range as a line), the two
    markets in two colours and never joined; the shape says what the point is (a price, a median,
    a cycle low). ``titles``: x, y, series, kind, value, basis, as_of."""
    series = list(dict.fromkeys(rows["series"]))
    color = alt.Color(
        "series:N",
        title=titles["series"],
        scale=alt.Scale(domain=series, range=list(SERIES_COLORS[: len(series)])),
        legend=alt.Legend(orient="bottom", columns=1, labelLimit=0),
    )
    base = alt.Chart(rows).encode(
        x=alt.X(
            "date:T", title=titles["x"], scale=alt.Scale(padding=40), axis=alt.Axis(format="%Y-%m", labelOverlap=True)
        ),
        tooltip=[
            alt.Tooltip("series:N", title=titles["series"]),
            alt.Tooltip("kind:N", title=titles["kind"]),
            alt.Tooltip("value_text:N", title=titles["value"]),
            alt.Tooltip("basis:N", title=titles["basis"]),
            alt.Tooltip("as_of:N", title=titles["as_of"]),
        ],
    )
    y = alt.Y("value:Q", title=titles["y"], scale=alt.Scale(zero=True))
    ranges = (
        base.transform_filter("datum.low < datum.high")
        .mark_rule(strokeWidth=3, opacity=0.6)
        .encode(y=alt.Y("low:Q", title=titles["y"]), y2="high:Q", color=color)
    )
    points = base.mark_point(size=110, filled=True, opacity=0.95).encode(
        y=y,
        color=color,
        shape=alt.Shape(
            "kind:N",
            title=titles["kind"],
            # the shapes in the ink colour (Vega's default black vanished on the dark theme)
            legend=alt.Legend(orient="bottom", columns=1, labelLimit=0, symbolFillColor=ink(), symbolStrokeColor=ink()),
        ),
    )
    labels = text_colour(  # in the market's hue, legible on the theme (vermillion text was 3.9:1 on white)
        base.mark_text(align="left", dx=9, fontSize=11).encode(y="value:Q", text="value_text:N"),
        "series",
        dict(zip(series, SERIES_COLORS)),
    )
    # Streamlit fits the whole chart, legends included, into its height: room for two legends below,
    # one under the other (side by side, the second ran off a phone's screen)
    return stacked_legends((ranges + points + labels).properties(height=520))


def stargate_chart(rows: pd.DataFrame, goal: float, titles: dict[str, str]) -> alt.LayerChart:
    """Stargate's stated total gigawatts as points, each labelled as stated ('more than 10 GW'), and
    the stated goal as a dashed rule. ``titles``: x, y, value, as_of, goal."""
    base = alt.Chart(rows).encode(
        x=alt.X(
            "date:T", title=titles["x"], scale=alt.Scale(padding=60), axis=alt.Axis(format="%Y-%m", labelOverlap=True)
        ),
        tooltip=[alt.Tooltip("label:N", title=titles["value"]), alt.Tooltip("as_of:N", title=titles["as_of"])],
    )
    points = base.mark_point(size=120, filled=True, color="#CC79A7").encode(
        y=alt.Y("gw:Q", title=titles["y"], scale=alt.Scale(zero=True))
    )
    labels = base.mark_text(align="center", dy=-14, fontSize=12, color=ink()).encode(y="gw:Q", text="label:N")
    rule = (
        alt.Chart(pd.DataFrame({"gw": [goal], "t": [titles["goal"]]}))
        .mark_rule(strokeDash=[6, 4], color=NEUTRAL)
        .encode(y="gw:Q", tooltip=alt.Tooltip("t:N", title=titles["value"]))
    )
    rule_text = (
        alt.Chart(pd.DataFrame({"gw": [goal], "t": [titles["goal"]]}))
        .mark_text(align="left", baseline="bottom", dy=-3, fontSize=12, color=text_color(NEUTRAL))
        .encode(y="gw:Q", x=alt.value(4), text="t:N")
    )
    # a line's room above the highest point and the goal: the top label ('more than 10 GW') touched the edge
    room = reach(base, titles["y"], y=f"max(datum.gw, {goal!r}) * 1.15")
    return (room + rule + rule_text + points + labels).properties(height=280)
