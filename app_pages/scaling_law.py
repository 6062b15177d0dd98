"""The scaling law: what scale bought (compute over time, loss per 10× of compute) and at what price."""

import streamlit as st

from core import scaling
from ui import scaling_charts as charts
from ui import since_view
from ui.cards import metric_row
from ui.charts import Export, build, chart_dark, show
from ui.cite import data_date, source_line
from ui.data import load_many, require, show_data_error
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.present import lead, section_header
from ui.process import fragment
from ui.state import url_choice

L = lang()
DARK = chart_dark()  # the background the charts are drawn for (light in presenter view)
sources, models, fits_table, milestones, gpus, facts = require(
    "sources", "models_compute", "scaling_fits", "scaling_milestones", "gpus", "facts"
)
# what the data alone decides is worked out once per process and file version (ui.memo.cached), not
# on every reader's first load: a room opening the page at once queues for each other's runs
fits = cached(scaling.fits_from_table, fits_table)
words = charts.words() | {"earlier": t("since.scaling.earlier"), "revised": t("since.scaling.revised")}
# Epoch AI's later data (models since the article, revised estimates): without it, the page as it was
LATER = ("models_compute_since",)
later, broken = load_many(LATER)
for err in broken:
    show_data_error(err)

st.title(t("scaling.title"))
st.markdown(prose("scaling", "intro"))

st.header(t("scaling.bets.title"))
st.markdown(cached(charts.milestone_lines, milestones, models, L, charts.milestone_texts(milestones)))
st.caption(source_line(sources, *milestones["source_id"]))


@fragment
def compute_trend() -> None:
    section_header(t("scaling.trend.title"))  # in presenter view it heads the key chart (ui/present.py)
    st.markdown(prose("scaling", "trend"))
    more = not broken and st.toggle(
        t("since.scaling.toggle", **cached(since_view.later_span, later["models_compute_since"], sources, L)),
        key="sl_later",
        bind="query-params",
        help=t("since.scaling.toggle_help"),
    )
    shown = cached(scaling.with_later, models, later["models_compute_since"], sources) if more else models
    first, last = cached(scaling.year_range, shown)
    start, end = st.slider(
        t("scaling.trend.period"),
        first,
        last,
        (first, last),
        key="sl_years",
        bind="query-params",
        help=t("scaling.trend.period_help"),
    )
    figs = cached(scaling.trend_figures, shown, start, end)
    f = figs.texts(L)
    trend = scaling.trend_fit(shown["date"], shown["training_compute_flop"], start, end)
    if trend is None:
        st.info(t("scaling.trend.too_few", start=start, end=end), icon=":material/info:")
    else:
        st.markdown(
            t(
                "scaling.trend.result",
                start=start,
                end=end,
                count=f["fitted"],
                growth=f["growth"],
                months=f["doubling_months"],
                v3=f["v3_compute"],
                v3_6nd=f["v3_6nd"],
                grok=f["grok_compute"],
            )
        )
    # the trend's figures right under the period that moves them, then the chart they read (the page's
    # key chart: first under the title in presenter view, ui/present.py)
    with lead(t("scaling.trend.title")):
        show(
            build(charts.compute_over_time, shown, trend, words | charts.trend_words(figs, L), L, DARK, style=True),
            t("scaling.trend.alt", count=f["models"], first=first, last=last),
            data=models,
            export=Export(
                "scaling-law",
                "compute",
                t("scaling.trend.title"),
                source_line(sources, *figs.sources("v3_compute", "growth")),
                data_date(sources, *figs.sources("v3_compute", "growth"), lang=L),
                {
                    "model": "model",
                    "organization": "organization",
                    "date": "date",
                    "training_compute_flop": "training_compute_flop",
                    "confidence": "confidence",
                },
            ),
        )
    st.caption(t("scaling.trend.caveat") + " " + source_line(sources, *figs.sources("v3_compute", "growth")))
    if not broken:
        revised(more, tuple(shown["source_id"].unique()))


