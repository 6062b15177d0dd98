"""A slider value nobody asked for before builds no chart: the charts it moves are drawn from named
rows (``ui.charts.build_named``), so only their rows change. A chart rebuilt per value costs a
reader tens of milliseconds on the server and a new view in the browser; this catches a template
whose arguments carry the slider's value (a title with the number in it, say)."""

import pytest

from tests.app.conftest import open_app
from ui import charts

MOVES = [
    ("app_pages/scenarios.py", "sc_mfu", (12.5, 23.0, 41.5, 67.0)),
    ("app_pages/stargate.py", "sg_share", (30, 55, 77)),
    ("app_pages/stargate.py", "sg_server", (1.37, 2.11, 2.93)),
    ("app_pages/stargate.py", "sg_pue", (1.33, 1.91, 2.4)),
    ("app_pages/deepseek.py", "ds_price", (1.35, 2.85, 4.4)),
    ("app_pages/deepseek.py", "ds_active", (12, 88, 240)),
    ("app_pages/what_next.py", "wn_eps", (0.35, 1.45, 2.15)),
    ("app_pages/what_next.py", "wn_share", (15, 45, 85)),
]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("page", "key", "values"), MOVES, ids=[m[1] for m in MOVES])
def test_new_slider_values_build_no_chart(page, key, values, lang):
    at = open_app(page, lang=lang)
    at.slider(key).set_value(values[0]).run()  # the first move may build what the first run did not
    built = len(charts._BUILT)
    for v in values[1:]:
        at.slider(key).set_value(v).run()
        assert not at.exception, at.exception
        assert len(charts._BUILT) == built, f"moving {key} to {v} built a chart"
