"""Charts for the stock-reaction page: DataFrame in, Altair chart out.

Colour is the company group (``ui.charts`` palette); every mark also carries the group by shape
or dash and a text label, so nothing depends on colour alone.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from core.formatting import fmt_date, fmt_number
from ui.charts import (
    BASE_FONT,
    GROUP_COLORS,
    HIGHLIGHT,
    group_color_scale,
    group_colours,
    group_label,
    group_shape_scale,
    reach,
    text_color,
    text_colour,
    with_rows,
)
from ui.i18n import t

BAR_HEIGHT = 24  # px per company: readable on a phone and a projector
COMPACT_BAR_HEIGHT = 19  # px per company on Home, where the chart shares a phone's first screen
LABEL_ROOM_EMS = 4.2  # the compact chart's room for a value label beyond its bar's end ("−28.3%" and its gap)
LEGEND = alt.Legend(columns=2, symbolSize=120, labelLimit=360)  # two columns fit a phone's width; room for a
# group name at the presenter view's larger font ("Chips & networking" was cut short)
# the bars' legend: its symbols are the points' shapes, drawn without their white outline (a white
# edge left the triangle of "Power" a speck, and taller rows than the others); one column, since it
# starts where the bars do, right of the company names (two ran off a phone's edge in Japanese)
MARK_LEGEND = alt.Legend(columns=1, symbolSize=120, symbolStrokeWidth=0, symbolOpacity=1, labelLimit=360)  # as the bars


def compact_legend(groups: list[str]) -> alt.Legend:
    """Home's compact chart: the legend inside the plot's bottom-left corner, by the groups' short
    names and without its title (the line above the chart says what the bars are). That corner is
    empty at the article's window: GAFAM's small moves are the bottom rows, their bars near zero, so
    the legend takes no height of its own; above the plot it ran off a phone's edge in Japanese."""
    label = "datum.label"
    for g in reversed(groups):
        label = f"datum.label === {json.dumps(group_label(g))} ? {json.dumps(t(f'groups.short.{g}'))} : {label}"
    return alt.Legend(
        orient="bottom-left",
        offset=2,  # tucked into the corner (Vega's 18 px reached the fifth row from the bottom on a phone)
        direction="vertical",
        title=None,
        symbolSize=100,
        symbolStrokeWidth=0,
        symbolOpacity=1,
        labelExpr=label,
    )


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


NAME_EMS = 16  # room for a company name by the bars, in ems of the chart font (コンステレーション・エナジー: 14)