def revised(more: bool, shown_sources: tuple[str, ...]) -> None:
    """Epoch's revisions of the estimates above, with both values dated; with the later models
    shown, how many frontier models have no estimate at all (the trend cannot see them), and every
    source of the points drawn."""
    fs = since_view.figures(
        {"models_compute": models, "models_compute_since": later["models_compute_since"], "sources": sources}
    )
    st.caption(cached(since_view.revisions_caption, models, later["models_compute_since"], sources, more, L))
    gap = fs.get("frontier.no_estimate")
    if more and gap is not None:
        st.warning(
            t(
                "since.scaling.no_estimate",
                **cached(since_view.later_span, later["models_compute_since"], sources, L)
                | {"count": gap.text(L), "date": since_view.day(gap.as_of, L)},
            ),
            icon=":material/visibility_off:",
        )
    if more:
        cited = fs.sources(*since_view.named(fs, "revision."), *since_view.named(fs, "frontier."))
        st.caption(source_line(sources, *shown_sources, *cited))


@fragment
def budget() -> None:
    st.header(t("scaling.budget.title"))
    st.markdown(prose("scaling", "budget"))
    fit_id = url_choice(
        st.segmented_control,
        t("scaling.fit.label"),
        scaling.FIT_IDS,
        scaling.DEFAULT_FIT,
        "sl_fit",
        words["fits"].get,
        help=t("scaling.fit.help"),
    )
    codes = [scaling.compute_code(c) for c in scaling.COMPUTE_STEPS]
    code_label = charts.code_label(L)
    lo, hi = (code_label(scaling.compute_code(c)) for c in scaling.COMPUTE_RANGE)
    code = url_choice(
        st.select_slider,
        t("scaling.compute.label"),
        codes,
        scaling.DEFAULT_COMPUTE,
        "sl_c",
        code_label,
        help=t("scaling.compute.help", lo=lo, hi=hi),
    )
    c = scaling.compute_from_code(code)
    figs = cached(scaling.budget_figures, models, fits_table, fit_id, c)
    b = figs.texts(L)
    metric_row(
        (t("scaling.budget.params"), b["n_params"], t("scaling.budget.params_help")),
        (t("scaling.budget.tokens"), b["d_tokens"], t("scaling.budget.tokens_help", ratio=b["tokens_per_param"])),
        (t("scaling.budget.loss"), b["loss"], t("scaling.budget.loss_help")),
    )
    st.caption(t("scaling.budget.rule", k=b["rule_k"], n=b["rule_n"], d=b["rule_d"], loss=b["rule_loss"]))
    st.caption(
        t("scaling.fit.why", hoff_n=b["hoff_chin_n"], chin_n=b["chin_n"], chin_d=b["chin_d"])
        + " "
        + source_line(sources, "EPC", "CHIN-BLOG")
    )
    with st.expander(t("scaling.fit.constants")):
        st.dataframe(
            cached(charts.constants_table, fits_table, L, charts.constant_labels()), hide_index=True, width="stretch"
        )

    curve = cached(scaling.loss_curve, fits, scaling.log_grid(*scaling.COMPUTE_RANGE))
    decades = cached(scaling.decade_gains, fits[fit_id])
    chosen = {"compute": c, "loss": figs["loss"].number}
    show(
        build(charts.loss_vs_compute, curve, decades, chosen, fit_id, words, L, DARK, style=True),
        t("scaling.loss.alt", fit=words["fits"][fit_id], first=b["gain_first"], last=b["gain_last"]),
        data=curve,
        export=Export(
            "scaling-law",
            "loss",
            t("scaling.budget.title"),
            source_line(sources, "EPC", "CHIN-BLOG"),
            data_date(sources, "EPC", "CHIN-BLOG", lang=L),
            {
                "fit": "fit",
                "compute_flop": "compute_flop",
                "loss": "loss_nats_per_token",
                "n_params": "parameters",
                "d_tokens": "training_tokens",
            },
        ),
    )
    st.markdown(t("scaling.loss.read"))
    real = cached(scaling.tokens_per_param, models)
    rule_k = figs["rule_k"].number
    show(
        build(charts.tokens_per_param_chart, curve, rule_k, real, c, words | charts.rule_words(figs, L), L, style=True),
        t("scaling.tpp.alt"),
        data=curve,
        export=Export(
            "scaling-law",
            "tokens-per-parameter",
            t("scaling.budget.title"),
            source_line(sources, "EPC", "CHIN-BLOG", *figs.sources("v3_tpp")),
            data_date(sources, "EPC", "CHIN-BLOG", *figs.sources("v3_tpp"), lang=L),
            {"fit": "fit", "compute_flop": "compute_flop", "tokens_per_param": "tokens_per_parameter"},
        ),
    )
    st.markdown(t("scaling.tpp.read", llama=b["llama_tpp"], v3=b["v3_tpp"], k=b["rule_k"]))
    st.caption(t("scaling.tpp.caveat", active=b["v3_active"]) + " " + source_line(sources, *figs.sources("v3_tpp")))
    money(c, b)


