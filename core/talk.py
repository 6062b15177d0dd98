"""The guided tour (talk track): the article's argument as numbered steps, and the step arithmetic.

Pure Python: which steps there are (each names the app page it comes from, so a presenter can dive
in), reading a step number from the URL (``?step=4``, 1-based) and moving to the next / previous
step. Anything a URL may hold (``0``, ``99``, ``abc``, ``-1``, ``2.5``, ``nan``) lands on a valid step.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    id: str  # content key: talk.<id>.heading, .sentence, .note
    page: str  # the page it comes from (an id of ui.pages.ALL_PAGES)
    kind: str = "chart"  # "chart" or "figure" (one big figure card where a chart makes no sense)


STEPS: tuple[Step, ...] = (
    Step("shock", "stocks", "figure"),
    Step("who_fell", "stocks"),
    Step("scaling", "scaling"),
    Step("stargate", "stargate"),
    Step("cost", "deepseek"),
    Step("why_cheap", "deepseek"),
    Step("benchmarks", "deepseek"),
    Step("scenario", "scenarios"),
    Step("what_next", "next"),
    Step("since", "next"),  # twenty months on: the evidence since the article
    Step("thesis", "home", "figure"),
)
COUNT = len(STEPS)


def clamp_step(raw: object, count: int = COUNT) -> int:
    """A 1-based step number from a URL value: numbers are truncated and clamped to 1..count;
    anything unreadable (text, empty, NaN) is step 1."""
    if count < 1:
        raise ValueError("a tour needs at least one step")
    try:
        value = float(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    if math.isnan(value):
        return 1
    if math.isinf(value):
        return count if value > 0 else 1
    return min(max(int(value), 1), count)


def next_step(step: int, count: int = COUNT) -> int:
    """The step after ``step``; the last step stays where it is."""
    return clamp_step(step + 1, count)


def previous_step(step: int, count: int = COUNT) -> int:
    """The step before ``step``; the first step stays where it is."""
    return clamp_step(step - 1, count)


def step_at(step: int) -> Step:
    """The Step shown at a 1-based (clamped) step number."""
    return STEPS[clamp_step(step) - 1]


def progress(step: int, count: int = COUNT) -> float:
    """Share of the tour reached at ``step``: 1/count on the first step, 1.0 on the last."""
    return clamp_step(step, count) / count
