"""What next: does efficiency shrink or grow the demand for AI infrastructure?"""

import streamlit as st

from core import demand
from core.datasets import DataError
from ui import layout, pages, since_charts, since_view
from ui.charts import Export, build, build_named, show
from ui.cite import data_date, source_line
from ui.data import load_many, require, show_data_error
from ui.demand_charts import chart_rows, chart_titles, observed_rows, spending_template
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.present import chart_font_size, lead, section_header
from ui.process import fragment

L = lang()
sources, facts, dates = require("sources", "facts", "dates")
# The evidence since the article (core.since), read up front: the model's chart takes one observed
# level from it. A broken file is named in "Twenty months on" below; the model works without it.
SINCE = (
    "prices",
    "prices_since",
    "companies",
    "capex",
    "capex_since",
    "nvidia_dc_revenue",
    "gpu_rental",
    "stargate_timeline",
    "stargate_compute_since",
    "deepseek_releases",
    "benchmarks_since",
    "models_compute_since",
)
frames, broken = load_many(SINCE)
fs, joined_error = None, None
if not broken:
    frames |= {"facts": facts, "dates": dates, "sources": sources}
    try:
        fs = since_view.figures(frames)
    except DataError as err:  # the two price files do not fit together
        joined_error = err
observed = fs.get("capex.big4.guidance_2026_ratio") if fs is not None else None
start = cached(demand.figures, facts, dates, None, None, None)  # at the defaults: the article's gain
intro = start.figs.texts(L, "shock", "nadella", "fraction", "marker")

st.title(t("next.title"))
st.markdown(prose("next", "intro", shock=intro["shock"], nadella=intro["nadella"], fraction=intro["fraction"]))
st.caption(source_line(sources, *start.figs.sources("fraction", "nadella")))

section_header(t("next.model.title"))  # in presenter view it heads the key chart (ui/present.py)
st.info(t("next.model.not_forecast"), icon=":material/psychology:")
st.markdown(prose("next", "model"))
st.latex(
    r"\begin{gathered} p = 1 - s\left(1 - \tfrac{1}{k}\right),\qquad Q = p^{-\varepsilon} \\ "
    r"C = \frac{Q}{k}\;\overset{s=1}{=}\;k^{\,\varepsilon-1} \end{gathered}"
)
st.markdown(prose("next", "formula"))


@fragment
def model_block() -> None:
    strip = layout.strip("wn")  # a phone's view of the results under its three sliders (ui/layout.py)
    k_col, eps_col, share_col = st.columns(len(demand.INPUTS))
    k = k_col.select_slider(
        t("next.ctl.k"),
        demand.k_steps(start.k),
        start.k,
        key="wn_k",
        bind="query-params",
        format_func=demand.k_label,
        help=t("next.ctl.k_help", marker=intro["marker"]),
    )
    e = eps_col.slider(
        t("next.ctl.eps"),
        *demand.ELASTICITY_RANGE,
        demand.DEFAULT_ELASTICITY,
        demand.ELASTICITY_STEP,
        key="wn_eps",
        bind="query-params",
        help=t("next.ctl.eps_help"),
    )
    s = share_col.slider(
        t("next.ctl.share"),
        *demand.SHARE_PCT,
        demand.DEFAULT_SHARE_PCT,
        demand.SHARE_STEP_PCT,
        format="%d%%",
        key="wn_share",
        bind="query-params",
        help=t("next.ctl.share_help"),
    )
    nf = cached(demand.figures, facts, dates, k, e, s)
    for col, m in zip(st.columns(len(nf.metrics)), nf.metrics):
        col.metric(
            t(f"next.out.{m.name}"),
            m.value.text(L),
            m.change.text(L) if m.change is not None else None,
            delta_color="off",
            delta_arrow=m.arrow,
            help=t(f"next.out.{m.name}_help"),
        )
    x = nf.figs.texts(L)
    strip.markdown(t("next.strip.figures", **x))
    st.markdown(t(f"next.verdict.{nf.verdict}", k=x["k"], eps=x["eps"], compute=x["compute"], usage=x["usage"]))
    st.caption(t("next.verdict.break_even", eps=x["break_even"]) if nf.breaks_even else t("next.verdict.no_break_even"))
    if observed is not None:
        st.caption(t("since.tool.observed_caption"))
    font = chart_font_size()  # line labels grow with the chart font in presenter view
    titles = chart_titles(nf, L) | {"observed": t("since.tool.observed")}
    rows = chart_rows(nf, L, font)
    if observed is not None:
        rows |= observed_rows(observed.number, t("since.tool.observed_label", ratio=since_view.dated(observed, L)))
    with lead(t("next.model.title")):  # the page's key chart: first in presenter view (ui/present.py)
        show(
            build_named(
                spending_template,
                rows,
                {name: titles[name] for name in ("x", "y", "series", "observed")},
                font,
                observed is not None,
                table="lines",
            ),
            t("next.chart.alt", share=x["share"], eps=x["eps"], k=x["k"], compute=x["compute"]),
            key="wn_chart",
            export=Export(
                "what-next",
                "compute",
                t("next.model.title"),
                source_line(sources, *nf.figs.sources()),
                data_date(sources, *nf.figs.sources(), lang=L),
                {"series": "line", "eps": "elasticity", "k": "efficiency_gain", "compute": "compute_vs_today"},
            ),
        )


layout.style(wide=False)
with layout.block():  # the strip stays in view while the reader is in the model's block
    model_block()

