"""Scaling laws: compute-optimal model size and data for a budget, predicted loss, compute trends.

Pure functions, units in names or docstrings. Conventions:
- compute ``c_flops`` in FLOP, with training compute C ≈ 6·N·D (``core.costs.training_flops``);
- ``n_params`` = parameters (active parameters per token for a mixture-of-experts model);
- ``d_tokens`` = training tokens; loss in nats per token (the unit of the Chinchilla fits).

The Chinchilla loss L(N, D) = E + A/N^α + B/D^β is minimised under C = 6ND in closed form
(Hoffmann et al. 2022, eq. 4): N_opt = G·(C/6)^(β/(α+β)), D_opt = (C/6)/N_opt,
G = (αA / (βB))^(1/(α+β)). Money goes through ``core.costs`` (one cost model for every page).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from core import costs, figures, hardware
from core.datasets import fact, fact_source, lookup_index
from core.figures import Figure, FigureSet, Kind

FLOPS_PER_PARAM_TOKEN = 6.0  # C ≈ 6ND: forward + backward pass
COMPUTE_STEPS = tuple(m * 10.0**e for e in range(21, 27) for m in (1, 3)) + (1e27,)  # the slider's stops
COMPUTE_RANGE = (min(COMPUTE_STEPS), max(COMPUTE_STEPS))  # the slider's ends (FLOP)
FIT_IDS = ("besiroglu", "hoffmann")  # the replication first: it agrees with Chinchilla's own allocation


@dataclass(frozen=True)
class ChinchillaFit:
    """A fitted loss L(N, D) = E + A/N^alpha + B/D^beta (N parameters, D tokens, loss in nats)."""

    name: str
    A: float
    B: float
    E: float
    alpha: float
    beta: float

    def loss(self, n_params: float, d_tokens: float) -> float:
        """Predicted final training loss of a model of ``n_params`` trained on ``d_tokens``."""
        if not (n_params > 0 and d_tokens > 0):
            raise ValueError("parameters and tokens must be positive")
        return self.E + self.A / n_params**self.alpha + self.B / d_tokens**self.beta

    def optimum(self, c_flops: float) -> Allocation:
        """The compute-optimal split of ``c_flops`` into parameters and tokens, and its loss."""
        _check_compute(c_flops)
        a, b = self.alpha, self.beta
        g = (a * self.A / (b * self.B)) ** (1.0 / (a + b))
        half = c_flops / FLOPS_PER_PARAM_TOKEN  # = N·D
        # in logs, so 1e30 FLOP stays finite
        n = math.exp(math.log(g) + (b / (a + b)) * math.log(half))
        d = half / n
        return Allocation(n, d, self.loss(n, d))


@dataclass(frozen=True)
class Allocation:
    n_params: float
    d_tokens: float
    loss: float

    @property
    def tokens_per_param(self) -> float:
        return self.d_tokens / self.n_params


def _check_compute(c_flops: float) -> None:
    if not (isinstance(c_flops, (int, float)) and math.isfinite(c_flops) and c_flops > 0):
        raise ValueError(f"compute must be a positive finite number of FLOP (got {c_flops})")


def fits_from_table(table: pd.DataFrame) -> dict[str, ChinchillaFit]:
    """{fit id: ChinchillaFit} from ``data/scaling_fits.csv`` (rows fit, param, value)."""
    value = lookup_index(table, ("fit", "param"), "value")
    return {f: ChinchillaFit(f, *(float(value[(f, p)]) for p in ("A", "B", "E", "alpha", "beta"))) for f in FIT_IDS}


def rule_tokens_per_param(table: pd.DataFrame) -> float:
    """The '20 tokens per parameter' rule of thumb, from ``data/scaling_fits.csv``."""
    return float(lookup_index(table, ("fit", "param"), "value")[("rule", "tokens_per_param")])


def rule_of_thumb(c_flops: float, tokens_per_param: float) -> tuple[float, float]:
    """(N, D) with D = k·N and 6·N·D = C: N = sqrt(C / (6k))."""
    _check_compute(c_flops)
    if not tokens_per_param > 0:
        raise ValueError("tokens per parameter must be positive")
    n = math.sqrt(c_flops / (FLOPS_PER_PARAM_TOKEN * tokens_per_param))
    return n, tokens_per_param * n


def loss_curve(fits: dict[str, ChinchillaFit], c_values: list[float]) -> pd.DataFrame:
    """Long table (fit, compute_flop, loss, n_params, d_tokens, tokens_per_param) at the optimum."""
    rows = []
    for fit_id, fit in fits.items():
        for c in c_values:
            opt = fit.optimum(c)
            rows.append((fit_id, c, opt.loss, opt.n_params, opt.d_tokens, opt.tokens_per_param))
    return pd.DataFrame(rows, columns=["fit", "compute_flop", "loss", "n_params", "d_tokens", "tokens_per_param"])


def log_grid(lo_flops: float, hi_flops: float, per_decade: int = 8) -> list[float]:
    """Points evenly spaced in log10 between two compute values (both included)."""
    lo, hi = math.log10(lo_flops), math.log10(hi_flops)
    steps = max(int(round((hi - lo) * per_decade)), 1)
    return [10 ** (lo + (hi - lo) * i / steps) for i in range(steps + 1)]


DECADES = (21, 27)  # the powers of ten of compute (FLOP) the loss is read at: 10²¹ to 10²⁷


def decade_flops(first_exp: int = DECADES[0], last_exp: int = DECADES[1]) -> list[float]:
    """Each power of ten of compute from 10^first_exp to 10^last_exp FLOP."""
    return [10.0**e for e in range(first_exp, last_exp + 1)]


def decade_gains(fit: ChinchillaFit, first_exp: int = DECADES[0], last_exp: int = DECADES[1]) -> pd.DataFrame:
    """Loss at each power of ten of compute and how much it fell since the previous one.

    Columns: compute_flop, loss, gain (loss 10× earlier minus loss now; NaN for the first row).
    The gains shrink decade after decade: the diminishing returns of scale.
    """
    cs = decade_flops(first_exp, last_exp)
    losses = [fit.optimum(c).loss for c in cs]
    gains = [float("nan")] + [losses[i - 1] - losses[i] for i in range(1, len(losses))]
    return pd.DataFrame({"compute_flop": cs, "loss": losses, "gain": gains})


def tokens_per_param(models: pd.DataFrame) -> pd.DataFrame:
    """Models with known size and tokens: training_compute_flop, tokens per (active) parameter.

    Uses active parameters where the data has them (mixture-of-experts), else parameters.
    """
    n = models["active_parameters"].fillna(models["parameters"])
    known = n.notna() & models["training_tokens"].notna()
    out = models.loc[known, ["model", "label", "date", "training_compute_flop", "confidence"]].copy()
    out["n_params"] = n[known]
    out["d_tokens"] = models.loc[known, "training_tokens"]
    out["tokens_per_param"] = out["d_tokens"] / out["n_params"]
    return out.reset_index(drop=True)


# --- compute over time -------------------------------------------------------------------------


def decimal_year(day: date | pd.Timestamp) -> float:
    """2020-07-02 -> 2020.5 (fraction of the year elapsed)."""
    day = pd.Timestamp(day)
    start = pd.Timestamp(year=day.year, month=1, day=1)
    length = (pd.Timestamp(year=day.year + 1, month=1, day=1) - start).days
    return day.year + (day - start).days / length


@dataclass(frozen=True)
class Trend:
    """log10(C) = intercept + slope · year, fitted by least squares."""

    slope_oom_per_year: float  # orders of magnitude per year
    intercept: float
    n_models: int
    first_year: float
    last_year: float

    @property
    def growth_per_year(self) -> float:
        """Multiplication of training compute per year (e.g. 4.2 = ×4.2 a year)."""
        return 10**self.slope_oom_per_year

    @property
    def doubling_months(self) -> float:
        """Months for compute to double (inf when the trend is flat or falling)."""
        return 12 * math.log10(2) / self.slope_oom_per_year if self.slope_oom_per_year > 0 else math.inf

    def at(self, year: float) -> float:
        return 10 ** (self.intercept + self.slope_oom_per_year * year)


def trend_fit(dates: pd.Series, flops: pd.Series, start_year: int, end_year: int, min_models: int = 3) -> Trend | None:
    """Exponential trend of training compute over the models published in [start_year, end_year].

    Returns None when the period holds fewer than ``min_models`` models or a single date (no trend
    can be fitted), so a page can say so instead of drawing a meaningless line.
    """
    years = np.array([decimal_year(d) for d in dates], dtype=float)
    logc = np.log10(np.asarray(flops, dtype=float))
    keep = (years >= start_year) & (years < end_year + 1) & np.isfinite(logc)
    years, logc = years[keep], logc[keep]
    if len(years) < min_models or np.ptp(years) <= 0:
        return None
    slope, intercept = np.polyfit(years, logc, 1)
    return Trend(float(slope), float(intercept), int(len(years)), float(years.min()), float(years.max()))


# --- money: through the shared cost model ------------------------------------------------------


def budget_cost(
    c_flops: float, peak_flops_per_s: float, mfu: float, price_usd_per_gpu_hour: float
) -> tuple[float, float]:
    """(GPU-hours, USD) to train with ``c_flops`` on GPUs of a given peak and utilisation."""
    hours = costs.gpu_hours_for(c_flops, peak_flops_per_s, mfu)
    return hours, costs.training_cost_usd(hours, price_usd_per_gpu_hour)


def reference_mfu(active_params: float, tokens: float, gpu_hours: float, peak_flops_per_s: float) -> float:
    """The utilisation a reported run implies (6·N·D over GPU-hours × peak), e.g. DeepSeek-V3's."""
    return costs.implied_mfu(costs.training_flops(active_params, tokens), gpu_hours, peak_flops_per_s)


