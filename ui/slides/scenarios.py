"""The scenarios tour step: slides built from the page's data and models."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from core import costs
from core import scenarios as S
from core.datasets import fact
from core.formatting import fmt_compact, fmt_money, fmt_number, fmt_pct
from ui.cite import source_line
from ui.data import load
from ui.i18n import t
from ui.slides.base import Slide, _fit, _t


def _scenario(lang: str, dark: bool, params: Mapping[str, str]) -> Slide:
    from ui.scenarios_charts import comparison_chart

    presets, facts, gpus, sources = load("presets"), load("facts"), load("gpus"), load("sources")
    s = S.scenario_from_params(params, presets, facts, gpus)
    try:
        r = costs.run_scenario(s, S.gpu_for(gpus, s.gpu))
    except ValueError:  # cannot happen for clamped values; never show a traceback
        s = S.scenario_of(S.preset_values(presets, facts, gpus, S.DEFAULT_PRESET))
        r = costs.run_scenario(s, S.gpu_for(gpus, s.gpu))
    money = lambda v: fmt_money(v, "USD", lang, S.compact_decimals(v, lang))  # noqa: E731
    budget, v3 = fact(facts, "stargate_budget_usd"), fact(facts, "v3_cost_total_reported_usd")
    comp = pd.DataFrame(
        [
            (t("scenarios.compare.mine"), r.total_cost_usd, True),
            (t("scenarios.compare.v3"), v3, False),
            (t("scenarios.compare.stargate"), budget, False),
        ],
        columns=["name", "usd", "mine"],
    )
    comp["label"] = comp["usd"].map(money)
    preset = params.get(S.PRESET_KEY)
    base = preset if preset in ("llama", "gpt4") else S.DEFAULT_PRESET  # the preset the values start from
    own = (
        t(f"scenarios.preset.{preset}")
        if preset in S.PRESETS
        else t(f"scenarios.preset.{S.DEFAULT_PRESET}")
        if not params
        else t("scenarios.preset.own")
    )
    f = dict(
        preset=own,
        gpus=fmt_number(s.n_gpus, lang),
        gpu=s.gpu,
        mfu=fmt_pct(s.mfu, lang, 1, signed=False),
        active=fmt_compact(s.active_params, lang, 1),
        tokens=fmt_compact(s.tokens, lang, 2),
        days=fmt_number(r.days, lang, 1),
        cost=money(r.total_cost_usd),
        v3=comp["label"][1],
        budget=comp["label"][2],
        runs=fmt_compact(costs.runs_in_budget(budget, r.total_cost_usd), lang, 1),
        ratio=fmt_number(costs.cost_ratio(r.total_cost_usd, v3), lang, 2),
    )
    return Slide(
        _t("scenario", "heading"),
        _t("scenario", "sentence", **f),
        _t("scenario", "note", **f),
        t("scenarios.compare.alt", mine=f["cost"], v3=f["v3"], stargate=f["budget"]),
        source_line(sources, *presets.loc[presets["preset"] == base, "source_id"].unique(), "STARGATE-OAI"),
        chart=_fit(comparison_chart(comp, t("scenarios.compare.axis"), lang), "short"),
    )
