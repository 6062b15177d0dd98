"""Charts of the DeepSeek page: DataFrames in, Altair charts out (palette from ``ui.charts``).

Colour never carries meaning alone: every bar and point is named on an axis or in a label, open
and closed models differ by fill as well as by name, estimate kinds by point shape.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from core import deepseek as ds
from core.figures import Figure, Kind, compute
from core.formatting import power_of_ten
from ui.charts import BASE_FONT, HIGHLIGHT, NEUTRAL, SEQUENCE, reach, with_rows

MODEL_COLORS = {
    "deepseek-v3": HIGHLIGHT,
    "deepseek-r1": HIGHLIGHT,
    "qwen2.5-72b-instruct": SEQUENCE[5],
    "llama-3.1-405b-instruct": SEQUENCE[0],
    "gpt-4o-0513": SEQUENCE[1],
    "claude-3.5-sonnet-1022": SEQUENCE[4],
    "o1-1217": SEQUENCE[1],
}
KIND_SHAPES = {"computed": "circle", "estimate": "diamond", "lower_bound": "triangle-right"}
PEER_COLOR = {False: SEQUENCE[0], True: SEQUENCE[5]}  # blue; sky blue on a dark background


def text_color(dark: bool) -> str:
    """Text marks do not follow Streamlit's theme: set them to the theme's body text colour."""
    return "#FAFAFA" if dark else "#31333F"


def model_color(model_id: str, dark: bool) -> str:
    if dark and model_id == "llama-3.1-405b-instruct":
        return "#3A8FD0"  # the Okabe-Ito blue, lifted so it reads on a dark background
    return MODEL_COLORS.get(model_id, NEUTRAL)


def estimate_kind(model: str, estimate: str, lower_bound: bool) -> str:
    if lower_bound:
        return "lower_bound"
    return "computed" if model in ("deepseek_v3", "deepseek_v3_full", "llama31_405b") else "estimate"


def _runs_text(low: float, high: float, lang: str) -> str:
    """'18' or '3.6–9': how many DeepSeek-V3 runs (``core.deepseek.runs_figure``; the label around
    it says "≈…× V3" / "V3の約…倍")."""
    a, b = ds.runs_figure(low).text(lang), ds.runs_figure(high).text(lang)
    return a if a == b else f"{a}–{b}"


def money_range(low: float, high: float, lower_bound: bool, lang: str) -> str:
    """A cost or a range of costs (``core.deepseek.cost_figure``): 'USD 61.68M', 'USD 20M–50M' /
    '2000万–5000万ドル' (the currency once); a trailing '+' for "over ..." figures."""
    lo, hi = ds.cost_figure(low), ds.cost_figure(high)
    if lo.text(lang) == hi.text(lang):
        text = lo.text(lang)
    else:
        bare = lambda v: Figure(v, Kind.AMOUNT, sig=lo.sig).text(lang)  # noqa: E731 - the same digits, no currency
        text = f"{bare(low)}–{hi.text(lang)}" if lang == "ja" else f"{lo.text(lang)}–{bare(high)}"
    return text + ("+" if lower_bound else "")


def peer_rows(
    est: pd.DataFrame | dict[str, list], ranges: pd.DataFrame | dict[str, list], words: dict, lang: str
) -> dict[str, dict[str, list]]:
    """The rows ``peer_template`` draws (columns of lists): a band a model (its range of estimates, with its label)
    and a point an estimate (both ends of a stated range). Plain Python, one frame each at the end
    (a dozen small pandas steps cost more than the arithmetic, on every slider move)."""
    names, kinds = words["names"], words["kinds"]
    row = {m: i for i, m in enumerate(ranges["model"])}  # rows top to bottom, in the ranges' order
    e = est.to_dict("list") if isinstance(est, pd.DataFrame) else est
    pts = {
        **e,
        "row": [row.get(m) for m in e["model"]],
        "name": [names.get(m) for m in e["model"]],
        "who": [words["estimates"].get(x) for x in e["estimate"]],
        "kind": [kinds[estimate_kind(m, x, b)] for m, x, b in zip(e["model"], e["estimate"], e["lower_bound"])],
        "x": [v / 1e6 for v in e["low_usd"]],
        "x_high": [v / 1e6 for v in e["high_usd"]],
        "usd": [money_range(lo, hi, b, lang) for lo, hi, b in zip(e["low_usd"], e["high_usd"], e["lower_bound"])],
        "runs": [_runs_text(lo, hi, lang) for lo, hi in zip(e["runs_low"], e["runs_high"])],
        "deepseek": [m.startswith("deepseek") for m in e["model"]],
    }
    # a point at both ends of a stated range (Claude's "a few $10M's")
    second = [i for i, (lo, hi) in enumerate(zip(pts["x"], pts["x_high"])) if hi > lo]
    ends = {k: v + [v[i] for i in second] for k, v in pts.items()}
    ends["x"] = pts["x"] + [pts["x_high"][i] for i in second]
    r = ranges.to_dict("list") if isinstance(ranges, pd.DataFrame) else ranges
    bands = {
        **r,
        "name": [names.get(m) for m in r["model"]],
        "row": list(range(len(r["model"]))),
        "x": [v / 1e6 for v in r["low_usd"]],
        "x2": [v / 1e6 for v in r["high_usd"]],
        "deepseek": [m.startswith("deepseek") for m in r["model"]],
        "label": [
            words["label"].format(name=names[m], usd=money_range(lo, hi, b, lang), runs=_runs_text(rl, rh, lang))
            for m, lo, hi, b, rl, rh in zip(
                r["model"], r["low_usd"], r["high_usd"], r["lower_bound"], r["runs_low"], r["runs_high"]
            )
        ],
    }
    return {"bands": bands, "ends": ends, "labels": {**bands, "zero": [0.0] * len(bands["row"])}}


def peer_template(words: dict, dark: bool = False) -> alt.LayerChart:
    """Each model a row: its range of estimates as a thick band, each estimate as a point (shape =
    what kind of figure), and a label with the amount and how many DeepSeek-V3 runs it equals.
    Drawn from named rows (``peer_rows``): built once, whatever the reader's numbers."""
    kinds = words["kinds"]
    bands, ends = alt.NamedData("bands"), alt.NamedData("ends")
    # the model's name is in the label above its row (no axis labels: the whole width goes to the data);
    # rows sorted by a field, the x domain to 8% beyond the widest band: both from the data, so a
    # slider move changes only the data and Streamlit redraws the chart in place
    y = alt.Y("name:N", sort=alt.EncodingSortField("row", op="min"), title=None, axis=None)
    x_scale = alt.Scale(zero=True, nice=False)
    color = alt.condition("datum.deepseek", alt.value(HIGHLIGHT), alt.value(PEER_COLOR[dark]))
    band = (
        alt.Chart(bands)
        .mark_bar(height=14, opacity=0.35, cornerRadius=3)
        .encode(
            x=alt.X("x:Q", scale=x_scale, title=words["x"], axis=alt.Axis(format=",.0f")), x2="x2:Q", y=y, color=color
        )
    )
    tooltip = [
        alt.Tooltip("name:N", title=words["model"]),
        alt.Tooltip("who:N", title=words["estimate"]),
        alt.Tooltip("usd:N", title="USD"),
        alt.Tooltip("runs:N", title=words["runs"]),
        alt.Tooltip("kind:N", title=words["kind"]),
    ]
    shapes = alt.Scale(domain=[kinds[k] for k in KIND_SHAPES], range=list(KIND_SHAPES.values()))
    points = (
        alt.Chart(ends)
        .mark_point(size=150, filled=True, opacity=1)
        .encode(
            x=alt.X("x:Q", scale=x_scale),
            y=y,
            color=color,
            shape=alt.Shape("kind:N", scale=shapes, title=words["kind"], legend=alt.Legend(columns=1, labelLimit=0)),
            tooltip=tooltip,
        )
    )
    # labels above each row, from the left edge: they never run off a phone-width chart
    labels = (
        alt.Chart(alt.NamedData("labels"))
        .mark_text(align="left", baseline="bottom", dy=-9, fontSize=12, color=text_color(dark))
        .encode(x=alt.X("zero:Q", scale=x_scale), y=y, text="label:N")
    )
    # 58 px a row: the height follows the number of rows (the overhead slider adds DeepSeek's full cost)
    # without a number in the spec; the axis and the legend come on top of it
    room = reach(bands, words["x"], x="datum.x2 * 1.08")
    return alt.layer(room, band, points, labels).properties(height=alt.Step(58))