# --- labels ------------------------------------------------------------------------------------


def compute_code(c_flops: float) -> str:
    """Stable URL code of a slider stop: 3e21 -> '3e21'."""
    exp = math.floor(math.log10(c_flops) + 1e-9)
    return f"{round(c_flops / 10**exp):d}e{exp}"


def compute_from_code(code: str) -> float:
    return float(code)


# --- figures: what the page, its charts and the tour show --------------------------------------

HIGHLIGHT_MODEL = "DeepSeek-V3"  # the model the page and its charts single out
DEFAULT_FIT, DEFAULT_COMPUTE, DEFAULT_GPU = "besiroglu", "1e24", "H800"  # the controls' defaults
PRICE_RANGE_USD = (0.5, 10.0, 0.05)  # the price slider: min, max, step (USD per GPU-hour)
MFU_RANGE_PCT = (10, 70, 1)  # the utilisation slider: min, max, step (% of peak)
MONEY_KEYS = ("sl_gpu", "sl_price", "sl_mfu")  # the money controls' URL keys, in their order on the page
EPOCH = "EPM"  # Epoch AI's notable-models data (data/models_compute.csv)


def compute_text(c_flops: float, lang: str) -> str:
    """A compute value as the page writes it ("3×10²⁴ FLOP"), through the one formatter."""
    return f"{figures.compute(c_flops, sig=COMPUTE_SIG).text(lang)} FLOP"


