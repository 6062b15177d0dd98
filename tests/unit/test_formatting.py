"""Numbers, money, percentages and dates per language (Babel), never 'nan'."""

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.formatting import MISSING, fmt_compact, fmt_date, fmt_date_range, fmt_money, fmt_number, fmt_pct, fmt_ratio


@pytest.mark.parametrize(
    ("value", "currency", "lang", "digits", "expected"),
    [
        (5.576e6, "USD", "en", 3, "USD 5.576M"),
        (5.576e6, "USD", "ja", 3, "557.6万ドル"),
        (870e6, "JPY", "en", 1, "JPY 870M"),
        (870e6, "JPY", "ja", 1, "8.7億円"),
        (500e9, "USD", "en", 0, "USD 500B"),
        (500e9, "USD", "ja", 0, "5000億ドル"),
        (1.2e13, "USD", "ja", 1, "12兆ドル"),
        (-2e6, "USD", "en", 1, "−USD 2M"),
        (2, "USD", "en", 2, "USD 2"),
    ],
    ids=lambda v: str(v),
)
def test_money(value, currency, lang, digits, expected):
    assert fmt_money(value, currency, lang, digits) == expected


@pytest.mark.parametrize(
    ("fraction", "lang", "expected"),
    [(-0.16968, "en", "−17.0%"), (-0.16968, "ja", "−17.0%"), (0.0218, "en", "+2.2%"), (0.0, "en", "0.0%")],
)
def test_percent(fraction, lang, expected):
    assert fmt_pct(fraction, lang) == expected


def test_numbers_and_dates():
    assert fmt_number(89_700, "en") == "89,700"
    assert fmt_number(89_700, "ja") == "89,700"
    assert fmt_compact(2_788_000, "en", 3) == "2.788M"
    assert fmt_compact(2_788_000, "ja", 3) == "278.8万"
    assert fmt_date(date(2025, 1, 24), "en") == "January 24, 2025"
    assert fmt_date(date(2025, 1, 24), "ja") == "2025年1月24日"
    assert fmt_ratio(17.934, "en") == "≈18×"


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf"), None, "x"])
def test_not_finite_shows_a_dash(bad):
    for lang in ("en", "ja"):
        assert fmt_money(bad, "USD", lang) == MISSING
        assert fmt_pct(bad, lang) == MISSING
        assert fmt_number(bad, lang) == MISSING


@given(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(["en", "ja"]))
def test_never_nan_text(value, lang):
    for text in (fmt_money(value, "USD", lang), fmt_compact(value, lang), fmt_pct(value, lang)):
        assert "nan" not in text.lower() and "inf" not in text.lower()
        if math.isfinite(value):
            assert text != MISSING


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        (date(2025, 1, 27), date(2025, 1, 29), "en", "January 27\u2009–\u200929, 2025"),
        (date(2025, 1, 27), date(2025, 1, 29), "ja", "2025年1月27日〜29日"),
        (date(2025, 1, 29), date(2025, 1, 27), "ja", "2025年1月27日〜29日"),  # either order
        (date(2025, 1, 27), date(2025, 2, 3), "en", "January 27\u2009–\u2009February 3, 2025"),
        (date(2025, 1, 27), date(2025, 2, 3), "ja", "2025年1月27日〜2月3日"),
        (date(2024, 12, 30), date(2025, 1, 3), "en", "December 30, 2024 to January 3, 2025"),
        (date(2024, 12, 30), date(2025, 1, 3), "ja", "2024年12月30日〜2025年1月3日"),
        (date(2025, 1, 27), date(2025, 1, 27), "en", "January 27, 2025"),
        (date(2025, 1, 27), None, "en", MISSING),
    ],
    ids=["days", "days-ja", "reversed-ja", "months", "months-ja", "years", "years-ja", "one-day", "missing"],
)
def test_date_ranges(start, end, lang, expected):
    assert fmt_date_range(start, end, lang) == expected
