"""Charts of the scaling-law page: DataFrame in, Altair chart out (palette and look from ui.charts).

Every builder takes ``words``: the translated axis titles and labels, so the charts speak the
reader's language; numbers in tooltips are pre-formatted per language with core.formatting.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
from babel.dates import format_skeleton

from core import scaling
from core.figures import Figure, FigureSet, Kind
from core.formatting import fmt_date
from ui.charts import BASE_FONT, HIGHLIGHT, NEUTRAL, SEQUENCE, palette, text_color
from ui.i18n import t

FIT_STYLE = {"besiroglu": (SEQUENCE[0], []), "hoffmann": (SEQUENCE[1], [7, 4])}  # colour, dash
RULE_STYLE = ("#999999", [2, 3])
CONFIDENCE_SHAPES = {"Confident": "circle", "Likely": "square", "Speculative": "triangle-up"}
HEIGHT = 380


def plot_height() -> int:
    """``HEIGHT`` at the laptop's chart font, taller in presenter view as the type grows: at 22 px
    the axis titles ("Predicted loss (nats per token)") were taller than a 380-px plot."""
    from ui.present import chart_font_size

    return round(HEIGHT * max(1.0, chart_font_size() / BASE_FONT))


LOSS_DIGITS = 3  # loss in nats per token, as the fits give it
HIGHLIGHT_MODEL = scaling.HIGHLIGHT_MODEL
# where a model's name sits next to its point: (align, dx, dy); default above right of the point. On
# the side where a phone's narrow plot leaves it clear of other points (GPT-4 and PaLM to the left:
# to the right, each sat on another model's triangle; Llama's above GPT-4o's by a line)
TIME_LABELS = {
    "PaLM": ("right", -8, -8),
    "Chinchilla": ("left", 8, 12),
    "GPT-4": ("right", -8, -8),
    "GPT-4o": ("right", -8, 0),
    "Llama 3.1 405B": ("center", 0, -17),
    "DeepSeek-V3": ("right", -8, 0),
    "Grok-3": ("right", -8, 0),
}
HALO = 4  # px of background colour around a name: it reads where it crosses a point or the trend line
TPP_LABELS = {"Chinchilla": ("right", -8, 10), "Llama 3.1 405B": ("right", -8, -10), "DeepSeek-V3": ("left", 8, 0)}
LEGEND = alt.Legend(columns=1, labelLimit=0, symbolStrokeWidth=2.5)
LEGEND_SYMBOLS = alt.Legend(labelLimit=0, symbolStrokeWidth=2, symbolOpacity=0.9)  # as the points are drawn


WORDS = (
    "date",
    "compute",
    "model",
    "organization",
    "confidence_title",
    "deepseek",
    "others",
    "loss",
    "gain",
    "you",
    "tpp",
    "params",
    "tokens",
)


def words() -> dict:
    """The charts' axis titles and labels in the reader's language (``scaling.words.*``)."""
    out: dict = {k: t(f"scaling.words.{k}") for k in WORDS}
    out["confidence"] = {c: t(f"scaling.confidence.{c}") for c in CONFIDENCE_SHAPES}
    out["fits"] = {f: t(f"scaling.fit.{f}") for f in scaling.FIT_IDS}
    return out


def trend_words(figs: FigureSet, lang: str) -> dict[str, str]:
    """The trend line's label from ``scaling.trend_figures`` ('' when no trend was fitted)."""
    return {
        "trend_label": t("scaling.trend.label", growth=figs["growth"].text(lang))
        if scaling.known(figs["growth"])
        else ""
    }


def rule_words(figs: FigureSet, lang: str) -> dict[str, str]:
    """The rule of thumb's legend entry from ``scaling.budget_figures``."""
    return {"rule": t("scaling.words.rule", k=figs["rule_k"].text(lang))}


def flop(c_flops: float, lang: str) -> str:
    return scaling.compute_text(c_flops, lang)


