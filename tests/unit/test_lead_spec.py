"""A page's key chart in presenter view (``ui.charts.with_height``): sized to the screen without
touching the shared spec; charts drawn a step per row keep their size; compound specs unchanged."""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st

from ui.charts import with_height

LAYER = {"layer": [{"mark": "point"}], "height": 300, "config": {"legend": {"orient": "bottom", "labelFontSize": 22}}}


@given(st.integers(min_value=200, max_value=3000), st.booleans())
def test_the_shared_spec_is_not_changed(height, right):
    before = copy.deepcopy(LAYER)
    out = with_height(LAYER, height, right)
    assert LAYER == before
    assert out["height"] == height
    assert out["layer"] is LAYER["layer"]


def test_the_legend_goes_beside_the_plot_and_keeps_its_sizes():
    legend = with_height(LAYER, 500, legend_right=True)["config"]["legend"]
    assert legend["orient"] == "right" and legend["direction"] == "vertical"
    assert legend["labelFontSize"] == 22
    assert with_height(LAYER, 500)["config"]["legend"]["orient"] == "bottom"


def test_a_chart_drawn_a_step_per_row_keeps_its_size():
    rows = {"layer": [{"mark": "bar"}], "height": {"step": 37}}
    assert with_height(rows, 500)["height"] == {"step": 37}


def test_compound_specs_come_back_unchanged():
    for kind in ("vconcat", "hconcat", "concat", "facet", "repeat"):
        spec = {kind: [{"mark": "bar"}]}
        assert with_height(spec, 500, True) is spec