def drawdown_template(groups: tuple[str, ...], titles: dict[str, str], compact: bool = False) -> alt.LayerChart:
    """Horizontal bars, one per company, sorted from the largest fall; named rows (``drawdown_rows``),
    ``groups``: the group codes present. ``titles``: x, company, group, change, note. ``compact``
    (Home, above the fold on a phone): shorter rows, the legend in a row on top, no x axis (every
    bar carries its value; the text above the chart names the measure)."""
    from ui.present import chart_font_size

    font = chart_font_size()
    row = max(COMPACT_BAR_HEIGHT if compact else BAR_HEIGHT, round(font * 1.7))  # every company label fits
    groups = list(groups)
    legend = compact_legend(groups) if compact else MARK_LEGEND
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
    if compact:  # room for the labels in px (Vega's scale padding): a phone's plot is narrow beside Japanese names
        room = reach(spread, titles["x"], x="datum._lo", x2="datum._hi")
        x_scale = alt.Scale(nice=False, padding=font * LABEL_ROOM_EMS)
    else:
        room = reach(spread, titles["x"], x="datum._lo - datum._span * 0.35", x2="datum._hi + datum._span * 0.25")
        x_scale = alt.Scale(nice=False)
    base = alt.Chart(data).encode(
        y=alt.Y(
            "name:N",
            sort=alt.EncodingSortField("rank", op="min"),
            title=None,
            axis=alt.Axis(labelLimit=font * NAME_EMS),  # whole names, Japanese ones too, on a phone and a projector
        ),
        tooltip=[
            alt.Tooltip("name:N", title=titles["company"]),
            alt.Tooltip("group_name:N", title=titles["group"]),
            alt.Tooltip("label:N", title=titles["change"]),
            alt.Tooltip("note:N", title=titles["note"]),
        ],
    )
    color = alt.Color("group_name:N", scale=group_color_scale(groups), title=titles["group"], legend=legend)
    bars = base.mark_bar(height=row * 0.7).encode(
        # the title ends where the plot does: centred under a phone's narrow plot it ran off the edge
        x=alt.X("pct:Q", title=titles["x"], scale=x_scale, axis=alt.Axis(titleAnchor="end")),
        color=color,
        opacity=alt.Opacity("opacity:Q", legend=None, scale=None),
    )
    marks = base.mark_point(filled=True, size=70, stroke="white", strokeWidth=0.8).encode(
        x="pct:Q",
        color=color,
        shape=alt.Shape("group_name:N", scale=group_shape_scale(groups), title=titles["group"], legend=legend),
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
    chart = (room + bars + zero + marks + neg + pos).properties(height=alt.Step(row))
    return chart.configure_axisX(disable=True) if compact else chart  # the x axis of every layer


def drawdown_bars(df: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """``drawdown_template`` with its rows in it (the tour, tests)."""
    return with_rows(drawdown_template(tuple(dict.fromkeys(df["group"])), titles), drawdown_rows(df))


# ---- Prices against the base (= 100) ------------------------------------------------------------
# Each group one bold line (the median of its members' indices each day), its members thin and faded
# until the reader picks the group (a click or tap on a line: its members come forward with their
# tickers; a double click goes back). Events sit in a band along the bottom of the plot: small
# markers, a few labelled (content: stocks.index.event_<date>), the rest named on hover.

INDEX_HEIGHT = 340  # px of the chart, axis included, on a laptop (``index_height``: taller for the presenter's font)
AXIS_EMS = 4  # the x axis under the plot (labels, title, offsets), in ems of the font: at most this
BAND = 40  # px along the plot's bottom for the events (a row of labels over a row of markers), laptop font
LABEL_EMS = 1.3  # a label's height in ems of its font: the closest two labels may come
MEMBER = 0.85  # the font of a member's ticker, against a group's name


def index_height(font: int) -> int:
    """The chart's height (px) at a chart font, its x axis included (Streamlit fits the whole chart
    in it): the laptop's, growing half as fast as the font."""
    return round(INDEX_HEIGHT * (1 + (font / BASE_FONT - 1) / 2))


def band_height(font: int) -> int:
    return round(BAND * font / BASE_FONT)


def lines_height(font: int) -> int:
    """The px the lines have at least: the chart less its x axis (at most ``AXIS_EMS``) and the band."""
    return index_height(font) - AXIS_EMS * font - band_height(font)


def spread(ys: list[float], gap: float, lo: float, hi: float) -> list[float]:
    """Positions for labels wanted at ``ys`` (in their order), at least ``gap`` apart and inside
    [lo, hi] whenever they fit there ((n − 1) × gap ≤ hi − lo; else evenly from lo to hi), each as
    near its own y as that allows: pushed up from the lowest, then back down from ``hi``."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    n = len(ys)
    if n == 0:
        return []
    if (n - 1) * gap > hi - lo:  # no room: evenly over the whole axis (only with a very short plot)
        step = (hi - lo) / (n - 1) if n > 1 else 0.0
        placed = [lo + k * step for k in range(n)]
    else:
        placed = []
        for i in order:
            want = min(max(ys[i], lo), hi)
            placed.append(max(want, placed[-1] + gap) if placed else want)
        if placed[-1] > hi:
            placed[-1] = hi
            for k in range(n - 2, -1, -1):
                placed[k] = min(placed[k], placed[k + 1] - gap)
    out = [0.0] * n
    for k, i in enumerate(order):
        out[i] = placed[k]
    return out


def end_labels(lines: pd.DataFrame, groups: pd.DataFrame, font: int) -> pd.DataFrame:
    """The labels at the lines' right ends, in layouts: ``all`` (each group's short name at its bold line:
    shown until a group is picked) and one per group (its name and its members' tickers: shown when
    it is picked). In each layout no two labels are closer than a label's height on the y axis Vega
    draws: the lines' extent (the scale does not round it) over the plot's height (``index_height``
    less its x axis and the events' band). Columns: layout, group, text, date, label_y, member (bool)."""
    lo, hi = float(lines["index"].min()), float(lines["index"].max())
    plot = lines_height(font)
    gap = LABEL_EMS * font / plot * (hi - lo)
    last_line = lines.sort_values("date").groupby("ticker").tail(1)
    last_group = groups.sort_values("date").groupby("group").tail(1)
    rows: list[dict] = []

    def layout(name: str, items: list[tuple[str, str, float, bool]]) -> None:
        for (group, text, _, member), label_y in zip(items, spread([y for _, _, y, _ in items], gap, lo, hi)):
            rows.append(dict(layout=name, group=group, text=text, label_y=label_y, member=member))

    group_items = [(r.group, t(f"groups.short.{r.group}"), float(r.index), False) for r in last_group.itertuples()]
    layout("all", group_items)
    for item in group_items:
        members = last_line[last_line["group"] == item[0]]
        if len(members) > 1:  # a group of one is its own line: its name says it
            layout(item[0], [item, *((item[0], r.ticker, float(r.index), True) for r in members.itertuples())])
        else:
            layout(item[0], [item])
    out = pd.DataFrame(rows, columns=["layout", "group", "text", "label_y", "member"])
    return out.assign(date=lines["date"].max())


def group_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """Each group's bold line: the median of its members' indices on each day (date, group,
    group_name, index)."""
    med = lines.groupby(["date", "group", "group_name"], as_index=False, sort=True)["index"].median()
    return med[["date", "group", "group_name", "index"]]


HIT_EVERY = 3  # outside the shaded window, a hover or a click finds every third close of a line


def hit_rows(data: pd.DataFrame, window: tuple, lang: str) -> pd.DataFrame:
    """The closes a hover or a click finds (the lines' invisible points; a cell of the plot each): every
    close inside the shaded window, and every ``HIT_EVERY``-th trading day outside it, counted back
    from the last (the latest close is always there). Each point is an SVG element and a cell, redrawn
    on every move: all 1,134 closes of the default view made a toggle of the page 40% slower. Their
    tooltip's texts are written here, by the app's formatters (not by Vega on each redraw)."""
    days = sorted(data["date"].unique(), reverse=True)
    start, end = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    keep = {d for k, d in enumerate(days) if k % HIT_EVERY == 0 or start <= pd.Timestamp(d) <= end}
    hits = data[data["date"].isin(keep)]
    return hits.assign(
        date_text=[fmt_date(d.date(), lang, "medium") for d in hits["date"]],
        index_text=[fmt_number(v, lang, 1) for v in hits["index"]],
        close_text=[fmt_number(v, lang, 2) for v in hits["close"]],
    )


def index_rows(
    lines: pd.DataFrame,
    events: pd.DataFrame,
    window: tuple,
    window_title: str,
    font: int = BASE_FONT,
    lang: str = "en",
) -> dict[str, pd.DataFrame]:
    """The rows ``index_template`` draws. ``lines`` columns: date, ticker, name, group (code), index,
    close; ``events``: date, title, who (companies named, may be empty), label (a short name on the
    chart, '' for most: named on hover); ``window``: (start, end); ``font``: the chart font."""
    data = lines[["date", "ticker", "name", "group", "index", "close"]].assign(
        group_name=lines["group"].map(group_label)
    )
    groups = group_lines(data)
    events = events.assign(date=pd.to_datetime(events["date"]))
    if "label" not in events:
        events = events.assign(label="")
    return {
        "lines": data,
        "hits": hit_rows(data, window, lang),
        "groups": groups.assign(
            date_text=[fmt_date(d.date(), lang, "medium") for d in groups["date"]],
            index_text=[fmt_number(v, lang, 1) for v in groups["index"]],
        ),
        "ends": end_labels(data, groups, font),
        "window": pd.DataFrame({"a": [pd.Timestamp(window[0])], "b": [pd.Timestamp(window[1])], "t": [window_title]}),
        "events": events.assign(key=events["label"] != ""),
    }


PICK = "pick"  # the selection: the group the reader clicked


def _picked(empty: bool) -> dict:
    return {"param": PICK, "empty": empty}


def index_template(
    groups: tuple[str, ...], with_events: bool, titles: dict[str, str], font: int | None = None
) -> alt.LayerChart:
    """Prices as an index (100 = the base close): a bold line a group (the median of its members),
    members faded until their group is picked, labels at the lines' ends that never overlap
    (``end_labels``), the window shaded, events as markers in a band along the bottom. Named rows
    (``index_rows``, made at the same ``font``). ``groups``: the group codes drawn. ``titles``: x,
    y, company, group, date, close, event, window, median."""
    from ui.present import chart_font_size

    font = font or chart_font_size()
    height, band = index_height(font), band_height(font)
    groups = list(groups)
    colors = group_color_scale(groups)
    color = alt.Color("group_name:N", scale=colors, legend=None)
    # the lines above the band: the y scale's range stops short of the plot's bottom; its domain is
    # the lines' extent, as ``end_labels`` assumes
    y_scale = alt.Scale(zero=False, nice=False, range=[{"expr": f"height - {band}"}, 0])
    y = alt.Y("index:Q", title=titles["y"], scale=y_scale)
    x = alt.X("date:T", title=titles["x"], axis=alt.Axis(format="%m/%d", labelOverlap=True, tickCount=6, grid=False))
    shade = (
        alt.Chart(alt.NamedData("window"))
        .mark_rect(opacity=0.15, color="#888")
        .encode(x="a:T", x2="b:T", tooltip=alt.Tooltip("t:N", title=titles["window"]))
    )
    hundred = (
        alt.Chart(pd.DataFrame({"y": [100]}))
        .mark_rule(color="#888", strokeDash=[2, 2])
        .encode(y=alt.Y("y:Q", scale=y_scale, title=titles["y"]))
    )
    members = (
        alt.Chart(alt.NamedData("lines"))
        .mark_line(strokeWidth=1.2)
        .encode(
            x=x,
            y=y,
            color=color,
            detail="ticker:N",
            opacity={"condition": {**_picked(False), "value": 0.95}, "value": 0.18},
        )
    )
    # what a click or a hover hits: the members' points (invisible; ``hit_rows``), with their figures
    hits = (
        alt.Chart(alt.NamedData("hits"))
        .mark_point(size=40, opacity=0, filled=True)
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("name:N", title=titles["company"]),
                alt.Tooltip("group_name:N", title=titles["group"]),
                alt.Tooltip("date_text:N", title=titles["date"]),
                alt.Tooltip("index_text:N", title=titles["y"]),
                alt.Tooltip("close_text:N", title=titles["close"]),
            ],
        )
        .properties(name=f"{PICK}_lines")
    )
    bold = (
        alt.Chart(alt.NamedData("groups"))
        .mark_line(strokeWidth=3.2 * font / BASE_FONT, strokeCap="round")
        .encode(
            x=x,
            y=y,
            color=color,
            opacity={"condition": {**_picked(True), "value": 1}, "value": 0.3},
            tooltip=[
                alt.Tooltip("group_name:N", title=titles["group"]),
                alt.Tooltip("date_text:N", title=titles["date"]),
                alt.Tooltip("index_text:N", title=titles["median"]),
            ],
        )
    )
    # a layout's labels show while it is the one in use: "all" with nothing picked, a group's once picked
    shown = {
        "condition": {
            "test": {
                "or": [
                    {"and": [_picked(True), {"not": _picked(False)}, "datum.layout == 'all'"]},
                    {"and": [_picked(False), "datum.layout != 'all'"]},
                ]
            },
            "value": 1,
        },
        "value": 0,
    }
    # sizes as encodings, not mark properties: ``end_labels`` spaces the labels for ``font`` already,
    # so presenter view must not grow them again (``ui.charts.grow_text`` leaves encoded sizes alone)
    ends = alt.Chart(alt.NamedData("ends")).encode(
        x="date:T",
        y=alt.Y("label_y:Q", scale=y_scale, title=titles["y"]),
        text="text:N",
        opacity=shown,
    )
    # in the group's text colour: its hue, >= 4.5:1 on the theme's background (``ui.charts.text_colour``)
    inks = {g: GROUP_COLORS[g] for g in groups}
    names = text_colour(
        ends.transform_filter("!datum.member").mark_text(align="left", baseline="middle", dx=6, fontWeight="bold"),
        "group",
        inks,
    )
    tickers = text_colour(
        ends.transform_filter("datum.member").mark_text(align="left", baseline="middle", dx=6), "group", inks
    )
    names, tickers = names.encode(size=alt.value(font)), tickers.encode(size=alt.value(round(font * MEMBER)))
    layers = [shade, hundred, members, bold, hits, names, tickers]
    if with_events:
        ev = alt.Chart(alt.NamedData("events"))
        tip = [
            alt.Tooltip("date:T", title=titles["date"], format="%Y-%m-%d"),
            alt.Tooltip("title:N", title=titles["event"]),
            alt.Tooltip("who:N", title=titles["company"]),
        ]
        keyed = ev.transform_filter("datum.key")

        # in px from the plot's bottom (Vega's ``height``: the plot's, once Streamlit has fitted the chart)
        def up(px: float) -> dict:
            return {"expr": f"height - {round(px)}"}

        at = dict(x="date:T", y=alt.value(up(band * 0.25)))  # the markers' row; the labels' above it
        grow = (font / BASE_FONT) ** 2  # a marker's area grows with the square of the font
        layers += [
            ev.mark_rule(color="#999").encode(x="date:T", y=alt.value(up(band * 0.45)), y2=alt.value(up(0))),
            ev.mark_point(shape="triangle-up", filled=True, size=70 * grow, color="#888").encode(**at, tooltip=tip),
            keyed.mark_rule(color=HIGHLIGHT, strokeDash=[3, 3], opacity=0.8).encode(
                x="date:T", y=alt.value(0), y2=alt.value(up(band * 0.8))
            ),
            keyed.mark_point(shape="triangle-up", filled=True, size=90 * grow, color=HIGHLIGHT).encode(
                **at, tooltip=tip
            ),
            keyed.mark_text(baseline="middle", fontWeight="bold", color=text_color(HIGHLIGHT)).encode(
                x="date:T", y=alt.value(up(band * 0.62)), text="label:N", size=alt.value(round(font * MEMBER))
            ),
        ]
    # picked by a click (a tap) anywhere on the plot: the nearest line's group; a named view, so the
    # spec is the same on every build
    pick = alt.TopLevelSelectionParameter(
        name=PICK,
        select=alt.PointSelectionConfig(type="point", fields=["group"], on="click", clear="dblclick", nearest=True),
        views=[f"{PICK}_lines"],
    )
    return alt.layer(*layers).properties(height=height, params=[pick])
