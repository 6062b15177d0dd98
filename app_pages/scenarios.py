"""Cost & GPU scenarios: train a model on paper, from presets that reproduce published runs."""

import streamlit as st

from core import costs
from core import scenarios as S
from core.datasets import fact
from core.formatting import fmt_compact, fmt_money, fmt_number, fmt_pct, fmt_scientific
from ui import scenarios_charts as charts
from ui import scenarios_controls as controls
from ui.charts import Shelf, build_named, show
from ui.cite import short_source, source_line
from ui.data import require
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.process import fragment

L = lang()


def money(v: float) -> str:  # four significant digits: USD 5.328M / 532.8万ドル
    return fmt_money(v, "USD", L, S.compact_decimals(v, L))


def compact(v: float, significant: int = 4) -> str:
    return fmt_compact(v, L, S.compact_decimals(v, L, significant))


sources, facts, gpus, presets = require("sources", "facts", "gpus", "presets")
VALUES = cached(controls.all_presets, presets, facts, gpus)

st.title(t("scenarios.title"))
st.markdown(prose("scenarios", "intro"))


def shown(field: str, v) -> str:
    """A preset value for the facts-and-assumptions list, in the reader's language."""
    if field in ("active_params", "total_params", "tokens"):
        return fmt_compact(v, L, 2)
    if field == "mfu":
        return fmt_pct(v, L, 2, signed=False)
    if field in ("rent_usd_per_gpu_hour", "purchase_usd_per_gpu", "usd_per_kwh"):
        return fmt_money(v, "USD", L, 4 if field == "usd_per_kwh" else 2)
    if field == "precision":
        return S.PRECISION_LABELS[v]
    if field == "cost_mode":
        return t(f"scenarios.cost_mode.{v}")
    if field == "kw_per_gpu":
        return t("scenarios.unit.kw", v=fmt_number(v, L, 3))
    return v if isinstance(v, str) else fmt_number(v, L, 2)


def short_name(field: str) -> str:
    return t(f"scenarios.field.{field}").split(" (")[0].split("(")[0]


def basis_summary(preset: str, presets, lang: str) -> str:  # noqa: ARG001 - lang keys the cache
    """One line a kind of figure: which inputs are sourced facts, estimates, computed, assumed."""
    rows = presets.loc[(presets["preset"] == preset) & presets["field"].isin(S.SCENARIO_FIELDS)]
    sep = "、" if L == "ja" else ", "
    return "  \n".join(
        t("scenarios.basis.summary", basis=t(f"scenarios.basis.{b}"), fields=sep.join(map(short_name, g["field"])))
        for b, g in rows.groupby("basis", sort=False)
    )


def basis_list(preset: str, presets, values: dict, sources, lang: str) -> str:  # noqa: ARG001 - lang keys the cache
    rows = presets.loc[(presets["preset"] == preset) & presets["field"].isin(S.SCENARIO_FIELDS)]
    lines = []
    for r in rows.itertuples():
        how = t(f"scenarios.calc.{r.ref[5:]}") if isinstance(r.ref, str) and r.ref.startswith("calc:") else ""
        lines.append(
            t(
                "scenarios.basis.line",
                field=short_name(r.field),
                value=shown(r.field, values[preset][r.field]),
                basis=t(f"scenarios.basis.{r.basis}"),
                source=short_source(sources, r.source_id),
            )
            + how
        )
    return "\n".join(lines)


