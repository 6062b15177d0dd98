"""What every tour step shares: the slide, chart sizing for one screen, and text helpers."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt

from core.formatting import fmt_money
from ui.charts import chart_layers, grow_text
from ui.i18n import t

BASE_FONT = 13  # the chart font size the builders' fixed text sizes are made for
# Chart height (px) for readers / in presenter view, where heading, chart and sentence fit a 1920×1080
# screen: "full" for most charts; "tall" for charts whose legend needs the room below them on a
# narrow page; "short" for charts of a few bars (None: the builder's own height);
# "rows" keeps the builder's height when it sizes the chart per row.
HEIGHT = {
    "full": {False: 420, True: 560},
    "tall": {False: None, True: 560},
    "short": {False: None, True: 420},
    "rows": {False: None, True: None},
}


@dataclass(frozen=True)
class Slide:
    heading: str
    sentence: str
    note: str
    alt: str  # what the chart or figure shows, for screen readers
    source: str
    chart: alt.TopLevelMixin | None = None
    figure: tuple[str, str, tuple[str, ...]] | None = None  # label, value, detail lines


def _fit(
    chart: alt.TopLevelMixin, size: str = "full", max_text: int = 40, label_limit: int | None = None
) -> alt.TopLevelMixin:
    """The chart sized for one screen (``size``: a key of HEIGHT).
    In presenter view (a larger chart font) the legend goes to the right, where a 1920-pixel-wide
    screen has room, and text labels the builders draw at a fixed size grow with the font (up to
    ``max_text`` px, for dense charts); ``label_limit`` widens truncated axis labels."""
    from ui.present import chart_font_size, slide_chart_height

    font = chart_font_size()
    presenting = font > BASE_FONT
    if presenting:
        grow_text(chart, font / BASE_FONT, max_text)
        _label_limit(chart, label_limit or 0)  # no truncated label on a slide (0: Vega's "no limit")
        from ui.present import viewport

        wide = viewport()[0] * 0.55 >= 650  # the chart's column leaves room for a legend beside the plot
        chart = chart.configure_legend(
            orient="right" if wide else "bottom",
            direction="vertical" if wide else "horizontal",
            labelFontSize=font - 2,
            titleFontSize=font - 2,
            labelLimit=0,
            symbolSize=160,
            columns=0 if wide else 3,
        )
        chart = _projection_colours(chart)
    height = slide_chart_height() if presenting else HEIGHT[size][False]
    return chart if height is None else chart.properties(height=height)


_INK, _RULE, _GRID = "#1B1F24", "#6B727B", "#E3E7ED"


def _projection_colours(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Presenter view's projection theme is light whatever the OS's dark mode: a white chart
    background and dark text set in the chart's own config, which outranks Streamlit's dark chart
    theme (sizes the builders set stay)."""
    chart = chart.copy(deep=False)
    config = chart.config if chart.config is not alt.Undefined else alt.Config()
    config.background = "#FFFFFF"
    parts = (
        (
            "axis",
            alt.AxisConfig,
            {"labelColor": _INK, "titleColor": _INK, "domainColor": _RULE, "tickColor": _RULE, "gridColor": _GRID},
        ),
        ("legend", alt.LegendConfig, {"labelColor": _INK, "titleColor": _INK}),
        ("title", alt.TitleConfig, {"color": _INK}),
    )
    for name, kind, colours in parts:
        part = getattr(config, name)
        if part is alt.Undefined:
            part = kind()
            setattr(config, name, part)
        for key, value in colours.items():
            setattr(part, key, value)
    chart.config = config
    return chart


def _label_limit(chart, px: int) -> None:
    for layer in chart_layers(chart):
        y = getattr(getattr(layer, "encoding", None), "y", alt.Undefined)
        axis = y["axis"] if isinstance(y, alt.Y) else alt.Undefined  # (y.axis is Altair's setter method)
        if isinstance(axis, alt.Axis):
            axis.labelLimit = px


def _usd(v: float, lang: str, digits: int = 0) -> str:
    return fmt_money(v, "USD", lang, digits)


def _t(step_id: str, part: str, **fields) -> str:
    return t(f"talk.{step_id}.{part}", **fields)