def peer_chart(est: pd.DataFrame, ranges: pd.DataFrame, words: dict, lang: str, dark: bool = False) -> alt.LayerChart:
    """``peer_template`` with its rows in it (the tour, tests)."""
    return with_rows(peer_template(words, dark), peer_rows(est, ranges, words, lang))


# The MoE chart's compute: a column in units of 10²⁴ FLOP (a CSV of the rows then never holds E-notation),
# drawn on an axis labelled ×10ⁿ as every compute figure is (``Kind.COMPUTE``)
UNIT_EXP = 24
COMPUTE = "compute_10²⁴_flop"


def compute_label_expr(lo: int = 18, hi: int = 30) -> str:
    """Vega expression labelling an axis in units of 10^UNIT_EXP FLOP as ×10ⁿ (the powers written as
    ``core.formatting.power_of_ten`` writes them): 60 -> '6×10²⁵', 10 -> '1×10²⁵' (every tick with
    its factor, so the ticks read alike), 0 -> '0'."""
    exp = f"floor(log(datum.value) / LN10 + 1e-9) + {UNIT_EXP}"
    mantissa = f"format(datum.value / pow(10, {exp} - {UNIT_EXP}), '.3~r')"
    expr = "''"
    for e in range(hi, lo - 1, -1):
        expr = f"{exp} == {e} ? {mantissa} + '×{power_of_ten(10.0**e)}' : {expr}"
    return f"datum.value <= 0 ? '0' : {expr}"


