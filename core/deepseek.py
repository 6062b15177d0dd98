"""DeepSeek page arithmetic: the V3 report's cost table, peer comparisons, dense vs MoE, benchmarks.

Pure functions of the data files (``facts``, ``peer_costs``, ``benchmarks_v3``, ``benchmarks_r1``,
``benchmark_models``) and of the reader's settings. Every cost goes through ``core.costs``.
Money in USD, time in GPU-hours or days, compute in FLOP.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from core.costs import cost_ratio, gpu_hours_for, implied_mfu, training_cost_usd, training_flops, wall_clock_days
from core.datasets import fact, fact_source, per_frame
from core.figures import Figure, FigureSet, Kind, compute, money, share
from core.hardware import gpu_spec, peak_flops_per_s, spec_source

# Table 1 of the V3 report: (stage code, facts.csv key of its H800 GPU-hours)
STAGES = (
    ("pretraining", "v3_gpu_hours_pretraining"),
    ("context_extension", "v3_gpu_hours_context_extension"),
    ("post_training", "v3_gpu_hours_post_training"),
)
# Rows of the peer comparison, top to bottom
PEER_ORDER = ("deepseek_v3", "deepseek_v3_full", "llama31_405b", "claude35_sonnet", "gpt4", "gpt4o")
# Proper names, the same in every language (DeepSeek's rows are translated: they say "report", "overhead")
PEER_NAMES = {
    "llama31_405b": "Llama 3.1 405B",
    "claude35_sonnet": "Claude 3.5 Sonnet",
    "gpt4": "GPT-4",
    "gpt4o": "GPT-4o",
}
DEEPSEEK_V3 = "deepseek-v3"
# The report's headline figure (Figure 1) shows these benchmarks
DEFAULT_BENCHMARKS = (
    "MMLU-Pro (EM)",
    "GPQA-Diamond (Pass@1)",
    "MATH-500 (EM)",
    "AIME 2024 (Pass@1)",
    "Codeforces (Percentile)",
    "SWE Verified (Resolved)",
)
PRICE_RANGE_USD = (0.5, 8.0)  # USD per GPU-hour the page's slider allows
PRICE_STEP_USD = 0.05
FX_STEP = 1.0  # yen per dollar
FX_DIGITS = 2  # the exchange rate's decimals, in its control and its text
FX_RANGE = (50.0, 300.0)  # JPY per USD the page accepts
OVERHEAD_STEPS = (1, 1.5, 2, 3, 4, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300)
OVERHEAD_DEFAULT = 1.0  # the headline as reported
BILLION = 1e9  # the active-parameters slider counts billions
ACTIVE_STEP_B = 1


def clamp(value: float, low: float, high: float, default: float) -> float:
    """``value`` inside [low, high]; ``default`` when it is not a finite number."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return default
    if not math.isfinite(v):
        return default
    return min(max(v, low), high)


# --- the report's cost table -------------------------------------------------------------------


def stage_columns(facts: pd.DataFrame, price_usd_per_gpu_hour: float) -> dict[str, list]:
    """Table 1 recomputed, as columns of plain lists: stage, gpu_hours, cost_usd, share of the total."""
    hours = [fact(facts, key) for _, key in STAGES]
    total = sum(hours)
    return {
        "stage": [code for code, _ in STAGES],
        "gpu_hours": hours,
        "cost_usd": [training_cost_usd(h, price_usd_per_gpu_hour) for h in hours],
        "share": [h / total for h in hours],
    }


@dataclass(frozen=True)
class V3Headline:
    gpu_hours: float  # all three stages
    cost_usd: float  # at the chosen price
    reported_price_usd: float
    gpus: float
    gpu_hours_per_trillion_tokens: float  # pre-training
    days_per_trillion_tokens: float  # on the whole cluster
    pretraining_days: float
    tokens: float


