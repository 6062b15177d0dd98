"""Chart export: SVG drawn by vl-convert, data found behind simple and layered charts."""

import re

import altair as alt
import pandas as pd
import pytest
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


# ---- downloads for slides and handouts (ui.charts.Export) ------------------------------------


def test_one_naming_rule_page_chart_language():
    from ui.charts import Export, export_name

    assert export_name("stocks", "falls", "ja") == "stocks-falls-ja"
    assert Export("scaling-law", "tokens-per-parameter").stem("en") == "scaling-law-tokens-per-parameter-en"
    for bad in ("Stocks", "chart_1", "", "a--b", "x.svg"):
        with pytest.raises(ValueError):
            Export("stocks", bad)


def _falls():
    """The stocks page's bar chart with a long company name, as the page builds it."""
    from ui.charts import Export, build_named
    from ui.stocks_charts import drawdown_rows, drawdown_template

    df = pd.DataFrame(
        {
            "name": ["Alphabet (Google) class A", "NVIDIA"],
            "group": ["gafam", "chips"],
            "change": [-0.042, -0.17],
            "label": ["−4.2%", "−17.0% †"],
            "flagged": [False, True],
            "note": ["low on Jan 27", "after its results"],
        }
    )
    titles = {"x": "Change (%)", "company": "Company", "group": "Group", "change": "Change", "note": "Note"}
    built = build_named(drawdown_template, drawdown_rows(df), ("gafam", "chips"), titles, style=True)
    export = Export(
        "stocks",
        "falls",
        "Change from the base close",
        "Source: Daily closing prices (Yahoo Finance data)",
        "January 29, 2025",
        {"name": "company", "group_name": "group", "pct": "change_pct", "note": "note"},
    )
    return built, export


def test_exported_image_has_title_source_date_and_width():
    import re

    from ui.charts import EXPORT_WIDTH, chart_png, chart_svg, export_spec

    built, export = _falls()
    spec = export_spec(built.chart, built.frames, export)
    assert spec["width"] >= EXPORT_WIDTH
    assert spec["title"]["text"] == "Change from the base close"
    assert spec["title"]["subtitle"] == [
        "Source: Daily closing prices (Yahoo Finance data)",
        "Data as of January 29, 2025",
    ]
    svg = chart_svg(built.chart, built.frames, export)
    width = float(re.search(r'<svg[^>]* width="([\d.]+)"', svg).group(1))
    assert width >= EXPORT_WIDTH
    for text in ("Change from the base close", "Yahoo Finance", "January 29, 2025", "Alphabet (Google) class A"):
        assert text in svg
    assert "…" not in svg  # no label cut short
    assert chart_png(built.chart, built.frames, export).startswith(b"\x89PNG")


def test_exported_csv_has_the_readers_columns_only():
    import csv
    import io

    from ui.charts import export_csv

    built, export = _falls()
    rows = list(csv.DictReader(io.StringIO(export_csv(built.table, export.columns).decode("utf-8"))))
    assert list(rows[0]) == ["company", "group", "change_pct", "note"]  # no flagged, opacity, rank, change
    assert rows[0]["company"] == "Alphabet (Google) class A" and float(rows[0]["change_pct"]) == pytest.approx(-4.2)


def test_long_source_lines_wrap_in_both_languages():
    from ui.charts import _wrap

    en = "Source: " + "; ".join(f"Daily closing prices, copy {i} (someone on GitHub, 2026)" for i in range(6))
    lines = _wrap(en, 130)
    assert len(lines) > 1 and all(len(line) <= 130 for line in lines) and " ".join(lines) == en
    ja = "出典：" + "、".join("日次終値（GitHub、2026年）" for _ in range(12))
    lines = _wrap(ja, 60)
    assert len(lines) > 1 and "".join(lines) == ja


def _show_calls():
    """Every ``show(...)`` call in the app's code, with its file."""
    import ast

    from core.paths import ROOT

    for path in [*(ROOT / "app_pages").glob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "show":
                yield path.name, node


def _export_of(call):
    import ast

    export = next((k.value for k in call.keywords if k.arg == "export"), None)
    if isinstance(export, ast.IfExp):  # the tour: none in presenter view
        export = next(e for e in (export.body, export.orelse) if not isinstance(e, ast.Constant))
    return export


def test_every_chart_offers_named_downloads_with_documented_columns():
    """Every chart of the app passes ``export=Export(page, chart, ...)`` (the tour names its
    ``Export`` first), each page-chart pair once, and every CSV header is described in
    docs/exports.md."""
    import ast

    from core.paths import ROOT

    documented = set(re.findall(r"`([a-z0-9_]+)`", (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")))
    names, headers = [], set()
    for file, call in _show_calls():
        export = _export_of(call)
        assert export is not None, f"{file}:{call.lineno}: show(...) without export="
        if isinstance(export, ast.Name):  # built on the line before (the tour)
            continue
        assert isinstance(export, ast.Call) and getattr(export.func, "id", None) == "Export", f"{file}:{call.lineno}"
        args = [a.value for a in export.args[:2] if isinstance(a, ast.Constant)]
        names.append(tuple(args) if len(args) == 2 else (file, call.lineno))
        columns = (
            export.args[5]
            if len(export.args) > 5
            else next((k.value for k in export.keywords if k.arg == "columns"), None)
        )
        if isinstance(columns, ast.Dict):
            for value in columns.values:
                headers |= {
                    n.value for n in ast.walk(value) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                }
        elif isinstance(columns, ast.Name):  # a module constant (the benchmark charts')
            headers |= _constant_dict_values(file, columns.id)
    assert len(names) == len(set(names)), names
    assert len(names) >= 15
    assert headers and headers <= documented, sorted(headers - documented)


def _constant_dict_values(file: str, name: str) -> set[str]:
    import ast

    from core.paths import ROOT

    path = next(p for p in [*(ROOT / "app_pages").glob(file), *(ROOT / "ui").rglob(file)])
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return {v.value for v in node.value.values}
    raise AssertionError(f"{name} not found in {file}")
