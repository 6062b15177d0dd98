"""The scaling law: what scale bought (compute over time, loss per 10× of compute) and at what price."""

import pandas as pd
import streamlit as st

from core import scaling
from core.datasets import fact
from core.formatting import fmt_compact, fmt_money, fmt_number, fmt_pct
from core.hardware import gpu_spec, gpu_table, peak_flops_per_s
from ui import scaling_charts as charts
from ui.charts import build, show
from ui.cite import source_line
from ui.data import require
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.process import fragment
from ui.state import url_choice

L = lang()
DARK = st.context.theme.type == "dark"
sources, models, fits_table, milestones, gpus, facts = require(
    "sources", "models_compute", "scaling_fits", "scaling_milestones", "gpus", "facts"
)
# what the data alone decides is worked out once per process and file version (ui.memo.cached), not
# on every reader's first load: a room opening the page at once queues for each other's runs
fits, rule_k = cached(scaling.fits_from_table, fits_table), cached(scaling.rule_tokens_per_param, fits_table)


def by_name(models: pd.DataFrame) -> pd.DataFrame:
    return models.set_index("model")


by_model = cached(by_name, models)
words = {
    k: t(f"scaling.words.{k}")
    for k in (
        "date",
        "compute",
        "model",
        "organization",
        "confidence_title",
        "deepseek",
        "others",
        "loss",
        "gain",
        "you",
        "tpp",
        "params",
        "tokens",
    )
}
words["rule"] = t("scaling.words.rule", k=fmt_number(rule_k, L))
words["confidence"] = {c: t(f"scaling.confidence.{c}") for c in charts.CONFIDENCE_SHAPES}
words["fits"] = {f: t(f"scaling.fit.{f}") for f in scaling.FIT_IDS}

st.title(t("scaling.title"))
st.markdown(prose("scaling", "intro"))

st.header(t("scaling.bets.title"))


def bets(milestones: pd.DataFrame, by_model: pd.DataFrame, lang: str, texts: dict[str, str]) -> str:
    """The milestones as a Markdown list; ``texts``: each milestone's sentence in ``lang``."""
    lines = []
    for row in milestones.itertuples():
        m = by_model.loc[row.model] if pd.notna(row.model) and row.model in by_model.index else None
        compute = f"{scaling.flop_label(m['training_compute_flop'])} FLOP" if m is not None else ""
        params = fmt_compact(m["parameters"], lang, 0) if m is not None else ""
        when = charts.month_or_day(row.date.date(), row.precision, lang)
        lines.append(f"- **{when}**: {texts[row.key].format(compute=compute, params=params)}")
    return "\n".join(lines)


st.markdown(cached(bets, milestones, by_model, L, {k: t(f"scaling.bets.{k}") for k in milestones["key"]}))
st.caption(source_line(sources, *milestones["source_id"]))


@fragment
def compute_trend() -> None:
    st.header(t("scaling.trend.title"))
    st.markdown(prose("scaling", "trend"))
    first, last = int(models["date"].dt.year.min()), int(models["date"].dt.year.max())
    start, end = st.slider(
        t("scaling.trend.period"),
        first,
        last,
        (first, last),
        key="sl_years",
        bind="query-params",
        help=t("scaling.trend.period_help"),
    )
    trend = scaling.trend_fit(models["date"], models["training_compute_flop"], start, end)
    words["trend_label"] = t("scaling.trend.label", growth=fmt_number(trend.growth_per_year, L, 1)) if trend else ""
    show(
        build(charts.compute_over_time, models, trend, words, L, DARK, style=True),
        t("scaling.trend.alt", count=len(models), first=first, last=last),
    )
    if trend is None:
        st.info(t("scaling.trend.too_few", start=start, end=end), icon=":material/info:")
    else:
        st.markdown(
            t(
                "scaling.trend.result",
                start=start,
                end=end,
                count=trend.n_models,
                growth=fmt_number(trend.growth_per_year, L, 1),
                months=fmt_number(trend.doubling_months, L, 1),
                v3=scaling.flop_label(by_model.loc[charts.HIGHLIGHT_MODEL, "training_compute_flop"]),
                grok=scaling.flop_label(by_model.loc["Grok-3", "training_compute_flop"]),
            )
        )
    st.caption(t("scaling.trend.caveat") + " " + source_line(sources, "EPM"))


