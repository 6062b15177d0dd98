"""The scenarios calculator: presets from ``data/presets.csv``, URL parsing, the published-run checks.

The arithmetic itself is ``core.costs.run_scenario``; this module turns data rows and URL
parameters into ``Scenario`` objects and checks the model against two published runs:

- DeepSeek-V3 (a consistency check): the utilisation its report's numbers imply, and the
  GPU-hours and cost the calculator gives back at that utilisation;
- Llama 3.1 405B (an independent check): GPU-hours from the utilisation Meta measured, against
  the GPU-hours in Meta's model card.

The page and the tour render the reader's run as figures (``outcome``: the scenario a URL's or the
controls' parameters describe, its run, its figures and what its inputs are); ``check_figures``
renders the checks.
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
from core.figures import Figure, FigureRange, FigureSet, Kind, compute, count, money, share
from core.hardware import GPU_ORDER, gpu_names, gpu_spec, spec_source

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
        v: str | float
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
    out: dict[str, float | int | str] = {c.key: c.to_ui(values[c.field]) for c in NUMBER_CONTROLS}
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
    DeepSeek-V3 preset, which is the page's default view; a GPU other than the preset's brings its
    listed rental and purchase prices and its server power (``gpu_defaults``) unless the link sets
    them too. Numbers are clamped to the controls' ranges, so the result always runs (at least
    1 GPU, at least 1% MFU). Data frames are loaded from ``data/`` when not given.
    """
    presets = datasets.load("presets") if presets is None else presets
    facts = datasets.load("facts") if facts is None else facts
    gpus = datasets.load("gpus") if gpus is None else gpus
    preset = _first(params.get(PRESET_KEY))
    base = preset if preset in ("llama", "gpt4") else DEFAULT_PRESET
    values = dict(preset_values(presets, facts, gpus, base))
    gpu = _first(params.get(GPU_KEY))
    if gpu in GPU_ORDER and gpu in gpu_names(gpus) and gpu != values["gpu"]:
        values["gpu"] = gpu  # another GPU brings its listed prices and power, as choosing it on the page does
        values.update(gpu_defaults(facts, gpus, gpu))
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
    prec = str(_first(params.get(PRECISION_KEY)) or "").lower()
    if prec in PRECISION_LABELS:
        values["precision"] = prec
    mode = _first(params.get(COST_KEY))
    if mode in costs.COST_MODES:
        values["cost_mode"] = mode
    return scenario_of(values)


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
    xs: list[float]
    current: float
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


# --- figures: what the page, the tour and other pages show ---------------------------------------
# One constructor a quantity, so that a value reads the same in a sentence, a metric, a list of
# inputs and a chart label (``core.figures.text`` renders them by kind and language).


def params_figure(n: float, *sources: str) -> Figure:
    """Parameters or tokens: 37B / 370億, 14.8T / 14.8兆 (four significant digits)."""
    return Figure(n, Kind.AMOUNT, sources, sig=4)


def gpu_hours_figure(hours: float, *sources: str) -> Figure:
    return Figure(hours, Kind.AMOUNT, sources, sig=4)


def cost_figure(usd: float, *sources: str, **kw) -> Figure:
    """A run's cost: USD 5.328M / 532.8万ドル (four significant digits)."""
    return money(usd, *sources, sig=4, **kw)


def days_figure(days: float, *sources: str) -> Figure:
    return Figure(days, Kind.DAYS, sources, digits=1)


def mfu_figure(fraction: float, *sources: str) -> Figure:
    """A utilisation in a sentence: 17.3%."""
    return share(fraction, *sources, digits=1)


def gpus_figure(n: float, *sources: str) -> Figure:
    """A number of GPUs, whole and grouped in both languages: 2,048 / 16,384."""
    return Figure(n, Kind.NUMBER, sources, digits=0)


def number_figure(v: float, *sources: str, digits: int = 0) -> Figure:
    return Figure(v, Kind.NUMBER, sources, digits=digits)


