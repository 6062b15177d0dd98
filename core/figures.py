"""Figures: a value the app shows, with its kind, sources and as-of date, and the one formatter.

A figure model (``figures(...)`` in a page's ``core`` module) returns a ``FigureSet``: named,
frozen figures computed once from data and the reader's inputs. Pages, tour slides, Home's cards
and exports render the same ``Figure`` through ``text(figure, lang)``, so a figure reads the same
everywhere. The formatting rules by kind (one precision rule for both languages, a true minus,
compute as ×10ⁿ, one unit per quantity) are here and nowhere else.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from types import MappingProxyType

from core.formatting import (
    MISSING,
    fmt_compact,
    fmt_date,
    fmt_date_range,
    fmt_money,
    fmt_number,
    fmt_pct,
    power_of_ten,
)


class Kind(str, Enum):
    MONEY = "money"  # unit: currency code (USD, JPY); ``sig`` significant digits in both languages
    COUNT = "count"  # GPUs, training runs: ``sig`` significant digits, grouped ("89,700" / "8.97万")
    NUMBER = "number"  # a plain number with ``digits`` decimals (years, elasticities)
    CHANGE = "change"  # a signed change as a percentage ("−17.0%")
    SHARE = "share"  # an unsigned percentage ("18%")
    COMPUTE = "compute"  # FLOP, as ×10ⁿ ("3.29×10²⁴")
    ENERGY = "energy"  # TWh, the one unit for electricity on every page
    POWER = "power"  # GW, the one unit for electric power on every page
    RATIO = "ratio"  # how many times ("≈18×" / "約18倍")
    DAYS = "days"  # a duration in days
    DATE = "date"  # a calendar date ("January 24, 2025" / "2025年1月24日")
    AMOUNT = "amount"  # a large quantity (tokens, parameters, GPU-hours): compact, ``sig`` digits


@dataclass(frozen=True)
class Figure:
    """One value as the reader sees it: ``kind`` decides its format, ``sources`` are ids of
    ``data/sources.csv``; ``as_of`` is the date of the data a market or time-series figure is from;
    ``estimate`` marks an estimate (the caption says so)."""

    value: float | date | None
    kind: Kind
    sources: tuple[str, ...] = ()
    as_of: date | None = None
    unit: str = ""  # MONEY: currency; others: empty (the kind fixes the unit)
    sig: int = 3  # significant digits (MONEY, COUNT, COMPUTE, ENERGY, POWER, RATIO, AMOUNT)
    digits: int = 1  # decimals (CHANGE, SHARE, NUMBER, DAYS)
    estimate: bool = False

    def text(self, lang: str) -> str:
        return text(self, lang)

    def __deepcopy__(self, memo: dict) -> Figure:  # frozen: a cache hit needs no copy
        return self

    @property
    def number(self) -> float:
        """The value as a float (NaN where it is missing or a date)."""
        return float(self.value) if isinstance(self.value, (int, float)) else math.nan


@dataclass(frozen=True)
class FigureSet(Mapping[str, Figure]):
    """A page's figures by name (read-only); ``texts(lang)`` renders them all for a sentence."""

    figures: Mapping[str, Figure] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "figures", MappingProxyType(dict(self.figures)))

    def __getitem__(self, name: str) -> Figure:
        return self.figures[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.figures)

    def __len__(self) -> int:
        return len(self.figures)

    def __deepcopy__(self, memo: dict) -> FigureSet:  # read-only figures: a cache hit needs no copy
        return self

    def __reduce__(self):  # a MappingProxyType does not pickle (the cache keys and copies do)
        return (FigureSet, (dict(self.figures),))

    def texts(self, lang: str, *names: str) -> dict[str, str]:
        """``{name: text}`` for ``names`` (all figures when none are named)."""
        return {n: text(self.figures[n], lang) for n in (names or tuple(self.figures))}

    def sources(self, *names: str) -> tuple[str, ...]:
        """The source ids of ``names`` (all when none are named), in order, each once."""
        ids: dict[str, None] = {}
        for n in names or tuple(self.figures):
            ids.update(dict.fromkeys(self.figures[n].sources))
        return tuple(ids)

    def as_of(self, *names: str) -> date | None:
        """The latest as-of date among ``names`` (all when none are named)."""
        dates = [d for n in (names or tuple(self.figures)) if (d := self.figures[n].as_of) is not None]
        return max(dates) if dates else None


@dataclass(frozen=True)
class FigureRange(Figure):
    """Two values of one kind read as one figure, from the lower value to the higher:
    '−20% to −9%' / '−20%〜−9%', or two days as a span ('January 27 – 29, 2025'). ``value`` is one
    end, ``high`` the other (either order)."""

    high: float | date | None = None


def round_sig(value: float, sig: int = 3) -> float:
    """``value`` rounded to ``sig`` significant digits: 89,670.1 -> 89,700 (finite values only)."""
    if not math.isfinite(value) or value == 0:
        return value
    return round(value, sig - 1 - math.floor(math.log10(abs(value))))


