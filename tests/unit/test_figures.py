"""The one formatter: every kind in both languages, against published figures and as properties."""

from __future__ import annotations

import math
import pickle
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.figures import (
    Figure,
    FigureRange,
    FigureSet,
    Kind,
    change,
    compute,
    count,
    money,
    power_of_ten,
    round_sig,
    share,
    text,
    when,
)

EN_SCALE = {"": 1, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
JA_SCALE = {"": 1, "万": 1e4, "億": 1e8, "兆": 1e12}
SUPER = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def parse(shown: str) -> float:
    """Read a formatted figure back into a number (both languages, every kind but dates)."""
    s = shown.replace("USD ", "").replace("JPY ", "").replace("ドル", "").replace("円", "").replace(",", "")
    s = s.replace("≈", "").replace("約", "").replace("×", "x").replace("倍", "").replace(" TWh", "").replace(" GW", "")
    s = s.replace(" days", "").replace("日", "").replace("−", "-").replace("+", "").strip()
    if m := re.fullmatch(r"(-?)(?:([\d.]+)x)?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)", s):
        return (-1 if m[1] else 1) * float(m[2] or 1) * 10 ** int(m[3].translate(SUPER))
    if s.endswith("%"):
        return float(s[:-1]) / 100
    if s.endswith("x"):
        s = s[:-1]
    m = re.fullmatch(r"(-?[\d.]+)([KMBT万億兆]?)", s)
    assert m, f"cannot read {shown!r}"
    return float(m[1]) * {**EN_SCALE, **JA_SCALE}[m[2]]


@pytest.mark.parametrize(
    ("fig", "en", "ja"),
    [
        pytest.param(money(5.576e6, sig=4), "USD 5.576M", "557.6万ドル", id="v3-cost"),
        pytest.param(money(56_500), "USD 56.5K", "5.65万ドル", id="same-precision"),
        pytest.param(money(500e9), "USD 500B", "5000億ドル", id="stargate"),
        pytest.param(money(1.0455e9, unit="JPY"), "JPY 1.05B", "10.5億円", id="yen-within-1pct"),
        pytest.param(money(-2.5e6), "−USD 2.5M", "−250万ドル", id="true-minus"),
        pytest.param(count(89_670.1), "89,700", "8.97万", id="v3-runs"),
        pytest.param(count(8_634_000), "8.63M", "863万", id="gpus"),
        pytest.param(count(5.5), "5.5", "5.5", id="small-count"),
        pytest.param(compute(3.294e24), "3.29×10²⁴", "3.29×10²⁴", id="v3-6nd"),
        pytest.param(compute(1e24), "10²⁴", "10²⁴", id="power"),
        pytest.param(change(-0.16968), "−17.0%", "−17.0%", id="nvda"),
        pytest.param(share(0.18), "18%", "18%", id="share"),
        pytest.param(Figure(17.94, Kind.RATIO, sig=2), "≈18×", "約18倍", id="ratio"),
        pytest.param(Figure(12.345, Kind.ENERGY), "12.3 TWh", "12.3 TWh", id="twh"),
        pytest.param(Figure(5.04, Kind.POWER, sig=2), "5 GW", "5 GW", id="gw"),
        pytest.param(Figure(54.21, Kind.DAYS), "54.2 days", "54.2日", id="days"),
        pytest.param(Figure(2.788e6, Kind.AMOUNT, sig=4), "2.788M", "278.8万", id="gpu-hours"),
        pytest.param(when(date(2025, 1, 24)), "January 24, 2025", "2025年1月24日", id="date"),
        pytest.param(money(math.nan), "—", "—", id="nan"),
        pytest.param(change(math.inf), "—", "—", id="inf"),
        pytest.param(when(None), "—", "—", id="no-date"),
    ],
)
def test_published_figures(fig: Figure, en: str, ja: str) -> None:
    assert (text(fig, "en"), text(fig, "ja")) == (en, ja)


KINDS = [
    Kind.MONEY,
    Kind.COUNT,
    Kind.AMOUNT,
    Kind.COMPUTE,
    Kind.ENERGY,
    Kind.POWER,
    Kind.RATIO,
    Kind.CHANGE,
    Kind.SHARE,
    Kind.NUMBER,
    Kind.DAYS,
]
values = st.floats(min_value=-1e30, max_value=1e30, allow_nan=False).filter(lambda v: v == 0 or abs(v) > 1e-6)


@settings(max_examples=400, deadline=None)
@given(value=values, kind=st.sampled_from(KINDS), sig=st.integers(2, 4))
def test_no_e_notation_and_true_minus(value: float, kind: Kind, sig: int) -> None:
    for lang in ("en", "ja"):
        shown = text(Figure(value, kind, sig=sig), lang)
        assert not re.search(r"\d[eE][+-]?\d", shown), shown
        assert "-" not in shown and "nan" not in shown.lower(), shown


@settings(max_examples=400, deadline=None)
@given(
    value=st.floats(min_value=-1e14, max_value=1e14, allow_nan=False).filter(lambda v: abs(v) >= 1e-3),
    kind=st.sampled_from([Kind.MONEY, Kind.COUNT, Kind.AMOUNT, Kind.COMPUTE, Kind.ENERGY, Kind.POWER]),
    sig=st.integers(2, 4),
)
def test_same_value_in_both_languages(value: float, kind: Kind, sig: int) -> None:
    """English and Japanese show the same number to the stated significant digits (within 1%)."""
    fig = Figure(value, kind, sig=sig)
    en, ja = parse(text(fig, "en")), parse(text(fig, "ja"))
    assert en == pytest.approx(ja, rel=1e-9, abs=1e-9)
    assert en == pytest.approx(round_sig(value, sig), rel=1e-9, abs=1e-9) or abs(value) < 100 and kind is Kind.COUNT
    assert en == pytest.approx(value, rel=10 ** (1 - sig), abs=0.01)


@settings(max_examples=200, deadline=None)
@given(
    value=st.floats(min_value=-1e40, max_value=1e40, allow_nan=False).filter(lambda v: v != 0), sig=st.integers(1, 4)
)
def test_power_of_ten_reads_back(value: float, sig: int) -> None:
    assert parse(power_of_ten(value, sig)) == pytest.approx(value, rel=10 ** (1 - sig))


def test_figure_set_renders_and_collects_sources() -> None:
    figs = FigureSet(
        {"a": money(1e6, "X", as_of=date(2025, 1, 2)), "b": change(-0.1, "Y", "X", as_of=date(2025, 3, 1))}
    )
    assert figs.texts("en") == {"a": "USD 1M", "b": "−10.0%"}
    assert figs.sources() == ("X", "Y")
    assert figs.as_of() == date(2025, 3, 1)
    assert pickle.loads(pickle.dumps(figs)) == figs
    with pytest.raises(TypeError):
        figs.figures["c"] = money(1)  # type: ignore[index]


def test_a_span_of_days_reads_as_one_figure():
    window = FigureRange(date(2025, 1, 27), Kind.DATE, ("ARTICLE",), high=date(2025, 1, 29))
    assert window.text("ja") == "2025年1月27日〜29日"
    assert window.text("en").startswith("January 27") and window.text("en").endswith("29, 2025")
    assert FigureRange(date(2025, 1, 27), Kind.DATE).text("en") == "—"  # no end: a dash, never an error
