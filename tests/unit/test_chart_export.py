"""Chart export: SVG drawn by vl-convert, data found behind simple and layered charts."""

import altair as alt
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st_h

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
    chart = alt.Chart(df).mark_bar().encode(x="change:Q", y="company:N") + alt.Chart(df).mark_text().encode(
        x="change:Q", y="company:N", text="company:N"
    )
    assert _spec(chart) == _convert_altair_to_vega_lite_spec(chart)


def test_named_data_chart_is_built_once_and_takes_new_rows():
    """build_named: one spec for every set of rows (the browser then swaps rows into the chart it
    shows), the rows under their names, the first frame as the CSV table, and the SVG drawn from them."""
    from ui.charts import build_named

    calls = []

    def line(title):
        calls.append(title)
        return alt.Chart(alt.NamedData("rows")).mark_line().encode(x="x:Q", y="y:Q").properties(
            title=title
        ) + alt.Chart(alt.NamedData("mine")).mark_point().encode(x="x:Q", y="y:Q")

    a = pd.DataFrame({"x": [1, 2, 3], "y": [3.0, 4.0, 5.0]})
    one = build_named(line, {"rows": a, "mine": a.iloc[[1]]}, "cost")
    two = build_named(line, {"rows": a * 2, "mine": a.iloc[[2]] * 2}, "cost")
    assert calls == ["cost"]
    same = lambda b: {k: v for k, v in b.spec.items() if k != "datasets"}  # noqa: E731
    assert same(one) == same(two) and one.spec["layer"][0]["data"] == {"name": "rows"}
    assert two.spec["datasets"]["rows"].equals(a * 2) and two.table.equals(a * 2)
    svg = two.svg()
    assert svg.startswith("<svg") and "cost" in svg


def test_named_rows_may_be_columns_of_lists():
    """Columns of plain lists become an Arrow table (what Streamlit sends, without pandas in between);
    the CSV, the SVG and a self-contained chart read them back as a table."""
    import pyarrow as pa

    from ui.charts import as_frame, build_named, with_rows

    def dots(title):
        return (
            alt.Chart(alt.NamedData("rows"))
            .mark_point()
            .encode(x="x:Q", y="y:Q", tooltip="name:N")
            .properties(title=title)
        )

    cols = {"x": [1.0, 2.0], "y": [3.0, 5.0], "name": ["a", "b"]}
    built = build_named(dots, {"rows": cols}, "lists")
    assert isinstance(built.spec["datasets"]["rows"], pa.Table)
    assert as_frame(built.table).equals(pd.DataFrame(cols))
    assert "lists" in built.svg()
    assert _chart_data(with_rows(dots("t"), {"rows": cols})).equals(pd.DataFrame(cols))


# Chart rows as columns of lists become Arrow tables with the column types pyarrow would find,
# whatever the mix of values, even when types worked out for earlier rows are reused.
_values = st_h.one_of(
    st_h.integers(-(10**12), 10**12),
    st_h.floats(allow_nan=True, allow_infinity=False),
    st_h.text(max_size=5),
    st_h.booleans(),
    st_h.none(),
)


@settings(max_examples=150, deadline=None)
@given(st_h.lists(st_h.lists(_values, min_size=3, max_size=3), min_size=2, max_size=2))
def test_rows_become_the_arrow_table_pyarrow_makes(pairs):
    import pyarrow as pa

    from ui.charts import _arrow_columns

    for values in pairs:  # the same column names twice: the second may reuse the first's types
        rows = {"a": values, "b": ["x", "y", "z"]}
        try:
            want = pa.table(rows)
        except (pa.ArrowException, TypeError, ValueError):
            continue  # a mix pyarrow refuses: not ours to judge
        got = _arrow_columns(rows)
        assert got.schema == want.schema
        assert got.to_pydict().__repr__() == want.to_pydict().__repr__()  # NaN == NaN by its text


def test_rows_with_dates_keep_their_own_time_zone():
    from datetime import datetime, timedelta, timezone

    import pyarrow as pa

    from ui.charts import _arrow_columns

    for tz in (timezone.utc, timezone(timedelta(hours=9))):  # the same column, another zone
        rows = {"t": [datetime(2025, 1, 27, tzinfo=tz)], "v": [1.0]}
        assert _arrow_columns(rows).schema == pa.table(rows).schema
