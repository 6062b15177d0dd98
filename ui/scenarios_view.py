"""Text of the scenarios page and tour step, rendered from the figure model (``core.scenarios``):
the reader's run (``run``), what its inputs are (description, summary, list of facts and
assumptions), the metrics, and the comparison's rows. Pure functions of the model and the language.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from core import scenarios as S
from core.figures import FigureSet
from ui.cite import short_source
from ui.i18n import t

COLUMNS = (1, 1)  # inputs | results, side by side on wide screens (ui.layout)

# The checks against published runs: (figure in the box's metric, figures whose sources it cites)
CHECKS = {
    "v3": ("v3_mfu_fp8", ("v3_flops", "v3_mfu_bf16", "v3_mfu_fp8")),
    "llama": ("llama_gap", ("llama_reported", "llama_flops", "llama_mfu_low", "llama_hours_low")),
}


def run(presets: pd.DataFrame, facts: pd.DataFrame, gpus: pd.DataFrame, params: Mapping) -> tuple[S.Outcome, bool]:
    """The reader's run (``core.scenarios.outcome``) and whether it had to fall back to the
    default scenario (inputs that cannot be computed: not reachable within the controls' ranges).
    Not cached: computing it costs less than a cache's key and copy."""
    try:
        return S.outcome(presets, facts, gpus, params), False
    except ValueError:
        return S.outcome(presets, facts, gpus, {}), True


def starting_point(d: S.Description) -> str:
    """The preset the inputs are, or 'your own scenario (from ...)'."""
    name = t(f"scenarios.preset.{d.base}")
    return t("scenarios.preset.custom", base=name) if d.custom else name


def description(o: S.Outcome, checks: FigureSet, lang: str) -> str:
    """What the inputs describe: the preset's own description, or the reader's own scenario."""
    d = o.description
    if d.custom:
        return t("scenarios.desc.custom", base=t(f"scenarios.preset.{d.base}"))
    fields = checks.texts(lang, "gpt4_flop", "gpt4_flop_low", "gpt4_flop_high")
    return t(f"scenarios.desc.{d.base}", v3_cost=o.figures["v3_cost"].text(lang), **fields)


def short_name(field: str) -> str:
    return t(f"scenarios.field.{field}").split(" (")[0].split("(")[0]


def _value(line: S.BasisLine, lang: str) -> str:
    if line.field == "precision":
        return S.PRECISION_LABELS[line.option]
    if line.field == "cost_mode":
        return t(f"scenarios.cost_mode.{line.option}")
    if line.value is None:
        return line.option  # the GPU: its name
    text = line.value.text(lang)
    return t("scenarios.unit.kw", v=text) if line.field == "kw_per_gpu" else text


def summary(d: S.Description, lang: str) -> str:
    """One line a kind of figure: which inputs are sourced facts, estimates, computed, assumed, yours."""
    groups: dict[str, list[str]] = {}
    for line in d.lines:
        groups.setdefault(line.basis, []).append(short_name(line.field))
    sep = "、" if lang == "ja" else ", "
    return "  \n".join(
        t("scenarios.basis.summary", basis=t(f"scenarios.basis.{b}"), fields=sep.join(names))
        for b, names in groups.items()
    )


def basis_list(d: S.Description, sources: pd.DataFrame, lang: str) -> str:
    """Each input, its value, what kind of figure it is and its source (the reader's own: no source)."""
    lines = []
    for line in d.lines:
        fields = dict(field=short_name(line.field), value=_value(line, lang), basis=t(f"scenarios.basis.{line.basis}"))
        if line.basis == "yours":
            lines.append(t("scenarios.basis.line_own", **fields))
            continue
        how = t(f"scenarios.calc.{line.calc}") if line.calc else ""
        lines.append(t("scenarios.basis.line", source=short_source(sources, line.source_id), **fields) + how)
    return "\n".join(lines)


def metrics(o: S.Outcome, lang: str) -> list[list[tuple[str, str, dict[str, str]]]]:
    """The results in three groups (compute, money, power): (content key, value, help fields)."""
    f, r = o.figures.texts(lang), o.result
    memory = "memory_fits" if r.fits_in_memory else "memory_short"
    return [
        [
            ("flops", f["flops"], {"tpp": f["tokens_per_param"]}),
            ("gpu_hours", f["gpu_hours"], {"peak": f["peak_tflops"], "prec": S.PRECISION_LABELS[r.precision]}),
            ("days", f["days"], {"gpus": f["n_gpus"]}),
        ],
        [
            (f"cost_{o.scenario.cost_mode}", f["cost"], {"price": f["price"]}),
            ("energy_cost", f["energy_cost"], {}),
            ("scenario_runs", f["scenario_runs"], {"budget": f["stargate_budget"]}),
        ],
        [
            ("energy", f["energy"], {"pue": f["pue"]}),
            ("power", f["power"], {}),
            (
                memory,
                t("scenarios.unit.tb", v=f["memory_tb"]),
                {"available": f["memory_available_tb"], "bytes": f["bytes_per_param"]},
            ),
        ],
    ]


def strip(o: S.Outcome, lang: str) -> str:
    """The phone's result strip (``ui.layout.strip``): the cost, the days and the electricity bill,
    the figures every input moves, and a warning when the training state does not fit in memory."""
    f = o.figures.texts(lang, "cost", "days", "energy_cost")
    text = t("scenarios.strip.figures", **f)
    return text if o.result.fits_in_memory else text + t("scenarios.strip.memory_short")


def comparison(o: S.Outcome, lang: str) -> dict[str, list]:
    """The comparison chart's bars (``ui.scenarios_charts.comparison_rows``): the reader's run,
    DeepSeek-V3's reported cost and Stargate's budget, labelled with their figures."""
    bars = (
        ("mine", o.figures["cost"], True),
        ("v3", o.figures["v3_cost"], False),
        ("stargate", o.figures["stargate_budget"], False),
    )
    return {
        "name": [t(f"scenarios.compare.{key}") for key, _, _ in bars],
        "usd": [fig.number for _, fig, _ in bars],
        "mine": [mine for _, _, mine in bars],
        "label": [fig.text(lang) for _, fig, _ in bars],
    }


def sources_of(o: S.Outcome) -> tuple[str, ...]:
    """What the comparison cites: the inputs' sources, DeepSeek-V3's report and Stargate's budget."""
    return (*o.description.sources(), "V3R", "STARGATE-OAI")
