"""Shared chart look: one colour per company group on every page, accessible defaults.

Page-specific chart builders live in their own modules (DataFrame in, Altair chart out) and use
these helpers, so every chart has the same palette, alt text and readable type.
Palette: Okabe-Ito (colour-blind safe, readable on light and dark backgrounds). Colour never
carries meaning alone: pair it with a label, a shape or a dash.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable

import altair as alt
import pandas as pd
import streamlit as st

from ui.i18n import lang, t

try:  # Streamlit's own Altair -> Vega-Lite conversion pieces (data as Arrow); private, so guarded
    from streamlit.elements.vega_charts import _altair_globals_lock, _to_arrow_dataset
except ImportError:  # pragma: no cover - a newer Streamlit moved them: fall back to st.altair_chart
    _to_arrow_dataset = None

# Altair checks every chart against the Vega-Lite JSON schema when it is turned into a spec: a
# third of the cost of a chart. The test suite sets this to keep that check on every chart it
# draws; readers' sessions skip it.
VALIDATE = os.environ.get("SVE_VALIDATE_CHARTS", "") == "1"


GROUP_COLORS = {
    "gafam": "#0072B2",  # blue
    "chips": "#E69F00",  # orange
    "cloud": "#CC79A7",  # reddish purple
    "power": "#D55E00",  # vermillion
    "market": "#999999",  # grey
}
GROUP_SHAPES = {"gafam": "circle", "chips": "square", "cloud": "diamond", "power": "triangle-up", "market": "cross"}
HIGHLIGHT = "#009E73"  # bluish green: DeepSeek / the reader's own choice
NEUTRAL = "#7F8C9A"
SEQUENCE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999")


@dataclass(frozen=True)
class ChartTheme:
    """A chart's text colours on one theme's background: every one ≥ 4.5:1 against it
    (tests/unit/test_palette.py). Marks keep the palette above (bars and lines need 3:1, and the
    same hue on both themes); text drawn in a mark's colour takes ``text[colour]`` instead, the
    same hue darkened on white (amber #E69F00 was 2.25:1) or lightened on the dark background."""

    background: str  # the theme's background (.streamlit/config.toml), also the exports'
    ink: str  # labels drawn as marks: names, values
    muted: str  # axis labels and titles, legends (Streamlit's own grey was 3.8:1 on white)
    text: dict[str, str]  # a mark colour -> the colour of text drawn in it


THEMES = {
    False: ChartTheme(
        background="#FFFFFF",
        ink="#1B1F24",
        muted="#4A5058",
        text={
            "#0072B2": "#0072B2",
            "#E69F00": "#956700",
            "#009E73": "#00805D",
            "#D55E00": "#B95200",
            "#CC79A7": "#9B5C7F",
            "#56B4E9": "#39779A",
            "#999999": "#707070",
            NEUTRAL: "#67717D",
        },
    ),
    True: ChartTheme(
        background="#111418",
        ink="#E8EAED",
        muted="#B4BAC2",
        text={
            "#0072B2": "#308DC1",
            "#E69F00": "#E69F00",
            "#009E73": "#009E73",
            "#D55E00": "#D66308",
            "#CC79A7": "#CC79A7",
            "#56B4E9": "#56B4E9",
            "#999999": "#999999",
            NEUTRAL: "#7F8C9A",
        },
    ),
}


def chart_dark() -> bool:
    """Are charts drawn for the dark background? The reader's dark theme, except in presenter view
    and the speaker console, which are light whatever the system's setting (``ui.present``)."""
    from ui.present import dark_charts

    try:
        return bool(dark_charts())
    except Exception:  # noqa: BLE001 - outside a Streamlit run (tests, the SVG export)
        return False


def palette(dark: bool | None = None) -> ChartTheme:
    return THEMES[chart_dark() if dark is None else dark]


def ink(dark: bool | None = None) -> str:
    """The colour of labels drawn as marks (Vega's default black vanishes on the dark theme)."""
    return palette(dark).ink


def text_color(mark: str, dark: bool | None = None) -> str:
    """The colour for text drawn in ``mark``'s colour (a palette colour), legible on the theme."""
    return palette(dark).text[mark]


def legible(chart: alt.TopLevelMixin, dark: bool | None = None) -> alt.TopLevelMixin:
    """A copy of ``chart`` with the theme's text colours on its axes, legends and title, on the
    theme's background (the canvas, and an exported SVG, match the page), a little room around it
    (``EDGE``) and no axis or legend label cut short unless its builder asked (``WHOLE_LABELS``).
    Other settings of its configuration (``styled``'s sizes) are kept."""
    theme = palette(dark)
    out = chart.copy(deep=["config"])
    config = out.config.to_dict() if out.config is not alt.Undefined else {}
    colours = {
        "axis": {"labelColor": theme.muted, "titleColor": theme.muted},
        "legend": {"labelColor": theme.muted, "titleColor": theme.muted},
        "title": {"color": theme.ink, "subtitleColor": theme.muted},
    }
    for part, values in colours.items():
        config[part] = {**WHOLE_LABELS.get(part, {}), **config.get(part, {}), **values}
    config["background"] = theme.background
    out.config = alt.Config.from_dict(config)
    if out.padding is alt.Undefined:
        out.padding = EDGE
    return out


# Streamlit's chart theme cuts axis labels at 100 px ("1000万…" in presenter view, "Alphabet (Google)
# clas…") and Vega legend labels at 160 px; 0 is Vega's "no limit". An axis or legend that sets its
# own limit keeps it.
WHOLE_LABELS = {"axis": {"labelLimit": 0}, "legend": {"labelLimit": 0, "titleLimit": 0}}

# px around every chart: Streamlit draws charts with no padding, and Vega lays out text by its font
# size, not its line box: a rotated axis title (Japanese glyphs fill the em box), the top tick's
# label and a title at the top edge lost a pixel or two to the chart's edge
EDGE = {"top": 6, "left": 4, "right": 4, "bottom": 2}


def group_label(group: str) -> str:
    return t(f"groups.{group}")


def group_color_scale(groups: list[str] | None = None) -> alt.Scale:
    """Colour scale keyed by translated group labels, in a fixed order."""
    keys = [g for g in GROUP_COLORS if groups is None or g in groups]
    return alt.Scale(domain=[group_label(g) for g in keys], range=[GROUP_COLORS[g] for g in keys])


def colour_by(field: str, colours: dict[str, str], default: str) -> str:
    """A Vega expression: the colour of ``datum[field]`` in ``colours`` (else ``default``). For text
    drawn in its marks' colours: a second colour scale on the same field would be merged with the
    marks' (a layered chart shares its scales), so text takes its colour from the data instead,
    on the fill channel (``text_colour``: on the colour channel, the field split the marks' legend
    of colours and shapes in two)."""
    expr = json.dumps(default)
    for key, value in reversed(colours.items()):
        expr = f"datum[{json.dumps(field)}] === {json.dumps(key)} ? {json.dumps(value)} : {expr}"
    return expr


TEXT_FIELD = "_text_colour"  # the calculated field ``text_colour`` draws text in


def text_colour(chart: alt.Chart, field: str, colours: dict[str, str], dark: bool | None = None) -> alt.Chart:
    """``chart`` (a text layer) drawn in the text colour (``text_color``) of each row's mark colour:
    ``colours`` maps the values of ``field`` to mark colours of the palette."""
    ink_of = {k: text_color(v, dark) for k, v in colours.items()}
    return chart.transform_calculate(**{TEXT_FIELD: colour_by(field, ink_of, ink(dark))}).encode(
        fill=alt.Fill(f"{TEXT_FIELD}:N", scale=None, legend=None)
    )


def group_colours(groups: list[str] | None = None) -> dict[str, str]:
    """{translated group label: mark colour} (``text_colour`` of a chart of groups)."""
    return {group_label(g): GROUP_COLORS[g] for g in GROUP_COLORS if groups is None or g in groups}


def group_shape_scale(groups: list[str] | None = None) -> alt.Scale:
    keys = [g for g in GROUP_COLORS if groups is None or g in groups]
    return alt.Scale(domain=[group_label(g) for g in keys], range=[GROUP_SHAPES[g] for g in keys])


def reach(data: pd.DataFrame | alt.Chart, title: str | None = None, **ends: str) -> alt.Chart:
    """An invisible layer that stretches a shared scale to ``ends``: Vega expressions of a row,
    e.g. ``reach(df, x="datum.value * 1.22")`` leaves room for labels right of the longest bar.
    ``data`` may be a chart with transforms of its own (an aggregate the expressions use).

    The scale's domain then comes from the data (Vega computes it) instead of a number written
    into the spec: a control that moves the data leaves the spec as it was, and Streamlit redraws
    the chart in place instead of embedding a new one. ``title`` (the axis title) keeps the field
    names of this layer out of the shared axis title. Drawn first, below the visible marks.
    """
    fields = {ch: f"_reach_{ch}" for ch in ends}
    encoding = {}
    for ch, field in fields.items():
        if ch in ("x2", "y2"):
            encoding[ch] = getattr(alt, ch.upper())(field)
        else:
            encoding[ch] = getattr(alt, ch.upper())(f"{field}:Q", title=title)
    base = data if isinstance(data, alt.Chart) else alt.Chart(data)
    return (
        base.transform_calculate(**{fields[ch]: expr for ch, expr in ends.items()})
        .mark_rule(opacity=0, aria=False)
        .encode(**encoding)
    )


def styled(chart: alt.TopLevelMixin, font_size: int | None = None) -> alt.TopLevelMixin:
    """Readable axis and legend type; larger in presenter view (legible at 1920×1080)."""
    from ui.present import chart_font_size

    font_size = font_size or chart_font_size()
    return (
        chart.configure_axis(labelFontSize=font_size, titleFontSize=font_size + 1)
        .configure_legend(labelFontSize=font_size, titleFontSize=font_size, orient="bottom")
        .configure_title(fontSize=font_size + 3)
    )


STACKED = "{bottom: {direction: 'vertical', anchor: 'start'}}"


def stacked_legends(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """A copy of ``chart`` whose legends below the plot sit one under the other, from its left edge:
    side by side (Vega's default), a second legend ran off a phone's screen. Apply it last (a later
    ``configure_legend`` would replace it; ``legible`` keeps it)."""
    out = chart.copy(deep=["config"])
    config = out.config.to_dict() if out.config is not alt.Undefined else {}
    # Vega's legend layout; Vega-Lite's schema takes it only as an expression (its value is the object)
    config["legend"] = {**config.get("legend", {}), "layout": {"expr": STACKED}}
    out.config = alt.Config.from_dict(config)
    return out


def _chart_data(chart) -> pd.DataFrame | None:
    data = getattr(chart, "data", None)
    if isinstance(data, pd.DataFrame):
        return data
    for layer in getattr(chart, "layer", []) or []:  # a layered chart: the first layer with a frame
        found = _chart_data(layer)
        if found is not None:
            return found
    return None


@dataclass(frozen=True, eq=False)
class Built:
    """A chart built once per distinct input and shared by every rerun and session that asks for it:
    the Altair chart (for the SVG export), Streamlit's Vega-Lite spec and the table behind it."""

    chart: Any
    spec: dict | None
    table: pd.DataFrame | None
    frames: dict[str, Any] | None = None  # the rows of a named-data chart (``build_named``): frames or Arrow tables

    def svg(self) -> str:
        return chart_svg(self.chart, self.frames)


def build(builder: Callable[..., alt.TopLevelMixin], *args, style: bool = False, **kwargs) -> Built:
    """``builder(*args, **kwargs)`` (plus ``styled`` if asked, and ``legible`` always), cached on its
    inputs, the language, the theme (builders pick label colours for it) and the chart font size. Building an Altair
    chart costs tens of milliseconds; a cached one costs nothing, so a rerun only rebuilds the
    charts whose inputs changed. Shared by every session of the process."""
    from ui.memo import fingerprint, name_of, remembered

    font, language, theme = _font_size(), lang(), _theme()
    key = fingerprint(args, sorted(kwargs.items()), style, font, language, theme)
    if key is None:  # an argument that cannot be pickled: build afresh, correct if slower
        return _make(builder, args, kwargs, style, font, theme)
    return remembered(
        _BUILT, _BUILT_LOCK, 512, (name_of(builder), key), lambda: _make(builder, args, kwargs, style, font, theme)
    )


_BUILT: OrderedDict[tuple[str, str], Built] = OrderedDict()
_BUILT_LOCK = threading.Lock()


def _theme() -> str:
    """'dark' or 'light': the background charts are drawn for (``chart_dark``)."""
    return "dark" if chart_dark() else "light"


def build_named(
    builder: Callable[..., alt.TopLevelMixin],
    frames: dict[str, Any],
    *args,
    style: bool = False,
    table: str | None = None,
    **kwargs,
) -> Built:
    """A chart whose rows change on every move while its look does not: ``builder(*args, **kwargs)``
    draws only from named datasets (``alt.NamedData(name)``, one per key of ``frames``) and is built
    once per distinct look (its arguments, the language, the font size), like ``build``; each call
    then only puts the rows of ``frames`` under those names. A slider value nobody asked for before
    costs a table conversion instead of an Altair build, and since the spec stays the same the
    browser swaps the rows into the chart it already shows instead of drawing a new one.

    ``frames``: DataFrames, Arrow tables or columns of plain lists (``{"x": [...], ...}``, made
    into an Arrow table directly: converting a small DataFrame to Arrow cost more than computing it).
    The spec must not depend on the rows (no domains or tick lists computed from them: put such
    values in the data); ``table`` names the frame offered as CSV (default: the first)."""
    template = build(builder, *args, style=style, **kwargs)
    frames = {name: _arrow_or_frame(rows) for name, rows in frames.items()}
    spec = template.spec
    if spec is not None:
        spec = {**spec, "datasets": {**(spec.get("datasets") or {}), **frames}}
    first = next(iter(frames.values()), None)
    return Built(template.chart, spec, frames[table] if table else first, frames)


def _arrow_or_frame(rows):
    """Columns of lists as an Arrow table; a long frame (a price history) as the Arrow table
    Streamlit would make of it, converted once per distinct frame (its fingerprint costs a tenth
    of the conversion); a short frame as it is (Streamlit converts it)."""
    if isinstance(rows, dict):
        return _arrow_columns(rows)
    if isinstance(rows, pd.DataFrame) and len(rows) >= LONG_ROWS:
        from ui.memo import fingerprint, remembered

        key = fingerprint(rows)
        if key is not None:
            from streamlit import dataframe_util

            return remembered(
                _ARROW, _ARROW_LOCK, 32, key, lambda: dataframe_util.convert_pandas_df_to_arrow_table(rows)
            )
    return rows


def _arrow_columns(rows: dict[str, list]):
    """Columns of lists as an Arrow table. Working out the column types cost pyarrow 0.3 ms a table
    (five tables a move on the scenarios page), so the types found before are reused for columns of
    the same names holding the same kinds of plain values (text, numbers, booleans, gaps), every
    value counted: typed from ints, pyarrow would take a later 2.0 as an int and refuse 1.5. Other
    values (dates with their time zones, lists) are typed afresh every time."""
    import pyarrow as pa

    kinds = tuple(frozenset(map(type, col)) for col in rows.values())
    if not all(k <= _PLAIN for k in kinds):
        return pa.table(rows)
    key = (tuple(rows), kinds)
    schema = _TYPES.get(key)
    if schema is not None:
        try:
            return pa.Table.from_pydict(rows, schema=schema)
        except (pa.ArrowException, TypeError, ValueError):  # (not expected: the same kinds of values)
            pass
    table = pa.table(rows)
    if len(_TYPES) >= 512:
        _TYPES.clear()
    _TYPES[key] = table.schema
    return table


_PLAIN = frozenset({str, int, float, bool, type(None)})  # exact types: a subclass (numpy.float64) is typed afresh
_TYPES: dict[tuple, Any] = {}
LONG_ROWS = 200
_ARROW: OrderedDict[str, Any] = OrderedDict()
_ARROW_LOCK = threading.Lock()


def arrow_rows(frames: dict[str, Any]) -> dict[str, Any]:
    """Every frame of a chart's rows as an Arrow table (what Streamlit sends): for rows kept in a
    cache, so a rerun neither converts nor copies them (Arrow tables never change)."""
    from streamlit import dataframe_util

    def one(rows):
        if isinstance(rows, pd.DataFrame):
            return dataframe_util.convert_pandas_df_to_arrow_table(rows)
        return _arrow_or_frame(rows)

    return {name: one(rows) for name, rows in frames.items()}


def as_frame(rows) -> pd.DataFrame:
    """Rows of any kind ``build_named`` takes, as a DataFrame (CSV, SVG, self-contained charts)."""
    if isinstance(rows, pd.DataFrame):
        return rows
    if isinstance(rows, dict):
        return pd.DataFrame(rows)
    return rows.to_pandas()


def with_rows(chart: alt.TopLevelMixin, frames: dict[str, pd.DataFrame]) -> alt.TopLevelMixin:
    """A copy of a named-data chart (``build_named``'s builders) with the rows of ``frames`` in
    place of the names: a self-contained chart, for the tour's slides and for tests."""

    def fill(node):
        data = getattr(node, "data", alt.Undefined)
        if isinstance(data, alt.NamedData) and data.name in frames:
            node.data = as_frame(frames[data.name])
        for part in ("layer", "hconcat", "vconcat", "concat"):
            for sub in getattr(node, part, None) or []:
                fill(sub)
        return node

    return fill(chart.copy(deep=True))


def _font_size() -> int:
    from ui.present import chart_font_size

    return chart_font_size()


BASE_FONT = 13  # the chart font size builders' fixed text sizes are drawn for (a laptop)


def chart_layers(chart):
    """The chart and every layer in it, depth first."""
    yield chart
    for layer in getattr(chart, "layer", None) or []:
        yield from chart_layers(layer)


def grow_text(chart, factor: float, max_text: int) -> None:
    """Text marks drawn at a fixed size (the mark's ``fontSize``), ``factor`` times larger (in
    place), up to ``max_text`` px; a text already that large or larger stays as it is. A size set
    as an encoding (``size=alt.value(11)``: labels spaced for that size) is left alone."""
    for layer in chart_layers(chart):
        mark = getattr(layer, "mark", None)
        if isinstance(mark, alt.MarkDef) and mark.type == "text" and isinstance(mark.fontSize, (int, float)):
            mark.fontSize = min(round(mark.fontSize * factor), max(max_text, mark.fontSize))


def _make(builder, args, kwargs, style, font, theme="light") -> Built:
    chart = builder(*args, **kwargs)
    if style:
        chart = styled(chart, font)
    chart = legible(chart, theme == "dark")
    if font > BASE_FONT:  # presenter view: labels drawn at a laptop's size grow with the axes'
        grow_text(chart, font / BASE_FONT, font)
    return Built(chart, _spec(chart), _chart_data(chart))


def _spec(chart: alt.TopLevelMixin) -> dict | None:
    """What ``st.altair_chart`` sends (no theme defaults, data as named Arrow datasets), built
    once; ``None`` if this Streamlit lacks the pieces (then ``show`` uses ``st.altair_chart``)."""
    if _to_arrow_dataset is None:
        return None
    alt.data_transformers.register("to_arrow_dataset", _to_arrow_dataset)
    datasets: dict = {}
    with _altair_globals_lock:
        theme = alt.theme.enable("none") if alt.theme.active == "default" else contextlib.nullcontext()
        with theme, alt.data_transformers.enable("to_arrow_dataset", datasets=datasets):
            spec = chart.to_dict(validate=VALIDATE)
    spec["datasets"] = {**(spec.get("datasets") or {}), **datasets}
    return spec


def spec_changes(a, b, path: str = "") -> list[str]:
    """Where two Vega-Lite specs differ (paths, with the values for leaves): what makes Streamlit's
    browser code build a new chart view instead of swapping rows into the one it shows. Dataset
    names (hashes of the rows) should be replaced by ``by_position`` first."""
    if type(a) is not type(b):
        return [path or "/"]
    if isinstance(a, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            out += [f"{path}/{k}"] if k not in a or k not in b else spec_changes(a[k], b[k], f"{path}/{k}")
        return out
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{path} (length {len(a)} -> {len(b)})"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in spec_changes(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {str(a)[:40]} -> {str(b)[:40]}"]


def by_position(spec_json: str, names) -> dict:
    """A spec (JSON text) with its dataset names replaced by their positions."""
    for i, name in enumerate(names):
        spec_json = spec_json.replace(name, f"__dataset_{i}")
    return json.loads(spec_json)


@dataclass(frozen=True)
class Export:
    """What a chart's downloads carry, for slides and handouts: the file names
    (``<page>-<chart>-<lang>.svg|png|csv``, ``export_name``), the image's title, source line and
    as-of date, and the CSV's columns.

    ``page``: the page's id (``ui.pages``, "tour" for the guided tour); ``chart``: the chart's name on
    it, both lowercase words joined by hyphens. ``title``: the chart's title in the reader's language
    (the section heading above it, usually). ``source``: the source line shown under the chart
    (``ui.cite.source_line``); ``as_of``: the date of the data as text (``ui.cite.as_of_text``).
    ``columns``: the CSV's columns, {column of the chart's table: header for readers}, in order;
    every other column (flags, opacities, ranks, label texts, codes repeated as names) stays out.
    Without them there is no CSV (the tour's charts: their pages offer it). Every header is
    described in docs/exports.md (tests/unit/test_chart_export.py checks).
    """

    page: str
    chart: str
    title: str = ""
    source: str = ""
    as_of: str = ""
    columns: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        for part in (self.page, self.chart):
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", part):
                raise ValueError(f"export names are lowercase words joined by hyphens, not {part!r}")

    def stem(self, language: str) -> str:
        return export_name(self.page, self.chart, language)


def export_name(page: str, chart: str, language: str) -> str:
    """The one naming rule of every download: ``<page>-<chart>-<lang>`` (plus .svg, .png or .csv)."""
    return f"{page}-{chart}-{language}"


EXPORT_WIDTH = 800  # px: the plot's width in an exported image, at least (slides and handouts)
PNG_SCALE = 2  # the PNG at twice the SVG's size: sharp on a projector (1600 px and more)
_SOURCE_WIDTH = 130  # the source line's width in narrow characters (a wide, CJK one counts as two)


def with_height(spec: dict, height: int, legend_right: bool = False, rows: int | None = None) -> dict:
    """A copy of a single or layered Vega-Lite spec drawn ``height`` px tall in all (Streamlit fits
    the view, axes and legend into it). A chart already taller keeps its height (its labels are
    placed for it). A spec drawn a step per row keeps its step, or grows it (up to ``STEP_GROWTH``
    times) where its ``rows`` (at most) leave room; its marks are drawn for the step, so it never
    shrinks. With ``legend_right`` (a wide screen) such a chart's legend goes beside the plot, with
    whole labels; a chart of points keeps its legend, its labels placed for its plot's width. The
    shared, cached spec is not changed. Compound specs (concat, facet, repeat) come back as they are."""
    if any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        return spec
    size = spec.get("height")
    rowed = isinstance(size, dict) and isinstance(size.get("step"), (int, float))
    if rowed:
        room = min(int(height * LEAD_PLOT / rows), size["step"] * STEP_GROWTH) if rows else 0
        out = {**spec, "height": {**size, "step": max(size["step"], room)}}
    elif isinstance(size, (int, float)) and size > height:
        out = {**spec}  # a taller chart keeps its height: its labels are placed for it (never squeezed)
    else:
        out = {**spec, "height": height}
    if legend_right and rowed:  # (a chart of points keeps its legend: its labels are placed for its plot's width)
        config = dict(out.get("config") or {})
        config["legend"] = {
            **(config.get("legend") or {}),
            "orient": "right",
            "direction": "vertical",
            "columns": 0,
            "labelLimit": 0,
        }
        out["config"] = config
        for key in ("layer", "encoding"):  # a legend set on an encoding outranks the config's
            if key in out:
                out[key] = _whole_legends(out[key])
    return out


LEAD_PLOT = 0.8  # of a key chart's height: its plot's rows (the rest: axis and title)
STEP_GROWTH = 2  # a row grows at most this much (three bars would each take a third of the screen)


def _rows(table) -> int | None:
    """The number of rows behind a chart (an upper bound of its bars), if known."""
    try:
        return len(table) if table is not None else None
    except TypeError:
        return None


def _whole_legends(part):
    """``part`` with every encoding's legend given whole labels (copies; the original is kept)."""
    if isinstance(part, list):
        return [_whole_legends(p) for p in part]
    if not isinstance(part, dict):
        return part
    return {
        k: ({**v, "labelLimit": 0} if k == "legend" and isinstance(v, dict) else _whole_legends(v))
        for k, v in part.items()
    }


def show(
    chart: alt.TopLevelMixin | Built,
    alt_text: str,
    key: str | None = None,
    data: pd.DataFrame | None = None,
    export: Export | None = None,
    shelf: Shelf | None = None,
    label: str = "",
) -> None:
    """Render a chart full width with its alt text (what it shows, for screen readers), and, with
    ``export``, offer it as SVG and PNG (drawn by vl-convert on click, not on every rerun: the
    title, source line and as-of date on top, at least ``EXPORT_WIDTH`` px wide) and its data as
    CSV (``export.columns`` only).

    ``chart`` is an Altair chart or, cheaper on reruns, a ``build(...)`` result; ``data`` the table
    behind the chart when it is not the chart's own DataFrame. With ``shelf`` (a chart inside an
    ``st.fragment``), the downloads are put on the shelf, under ``label``, and offered once below
    the fragment (``Shelf.offer``) instead of under the chart.
    """
    from ui.present import LEGEND_BESIDE, lead_chart_height, leading, viewport

    frames = None
    height = lead_chart_height() if leading() else None  # a page's key chart in presenter view: screen-sized
    wide = height is not None and viewport()[0] >= LEGEND_BESIDE
    if isinstance(chart, Built):
        table = data if data is not None else chart.table
        frames = chart.frames
        if chart.spec is not None:
            spec = chart.spec if height is None else with_height(chart.spec, height, wide, _rows(table))
            st.vega_lite_chart(spec=spec, width="stretch", alt=alt_text, key=key)
        else:
            shown = chart.chart if height is None else chart.chart.properties(height=height)
            st.altair_chart(shown, width="stretch", alt=alt_text, key=key)
        chart = chart.chart
    else:  # a chart built elsewhere (the tour's slides): the theme's text colours here
        table = data if data is not None else _chart_data(chart)
        chart = legible(chart)
        st.altair_chart(
            chart if height is None else chart.properties(height=height), width="stretch", alt=alt_text, key=key
        )
    if export is None:
        return
    stem = export.stem(lang())
    if shelf is not None:
        shelf.put(stem, label, chart, frames, table, export)
        return
    with st.popover(
        t("common.download"),
        icon=":material/download:",
        type="tertiary",
        help=t("common.download_help"),
        key=f"dl_{stem}",
        on_change="rerun",
    ) as menu:
        if menu.open:  # the files' buttons only once asked for (``download_menu_cost`` below)
            with st.container(horizontal=True, gap="small"):
                _downloads(
                    stem,
                    lambda: chart_svg(chart, frames, export),
                    lambda: chart_png(chart, frames, export),
                    None if table is None or not export.columns else lambda: export_csv(table, export.columns),
                )


# Why a chart's downloads wait behind one "Download" button: a chart drawn inside an ``st.fragment``
# sends its elements again on every move of the fragment's controls. Three buttons in a row were
# four elements a chart; on the scenarios page (three charts in the calculator's fragment) they
# were 12 of a move's 85 messages and kept the run from being over in the browser ~15 ms longer
# (benchmarks/README.md, session 8). The popover is one element; its buttons are drawn when it is
# opened (``on_change="rerun"``: a rerun of the fragment, or of the page for a chart outside one).


def _downloads(
    stem: str,
    svg: Callable[[], str],
    png: Callable[[], bytes],
    csv: Callable[[], bytes] | None,
    label: str = "",
) -> None:
    """A chart's download buttons (files made when clicked)."""
    name = (lambda kind: t("common.download_named", chart=label, kind=kind)) if label else (lambda kind: kind)
    files = [
        ("svg", t("common.download_svg"), svg, "image/svg+xml", ":material/image:"),
        ("png", t("common.download_png"), png, "image/png", ":material/photo:"),
    ]
    if csv is not None:
        files.append(("csv", t("common.download_csv"), csv, "text/csv", ":material/table:"))
    for ext, kind, make, mime, icon in files:
        st.download_button(
            name(kind),
            data=make,
            file_name=f"{stem}.{ext}",
            mime=mime,
            on_click="ignore",
            type="tertiary",
            icon=icon,
            key=f"{ext}_{stem}",
        )


def export_csv(table, columns: Mapping[str, str] | None = None) -> bytes:
    """The table as CSV for readers: ``columns`` only ({column: header}, in order), or every
    column when none are named."""
    frame = as_frame(table)
    if columns:
        frame = frame[list(columns)].rename(columns=dict(columns))
    return frame.to_csv(index=False).encode("utf-8")


class Shelf:
    """Downloads of the charts drawn inside an ``st.fragment``, offered once below it instead of
    under each chart. A download button is a widget, registered again on every rerun of the
    fragment it sits in: on the scenarios page, six of them (and their rows) were a sixth of a
    slider move's server time. Outside the fragment they are drawn on full runs only, and they
    stay valid through its reruns (Streamlit keeps the files of elements outside a rerunning
    fragment). Each file is made when clicked, from what the fragment last put on the shelf:
    the chart as the reader sees it then.

    Make it in the page's full run (``SHELF = Shelf("sc")``), pass it to ``show`` inside the
    fragment, and call ``offer()`` after the fragment."""

    def __init__(self, key: str):
        self.items: dict[str, tuple] = st.session_state.setdefault(f"_shelf_{key}", {})

    def put(
        self, stem: str, label: str, chart: alt.TopLevelMixin, frames: dict | None, table: Any, export: Export
    ) -> None:
        self.items[stem] = (label, chart, frames, table, export)

    def svg(self, stem: str) -> str:
        _, chart, frames, _, export = self.items[stem]
        return chart_svg(chart, frames, export)

    def png(self, stem: str) -> bytes:
        _, chart, frames, _, export = self.items[stem]
        return chart_png(chart, frames, export)

    def csv(self, stem: str) -> bytes:
        _, _, _, table, export = self.items[stem]
        return export_csv(table, export.columns)

    def offer(self) -> None:
        """The download buttons of every chart on the shelf under the fragment, a row a chart
        (the current language's only: a switch of language reruns the page, and the fragment then
        puts its charts back under their new names)."""
        suffix = f"-{lang()}"
        for stem, (label, _, _, table, export) in list(self.items.items()):
            if not stem.endswith(suffix):
                del self.items[stem]
                continue
            with st.container(horizontal=True, horizontal_alignment="right", gap="small"):
                _downloads(
                    stem,
                    lambda s=stem: self.svg(s),
                    lambda s=stem: self.png(s),
                    None if table is None or not export.columns else (lambda s=stem: self.csv(s)),
                    label,
                )


def export_spec(chart: alt.TopLevelMixin, frames: dict[str, Any] | None = None, export: Export | None = None) -> dict:
    """The chart's Vega-Lite spec as an exported image draws it: its rows in it (``frames``: the
    rows of a chart drawn from named datasets), and with ``export`` the title, the source line and
    the as-of date on top, a plot at least ``EXPORT_WIDTH`` px wide, and no label cut short (the
    screen's label limits are for a phone's width)."""
    spec = chart.to_dict()
    if frames:
        rows = {
            name: json.loads(as_frame(df).to_json(orient="records", date_format="iso")) for name, df in frames.items()
        }
        spec["datasets"] = {**(spec.get("datasets") or {}), **rows}
    if export is None:
        return spec
    spec = _no_label_limits(spec)
    if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        width = spec.get("width")
        spec["width"] = max(width, EXPORT_WIDTH) if isinstance(width, (int, float)) else EXPORT_WIDTH
    config = spec.setdefault("config", {})
    theme = next((th for th in THEMES.values() if th.background == config.get("background")), THEMES[False])
    config.setdefault("background", theme.background)
    drawn = spec.get("title")
    drawn = drawn.get("text") if isinstance(drawn, dict) else drawn
    lines = [drawn] if isinstance(drawn, str) and export.title and drawn != export.title else []
    lines += _wrap(export.source, _SOURCE_WIDTH) if export.source else []
    lines += [t("common.as_of", date=export.as_of)] if export.as_of else []
    spec["title"] = {
        "text": export.title or drawn or "",
        "subtitle": lines,
        "anchor": "start",
        "fontSize": 18,
        "subtitleFontSize": 12,
        "subtitlePadding": 6,
        "offset": 14,
        "color": theme.ink,
        "subtitleColor": theme.muted,
    }
    return spec


def _no_label_limits(node):
    """A copy of a spec with every axis and legend label limit lifted (0: none)."""
    if isinstance(node, dict):
        out = {k: (0 if k == "labelLimit" else _no_label_limits(v)) for k, v in node.items()}
        if "config" in out:
            cfg = out["config"]
            for part in ("axis", "legend"):
                cfg[part] = {**cfg.get(part, {}), "labelLimit": 0}
        return out
    if isinstance(node, list):
        return [_no_label_limits(v) for v in node]
    return node


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` narrow characters (a wide one counts as two), broken
    at spaces where there are any, else between characters (Japanese)."""
    import unicodedata

    def size(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if size(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for c in word:  # a word longer than a line (Japanese has no spaces): by character
            if size(line + c) > width:
                lines.append(line)
                line = ""
            line += c
    return [*lines, line] if line else lines


def chart_svg(
    chart: alt.TopLevelMixin, frames: dict[str, pd.DataFrame] | None = None, export: Export | None = None
) -> str:
    """The chart as a standalone SVG (for slides and handouts); ``frames``: the rows of a chart
    drawn from named datasets (``build_named``); ``export``: its title, source and date."""
    import vl_convert

    return vl_convert.vegalite_to_svg(export_spec(chart, frames, export))


def chart_png(chart: alt.TopLevelMixin, frames: dict[str, Any] | None = None, export: Export | None = None) -> bytes:
    """The chart as a PNG, ``PNG_SCALE`` times the SVG's size (``chart_svg``)."""
    import vl_convert

    return vl_convert.vegalite_to_png(export_spec(chart, frames, export), scale=PNG_SCALE)
