"""The scenarios calculator: presets from ``data/presets.csv``, URL parsing, the published-run checks.

The arithmetic itself is ``core.costs.run_scenario``; this module turns data rows and URL
parameters into ``Scenario`` objects and checks the model against two published runs:

- DeepSeek-V3 (a consistency check): the utilisation its report's numbers imply, and the
  GPU-hours and cost the calculator gives back at that utilisation;
- Llama 3.1 405B (an independent check): GPU-hours from the utilisation Meta measured, against
  the GPU-hours in Meta's model card.

Other pages rebuild the reader's scenario from the URL with ``scenario_from_params`` and run it
with ``run_from_params`` (e.g. the Stargate page: how many such runs USD 500B pays for).
Units: base units in ``Scenario`` (parameters, tokens, fractions); the page's controls show
billions, trillions and percent (``NumberControl.scale``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

import pandas as pd

from core import costs, datasets
from core.datasets import DataError, fact, per_frame
from core.hardware import GPU_ORDER, gpu_names, gpu_spec

PRESETS = ("v3", "llama", "gpt4", "own")
DEFAULT_PRESET = "v3"  # the controls' defaults are this preset's values
PRESET_KEY = "sc_preset"  # URL parameter of the preset choice
COST_KEY = "sc_cost"  # URL parameter of the cost mode (rent | own)
GPU_KEY = "sc_gpu"
PRECISION_KEY = "sc_prec"
PRECISION_LABELS = {"bf16": "BF16", "fp8": "FP8"}  # the same in every language: bound directly
LLAMA_TOLERANCE = 0.20  # the independent check passes when computed GPU-hours are within ±20% of reported
DGX_GPUS_PER_SERVER = 8  # the DGX H100 power fact is per 8-GPU server (its unit in data/facts.csv)


@dataclass(frozen=True)
class NumberControl:
    """A numeric input: Scenario field, URL key, display scale (base unit per shown unit), bounds
    (in shown units; the lower bounds keep 0 GPUs and 0% MFU impossible), step and decimals."""

    field: str
    key: str
    scale: float
    lo: float
    hi: float
    step: float
    digits: int
    integer: bool = False

    def to_ui(self, value: float) -> float | int:
        shown = value / self.scale
        return int(round(shown)) if self.integer else round(shown, self.digits)

    def clamp(self, shown: float) -> float | int:
        shown = min(max(shown, self.lo), self.hi)
        return int(round(shown)) if self.integer else shown


NUMBER_CONTROLS = (
    NumberControl("active_params", "sc_active", 1e9, 0.1, 20_000.0, 1.0, 1),  # billions
    NumberControl("total_params", "sc_total", 1e9, 0.1, 20_000.0, 1.0, 1),  # billions
    NumberControl("tokens", "sc_tokens", 1e12, 0.01, 1_000.0, 0.1, 2),  # trillions
    NumberControl("n_gpus", "sc_gpus", 1.0, 1, 1_000_000, 1, 0, integer=True),
    NumberControl("mfu", "sc_mfu", 0.01, 1.0, 100.0, 0.01, 2),  # percent
    NumberControl("rent_usd_per_gpu_hour", "sc_rent", 1.0, 0.01, 100.0, 0.01, 2),
    NumberControl("purchase_usd_per_gpu", "sc_buy", 1.0, 100.0, 1_000_000.0, 100.0, 0),
    NumberControl("depreciation_years", "sc_years", 1.0, 1.0, 10.0, 0.5, 1),
    NumberControl("kw_per_gpu", "sc_kw", 1.0, 0.05, 5.0, 0.005, 3),
    NumberControl("pue", "sc_pue", 1.0, 1.0, 3.0, 0.01, 2),
    NumberControl("usd_per_kwh", "sc_kwh", 1.0, 0.0, 1.0, 0.001, 4),
)
CONTROLS = {c.field: c for c in NUMBER_CONTROLS}
OPTION_FIELDS = ("gpu", "precision", "cost_mode")
SCENARIO_FIELDS = tuple(c.field for c in NUMBER_CONTROLS) + OPTION_FIELDS


def _gpu_spec_value(gpus: pd.DataFrame, gpu: str, spec: str) -> float:
    value = gpu_spec(gpus, gpu, spec)
    if value is None:
        raise DataError("data/gpus.csv", f"no '{spec}' row for {gpu}", column="spec")
    return value


def gpu_for(gpus: pd.DataFrame, name: str) -> costs.GpuSpec:
    """The GPU's dense peaks and memory from ``data/gpus.csv`` (FP8 None when not listed)."""
    fp8 = gpu_spec(gpus, name, "fp8_dense_tflops")
    return costs.GpuSpec(
        name=name,
        bf16_flops_per_s=_gpu_spec_value(gpus, name, "bf16_dense_tflops") * 1e12,
        fp8_flops_per_s=None if fp8 is None else fp8 * 1e12,
        hbm_bytes=_gpu_spec_value(gpus, name, "hbm_gb") * 1e9,
    )