@fragment  # its GPU, price and MFU controls rerun only this part, not the charts above
def money(c: float, b: dict[str, str]) -> None:
    st.subheader(t("scaling.money.title"))
    options = cached(scaling.priced_gpus, gpus)
    defaults = cached(scaling.v3_reference, models, facts, gpus)
    d = defaults.texts(L, "v3_price", "v3_mfu")
    gpu_key, price_key, mfu_key = scaling.MONEY_KEYS
    g1, g2, g3 = st.columns(len(scaling.MONEY_KEYS))
    gpu = g1.selectbox(
        t("scaling.money.gpu"),
        options,
        index=options.index(scaling.DEFAULT_GPU),
        key=gpu_key,
        bind="query-params",
        help=t("scaling.money.gpu_help"),
    )
    lo, hi, step = scaling.PRICE_RANGE_USD
    price = g2.slider(
        t("scaling.money.price"),
        lo,
        hi,
        defaults["v3_price"].number,
        step,
        format="$%.2f",
        key=price_key,
        bind="query-params",
        help=t("scaling.money.price_help", v3_price=d["v3_price"]),
    )
    lo_pct, hi_pct, step_pct = scaling.MFU_RANGE_PCT
    mfu = g3.slider(
        t("scaling.money.mfu"),
        lo_pct,
        hi_pct,
        scaling.percent(defaults["v3_mfu"].number),
        step_pct,
        format="%d%%",
        key=mfu_key,
        bind="query-params",
        help=t("scaling.money.mfu_help", v3=d["v3_mfu"]),
    )
    figs = cached(scaling.money_figures, gpus, c, gpu, price, scaling.fraction(mfu))
    m = figs.texts(L)
    metric_row((t("scaling.money.hours", gpu=gpu), m["gpu_hours"], None), (t("scaling.money.cost"), m["cost"], None))
    st.caption(
        t("scaling.money.listed", gpu=gpu, price=m["listed_price"], page=t("nav.scenarios"))
        if scaling.known(figs["listed_price"])
        else t("scaling.money.unlisted", gpu=gpu, page=t("nav.scenarios"))
    )
    st.header(t("scaling.takeaway.title"))
    st.markdown(
        prose(
            "scaling",
            "takeaway",
            early_gain=b["gain_early"],
            late_gain=b["gain_last"],
            early_cost=m["early_cost"],
            late_cost=m["late_cost"],
            early_from=b["early_from"],
            early_to=b["early_to"],
            late_from=b["late_from"],
            late_to=b["late_to"],
            gpu=gpu,
        )
    )
    st.caption(source_line(sources, *figs.sources("gpu_hours"), *defaults.sources("v3_mfu")))


compute_trend()
budget()
