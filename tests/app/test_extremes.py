"""Extremes: every control of every page at its minimum together, at its maximum together, and
mixed (alternate controls at opposite ends: start date after end date, active parameters above
total, the smallest cluster with the largest budget...), and with every optional choice cleared.

Controls are found in the AppTest tree, so a new control is covered as soon as it exists. After
each run: no exception or error, no NaN/inf on screen, every chart has data rows with finite
positions, and no scale domain set by the page is empty or inverted.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1.element_tree import TESTING_KEY

from tests.app.conftest import PAGES, open_app
from tests.app.test_hostile_urls import visible_text

CHROME = {"_choice_lang", "_present"}  # the language switch and presenter toggle on every page
KINDS = (
    "slider",
    "select_slider",
    "number_input",
    "date_input",
    "toggle",
    "checkbox",
    "selectbox",
    "multiselect",
    "button_group",
    "radio",
)
VALUE_KINDS = ("slider", "number_input", "date_input", "toggle", "checkbox")
SCENARIOS = ("min", "max", "mixed", "mixed_rev", "cleared")
SHOWN = re.compile(r"\b(nan|NaN|inf|Infinity|NaT|None)\b|∞")
POSITIONS = ("x", "y", "x2", "y2", "theta", "radius")


def controls(at) -> list:
    """The page's own controls, in page order within each kind."""
    found = []
    for kind in KINDS:
        found += [w for w in at.get(kind) if w.key not in CHROME and not getattr(w.proto, "disabled", False)]
    return found


def _by_label(w, value) -> None:
    """Choose options by their labels (AppTest only knows the labels of translated options)."""
    w.root.session_state[TESTING_KEY][w.id] = lambda v: v
    w.set_value(value)


def _dates(w) -> tuple[date, date]:
    low, high = (datetime.strptime(s.replace("/", "-"), "%Y-%m-%d").date() for s in (w.proto.min, w.proto.max))
    return low, high


def set_end(w, end: str) -> None:
    """Put one control at one end of its range: 'min', 'max' or 'clear'."""
    hi = end == "max"
    if w.type == "slider":
        number = int if w.proto.data_type == w.proto.INT else float
        low, high = number(w.proto.min), number(w.proto.max)
        value = high if hi else low
        w.set_value((value, value) if isinstance(w.value, (tuple, list)) else value)
    elif w.type == "number_input":
        low = w.proto.min if w.proto.has_min else -1e15
        high = w.proto.max if w.proto.has_max else 1e15
        number = int if w.proto.data_type == w.proto.INT else float
        w.set_value(number(high if hi else low))
    elif w.type == "date_input":
        low, high = _dates(w)
        value = high if hi else low
        w.set_value((value, value) if isinstance(w.value, (tuple, list)) else value)
    elif w.type in ("toggle", "checkbox"):
        w.set_value(hi)
    elif w.type == "select_slider":
        label = w.options[-1 if hi else 0]
        _by_label(w, (label, label) if isinstance(w.value, (tuple, list)) else label)
    elif w.type in ("selectbox", "radio"):
        _by_label(w, w.options[-1 if hi else 0])
    elif w.type == "multiselect":
        _by_label(w, list(w.options) if hi else [] if end == "clear" else w.options[:1])
    elif w.type == "button_group":
        single = w.proto.click_mode == w.proto.ClickMode.SINGLE_SELECT
        if end == "clear":
            _by_label(w, None if single else [])
        else:
            label = w.options[-1 if hi else 0]
            _by_label(w, label if single else (list(w.options) if hi else [label]))


def ends(scenario: str, n: int) -> list[str]:
    if scenario in ("min", "max"):
        return [scenario] * n
    if scenario == "cleared":
        return ["clear"] * n
    first, second = ("min", "max") if scenario == "mixed" else ("max", "min")
    return [first if i % 2 == 0 else second for i in range(n)]


# --- charts ---------------------------------------------------------------------------------------


def _rows(chart) -> dict[str, pd.DataFrame]:
    out = {d.name: pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in chart.proto.datasets}
    if chart.proto.data.data:
        out[""] = pa.ipc.open_stream(chart.proto.data.data).read_all().to_pandas()
    return out


def _walk(node, data, visit):
    """Visit every (sub)spec with the data name it draws from (layers inherit their parent's)."""
    if isinstance(node, dict):
        if isinstance(node.get("data"), dict) and "name" in node["data"]:
            data = node["data"]["name"]
        visit(node, data)
        for value in node.values():
            _walk(value, data, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, data, visit)


