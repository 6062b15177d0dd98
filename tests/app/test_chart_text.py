"""Every chart text on the pages, as the pages draw them, reads on its background: walked over the
Vega-Lite specs Streamlit receives (every page, both languages, light and dark), not over charts
rebuilt for the test. tests/unit/test_palette.py holds the palette and the tour's charts."""

from __future__ import annotations

import json

import pytest

import ui.present
from tests.app.conftest import open_app
from tests.unit.test_palette import AA, contrast, halo_colours, text_colours
from ui.charts import THEMES

PAGES = (
    "app_pages/stocks.py",
    "app_pages/scaling_law.py",
    "app_pages/stargate.py",
    "app_pages/deepseek.py",
    "app_pages/scenarios.py",
    "app_pages/what_next.py",
)


def uncoloured_text(node, path: str = "") -> list[str]:
    """Text layers with no colour of their own: Vega draws them black, unreadable on the dark theme
    (the colour walk above sees only colours written in the spec)."""
    found: list[str] = []
    if isinstance(node, dict):
        mark = node.get("mark")
        kind = mark.get("type") if isinstance(mark, dict) else mark
        if kind == "text":
            props = mark if isinstance(mark, dict) else {}
            encoding = node.get("encoding", {})
            if not any(k in props for k in ("color", "fill")) and not any(k in encoding for k in ("color", "fill")):
                found.append(path)
        for key, value in node.items():
            if key not in ("datasets", "data", "config"):
                found += uncoloured_text(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += uncoloured_text(value, f"{path}[{i}]")
    return found


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("page", PAGES, ids=[p.split("/")[1][:-3] for p in PAGES])
def test_every_chart_text_on_the_page_reads(page, lang, dark, monkeypatch):
    monkeypatch.setattr(ui.present, "dark_charts", lambda: dark)
    at = open_app(page, lang=lang)
    assert not at.exception, at.exception
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert specs, "no chart on the page"
    failures = []
    for i, spec in enumerate(specs):
        failures += [f"chart {i} {where}: text in Vega's default black" for where in uncoloured_text(spec)]
        background = spec["config"]["background"]
        assert background == THEMES[dark].background, f"chart {i} drawn for the other theme"
        failures += [f"chart {i}: a halo in {c}, not the background" for c in halo_colours(spec) if c != background]
        for where, colour in text_colours(spec):
            if contrast(colour, background) < AA:
                failures.append(f"chart {i} {where}: {colour} {contrast(colour, background):.2f}:1")
    assert not failures, "\n".join(sorted(set(failures)))


def label_limits(node, path: str = "") -> list[tuple[str, object]]:
    """(where, value) of every label limit a spec sets: axes, legends, their config."""
    found: list[tuple[str, object]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("labelLimit", "titleLimit"):
                found.append((f"{path}/{key}", value))
            elif key != "datasets":
                found += label_limits(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += label_limits(value, f"{path}[{i}]")
    return found


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("page", PAGES[1:], ids=[p.split("/")[1][:-3] for p in PAGES[1:]])
def test_no_label_is_cut_short(page, lang):
    """Issue #20: "Alphabet (Google) clas…". Streamlit's chart theme cuts axis labels at 100 px
    and Vega legend labels at 160: every chart of these pages lifts both limits in its config
    (``ui.charts.legible``), and no axis or legend sets one of its own."""
    at = open_app(page, lang=lang)
    for i, chart in enumerate(at.get("vega_lite_chart")):
        spec = json.loads(chart.proto.spec)
        config = spec["config"]
        assert config["axis"]["labelLimit"] == 0 and config["legend"]["labelLimit"] == 0, i
        assert [(where, v) for where, v in label_limits(spec) if v != 0] == [], i


def blank_symbols(node, path: str = "") -> list[str]:
    """Shape legends whose symbols Vega draws in its default black: the layer's colour comes from
    another field (a second legend), so the shapes' legend takes none of it, and sets none itself."""
    found: list[str] = []
    if isinstance(node, dict):
        encoding = node.get("encoding", {})
        shape = encoding.get("shape")
        if isinstance(shape, dict) and "field" in shape and shape.get("legend", {}) is not None:
            colours = [encoding.get(k) for k in ("color", "fill", "stroke") if isinstance(encoding.get(k), dict)]
            other = [c for c in colours if "field" in c and c["field"] != shape["field"]]
            legend = shape.get("legend") or {}
            if other and not ("symbolFillColor" in legend or "symbolStrokeColor" in legend):
                found.append(path)
        for key, value in node.items():
            if key not in ("datasets", "data", "config"):
                found += blank_symbols(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += blank_symbols(value, f"{path}[{i}]")
    return found


@pytest.mark.parametrize("page", PAGES[1:], ids=[p.split("/")[1][:-3] for p in PAGES[1:]])
def test_legend_shapes_are_drawn_in_a_colour(page):
    """The rental chart's "What the point is" legend drew its shapes in Vega's black: invisible on
    the dark theme."""
    at = open_app(page, lang="en")
    for i, chart in enumerate(at.get("vega_lite_chart")):
        assert blank_symbols(json.loads(chart.proto.spec)) == [], i