COMPUTE_SIG = 2  # Epoch's estimates and the slider's stops: two significant digits ("3.4×10²⁴")
AMOUNT_SIG = 3  # parameters, tokens, GPU-hours, money: three, in both languages


def _model_value(models: pd.DataFrame):
    """``value(model, column)``: one number of ``data/models_compute.csv`` (NaN where empty)."""

    def value(model: str, column: str) -> float:
        return float(lookup_index(models, "model", column)[model])

    return value


def largest_run(models: pd.DataFrame) -> str:
    """The model with the largest training compute in ``data/models_compute.csv``."""
    compute = lookup_index(models, "model", "training_compute_flop")
    return str(max(compute, key=lambda m: float(compute[m])))


def trend_figures(models: pd.DataFrame, start: int, end: int) -> FigureSet:
    """The compute-over-time section's figures for the period [start, end] (years):

    ``models`` (how many the data has),
    ``fitted`` (models in the period), ``growth`` (× a year), ``doubling_months``,
    ``v3_compute`` (Epoch's estimate for DeepSeek-V3), ``v3_6nd`` (6 × its active parameters ×
    training tokens: pre-training only, as its report counts), ``grok_compute``, ``top_compute``
    (the largest run in the data). Growth and doubling are missing (NaN) when no trend can be fitted."""
    row = _model_value(models)
    trend = trend_fit(models["date"], models["training_compute_flop"], start, end)

    def epoch(name: str) -> Figure:  # Epoch's estimate for one model
        return figures.compute(row(name, "training_compute_flop"), EPOCH, sig=COMPUTE_SIG, estimate=True)

    nan = math.nan
    return FigureSet(
        {
            "models": figures.count(len(models), EPOCH),
            "fitted": figures.count(trend.n_models if trend else 0, EPOCH),
            "growth": Figure(trend.growth_per_year if trend else nan, Kind.NUMBER, (EPOCH,), digits=1),
            "doubling_months": Figure(trend.doubling_months if trend else nan, Kind.NUMBER, (EPOCH,), digits=1),
            "v3_compute": epoch(HIGHLIGHT_MODEL),
            "v3_6nd": figures.compute(
                costs.training_flops(
                    row(HIGHLIGHT_MODEL, "active_parameters"), row(HIGHLIGHT_MODEL, "training_tokens")
                ),
                EPOCH,
            ),
            "grok_compute": epoch("Grok-3"),
            "top_compute": epoch(largest_run(models)),
        }
    )


