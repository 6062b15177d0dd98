"""Chart text is legible on both themes: every colour text is drawn in (labels drawn as marks, axes,
legends, titles) is at least 4.5:1 against the background the chart is drawn on (WCAG 2 AA for
normal text), in the light and the dark theme; text in a mark's colour keeps the mark's hue.

Two levels: the palette itself (``ui.charts.THEMES``), and the charts as they are built (the tour's,
which reuse every page's builders, and the page charts the tour lacks), walked for every colour a
text layer, an axis or a legend uses.
"""

from __future__ import annotations

import colorsys
import json
import logging
import re
from datetime import date

import pytest

from ui import charts
from ui.charts import GROUP_COLORS, HIGHLIGHT, NEUTRAL, SEQUENCE, THEMES, legible

AA = 4.5
HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_matches_known_pairs():
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#E69F00", "#FFFFFF") == pytest.approx(2.25, abs=0.01)  # the amber the issue measured
    assert contrast("#76797C", "#FFFFFF") == pytest.approx(4.37, abs=0.01)  # the old captions


MARK_COLOURS = sorted({*GROUP_COLORS.values(), HIGHLIGHT, NEUTRAL, *SEQUENCE[:6]})


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_text_colour_of_the_palette_reads_on_its_background(dark):
    theme = THEMES[dark]
    for name, colour in [("ink", theme.ink), ("muted", theme.muted), *theme.text.items()]:
        assert contrast(colour, theme.background) >= AA, f"{name} {colour} on {theme.background}"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("mark", MARK_COLOURS)
