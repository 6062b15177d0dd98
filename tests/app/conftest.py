import pytest
from streamlit.testing.v1 import AppTest

from core.paths import ROOT
from ui.pages import available

ENTRY = str(ROOT / "streamlit_app.py")
PAGES = [p for p in available()]


def open_app(page_file: str | None = None, lang: str | None = None, locale: str = "en-US", **params) -> AppTest:
    """Run the app as a reader would open it: a browser locale, optional ?lang=, then a page."""
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.context["locale"] = locale
    if lang is not None:
        at.query_params["lang"] = lang
    on_home = not page_file or page_file.endswith("home.py")
    if on_home:
        at.query_params.update(params)
    at.run()
    if not on_home:
        # AppTest can only start on Home; a reader's link starts on the page itself, so the
        # page's parameters arrive with the page (Home would drop them as unknown).
        at.query_params.update(params)
        at.switch_page(page_file).run()
    return at


@pytest.fixture
def app():
    return open_app


def texts(at) -> str:
    """Everything a reader can read on the page, as one string."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [m.value for m in at.metric]
    parts += [m.label for m in at.metric] + [h.value for h in at.title] + [h.value for h in at.header]
    parts += [h.value for h in at.subheader] + [i.value for i in at.info] + [w.value for w in at.warning]
    return "\n".join(str(p) for p in parts)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def clean(at) -> str:
    """Assert the run shows no exception, no error and no NaN/inf/None; return the page text."""
    import re

    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    body = texts(at)
    assert not re.search(r"\b(nan|NaN|inf|NaT|None)\b", body)
    return body


def chart_rows(at) -> list:
    """Every chart's rows as Streamlit sends them (Arrow datasets beside the spec), as DataFrames."""
    import pyarrow as pa

    return [
        pa.ipc.open_stream(ds.data.data).read_all().to_pandas()
        for chart in at.get("vega_lite_chart")
        for ds in chart.proto.datasets
    ]
