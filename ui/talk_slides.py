"""The guided tour's slides and controls: one heading, one chart (or one big figure), one sentence
and a speaker note a step, built from the same data, models and chart builders as the full pages.

Which steps exist and the step arithmetic live in ``core.talk``. The step is kept in
``st.session_state["_step"]`` and the URL (``?step=4``); speaker notes show with ``?notes=1``
(``st.session_state["_notes"]``): ``ui.chrome.url_parameter_notice`` reads those states, so neither
parameter is reported as ignored. Charts are reused as the pages draw them, with two presenter
adjustments made here, not in the builders: a height that fits one 1920×1080 screen, and text
labels scaled with the chart font size (the builders draw them at a fixed size).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import altair as alt
import pandas as pd
import streamlit as st

from core import capex, costs, demand, headlines, stargate, stocks, talk
from core import deepseek as ds
from core import scenarios as S
from core.datasets import DataError, date_of, fact
from core.formatting import fmt_compact, fmt_date, fmt_money, fmt_number, fmt_pct
from core.hardware import peak_flops_per_s
from core.paths import ROOT
from ui import pages
from ui.charts import chart_layers, grow_text, show, styled
from ui.cite import source_line
from ui.data import load, load_many
from ui.i18n import t

STEP_STATE, STEP_PARAM = "_step", "step"
NOTES_STATE, NOTES_PARAM = "_notes", "notes"
BASE_FONT = 13  # the chart font size the builders' fixed text sizes are made for
# Chart height (px) for readers / in presenter view, where heading, chart and sentence fit a 1920×1080
# screen: "full" for most charts; "tall" for charts whose legend needs the room below them on a
# narrow page; "short" for charts of a few bars (None: the builder's own height);
# "rows" keeps the builder's height when it sizes the chart per row.
HEIGHT = {"full": {False: 420, True: 560}, "tall": {False: None, True: 560}, "short": {False: None, True: 420},
          "rows": {False: None, True: None}}

# Our own constant stylesheets (nothing from data or the URL goes into them). The arrow-key buttons
# stay in the page, so their shortcuts work, but are not drawn; the slide's sentence reads larger
# than body text; in presenter view the big figure is bigger still and the citation smaller.
CSS = """
<style>
.st-key-talk_left, .st-key-talk_right { display: none !important; }
.stApp .st-key-talk_sentence p { font-size: 1.2rem; font-weight: 600; line-height: 1.45; }
</style>
"""
CSS_PRESENT = """
<style>
.stApp .st-key-talk_sentence p { font-size: 1.85rem; line-height: 1.35; }
.stApp .st-key-talk_figure [data-testid="stMetricValue"], .stApp .st-key-talk_figure [data-testid="stMetricValue"] * {
  font-size: 7rem !important; line-height: 1.1; }
