"""Cost & GPU scenarios: train a model on paper, from presets that reproduce published runs."""

import streamlit as st

from core import scenarios as S
from ui import layout
from ui import scenarios_charts as charts
from ui import scenarios_controls as controls
from ui import scenarios_view as view
from ui.charts import Export, build_named, show
from ui.cite import data_date, source_line
from ui.data import require
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.present import lead
from ui.process import fragment

L = lang()
sources, facts, gpus, presets = require("sources", "facts", "gpus", "presets")
VALUES = cached(controls.all_presets, presets, facts, gpus)
CHECKS = cached(S.check_figures, presets, facts, gpus)

layout.style()  # results beside the inputs on wide screens, a result strip on phones (ui/layout.py)
st.title(t("scenarios.title"))
st.markdown(prose("scenarios", "intro"))


@fragment
def calculator() -> None:
    with layout.block():  # the strip stays in view down to the end of this block, no further
        controls.seed_from_url(presets, facts, gpus)  # in the fragment: its reruns must see the second run
        strip = layout.strip("sc")  # a phone's view of the results, filled once they are known
        preset = controls.preset_control(VALUES)
        inputs_col, results_col = st.columns(view.COLUMNS, gap="medium")
        with inputs_col:
            # what the inputs are, above them, written once they are known (one element each: every
            # element is one more message on every move)
            about = st.empty()
            basis = st.expander(t("scenarios.basis.title"))
            params = controls.inputs(VALUES, facts, gpus)
        params[S.PRESET_KEY] = preset
        o, invalid = view.run(presets, facts, gpus, params)
        about.caption(view.description(o, CHECKS, L) + "\n\n" + view.summary(o.description, L))
        basis.markdown(t("scenarios.basis.intro") + "\n\n" + view.basis_list(o.description, sources, L))
        strip.markdown(view.strip(o, L))
        with results_col, layout.results("sc", dense=True):
            st.header(t("scenarios.out.title"))  # h2 under the page title (axe: headings in order)
            if invalid:
                st.warning(t("scenarios.msg.invalid"))
            if o.result.fp8_fallback:
                st.info(t("scenarios.msg.no_fp8", gpu=o.scenario.gpu), icon=":material/info:")
            if o.result.total_params_raised:
                st.info(t("scenarios.msg.total_raised"), icon=":material/info:")
            # three columns of three: compute, money, power (one st.columns for the grid: every column and
            # row of columns is one more message to send and draw on each move)
            groups = view.metrics(o, L)
            for col, cells in zip(st.columns(len(groups)), groups):
                for name, value, fields in cells:
                    col.metric(
                        t(f"scenarios.out.{name}"), value, help=t(f"scenarios.out.{name}_help", **fields), border=True
                    )
            if not o.result.fits_in_memory:
                st.warning(t("scenarios.msg.memory"), icon=":material/memory:")
        st.caption(t(f"scenarios.out.note_{o.scenario.cost_mode}"))  # under the row: the results stay in view

        st.header(t("scenarios.chart.title"))
        axis = controls.chart_axis()
        cols = charts.sweep_labels(S.sweep_columns(o.scenario, S.gpu_for(gpus, o.scenario.gpu), axis), axis, L)
        at = cols["current"].index(True)
        x_title = t(f"scenarios.chart.axis_{axis}")
        cited = view.sources_of(o)
        for y, color, name in charts.SWEEPS:  # each with its downloads under it
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
                data=charts.export_table(cols, ("x", y), ("current", "x_label", f"{y}_label")),
                export=Export(
                    "scenarios",
                    name,
                    t("scenarios.chart.title"),
                    source_line(sources, *cited),
                    data_date(sources, *cited, lang=L),
                    {"x": "x", y: y, "current": "current"},  # x: the input varied (docs/exports.md)
                ),
            )
        st.caption(t(f"scenarios.chart.takeaway_{axis}"))

        comp = view.comparison(o, L)
        words = o.figures.texts(L, "cost", "ratio_to_v3", "scenario_runs", "v3_cost", "stargate_budget")
        # the page's key chart: first under the title in presenter view (ui/present.py)
        with lead():
            st.header(t("scenarios.compare.title"))
            show(
                build_named(charts.comparison_template, charts.comparison_rows(comp), t("scenarios.compare.axis"), L),
                t("scenarios.compare.alt", **words),
                data=charts.export_table(comp, ("usd",), ("name", "label")),
                export=Export(
                    "scenarios",
                    "comparison",
                    t("scenarios.compare.title"),
                    source_line(sources, *cited),
                    data_date(sources, *cited, lang=L),
                    {"name": "item", "usd": "cost_usd"},
                ),
            )
        st.caption(t("scenarios.compare.caption", **words) + "\n\n" + source_line(sources, *cited))


calculator()

st.header(t("scenarios.check.title"))
checks = CHECKS.texts(L)
for col, (name, (shown, cited)) in zip(st.columns(len(view.CHECKS)), view.CHECKS.items()):
    with col, st.container(border=True, height="stretch"):
        st.metric(t(f"scenarios.check.{name}_label"), checks[shown], help=t(f"scenarios.check.{name}_help"))
        st.markdown(prose("scenarios", f"{name}_check", **checks))
        st.caption(source_line(sources, *CHECKS.sources(*cited)))

st.markdown(prose("scenarios", "takeaway"))
