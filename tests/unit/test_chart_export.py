"""Chart export: SVG drawn by vl-convert, data found behind simple and layered charts."""

import altair as alt
import pandas as pd

from ui.charts import _chart_data, chart_svg


def test_svg_and_data():
    df = pd.DataFrame({"company": ["NVIDIA", "Apple"], "change": [-0.17, 0.03]})
    bars = alt.Chart(df).mark_bar().encode(x="change:Q", y="company:N")
    svg = chart_svg(bars)
    assert svg.startswith("<svg") and "NVIDIA" in svg
    assert _chart_data(bars + bars.mark_text()).equals(df)
    assert _chart_data(alt.Chart("data.csv").mark_point()) is None