def code_label(lang: str):
    """The compute slider's label of a stop's URL code: '3e24' -> '3×10²⁴ FLOP'."""
    return lambda code: flop(scaling.compute_from_code(code), lang)


def _amount(value: float, lang: str) -> str:
    return Figure(float(value), Kind.AMOUNT, sig=scaling.AMOUNT_SIG).text(lang)


def _number(value: float, lang: str, digits: int) -> str:
    return Figure(float(value), Kind.NUMBER, digits=digits).text(lang)


def milestone_texts(milestones: pd.DataFrame) -> dict[str, str]:
    """Each milestone's sentence in the reader's language, by key."""
    return {k: t(f"scaling.bets.{k}") for k in milestones["key"]}


def milestone_lines(milestones: pd.DataFrame, models: pd.DataFrame, lang: str, texts: dict[str, str]) -> str:
    """The milestones as a Markdown list, with each named model's compute and parameters."""
    by_model = models.set_index("model")
    lines = []
    for row in milestones.itertuples():
        m = by_model.loc[row.model] if pd.notna(row.model) and row.model in by_model.index else None
        compute = flop(m["training_compute_flop"], lang) if m is not None else ""
        params = _amount(m["parameters"], lang) if m is not None else ""
        when = month_or_day(row.date.date(), row.precision, lang)
        lines.append(f"- **{when}**: {texts[row.key].format(compute=compute, params=params)}")
    return "\n".join(lines)


def constant_labels() -> dict[str, str]:
    return {
        "param": t("scaling.fit.param"),
        "ci": t("scaling.fit.ci"),
        **{f: t(f"scaling.fit.{f}") for f in scaling.FIT_IDS},
    }


CONSTANT_DIGITS = 4  # the fits' constants as the papers give them
CI_DIGITS = 3


def constants_table(fits_table: pd.DataFrame, lang: str, labels: dict[str, str]) -> pd.DataFrame:
    """The fits' constants side by side; ``labels``: the column names in ``lang`` (param, each fit, ci)."""
    rows = fits_table[fits_table["fit"].isin(scaling.FIT_IDS)].pivot(index="param", columns="fit")
    ci = [
        f"{_number(lo, lang, CI_DIGITS)} – {_number(hi, lang, CI_DIGITS)}"
        for lo, hi in zip(rows[("low", "besiroglu")], rows[("high", "besiroglu")])
    ]
    return pd.DataFrame(
        {
            labels["param"]: rows.index,
            labels["hoffmann"]: [_number(v, lang, CONSTANT_DIGITS) for v in rows[("value", "hoffmann")]],
            labels["besiroglu"]: [_number(v, lang, CONSTANT_DIGITS) for v in rows[("value", "besiroglu")]],
            labels["ci"]: ci,
        }
    )


def power_label_expr(lo: int = 15, hi: int = 31) -> str:
    """Vega expression turning a power of ten into '10²⁴' on log axes (ticks at powers of ten)."""
    expr = "''"
    for e in range(hi, lo - 1, -1):
        expr = f"round(log(datum.value)/LN10) == {e} ? '{Figure(10.0**e, Kind.COMPUTE).text('en')}' : {expr}"
    return expr


def _log_axis(title: str, lo: float, hi: float, **kw) -> alt.Axis:
    values = [10.0**e for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)]
    return alt.Axis(title=title, values=values, labelExpr=power_label_expr(), grid=True, **kw)


def month_or_day(day, precision: str, lang: str) -> str:
    """A milestone's date at the precision its source gives: 'July 2006' or '12 June 2017'."""
    if precision == "month":
        return format_skeleton("yMMMM", day, locale=lang)
    if precision == "year":
        return str(day.year)
    return fmt_date(day, lang)


# --- compute over time -------------------------------------------------------------------------


def text_blue(dark: bool) -> str:
    """The fits' blue for text and thin lines, lighter on a dark background so it stays readable."""
    return text_color(SEQUENCE[0], dark)


