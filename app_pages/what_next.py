"""What next: does efficiency shrink or grow the demand for AI infrastructure?"""

import streamlit as st

from core import capex, demand, stargate
from ui import layout, pages
from ui.capex_charts import capex_chart, later_items
from ui.charts import build, build_named, group_label, show
from ui.cite import source_line
from ui.data import require
from ui.demand_charts import chart_rows, chart_titles, spending_template
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.present import chart_font_size
from ui.process import fragment
from ui.stargate_view import timeline_items

L = lang()
sources, facts, dates, capex_df, prices, companies, timeline = require(
    "sources", "facts", "dates", "capex", "prices", "companies", "stargate_timeline"
)
article = capex.article_date(sources)
start = cached(demand.figures, facts, dates, None, None, None)  # at the defaults: the article's gain
intro = start.figs.texts(L, "shock", "nadella", "fraction", "marker")

st.title(t("next.title"))
st.markdown(prose("next", "intro", shock=intro["shock"], nadella=intro["nadella"], fraction=intro["fraction"]))
st.caption(source_line(sources, *start.figs.sources("fraction", "nadella")))

st.header(t("next.model.title"))
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
    font = chart_font_size()  # line labels grow with the chart font in presenter view
    titles = chart_titles(nf, L)
    show(
        build_named(
            spending_template,
            chart_rows(nf, L, font),
            {name: titles[name] for name in ("x", "y", "series")},
            font,
            table="lines",
        ),
        t("next.chart.alt", share=x["share"], eps=x["eps"], k=x["k"], compute=x["compute"]),
        key="wn_chart",
        name="what-next-compute",
    )


layout.style(wide=False)
with layout.block():  # the strip stays in view while the reader is in the model's block
    model_block()

# ---- Evidence since --------------------------------------------------------------------------
# The capex chart and Stargate's steps are the Stargate page's own figures (the same objects, one
# builder): here they are the evidence since the article, there the scale of the bet.
st.header(t("next.evidence.title"))
st.subheader(t("next.capex.title"))
plans = cached(capex.capex_figures, capex_df, companies, facts, dates, sources)
as_of = plans.as_of.text(L)
st.markdown(prose("next", "capex", year=plans.year, as_of=as_of))
show(
    build(capex_chart, plans, L),
    t("stargate.capex.alt", year=plans.year, as_of=as_of),
    key="wn_capex_chart",
    name="what-next-capex",
)
later = later_items(plans, L)
if later:
    st.markdown(t("next.capex.later", year=plans.later_year, items=t("next.capex.sep").join(later)))
st.caption(t("stargate.capex.caption"))
st.caption(source_line(sources, *plans.sources(later=True)))

st.subheader(t("next.stocks.title"))
checks = cached(demand.share_checks, prices, companies, article)
st.markdown(prose("next", "stocks", base=checks.base.text(L), article=checks.article.text(L), last=checks.last.text(L)))
for g in checks.groups:
    st.markdown(
        t(
            "next.stocks.line",
            group=group_label(g.group),
            count=g.count.text(L),
            fell=g.fell.text(L),
            article=checks.article.text(L),
            recovered=g.recovered.text(L),
            median_a=g.median_article.text(L),
            last=checks.last.text(L),
            below=g.below.text(L),
            median_z=g.median_last.text(L),
        )
    )
st.caption(source_line(sources, *checks.sources))

st.subheader(t("next.r1.title"))
r1 = cached(demand.r1_figures, facts, dates)
r = r1.texts(L)
st.markdown(prose("next", "r1", date=r["date"], cost=r["cost"], gpus=r["gpus"], hours=r["hours"], v3=r["v3_cost"]))
st.caption(source_line(sources, *r1.sources()))

st.subheader(t("next.stargate.title"))
st.markdown(prose("next", "stargate"))
for text, ids in cached(timeline_items, cached(stargate.timeline_figures, timeline, article), L):
    st.markdown(text)
    st.caption(source_line(sources, *ids))
pages.link("stargate", label=t("next.stargate.link"))

st.header(t("next.close.title"))
st.markdown(prose("next", "close"))
