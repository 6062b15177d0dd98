"""Chart layout as the reader sees it, checked on the specs the builders make (issue #20's layout
findings): legends drawn as the marks, labels clear of lines and of each other, nothing cut short
or pushed off a phone-width chart. Where the layout is Vega's (legend placement, text positions),
the spec is laid out by vl-convert (Vega itself, no browser) and the scene graph is read;
tests/e2e/test_chart_text_fits.py checks the same pages in Chromium."""

from __future__ import annotations

import json
import logging
import math

import altair as alt
import pandas as pd
import pytest

from core import scaling
from ui import charts
from ui.charts import NEUTRAL, legible


@pytest.fixture(autouse=True, scope="module")
def _quiet():
    level = logging.root.manager.disable
    logging.disable(logging.WARNING)  # Streamlit's "no script run context" notes, outside a run
    yield
    logging.disable(level)


def layers(spec: dict):
    """Every unit spec of a (layered) spec, depth first."""
    yield spec
    for sub in spec.get("layer", []):
        yield from layers(sub)


def scene(chart: alt.TopLevelMixin, width: int) -> dict:
    """``chart`` laid out by Vega at ``width`` px, as Streamlit fits it (``fit``, padding inside)."""
    import vl_convert

    spec = chart.to_dict()
    spec["width"] = width
    spec["autosize"] = {"type": "fit", "contains": "padding"}
    return vl_convert.vegalite_to_scenegraph(spec)


def items(node, role: str, marktype: str | None = None, origin=(0.0, 0.0)):
    """(x, y, item) of every item in groups of ``role`` (and ``marktype``), in view coordinates."""
    if not isinstance(node, dict):
        return
    x, y = origin
    if node.get("marktype") is None and "items" in node:  # a group item: its own offset
        x, y = x + node.get("x", 0), y + node.get("y", 0)
    if node.get("role") == role and (marktype is None or node.get("marktype") == marktype):
        for it in node.get("items", []):
            yield x + it.get("x", 0), y + it.get("y", 0), it
        return
    for it in node.get("items", []):
        yield from items(it, role, marktype, (x, y))


# ---- every chart --------------------------------------------------------------------------------


def test_every_chart_has_room_at_its_edges_and_whole_labels():
    """Streamlit draws charts with no padding and its theme cuts axis labels at 100 px: ``legible``
    (every chart goes through it) puts ``EDGE`` around the chart and lifts the limits, keeping a
    limit a builder set itself."""
    plain = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q")
    spec = legible(plain, False).to_dict()
    assert spec["padding"] == charts.EDGE and min(charts.EDGE.values()) >= 2
    assert spec["config"]["axis"]["labelLimit"] == 0
    assert spec["config"]["legend"]["labelLimit"] == 0 and spec["config"]["legend"]["titleLimit"] == 0
    own = legible(plain.configure_axis(labelLimit=90), False).to_dict()
    assert own["config"]["axis"]["labelLimit"] == 90


def test_stacked_legends_sit_one_under_the_other():
    """Two legends below a phone-width chart: side by side, the second ran off the screen."""
    df = pd.DataFrame({"x": [1, 2], "y": [1, 2], "a": ["first legend entry", "second"], "b": ["p", "q"]})
    base = alt.Chart(df).mark_point().encode(x="x:Q", y="y:Q", color="a:N", shape="b:N")
    chart = charts.stacked_legends(base.configure_legend(orient="bottom"))
    assert json.loads(json.dumps(chart.to_dict()["config"]["legend"]))["layout"] == {"expr": charts.STACKED}
    (x1, y1, _), (x2, y2, _) = items(scene(chart, 358)["scenegraph"], "legend")
    assert x1 == x2 and y2 > y1


# ---- the scaling page ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fits(scaling_fits):
    return scaling.fits_from_table(scaling_fits)


@pytest.fixture(scope="module")
def words():
    from ui import scaling_charts as sc

    return sc.words() | {"rule": "rule", "trend_label": "trend"}