def compute_over_time(
    models: pd.DataFrame, trend: scaling.Trend | None, words: dict, lang: str, dark: bool = False
) -> alt.LayerChart:
    """Training compute of notable models (log scale) by date, DeepSeek-V3 highlighted, a trend line.
    With Epoch's later data (``scaling.with_later``: an ``earlier_flop`` column), each revised
    estimate's earlier value is a faded ring joined to the revised one (``words``: earlier, revised)."""
    df = models[["model", "organization", "date", "training_compute_flop", "confidence", "label"]].copy()
    df["label"] = df["label"].fillna("")
    df["compute_text"] = [flop(c, lang) for c in df["training_compute_flop"]]
    df["date_text"] = [fmt_date(d.date(), lang, "medium") for d in df["date"]]
    df["confidence_text"] = [words["confidence"][c] for c in df["confidence"]]
    df["group"] = [words["deepseek"] if m == HIGHLIGHT_MODEL else words["others"] for m in df["model"]]
    revised = models[models["earlier_flop"].notna()] if "earlier_flop" in models else models.iloc[:0]
    values = pd.concat([df["training_compute_flop"], revised.get("earlier_flop", pd.Series(dtype=float))])
    lo, hi = values.min() / 2, values.max() * 2
    x = alt.X("date:T", title=words["date"], axis=alt.Axis(format="%Y", tickCount="year"))
    y = alt.Y(
        "training_compute_flop:Q",
        scale=alt.Scale(type="log", domain=[lo, hi]),
        axis=_log_axis(words["compute"], lo, hi),
    )
    shapes = alt.Scale(
        domain=[words["confidence"][k] for k in CONFIDENCE_SHAPES], range=list(CONFIDENCE_SHAPES.values())
    )
    tooltip = [
        alt.Tooltip("model:N", title=words["model"]),
        alt.Tooltip("organization:N", title=words["organization"]),
        alt.Tooltip("date_text:N", title=words["date"]),
        alt.Tooltip("compute_text:N", title=words["compute"]),
        alt.Tooltip("confidence_text:N", title=words["confidence_title"]),
    ]
    # One legend of shape, fill and outline: its symbols are drawn as the points are (filled, and
    # hollow for speculative estimates: the caption reads the difference), grey as every point but
    # DeepSeek-V3's, which its green label names.
    title = words["confidence_title"]
    fills = alt.Scale(domain=shapes.domain, range=[NEUTRAL, NEUTRAL, "transparent"])
    outline = alt.Scale(domain=shapes.domain, range=[NEUTRAL] * len(CONFIDENCE_SHAPES))
    v3 = f"datum.model == '{HIGHLIGHT_MODEL}'"
    points = (
        alt.Chart(df)
        .mark_point(size=90, strokeWidth=2, opacity=0.9)
        .encode(
            x=x,
            y=y,
            shape=alt.Shape("confidence_text:N", scale=shapes, title=title, legend=LEGEND_SYMBOLS),
            fill=alt.condition(
                f"{v3} && datum.confidence != 'Speculative'",
                alt.value(HIGHLIGHT),
                alt.Fill("confidence_text:N", scale=fills, title=title, legend=LEGEND_SYMBOLS),
            ),
            stroke=alt.condition(
                v3,
                alt.value(HIGHLIGHT),
                alt.Stroke("confidence_text:N", scale=outline, title=title, legend=LEGEND_SYMBOLS),
            ),
            tooltip=tooltip,
        )
    )
    layers = [points, *_name_labels(df, x, y, TIME_LABELS, dy=-8, dark=dark)]
    if len(revised):
        layers = [*_revisions(revised, x, words, lang), *layers]
    if trend is not None:
        ends = pd.DataFrame({"year": [trend.first_year, trend.last_year]})
        ends["training_compute_flop"] = [trend.at(v) for v in ends["year"]]
        ends["date"] = [
            pd.Timestamp(year=int(v), month=1, day=1) + pd.Timedelta(days=(v % 1) * 365.25) for v in ends["year"]
        ]
        line = alt.Chart(ends).mark_line(strokeDash=[6, 4], strokeWidth=2, color=text_blue(dark)).encode(x=x, y=y)
        # named in the empty top-left corner, so it never sits on the points whatever the period
        text = (
            alt.Chart(pd.DataFrame({"text": ["- - " + words["trend_label"]]}))
            .mark_text(align="left", baseline="top", fontSize=13, fontWeight="bold", color=text_blue(dark))
            .encode(x=alt.value(6), y=alt.value(4), text="text:N")
        )
        layers = [line, text, *layers]
    return alt.layer(*layers).properties(height=plot_height())