def peak_for(gpus: pd.DataFrame, name: str, precision: str) -> float:
    """Dense peak FLOP/s at a precision, or DataError when the data has no such figure."""
    return _gpu_spec_value(gpus, name, f"{precision}_dense_tflops") * 1e12


def server_kw_for(facts: pd.DataFrame, gpus: pd.DataFrame, name: str) -> float:
    """kW per GPU at the server (before PUE): the DGX H100's maximum per GPU, scaled by TDP."""
    return costs.server_kw_per_gpu(
        _gpu_spec_value(gpus, name, "tdp_w"),
        fact(facts, "dgx_h100_max_kw"),
        DGX_GPUS_PER_SERVER,
        _gpu_spec_value(gpus, "H100", "tdp_w"),
    )


def gpu_defaults(facts: pd.DataFrame, gpus: pd.DataFrame, name: str) -> dict[str, float]:
    """Listed rental and purchase prices and the derived server power of one GPU (what is known)."""
    out = {"kw_per_gpu": server_kw_for(facts, gpus, name)}
    for field, spec in (("rent_usd_per_gpu_hour", "rental_usd_per_hour"), ("purchase_usd_per_gpu", "purchase_usd")):
        value = gpu_spec(gpus, name, spec)
        if value is not None:
            out[field] = value
    return out


def _text(cell) -> str:
    return cell if isinstance(cell, str) else ""


def _rows(presets: pd.DataFrame, preset: str) -> dict[str, dict]:
    """{field: row} of one preset (every preset's built in one pass, once per frame: a page asks
    many times a run)."""

    def build(frame: pd.DataFrame) -> dict[str, dict[str, dict]]:
        out: dict[str, dict[str, dict]] = {}
        for r in frame.to_dict("records"):
            out.setdefault(r["preset"], {})[r["field"]] = r
        return out

    return per_frame(presets, ("preset_rows",), build).get(preset, {})


def _ref(rows: dict[str, dict], field: str) -> float:
    if field not in rows or not math.isfinite(rows[field]["value"]):
        raise DataError("data/presets.csv", f"row '{field}' with a value is missing", column="field")
    return float(rows[field]["value"])


def preset_values(presets: pd.DataFrame, facts: pd.DataFrame, gpus: pd.DataFrame, preset: str) -> dict:
    """Every Scenario field of one preset, in base units: a row's own value or option, a fact
    (``facts:KEY``), a GPU spec (``gpus:GPU:SPEC``) or a derivation (``calc:NAME``, below)."""
    rows = _rows(presets, preset)
    out: dict = {}

    def value(field: str):
        if field in out:
            return out[field]
        row = rows.get(field)
        if row is None:
            raise DataError("data/presets.csv", f"preset '{preset}' has no row for '{field}'", column="field")
        ref, option = _text(row["ref"]), _text(row["option"])
        if option:
            v = option
        elif ref.startswith("facts:"):
            v = fact(facts, ref.split(":", 1)[1])
        elif ref.startswith("gpus:"):
            _, gpu, spec = ref.split(":")
            v = _gpu_spec_value(gpus, gpu, spec)
        elif ref.startswith("calc:"):
            v = _derive(ref.split(":", 1)[1], value, rows, facts, gpus)
        elif math.isfinite(row["value"]):
            v = float(row["value"])
        else:
            raise DataError(
                "data/presets.csv", f"preset '{preset}', '{field}': no value, option or ref", column="value"
            )
        out[field] = v
        return v

    for field in SCENARIO_FIELDS:
        value(field)
    return out


def _derive(name: str, value, rows: dict, facts: pd.DataFrame, gpus: pd.DataFrame) -> float:
    """The ``calc:`` derivations of data/presets.csv. Utilisations are rounded to 0.01 percentage
    points, the precision of the MFU control."""
    if name == "v3_implied_mfu":
        flops = costs.training_flops(value("active_params"), value("tokens"))
        peak = peak_for(gpus, value("gpu"), value("precision"))
        return round(costs.implied_mfu(flops, fact(facts, "v3_gpu_hours_pretraining"), peak), 4)
    if name == "llama_mfu_mid":
        return round((_ref(rows, "ref_mfu_low") + _ref(rows, "ref_mfu_high")) / 2, 4)
    if name == "gpt4_active_params":
        return _ref(rows, "ref_training_flop") / (6.0 * value("tokens"))
    if name == "gpt4_implied_mfu":
        hours = value("n_gpus") * _ref(rows, "ref_training_hours")
        peak = peak_for(gpus, value("gpu"), value("precision"))
        return round(costs.implied_mfu(_ref(rows, "ref_training_flop"), hours, peak), 4)
    if name == "same_as_active":
        return value("active_params")
    if name == "server_kw_per_gpu":
        return server_kw_for(facts, gpus, value("gpu"))
    raise DataError("data/presets.csv", f"unknown derivation 'calc:{name}'", column="ref")


