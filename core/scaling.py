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

from core import costs

FLOPS_PER_PARAM_TOKEN = 6.0  # C ≈ 6ND: forward + backward pass
COMPUTE_STEPS = tuple(m * 10.0**e for e in range(21, 27) for m in (1, 3)) + (1e27,)  # the slider's stops
FIT_IDS = ("besiroglu", "hoffmann")  # the replication first: it agrees with Chinchilla's own allocation
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


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
    out = {}
    for fit_id in FIT_IDS:
        rows = table.loc[table["fit"] == fit_id].set_index("param")["value"]
        out[fit_id] = ChinchillaFit(fit_id, *(float(rows[p]) for p in ("A", "B", "E", "alpha", "beta")))
    return out


def rule_tokens_per_param(table: pd.DataFrame) -> float:
    """The '20 tokens per parameter' rule of thumb, from ``data/scaling_fits.csv``."""
    return float(table.loc[(table["fit"] == "rule") & (table["param"] == "tokens_per_param"), "value"].iloc[0])


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


def decade_gains(fit: ChinchillaFit, first_exp: int = 21, last_exp: int = 27) -> pd.DataFrame:
    """Loss at each power of ten of compute and how much it fell since the previous one.

    Columns: compute_flop, loss, gain (loss 10× earlier minus loss now; NaN for the first row).
    The gains shrink decade after decade: the diminishing returns of scale.
    """
    cs = [10.0**e for e in range(first_exp, last_exp + 1)]
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


def flop_label(c_flops: float) -> str:
    """A compute value as people write it: 1e24 -> '10²⁴', 3e21 -> '3×10²¹', 3.4e24 -> '3.4×10²⁴'."""
    _check_compute(c_flops)
    exp = math.floor(math.log10(c_flops))
    mantissa = round(c_flops / 10**exp, 1)
    if mantissa >= 10:
        mantissa, exp = mantissa / 10, exp + 1
    power = "10" + str(exp).translate(_SUPERSCRIPT)
    if mantissa == 1:
        return power
    text = f"{mantissa:.1f}".rstrip("0").rstrip(".")
    return f"{text}×{power}"


def compute_code(c_flops: float) -> str:
    """Stable URL code of a slider stop: 3e21 -> '3e21'."""
    exp = math.floor(math.log10(c_flops) + 1e-9)
    return f"{round(c_flops / 10**exp):d}e{exp}"


def compute_from_code(code: str) -> float:
    return float(code)
