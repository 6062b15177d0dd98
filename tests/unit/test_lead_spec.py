"""A page's key chart in presenter view (``ui.charts.with_height``): sized to the screen without
touching the shared spec; charts drawn a step per row keep their size; compound specs unchanged."""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st

from ui.charts import with_height

LAYER = {
    "layer": [{"mark": "bar"}],
    "height": {"step": 30},
    "config": {"legend": {"orient": "bottom", "labelFontSize": 22}},
}


@given(st.integers(min_value=200, max_value=3000), st.booleans())
def test_the_shared_spec_is_not_changed(height, right):
    before = copy.deepcopy(LAYER)
    out = with_height(LAYER, height, right)
    assert LAYER == before
    assert out["height"]["step"] >= 30
    assert out["layer"] == LAYER["layer"]


def test_the_legend_goes_beside_the_plot_and_keeps_its_sizes():
    legend = with_height(LAYER, 500, legend_right=True)["config"]["legend"]
    assert legend["orient"] == "right" and legend["direction"] == "vertical"
    assert legend["labelFontSize"] == 22 and legend["labelLimit"] == 0  # whole labels beside the plot
    assert with_height(LAYER, 500)["config"]["legend"]["orient"] == "bottom"


def test_a_chart_drawn_a_step_per_row_keeps_its_size():
    rows = {"layer": [{"mark": "bar"}], "height": {"step": 37}}
    assert with_height(rows, 500)["height"] == {"step": 37}


def test_compound_specs_come_back_unchanged():
    for kind in ("vconcat", "hconcat", "concat", "facet", "repeat"):
        spec = {kind: [{"mark": "bar"}]}
        assert with_height(spec, 500, True) is spec


@given(st.integers(min_value=1, max_value=40), st.integers(min_value=200, max_value=3000))
def test_a_step_grows_into_the_room_its_rows_leave_and_never_shrinks(rows, height):
    spec = {"layer": [{"mark": "bar"}], "height": {"step": 37}}
    step = with_height(spec, height, rows=rows)["height"]["step"]
    assert 37 <= step <= 37 * 2  # grows into the room, at most twice (ui.charts.STEP_GROWTH)
    assert step == 37 or step * rows <= height


def test_legends_set_on_an_encoding_get_whole_labels_too():
    spec = {
        "height": {"step": 20},
        "layer": [{"encoding": {"color": {"field": "g", "legend": {"labelLimit": 160, "columns": 1}}}}],
    }
    out = with_height(spec, 500, legend_right=True)
    assert out["layer"][0]["encoding"]["color"]["legend"] == {"labelLimit": 0, "columns": 1}
    assert spec["layer"][0]["encoding"]["color"]["legend"]["labelLimit"] == 160


def test_a_taller_chart_keeps_its_height_its_labels_are_placed_for_it():
    spec = {"layer": [{"mark": "text"}], "height": 640}
    assert with_height(spec, 500)["height"] == 640
    assert with_height(spec, 700)["height"] == 700


def test_a_chart_of_points_keeps_its_legend_where_its_builder_put_it():
    spec = {"layer": [{"mark": "point"}], "height": 300, "config": {"legend": {"orient": "bottom"}}}
    assert with_height(spec, 500, legend_right=True)["config"]["legend"]["orient"] == "bottom"