def budget_figures(models: pd.DataFrame, fits_table: pd.DataFrame, fit_id: str, c_flops: float) -> FigureSet:
    """The budget section's figures for a fit and a compute budget:

    ``compute``; at the fit's optimum ``n_params``, ``d_tokens``, ``tokens_per_param``, ``loss``;
    under the rule of thumb ``rule_k``, ``rule_n``, ``rule_d``, ``rule_loss``; Chinchilla's own
    run (``chin_n``, ``chin_d``) against Hoffmann's optimum at its compute (``hoff_chin_n``); the
    loss gained per 10× of compute (``gain_first``, ``gain_early`` from ``early_from`` to
    ``early_to``, ``gain_last`` from ``late_from`` to ``late_to``); tokens per (active) parameter
    of Llama 3.1 405B and DeepSeek-V3 (``llama_tpp``, ``v3_tpp``), V3's ``v3_active``."""
    fits, k = fits_from_table(fits_table), rule_tokens_per_param(fits_table)
    fit, row = fits[fit_id], _model_value(models)
    src = lookup_index(fits_table, "fit", "source_id")  # (the first row's: one source a fit)
    fit_src, rule_src = (str(src[fit_id]),), (str(src["rule"]),)
    opt, (n20, d20) = fit.optimum(c_flops), rule_of_thumb(c_flops, k)
    cs = decade_flops()
    losses = [fit.optimum(v).loss for v in cs]
    gains = [math.nan] + [a - b for a, b in zip(losses, losses[1:])]  # as decade_gains, without a frame

    def tpp(model: str) -> float:  # tokens per (active) parameter
        n = row(model, "active_parameters")
        return row(model, "training_tokens") / (n if math.isfinite(n) else row(model, "parameters"))

    amount = lambda v, *s: Figure(float(v), Kind.AMOUNT, s, sig=AMOUNT_SIG)  # noqa: E731
    number = lambda v, *s, digits=3: Figure(float(v), Kind.NUMBER, s, digits=digits)  # noqa: E731
    flop = lambda v: figures.compute(float(v), sig=COMPUTE_SIG)  # noqa: E731
    return FigureSet(
        {
            "compute": flop(c_flops),
            "n_params": amount(opt.n_params, *fit_src),
            "d_tokens": amount(opt.d_tokens, *fit_src),
            "tokens_per_param": number(opt.tokens_per_param, *fit_src, digits=0),
            "loss": number(opt.loss, *fit_src),
            "rule_k": number(k, *rule_src, digits=0),
            "rule_n": amount(n20, *rule_src),
            "rule_d": amount(d20, *rule_src),
            "rule_loss": number(fit.loss(n20, d20), *fit_src),
            "chin_n": amount(row("Chinchilla", "parameters"), EPOCH),
            "chin_d": amount(row("Chinchilla", "training_tokens"), EPOCH),
            "hoff_chin_n": amount(fits["hoffmann"].optimum(row("Chinchilla", "training_compute_flop")).n_params, EPOCH),
            "gain_first": number(gains[1], *fit_src),
            "gain_early": number(gains[2], *fit_src),
            "gain_last": number(gains[-1], *fit_src),
            "early_from": flop(cs[1]),
            "early_to": flop(cs[2]),
            "late_from": flop(cs[-2]),
            "late_to": flop(cs[-1]),
            "llama_tpp": number(tpp("Llama 3.1-405B"), EPOCH, digits=0),
            "v3_tpp": number(tpp(HIGHLIGHT_MODEL), EPOCH, digits=0),
            "v3_active": amount(row(HIGHLIGHT_MODEL, "active_parameters"), EPOCH),
        }
    )