# ---- Twenty months on: the thesis against the evidence ----------------------------------------
# Every figure from core.since (one derivation, tested), each shown with its as-of date; derived
# figures and estimates say so. Without one of its files the section names it and stops here.
st.header(t("since.next.title"))
for err in [*broken, *([joined_error] if joined_error else [])]:
    show_data_error(err)
if fs is None:
    st.stop()
f, market = since_view.next_texts(frames, L)
st.markdown(prose("since", "next_intro", **f))

st.subheader(t("since.capex.title"))
st.markdown(prose("since", "capex", **f))
capex_rows = since_view.capex_view(frames["capex"], frames["capex_since"], sources, frames["companies"], L)
show(
    build(since_charts.capex_chart, capex_rows, since_view.capex_titles(L), style=True),
    t("since.capex.alt", big4_change=f["big4_change"]),
    key="wn_since_capex",
    export=Export(
        "what-next",
        "capex",
        t("since.capex.title"),
        source_line(sources, *fs.sources(*since_view.named(fs, "capex."))),
        since_view.as_of_text(fs, (*since_view.named(fs, "capex."),), L),
    ),
)
st.caption(t("since.capex.caption") + " " + source_line(sources, *fs.sources(*since_view.named(fs, "capex."))))

st.subheader(t("since.nvidia.title"))
st.markdown(prose("since", "nvidia", **f))
show(
    build(
        since_charts.nvidia_chart, since_view.nvidia_view(frames["nvidia_dc_revenue"], L), since_view.nvidia_titles(L)
    ),
    t("since.nvidia.alt", dc_latest=f["dc_latest"]),
    key="wn_since_nvidia",
    export=Export(
        "what-next",
        "nvidia-data-centre-revenue",
        t("since.nvidia.title"),
        source_line(sources, *fs.sources("nvda.dc_latest", "nvda.dc_yoy", "nvda.dc_since_shock", "nvda.dc_fy")),
        since_view.as_of_text(
            fs,
            (
                "nvda.dc_latest",
                "nvda.dc_yoy",
                "nvda.dc_since_shock",
                "nvda.dc_fy",
            ),
            L,
        ),
    ),
)
st.caption(
    t("since.nvidia.caption")
    + " "
    + source_line(sources, *fs.sources("nvda.dc_latest", "nvda.dc_yoy", "nvda.dc_since_shock", "nvda.dc_fy"))
)

st.subheader(t("since.rental.title"))
st.markdown(prose("since", "rental", **f))
show(
    build(since_charts.rental_chart, since_view.rental_view(frames["gpu_rental"], L), since_view.rental_titles()),
    t("since.rental.alt"),
    key="wn_since_rental",
    export=Export(
        "what-next",
        "h100-rental-prices",
        t("since.rental.title"),
        source_line(sources, *frames["gpu_rental"]["source_id"]),
        since_view.as_of_text(fs, tuple(since_view.named(fs, "rental.")), L),
    ),
)
st.caption(t("since.rental.caption") + " " + source_line(sources, *frames["gpu_rental"]["source_id"]))

st.subheader(t("since.stargate.title"))
st.markdown(prose("since", "stargate", **f))
show(
    build(
        since_charts.stargate_chart,
        since_view.stargate_view(frames["stargate_timeline"], frames["stargate_compute_since"], L),
        since_view.number(fs, "stargate.goal_gw"),
        since_view.stargate_titles(f),
    ),
    t("since.stargate.alt", gw_first=f["gw_first"], gw_now=f["gw_now"]),
    key="wn_since_stargate",
    export=Export(
        "what-next",
        "stargate-gigawatts",
        t("since.stargate.title"),
        source_line(sources, *fs.sources("stargate.gw_first", "stargate.gw", "deals.count")),
        since_view.as_of_text(
            fs,
            (
                "stargate.gw_first",
                "stargate.gw",
                "deals.count",
            ),
            L,
        ),
    ),
)
with st.expander(t("since.stargate.table_title")):
    st.dataframe(since_view.milestones_table(frames["stargate_compute_since"], L), hide_index=True, width="stretch")
st.caption(
    t("since.stargate.caption")
    + " "
    + source_line(sources, *fs.sources("stargate.gw_first", "stargate.gw", "deals.count"))
)
pages.link("stargate", label=t("next.stargate.link"))

st.subheader(t("since.deepseek.title"))
st.markdown(prose("since", "deepseek", **f))
st.dataframe(since_view.releases_table(frames["deepseek_releases"], dates, L), hide_index=True, width="stretch")
r1 = cached(demand.r1_figures, facts, dates)
r = r1.texts(L)
st.markdown(prose("next", "r1", date=r["date"], cost=r["cost"], gpus=r["gpus"], hours=r["hours"], v3=r["v3_cost"]))
st.caption(
    t("since.deepseek.caption")
    + " "
    + source_line(
        sources,
        *fs.sources("deepseek.releases", "deepseek.latest_to_v3", "bench.deepseek_r1_0528.aime_2025"),
        *r1.sources(),
    )
)

st.subheader(t("since.market.title"))
st.markdown(prose("since", "market", **f))
st.markdown(market)
st.caption(t("since.market.caption") + " " + source_line(sources, *fs.sources(*since_view.named(fs, "group.")), "SVE"))
pages.link("stocks", label=t("since.market.link"))

st.subheader(t("since.tool.title"))
st.markdown(prose("since", "tool", **f))

st.header(t("since.verdict.title"))
st.markdown(prose("since", "verdict", **f))
