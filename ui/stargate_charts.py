"""Charts of the Stargate page: DataFrame in, Altair chart out (palette and look from ui.charts).

Labels sit above each bar rather than on a y axis, so long translated labels stay readable
at phone width.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import HIGHLIGHT, NEUTRAL, SEQUENCE, ink, reach, styled, with_rows

KIND_COLORS = {"model": HIGHLIGHT, "plan": SEQUENCE[0], "check": SEQUENCE[5], "benchmark": NEUTRAL}
ROW = 46  # px per labelled bar


def labelled_rows(df: pd.DataFrame | dict[str, list], kind_labels: dict[str, str]) -> dict[str, dict[str, list]]:
    """The rows ``labelled_template`` draws. ``df`` (a frame or columns of lists): label, value,
    value_text, kind (model | plan | check | benchmark), in drawing order."""
    cols = df.to_dict("list") if isinstance(df, pd.DataFrame) else dict(df)  # sent as Arrow without pandas
    return {
        "bars": {**cols, "kind_label": [kind_labels[k] for k in cols["kind"]], "order": list(range(len(cols["kind"])))}
    }


def labelled_template(
    kinds: tuple[str, ...],
    x_title: str,
    kind_title: str,
    kind_labels: dict[str, str],
    value_format: str = ",.1f",
    font: int | None = None,
) -> alt.LayerChart:
    """Horizontal bars with a label above each and the value text at the bar's end, drawn from
    named rows (``labelled_rows``); ``kinds``: those present, for the legend. Texts, bars and rows
    grow with ``font`` (default: the chart font, larger in presenter view).

    Kind is shown by colour and in the legend; the label says what each bar is, so colour
    never carries the meaning alone.
    """
    from ui.present import chart_font_size

    font = font or chart_font_size()
    k = font / 13  # 1 on a laptop
    kinds = [kind for kind in KIND_COLORS if kind in kinds]
    color = alt.Color(
        "kind_label:N",
        title=kind_title,
        legend=alt.Legend(labelLimit=0, columns=2),
        scale=alt.Scale(domain=[kind_labels[kind] for kind in kinds], range=[KIND_COLORS[kind] for kind in kinds]),
    )
    y = alt.Y(
        "label:N",
        sort=alt.EncodingSortField("order", op="min"),
        axis=None,
        title=None,
        scale=alt.Scale(paddingInner=0, paddingOuter=0.1),
    )
    data = alt.NamedData("bars")
    base = alt.Chart(data).encode(y=y)
    # room for the value text right of the longest bar: 22% beyond it, computed by Vega from the
    # data (a domain written here would change the spec, and rebuild the chart, on every slider move)
    x = alt.X(
        "value:Q",
        title=x_title,
        scale=alt.Scale(zero=True, nice=False),
        axis=alt.Axis(format=value_format, tickCount=5),
    )
    tooltip = [
        alt.Tooltip("label:N", title=" "),
        alt.Tooltip("value_text:N", title=x_title),
        alt.Tooltip("kind_label:N", title=kind_title),
    ]
    bars = base.mark_bar(height=16 * k, cornerRadiusEnd=3, yOffset=8 * k).encode(x=x, color=color, tooltip=tooltip)
    names = base.mark_text(align="left", baseline="bottom", dy=-2, fontSize=font, color=ink()).encode(
        x=alt.datum(0), text="label:N"
    )
    values = base.mark_text(
        align="left", baseline="middle", dx=4, dy=8 * k, fontSize=font, fontWeight="bold", color=ink()
    ).encode(x="value:Q", text="value_text:N")
    room = reach(data, x_title, x="datum.value * 1.22")
    chart = alt.layer(room, bars, names, values).properties(height=alt.Step(round(ROW * k)))
    return styled(chart)


def labelled_bars(
    df: pd.DataFrame, x_title: str, kind_title: str, kind_labels: dict[str, str], value_format: str = ",.1f"
) -> alt.LayerChart:
    """``labelled_template`` with its rows in it (the tour, tests)."""
    return with_rows(
        labelled_template(tuple(dict.fromkeys(df["kind"])), x_title, kind_title, kind_labels, value_format),
        labelled_rows(df, kind_labels),
    )


def year_rows(by_year: pd.DataFrame | dict[str, list], labels: dict[str, str]) -> dict[str, dict[str, list]]:
    """The rows ``spending_template`` draws. ``by_year`` (a frame or columns of lists): year,
    gpu_amount, other_amount (in the display unit), spend_text, gw_text; ``labels``: {'gpu': ...,
    'other': ...} legend names."""
    years = by_year.to_dict("list") if isinstance(by_year, pd.DataFrame) else dict(by_year)  # Arrow without pandas
    long: dict[str, list] = {k: [] for k in ("year", "spend_text", "gw_text", "part", "amount", "part_label", "stack")}
    for stack, (part, name) in enumerate((("gpu_amount", labels["gpu"]), ("other_amount", labels["other"]))):
        for i, year in enumerate(years["year"]):  # as DataFrame.melt: every year of one part, then the other
            for key, value in (
                ("year", year),
                ("spend_text", years["spend_text"][i]),
                ("gw_text", years["gw_text"][i]),
                ("part", part),
                ("amount", years[part][i]),
                ("part_label", name),
                ("stack", stack),
            ):
                long[key].append(value)
    return {"years": years, "parts": long}


def spending_template(labels: dict[str, str], y_title: str, year_title: str, font: int | None = None) -> alt.LayerChart:
    """Stacked bars of each year's spending (GPUs and servers / everything else), with the
    cumulative power installed by the year's end written above each bar; named rows
    (``year_rows``). ``labels``: gpu, other (legend names), gw (the tooltip's); the texts above the
    bars at ``font`` (default: the chart font, larger in presenter view)."""
    from ui.present import chart_font_size

    font = font or chart_font_size()
    color = alt.Color(
        "part_label:N",
        title=None,
        legend=alt.Legend(labelLimit=0, columns=1),  # one under the other: side by side, a phone cut the second
        scale=alt.Scale(domain=[labels["gpu"], labels["other"]], range=[SEQUENCE[0], NEUTRAL]),
    )
    x = alt.X("year:O", title=year_title, axis=alt.Axis(labelAngle=0))
    bars = (
        alt.Chart(alt.NamedData("parts"))
        .mark_bar(width={"band": 0.6})
        .encode(
            x=x,
            color=color,
            order=alt.Order("stack:Q"),
            tooltip=[
                alt.Tooltip("year:O", title=year_title),
                alt.Tooltip("part_label:N", title=" "),
                alt.Tooltip("amount:Q", title=y_title, format=",.1f"),
                alt.Tooltip("gw_text:N", title=labels["gw"]),
            ],
        )
    )
    years = alt.Chart(alt.NamedData("years"))
    top = years.transform_calculate(total="datum.gpu_amount + datum.other_amount")
    y_scale = alt.Scale(zero=True, nice=False)  # to 18% above the tallest bar (room for its text): from the data
    totals = top.mark_text(baseline="bottom", dy=-4, fontSize=font, fontWeight="bold", color=ink()).encode(
        x=x, y=alt.Y("total:Q", title=y_title, scale=y_scale), text="gw_text:N"
    )
    bars = bars.encode(y=alt.Y("amount:Q", title=y_title, stack="zero", scale=y_scale))
    room = reach(years, y_title, y="(datum.gpu_amount + datum.other_amount) * 1.18")
    return styled(alt.layer(room, bars, totals).properties(height=300))


def spending_chart(by_year: pd.DataFrame, labels: dict[str, str], y_title: str, year_title: str) -> alt.LayerChart:
    """``spending_template`` with its rows in it (the tour, tests)."""
    return with_rows(spending_template(labels, y_title, year_title), year_rows(by_year, labels))