def scenario_of(values: Mapping) -> costs.Scenario:
    """A Scenario from a mapping of its fields in base units (e.g. ``preset_values``)."""
    kwargs = {f: values[f] for f in SCENARIO_FIELDS}
    kwargs["n_gpus"] = int(round(kwargs["n_gpus"]))
    return costs.Scenario(**kwargs)


def ui_values(values: Mapping) -> dict:
    """Control values for the page, keyed by URL key, in shown units (billions, %, ...)."""
    out = {c.key: c.to_ui(values[c.field]) for c in NUMBER_CONTROLS}
    out[GPU_KEY] = values["gpu"]
    out[PRECISION_KEY] = PRECISION_LABELS[values["precision"]]
    out[COST_KEY] = values["cost_mode"]
    return out


def _first(raw):
    if isinstance(raw, (list, tuple)):
        return raw[0] if raw else None
    return raw


def scenario_from_params(
    params: Mapping,
    presets: pd.DataFrame | None = None,
    facts: pd.DataFrame | None = None,
    gpus: pd.DataFrame | None = None,
) -> costs.Scenario:
    """The reader's scenario from the scenarios page's URL parameters (``st.query_params``).

    Missing or unreadable values take their default: the preset named in ``sc_preset`` when it is
    a published run (the page writes only values that differ from the defaults), else the
    DeepSeek-V3 preset, which is the page's default view. Numbers are clamped to the controls'
    ranges, so the result always runs (at least 1 GPU, at least 1% MFU). Data frames are loaded
    from ``data/`` when not given.
    """
    presets = datasets.load("presets") if presets is None else presets
    facts = datasets.load("facts") if facts is None else facts
    gpus = datasets.load("gpus") if gpus is None else gpus
    preset = _first(params.get(PRESET_KEY))
    base = preset if preset in ("llama", "gpt4") else DEFAULT_PRESET
    values = dict(preset_values(presets, facts, gpus, base))
    defaults = ui_values(values)
    for c in NUMBER_CONTROLS:
        raw = _first(params.get(c.key))
        try:
            shown = float(raw) if raw is not None else None
        except (TypeError, ValueError):
            shown = None
        if shown is None or not math.isfinite(shown):
            shown = defaults[c.key]
        values[c.field] = c.clamp(shown) * c.scale
    gpu = _first(params.get(GPU_KEY))
    if gpu in GPU_ORDER and gpu in gpu_names(gpus):
        values["gpu"] = gpu
    prec = str(_first(params.get(PRECISION_KEY)) or "").lower()
    if prec in PRECISION_LABELS:
        values["precision"] = prec
    mode = _first(params.get(COST_KEY))
    if mode in costs.COST_MODES:
        values["cost_mode"] = mode
    return scenario_of(values)


def run_from_params(
    params: Mapping,
    presets: pd.DataFrame | None = None,
    facts: pd.DataFrame | None = None,
    gpus: pd.DataFrame | None = None,
) -> costs.ScenarioResult:
    """``run_scenario`` of ``scenario_from_params``: the reader's run, from a URL's parameters."""
    gpus = datasets.load("gpus") if gpus is None else gpus
    s = scenario_from_params(params, presets, facts, gpus)
    return costs.run_scenario(s, gpu_for(gpus, s.gpu))


def compact_decimals(value: float, lang: str, significant: int = 4) -> int:
    """Decimals that give ``significant`` digits in the compact form of ``value`` for a language
    (short scale in English: 29.47M; 万/億/兆 in Japanese: 2947万), for ``fmt_compact`` / ``fmt_money``."""
    v = abs(value)
    if not math.isfinite(v) or v == 0:
        return 0
    units = (1e12, 1e8, 1e4) if lang == "ja" else (1e12, 1e9, 1e6, 1e3)
    mantissa = next((v / u for u in units if v >= u), v)
    return max(0, significant - 1 - math.floor(math.log10(mantissa)))


# --- checks against published runs -------------------------------------------------------------


@dataclass(frozen=True)
class V3Check:
    flops: float
    reported_gpu_hours: float  # pre-training
    mfu_bf16: float
    mfu_fp8: float
    gpu_hours_back: float  # the calculator at mfu_fp8 on the FP8 peak
    cost_back_usd: float
    price_usd_per_gpu_hour: float