def compact_decimals(value: float, lang: str, sig: int) -> int:
    """Decimals that show ``sig`` significant digits in the compact form of ``value`` for a
    language (short scale in English: 29.47M; 万/億/兆 in Japanese: 2947万)."""
    v = abs(round_sig(value, sig)) if math.isfinite(value) else math.nan
    if not math.isfinite(v) or v == 0:
        return 0
    units = (1e12, 1e8, 1e4) if lang == "ja" else (1e12, 1e9, 1e6, 1e3)
    mantissa = next((v / u for u in units if v >= u), v) if v < 1e15 else v
    return max(0, sig - 1 - math.floor(math.log10(mantissa)))


def _number_sig(value: float, lang: str, sig: int) -> str:
    """A measured quantity to ``sig`` significant digits, grouped, never more decimals than needed."""
    v = round_sig(value, sig)
    if abs(v) >= 1e15:
        return power_of_ten(v, sig)
    decimals = max(0, sig - 1 - math.floor(math.log10(abs(v)))) if v else 0
    sign = "−" if v < 0 else ""
    return sign + fmt_number(abs(v), lang, decimals)


def text(fig: Figure, lang: str) -> str:
    """The figure as text in ``lang`` ("en" or "ja"); an em dash where it is missing or not finite."""
    if isinstance(fig, FigureRange):
        if fig.kind is Kind.DATE:  # a span of days: 'January 27 – 29, 2025'
            first, last = fig.value, fig.high
            return fmt_date_range(first, last, lang) if isinstance(first, date) and isinstance(last, date) else MISSING
        high = float(fig.high) if isinstance(fig.high, (int, float)) else math.nan
        ends = (Figure(v, fig.kind, sig=fig.sig, digits=fig.digits, unit=fig.unit) for v in sorted((fig.number, high)))
        a, b = (text(end, lang) for end in ends)
        return a if a == b else f"{a}〜{b}" if lang == "ja" else f"{a} to {b}"
    kind, value = fig.kind, fig.value
    if kind is Kind.DATE:
        return fmt_date(value, lang) if isinstance(value, date) else MISSING
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        return MISSING
    v = float(value)
    if kind is Kind.MONEY:
        v = round_sig(v, fig.sig)
        return fmt_money(v, fig.unit or "USD", lang, compact_decimals(v, lang, fig.sig))
    if kind is Kind.COUNT:
        v = round_sig(v, fig.sig)
        if abs(v) >= (10_000 if lang == "ja" else 1_000_000):
            return ("−" if v < 0 else "") + fmt_compact(abs(v), lang, compact_decimals(v, lang, fig.sig))
        return _number_sig(v, lang, fig.sig)  # grouped, no more decimals than the digits need
    if kind is Kind.AMOUNT:
        v = round_sig(v, fig.sig)
        return ("−" if v < 0 else "") + fmt_compact(abs(v), lang, compact_decimals(v, lang, fig.sig))
    if kind is Kind.NUMBER:
        return ("−" if v < 0 and round(v, fig.digits) != 0 else "") + fmt_number(abs(v), lang, fig.digits)
    if kind is Kind.CHANGE:
        return fmt_pct(v, lang, fig.digits, signed=True)
    if kind is Kind.SHARE:
        return ("−" if v < 0 and round(v * 100, fig.digits) != 0 else "") + fmt_pct(
            abs(v), lang, fig.digits, signed=False
        )
    if kind is Kind.COMPUTE:
        return power_of_ten(v, fig.sig)
    if kind is Kind.ENERGY:
        return f"{_number_sig(v, lang, fig.sig)} TWh"
    if kind is Kind.POWER:
        return f"{_number_sig(v, lang, fig.sig)} GW"
    if kind is Kind.RATIO:
        body = _number_sig(v, lang, fig.sig)
        return f"約{body}倍" if lang == "ja" else f"≈{body}×"
    if kind is Kind.DAYS:
        body = ("−" if v < 0 and round(v, fig.digits) != 0 else "") + fmt_number(abs(v), lang, fig.digits)
        return f"{body}日" if lang == "ja" else f"{body} days"
    raise ValueError(f"unknown figure kind {kind!r}")


# Shorthands for figure models: money(5.576e6, "V3R", sig=4) reads like the sentence it feeds.
def money(usd: float, *sources: str, sig: int = 3, unit: str = "USD", **kw) -> Figure:
    return Figure(usd, Kind.MONEY, tuple(sources), unit=unit, sig=sig, **kw)


def count(n: float, *sources: str, sig: int = 3, **kw) -> Figure:
    return Figure(n, Kind.COUNT, tuple(sources), sig=sig, **kw)


def change(fraction: float, *sources: str, digits: int = 1, **kw) -> Figure:
    return Figure(fraction, Kind.CHANGE, tuple(sources), digits=digits, **kw)


def share(fraction: float, *sources: str, digits: int = 0, **kw) -> Figure:
    return Figure(fraction, Kind.SHARE, tuple(sources), digits=digits, **kw)


def compute(flop: float, *sources: str, sig: int = 3, **kw) -> Figure:
    return Figure(flop, Kind.COMPUTE, tuple(sources), sig=sig, **kw)


def when(day: date | None, *sources: str, **kw) -> Figure:
    return Figure(day, Kind.DATE, tuple(sources), **kw)