@fragment
def calculator() -> None:
    controls.seed_from_url(presets, facts, gpus)  # in the fragment: its reruns must see the second run
    preset = controls.preset_control(VALUES)
    g4 = {
        k: fmt_scientific(S.reference(presets, "gpt4", k), L, 1)
        for k in ("ref_training_flop", "ref_training_flop_low", "ref_training_flop_high")
    }
    # one element a block of text (each element is one more message on every move)
    st.caption(
        t(f"scenarios.desc.{preset}", v3_total=fmt_money(fact(facts, "v3_cost_total_reported_usd"), "USD", L, 3), **g4)
        + "\n\n"
        + cached(basis_summary, preset, presets, L)
    )
    with st.expander(t("scenarios.basis.title")):
        st.markdown(t("scenarios.basis.intro") + "\n\n" + cached(basis_list, preset, presets, VALUES, sources, L))
    params = controls.inputs(VALUES, facts, gpus)
    params[S.PRESET_KEY] = preset
    s = S.scenario_from_params(params, presets, facts, gpus)
    try:
        r = costs.run_scenario(s, S.gpu_for(gpus, s.gpu))
    except ValueError:  # cannot happen within the controls' ranges; never show a traceback
        st.warning(t("scenarios.msg.invalid"))
        s = S.scenario_of(VALUES[S.DEFAULT_PRESET])
        r = costs.run_scenario(s, S.gpu_for(gpus, s.gpu))
    if r.fp8_fallback:
        st.info(t("scenarios.msg.no_fp8", gpu=s.gpu), icon=":material/info:")
    if r.total_params_raised:
        st.info(t("scenarios.msg.total_raised"), icon=":material/info:")

    st.subheader(t("scenarios.out.title"))
    budget = fact(facts, "stargate_budget_usd")
    # three columns of three: compute, money, power (one st.columns for the grid: every column and row
    # of columns is one more message to send and draw on each move; a phone stacks them group by group)
    groups = (
        [
            ("flops", fmt_scientific(r.flops, L, 2), {"tpp": fmt_number(r.tokens_per_param, L, 0)}),
            (
                "gpu_hours",
                compact(r.gpu_hours),
                {"peak": fmt_number(r.peak_flops_per_s / 1e12, L, 0), "prec": S.PRECISION_LABELS[r.precision]},
            ),
            ("days", t("scenarios.unit.days", v=fmt_number(r.days, L, 1)), {"gpus": fmt_number(s.n_gpus, L)}),
        ],
        [
            (f"cost_{s.cost_mode}", money(r.total_cost_usd), {"price": fmt_money(r.usd_per_gpu_hour, "USD", L, 2)}),
            ("energy_cost", fmt_money(r.energy_cost_usd, "USD", L, 1), {}),
            (
                "runs",
                fmt_compact(costs.runs_in_budget(budget, r.total_cost_usd), L, 1),
                {"budget": fmt_money(budget, "USD", L, 0)},
            ),
        ],
        [
            (
                "energy",
                t("scenarios.unit.mwh", v=fmt_number(r.energy_mwh, L, 0 if r.energy_mwh >= 100 else 2)),
                {"pue": fmt_number(s.pue, L, 2)},
            ),
            ("power", t("scenarios.unit.mw", v=fmt_number(r.peak_power_mw, L, 1)), {}),
            (
                "memory_fits" if r.fits_in_memory else "memory_short",
                t("scenarios.unit.tb", v=fmt_number(r.memory_needed_bytes / 1e12, L, 1)),
                {
                    "available": fmt_number(r.memory_available_bytes / 1e12, L, 0),
                    "bytes": fmt_number(costs.BYTES_PER_PARAM_MIXED_ADAM, L),
                },
            ),
        ],
    )
    for col, cells in zip(st.columns(3), groups):
        for name, value, fields in cells:
            col.metric(t(f"scenarios.out.{name}"), value, help=t(f"scenarios.out.{name}_help", **fields), border=True)
    if not r.fits_in_memory:
        st.warning(t("scenarios.msg.memory"), icon=":material/memory:")
    st.caption(t(f"scenarios.out.note_{s.cost_mode}"))

    st.subheader(t("scenarios.chart.title"))
    axis = controls.chart_axis()
    cols = S.sweep_columns(s, S.gpu_for(gpus, s.gpu), axis)  # plain lists: labelled, then one table a chart
    x_fmt = (lambda x: fmt_pct(x / 100, L, 2, signed=False)) if axis == "mfu" else (lambda x: fmt_number(x, L))
    cols["x_label"] = [x_fmt(x) for x in cols["x"]]
    cols["cost_usd_label"] = [money(v) for v in cols["cost_usd"]]
    cols["days_label"] = [t("scenarios.unit.days", v=fmt_number(v, L, 1)) for v in cols["days"]]
    at = cols["current"].index(True)
    x_title = t(f"scenarios.chart.axis_{axis}")
    for y, color in (("cost_usd", charts.COST_COLOR), ("days", charts.DAYS_COLOR)):
        chart = build_named(
            charts.sweep_template,
            charts.sweep_rows({**cols, "current_text": cols[f"{y}_label"]}),
            y,
            t(f"scenarios.chart.{y}"),
            x_title,
            axis == "gpus",
            L,
            color,
        )
        show(
            chart,
            t(f"scenarios.chart.alt_{y}_{axis}", x=cols["x_label"][at], y=cols[f"{y}_label"][at]),
            name=f"scenario-{y.split('_')[0]}",
            shelf=SHELF,
            label=t(f"scenarios.chart.{y}"),
        )
    st.caption(t(f"scenarios.chart.takeaway_{axis}"))

    st.subheader(t("scenarios.compare.title"))
    v3_cost = fact(facts, "v3_cost_total_reported_usd")
    bars = [
        (t("scenarios.compare.mine"), r.total_cost_usd, True),
        (t("scenarios.compare.v3"), v3_cost, False),
        (t("scenarios.compare.stargate"), budget, False),
    ]
    labels = [money(usd) for _, usd, _ in bars]
    comp = {"name": [b[0] for b in bars], "usd": [b[1] for b in bars], "mine": [b[2] for b in bars], "label": labels}
    show(
        build_named(charts.comparison_template, charts.comparison_rows(comp), t("scenarios.compare.axis"), L),
        t("scenarios.compare.alt", mine=labels[0], v3=labels[1], stargate=labels[2]),
        name="scenario-comparison",
        shelf=SHELF,
        label=t("scenarios.compare.short"),
    )
    st.caption(
        t(
            "scenarios.compare.caption",
            v3=labels[1],
            ratio=fmt_number(costs.cost_ratio(r.total_cost_usd, v3_cost), L, 2),
            runs=fmt_compact(costs.runs_in_budget(budget, r.total_cost_usd), L, 1),
            budget=labels[2],
        )
        + "\n\n"
        + source_line(sources, *cached(S.preset_source_ids, presets, preset), "STARGATE-OAI")
    )


