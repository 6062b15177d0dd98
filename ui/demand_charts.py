"""What-next chart: spending on compute (= GPUs, power) against the efficiency gain, one line per
elasticity. The figure model (``core.demand.figures``) in, Altair chart out: the page and the tour
draw it from the same rows and titles (``chart_rows``, ``chart_titles``)."""

from __future__ import annotations

import math
from collections.abc import Callable

import altair as alt
import pandas as pd

from core import demand
from core.figures import Figure, Kind
from ui.charts import BASE_FONT, HIGHLIGHT, NEUTRAL, ink, palette, reach, styled, text_color, text_colour, with_rows
from ui.i18n import t

OTHERS = ("#0072B2", "#E69F00", "#CC79A7", "#D55E00")  # Okabe-Ito, without the highlight green
TICKS = (0.001, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 1000, 10000, 100000)
DASHES = ([1, 0], [6, 3], [2, 2], [8, 3, 2, 3])
LO, HI = "next_lo", "next_hi"  # Vega parameters: the extents of the y domain's ends
HEIGHT = 380  # the chart's plot height (px)
HALO = 4  # px of background around the observed level's label, where lines cross it
LABEL_PX = 15  # room a line-end label needs on the y axis at the laptop's chart font (13; its text 12 px)


def curve_rows(elasticities: list[float], chosen: float, pass_through: float, label) -> dict[str, list]:
    """Long rows (k, compute, series, chosen, eps) for each elasticity and the chosen one, as columns
    of plain lists (sent as Arrow without a frame in between); ``label(ε) -> str`` names a line."""
    ks = demand.log_grid()
    cols: dict[str, list] = {"k": [], "compute": [], "series": [], "chosen": [], "eps": []}
    for e in dict.fromkeys([*elasticities, chosen]):
        is_chosen, name = abs(e - chosen) < 1e-9, label(e)
        for k, c in zip(ks, demand.compute_curve(ks, e, pass_through)):
            for key, value in (
                ("k", float(k)),
                ("compute", float(c)),
                ("series", name),
                ("chosen", is_chosen),
                ("eps", e),
            ):
                cols[key].append(value)
    return cols


def spending_rows(
    rows: pd.DataFrame | dict[str, list],
    marker_k: float,
    point: tuple[float, float],
    marker: str,
    group_label: Callable[[list[float]], str] | None = None,
    font: int = 13,
) -> dict[str, dict[str, list]]:
    """The rows ``spending_template`` draws: the lines (``curve_rows``) with each line's colour slot
    ("chosen", or its place among the lines), their end labels (``end_labels``), the marked
    efficiency gain and the reader's point. ``group_label(ε values)`` names lines that end together
    (default: their names joined); ``font``: the chart font size (``spending_template``'s)."""
    cols = rows.to_dict("list") if isinstance(rows, pd.DataFrame) else rows
    series = list(dict.fromkeys(cols["series"]))
    chosen = {s for s, c in zip(cols["series"], cols["chosen"]) if c}
    slot = {s: "chosen" if s in chosen else str(i % len(OTHERS)) for i, s in enumerate(series)}
    hi = max(max((c for c in cols["compute"] if c == c), default=1.0), 1.0) * 1.3
    return {
        "lines": {**cols, "slot": [slot[s] for s in cols["series"]]},
        "ends": end_labels(cols, slot, group_label, round(LABEL_PX * font / 13)),
        "mark": {"k": [marker_k], "t": [marker], "y": [hi / 1.05]},
        "here": {"k": [point[0]], "compute": [point[1]]},
    }


def end_labels(
    cols: dict[str, list],
    slot: dict[str, str],
    group_label: Callable[[list[float]], str] | None = None,
    label_px: int = LABEL_PX,
) -> dict[str, list]:
    """One label a line at its right end; lines ending closer together than a label's height on the
    axis Vega will draw (log, whole decades around the lines and 1×, ``spending_template``'s
    height) share one label, placed at the lowest of them: with little of the saving passed on,
    every line ends at about the same place, and four labels there would print over each other."""
    last = max(cols["k"], default=1.0)
    ends: dict[str, tuple[float, float]] = {}
    for k, c, name, e in zip(cols["k"], cols["compute"], cols["series"], cols["eps"]):
        if k == last and c == c and c > 0:
            ends[name] = (c, e)
    values = [c for c in cols["compute"] if c == c and c > 0] or [1.0]
    lo = math.floor(math.log10(min(min(values), 1.0) / 1.3))
    hi = math.ceil(math.log10(max(max(values), 1.0) * 1.3))
    gap = label_px / HEIGHT * max(hi - lo, 1)
    groups: list[list[tuple[str, float, float]]] = []
    for name, (c, e) in sorted(ends.items(), key=lambda item: item[1][0]):
        if groups and math.log10(c) - math.log10(groups[-1][0][1]) < gap:
            groups[-1].append((name, c, e))
        else:
            groups.append([(name, c, e)])
    out: dict[str, list] = {"k": [], "compute": [], "text": [], "slot": []}
    for g in groups:
        names = [name for name, _, _ in g]
        if len(g) == 1:
            text = names[0]
        elif group_label is not None:
            text = group_label(sorted(e for _, _, e in g))
        else:
            text = " · ".join(names)
        here = next((slot[n] for n in names if slot.get(n) == "chosen"), slot.get(names[0], "0"))
        for key, value in (("k", last), ("compute", g[0][1]), ("text", text), ("slot", here)):
            out[key].append(value)
    return out