.stApp .st-key-talk_figure [data-testid="stMetricLabel"] p { font-size: 2rem; }
.stApp .st-key-talk_source p { font-size: 1.05rem; line-height: 1.4; }
.stApp .st-key-talk_nav p { font-size: 1.6rem; }
</style>
"""


@dataclass(frozen=True)
class Slide:
    heading: str
    sentence: str
    note: str
    alt: str  # what the chart or figure shows, for screen readers
    source: str
    chart: alt.TopLevelMixin | None = None
    figure: tuple[str, str, tuple[str, ...]] | None = None  # label, value, detail lines


# ---- step and notes, in session state and the URL ----------------------------------------------

def current_step() -> int:
    """The step shown: seeded once from ``?step=`` (clamped), then kept in session state and the URL."""
    if STEP_STATE not in st.session_state:
        st.session_state[STEP_STATE] = talk.clamp_step(st.query_params.get(STEP_PARAM, 1))
    step = talk.clamp_step(st.session_state[STEP_STATE])
    st.session_state[STEP_STATE] = step
    if st.query_params.get(STEP_PARAM) != str(step):
        st.query_params[STEP_PARAM] = str(step)
    return step


def notes_on() -> bool:
    """Speaker notes: only with ``?notes=1`` (never shown to an audience by default)."""
    if NOTES_STATE not in st.session_state:
        st.session_state[NOTES_STATE] = st.query_params.get(NOTES_PARAM, "") in ("1", "true")
    if st.session_state[NOTES_STATE]:
        st.query_params[NOTES_PARAM] = "1"
    elif NOTES_PARAM in st.query_params:
        del st.query_params[NOTES_PARAM]
    return bool(st.session_state[NOTES_STATE])


def _move(delta: int) -> None:
    step = talk.clamp_step(st.session_state.get(STEP_STATE, 1))
    st.session_state[STEP_STATE] = talk.next_step(step) if delta > 0 else talk.previous_step(step)


# Every data file some step reads: a presenter learns on any step that a later one would fail.
TOUR_FILES = ("facts", "dates", "events", "prices", "companies", "models_compute", "capex", "peer_costs", "gpus",
              "benchmarks_v3", "benchmark_models", "presets", "sources")


def data_problems() -> list[DataError]:
    """The broken files among those the tour reads (each names file, line and column)."""
    return load_many(TOUR_FILES)[1]


def navigation(step: int, presenting: bool) -> None:
    """Previous / Next (PageUp / PageDown: what clickers send), the arrow keys, 'step n / N', progress.

    A Streamlit button takes one shortcut, so the arrow keys have buttons of their own, hidden by CSS.
    """
    st.html(CSS)
    if presenting:
        st.html(CSS_PRESENT)
    first, last = step == 1, step == talk.COUNT
    with st.container(horizontal=True, vertical_alignment="center", gap="medium", key="talk_nav"):
        st.button(t("talk.prev"), key="talk_prev", shortcut="PageUp", on_click=_move, args=(-1,), disabled=first,
                  icon=":material/arrow_back:", help=t("talk.prev_help"))
        st.markdown(t("talk.counter", step=step, count=talk.COUNT))
        st.button(t("talk.next"), key="talk_next", shortcut="PageDown", on_click=_move, args=(1,), disabled=last,
                  icon=":material/arrow_forward:", type="primary", help=t("talk.next_help"))
        st.button(t("talk.prev"), key="talk_left", shortcut="Left", on_click=_move, args=(-1,), disabled=first)
        st.button(t("talk.next"), key="talk_right", shortcut="Right", on_click=_move, args=(1,), disabled=last)
    st.progress(talk.progress(step))


def render(slide: Slide, step: talk.Step, notes: bool, presenting: bool) -> None:
    st.title(slide.heading)
    if slide.chart is not None:
        show(slide.chart, slide.alt, key=f"talk_{step.id}", name=f"tour-{step.id}", export=not presenting)
    else:
        label, value, lines = slide.figure
        with st.container(border=True, key="talk_figure"):
            st.metric(label, value)
            for line in lines:
                st.markdown(line)
    with st.container(key="talk_sentence"):
        st.markdown(slide.sentence)
    with st.container(key="talk_source"):
        st.caption(slide.source)
    if notes:
        with st.expander(t("talk.notes"), expanded=True, icon=":material/speaker_notes:"):
            st.markdown(slide.note)
    dive_link(step.page)


def dive_link(page_id: str) -> None:
    """A link to the step's full page that carries the link's settings along (a prepared scenario's
    ``sc_*``, the language, presenter view): Streamlit drops the query string on a page switch."""
    keep = {k: v for k, v in st.query_params.to_dict().items() if k not in (STEP_PARAM, NOTES_PARAM)}
    for p in pages.available():
        if p.id == page_id:
            st.page_link(str(ROOT / p.file), label=t("talk.dive", page=t(f"nav.{p.id}")), icon=p.icon,
                         query_params=keep or None)


def scenario_params(params: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The reader's scenario as a hashable cache key of scenarios-page parameters (``sc_*``): the
    link's, overridden by the scenarios page's controls as this session left them (their state
    outlives a page switch, the URL's parameters do not), so a presenter who adjusts the scenario
    there finds it here on the way back."""
    found = {k: str(v) for k, v in params.items() if k.startswith("sc_")}
    live = {key: st.session_state.get(key) for key in [c.key for c in S.NUMBER_CONTROLS] + [S.GPU_KEY, S.PRECISION_KEY]}
    live |= {key: st.session_state.get(f"_choice_{key}") for key in (S.COST_KEY, S.PRESET_KEY)}
    found |= {k: str(v) for k, v in live.items() if v is not None}
    return tuple(sorted(found.items()))