def _order(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return pd.Timestamp(value).value
        except ValueError:
            return None
    if isinstance(value, dict) and "year" in value:
        return pd.Timestamp(year=value["year"], month=value.get("month", 1), day=value.get("date", 1)).value
    return None


def chart_problems(chart) -> list[str]:
    spec, frames, problems = json.loads(chart.proto.spec), _rows(chart), []
    if not any(len(f) for f in frames.values()):
        return ["no data rows at all"]
    for name, frame in frames.items():
        numeric = frame.select_dtypes("number")
        if len(numeric.columns) and numeric.map(lambda v: v is not None and math.isinf(v)).any().any():
            problems.append(f"infinite value in dataset {name}")

    def visit(node, data):
        enc = node.get("encoding") if isinstance(node.get("encoding"), dict) else {}
        for channel in POSITIONS:
            ch = enc.get(channel)
            if not isinstance(ch, dict):
                continue
            field = ch.get("field")
            frame = frames.get(data if data is not None else "")
            if (
                field
                and ch.get("type") == "quantitative"
                and frame is not None
                and len(frame)
                and field in frame.columns
                and "aggregate" not in ch
            ):
                values = pd.to_numeric(frame[field], errors="coerce")
                if not values.map(lambda v: math.isfinite(v) if v == v else False).any():
                    problems.append(f"{channel}={field}: no finite value (blank marks)")
            scale = ch.get("scale") if isinstance(ch.get("scale"), dict) else {}
            domain = scale.get("domain")
            if isinstance(domain, list) and len(domain) == 2:
                a, b = (_order(v) for v in domain)
                if a is not None and b is not None:
                    if not (math.isfinite(a) and math.isfinite(b)) or not a < b:
                        problems.append(f"{channel} domain {domain} empty, inverted or infinite")
                    if scale.get("type") == "log" and a <= 0:
                        problems.append(f"{channel} log domain {domain} reaches zero")
            elif isinstance(domain, list) and not domain:
                problems.append(f"{channel} empty domain")

    _walk(spec, None, visit)
    return problems


def check(at, where: str) -> None:
    assert not at.exception, (where, [e.message for e in at.exception])
    assert not at.error, (where, [e.value for e in at.error])
    text = visible_text(at)
    found = SHOWN.search(text)
    assert not found, (where, text[max(0, found.start() - 120) : found.end() + 60])
    for chart in at.get("vega_lite_chart"):
        problems = chart_problems(chart)
        assert not problems, (where, chart.proto.alt or chart.proto.id, problems)


PAGES_WITH_CONTROLS = [p for p in PAGES if p.prefix]


@pytest.mark.parametrize("page", PAGES_WITH_CONTROLS, ids=lambda p: p.id)
def test_every_control_at_its_extremes(page):
    at = open_app(page.file)
    check(at, f"{page.id} defaults")
    found = controls(at)
    assert found, f"{page.id}: no controls found"
    for scenario in SCENARIOS:
        lang = "ja" if scenario in ("max", "mixed_rev") else "en"
        at = open_app(page.file, lang=lang)
        # twice: choosing an option may reset other controls (a preset, a GPU with its prices), so
        # the second pass puts the numbers, dates and switches at their ends again
        for attempt in (1, 2):
            found = controls(at)
            for w, end in zip(found, ends(scenario, len(found))):
                if attempt == 1 or w.type in VALUE_KINDS:
                    set_end(w, end)
            at.run()
            where = f"{page.id} {scenario} ({lang}) pass {attempt}: " + ", ".join(
                f"{w.key}={e}" for w, e in zip(found, ends(scenario, len(found)))
            )
            check(at, where)


def test_chart_check_catches_blank_inverted_and_infinite_charts():
    """The checker above can fail: a blank chart, an inverted domain, an infinite value."""
    from types import SimpleNamespace

    from streamlit.dataframe_util import convert_pandas_df_to_arrow_bytes
    from streamlit.proto.VegaLiteChart_pb2 import VegaLiteChart

    def chart(frame: pd.DataFrame, domain: list) -> SimpleNamespace:
        proto = VegaLiteChart(
            spec=json.dumps(
                {
                    "layer": [
                        {
                            "data": {"name": "d"},
                            "mark": "line",
                            "encoding": {
                                "x": {"field": "x", "type": "quantitative"},
                                "y": {"field": "y", "type": "quantitative", "scale": {"domain": domain}},
                            },
                        }
                    ]
                }
            )
        )
        named = proto.datasets.add()
        named.name, named.has_name = "d", True
        named.data.data = convert_pandas_df_to_arrow_bytes(frame)
        return SimpleNamespace(proto=proto)

    good = pd.DataFrame({"x": [1.0, 2.0], "y": [3.0, 4.0]})
    assert chart_problems(chart(good, [0, 5])) == []
    assert chart_problems(chart(good.iloc[:0], [0, 5])) == ["no data rows at all"]
    assert any("no finite value" in p for p in chart_problems(chart(good.assign(y=float("nan")), [0, 5])))
    assert any("inverted" in p for p in chart_problems(chart(good, [5, 0])))
    assert any("inverted" in p for p in chart_problems(chart(good, [2, 2])))
    assert any("inverted" in p for p in chart_problems(chart(good, ["2025-03-01", "2025-01-01"])))
    assert any("infinite" in p for p in chart_problems(chart(good.assign(y=[1.0, float("inf")]), [0, 5])))
