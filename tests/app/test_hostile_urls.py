"""Hostile and odd URL parameters on every page: no exception, no NaN/inf shown, nothing echoed
as HTML (property-based, through the real entry point)."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.paths import ROOT
from tests.app.conftest import PAGES, open_app

HOSTILE = st.sampled_from(
    [
        "nan",
        "NaN",
        "inf",
        "-inf",
        "1e308",
        "-1e308",
        "-1",
        "0",
        "999999999999",
        "1.5.2",
        "",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "**bold** [link](javascript:alert(1))",
        "日本語",
        "\u202e\u0000",
        "true",
        "2025-13-45",
        "9" * 10_000,
        "H100,B200",
        "%00",
    ]
)


def control_keys(page) -> list[str]:
    """Every URL key of the page's controls, found in its page and ui modules."""
    if not page.prefix:
        return ["lang", "present", "x"]
    stem = page.prefix.rstrip("_")
    files = [ROOT / page.file, *(ROOT / "ui").glob("*.py")]
    keys = set()
    for f in files:
        keys |= set(re.findall(rf"""["']({re.escape(page.prefix)}\w+)["']""", f.read_text(encoding="utf-8")))
    return sorted(keys) or [page.prefix + "x"] + [stem]


SHOWN = re.compile(r"\b(nan|NaN|inf|NaT|None)\b")


def visible_text(at) -> str:
    parts = []
    for kind in (
        "markdown",
        "caption",
        "metric",
        "title",
        "header",
        "subheader",
        "info",
        "warning",
        "error",
        "success",
        "table",
        "dataframe",
    ):
        for el in getattr(at, kind, []):
            value = getattr(el, "value", "")
            parts.append(value.to_string() if hasattr(value, "to_string") else str(value))
            if kind == "metric":
                parts.append(str(el.label))
    return "\n".join(parts)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_hostile_parameters(page):
    keys = control_keys(page)

    @settings(
        max_examples=8,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(
        params=st.dictionaries(
            st.sampled_from(keys + ["zz_unknown"]),
            HOSTILE | st.lists(HOSTILE, min_size=2, max_size=3),
            min_size=1,
            max_size=4,
        ),
        lang=st.sampled_from(["en", "ja", "xx"]),
    )
    def check(params, lang):
        at = open_app(page.file, **({"lang": lang} | params))
        assert not at.exception, (params, [e.message for e in at.exception])
        text = visible_text(at)
        assert not SHOWN.search(text), (params, SHOWN.search(text))
        assert "<script>" not in text and "onerror=" not in text, params

    check()


def _opened_on(page, params: dict) -> "AppTest":  # noqa: F821 - imported in the test that uses it
    """The page as a link opens it: its parameters are checked in the session's first page run.
    (AppTest starts on Home; the check's once-per-session flag is reset before the page runs.)"""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    at.query_params.update(params)
    del at.session_state["_url_checked"]
    return at.switch_page(page.file).run()


@pytest.mark.parametrize("page", [p for p in PAGES if p.prefix], ids=lambda p: p.id)
def test_unusable_values_reset_every_control_with_a_notice(page):
    """Every control of the page given a value it cannot take: all controls at their defaults,
    the URL cleaned, one notice naming the parameters (as code, never echoing the values)."""
    from tests.app.test_extremes import controls

    defaults = {w.key: w.value for w in controls(open_app(page.file))}
    keys = [k.removeprefix("_choices_").removeprefix("_choice_") for k in defaults]
    bad = ("<img src=x onerror=alert(1)>", "nan", "**x**](javascript:alert(1))")[PAGES.index(page) % 3]
    at = _opened_on(page, {k: bad for k in keys})
    assert not at.exception, [e.message for e in at.exception]
    assert {w.key: w.value for w in controls(at)} == defaults
    assert not [k for k in keys if k in at.query_params]
    assert len(at.toast) == 1
    notice = at.toast[0].value
    assert all(f"`{k}`" in notice for k in sorted(keys)[:8]), notice
    assert "onerror" not in notice and "javascript" not in notice and "<" not in notice
