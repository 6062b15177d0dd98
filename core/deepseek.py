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
from core.datasets import fact, per_frame

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
FX_RANGE = (50.0, 300.0)  # JPY per USD the page accepts
OVERHEAD_STEPS = (1, 1.5, 2, 3, 4, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300)


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
    rows = []
    for r in peers.itertuples():
        high = r.high_usd if pd.notna(r.high_usd) else r.low_usd
        rows.append((r.model, r.estimate, float(r.low_usd), float(high), bool(r.lower_bound), r.source_id))
    return rows


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
