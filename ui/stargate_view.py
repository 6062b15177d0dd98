"""Stargate page helpers: number formats for the reader's language and the tables the charts draw.

No arithmetic beyond unit conversion lives here (the model is ``core.stargate``); this module
turns model output and data rows into translated labels and texts.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from babel.dates import format_skeleton

from core import stargate
from core.datasets import fact
from core.formatting import fmt_date, fmt_money, fmt_number
from core.hardware import gpu_spec
from ui.i18n import t
from ui.memo import cached


@dataclass(frozen=True)
class Fmt:
    lang: str

    def money(self, usd: float, digits: int = 0) -> str:
        return fmt_money(usd, "USD", self.lang, digits)

    def count(self, n: float) -> str:
        return stargate.format_count(n, self.lang)

    def gw(self, gw: float) -> str:
        return f"{fmt_number(gw, self.lang, 1 if abs(gw) < 100 else 0)} GW"

    def twh(self, twh: float) -> str:
        return f"{fmt_number(twh, self.lang, 0 if abs(twh) >= 10 else 1)} TWh"


def gpu_choices(gpus: pd.DataFrame, order) -> tuple[list[str], list[str]]:
    """GPUs the budget model can use (a sourced purchase price and TDP), and those left out for lack of a price."""
    offered, unpriced = [], []
    for g in order:
        if gpu_spec(gpus, g, "tdp_w") is None:
            continue
        (offered if gpu_spec(gpus, g, "purchase_usd") is not None else unpriced).append(g)
    return offered, unpriced


def _value_text(value: float, unit: str, f: Fmt) -> str:
    if unit == "USD":
        return f.money(value)
    if unit == "GW":
        return f.gw(value)
    if unit in ("years", "companies", "sites"):
        return fmt_number(value, f.lang)
    return f.count(value)


def timeline_items(timeline: pd.DataFrame, f: Fmt) -> list[tuple[str, list[str]]]:
    """One Markdown line a dated event (by date; same-day events in file order) with its source ids."""
    items = []
    events = timeline.drop_duplicates(["date", "event"]).sort_values("date", kind="stable")
    for day, event in zip(events["date"], events["event"]):
        rows = timeline[(timeline["date"] == day) & (timeline["event"] == event)]
        fields = {}
        for r in rows.itertuples():
            text = _value_text(r.value, r.unit, f)
            fields[r.metric] = t(f"stargate.qualifier.{r.qualifier}", v=text) if isinstance(r.qualifier, str) else text
        line = t(f"stargate.timeline.{event}", **fields)
        items.append((f"**{fmt_date(day.date(), f.lang)}** — {line}", list(dict.fromkeys(rows["source_id"]))))
    return items


def comparison_rows(
    model_gw: float, budget_usd: float, facts: pd.DataFrame, timeline: pd.DataFrame, f: Fmt
) -> dict[str, list]:
    """The bars of the power chart (columns of lists: kind, label, value, value_text): this budget's
    GW, two capex-per-GW cross-checks, Stargate's own announced steps, and two yardsticks (North
    America's data centres, a nuclear plant). Only the first three move with the sliders: the rest
    is worked out once per language (a fresh slider value cost milliseconds of timeline lookups)."""
    checks, fixed = cached(_fixed_bars, facts, timeline, f.lang)
    rows = [("model", t("stargate.cmp.model", budget=f.money(budget_usd)), model_gw)]
    rows += [("check", label, stargate.gw_for_capex(budget_usd, per_gw)) for label, per_gw in checks]
    rows += fixed
    return {
        "kind": [r[0] for r in rows],
        "label": [r[1] for r in rows],
        "value": [r[2] for r in rows],
        "value_text": [f.gw(r[2]) for r in rows],
    }


def _fixed_bars(facts: pd.DataFrame, timeline: pd.DataFrame, lang: str) -> tuple[tuple, list[tuple]]:
    """The power chart's cross-checks (label, capex per GW) and the bars no slider moves."""
    f = Fmt(lang)
    tv = lambda e, m: stargate.timeline_value(timeline, e, m)  # noqa: E731
    bern, epoch = fact(facts, "bernstein_capex_usd_per_gw"), fact(facts, "epoch_capex_usd_per_gw")
    checks = (
        (t("stargate.cmp.bernstein", per_gw=f.money(bern)), bern),
        (t("stargate.cmp.epoch", per_gw=f.money(epoch)), epoch),
    )
    return checks, [
        ("plan", t("stargate.cmp.goal", date=_month(timeline, "goal", f)), tv("goal", "gw_total")),
        ("plan", t("stargate.cmp.sep", date=_month(timeline, "five_sites", f)), tv("five_sites", "gw_total")),
        ("plan", t("stargate.cmp.abilene"), tv("abilene", "gw")),
        ("benchmark", t("stargate.cmp.na"), fact(facts, "na_datacentre_capacity_gw_2024")),
        ("benchmark", t("stargate.cmp.nuclear"), fact(facts, "nuclear_plant_avg_gw")),
    ]


def _month(timeline: pd.DataFrame, event: str, f: Fmt) -> str:
    day = timeline.loc[timeline["event"] == event, "date"].iloc[0].date()
    return format_skeleton("yMMM", day, locale=f.lang)


def spending_rows(by_year: pd.DataFrame, unit_usd: float, f: Fmt) -> dict[str, list]:
    """Per year (columns of lists): GPU and other spending in ``unit_usd`` (1e9 = billions, 1e8 = 億),
    and texts."""
    return {
        "year": [int(y) for y in by_year["year"]],
        "gpu_amount": [v / unit_usd for v in by_year["gpu_usd"]],
        "other_amount": [v / unit_usd for v in by_year["other_usd"]],
        "spend_text": [f.money(v) for v in by_year["spend_usd"]],
        "gw_text": [f.gw(v) for v in by_year["cumulative_gw"]],
    }