SHELF = Shelf("sc")  # the calculator's chart downloads, offered once under it (ui.charts.Shelf)
calculator()
SHELF.offer()

st.header(t("scenarios.check.title"))
v3, llama = cached(S.v3_check, presets, facts, gpus), cached(S.llama_check, presets, facts, gpus)
c1, c2 = st.columns(2)
with c1, st.container(border=True, height="stretch"):
    st.metric(t("scenarios.check.v3_label"), fmt_pct(v3.mfu_fp8, L, 1, signed=False), help=t("scenarios.check.v3_help"))
    st.markdown(
        prose(
            "scenarios",
            "v3_check",
            bf16=fmt_pct(v3.mfu_bf16, L, 1, signed=False),
            fp8=fmt_pct(v3.mfu_fp8, L, 1, signed=False),
            flops=fmt_scientific(v3.flops, L, 4),
            hours=compact(v3.reported_gpu_hours),
            back=compact(v3.gpu_hours_back),
            cost=money(v3.cost_back_usd),
            price=fmt_money(v3.price_usd_per_gpu_hour, "USD", L, 2),
        )
    )
    st.caption(source_line(sources, "V3R", "EPH", "H100-SPARSE"))
with c2, st.container(border=True, height="stretch"):
    st.metric(
        t("scenarios.check.llama_label"),
        f"{fmt_pct(llama.gap_low, L, 0)} … {fmt_pct(llama.gap_high, L, 0)}",
        help=t("scenarios.check.llama_help"),
    )
    st.markdown(
        prose(
            "scenarios",
            "llama_check",
            low=fmt_pct(llama.mfu_low, L, 0, signed=False),
            high=fmt_pct(llama.mfu_high, L, 0, signed=False),
            hours_low=compact(llama.gpu_hours_at_high),
            hours_high=compact(llama.gpu_hours_at_low),
            reported=compact(llama.reported_gpu_hours),
            flops=fmt_scientific(llama.flops, L, 2),
            gap_low=fmt_pct(llama.gap_low, L, 0),
            gap_high=fmt_pct(llama.gap_high, L, 0),
            tolerance=fmt_pct(S.LLAMA_TOLERANCE, L, 0, signed=False),
        )
    )
    st.caption(source_line(sources, "L31", "L3-MFU", "EPM"))

st.markdown(prose("scenarios", "takeaway"))
