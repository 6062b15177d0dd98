"""Stargate page helpers: the figure model's events, bars and years as translated text and chart rows.

No arithmetic here beyond the axis unit (the model is ``core.stargate``): each text is a figure
rendered by ``core.figures.text`` in the reader's language, put into a translated sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core import stargate
from core.capex import usd_axis_unit
from core.datasets import fact
from core.figures import Figure, Kind
from ui.i18n import t

CONTROL_COLUMNS = 2  # the budget's controls | what they buy (ui.layout: side by side on wide screens)
METRIC_COLUMNS = 2  # what they buy: four figures, two by two
RUN_COLUMNS = 3  # runs of V3, of GPT-4o, of the reader's own run


def timeline_items(events: tuple[stargate.Event, ...], lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """One Markdown line a dated step (``core.stargate.timeline_figures``) with its source ids."""
    items = []
    for e in events:
        fields = {
            metric: t(f"stargate.qualifier.{q}", v=fig.text(lang)) if q else fig.text(lang)
            for metric, fig, q in e.values
        }
        items.append((f"**{e.day.text(lang)}** — {t(f'stargate.timeline.{e.event}', **fields)}", e.sources))
    return items


def power_rows(bars: tuple[stargate.Bar, ...], lang: str) -> dict[str, list]:
    """The power chart's bars (columns of lists: kind, label, value, value_text), each label naming
    the figure behind it (the budget, a cost per GW or a date)."""
    labels = []
    for b in bars:
        detail = b.detail.text(lang) if b.detail is not None else ""
        labels.append(t(f"stargate.cmp.{b.key}", budget=detail, per_gw=detail, date=detail))
    return {
        "kind": [b.kind for b in bars],
        "label": labels,
        "value": [b.value.number for b in bars],
        "value_text": [b.value.text(lang) for b in bars],
    }


def year_columns(years: tuple[stargate.YearSpend, ...], lang: str) -> dict[str, list]:
    """Per year (columns of lists): GPU and other spending in the language's axis unit
    (``core.capex.usd_axis_unit``), the year's spending and the power installed by its end as text."""
    unit = usd_axis_unit(lang)
    return {
        "year": [y.year for y in years],
        "gpu_amount": [y.gpu.number / unit for y in years],
        "other_amount": [y.other.number / unit for y in years],
        "spend_text": [y.spend.text(lang) for y in years],
        "gw_text": [y.gw.text(lang) for y in years],
    }


# ---- The former interface, kept only for tests/unit/test_chart_specs_stable.py (a shared test the
# lead moves to power_rows / year_columns; then these go) ----------------------------------------


@dataclass(frozen=True)
class Fmt:
    lang: str


def comparison_rows(
    model_gw: float, budget_usd: float, facts: pd.DataFrame, timeline: pd.DataFrame, f: Fmt
) -> dict[str, list]:
    """``power_rows`` for a budget of ``budget_usd`` (the data's) drawing ``model_gw``."""
    assert budget_usd == fact(facts, "stargate_budget_usd")
    return power_rows(stargate.power_bars(facts, timeline, Figure(model_gw, Kind.POWER)), f.lang)


def spending_rows(by_year: pd.DataFrame, unit_usd: float, f: Fmt) -> dict[str, list]:
    """``year_columns`` of a ``BudgetOutcome.by_year`` frame (``unit_usd``: the language's axis unit)."""
    assert unit_usd == usd_axis_unit(f.lang)
    return year_columns(stargate.year_figures(by_year, ()), f.lang)