def v3_headline(facts: pd.DataFrame, price_usd_per_gpu_hour: float) -> V3Headline:
    hours = [fact(facts, key) for _, key in STAGES]  # stage_columns' sums, without building the columns
    pre = fact(facts, "v3_gpu_hours_pretraining")
    tokens, gpus = fact(facts, "ds_v3_pretraining_tokens"), fact(facts, "v3_cluster_gpus")
    per_t = gpu_hours_per_trillion_tokens(pre, tokens)
    return V3Headline(
        gpu_hours=float(sum(hours)),
        cost_usd=float(sum(training_cost_usd(h, price_usd_per_gpu_hour) for h in hours)),
        reported_price_usd=fact(facts, "v3_rental_price_usd_per_gpu_hour"),
        gpus=gpus,
        gpu_hours_per_trillion_tokens=per_t,
        days_per_trillion_tokens=wall_clock_days(per_t, gpus),
        pretraining_days=wall_clock_days(pre, gpus),
        tokens=tokens,
    )


def gpu_hours_per_trillion_tokens(gpu_hours: float, tokens: float) -> float:
    """GPU-hours per 10¹² training tokens (the report: 2,664K / 14.8T = 180K)."""
    if not tokens > 0:
        raise ValueError("tokens must be positive")
    return gpu_hours / (tokens / 1e12)


def implied_jpy_per_usd(jpy: float, usd: float) -> float:
    """The exchange rate a pair of amounts implies (the article: JPY 870M for USD 5.576M ≈ 156)."""
    return cost_ratio(jpy, usd)


# --- against the peers -------------------------------------------------------------------------

ESTIMATE_COLUMNS = (
    "model",
    "estimate",
    "low_usd",
    "high_usd",
    "lower_bound",
    "source_id",
    "runs_low",
    "runs_high",
    "breakeven_low",
    "breakeven_high",
    "order",
)
RANGE_COLUMNS = (
    "model",
    "low_usd",
    "high_usd",
    "lower_bound",
    "runs_low",
    "runs_high",
    "breakeven_low",
    "breakeven_high",
    "estimates",
)


def peer_estimates(
    facts: pd.DataFrame,
    peers: pd.DataFrame,
    price_usd_per_gpu_hour: float,
    overhead: float = 1.0,
    overhead_on_peers: bool = False,
) -> pd.DataFrame:
    """``peer_estimate_columns`` as a frame: one row an estimate."""
    return pd.DataFrame(peer_estimate_columns(facts, peers, price_usd_per_gpu_hour, overhead, overhead_on_peers))


def _peer_rows(peers: pd.DataFrame) -> list[tuple]:
    """The file's estimates: (model, estimate, low, high, lower bound, source id); high = low for
    a single figure."""
    low = peers["low_usd"].astype(float)
    high = peers["high_usd"].astype(float).fillna(low)
    bound = peers["lower_bound"].astype(bool)
    return list(zip(peers["model"], peers["estimate"], low.tolist(), high.tolist(), bound.tolist(), peers["source_id"]))


def peer_estimate_columns(
    facts: pd.DataFrame,
    peers: pd.DataFrame,
    price_usd_per_gpu_hour: float,
    overhead: float = 1.0,
    overhead_on_peers: bool = False,
) -> dict[str, list]:
    """Every cost figure the comparison shows, one row an estimate, as columns of plain lists (the
    page recomputes them on every move of the price slider: no frame in between).

    Columns: model (PEER_ORDER code), estimate, low_usd, high_usd (= low for single figures),
    lower_bound ("over ..."), source_id, runs_low / runs_high (how many DeepSeek-V3 runs, at the
    chosen overhead, each figure equals) and breakeven_low / breakeven_high (the overhead multiplier
    at which DeepSeek-V3's headline cost would reach the figure).

    ``overhead`` multiplies DeepSeek-V3's headline (research, ablations, failed runs, staff...);
    with ``overhead_on_peers`` the peers' figures are multiplied too, which leaves the ratios alone.
    """
    if not overhead >= 1:
        raise ValueError("overhead multiplier must be at least 1")
    v3 = v3_headline(facts, price_usd_per_gpu_hour).cost_usd
    v3_full = v3 * overhead
    peer_factor = overhead if overhead_on_peers else 1.0
    rows = [("deepseek_v3", "report", v3, v3, False, "V3R")]
    if overhead > 1:
        rows.append(("deepseek_v3_full", "overhead", v3_full, v3_full, False, "V3R"))
    llama = training_cost_usd(fact(facts, "llama31_405b_gpu_hours"), price_usd_per_gpu_hour)
    rows.append(("llama31_405b", "gpu_hours", llama, llama, False, "L31"))
    rows.extend(per_frame(peers, ("peer_rows",), _peer_rows))  # the file's rows, read once per frame
    gpt4o = fact(facts, "gpt4o_cost_estimate_usd")
    rows.append(("gpt4o", "article", gpt4o, gpt4o, False, "ARTICLE"))
    # plain Python, one frame at the end: a dozen small pandas steps cost more than the arithmetic
    order = {m: i for i, m in enumerate(PEER_ORDER)}
    out = []
    for model, estimate, low, high, lower_bound, source_id in rows:
        peer = not model.startswith("deepseek")
        factor = peer_factor if peer else 1.0
        low, high = low * factor, high * factor
        out.append(
            (
                model,
                estimate,
                low,
                high,
                lower_bound,
                source_id,
                cost_ratio(low, v3_full),
                cost_ratio(high, v3_full),
                cost_ratio(low / factor, v3),
                cost_ratio(high / factor, v3),
                order.get(model, float("nan")),
            )
        )
    out.sort(
        key=lambda r: (r[-1] if r[-1] == r[-1] else math.inf, r[2])
    )  # by model order (unknown last), then the lower figure
    return {name: [r[i] for r in out] for i, name in enumerate(ESTIMATE_COLUMNS)}