def test_the_confidence_legend_draws_the_points(models_compute, words):
    """One legend of shape, fill and outline, on the points' own scales: filled grey circles and
    squares, hollow triangles for speculative estimates, as on the chart (a legend of filled
    symbols made the caption's "hollow: speculative" unreadable)."""
    from ui import scaling_charts as sc

    spec = sc.compute_over_time(models_compute, None, words, "en").to_dict()
    points = next(u for u in layers(spec) if isinstance(u.get("mark"), dict) and u["mark"].get("type") == "point")
    enc = points["encoding"]
    fill = enc["fill"]["condition"] if "field" in enc["fill"]["condition"] else enc["fill"]
    stroke = enc["stroke"]["condition"] if "field" in enc["stroke"]["condition"] else enc["stroke"]
    fields = {enc["shape"]["field"], fill["field"], stroke["field"]}
    titles = {enc["shape"]["title"], fill["title"], stroke["title"]}
    assert len(fields) == 1 and len(titles) == 1  # one merged legend
    fills = dict(zip(fill["scale"]["domain"], fill["scale"]["range"]))
    names = words["confidence"]
    assert fills[names["Speculative"]] == "transparent"
    assert fills[names["Confident"]] == fills[names["Likely"]] == NEUTRAL
    shapes = dict(zip(enc["shape"]["scale"]["domain"], enc["shape"]["scale"]["range"]))
    assert shapes == {names[k]: v for k, v in sc.CONFIDENCE_SHAPES.items()}
    assert "filled" not in points["mark"]  # the fill comes from the scale, legend and points alike


def _loss_chart(fits, words, c: float, fit_id: str):
    from ui import scaling_charts as sc

    curve = scaling.loss_curve(fits, scaling.log_grid(*scaling.COMPUTE_RANGE))
    chosen = {"compute": c, "loss": fits[fit_id].optimum(c).loss}
    return curve, sc.loss_vs_compute(curve, scaling.decade_gains(fits[fit_id]), chosen, fit_id, words, "en")


@pytest.mark.parametrize("fit_id", scaling.FIT_IDS)
@pytest.mark.parametrize("c", scaling.COMPUTE_STEPS, ids=lambda c: f"{c:.0e}")
def test_your_budget_is_named_clear_of_the_curves(fits, words, c, fit_id):
    """The budget's label sits where no curve runs: along its whole width (about 0.8 of a decade
    at a laptop's chart width), every curve is at least 5% of the plot's height away. It sat on
    the Hoffmann curve, a few pixels from the point."""
    curve, chart = _loss_chart(fits, words, c, fit_id)
    spec = chart.to_dict()
    label = next(
        u
        for u in layers(spec)
        if isinstance(u.get("mark"), dict)
        and u["mark"].get("type") == "text"
        and u["encoding"]["text"]["field"] == "text"
    )
    row = pd.DataFrame(spec["datasets"][label["data"]["name"]]).iloc[0]
    at = row[label["encoding"]["y"]["field"]]
    span = curve["loss"].max() - curve["loss"].min()
    reach = 0.8 if label["mark"]["align"] == "left" else -0.8
    lo, hi = sorted((math.log10(c), math.log10(c) + reach))
    for _, line in curve.groupby("fit"):
        under = line[(line["compute_flop"].map(math.log10) >= lo) & (line["compute_flop"].map(math.log10) <= hi)]
        assert (under["loss"] - at).abs().min() >= 0.05 * span, (c, fit_id)


def test_the_budget_label_is_not_at_the_point(fits, words):
    """(The check above can fail: the label at the point's own loss is on its curve.)"""
    curve, chart = _loss_chart(fits, words, 1e24, "hoffmann")
    point_loss = fits["hoffmann"].optimum(1e24).loss
    spec = chart.to_dict()
    rows = [pd.DataFrame(v) for v in spec["datasets"].values()]
    you = next(r for r in rows if "label_loss" in r)
    assert abs(you["label_loss"].iloc[0] - point_loss) >= 0.05 * (curve["loss"].max() - curve["loss"].min())


