"""Presenter view: chart labels drawn at a laptop's size grow with the axes (ui.charts.grow_text)."""

import altair as alt
import pandas as pd

from ui import charts


def _texts(chart) -> list:
    return [
        layer.mark
        for layer in charts.chart_layers(chart)
        if isinstance(getattr(layer, "mark", None), alt.MarkDef) and layer.mark.type == "text"
    ]


def _chart() -> alt.LayerChart:
    df = pd.DataFrame({"x": [1, 2], "t": ["a", "b"]})
    fixed = alt.Chart(df).mark_text(fontSize=12).encode(x="x:Q", text="t:N")
    large = alt.Chart(df).mark_text(fontSize=22).encode(x="x:Q", text="t:N")
    spaced = alt.Chart(df).mark_text().encode(x="x:Q", text="t:N", size=alt.value(11))
    return alt.layer(fixed, large, spaced)


def test_presenter_view_grows_fixed_labels_only():
    built = charts._make(_chart, (), {}, False, 22)
    sizes = [m.fontSize for m in _texts(built.chart)]
    assert sizes == [20, 22]  # 12 × 22/13, rounded; one already at the axes' size stays
    marks = [layer["mark"] for layer in built.spec["layer"]]
    assert marks[0]["fontSize"] == 20
    # sized by an encoding (labels spaced for that size): left alone
    assert marks[2] in ("text", {"type": "text"}) and built.spec["layer"][2]["encoding"]["size"] == {"value": 11}


def test_a_laptop_keeps_the_builders_sizes():
    built = charts._make(_chart, (), {}, False, charts.BASE_FONT)
    assert [m.fontSize for m in _texts(built.chart)][:2] == [12, 22]