def moe_rows(dense_flops: float, moe_flops: float, words: dict, lang: str) -> dict[str, dict[str, list]]:
    """The two bars ``moe_template`` draws, with their texts (6·N·D as ``Kind.COMPUTE`` writes it)."""
    kinds, flops = [words["dense"], words["moe_bar"]], [dense_flops, moe_flops]
    labels = [f"{compute(v).text(lang)} FLOP" for v in flops]
    colon = "：" if lang == "ja" else ": "
    return {
        "bars": {  # columns of lists: sent as Arrow without a pandas round trip
            "kind": kinds,
            COMPUTE: [v / 10.0**UNIT_EXP for v in flops],
            "label": labels,
            "moe": [False, True],
            "title": [f"{k}{colon}{v}" for k, v in zip(kinds, labels)],
            "zero": [0.0, 0.0],
            "row": [0, 1],
        }
    }


def moe_template(words: dict, dark: bool = False) -> alt.LayerChart:
    """Two bars: training compute of a dense model against a mixture of experts of the same size
    (named rows: ``moe_rows``)."""
    data = alt.NamedData("bars")
    # named by the text above each bar; sorted by a field (the MoE bar's name has the slider's value in it)
    y = alt.Y("kind:N", sort=alt.EncodingSortField("row", op="min"), title=None, axis=None)
    x = alt.X(
        field=COMPUTE,
        type="quantitative",
        title=words["flops"],
        scale=alt.Scale(zero=True, nice=False),  # to 5% beyond the dense bar
        axis=alt.Axis(labelExpr=compute_label_expr(), tickCount=5),
    )
    bars = (
        alt.Chart(data)
        .mark_bar(height=20, cornerRadiusEnd=3)
        .encode(
            x=x,
            y=y,
            color=alt.condition("datum.moe", alt.value(HIGHLIGHT), alt.value(NEUTRAL)),
            tooltip=[alt.Tooltip("kind:N", title=words["kind"]), alt.Tooltip("label:N", title=words["flops"])],
        )
    )
    text = (
        alt.Chart(data)
        .mark_text(align="left", baseline="bottom", dy=-15, fontSize=12, color=text_color(dark))
        .encode(x="zero:Q", y=y, text="title:N")
    )
    room = reach(data, words["flops"], x=f"datum['{COMPUTE}'] * 1.05")
    return alt.layer(room, bars, text).properties(height=250, title=words["chart_title"])