# An input as the list of facts and assumptions shows it: at the precision of its control
INPUT_FIGURES = {
    "active_params": params_figure,
    "total_params": params_figure,
    "tokens": params_figure,
    "n_gpus": gpus_figure,
    "mfu": lambda v, *src: share(v, *src, digits=2),
    "rent_usd_per_gpu_hour": lambda v, *src: money(v, *src, sig=4),
    "purchase_usd_per_gpu": lambda v, *src: money(v, *src, sig=4),
    "depreciation_years": lambda v, *src: number_figure(v, *src, digits=1),
    "kw_per_gpu": lambda v, *src: number_figure(v, *src, digits=3),
    "pue": lambda v, *src: number_figure(v, *src, digits=2),
    "usd_per_kwh": lambda v, *src: money(v, *src, sig=4),
}


def input_figure(field: str, value: float, *sources: str) -> Figure:
    """A numeric input (``NUMBER_CONTROLS``' field) as the page lists it: 17.31%, USD 2.99, 1.275."""
    return INPUT_FIGURES[field](value, *sources)


# --- what the inputs are: a preset's, the reader's own, or their GPU's ---------------------------

GPU_LISTED = {  # inputs a GPU brings along (``gpu_defaults``): field -> (basis, gpus.csv spec)
    "rent_usd_per_gpu_hour": ("assumption", "rental_usd_per_hour"),
    "purchase_usd_per_gpu": ("assumption", "purchase_usd"),
    "kw_per_gpu": ("derived", "tdp_w"),
}
OPTION_KEYS = {"gpu": GPU_KEY, "precision": PRECISION_KEY, "cost_mode": COST_KEY}


@dataclass(frozen=True)
class BasisLine:
    """One input: its value (a figure; None for an option), the option's code ('' for numbers),
    what kind of figure it is (data/presets.csv's basis: fact, estimate, derived, assumption; or
    'yours' for the reader's own), its source id ('' for the reader's own) and the derivation it
    comes from ('' or the name of a ``calc:`` row)."""

    field: str
    value: Figure | None
    option: str
    basis: str
    source_id: str
    calc: str


@dataclass(frozen=True)
class Description:
    """What the reader's inputs are: the preset they start from, the inputs that differ from it,
    and one line an input. ``custom``: the inputs are not a preset's (some are the reader's own)."""

    base: str
    changed: tuple[str, ...]
    lines: tuple[BasisLine, ...]

    @property
    def custom(self) -> bool:
        return bool(self.changed)

    def sources(self) -> tuple[str, ...]:
        """The source ids of the inputs, in order, each once."""
        return tuple(dict.fromkeys(line.source_id for line in self.lines if line.source_id))


def _key(field: str) -> str:
    return OPTION_KEYS.get(field) or CONTROLS[field].key


def describe(
    presets: pd.DataFrame, facts: pd.DataFrame, gpus: pd.DataFrame, s: costs.Scenario, named: str | None = None
) -> Description:
    """Where each input of ``s`` comes from. The base is the preset it differs from least (the
    ``named`` one, e.g. ``sc_preset``, on a tie); an input that differs from the base is the
    reader's own, unless it is the listed price or power of the chosen GPU (``gpu_defaults``: then
    that, with its source in data/gpus.csv). Values are compared as the controls show them."""
    shown = ui_values(s.__dict__)
    order = [named] if named in PRESETS else []
    order += [p for p in PRESETS if p != named]

    def diffs(preset: str) -> tuple[str, ...]:
        ref = ui_values(preset_values(presets, facts, gpus, preset))
        return tuple(f for f in SCENARIO_FIELDS if shown[_key(f)] != ref[_key(f)])

    base = min(order, key=lambda p: len(diffs(p)))  # (min keeps the first of equals: the named preset)
    changed = diffs(base)
    listed = gpu_defaults(facts, gpus, s.gpu)
    rows = _rows(presets, base)
    lines = []
    for field in [f for f in rows if f in SCENARIO_FIELDS]:
        row, value = rows[field], getattr(s, field)
        basis, source, ref = row["basis"], row["source_id"], _text(row["ref"])
        calc = ref[5:] if ref.startswith("calc:") else ""
        if field in changed:
            basis, source, calc = "yours", "", ""
            if field in GPU_LISTED and field in listed and CONTROLS[field].to_ui(listed[field]) == shown[_key(field)]:
                basis, spec = GPU_LISTED[field]
                source = (
                    datasets.fact_source(facts, "dgx_h100_max_kw")
                    if field == "kw_per_gpu"
                    else spec_source(gpus, s.gpu, spec) or ""
                )
                calc = "server_kw_per_gpu" if field == "kw_per_gpu" else ""
        option = value if field in OPTION_KEYS else ""
        figure = None if option else input_figure(field, float(value), *([source] if source else []))
        lines.append(BasisLine(field, figure, option, basis, source, calc))
    return Description(base, changed, tuple(lines))