# ---- the slides ---------------------------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=200)
def build(step_id: str, lang: str, font: int, dark: bool, scenario: tuple[tuple[str, str], ...] = ()) -> Slide:
    """One step's slide in ``lang`` at chart font size ``font`` (presenter view is larger; the chart
    builders and ``_fit`` read it from ``ui.present``, so it is part of the cache key), in the
    ``dark`` theme or not; ``scenario``: the reader's scenario parameters (scenario step only)."""
    builder = _BUILDERS[step_id]
    return builder(lang, dark, dict(scenario)) if step_id == "scenario" else builder(lang, dark)


def _fit(chart: alt.TopLevelMixin, size: str = "full", max_text: int = 40, label_limit: int | None = None
         ) -> alt.TopLevelMixin:
    """The chart sized for one screen (``size``: a key of HEIGHT).
    In presenter view (a larger chart font) the legend goes to the right, where a 1920-pixel-wide
    screen has room, and text labels the builders draw at a fixed size grow with the font (up to
    ``max_text`` px, for dense charts); ``label_limit`` widens truncated axis labels."""
    from ui.present import chart_font_size

    font = chart_font_size()
    presenting = font > BASE_FONT
    if presenting:
        grow_text(chart, font / BASE_FONT, max_text)
        if label_limit:
            _label_limit(chart, label_limit)
        chart = chart.configure_legend(orient="right", labelFontSize=font - 2, titleFontSize=font - 2, labelLimit=420,
                                       symbolSize=160)
    height = HEIGHT[size][presenting]
    return chart if height is None else chart.properties(height=height)




def _label_limit(chart, px: int) -> None:
    for layer in chart_layers(chart):
        y = getattr(getattr(layer, "encoding", None), "y", alt.Undefined)
        axis = y["axis"] if isinstance(y, alt.Y) else alt.Undefined  # (y.axis is Altair's setter method)
        if isinstance(axis, alt.Axis):
            axis.labelLimit = px


def _usd(v: float, lang: str, digits: int = 0) -> str:
    return fmt_money(v, "USD", lang, digits)


def _t(step_id: str, part: str, **fields) -> str:
    return t(f"talk.{step_id}.{part}", **fields)


def _shock(lang: str, dark: bool) -> Slide:
    facts, dates, events, prices, sources = load("facts"), load("dates"), load("events"), load("prices"), load("sources")
    nvda = events.loc[events["source_id"] == "EV-NVDA-0127"].iloc[0]
    day = nvda["date"].date()
    days = stocks.trading_days(prices)
    prev = days[days.index(day) - 1]
    f = dict(r1=fmt_date(date_of(dates, "r1_release"), lang), day=fmt_date(day, lang),
             fraction=fmt_pct(fact(facts, "article_cost_fraction_max"), lang, 0, signed=False),
             loss=_usd(fact(facts, "nvda_market_value_loss_usd_2025_01_27"), lang),
             move=fmt_pct(stocks.change_at(prices, prev, day)["NVDA"], lang), prev=fmt_date(prev, lang))
    return Slide(_t("shock", "heading", **f), _t("shock", "sentence", **f), _t("shock", "note", **f),
                 _t("shock", "alt", **f), source_line(sources, "R1G", "ARTICLE", "EV-NVDA-0127"),
                 figure=(_t("shock", "figure_label", **f), f["loss"], (_t("shock", "figure_detail", **f),)))


def _who_fell(lang: str, dark: bool) -> Slide:
    from ui import stocks_view as view
    from ui.stocks_charts import drawdown_bars

    prices, companies, sources = load("prices"), load("companies"), load("sources")
    base, start, end = stocks.ARTICLE_BASE_DATE, *stocks.SHOCK_WINDOW
    bars = view.drawdown_view(base, start, end, tuple(stocks.chart_tickers(companies)), lang)
    moves = headlines.market_headline(prices, companies)
    name = dict(zip(companies["ticker"], companies[f"name_{lang}"]))
    chg = {tk: c for g in moves.values() for tk, c in g.changes}
    f = dict(base=fmt_date(base, lang), start=fmt_date(start, lang, "medium"), end=fmt_date(end, lang, "medium"),
             gafam=fmt_pct(min(moves["gafam"].worst, 0.0), lang), nvda=name["NVDA"], nvda_move=fmt_pct(chg["NVDA"], lang),
             avgo=name["AVGO"], avgo_move=fmt_pct(chg["AVGO"], lang), power=fmt_pct(moves["power"].median, lang),
             power_count=moves["power"].count, worst=fmt_pct(moves["power"].worst, lang),
             worst_name=name[moves["power"].worst_ticker], count=len(bars))
    return Slide(_t("who_fell", "heading"), _t("who_fell", "sentence", **f), _t("who_fell", "note", **f),
                 _t("who_fell", "alt", **f), source_line(sources, *prices["source_id"].unique(), "SVE"),
                 chart=_fit(styled(drawdown_bars(bars, view.bar_titles())), "rows"))