def moe_chart(dense_flops: float, moe_flops: float, words: dict, lang: str, dark: bool = False) -> alt.LayerChart:
    """``moe_template`` with its rows in it (the tour, tests)."""
    return with_rows(moe_template(words, dark), moe_rows(dense_flops, moe_flops, words, lang))


def benchmark_chart(rows: pd.DataFrame, words: dict, dark: bool = False) -> alt.LayerChart:
    """Grouped horizontal bars: one group a benchmark, one bar a model; open-weights models solid,
    closed models pale with an outline (and named so in the legend)."""
    from ui.present import chart_font_size

    df = rows.assign(
        legend=[
            f"{m} · {words['open'] if o else words['closed']}"
            for m, o in zip(rows["model_label"], rows["open_weights"])
        ],
        access=[words["open"] if o else words["closed"] for o in rows["open_weights"]],
        score_text=[f"{s:g}" for s in rows["score"]],
    )
    # DeepSeek first, then the other open-weights models, then the closed ones
    rank = df["model_id"].str.startswith("deepseek").map({True: 0, False: 1}) * 2 + (~df["open_weights"]).astype(int)
    models = list(dict.fromkeys(df.assign(rank=rank).sort_values("rank", kind="stable")["model_id"]))
    legend_order = [df.loc[df["model_id"] == m, "legend"].iloc[0] for m in models]
    colors = alt.Scale(domain=legend_order, range=[model_color(m, dark) for m in models])
    bench_order = list(dict.fromkeys(df["label"]))
    y = alt.Y("label:N", sort=bench_order, title=None, axis=alt.Axis(labelLimit=0, labelPadding=6))
    y_off = alt.YOffset("legend:N", sort=legend_order)
    x = alt.X(
        "score:Q",
        title=words["score"],
        scale=alt.Scale(domain=[0, 108], nice=False),
        axis=alt.Axis(values=[0, 20, 40, 60, 80, 100]),
    )
    tooltip = [
        alt.Tooltip("label:N", title=words["benchmark"]),
        alt.Tooltip("model_label:N", title=words["model"]),
        alt.Tooltip("access:N", title=words["access"]),
        alt.Tooltip("score:Q", title=words["score"]),
    ]
    bars = (
        alt.Chart(df)
        .mark_bar(strokeWidth=1.5, cornerRadiusEnd=2)
        .encode(
            x=x,
            y=y,
            yOffset=y_off,
            color=alt.Color("legend:N", scale=colors, title=None, legend=alt.Legend(columns=1, labelLimit=0)),
            stroke=alt.Color("legend:N", scale=colors, legend=None),
            fillOpacity=alt.condition("datum.open_weights", alt.value(1.0), alt.value(0.3)),
            tooltip=tooltip,
        )
    )
    # a bar's row grows with the chart font (presenter view), as its score's text does (``ui.charts.
    # grow_text``): in fixed 15-px rows, the grown scores printed over each other
    k = chart_font_size() / BASE_FONT
    text = (
        alt.Chart(df)
        .mark_text(align="left", dx=3, fontSize=SCORE_FONT, color=text_color(dark))
        .encode(x="score:Q", y=y, yOffset=y_off, text="score_text:N")
    )
    per_group = round(BAR_ROW * k) * len(models) + 10
    legend_and_axis = round((24 * len(models) + 70) * k)  # the legend's rows and the axis grow with the font too
    return alt.layer(bars, text).properties(height=per_group * len(bench_order) + legend_and_axis)


SCORE_FONT = 11  # px: a score beside its bar on a laptop (10 was small on a phone)
BAR_ROW = 17  # px a model's bar takes in a benchmark's group, on a laptop: room for its score's line