def test_text_in_a_mark_colour_keeps_its_hue(mark, dark):
    """Every colour marks are drawn in has a text colour of the same hue (amber stays amber)."""
    text = charts.text_color(mark, dark)
    hue = lambda c: colorsys.rgb_to_hls(*(int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0] * 360  # noqa: E731
    gap = abs(hue(text) - hue(mark)) % 360
    assert min(gap, 360 - gap) < 8, (mark, text)


def test_the_theme_backgrounds_are_the_apps():
    """The charts' backgrounds are the theme's (.streamlit/config.toml): text checked against them
    is text checked against the page."""
    import tomllib

    from core.paths import ROOT

    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    assert THEMES[False].background.upper() == theme["light"]["backgroundColor"].upper()
    assert THEMES[True].background.upper() == theme["dark"]["backgroundColor"].upper()


CAPTION_OPACITY = 0.6  # Streamlit draws st.caption in the theme's text colour at 60% opacity


def over(colour: str, background: str, opacity: float) -> str:
    """``colour`` at ``opacity`` over ``background``, as the browser blends it."""
    mix = [
        round(opacity * int(colour[i : i + 2], 16) + (1 - opacity) * int(background[i : i + 2], 16)) for i in (1, 3, 5)
    ]
    return "#" + "".join(f"{c:02X}" for c in mix)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("ground", ["backgroundColor", "secondaryBackgroundColor"])
def test_captions_read_on_both_backgrounds(theme, ground):
    """Captions (sources under every chart) in both themes, on the page and on the sidebar's and
    expanders' secondary background: the blend Streamlit draws, at least 4.5:1."""
    import tomllib

    from core.paths import ROOT

    colours = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"][theme]
    caption = over(colours["textColor"], colours[ground], CAPTION_OPACITY)
    assert contrast(caption, colours[ground]) >= AA, f"{theme} caption {caption} on {colours[ground]}"


def test_the_blend_matches_what_the_issue_measured():
    assert over("#1B1F24", "#FFFFFF", CAPTION_OPACITY) == "#76797C"  # the old captions, 4.37:1


# ---- the charts as built --------------------------------------------------------------------


def is_halo(mark) -> bool:
    """A text layer drawn under a label in the background colour, outlined in it too (no aria): a
    halo that keeps the label readable over points and lines, not text of its own."""
    return (
        isinstance(mark, dict)
        and mark.get("type") == "text"
        and mark.get("aria") is False
        and mark.get("stroke") is not None
        and mark.get("stroke") == mark.get("color")
    )


def halo_colours(spec: dict) -> list[str]:
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if is_halo(node.get("mark")):
                found.append(node["mark"]["color"])
            for key, value in node.items():
                if key not in ("datasets", "data", "config"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


def text_colours(spec: dict) -> list[tuple[str, str]]:
    """(where, colour) of every colour text is drawn in: text marks (their colour, a condition's,
    a calculated text colour), axes, legends and titles (the config); halos (``is_halo``) aside."""
    found: list[tuple[str, str]] = []

    def walk(node, path: str) -> None:
        if isinstance(node, dict):
            mark = node.get("mark")
            kind = mark.get("type") if isinstance(mark, dict) else mark
            if kind == "text" and not is_halo(mark):
                blob = json.dumps({k: node.get(k) for k in ("mark", "encoding", "transform")})
                found.extend((f"{path} text", c) for c in HEX.findall(blob))
            for key, value in node.items():
                if key not in ("datasets", "data", "config"):
                    walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk(spec, "")
    config = spec.get("config", {})
    for part in ("axis", "legend", "title"):
        for key, value in config.get(part, {}).items():
            if key.endswith("Color") or key == "color":
                found.append((f"config.{part}.{key}", value))
    return found


def tour_charts(dark: bool):
    from ui.talk_slides import _builders

    for step, build in _builders().items():
        slide = build("en", dark, {}) if step == "scenario" else build("en", dark)
        if slide.chart is not None:
            yield step, slide.chart


def page_charts(dark: bool):
    """The page charts the tour does not draw, built as the pages build them."""

    from core import scaling
    from ui import scaling_charts as sc
    from ui import stocks_view
    from ui.data import load
    from ui.stocks_charts import index_template

    models, fits_table = load("models_compute"), load("scaling_fits")
    fits = scaling.fits_from_table(fits_table)
    curve = scaling.loss_curve(fits, scaling.log_grid(*scaling.COMPUTE_RANGE))
    words = sc.words() | {"rule": "rule"}
    for fit in scaling.FIT_IDS:
        chosen = {"compute": 1e24, "loss": 2.0}
        yield f"loss-{fit}", sc.loss_vs_compute(curve, scaling.decade_gains(fits[fit]), chosen, fit, words, "en", dark)
    yield "tpp", sc.tokens_per_param_chart(curve, 20.0, scaling.tokens_per_param(models), 1e24, words, "en")
    base, start, end = date(2025, 1, 24), date(2025, 1, 27), date(2025, 1, 29)
    tickers = ("NVDA", "AVGO", "MSFT", "GOOGL", "VST", "CEG")
    rows = stocks_view.line_rows(base, start, end, tickers, "en", "window")
    yield (
        "index",
        charts.with_rows(
            index_template(
                ("gafam", "chips", "power"), True, stocks_view.line_titles(date(2025, 1, 24), date(2025, 2, 7))
            ),
            {k: charts.as_frame(v) for k, v in rows.items()},
        ),
    )


@pytest.fixture(scope="module")
def quiet():
    level = logging.root.manager.disable
    logging.disable(logging.WARNING)  # Streamlit's "no script run context" notes, outside a run
    yield
    logging.disable(level)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_chart_text_reads_on_its_background(dark, quiet, monkeypatch):
    """Built as in the reader's theme (``chart_dark``), drawn as ``show`` draws them (``legible``)."""
    monkeypatch.setattr(charts, "chart_dark", lambda: dark)
    seen = 0
    for name, chart in [*tour_charts(dark), *page_charts(dark)]:
        spec = legible(chart, dark).to_dict(validate=False)
        background = spec["config"]["background"]
        assert background == THEMES[dark].background
        colours = text_colours(spec)
        assert colours, f"{name}: no text colour found (the walk is broken)"
        assert all(halo == background for halo in halo_colours(spec)), f"{name}: a halo not in the background"
        for where, colour in colours:
            seen += 1
            assert contrast(colour, background) >= AA, f"{name} {where}: {colour} on {background}"
    assert seen > 50