def peer_ranges(estimates: pd.DataFrame | dict[str, list]) -> pd.DataFrame:
    """``peer_range_columns`` as a frame: one row a model."""
    return pd.DataFrame(peer_range_columns(estimates))


def peer_range_columns(estimates: pd.DataFrame | dict[str, list]) -> dict[str, list]:
    """One row a model (columns of plain lists): the lowest and highest figure, runs of V3 and
    break-even multipliers, and how many estimates. ``estimates``: ``peer_estimate_columns`` or its frame."""
    groups: dict[str, list] = {}
    cols = RANGE_COLUMNS[1:-1]
    for r in zip(estimates["model"], *(estimates[c] for c in cols)):
        groups.setdefault(r[0], []).append(r[1:])
    out = []
    for model, rs in groups.items():  # in order of first appearance, as groupby(sort=False)
        low, high, lb, rl, rh, bl, bh = zip(*rs)
        out.append((model, min(low), max(high), any(lb), min(rl), max(rh), min(bl), max(bh), len(rs)))
    return {name: [r[i] for r in out] for i, name in enumerate(RANGE_COLUMNS)}


def by_model(ranges: pd.DataFrame | dict[str, list]) -> dict[str, dict]:
    """{model: {column: value}} of ``peer_range_columns`` (or its frame)."""
    cols = [c for c in ranges.keys() if c != "model"]
    return {model: dict(zip(cols, values)) for model, *values in zip(ranges["model"], *(ranges[c] for c in cols))}


def multiplier_for_ratio(peer_usd: float, v3_usd: float, ratio: float) -> float:
    """The overhead multiplier on DeepSeek-V3 at which ``peer_usd`` is exactly ``ratio`` times its
    full cost (ratio 10: where "a tenth of the cost" stops being true)."""
    if not ratio > 0:
        raise ValueError("ratio must be positive")
    return cost_ratio(peer_usd, v3_usd) / ratio


def fleet_multiples(facts: pd.DataFrame) -> dict[str, float]:
    """How many times the reported fleet figures exceed the USD 5.576M headline (at the report's price)."""
    v3 = v3_headline(facts, fact(facts, "v3_rental_price_usd_per_gpu_hour")).cost_usd
    return {
        "server_capex": cost_ratio(fact(facts, "ds_fleet_server_capex_usd"), v3),
        "operating": cost_ratio(fact(facts, "ds_fleet_operating_usd"), v3),
        "value_amodei": cost_ratio(fact(facts, "ds_fleet_value_usd_amodei"), v3),
        "gpus": cost_ratio(fact(facts, "ds_fleet_hopper_gpus"), fact(facts, "v3_cluster_gpus")),
    }


# --- why it was cheap --------------------------------------------------------------------------