def _revisions(revised: pd.DataFrame, x: alt.X, words: dict, lang: str) -> list[alt.Chart]:
    """A faded ring at each revised estimate's earlier value, joined to the revised value by a
    dotted line; the tooltip gives both with their sources' dates."""
    df = pd.DataFrame(
        {
            "model": revised["model"],
            "date": revised["date"],
            "training_compute_flop": revised["training_compute_flop"],
            "earlier_flop": revised["earlier_flop"],
            "earlier_text": [
                f"{flop(c, lang)} ({fmt_date(d.date(), lang, 'medium')})"
                for c, d in zip(revised["earlier_flop"], revised["earlier_on"])
            ],
            "revised_text": [
                f"{flop(c, lang)} ({fmt_date(d.date(), lang, 'medium')})"
                for c, d in zip(revised["training_compute_flop"], revised["revised_on"])
            ],
        }
    )
    tooltip = [
        alt.Tooltip("model:N", title=words["model"]),
        alt.Tooltip("earlier_text:N", title=words["earlier"]),
        alt.Tooltip("revised_text:N", title=words["revised"]),
    ]
    base = alt.Chart(df).encode(x=x, tooltip=tooltip)
    link = base.mark_rule(strokeDash=[2, 2], color=NEUTRAL, opacity=0.8).encode(
        y=alt.Y("earlier_flop:Q", title=words["compute"], scale=alt.Scale(type="log")), y2="training_compute_flop:Q"
    )
    ring = base.mark_point(shape="circle", size=90, strokeWidth=1.5, color=NEUTRAL, opacity=0.6).encode(
        y=alt.Y("earlier_flop:Q", title=words["compute"], scale=alt.Scale(type="log"))
    )
    return [link, ring]


# --- loss against compute ----------------------------------------------------------------------


