"""Training-cost arithmetic shared by every page (one cost model, not one per page)."""

from __future__ import annotations


def training_cost_usd(gpu_hours: float, price_usd_per_gpu_hour: float) -> float:
    """Rental cost of a run: GPU-hours x price per GPU-hour (USD)."""
    if gpu_hours < 0 or price_usd_per_gpu_hour < 0:
        raise ValueError("GPU-hours and price must not be negative")
    return gpu_hours * price_usd_per_gpu_hour


def cost_ratio(cost_usd: float, reference_cost_usd: float) -> float:
    """How many reference runs one run costs (cost / reference). Reference must be positive."""
    if reference_cost_usd <= 0:
        raise ValueError("reference cost must be positive")
    return cost_usd / reference_cost_usd
