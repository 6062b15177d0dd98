"""GPU specifications from ``data/gpus.csv`` (one spec a row) as a table and single values."""

from __future__ import annotations

import math

import pandas as pd

from core.datasets import lookup_index, per_frame

GPU_ORDER = ("A100", "H100", "H800", "H200", "B200")


def gpu_table(gpus: pd.DataFrame) -> pd.DataFrame:
    """Wide table: one row a GPU (in GPU_ORDER first), one column a spec; NaN where unknown."""

    def build(frame: pd.DataFrame) -> pd.DataFrame:
        wide = frame.pivot(index="gpu", columns="spec", values="value")
        order = [g for g in GPU_ORDER if g in wide.index] + sorted(set(wide.index) - set(GPU_ORDER))
        return wide.reindex(order)

    return per_frame(gpus, ("gpu_table",), build).copy(deep=False)  # callers may change their copy


def gpu_names(gpus: pd.DataFrame) -> tuple[str, ...]:
    """The GPUs the data lists, in ``gpu_table``'s order (worked out once per frame)."""

    def build(frame: pd.DataFrame) -> tuple[str, ...]:  # (no pivot: a first load pays for it)
        present = set(frame["gpu"])
        return tuple([g for g in GPU_ORDER if g in present] + sorted(present - set(GPU_ORDER)))

    return per_frame(gpus, ("gpu_names",), build)


def gpu_spec(gpus: pd.DataFrame, gpu: str, spec: str) -> float | None:
    """One spec of one GPU, or None when the data has no such row."""
    value = lookup_index(gpus, ("gpu", "spec"), "value").get((gpu, spec))
    if value is None or not math.isfinite(float(value)):
        return None
    return float(value)


def peak_flops_per_s(gpus: pd.DataFrame, gpu: str, precision: str = "bf16") -> float | None:
    """Dense peak FLOP/s of one GPU at 'bf16' or 'fp8' (FP8 falls back to None when unknown)."""
    tflops = gpu_spec(gpus, gpu, f"{precision}_dense_tflops")
    return None if tflops is None else tflops * 1e12


def spec_source(gpus: pd.DataFrame, gpu: str, spec: str) -> str | None:
    source = lookup_index(gpus, ("gpu", "spec"), "source_id").get((gpu, spec))
    return None if source is None else str(source)