def _scaling(lang: str, dark: bool) -> Slide:
    from core import scaling
    from ui import scaling_charts as charts

    models, sources = load("models_compute"), load("sources")
    first, last = int(models["date"].dt.year.min()), int(models["date"].dt.year.max())
    trend = scaling.trend_fit(models["date"], models["training_compute_flop"], first, last)
    words = {k: t(f"scaling.words.{k}") for k in ("date", "compute", "model", "organization", "confidence_title",
                                                   "deepseek", "others")}
    words["confidence"] = {c: t(f"scaling.confidence.{c}") for c in charts.CONFIDENCE_SHAPES}
    words["trend_label"] = t("scaling.trend.label", growth=fmt_number(trend.growth_per_year, lang, 1))
    by_model = models.set_index("model")
    f = dict(first=first, last=last, count=len(models), growth=fmt_number(trend.growth_per_year, lang, 1),
             months=fmt_number(trend.doubling_months, lang, 1),
             v3=scaling.flop_label(by_model.loc[charts.HIGHLIGHT_MODEL, "training_compute_flop"]),
             top=scaling.flop_label(models["training_compute_flop"].max()),
             top_model=models.loc[models["training_compute_flop"].idxmax(), "model"])
    return Slide(_t("scaling", "heading"), _t("scaling", "sentence", **f), _t("scaling", "note", **f),
                 t("scaling.trend.alt", count=len(models), first=first, last=last), source_line(sources, "EPM"),
                 chart=_fit(styled(charts.compute_over_time(models, trend, words, lang, dark))))


def _stargate(lang: str, dark: bool) -> Slide:
    from ui.capex_charts import plan_actual_chart, plan_actual_rows

    facts, dates, capex_df, sources = load("facts"), load("dates"), load("capex"), load("sources")
    cost = headlines.cost_headline(facts)
    announced = date_of(dates, "stargate_announced")
    article_date = sources.loc[sources["source_id"] == "ARTICLE", "date"].iloc[0].date()
    tickers = ["MSFT", "GOOGL", "AMZN", "META"]
    plan = capex.plan_vs_actual(capex_df, tickers, announced.year, article_date)
    names = {tk: t(f"stargate.company.{tk}") for tk in tickers}
    unit = 1e8 if lang == "ja" else 1e9  # 億ドル / USD billion, as the axis title says
    rows = plan_actual_rows(plan, names, unit, lambda v: _usd(v, lang, 1), (t("stargate.capex.reference"),
                                                                             cost.stargate_per_year_usd))
    legend = {k: t(f"stargate.capex.legend_{k}") for k in ("reference", "plan", "actual")}
    f = dict(date=fmt_date(announced, lang), budget=_usd(cost.stargate_usd, lang), years=fmt_number(cost.stargate_years, lang),
             per_year=_usd(cost.stargate_per_year_usd, lang), initial=_usd(fact(facts, "stargate_initial_usd"), lang),
             year=announced.year)
    return Slide(_t("stargate", "heading", **f), _t("stargate", "sentence", **f), _t("stargate", "note", **f),
                 t("stargate.capex.alt"), source_line(sources, "STARGATE-OAI", *plan["source_id"]),
                 chart=_fit(plan_actual_chart(rows, t("stargate.spend.axis"), legend, BASE_FONT), "short"))