# --- the reader's run ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """The reader's scenario (``scenario_from_params``), its run, its figures and its description."""

    scenario: costs.Scenario
    result: costs.ScenarioResult
    figures: FigureSet
    description: Description


def outcome(
    presets: pd.DataFrame,
    facts: pd.DataFrame,
    gpus: pd.DataFrame,
    params: Mapping | tuple[tuple[str, str], ...],
) -> Outcome:
    """The run of the scenario the parameters (a URL's ``sc_*``, or the page's controls) describe,
    as figures: ``active``, ``total``, ``tokens``, ``n_gpus``, ``mfu``, ``flops`` (6·N·D),
    ``tokens_per_param``, ``peak_tflops``, ``gpu_hours``, ``days``, ``price`` (per GPU-hour),
    ``cost``, ``energy_cost``, ``energy`` (TWh), ``pue``, ``power`` (GW), ``memory_tb``,
    ``memory_available_tb``, ``bytes_per_param``, ``ratio_to_v3`` (this run's cost in DeepSeek-V3
    runs) and ``scenario_runs`` (runs of this scenario Stargate's budget pays for); with
    ``v3_cost`` and ``stargate_budget`` of ``core.headlines.cost_figures``, which they compare with."""
    from core.headlines import cost_figures

    shared = cost_figures(facts)
    v3_cost_usd, budget_usd = shared["v3_cost"].number, shared["stargate_budget"].number
    params = dict(params)
    s = scenario_from_params(params, presets, facts, gpus)
    r = costs.run_scenario(s, gpu_for(gpus, s.gpu))
    d = describe(presets, facts, gpus, s, _first(params.get(PRESET_KEY)))
    src = {line.field: ((line.source_id,) if line.source_id else ()) for line in d.lines}
    run = d.sources()
    gpu_src = tuple(x for x in (spec_source(gpus, s.gpu, f"{r.precision}_dense_tflops"),) if x)
    memory_src = tuple(x for x in (spec_source(gpus, s.gpu, "hbm_gb"),) if x)
    figs = {
        "active": params_figure(s.active_params, *src["active_params"]),
        "total": params_figure(s.total_params, *src["total_params"]),
        "tokens": params_figure(s.tokens, *src["tokens"]),
        "n_gpus": gpus_figure(s.n_gpus, *src["n_gpus"]),
        "mfu": mfu_figure(s.mfu, *src["mfu"]),
        "flops": compute(r.flops, *src["active_params"], *src["tokens"]),
        "tokens_per_param": number_figure(r.tokens_per_param, *src["active_params"], *src["tokens"]),
        "peak_tflops": number_figure(r.peak_flops_per_s / 1e12, *gpu_src),
        "gpu_hours": gpu_hours_figure(r.gpu_hours, *run, *gpu_src),
        "days": days_figure(r.days, *run, *gpu_src),
        "price": money(r.usd_per_gpu_hour, *run),
        "cost": cost_figure(r.total_cost_usd, *run, *gpu_src),
        "energy_cost": money(r.energy_cost_usd, *run, *gpu_src),
        "energy": Figure(r.energy_mwh / 1e6, Kind.ENERGY, (*run, *gpu_src)),
        "pue": number_figure(s.pue, *src["pue"], digits=2),
        "power": Figure(r.peak_power_mw / 1e3, Kind.POWER, (*src["n_gpus"], *src["kw_per_gpu"], *src["pue"])),
        "memory_tb": number_figure(r.memory_needed_bytes / 1e12, *src["total_params"], digits=1),
        "memory_available_tb": number_figure(r.memory_available_bytes / 1e12, *src["n_gpus"], *memory_src),
        "bytes_per_param": number_figure(costs.BYTES_PER_PARAM_MIXED_ADAM),
        "ratio_to_v3": Figure(costs.cost_ratio(r.total_cost_usd, v3_cost_usd), Kind.RATIO, (*run, "V3R"), sig=2),
        "scenario_runs": count(costs.runs_in_budget(budget_usd, r.total_cost_usd), *run, "STARGATE-OAI"),
        "v3_cost": shared["v3_cost"],
        "stargate_budget": shared["stargate_budget"],
    }
    return Outcome(s, r, FigureSet(figs), d)


