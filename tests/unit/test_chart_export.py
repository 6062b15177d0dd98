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


def test_cached_spec_is_what_streamlit_would_send():
    """ui.charts builds the spec itself (to skip Altair's schema check for readers): it must match
    Streamlit's own conversion, so a Streamlit upgrade that changes it fails here, not on screen."""
    from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

    from ui.charts import _spec

    df = pd.DataFrame({"company": ["NVIDIA", "Apple"], "change": [-0.17, 0.03]})
    chart = (alt.Chart(df).mark_bar().encode(x="change:Q", y="company:N")
             + alt.Chart(df).mark_text().encode(x="change:Q", y="company:N", text="company:N"))
    assert _spec(chart) == _convert_altair_to_vega_lite_spec(chart)