@fragment
def budget() -> None:
    st.header(t("scaling.budget.title"))
    st.markdown(prose("scaling", "budget"))
    fit_id = url_choice(
        st.segmented_control,
        t("scaling.fit.label"),
        scaling.FIT_IDS,
        "besiroglu",
        "sl_fit",
        words["fits"].get,
        help=t("scaling.fit.help"),
    )
    codes = [scaling.compute_code(c) for c in scaling.COMPUTE_STEPS]
    code = url_choice(
        st.select_slider,
        t("scaling.compute.label"),
        codes,
        "1e24",
        "sl_c",
        codes_label,
        help=t("scaling.compute.help", lo=codes_label(codes[0]), hi=codes_label(codes[-1])),
    )
    c = scaling.compute_from_code(code)
    fit = fits[fit_id]
    opt = fit.optimum(c)
    n20, d20 = scaling.rule_of_thumb(c, rule_k)
    m1, m2, m3 = st.columns(3)
    m1.metric(t("scaling.budget.params"), fmt_compact(opt.n_params, L, 1), help=t("scaling.budget.params_help"))
    m2.metric(
        t("scaling.budget.tokens"),
        fmt_compact(opt.d_tokens, L, 1),
        help=t("scaling.budget.tokens_help", ratio=fmt_number(opt.tokens_per_param, L, 0)),
    )
    m3.metric(t("scaling.budget.loss"), fmt_number(opt.loss, L, 3), help=t("scaling.budget.loss_help"))
    st.caption(
        t(
            "scaling.budget.rule",
            k=fmt_number(rule_k, L),
            n=fmt_compact(n20, L, 1),
            d=fmt_compact(d20, L, 1),
            loss=fmt_number(fit.loss(n20, d20), L, 3),
        )
    )
    chin = by_model.loc["Chinchilla"]
    st.caption(
        t(
            "scaling.fit.why",
            hoff_n=fmt_compact(fits["hoffmann"].optimum(chin["training_compute_flop"]).n_params, L, 0),
            chin_n=fmt_compact(chin["parameters"], L, 0),
            chin_d=fmt_compact(chin["training_tokens"], L, 1),
        )
        + " "
        + source_line(sources, "EPC", "CHIN-BLOG")
    )
    with st.expander(t("scaling.fit.constants")):
        labels = {"param": t("scaling.fit.param"), "ci": t("scaling.fit.ci"), **words["fits"]}
        st.dataframe(cached(constants_table, fits_table, L, labels), hide_index=True, width="stretch")

    grid = scaling.log_grid(scaling.COMPUTE_STEPS[0], scaling.COMPUTE_STEPS[-1])
    curve = cached(scaling.loss_curve, fits, grid)
    decades = cached(scaling.decade_gains, fit)
    show(
        build(
            charts.loss_vs_compute, curve, decades, {"compute": c, "loss": opt.loss}, fit_id, words, L, DARK, style=True
        ),
        t(
            "scaling.loss.alt",
            fit=words["fits"][fit_id],
            first=fmt_number(decades["gain"].iloc[1], L, 3),
            last=fmt_number(decades["gain"].iloc[-1], L, 3),
        ),
    )
    st.markdown(t("scaling.loss.read"))
    real = cached(scaling.tokens_per_param, models)
    show(build(charts.tokens_per_param_chart, curve, rule_k, real, c, words, L, style=True), t("scaling.tpp.alt"))
    tpp = real.set_index("model")["tokens_per_param"]
    st.markdown(
        t(
            "scaling.tpp.read",
            llama=fmt_number(tpp["Llama 3.1-405B"], L, 0),
            v3=fmt_number(tpp[charts.HIGHLIGHT_MODEL], L, 0),
            k=fmt_number(rule_k, L),
        )
    )
    st.caption(
        t("scaling.tpp.caveat", active=fmt_compact(by_model.loc["DeepSeek-V3", "active_parameters"], L, 0))
        + " "
        + source_line(sources, "EPM")
    )
    money(c, decades)