def test_name_labels_have_a_halo_in_the_background(models_compute, words):
    """Every model name is drawn over a halo of the chart's background (readable where a name
    crosses a point on a phone), the halo first."""
    from ui import scaling_charts as sc

    for dark in (False, True):
        spec = sc.compute_over_time(models_compute, None, words, "en", dark).to_dict()
        texts = [u for u in layers(spec) if isinstance(u.get("mark"), dict) and u["mark"].get("type") == "text"]
        named = [u for u in texts if u["encoding"].get("text", {}).get("field") == "label"]
        halos = [u for u in named if u["mark"].get("aria") is False]
        assert len(halos) * 2 == len(named) > 0
        assert {h["mark"]["stroke"] for h in halos} == {charts.THEMES[dark].background}
        for halo, text in zip(named[::2], named[1::2]):
            assert halo["mark"].get("aria") is False and text["mark"].get("aria") is not False


@pytest.mark.parametrize("font", [13, 22, 30])
def test_scaling_plots_grow_with_the_type(font, monkeypatch):
    """Presenter view: an axis title at 22 px ("Predicted loss (nats per token)") was taller than
    the 380-px plot."""
    import ui.present
    from ui import scaling_charts as sc

    monkeypatch.setattr(ui.present, "chart_font_size", lambda: font)
    assert sc.plot_height() == round(sc.HEIGHT * max(1, font / charts.BASE_FONT))


# ---- What next ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def frames():
    from ui.data import load

    names = ("capex", "capex_since", "sources", "companies", "nvidia_dc_revenue", "gpu_rental", "stargate_timeline")
    return {n: load(n) for n in (*names, "stargate_compute_since")}


def test_capex_names_sit_above_their_bars(frames):
    """The companies are named above their bars, not on an axis that took half a phone's width
    (the legend starts where the plot does, and ran off the screen); every amount has its own line."""
    from ui import since_charts, since_view

    rows = since_view.capex_view(frames["capex"], frames["capex_since"], frames["sources"], frames["companies"], "en")
    chart = since_charts.capex_chart(rows, since_view.capex_titles("en"))
    spec = chart.to_dict()
    assert all(u.get("encoding", {}).get("y", {}).get("axis", None) is None for u in layers(spec) if "encoding" in u)
    names = next(u for u in layers(spec) if u.get("encoding", {}).get("text", {}).get("field") == "company")
    assert names["encoding"]["yOffset"]["scale"]["domain"][0] == since_charts.HEADING
    sg = scene(legible(chart, False), 358)
    legend = [(x, it) for x, _, it in items(sg["scenegraph"], "legend")]
    assert legend and all(x >= 0 and x + it["width"] <= 358 for x, it in legend)


def _nvidia_labels(frames, width: int) -> list[tuple[float, float, str]]:
    from ui import since_charts, since_view

    chart = since_charts.nvidia_chart(
        since_view.nvidia_view(frames["nvidia_dc_revenue"], "ja"), since_view.nvidia_titles("ja")
    )
    sg = scene(legible(chart, False), width)["scenegraph"]
    found = [(x + it.get("dx", 0), y + it.get("dy", 0), it["text"]) for x, y, it in items(sg, "mark", "text")]
    return sorted(found)


def test_nvidia_amounts_take_turns_on_a_phone(frames):
    """On a phone every other amount goes a line above its neighbours' (they touched side by side:
    "356億ドル391億ドル"); on a laptop each sits on its own bar."""
    narrow, wide = _nvidia_labels(frames, 358), _nvidia_labels(frames, 900)
    assert len(narrow) == len(wide) >= 4
    for (_, y_a, _), (_, y_b, _) in zip(narrow, narrow[1:]):
        assert abs(y_a - y_b) >= 11  # a line apart: the one lifted sits above the other's text
    from ui import since_charts, since_view

    chart = since_charts.nvidia_chart(
        since_view.nvidia_view(frames["nvidia_dc_revenue"], "ja"), since_view.nvidia_titles("ja")
    )
    sg = scene(legible(chart, False), 900)["scenegraph"]
    assert {it["dy"] for _, _, it in items(sg, "mark", "text")} == {-3}  # on its own bar, each