def plot_height(font: int = 13) -> int:
    """The plot's height at chart font ``font``: ``HEIGHT``, taller in presenter view as the type
    grows (at 22 px the observed level's two lines sat on the lines' end labels). The end labels'
    spacing (``end_labels``) counts ``HEIGHT`` and a label grown as much: never closer than on a laptop."""
    return round(HEIGHT * max(1.0, font / BASE_FONT))


K_END = demand.K_RANGE[1]  # the chart's right end (its x domain)


def observed_rows(ratio: float, label: str) -> dict[str, dict[str, list]]:
    """The ``observed`` rows of ``spending_template(observed=True)``: one observed level of spending
    against today (``ratio``, e.g. 1.75) and its label (what it is, with its date)."""
    return {"observed": {"compute": [float(ratio)], "k": [K_END], "t": [label]}}


def spending_template(titles: dict[str, str], font: int = 13, observed: bool = False) -> alt.LayerChart:
    """``titles``: x, y, series (translated). Log-log; the chosen ε is drawn thick in the highlight
    colour, others dashed; labels at the line ends name each line; a dashed rule at 1×, a dotted one
    at the marked gain. Drawn from named rows (``spending_rows``): built once, whatever the numbers.

    Colour and dash come from a ``slot`` of each line, so the scales' domains are the same whatever ε
    the reader picks, and the y domain (the lines' span and 1×, with 30% to spare) is computed by Vega
    from the data."""
    x = alt.X(
        "k:Q",
        title=titles["x"],
        scale=alt.Scale(type="log", domain=[1, 100]),
        axis=alt.Axis(values=[1, 2, 5, 10, 20, 50, 100], format="~g", labelExpr="datum.label + '×'"),
    )
    # the domain out to whole decades (Vega's nice); ticks of TICKS only between the lines' span with
    # its 30% (the extent params of the ``room`` layer)
    inside = f"datum.value >= {LO}[0] * (1 - 1e-9) && datum.value <= {HI}[1] * (1 + 1e-9)"
    shown = {"condition": {"test": inside, "value": 1}, "value": 0}
    y = alt.Y(
        "compute:Q",
        title=titles["y"],
        scale=alt.Scale(type="log", nice=True),
        axis=alt.Axis(
            values=list(TICKS),
            format=",~g",
            labelExpr=f"{inside} ? datum.label + '×' : ''",
            tickOpacity=shown,
            gridOpacity=shown,
        ),
    )
    slots = ["chosen", *(str(i) for i in range(len(OTHERS)))]
    colors = alt.Scale(domain=slots, range=[HIGHLIGHT, *OTHERS])
    base = alt.Chart(alt.NamedData("lines"))
    lines = base.mark_line(clip=True).encode(
        x=x,
        y=y,
        detail="series:N",
        color=alt.Color("slot:N", scale=colors, legend=None),
        strokeDash=alt.StrokeDash("slot:N", scale=alt.Scale(domain=slots, range=[[1, 0], *DASHES]), legend=None),
        size=alt.Size("chosen:N", scale=alt.Scale(domain=[False, True], range=[1.8, 4]), legend=None),
        tooltip=[
            alt.Tooltip("series:N", title=titles["series"]),
            alt.Tooltip("k:Q", title=titles["x"], format=".3~g"),
            alt.Tooltip("compute:Q", title=titles["y"], format=".3~g"),
        ],
    )
    ends = text_colour(  # in the lines' hues, legible on the theme
        alt.Chart(alt.NamedData("ends"))
        .mark_text(align="right", dx=-4, dy=-(font - 5), fontSize=font - 1)
        .encode(x="k:Q", y="compute:Q", text="text:N"),
        "slot",
        dict(zip(slots, (HIGHLIGHT, *OTHERS))),
    )
    room = (
        reach(base, titles["y"], y="min(datum.compute, 1) / 1.3", y2="max(datum.compute, 1) * 1.3")
        .transform_extent("_reach_y", LO)
        .transform_extent("_reach_y2", HI)
    )
    today = alt.Chart(pd.DataFrame({"y": [1.0]})).mark_rule(color=NEUTRAL, strokeDash=[3, 3]).encode(y="y:Q")
    mark = alt.Chart(alt.NamedData("mark"))
    mark_rule = mark.mark_rule(color=ink(), strokeDash=[1, 3]).encode(x="k:Q")
    mark_text = mark.mark_text(align="right", baseline="top", dx=-4, fontSize=font - 1, color=ink()).encode(
        x="k:Q", y="y:Q", text="t:N"
    )
    here = (
        alt.Chart(alt.NamedData("here"))
        .mark_point(shape="circle", size=140, filled=True, color=HIGHLIGHT, stroke="white")
        .encode(x="k:Q", y="compute:Q")
    )
    layers = [room, today, mark_rule, mark_text, lines, ends, here]
    if observed:  # an observed level as a reference: a height on the y axis, not a point on any line
        seen = alt.Chart(alt.NamedData("observed"))
        reach_seen = reach(seen, titles["y"], y="datum.compute / 1.3", y2="datum.compute * 1.3")
        seen_rule = seen.mark_rule(color=NEUTRAL, strokeWidth=2, opacity=0.8).encode(
            y="compute:Q", tooltip=alt.Tooltip("t:N", title=titles["observed"])
        )
        # right-aligned above the rule at the chart's right end, where the rising lines have passed; in
        # two lines (what it is, then the figure and its date): in one, it ran off a phone's plot. Vega
        # sets a text's first line on its baseline: the first line goes up one line more. Over the
        # lines, on a halo of the background: on a phone the rising lines still cross it
        style = {
            "align": "right",
            "baseline": "bottom",
            "dx": -4,
            "dy": -6 - font,
            "fontSize": font - 2,
            "lineHeight": font,
            "lineBreak": "\n",
        }
        seen_text = seen.encode(x="k:Q", y="compute:Q", text="t:N")
        halo = palette().background
        seen_texts = [
            seen_text.mark_text(**style, color=halo, stroke=halo, strokeWidth=HALO, strokeJoin="round", aria=False),
            seen_text.mark_text(**style, color=text_color(NEUTRAL)),
        ]
        layers = [reach_seen, layers[0], seen_rule, *layers[1:5], *seen_texts, *layers[5:]]
    return styled(alt.layer(*layers).properties(height=plot_height(font)))