@fragment  # its GPU, price and MFU controls rerun only this part, not the charts above
def money(c: float, decades: pd.DataFrame) -> None:
    st.subheader(t("scaling.money.title"))
    options = cached(priced_gpus, gpus)
    g1, g2, g3 = st.columns(3)
    gpu = g1.selectbox(
        t("scaling.money.gpu"),
        options,
        index=options.index("H800"),
        key="sl_gpu",
        bind="query-params",
        help=t("scaling.money.gpu_help"),
    )
    price = g2.slider(
        t("scaling.money.price"),
        0.5,
        10.0,
        float(fact(facts, "v3_rental_price_usd_per_gpu_hour")),
        0.05,
        format="$%.2f",
        key="sl_price",
        bind="query-params",
        help=t(
            "scaling.money.price_help", v3_price=fmt_money(fact(facts, "v3_rental_price_usd_per_gpu_hour"), "USD", L, 0)
        ),
    )
    v3_mfu = scaling.reference_mfu(
        by_model.loc["DeepSeek-V3", "active_parameters"],
        by_model.loc["DeepSeek-V3", "training_tokens"],
        fact(facts, "v3_gpu_hours_pretraining"),
        peak_flops_per_s(gpus, "H800"),
    )
    mfu = g3.slider(
        t("scaling.money.mfu"),
        10,
        70,
        round(v3_mfu * 100),
        1,
        format="%d%%",
        key="sl_mfu",
        bind="query-params",
        help=t("scaling.money.mfu_help", v3=fmt_pct(v3_mfu, L, 0, signed=False)),
    )
    peak = peak_flops_per_s(gpus, gpu)
    hours, usd = scaling.budget_cost(c, peak, mfu / 100, price)
    k1, k2 = st.columns(2)
    k1.metric(t("scaling.money.hours", gpu=gpu), fmt_compact(hours, L, 1))
    k2.metric(t("scaling.money.cost"), fmt_money(usd, "USD", L, 1))
    listed = gpu_spec(gpus, gpu, "rental_usd_per_hour")
    st.caption(
        t("scaling.money.listed", gpu=gpu, price=fmt_money(listed, "USD", L, 2), page=t("nav.scenarios"))
        if listed
        else t("scaling.money.unlisted", gpu=gpu, page=t("nav.scenarios"))
    )
    step = [scaling.budget_cost(v, peak, mfu / 100, price)[1] for v in decades["compute_flop"]]
    st.header(t("scaling.takeaway.title"))
    st.markdown(
        prose(
            "scaling",
            "takeaway",
            early_gain=fmt_number(decades["gain"].iloc[2], L, 3),
            late_gain=fmt_number(decades["gain"].iloc[-1], L, 3),
            early_cost=fmt_money(step[2] - step[1], "USD", L, 1),
            late_cost=fmt_money(step[-1] - step[-2], "USD", L, 1),
            early_from=scaling.flop_label(decades["compute_flop"].iloc[1]),
            early_to=scaling.flop_label(decades["compute_flop"].iloc[2]),
            late_from=scaling.flop_label(decades["compute_flop"].iloc[-2]),
            late_to=scaling.flop_label(decades["compute_flop"].iloc[-1]),
            gpu=gpu,
        )
    )
    st.caption(source_line(sources, *cached(gpu_source_ids, gpus, gpu), "V3R"))


def codes_label(code: str) -> str:
    return f"{scaling.flop_label(scaling.compute_from_code(code))} FLOP"


def priced_gpus(gpus: pd.DataFrame) -> list[str]:
    """The GPUs with a BF16 peak (the only ones a compute budget converts to GPU-hours)."""
    table = gpu_table(gpus)
    return list(table.index[table["bf16_dense_tflops"].notna()])


def gpu_source_ids(gpus: pd.DataFrame, gpu: str) -> list[str]:
    used = gpus[(gpus["gpu"] == gpu) & gpus["spec"].isin(("bf16_dense_tflops", "rental_usd_per_hour"))]
    return list(used["source_id"])


def constants_table(fits_table: pd.DataFrame, lang: str, labels: dict[str, str]) -> pd.DataFrame:
    """The fits' constants side by side; ``labels``: the column names in ``lang`` (param, each fit, ci)."""
    rows = fits_table[fits_table["fit"].isin(scaling.FIT_IDS)].pivot(index="param", columns="fit")
    ci = [
        f"{fmt_number(lo, lang, 3)} – {fmt_number(hi, lang, 3)}"
        for lo, hi in zip(rows[("low", "besiroglu")], rows[("high", "besiroglu")])
    ]
    return pd.DataFrame(
        {
            labels["param"]: rows.index,
            labels["hoffmann"]: [fmt_number(v, lang, 4) for v in rows[("value", "hoffmann")]],
            labels["besiroglu"]: [fmt_number(v, lang, 4) for v in rows[("value", "besiroglu")]],
            labels["ci"]: ci,
        }
    )


compute_trend()
budget()