def test_quarters_in_two_lines_on_a_phone(frames):
    """A quarter's name in two lines where its band is narrow ("Q4" over "FY25"): in one line, Vega
    hid every other quarter's name on a phone."""
    from ui import since_charts, since_view

    chart = since_charts.nvidia_chart(
        since_view.nvidia_view(frames["nvidia_dc_revenue"], "en"), since_view.nvidia_titles("en")
    )

    def quarters(width: int) -> list:
        sg = scene(legible(chart, False), width)["scenegraph"]
        return [it["text"] for _, _, it in items(sg, "axis-label") if "Q" in str(it["text"])]

    narrow, wide = quarters(358), quarters(900)
    assert all(isinstance(q, list) and len(q) == 2 and q[1].startswith("FY") and len(q[1]) == 4 for q in narrow)
    assert all(isinstance(q, str) and " FY20" in q for q in wide) and len(narrow) == len(wide) >= 4


def test_stargate_gigawatts_leave_room_above_the_top_label(frames):
    """The highest point's label ('more than 10 GW') touched the top edge: the axis goes 15% above
    the highest point or goal."""
    from ui import since_charts, since_view

    fields = {"gw_goal": "10 GW"}
    rows = since_view.stargate_view(frames["stargate_timeline"], frames["stargate_compute_since"], "en")
    chart = since_charts.stargate_chart(rows, 10.0, since_view.stargate_titles(fields))
    sg = scene(legible(chart, False), 358)
    tops = [y - 14 for _, y, it in items(sg["scenegraph"], "mark", "text") if "GW" in it.get("text", "")]
    assert tops and min(tops) >= 8  # the label's top, below the chart's top edge


def test_the_observed_level_is_named_in_two_lines():
    """In one line ("observed, Big Four capex 2026 vs 2025: ≈1.75× (as of Apr 30, 2026)"), the
    label ran off a phone's plot on the left."""
    from ui import demand_charts
    from ui.i18n import t

    for lang in ("en", "ja"):
        import ui.i18n

        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(ui.i18n, "lang", lambda lang=lang: lang)
            text = t("since.tool.observed_label", ratio="X")
        assert text.count("\n") == 1 and text.endswith("\nX")
    spec = demand_charts.spending_template({"x": "k", "y": "c", "series": "s", "observed": "o"}, 13, True).to_dict()
    seen = [u for u in layers(spec) if u.get("data", {}).get("name") == "observed" and u["mark"].get("type") == "text"]
    assert [u["mark"]["lineBreak"] for u in seen] == ["\n", "\n"]  # over its halo
    assert seen[0]["mark"]["aria"] is False and seen[0]["mark"]["stroke"] == charts.THEMES[False].background


@pytest.mark.parametrize("font", [13, 22])
def test_what_next_plot_grows_with_the_type(font):
    from ui import demand_charts

    spec = demand_charts.spending_template({"x": "k", "y": "c", "series": "s"}, font).to_dict()
    assert spec["height"] == demand_charts.plot_height(font) == round(demand_charts.HEIGHT * max(1, font / 13))


# ---- DeepSeek -----------------------------------------------------------------------------------


@pytest.mark.parametrize("font", [13, 22])
def test_benchmark_rows_grow_with_the_type(font, monkeypatch):
    """Each model's row holds its score's line at the chart font (presenter view grows the scores:
    in fixed 15-px rows they printed over each other)."""
    import ui.present
    from core import deepseek as ds
    from ui import deepseek_charts as dc
    from ui.data import load

    monkeypatch.setattr(ui.present, "chart_font_size", lambda: font)
    labels = list(ds.DEFAULT_BENCHMARKS)
    rows = ds.benchmark_rows(load("benchmarks_v3"), load("benchmark_models"), labels)
    words = {"open": "open", "closed": "closed", "score": "Score", "benchmark": "B", "model": "M", "access": "A"}
    spec = dc.benchmark_chart(rows, words).to_dict()
    models = rows["model_id"].nunique()
    per_row = (spec["height"] - round((24 * models + 70) * font / 13)) / len(labels) / models
    grown = min(round(dc.SCORE_FONT * font / 13), font)  # ui.charts.grow_text's size in presenter view
    assert per_row >= grown * 1.2


