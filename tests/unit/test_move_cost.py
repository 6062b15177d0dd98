"""What a control's move costs the browser, held where the specs and stylesheets are made (issue #20's
speed: bench_browser.py measures it; these keep the causes found from coming back).

- The stock index chart's invisible hit points: one SVG element and one cell each, redrawn on every
  toggle. All 1,134 closes made the stocks toggle 40% slower; ``hit_rows`` keeps the window's closes
  and every third outside it.
- The scaling chart's names: two text layers for all of them, not two a name.
- The layout stylesheet: ``:has()`` over a part of a class (``[class*=...]``) is checked again on every
  class change, and Streamlit changes many on every move; it doubled the scenarios page's forced
  layouts."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from core.formatting import fmt_date, fmt_number
from ui import layout
from ui import stocks_charts as sc
from ui.charts import as_frame


def _lines(days: int, tickers: int) -> pd.DataFrame:
    dates = pd.bdate_range("2025-01-02", periods=days)
    rows = [
        {
            "date": d,
            "ticker": f"T{k}",
            "name": f"Company {k}",
            "group": "chips",
            "index": 100 + i - k,
            "close": 10.5 + i,
        }
        for k in range(tickers)
        for i, d in enumerate(dates)
    ]
    return pd.DataFrame(rows).assign(group_name="Chips")


@settings(max_examples=60, deadline=None)
@given(days=st.integers(1, 120), tickers=st.integers(1, 5), a=st.integers(0, 119), span=st.integers(0, 10))
def test_hits_keep_the_window_and_the_latest_close_and_thin_the_rest(days, tickers, a, span):
    lines = _lines(days, tickers)
    dates = sorted(lines["date"].unique())
    start = dates[min(a, days - 1)]
    end = dates[min(a + span, days - 1)]
    hits = sc.hit_rows(lines, (start.date(), end.date()), "en")
    kept = set(hits["date"])
    inside = {d for d in dates if start <= d <= end}
    assert inside <= kept  # every close of the window: the story's days, exact
    assert dates[-1] in kept  # the latest close
    outside = [d for d in dates if d not in inside]
    assert len(kept - inside) <= -(-len(outside) // sc.HIT_EVERY) + 1
    gaps = [k for k, d in enumerate(sorted(dates, reverse=True)) if d in kept]
    assert all(b - a <= sc.HIT_EVERY for a, b in zip(gaps, gaps[1:]))  # no stretch of a line without a hit
    assert len(hits) == len(kept) * tickers  # every line at every kept day


def test_hit_tooltips_are_the_apps_own_formats():
    lines = _lines(10, 2)
    day = lines["date"].iloc[-1]
    for lang in ("en", "ja"):
        hits = sc.hit_rows(lines, (day.date(), day.date()), lang)
        row = hits[hits["date"] == day].iloc[0]
        assert row["date_text"] == fmt_date(day.date(), lang, "medium")
        assert row["index_text"] == fmt_number(row["index"], lang, 1)
        assert row["close_text"] == fmt_number(row["close"], lang, 2)


def test_the_index_chart_finds_its_hits_not_every_close():
    from ui import stocks_view

    base, start, end = date(2025, 1, 24), date(2025, 1, 27), date(2025, 1, 29)
    tickers = ("NVDA", "AVGO", "MSFT", "GOOGL", "VST", "CEG")
    rows = stocks_view.line_rows(base, start, end, tickers, "en", "window")
    lines, hits = (as_frame(rows[k]) for k in ("lines", "hits"))
    assert len(hits) < len(lines) / 2
    spec = sc.index_template(("gafam", "chips", "power"), True, stocks_view.line_titles(base, end)).to_dict()
    picked = [u for u in spec["layer"] if u.get("name") == f"{sc.PICK}_lines"]
    assert [u["data"]["name"] for u in picked] == ["hits"]


def test_scaling_names_are_two_layers_for_all(models_compute):
    from ui import scaling_charts

    words = scaling_charts.words() | {"rule": "rule", "trend_label": "trend"}
    spec = scaling_charts.compute_over_time(models_compute, None, words, "en").to_dict()
    named = [
        u
        for u in spec["layer"]
        if isinstance(u.get("mark"), dict) and u.get("encoding", {}).get("text", {}).get("field") == "label"
    ]
    assert len(named) == 2
    assert all(u["mark"]["dx"] == {"expr": "datum.label_dx"} for u in named)


def test_the_layout_stylesheets_name_whole_classes():
    for css in (layout._CSS, layout._CSS_PRESENT, layout._CSS_DARK):
        assert "[class*=" not in css
        for has in re.findall(r":has\(([^)]*)\)", css):
            assert ".st-key-" in has  # a whole key class in every :has()
    for name in layout.RESULT_NAMES:
        assert f".st-key-{layout._key(layout.RESULTS, name)}" in layout._CSS
    for name in layout.STRIP_NAMES:
        assert f".st-key-{layout._key(layout.STRIP, name)}" in layout._CSS