def v3_check(presets: pd.DataFrame, facts: pd.DataFrame, gpus: pd.DataFrame) -> V3Check:
    """The utilisation DeepSeek-V3's reported pre-training implies (6·N·D over 2,664K H800
    GPU-hours, against the BF16 and FP8 peaks), and what the calculator gives back at it."""
    v = preset_values(presets, facts, gpus, "v3")
    flops = costs.training_flops(v["active_params"], v["tokens"])
    hours = fact(facts, "v3_gpu_hours_pretraining")
    fp8_peak = peak_for(gpus, v["gpu"], "fp8")
    mfu_fp8 = costs.implied_mfu(flops, hours, fp8_peak)
    back = costs.gpu_hours_for(flops, fp8_peak, mfu_fp8)
    price = fact(facts, "v3_rental_price_usd_per_gpu_hour")
    return V3Check(
        flops,
        hours,
        costs.implied_mfu(flops, hours, peak_for(gpus, v["gpu"], "bf16")),
        mfu_fp8,
        back,
        costs.training_cost_usd(back, price),
        price,
    )


@dataclass(frozen=True)
class LlamaCheck:
    flops: float
    reported_gpu_hours: float
    mfu_low: float
    mfu_high: float
    gpu_hours_at_low: float  # the most GPU-hours (lowest utilisation)
    gpu_hours_at_high: float
    gap_low: float  # (computed - reported) / reported, at the low utilisation; negative = below
    gap_high: float

    @property
    def within_tolerance(self) -> bool:
        return max(abs(self.gap_low), abs(self.gap_high)) <= LLAMA_TOLERANCE


def llama_check(presets: pd.DataFrame, facts: pd.DataFrame, gpus: pd.DataFrame) -> LlamaCheck:
    """GPU-hours of Llama 3.1 405B from the utilisation Meta reported (38-43% BF16 MFU),
    against the 30.84M H100 GPU-hours of its model card."""
    rows = _rows(presets, "llama")
    v = preset_values(presets, facts, gpus, "llama")
    flops = costs.training_flops(v["active_params"], v["tokens"])
    peak = peak_for(gpus, v["gpu"], v["precision"])
    reported = fact(facts, "llama31_405b_gpu_hours")
    low, high = _ref(rows, "ref_mfu_low"), _ref(rows, "ref_mfu_high")
    h_low, h_high = costs.gpu_hours_for(flops, peak, low), costs.gpu_hours_for(flops, peak, high)
    return LlamaCheck(flops, reported, low, high, h_low, h_high, h_low / reported - 1, h_high / reported - 1)


def reference(presets: pd.DataFrame, preset: str, field: str) -> float:
    """A ``ref_*`` row of a preset (e.g. Epoch AI's GPT-4 compute range)."""
    return _ref(_rows(presets, preset), field)


# --- what the chart draws ------------------------------------------------------------------------


def sweep_columns(s: costs.Scenario, gpu: costs.GpuSpec, axis: str) -> dict[str, list]:
    """Total cost (USD) and days as the MFU (``axis="mfu"``, in %) or the number of GPUs
    (``axis="gpus"``) varies around the reader's choice; ``current`` marks the choice itself.
    Columns of plain lists (x, cost_usd, days, current): pages label them before any table is made."""
    if axis == "gpus":
        xs = sorted({max(1, round(s.n_gpus * 2.0**k)) for k in range(-6, 7)} | {s.n_gpus})
        xs = [x for x in xs if x <= CONTROLS["n_gpus"].hi]
        runs = [(x, replace(s, n_gpus=int(x))) for x in xs]
        current = s.n_gpus
    else:
        pct = round(s.mfu * 100, 2)
        grid = set(range(5, 81, 5)) | {pct}
        xs = sorted(x for x in grid if min(5, pct) <= x <= max(80, pct))
        runs = [(x, replace(s, mfu=x / 100)) for x in xs]
        current = pct
    columns: dict[str, list] = {"x": [], "cost_usd": [], "days": [], "current": []}
    for x, sc in runs:
        r = costs.run_scenario(sc, gpu)
        for key, value in (
            ("x", float(x)),
            ("cost_usd", r.total_cost_usd),
            ("days", r.days),
            ("current", x == current),
        ):
            columns[key].append(value)
    return columns


def sweep(s: costs.Scenario, gpu: costs.GpuSpec, axis: str) -> pd.DataFrame:
    """``sweep_columns`` as a table."""
    return pd.DataFrame(sweep_columns(s, gpu, axis))


def preset_source_ids(presets: pd.DataFrame, preset: str) -> tuple[str, ...]:
    """The sources a preset's values come from, in the file's order."""
    return tuple(dict.fromkeys(presets.loc[presets["preset"] == preset, "source_id"]))
