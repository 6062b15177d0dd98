"""A constant-elasticity model of demand for AI compute: does efficiency shrink or grow it?

A thinking tool, not a forecast. An efficiency gain ``k`` (k = 10: the same AI work needs a tenth
of the compute) cuts the cost of serving one unit of AI work (an answer, a token) to 1/k. A share
``pass_through`` of that saving reaches the price users pay:

    price ratio     p = 1 - s (1 - 1/k)          (s = 1: the price falls to 1/k; s = 0: unchanged)
    AI work used    Q = p^(-ε)                   (constant price elasticity of demand ε)
    compute needed  C = Q / k                    (GPUs, power and spending on them, at fixed
                                                  hardware prices and watts per GPU)
    users' bill     B = p · Q

With the whole saving passed on, C = B = k^(ε-1): ε = 1 is the break-even where spending on
compute stays flat for any k; ε > 1 makes it grow with k (Jevons' paradox), ε < 1 shrink.
All outputs are ratios to today (1 = no change).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

K_RANGE = (1.0, 100.0)
ELASTICITY_RANGE = (0.2, 2.5)
PASS_THROUGH_RANGE = (0.0, 1.0)
K_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0, 15.0, 20.0, 30.0, 50.0, 70.0, 100.0)  # roughly even on a log scale
CURVE_ELASTICITIES = (0.5, 1.0, 1.5, 2.0)  # the lines drawn for comparison


def k_steps(marker: float | None = None) -> tuple[float, ...]:
    """The efficiency-gain choices: ``K_STEPS`` plus ``marker`` (e.g. the article's 10x) when it
    lies inside ``K_RANGE`` and is not already a step."""
    steps = set(K_STEPS)
    if marker is not None and math.isfinite(marker) and K_RANGE[0] <= marker <= K_RANGE[1]:
        steps.add(round(float(marker), 2))
    return tuple(sorted(steps))


@dataclass(frozen=True)
class DemandOutcome:
    price: float  # price of a unit of AI work, ratio to today
    usage: float  # AI work used (answers, tokens), ratio to today
    compute: float  # compute needed = GPUs, power and spending on compute, ratio to today
    bill: float  # what users pay in total, ratio to today


def clamp(value: float, bounds: tuple[float, float]) -> float:
    """``value`` inside ``bounds``; NaN falls back to the lower bound."""
    lo, hi = bounds
    if value is None or math.isnan(float(value)):
        return lo
    return min(max(float(value), lo), hi)


def outcome(k: float, elasticity: float, pass_through: float = 1.0) -> DemandOutcome:
    """Ratios to today after an efficiency gain ``k`` (>= 1), with price elasticity ``elasticity``
    (> 0) and a share ``pass_through`` (0-1) of the saving passed on to prices.

    Raises ValueError outside the domain (k < 1, ε <= 0, share outside [0, 1], non-finite)."""
    if not all(math.isfinite(v) for v in (k, elasticity, pass_through)):
        raise ValueError("inputs must be finite")
    if k < 1 or elasticity <= 0 or not 0 <= pass_through <= 1:
        raise ValueError("need k >= 1, elasticity > 0, 0 <= pass_through <= 1")
    price = 1 - pass_through * (1 - 1 / k)  # between 1/k and 1: always > 0
    usage = price ** (-elasticity)
    return DemandOutcome(price=price, usage=usage, compute=usage / k, bill=price * usage)


def break_even_elasticity(k: float, pass_through: float = 1.0) -> float:
    """The elasticity at which spending on compute stays flat after gain ``k``: ε* = ln k / -ln p.
    1 with the whole saving passed on; infinite (returned as math.inf) when nothing is passed on
    or k = 1 (no gain: every ε leaves it flat, reported as 1)."""
    price = outcome(k, 1.0, pass_through).price
    if k == 1:
        return 1.0
    if price >= 1:
        return math.inf
    return math.log(k) / -math.log(price)


def compute_curve(ks: list[float], elasticity: float, pass_through: float = 1.0) -> list[float]:
    """Compute needed (ratio to today) for each gain in ``ks``."""
    return [outcome(k, elasticity, pass_through).compute for k in ks]


def log_grid(lo: float = K_RANGE[0], hi: float = K_RANGE[1], n: int = 61) -> list[float]:
    """``n`` points evenly spaced on a log scale from ``lo`` to ``hi`` (both included)."""
    a, b = math.log10(lo), math.log10(hi)
    return [10 ** (a + (b - a) * i / (n - 1)) for i in range(n)]