@dataclass(frozen=True)
class DenseVsMoe:
    total_params: float
    active_params: float
    tokens: float
    dense_flops: float
    moe_flops: float
    ratio: float  # dense / MoE compute
    dense_gpu_hours: float
    moe_gpu_hours: float
    dense_cost_usd: float
    moe_cost_usd: float
    mfu: float  # utilisation of the reference run (against the given peak)


def dense_vs_moe(
    total_params: float,
    active_params: float,
    tokens: float,
    ref_active_params: float,
    ref_tokens: float,
    ref_gpu_hours: float,
    peak_flops_per_s: float,
    price_usd_per_gpu_hour: float,
) -> DenseVsMoe:
    """Training compute 6·N·D of a dense model (every parameter works on every token) against a
    mixture of experts of the same total size (only ``active_params`` per token), turned into
    GPU-hours and cost at the utilisation DeepSeek-V3's own pre-training achieved."""
    if not 0 < active_params <= total_params:
        raise ValueError("active parameters must be positive and at most the total")
    mfu = implied_mfu(training_flops(ref_active_params, ref_tokens), ref_gpu_hours, peak_flops_per_s)
    dense, moe = training_flops(total_params, tokens), training_flops(active_params, tokens)
    dense_h, moe_h = gpu_hours_for(dense, peak_flops_per_s, mfu), gpu_hours_for(moe, peak_flops_per_s, mfu)
    return DenseVsMoe(
        total_params,
        active_params,
        tokens,
        dense,
        moe,
        dense / moe,
        dense_h,
        moe_h,
        training_cost_usd(dense_h, price_usd_per_gpu_hour),
        training_cost_usd(moe_h, price_usd_per_gpu_hour),
        mfu,
    )


# --- benchmarks --------------------------------------------------------------------------------


def benchmark_label(benchmark: str, metric: str) -> str:
    """'MMLU-Pro (EM)'; long metric descriptions (Arena-Hard's) are left out."""
    return f"{benchmark} ({metric})" if len(metric) <= 16 else benchmark


def labelled(bench: pd.DataFrame) -> pd.DataFrame:
    out = bench.copy()
    out["label"] = [benchmark_label(b, m) for b, m in zip(out["benchmark"], out["metric"])]
    return out


def benchmark_options(bench: pd.DataFrame) -> list[str]:
    """Benchmark labels in the report's table order."""
    return list(dict.fromkeys(labelled(bench)["label"]))


