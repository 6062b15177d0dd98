"""Numbers, money, percentages and dates per language, with Babel.

English uses short scales (USD 5.576M, USD 500B); Japanese uses 万/億/兆 (557.6万ドル, 8.7億円),
as a Japanese reader would write them. Every function returns a plain string and never "nan":
a value that is not finite is shown as an em dash.
"""

from __future__ import annotations

import functools
import math
from datetime import date

from babel.dates import format_date as _babel_date
from babel.dates import format_interval as _babel_interval
from babel.numbers import format_compact_decimal, format_decimal, format_percent

LANGS = ("en", "ja")
_JA_CURRENCY_SUFFIX = {"USD": "ドル", "JPY": "円"}
_EN_CURRENCY_PREFIX = {"USD": "USD ", "JPY": "JPY "}
MISSING = "—"


# Pages format the same few hundred numbers on every rerun, and Babel takes ~0.1 ms a call: each
# formatter remembers its answers (pure functions of hashable arguments).
_memo = functools.lru_cache(maxsize=8192)


def _ok(value) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten(value: float, sig: int = 3) -> str:
    """``value`` as ×10ⁿ, never E-notation: 3.294e24 -> '3.29×10²⁴'; 1e24 -> '10²⁴'; −2e21 -> '−2×10²¹'."""
    if not _ok(value):
        return MISSING
    if value == 0:
        return "0"
    head, _, tail = f"{abs(value):.{max(sig - 1, 0)}e}".partition("e")  # Python rounds and carries
    mantissa, exp = float(head), int(tail)
    sign = "−" if value < 0 else ""
    power = "10" + str(exp).translate(_SUPERSCRIPT)
    if mantissa == 1:
        return sign + power
    digits = f"{mantissa:.{max(sig - 1, 0)}f}".rstrip("0").rstrip(".")
    return f"{sign}{digits}×{power}"


@_memo
def fmt_scientific(value: float, lang: str, digits: int = 2) -> str:  # noqa: ARG001 - same in every language
    """Magnitudes no short scale names (FLOP counts, extreme inputs) as ×10ⁿ with up to ``digits``
    decimals: 1.5×10²⁵ (never E-notation, on screen or in exports)."""
    return power_of_ten(value, max(digits, 0) + 1)


@_memo
def fmt_number(value: float, lang: str, digits: int = 0) -> str:
    """A plain number with grouping: 2,788,000 / 89,700."""
    if not _ok(value):
        return MISSING
    if abs(value) >= 1e15:
        return fmt_scientific(value, lang, max(digits, 2))
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=lang)


@_memo
def fmt_compact(value: float, lang: str, digits: int = 1) -> str:
    """A compact number: 5.576M / 557.6万; at most ``digits`` decimals, trailing zeros dropped."""
    if not _ok(value):
        return MISSING
    if abs(value) < 1000 or abs(value) >= 1e15:  # beyond 兆 / trillions: scientific
        return fmt_number(value, lang, digits)
    return format_compact_decimal(value, format_type="short", locale=lang, fraction_digits=digits)


@_memo
def fmt_money(value: float, currency: str, lang: str, digits: int = 1) -> str:
    """Money in compact form: ``USD 5.576M`` / ``557.6万ドル``; ``JPY 870M`` / ``8.7億円``."""
    if not _ok(value):
        return MISSING
    sign = "−" if value < 0 else ""
    body = fmt_compact(abs(value), lang, digits)
    if lang == "ja":
        return f"{sign}{body}{_JA_CURRENCY_SUFFIX.get(currency, ' ' + currency)}"
    return f"{sign}{_EN_CURRENCY_PREFIX.get(currency, currency + ' ')}{body}"


@_memo
def fmt_pct(fraction: float, lang: str, digits: int = 1, signed: bool = True) -> str:
    """A fraction as a percentage: -0.1697 -> −17.0% (a true minus sign)."""
    if not _ok(fraction):
        return MISSING
    pattern = "0." + "0" * digits + "%" if digits > 0 else "0%"
    if abs(fraction) >= 1e13:
        text = fmt_scientific(abs(fraction) * 100, lang) + "%"
    else:
        text = format_percent(abs(fraction), format=pattern, locale=lang)
    if signed and round(fraction * 100, digits) != 0:
        return ("−" if fraction < 0 else "+") + text
    return text


@_memo
def fmt_date(value: date, lang: str, style: str = "long") -> str:
    """2025-01-24 -> 'January 24, 2025' / '2025年1月24日'."""
    if value is None:
        return MISSING
    return _babel_date(value, format=style, locale=lang)


def fmt_date_range(start: date, end: date, lang: str) -> str:
    """Two days as one span: 'January 27 – 29, 2025' / '2025年1月27日〜29日' (the year, and the month
    when it is the same, written once); across years both days in full ('December 30, 2024 to
    January 3, 2025' / '2024年12月30日〜2025年1月3日'). One day: that day."""
    if start is None or end is None:
        return MISSING
    start, end = min(start, end), max(start, end)
    if start == end:
        return fmt_date(start, lang)
    if start.year != end.year:
        a, b = fmt_date(start, lang), fmt_date(end, lang)
        return f"{a}〜{b}" if lang == "ja" else f"{a} to {b}"
    days = _babel_interval(start, end, "MMMMd", locale=lang)
    return f"{start.year}年{days.replace('～', '〜')}" if lang == "ja" else f"{days}, {start.year}"


@_memo
def fmt_ratio(value: float, lang: str, digits: int = 0) -> str:
    """How many times: 17.9 -> '≈18×' / '約18倍' (as core.figures' RATIO)."""
    if not _ok(value):
        return MISSING
    body = fmt_number(value, lang, digits)
    return f"約{body}倍" if lang == "ja" else f"≈{body}×"