# --- the models published since the article (Epoch AI's later data) --------------------------

LATER_FROM = date(2025, 1, 1)  # later models: those Epoch dates in 2025 or after
LATER_LABELS = {"DeepSeek-V4-Pro": "DeepSeek-V4-Pro", "Grok 4": "Grok 4"}  # the later points the chart names


def with_later(models: pd.DataFrame, models_since: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """``data/models_compute.csv`` with Epoch AI's later data: every estimate Epoch has since revised
    replaced by its revision (the earlier one kept in ``earlier_flop``, ``earlier_on``), and the
    models of ``data/models_compute_since.csv`` dated from ``LATER_FROM`` on that have an estimate
    and revise nothing, appended (``later`` True). Columns: those of ``models`` plus later,
    earlier_flop, earlier_on, revised_on (the dates of the two sources). Models without an estimate
    are left out (``core.since``'s ``frontier.no_estimate`` counts the frontier labs' ones)."""
    from core import since

    out = models.copy()
    out["later"] = False
    out["earlier_flop"] = math.nan
    out["earlier_on"] = pd.NaT
    out["revised_on"] = pd.NaT
    for r in since.revisions(models, models_since, sources):
        if r.after_flop is None:
            continue
        at = out.index[out["model"] == r.model]
        out.loc[at, "earlier_flop"] = r.before_flop
        out.loc[at, "earlier_on"] = pd.Timestamp(r.before_on) if r.before_on else pd.NaT
        out.loc[at, "revised_on"] = pd.Timestamp(r.after_on) if r.after_on else pd.NaT
        out.loc[at, "training_compute_flop"] = r.after_flop
        out.loc[at, "confidence"] = r.after_confidence
        out.loc[at, "source_id"] = r.after_source
    new = models_since[
        models_since["revises"].isna()
        & models_since["training_compute_flop"].notna()
        & (models_since["date"] >= pd.Timestamp(LATER_FROM))
    ]
    added = pd.DataFrame(
        {
            "model": new["model"],
            "organization": new["organization"],
            "date": new["date"],
            "training_compute_flop": new["training_compute_flop"],
            "parameters": new["parameters"],
            "confidence": new["confidence"],
            "label": new["model"].map(LATER_LABELS),
            "source_id": new["source_id"],
            "later": True,
        }
    )
    both = pd.concat([out, added], ignore_index=True)
    return both.sort_values("date", kind="stable").reset_index(drop=True)


def year_range(models: pd.DataFrame) -> tuple[int, int]:
    """The first and last year of the models in ``data/models_compute.csv`` (the period slider's ends)."""
    years = models["date"].dt.year
    return int(years.min()), int(years.max())


def priced_gpus(gpus: pd.DataFrame) -> list[str]:
    """The GPUs with a BF16 peak (the only ones a compute budget converts to GPU-hours)."""
    table = hardware.gpu_table(gpus)
    return [str(g) for g in table.index[table["bf16_dense_tflops"].notna()]]


def percent(fraction: float) -> int:
    """A utilisation as the slider's whole percent: 0.352 -> 35."""
    return round(fraction * 100)


def fraction(percent: float) -> float:
    """The slider's percent as a fraction: 35 -> 0.35."""
    return percent / 100


def known(fig: Figure) -> bool:
    """Whether a figure has a finite value (a GPU without a listed price has none)."""
    return math.isfinite(fig.number)


def v3_reference(models: pd.DataFrame, facts: pd.DataFrame, gpus: pd.DataFrame) -> FigureSet:
    """Where the money controls start: ``v3_price`` (the rental price DeepSeek-V3's report assumed)
    and ``v3_mfu`` (the utilisation its pre-training implies against the H800's BF16 peak)."""
    row = _model_value(models)
    price = "v3_rental_price_usd_per_gpu_hour"
    mfu = reference_mfu(
        row(HIGHLIGHT_MODEL, "active_parameters"),
        row(HIGHLIGHT_MODEL, "training_tokens"),
        fact(facts, "v3_gpu_hours_pretraining"),
        hardware.peak_flops_per_s(gpus, "H800") or math.nan,
    )
    return FigureSet(
        {
            "v3_price": figures.money(fact(facts, price), fact_source(facts, price), sig=AMOUNT_SIG),
            "v3_mfu": figures.share(mfu, fact_source(facts, "v3_gpu_hours_pretraining"), EPOCH),
        }
    )


def money_figures(gpus: pd.DataFrame, c_flops: float, gpu: str, price_usd_per_gpu_hour: float, mfu: float) -> FigureSet:
    """The money section's figures: ``gpu_hours`` and ``cost`` of the budget on ``gpu`` at the
    price and utilisation (``mfu`` as a fraction); ``listed_price`` (the GPU's listed rental
    price; missing when the data has none); ``early_cost``/``late_cost``: what the early and the
    last 10× of compute (``budget_figures``' ``early_from``… ``late_to``) cost more at these settings."""
    gpu_src = tuple(
        str(s)
        for s in gpus.loc[
            (gpus["gpu"] == gpu) & gpus["spec"].isin(("bf16_dense_tflops", "rental_usd_per_hour")), "source_id"
        ]
    )
    peak = hardware.peak_flops_per_s(gpus, gpu) or math.nan
    hours, usd = budget_cost(c_flops, peak, mfu, price_usd_per_gpu_hour)
    step = [budget_cost(v, peak, mfu, price_usd_per_gpu_hour)[1] for v in decade_flops()]
    listed = hardware.gpu_spec(gpus, gpu, "rental_usd_per_hour")

    def money(usd: float) -> Figure:
        return figures.money(usd, *gpu_src, sig=AMOUNT_SIG)

    return FigureSet(
        {
            "gpu_hours": Figure(hours, Kind.AMOUNT, gpu_src, sig=AMOUNT_SIG),
            "cost": money(usd),
            "listed_price": money(listed if listed is not None else math.nan),
            "early_cost": money(step[2] - step[1]),
            "late_cost": money(step[-1] - step[-2]),
        }
    )