def check_figures(presets: pd.DataFrame, facts: pd.DataFrame, gpus: pd.DataFrame) -> FigureSet:
    """The checks against published runs as figures: DeepSeek-V3 (``v3_flops`` 6·N·D,
    ``v3_mfu_bf16``, ``v3_mfu_fp8``, ``v3_hours``, ``v3_hours_back``, ``v3_cost_back``), Llama 3.1
    405B (``llama_flops``, ``llama_mfu_low`` / ``_high``, ``llama_hours_low`` / ``_high`` (at the
    high / low utilisation), ``llama_reported``, ``llama_gap`` (a range), ``llama_tolerance``) and
    Epoch AI's GPT-4 compute (``gpt4_flop``, ``gpt4_flop_low``, ``gpt4_flop_high``); with
    ``v3_price`` of ``core.headlines.cost_figures``."""
    from core.headlines import cost_figures

    v3, llama = v3_check(presets, facts, gpus), llama_check(presets, facts, gpus)
    gpt4 = {k: reference(presets, "gpt4", f"ref_training_flop{k}") for k in ("", "_low", "_high")}
    v3_src, fp8_src = ("V3R",), ("V3R", "H100-SPARSE")
    llama_src = ("EPM", "L3-MFU", "EPH")
    return FigureSet(
        {
            "v3_flops": compute(v3.flops, *v3_src),
            "v3_mfu_bf16": share(v3.mfu_bf16, "V3R", "EPH", digits=1),
            "v3_mfu_fp8": share(v3.mfu_fp8, *fp8_src, digits=1),
            "v3_hours": gpu_hours_figure(v3.reported_gpu_hours, *v3_src),
            "v3_hours_back": gpu_hours_figure(v3.gpu_hours_back, *fp8_src),
            "v3_cost_back": cost_figure(v3.cost_back_usd, *fp8_src),
            "llama_flops": compute(llama.flops, "EPM"),
            "llama_mfu_low": share(llama.mfu_low, "L3-MFU"),
            "llama_mfu_high": share(llama.mfu_high, "L3-MFU"),
            "llama_hours_low": gpu_hours_figure(llama.gpu_hours_at_high, *llama_src),
            "llama_hours_high": gpu_hours_figure(llama.gpu_hours_at_low, *llama_src),
            "llama_reported": gpu_hours_figure(llama.reported_gpu_hours, "L31"),
            "llama_gap": FigureRange(llama.gap_low, Kind.CHANGE, (*llama_src, "L31"), digits=0, high=llama.gap_high),
            "llama_tolerance": share(LLAMA_TOLERANCE),
            **{f"gpt4_flop{k}": compute(v, "EPM", sig=2, estimate=True) for k, v in gpt4.items()},
            "v3_price": cost_figures(facts)["v3_price"],
        }
    )