def _cost(lang: str, dark: bool) -> Slide:
    from ui import deepseek_charts as charts
    from ui import deepseek_view as view

    facts, peers, sources = load("facts"), load("peer_costs"), load("sources")
    cost = headlines.cost_headline(facts)
    est = ds.peer_estimates(facts, peers, cost.v3_price_usd_per_gpu_hour)
    ranges = ds.peer_ranges(est)
    f = dict(v3=_usd(cost.v3_cost_usd, lang, 3), hours=fmt_compact(cost.v3_gpu_hours, lang, 3),
             price=_usd(cost.v3_price_usd_per_gpu_hour, lang, 0), gpt4o=_usd(cost.gpt4o_cost_estimate_usd, lang),
             ratio=fmt_number(cost.gpt4o_to_v3, lang), gpus=fmt_number(fact(facts, "v3_cluster_gpus"), lang),
             fleet=_usd(fact(facts, "ds_fleet_server_capex_usd"), lang, 1),
             fraction=fmt_pct(fact(facts, "article_cost_fraction_max"), lang, 0, signed=False))
    return Slide(_t("cost", "heading"), _t("cost", "sentence", **f), _t("cost", "note", **f),
                 view.peer_alt(ranges, lang), source_line(sources, *est["source_id"]),
                 chart=_fit(styled(charts.peer_chart(est, ranges, view.peer_words(), lang, dark)), "tall"))


def _why_cheap(lang: str, dark: bool) -> Slide:
    from ui import deepseek_charts as charts

    facts, gpus, sources = load("facts"), load("gpus"), load("sources")
    head = ds.v3_headline(facts, fact(facts, "v3_rental_price_usd_per_gpu_hour"))
    total, active = fact(facts, "ds_v3_total_params"), fact(facts, "ds_v3_active_params")
    r = ds.dense_vs_moe(total, active, head.tokens, active, head.tokens, fact(facts, "v3_gpu_hours_pretraining"),
                        peak_flops_per_s(gpus, "H800"), fact(facts, "v3_rental_price_usd_per_gpu_hour"))
    f = dict(total=fmt_compact(total, lang, 0), active=fmt_compact(active, lang, 0), tokens=fmt_compact(head.tokens, lang, 1),
             ratio=fmt_number(r.ratio, lang, 1), share=fmt_pct(active / total, lang, 1, signed=False),
             dense_cost=_usd(r.dense_cost_usd, lang, 1), moe_cost=_usd(r.moe_cost_usd, lang, 1))
    w = {k: t(f"deepseek.why.{k}", total=f["total"], active=f["active"], tokens=f["tokens"])
         for k in ("dense", "moe_bar", "flops", "kind", "chart_title")}
    return Slide(_t("why_cheap", "heading"), _t("why_cheap", "sentence", **f), _t("why_cheap", "note", **f),
                 t("deepseek.why.alt", total=f["total"], active=f["active"], ratio=f["ratio"]),
                 source_line(sources, "V3R"),
                 chart=_fit(styled(charts.moe_chart(r.dense_flops, r.moe_flops, w, lang, dark)), "short"))


def _benchmarks(lang: str, dark: bool) -> Slide:
    from ui import deepseek_charts as charts

    bench, models, sources = load("benchmarks_v3"), load("benchmark_models"), load("sources")
    rows = ds.benchmark_rows(bench, models, list(ds.DEFAULT_BENCHMARKS))
    s = ds.v3_standing(rows)
    words = {k: t(f"deepseek.perf.{k}") for k in ("score", "benchmark", "model", "open", "closed", "access")}
    f = dict(n=s.benchmarks, open=s.best_open, gpt4o=s.above_gpt4o, top=s.best_overall)
    chart = styled(charts.benchmark_chart(rows, words, dark))
    return Slide(_t("benchmarks", "heading"), _t("benchmarks", "sentence", **f), _t("benchmarks", "note", **f),
                 t("deepseek.perf.alt", n=s.benchmarks, open=s.best_open), source_line(sources, "V3-README", "V3R"),
                 chart=_fit(chart, "tall", max_text=14, label_limit=360))


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
    comp = pd.DataFrame([(t("scenarios.compare.mine"), r.total_cost_usd, True), (t("scenarios.compare.v3"), v3, False),
                         (t("scenarios.compare.stargate"), budget, False)], columns=["name", "usd", "mine"])
    comp["label"] = comp["usd"].map(money)
    preset = params.get(S.PRESET_KEY)
    base = preset if preset in ("llama", "gpt4") else S.DEFAULT_PRESET  # the preset the values start from
    own = t(f"scenarios.preset.{preset}") if preset in S.PRESETS else t(f"scenarios.preset.{S.DEFAULT_PRESET}") \
        if not params else t("scenarios.preset.own")
    f = dict(preset=own, gpus=fmt_number(s.n_gpus, lang), gpu=s.gpu, mfu=fmt_pct(s.mfu, lang, 1, signed=False),
             active=fmt_compact(s.active_params, lang, 1), tokens=fmt_compact(s.tokens, lang, 2),
             days=fmt_number(r.days, lang, 1), cost=money(r.total_cost_usd), v3=comp["label"][1], budget=comp["label"][2],
             runs=fmt_compact(costs.runs_in_budget(budget, r.total_cost_usd), lang, 1),
             ratio=fmt_number(costs.cost_ratio(r.total_cost_usd, v3), lang, 2))
    return Slide(_t("scenario", "heading"), _t("scenario", "sentence", **f), _t("scenario", "note", **f),
                 t("scenarios.compare.alt", mine=f["cost"], v3=f["v3"], stargate=f["budget"]),
                 source_line(sources, *presets.loc[presets["preset"] == base, "source_id"].unique(), "STARGATE-OAI"),
                 chart=_fit(comparison_chart(comp, t("scenarios.compare.axis"), lang), "short"))