# ---- Stargate and scenarios: no label limit short of its labels -------------------------------------


def test_no_builder_limits_a_label():
    """Every axis and legend of these pages' builders leaves its labels whole (0: no limit): the
    limits they set (180 to 400 px) cut long names in presenter view and Japanese ones on phones."""
    import inspect

    from ui import capex_charts, deepseek_charts, scaling_charts, scenarios_charts, since_charts, stargate_charts

    for module in (capex_charts, deepseek_charts, scaling_charts, scenarios_charts, since_charts, stargate_charts):
        source = inspect.getsource(module)
        limits = [part.split(")")[0].split(",")[0] for part in source.split("labelLimit=")[1:]]
        assert all(limit.strip() == "0" for limit in limits), (module.__name__, limits)


# ---- scenarios: the sweeps line up, the comparison's axis fits its bars ---------------------------

SCENARIOS = {  # presets, and runs at the controls' far ends (a cheap one, a very dear one)
    "v3": {"sc_preset": "v3"},
    "gpt4": {"sc_preset": "gpt4"},
    "tiny": {"sc_preset": "own", "sc_active": "1", "sc_total": "1", "sc_tokens": "0.1", "sc_gpus": "8"},
    "huge": {"sc_preset": "own", "sc_active": "2000", "sc_total": "2000", "sc_tokens": "100", "sc_mfu": "5"},
}


def _outcome(presets, facts, gpus, name):
    from core import scenarios as S

    return S.outcome(presets, facts, gpus, SCENARIOS[name])


@pytest.mark.parametrize("font", [13, 22])
@pytest.mark.parametrize("axis", ["mfu", "gpus"])
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", SCENARIOS)
def test_the_two_sweeps_start_their_plots_at_the_same_x(presets, facts, gpus, name, lang, axis, font, monkeypatch):
    """The cost and days charts, one above the other, share their x axis: their plots start at the
    same x whatever their y labels ("USD 10M" or "1000万ドル" against "100"), at the laptop's font and
    in presenter view (the y axes' width, ``minExtent``, is the same)."""
    import ui.present
    from core import scenarios as S
    from ui import scenarios_charts as sc

    monkeypatch.setattr(ui.present, "chart_font_size", lambda: font)
    o = _outcome(presets, facts, gpus, name)
    cols = sc.sweep_labels(S.sweep_columns(o.scenario, S.gpu_for(gpus, o.scenario.gpu), axis), axis, lang)
    origins = []
    for y, color, _ in sc.SWEEPS:
        df = pd.DataFrame({**cols, "current_text": cols[f"{y}_label"]})
        chart = sc.sweep_chart(df, y, y, "x", axis == "gpus", lang, color)
        origins.append(scene(legible(chart, False), 700)["origin"][0])
    assert origins[0] == origins[1], origins


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_comparison_axis_ends_just_past_the_largest_bar(presets, facts, gpus, name):
    """The log axis ends a little past the longest bar (room for its amount), not at USD 100T with a
    third of the chart empty: the longest bar reaches 75-95% of the plot's width."""
    from ui import scenarios_charts as sc
    from ui import scenarios_view as view

    o = _outcome(presets, facts, gpus, name)
    chart = sc.comparison_chart(pd.DataFrame(view.comparison(o, "en")), "USD", "en")
    sg = scene(legible(chart, False), 700)
    bars = [x + it["width"] for x, _, it in items(sg["scenegraph"], "mark", "rect") if it.get("width")]
    plot = sg["width"] - sg["origin"][0] - charts.EDGE["right"]
    assert 0.75 <= max(bars) / plot <= 0.95, (max(bars), plot)