def spending_chart(
    rows: pd.DataFrame | dict[str, list],
    marker_k: float,
    point: tuple[float, float],
    titles: dict[str, str],
    group_label: Callable[[list[float]], str] | None = None,
    label_font: int = 13,
) -> alt.Chart:
    """``spending_template`` with its rows in it (the tour, tests); ``titles`` also has today and
    marker (the dotted rule's text). ``label_font``: the font the line labels will be shown at (the
    tour scales the template's text itself), for spacing them."""
    return with_rows(
        spending_template({k: titles[k] for k in ("x", "y", "series")}),
        spending_rows(rows, marker_k, point, titles["marker"], group_label, label_font),
    )


def _eps(value: float, lang: str) -> str:
    return Figure(value, Kind.NUMBER, digits=2).text(lang)


def chart_titles(nf: demand.NextFigures, lang: str) -> dict[str, str]:
    """Axis, series, today and marker titles in ``lang`` (the marker: the article's gain)."""
    return {
        "x": t("next.chart.x"),
        "y": t("next.chart.y"),
        "series": t("next.chart.series_title"),
        "today": t("next.chart.today"),
        "marker": t("next.chart.marker", k=nf.figs["marker"].text(lang)),
    }


def _parts(nf: demand.NextFigures, lang: str) -> tuple:
    """``spending_chart``'s arguments for the model's inputs: a line per elasticity (and the
    reader's), named "ε = 1.5", the article's gain marked, the reader's point, titles, group names."""
    sep = "、" if lang == "ja" else ", "
    rows = curve_rows(
        list(demand.CURVE_ELASTICITIES),
        nf.elasticity,
        nf.pass_through,
        lambda v: t("next.chart.series", eps=_eps(v, lang)),
    )
    point = (nf.k, nf.figs["compute"].number)
    group = lambda es: t("next.chart.series", eps=sep.join(_eps(v, lang) for v in es))  # noqa: E731
    return rows, nf.figs["marker"].number, point, chart_titles(nf, lang), group


def chart_rows(nf: demand.NextFigures, lang: str, font: int = 13) -> dict[str, dict[str, list]]:
    """The rows ``spending_template`` draws for the model's inputs (the page)."""
    rows, marker, point, titles, group = _parts(nf, lang)
    return spending_rows(rows, marker, point, titles["marker"], group, font)


def compute_chart(nf: demand.NextFigures, lang: str, label_font: int = 13) -> alt.Chart:
    """The same chart with its rows in it (the tour)."""
    return spending_chart(*_parts(nf, lang), label_font)