def _next(lang: str, dark: bool) -> Slide:
    from ui.demand_charts import curve_rows, spending_chart
    from ui.present import chart_font_size

    facts, dates, sources = load("facts"), load("dates"), load("sources")
    k = 1 / fact(facts, "article_cost_fraction_max")  # the article's "a tenth or less"
    e, share = 1.0, 1.0  # the What-next page's defaults: unit elasticity, the whole saving passed on
    out = demand.outcome(k, e, share)
    times = lambda v: f"{fmt_number(v, lang, 2 if v < 10 else 0)}×"  # noqa: E731
    rows = curve_rows(list(demand.CURVE_ELASTICITIES), e, share, lambda v: t("next.chart.series", eps=fmt_number(v, lang, 2)))
    titles = {"x": t("next.chart.x"), "y": t("next.chart.y"), "series": t("next.chart.series_title"),
              "today": t("next.chart.today"), "marker": t("next.chart.marker", k=times(k))}
    low, high = (min(demand.CURVE_ELASTICITIES), max(demand.CURVE_ELASTICITIES))
    f = dict(k=fmt_number(k, lang, 0 if k >= 10 else 1), even=fmt_number(demand.break_even_elasticity(k, share), lang, 2),
             nadella=fmt_date(date_of(dates, "nadella_jevons_post"), lang),
             low=fmt_number(low, lang, 1), low_compute=times(demand.outcome(k, low, share).compute),
             high=fmt_number(high, lang, 1), high_compute=times(demand.outcome(k, high, share).compute))
    return Slide(_t("what_next", "heading"), _t("what_next", "sentence", **f), _t("what_next", "note", **f),
                 t("next.chart.alt", share=fmt_pct(share, lang, 0, False), eps=fmt_number(e, lang, 2), k=times(k),
                   compute=times(out.compute)), source_line(sources, "ARTICLE", "NADELLA-JEVONS"),
                 chart=_fit(spending_chart(rows, k, (k, out.compute), titles, lambda es: t(
                     "next.chart.series", eps=("、" if lang == "ja" else ", ").join(fmt_number(v, lang, 2) for v in es)),
                     chart_font_size())))


def _thesis(lang: str, dark: bool) -> Slide:
    facts, sources = load("facts"), load("sources")
    cost = headlines.cost_headline(facts)
    runs = stargate.runs_of(cost.stargate_usd, {"v3": cost.v3_cost_usd, "gpt4o": cost.gpt4o_cost_estimate_usd})
    f = dict(budget=_usd(cost.stargate_usd, lang), v3=_usd(cost.v3_cost_usd, lang, 3), runs=stargate.format_count(runs["v3"], lang),
             gpt4o=_usd(cost.gpt4o_cost_estimate_usd, lang), gpt4o_runs=stargate.format_count(runs["gpt4o"], lang))
    return Slide(_t("thesis", "heading"), _t("thesis", "sentence", **f), _t("thesis", "note", **f), _t("thesis", "alt", **f),
                 source_line(sources, "ARTICLE", "STARGATE-OAI", "V3R"),
                 figure=(_t("thesis", "figure_label", **f), f["runs"], (_t("thesis", "figure_detail", **f),)))


_BUILDERS = {"shock": _shock, "who_fell": _who_fell, "scaling": _scaling, "stargate": _stargate, "cost": _cost,
             "why_cheap": _why_cheap, "benchmarks": _benchmarks, "scenario": _scenario, "what_next": _next, "thesis": _thesis}