def loss_vs_compute(
    curve: pd.DataFrame, decades: pd.DataFrame, chosen: dict, fit_id: str, words: dict, lang: str, dark: bool = False
) -> alt.LayerChart:
    """Predicted loss at the compute-optimal allocation for each fit; the drop per 10× marked on
    the chosen fit; the reader's budget as a point."""
    df = curve.copy()
    df["fit_name"] = [words["fits"][f] for f in df["fit"]]
    lo, hi = df["compute_flop"].min(), df["compute_flop"].max()
    x = alt.X("compute_flop:Q", scale=alt.Scale(type="log", domain=[lo, hi]), axis=_log_axis(words["compute"], lo, hi))
    y = alt.Y("loss:Q", scale=alt.Scale(zero=False), title=words["loss"], axis=alt.Axis(format=".2f"))
    names = [words["fits"][f] for f in FIT_STYLE]
    color = alt.Color(
        "fit_name:N", title=None, legend=LEGEND, scale=alt.Scale(domain=names, range=[s[0] for s in FIT_STYLE.values()])
    )
    dash = alt.StrokeDash(
        "fit_name:N", title=None, scale=alt.Scale(domain=names, range=[s[1] for s in FIT_STYLE.values()])
    )
    lines = alt.Chart(df).mark_line(strokeWidth=2.5).encode(x=x, y=y, color=color, strokeDash=dash)
    dec = decades.copy()
    dec["gain_text"] = ["" if g != g else _number(-g, lang, LOSS_DIGITS) for g in dec["gain"]]
    dec["compute_text"] = [flop(c, lang) for c in dec["compute_flop"]]
    dec["loss_text"] = [_number(v, lang, LOSS_DIGITS) for v in dec["loss"]]
    tips = [
        alt.Tooltip("compute_text:N", title=words["compute"]),
        alt.Tooltip("loss_text:N", title=words["loss"]),
        alt.Tooltip("gain_text:N", title=words["gain"]),
    ]
    fit_color = text_color(FIT_STYLE[fit_id][0], dark)  # the decade marks and their gains, in the fit's hue
    marks = alt.Chart(dec).mark_point(size=50, filled=True, color=fit_color).encode(x=x, y=y, tooltip=tips)
    gain = alt.Chart(dec).encode(x=x, y=y, text="gain_text:N")
    halo = palette(dark).background  # the gains read over the curves and the budget's dotted tie
    gains = [
        gain.mark_text(dy=-12, fontSize=11, color=halo, stroke=halo, strokeWidth=HALO, strokeJoin="round", aria=False),
        gain.mark_text(dy=-12, fontSize=11, color=fit_color),
    ]
    you = pd.DataFrame(
        [
            {
                "compute_flop": chosen["compute"],
                "loss": chosen["loss"],
                "text": words["you"],
                "compute_text": flop(chosen["compute"], lang),
                "loss_text": _number(chosen["loss"], lang, LOSS_DIGITS),
            }
        ]
    )
    point = (
        alt.Chart(you)
        .mark_point(size=260, shape="diamond", filled=True, color=HIGHLIGHT, stroke="white")
        .encode(x=x, y=y, tooltip=tips[:2])
    )
    # The curves fall from the top left to the bottom right, the other fit a few pixels from the
    # chosen one: the label goes to the empty corner on the point's side (below it in the left half,
    # above it in the right half), tied to the point by a dotted rule, never on a curve.
    left = math.log10(chosen["compute"]) < (math.log10(lo) + math.log10(hi)) / 2
    you["label_loss"] = df["loss"].min() if left else df["loss"].max()
    tie = (
        alt.Chart(you)
        .mark_rule(color=HIGHLIGHT, strokeDash=[2, 3], strokeWidth=1.5)
        .encode(x=x, y=alt.Y("loss:Q"), y2="label_loss:Q")
    )
    label = (
        alt.Chart(you)
        .mark_text(
            align="left" if left else "right",
            baseline="bottom" if left else "top",
            dx=6 if left else -6,
            fontSize=12,
            fontWeight="bold",
            color=text_color(HIGHLIGHT, dark),
        )
        .encode(x=x, y=alt.Y("label_loss:Q"), text="text:N")
    )
    return alt.layer(lines, tie, marks, *gains, point, label).properties(height=plot_height())


# --- tokens per parameter ----------------------------------------------------------------------