def benchmark_rows(bench: pd.DataFrame, models: pd.DataFrame, labels: list[str]) -> pd.DataFrame:
    """The chosen benchmarks' scores with model label, open-weights flag and display order."""
    df = labelled(bench)
    df = df[df["label"].isin(labels) & df["score"].notna()]
    df = df.merge(
        models[["model_id", "label", "open_weights"]].rename(columns={"label": "model_label"}),
        on="model_id",
        how="left",
    )
    df["model_label"] = df["model_label"].fillna(df["model"])
    df["open_weights"] = df["open_weights"].fillna(False).astype(bool)
    df["label_order"] = df["label"].map({lab: i for i, lab in enumerate(labels)})
    return df.sort_values(["label_order"], kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class Standing:
    benchmarks: int
    best_open: int  # DeepSeek-V3 at or above every other open-weights model
    best_overall: int  # at or above every model in the table
    above_gpt4o: int


def _top(scores: pd.Series) -> float:
    return float(scores.max()) if scores.notna().any() else -math.inf


def v3_standing(rows: pd.DataFrame, gpt4o_id: str = "gpt-4o-0513") -> Standing:
    """Where DeepSeek-V3 stands on the chosen benchmarks (ties count as level, i.e. not behind)."""
    best_open = best_all = above = n = 0
    for _, g in rows.groupby("label", sort=False):
        v3 = g.loc[g["model_id"] == DEEPSEEK_V3, "score"]
        if v3.empty:
            continue
        n += 1
        s = float(v3.iloc[0])
        others = g[g["model_id"] != DEEPSEEK_V3]
        best_open += int(s >= _top(others.loc[others["open_weights"], "score"]))
        best_all += int(s >= _top(others["score"]))
        g4 = others.loc[others["model_id"] == gpt4o_id, "score"]
        above += int(not g4.empty and s > float(g4.iloc[0]))
    return Standing(n, best_open, best_all, above)


def r1_vs_o1(bench_r1: pd.DataFrame, models: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(percentage benchmarks where both DeepSeek-R1 and o1-1217 have a score, rating rows)."""
    df = labelled(bench_r1)
    both = df.groupby("label")["score"].transform(lambda s: s.notna().sum() == 2)
    df = df[both].merge(
        models[["model_id", "label", "open_weights"]].rename(columns={"label": "model_label"}),
        on="model_id",
        how="left",
    )
    rating = df["metric"].str.lower() == "rating"
    return df[~rating].reset_index(drop=True), df[rating].reset_index(drop=True)


def head_to_head(rows: pd.DataFrame, model_id: str) -> tuple[int, int]:
    """(benchmarks where ``model_id`` scores higher than the other model, benchmarks compared)."""
    wins = n = 0
    for _, g in rows.groupby("label"):
        mine, other = g.loc[g["model_id"] == model_id, "score"], g.loc[g["model_id"] != model_id, "score"]
        if mine.empty or other.empty:
            continue
        n += 1
        wins += int(float(mine.iloc[0]) > float(other.max()))
    return wins, n


# --- figures: what the page and the tour show ----------------------------------------------------
# One constructor a quantity, so that a value reads the same in a sentence, a table and a chart label.


def cost_figure(usd: float, *sources: str, **kw) -> Figure:
    """A training cost: USD 5.576M / 557.6万ドル (four significant digits, as the report prints it)."""
    return money(usd, *sources, sig=4, **kw)


def amount(n: float, *sources: str, sig: int = 3, **kw) -> Figure:
    """A large quantity (parameters, tokens, GPU-hours, GPUs): 671B / 6710億."""
    return Figure(n, Kind.AMOUNT, sources, sig=sig, **kw)


def number(v: float, *sources: str, digits: int = 0, **kw) -> Figure:
    """A plain number with ``digits`` decimals: 2,048; 156.03; 18.1."""
    return Figure(v, Kind.NUMBER, sources, digits=digits, **kw)


def runs_figure(runs: float, *sources: str) -> Figure:
    """How many DeepSeek-V3 runs a cost equals, as a chart label gives it: 18, 3.6, 0.06."""
    return Figure(runs, Kind.COUNT, sources, sig=2)


def figures(
    facts: pd.DataFrame,
    gpus: pd.DataFrame,
    peers: pd.DataFrame,
    price: float | None = None,
    fx: float | None = None,
    overhead: float = 1.0,
    on_all: bool = False,
    active: float | None = None,
) -> FigureSet:
    """Every figure of the DeepSeek page for the reader's settings (None: the report's): the
    rental ``price`` (USD per GPU-hour), the exchange rate ``fx`` (yen per dollar), the
    ``overhead`` multiplier on DeepSeek-V3 (``on_all``: on the peers too) and the ``active``
    parameters of the mixture of experts: ``bill_figures``, ``peer_figures`` and ``why_figures``
    in one set (the page's sections each ask for their own part)."""
    return FigureSet(
        dict(bill_figures(facts, price, fx))
        | dict(peer_figures(facts, peers, price, overhead, on_all))
        | dict(why_figures(facts, gpus, active))
    )


def bill_figures(facts: pd.DataFrame, price: float | None = None, fx: float | None = None) -> FigureSet:
    """The report's bill at a rental ``price`` (None: the report's USD 2) and exchange rate ``fx``
    (None: the one the article implies), what it leaves out, and the takeaway's figures. With
    ``core.headlines.cost_figures`` in it (``v3_cost``, ``v3_gpu_hours``, ``v3_price``,
    ``gpt4o_cost``, ``gpt4o_to_v3``, ...).

    ``price``, ``bill_total`` and ``bill_delta`` (against ``v3_cost``), ``bill_jpy`` at ``fx``
    (``fx_implied``: the article's ``article_jpy`` over ``v3_cost``); per stage ``hours_<stage>``,
    ``cost_<stage>``, ``share_<stage>`` (``STAGES``' codes and ``total``); ``per_t_hours`` (GPU-hours
    per trillion tokens), ``days_per_t``, ``pretraining_days``; the reported fleet ``fleet_*``;
    ``ten_report`` (the overhead past which GPT-4o's estimate is no longer ten times DeepSeek-V3's)
    and ``gpt4o_over_v3`` (how many times)."""
    from core.headlines import cost_figures

    cost = cost_figures(facts)
    f = lambda key: fact(facts, key)  # noqa: E731
    src = lambda key: (fact_source(facts, key),)  # noqa: E731
    price = cost["v3_price"].number if price is None else price
    head = v3_headline(facts, price)
    v3_report, gpt4o = cost["v3_cost"].number, cost["gpt4o_cost"].number
    jpy = f("ds_article_v3_cost_jpy")
    implied = implied_jpy_per_usd(jpy, v3_report)
    rate = implied if fx is None else fx
    out: dict[str, Figure] = dict(cost)
    out |= {
        "v3_gpus": number(head.gpus, *src("v3_cluster_gpus")),
        "article_jpy": money(jpy, *src("ds_article_v3_cost_jpy"), unit="JPY"),
        "article_fraction": share(f("article_cost_fraction_max"), *src("article_cost_fraction_max")),
        "fx_implied": number(implied, "ARTICLE", "V3R", digits=FX_DIGITS),
        "fx": number(rate, digits=FX_DIGITS),
        "price": money(price, "V3R"),
        "bill_total": cost_figure(head.cost_usd, "V3R"),
        "bill_delta": cost_figure(head.cost_usd - v3_report, "V3R"),
        "bill_jpy": money(head.cost_usd * rate, "V3R", unit="JPY"),
        "per_t_hours": amount(head.gpu_hours_per_trillion_tokens, "V3R"),
        "per_t_reported": amount(f("ds_v3_gpu_hours_per_trillion_tokens"), *src("ds_v3_gpu_hours_per_trillion_tokens")),
        "pretraining_hours": amount(f("v3_gpu_hours_pretraining"), "V3R", sig=4),
        "tokens_t": number(head.tokens / 1e12, *src("ds_v3_pretraining_tokens"), digits=1),
        "days_per_t": number(head.days_per_trillion_tokens, "V3R", digits=2),
        "days_reported": number(f("ds_v3_days_per_trillion_tokens"), *src("ds_v3_days_per_trillion_tokens"), digits=1),
        "pretraining_days": number(head.pretraining_days, "V3R", digits=1),
        "months_max": number(f("ds_v3_pretraining_months_max"), *src("ds_v3_pretraining_months_max")),
    }
    table = stage_columns(facts, price)
    for code, hours, usd, part in zip(table["stage"], table["gpu_hours"], table["cost_usd"], table["share"]):
        out |= {f"hours_{code}": number(hours, "V3R"), f"cost_{code}": cost_figure(usd, "V3R")}
        out[f"share_{code}"] = share(part, "V3R", digits=1)
    out |= {
        "hours_total": number(head.gpu_hours, "V3R"),
        "cost_total": out["bill_total"],
        "share_total": share(1.0, "V3R", digits=1),
    }
    # what the headline leaves out (reported estimates of DeepSeek's fleet)
    multiples = fleet_multiples(facts)
    out |= {
        "fleet_gpus": amount(f("ds_fleet_hopper_gpus"), *src("ds_fleet_hopper_gpus"), estimate=True),
        "fleet_gpus_ratio": number(multiples["gpus"], "DS-SEMI", "V3R", estimate=True),
        "fleet_h800": amount(f("ds_fleet_h800"), *src("ds_fleet_h800"), estimate=True),
        "fleet_h100": amount(f("ds_fleet_h100"), *src("ds_fleet_h100"), estimate=True),
        "fleet_capex": money(f("ds_fleet_server_capex_usd"), *src("ds_fleet_server_capex_usd"), sig=2, estimate=True),
        "fleet_capex_ratio": number(multiples["server_capex"], "DS-SEMI", "V3R", estimate=True),
        "fleet_opex": money(f("ds_fleet_operating_usd"), *src("ds_fleet_operating_usd"), estimate=True),
        "fleet_value": money(f("ds_fleet_value_usd_amodei"), *src("ds_fleet_value_usd_amodei"), sig=2, estimate=True),
        "fleet_value_ratio": number(multiples["value_amodei"], "DS-DECODER", "V3R", estimate=True),
        "ten_report": number(multiplier_for_ratio(gpt4o, v3_report, 10), "ARTICLE", "V3R", digits=1, estimate=True),
        "gpt4o_over_v3": number(cost["gpt4o_to_v3"].number, "ARTICLE", "V3R", estimate=True),
    }
    return FigureSet(out)


def peer_figures(
    facts: pd.DataFrame,
    peers: pd.DataFrame,
    price: float | None = None,
    overhead: float = OVERHEAD_DEFAULT,
    on_all: bool = False,
) -> FigureSet:
    """The comparison with the peers at a rental ``price`` and an ``overhead`` multiplier on
    DeepSeek-V3 (``on_all``: on the peers too): ``overhead``, ``v3_full`` (DeepSeek-V3's cost with
    it), ``gpt4o_in_v3_runs`` and ``llama_in_v3_runs`` (how many such DeepSeek-V3 runs their costs
    pay for), ``breakeven`` (the multiplier at which GPT-4o's estimate is matched), ``ten`` (past
    which it is no longer ten times as much) and ``llama_hours`` (Meta's GPU-hours)."""
    price = fact(facts, "v3_rental_price_usd_per_gpu_hour") if price is None else price
    v3 = v3_headline(facts, price).cost_usd
    ranges = by_model(peer_range_columns(peer_estimate_columns(facts, peers, price, overhead, on_all)))
    gpt4o = fact(facts, "gpt4o_cost_estimate_usd")
    return FigureSet(
        {
            "overhead": number(overhead, digits=1),
            "v3_full": cost_figure(v3 * overhead, "V3R"),
            "gpt4o_in_v3_runs": number(ranges["gpt4o"]["runs_low"], "ARTICLE", "V3R", digits=1, estimate=True),
            "llama_in_v3_runs": number(ranges["llama31_405b"]["runs_low"], "L31", "V3R", digits=1),
            "breakeven": number(ranges["gpt4o"]["breakeven_low"], "ARTICLE", "V3R", digits=1, estimate=True),
            "ten": number(multiplier_for_ratio(gpt4o, v3, 10), "ARTICLE", "V3R", digits=1, estimate=True),
            "llama_hours": amount(
                fact(facts, "llama31_405b_gpu_hours"), fact_source(facts, "llama31_405b_gpu_hours"), sig=4
            ),
        }
    )


def active_range_b(facts: pd.DataFrame) -> tuple[int, int, int]:
    """The active-parameters slider in billions: (lowest, DeepSeek-V3's total, DeepSeek-V3's active)."""
    total, active = fact(facts, "ds_v3_total_params"), fact(facts, "ds_v3_active_params")
    return ACTIVE_STEP_B, int(total / BILLION), int(active / BILLION)


def why_figures(facts: pd.DataFrame, gpus: pd.DataFrame, active: float | None = None) -> FigureSet:
    """Why it was cheap: the four reasons' figures and dense against MoE for ``active`` parameters
    (None: DeepSeek-V3's 37B), at the report's price and the utilisation V3's pre-training reached."""
    f = lambda key: fact(facts, key)  # noqa: E731
    src = lambda key: (fact_source(facts, key),)  # noqa: E731
    spec = lambda g, s: gpu_spec(gpus, g, s) or math.nan  # noqa: E731
    spec_src = lambda g, s: tuple(x for x in (spec_source(gpus, g, s),) if x)  # noqa: E731
    total, v3_active, tokens = f("ds_v3_total_params"), f("ds_v3_active_params"), f("ds_v3_pretraining_tokens")
    chosen = v3_active if active is None else active
    peak = peak_flops_per_s(gpus, "H800") or math.nan
    price = f("v3_rental_price_usd_per_gpu_hour")
    r = dense_vs_moe(total, chosen, tokens, v3_active, tokens, f("v3_gpu_hours_pretraining"), peak, price)
    h800 = spec_src("H800", "bf16_dense_tflops")
    run = ("V3R", *h800)
    return FigureSet(
        {
            "total_params": amount(total, *src("ds_v3_total_params")),
            "active_params": amount(v3_active, *src("ds_v3_active_params")),
            "chosen_active": amount(chosen),
            "tokens": amount(tokens, *src("ds_v3_pretraining_tokens")),
            "active_share": share(v3_active / total, "V3R", digits=1),
            "dense_flops": compute(r.dense_flops, "V3R"),
            "moe_flops": compute(r.moe_flops, "V3R"),
            "moe_ratio": number(r.ratio, "V3R", digits=1),
            "dense_hours": amount(r.dense_gpu_hours, *run, sig=4),
            "dense_cost": cost_figure(r.dense_cost_usd, *run),
            "moe_hours": amount(r.moe_gpu_hours, *run, sig=4),
            "moe_cost": cost_figure(r.moe_cost_usd, *run),
            "v3_mfu": share(r.mfu, *run),
            "experts": number(f("ds_v3_routed_experts"), *src("ds_v3_routed_experts")),
            "experts_active": number(f("ds_v3_active_routed_experts"), *src("ds_v3_active_routed_experts")),
            "fp8_speedup": number(
                spec("H800", "fp8_dense_tflops") / spec("H800", "bf16_dense_tflops"),
                *spec_src("H800", "fp8_dense_tflops"),
                *h800,
                digits=1,
            ),
            "fp8_tflops": number(spec("H800", "fp8_dense_tflops"), *spec_src("H800", "fp8_dense_tflops")),
            "bf16_tflops": number(spec("H800", "bf16_dense_tflops"), *h800),
            "fp8_error": share(
                f("ds_v3_fp8_max_relative_loss_error"), *src("ds_v3_fp8_max_relative_loss_error"), digits=2
            ),
            "mtp_depth": number(f("ds_v3_mtp_depth"), *src("ds_v3_mtp_depth")),
            "mtp_params": amount(f("ds_v3_mtp_module_params"), *src("ds_v3_mtp_module_params")),
            # the H800's NVLink: a secondary source's figure (no NVIDIA datasheet; earlier reports said less)
            "nvlink_h800": number(spec("H800", "nvlink_gbs"), *spec_src("H800", "nvlink_gbs"), estimate=True),
            "nvlink_h100": number(spec("H100", "nvlink_gbs"), *spec_src("H100", "nvlink_gbs")),
            "pp": number(f("ds_v3_pipeline_parallel"), *src("ds_v3_pipeline_parallel")),
            "ep": number(f("ds_v3_expert_parallel"), *src("ds_v3_expert_parallel")),
            "nvlink_used": number(f("ds_v3_nvlink_effective_gbs"), *src("ds_v3_nvlink_effective_gbs")),
            "ib": number(f("ds_v3_infiniband_gbs"), *src("ds_v3_infiniband_gbs")),
        }
    )


def benchmark_figures(bench: pd.DataFrame, models: pd.DataFrame, labels: list[str]) -> FigureSet:
    """Where DeepSeek-V3 stands on the chosen benchmarks (``v3_standing``): ``bench_n``,
    ``bench_open`` (first among open-weights models), ``bench_above_gpt4o``, ``bench_top`` (first of all)."""
    s = v3_standing(benchmark_rows(bench, models, labels))
    src = ("V3-README", "V3R")
    return FigureSet(
        {
            "bench_n": number(s.benchmarks, *src),
            "bench_open": number(s.best_open, *src),
            "bench_above_gpt4o": number(s.above_gpt4o, *src),
            "bench_top": number(s.best_overall, *src),
        }
    )


def r1_figures(bench_r1: pd.DataFrame, models: pd.DataFrame) -> FigureSet:
    """DeepSeek-R1 against o1-1217: ``r1_wins`` of ``r1_n`` benchmarks, Codeforces ratings
    ``r1_rating`` and ``o1_rating``."""
    pct, rating = r1_vs_o1(bench_r1, models)
    wins, n = head_to_head(pct, "deepseek-r1")
    score = dict(zip(rating["model_id"], rating["score"]))
    src = ("R1-README", "R1-PAPER")
    return FigureSet(
        {
            "r1_wins": number(wins, *src),
            "r1_n": number(n, *src),
            "r1_rating": number(score.get("deepseek-r1", math.nan), *src),
            "o1_rating": number(score.get("o1-1217", math.nan), *src),
        }
    )