def tokens_per_param_chart(
    curve: pd.DataFrame, rule_k: float, models: pd.DataFrame, chosen_compute: float, words: dict, lang: str
) -> alt.LayerChart:
    """Compute-optimal tokens per parameter for each fit, the 20-token rule, and where real models sit."""
    df = curve.copy()
    df["fit_name"] = [words["fits"][f] for f in df["fit"]]
    lo, hi = df["compute_flop"].min(), df["compute_flop"].max()
    x = alt.X("compute_flop:Q", scale=alt.Scale(type="log", domain=[lo, hi]), axis=_log_axis(words["compute"], lo, hi))
    ys = pd.concat([df["tokens_per_param"], models["tokens_per_param"]])
    y_scale = alt.Scale(type="log", domain=[max(ys.min() / 1.5, 0.5), ys.max() * 1.5])
    y = alt.Y(
        "tokens_per_param:Q",
        scale=y_scale,
        title=words["tpp"],
        axis=alt.Axis(values=[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], format="~g"),
    )
    names = [words["fits"][f] for f in FIT_STYLE] + [words["rule"]]
    color = alt.Color(
        "fit_name:N",
        title=None,
        legend=LEGEND,
        scale=alt.Scale(domain=names, range=[s[0] for s in FIT_STYLE.values()] + [RULE_STYLE[0]]),
    )
    dash = alt.StrokeDash(
        "fit_name:N",
        title=None,
        scale=alt.Scale(domain=names, range=[s[1] for s in FIT_STYLE.values()] + [RULE_STYLE[1]]),
    )
    rule = pd.DataFrame({"compute_flop": [lo, hi], "tokens_per_param": [rule_k, rule_k], "fit_name": words["rule"]})
    lines = alt.Chart(pd.concat([df, rule])).mark_line(strokeWidth=2.5).encode(x=x, y=y, color=color, strokeDash=dash)
    m = models.rename(columns={"training_compute_flop": "compute_flop"}).copy()
    m = m[(m["compute_flop"] >= lo) & (m["compute_flop"] <= hi)]
    m["label"] = m["label"].fillna("")
    m["tpp_text"] = [_number(v, lang, 1) for v in m["tokens_per_param"]]
    m["n_text"] = [_amount(v, lang) for v in m["n_params"]]
    m["d_text"] = [_amount(v, lang) for v in m["d_tokens"]]
    m["compute_text"] = [flop(c, lang) for c in m["compute_flop"]]
    tips = [
        alt.Tooltip("model:N", title=words["model"]),
        alt.Tooltip("compute_text:N", title=words["compute"]),
        alt.Tooltip("n_text:N", title=words["params"]),
        alt.Tooltip("d_text:N", title=words["tokens"]),
        alt.Tooltip("tpp_text:N", title=words["tpp"]),
    ]
    is_v3 = alt.datum.model == HIGHLIGHT_MODEL
    pts = (
        alt.Chart(m)
        .mark_point(size=90, filled=True, stroke="white", strokeWidth=1)
        .encode(
            x=x,
            y=y,
            tooltip=tips,
            shape=alt.condition(is_v3, alt.value("diamond"), alt.value("circle")),
            color=alt.condition(is_v3, alt.value(HIGHLIGHT), alt.value(NEUTRAL)),
        )
    )
    you = (
        alt.Chart(pd.DataFrame({"compute_flop": [chosen_compute]}))
        .mark_rule(color=HIGHLIGHT, strokeWidth=2)
        .encode(x=x)
    )
    return alt.layer(lines, you, pts, *_name_labels(m, x, y, TPP_LABELS)).properties(height=plot_height())


def _name_labels(df: pd.DataFrame, x, y, positions: dict, dy: int = 0, dark: bool | None = None) -> list[alt.Chart]:
    """Two text layers naming the labelled points, each name placed where it does not hide its
    neighbours (its row's align, dx and dy), over a halo of the background. Two layers for all the
    names, not two a name: every layer is a Vega view part built again on each move (twenty of them
    cost a scaling move 6 ms). ``dark``: the theme's text colours (default: the reader's,
    ``ui.charts.chart_dark``)."""
    named = df[df["label"] != ""].reset_index(drop=True)
    place = [positions.get(label, ("left", 8, dy)) for label in named["label"]]
    named = named.assign(
        label_align=[p[0] for p in place], label_dx=[p[1] for p in place], label_dy=[p[2] for p in place]
    )
    color = alt.condition(
        alt.datum.model == HIGHLIGHT_MODEL, alt.value(text_color(HIGHLIGHT, dark)), alt.value(text_color(NEUTRAL, dark))
    )
    halo = palette(dark).background
    text = alt.Chart(named).encode(x=x, y=y, text="label:N")
    style = {
        "align": {"expr": "datum.label_align"},
        "dx": {"expr": "datum.label_dx"},
        "dy": {"expr": "datum.label_dy"},
        "fontSize": 12,
        "fontWeight": "bold",
    }
    return [
        text.mark_text(**style, color=halo, stroke=halo, strokeWidth=HALO, strokeJoin="round", aria=False),
        text.mark_text(**style).encode(color=color),
    ]
