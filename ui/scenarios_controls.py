"""The scenarios page's controls: presets that set every input at once, inputs bound to the URL.

Every input has a short ``sc_`` key and ``bind="query-params"``; its default is the DeepSeek-V3
preset's value, so the URL carries only what differs from it. A preset click writes its values
into ``st.session_state`` in the preset control's callback (before the inputs render), so the
URL then holds them. Changing any input by hand turns the preset into "your own model".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict

import pandas as pd
import streamlit as st

from core import costs
from core import scenarios as S
from core.hardware import gpu_names
from ui.i18n import t
from ui.memo import cached
from ui.state import url_choice

PRESET_STATE = f"_choice_{S.PRESET_KEY}"  # url_choice's session-state key
COST_STATE = f"_choice_{S.COST_KEY}"
SEEDED = "_sc_seeded"
PENDING = "_sc_pending"
FORMATS = {
    "sc_active": "%.1f",
    "sc_total": "%.1f",
    "sc_tokens": "%.2f",
    "sc_gpus": "%d",
    "sc_mfu": "%.2f%%",
    "sc_rent": "%.2f",
    "sc_buy": "%.0f",
    "sc_years": "%.1f",
    "sc_kw": "%.3f",
    "sc_pue": "%.2f",
    "sc_kwh": "%.4f",
}
SLIDERS = ("sc_mfu", "sc_years", "sc_pue")


def all_presets(presets: pd.DataFrame, facts: pd.DataFrame, gpus: pd.DataFrame) -> dict[str, dict]:
    """{preset: its values in base units} for every preset."""
    return {p: cached(S.preset_values, presets, facts, gpus, p) for p in S.PRESETS}


def _labels(prefix: str, codes, sep: str = "."):
    """format_func for translated options, with the labels fixed now (in this run's language)."""
    return {c: t(f"{prefix}{sep}{c}") for c in codes}.get


def _state_key(key: str) -> str:
    return COST_STATE if key == S.COST_KEY else key


def _write(ui: Mapping) -> None:
    for key, value in ui.items():
        st.session_state[_state_key(key)] = value


def seed_from_url(presets: pd.DataFrame, facts: pd.DataFrame, gpus: pd.DataFrame) -> None:
    """First run only: seed every input with the scenario the URL describes, read exactly as
    other pages read it (``scenario_from_params``). Valid URL values win anyway; what this adds:
    a link naming a published-run preset (``?sc_preset=llama``) fills the inputs it leaves out
    with that preset's values, and out-of-range numbers are clamped instead of dropped."""
    if SEEDED in st.session_state:
        _resync()
        return
    st.session_state[SEEDED] = True
    defaults = S.ui_values(cached(S.preset_values, presets, facts, gpus, S.DEFAULT_PRESET))
    ui = S.ui_values(asdict(S.scenario_from_params(st.query_params.to_dict(), presets, facts, gpus)))
    pending = {k: v for k, v in ui.items() if v != defaults[k]}
    _write(pending)
    st.session_state[PENDING] = pending


def _resync() -> None:
    """Second run: write the seeded values again, so Streamlit puts them in the URL (values set
    before a widget's first render are not), unless the reader has changed them meanwhile.
    Without this, editing one input of a ``?sc_preset=llama`` link would lose the others."""
    pending = st.session_state.pop(PENDING, None) or {}
    for key, value in pending.items():
        if st.session_state.get(_state_key(key)) == value:
            st.session_state[_state_key(key)] = value


def _apply_preset(values: dict[str, dict]) -> None:
    preset = st.session_state.get(PRESET_STATE)
    if preset in values:
        _write(S.ui_values(values[preset]))


def _mark_own() -> None:
    st.session_state[PRESET_STATE] = "own"


def _gpu_changed(facts: pd.DataFrame, gpus: pd.DataFrame) -> None:
    """A new GPU brings its listed prices and its server power (where the data has them)."""
    _mark_own()
    for field, value in S.gpu_defaults(facts, gpus, st.session_state[S.GPU_KEY]).items():
        c = S.CONTROLS[field]
        st.session_state[c.key] = c.to_ui(value)


def preset_control(values: dict[str, dict]) -> str:
    return url_choice(
        st.pills,
        t("scenarios.preset.label"),
        S.PRESETS,
        S.DEFAULT_PRESET,
        S.PRESET_KEY,
        _labels("scenarios.preset", S.PRESETS),
        help=t("scenarios.preset.help"),
        on_change=_apply_preset,
        args=(values,),
    )


def _number(key: str, defaults: Mapping, disabled: bool = False):
    c = next(c for c in S.NUMBER_CONTROLS if c.key == key)
    common = dict(
        key=key,
        help=t(f"scenarios.help.{c.field}"),
        format=FORMATS[key],
        bind="query-params",
        on_change=_mark_own,
        disabled=disabled,
    )
    label = t(f"scenarios.field.{c.field}")
    if key in SLIDERS:
        return st.slider(label, float(c.lo), float(c.hi), value=float(defaults[key]), step=float(c.step), **common)
    if c.integer:
        return st.number_input(label, int(c.lo), int(c.hi), value=int(defaults[key]), step=1, **common)
    return st.number_input(label, float(c.lo), float(c.hi), value=float(defaults[key]), step=float(c.step), **common)


def inputs(values: dict[str, dict], facts: pd.DataFrame, gpus: pd.DataFrame) -> dict:
    """Render every input in three groups; return them as URL-style parameters (key -> value)."""
    defaults = S.ui_values(values[S.DEFAULT_PRESET])
    p: dict = {}
    with st.container(border=True):
        st.markdown(f"**{t('scenarios.group.model')}**")
        c1, c2, c3 = st.columns(3)
        for col, key in ((c1, "sc_active"), (c2, "sc_total"), (c3, "sc_tokens")):
            with col:
                p[key] = _number(key, defaults)
    with st.container(border=True):
        st.markdown(f"**{t('scenarios.group.hardware')}**")
        c1, c2, c3 = st.columns(3)
        names = list(gpu_names(gpus))
        with c1:
            p[S.GPU_KEY] = st.selectbox(
                t("scenarios.field.gpu"),
                names,
                index=names.index(defaults[S.GPU_KEY]),
                key=S.GPU_KEY,
                help=t("scenarios.help.gpu"),
                bind="query-params",
                on_change=_gpu_changed,
                args=(facts, gpus),
            )
        with c2:
            labels = list(S.PRECISION_LABELS.values())
            p[S.PRECISION_KEY] = st.segmented_control(
                t("scenarios.field.precision"),
                labels,
                default=defaults[S.PRECISION_KEY],
                required=True,
                key=S.PRECISION_KEY,
                help=t("scenarios.help.precision"),
                bind="query-params",
                on_change=_mark_own,
            )
        with c3:
            p["sc_gpus"] = _number("sc_gpus", defaults)
        p["sc_mfu"] = _number("sc_mfu", defaults)
    with st.container(border=True):
        st.markdown(f"**{t('scenarios.group.money')}**")
        p[S.COST_KEY] = url_choice(
            st.segmented_control,
            t("scenarios.field.cost_mode"),
            costs.COST_MODES,
            defaults[S.COST_KEY],
            S.COST_KEY,
            _labels("scenarios.cost_mode", costs.COST_MODES),
            help=t("scenarios.help.cost_mode"),
            on_change=_mark_own,
        )
        owned = p[S.COST_KEY] == "own"
        st.caption(t(f"scenarios.out.note_{p[S.COST_KEY]}"))  # what the mode counts, under its control
        # two columns, GPU time and power, each a number, a number, a slider (rows line up; a phone
        # stacks them group by group); one row of columns is fewer messages on every move than two
        gpu_time, power = st.columns(2)
        with gpu_time:
            p["sc_rent"] = _number("sc_rent", defaults, disabled=owned)
            p["sc_buy"] = _number("sc_buy", defaults, disabled=not owned)
            p["sc_years"] = _number("sc_years", defaults, disabled=not owned)
        with power:
            for key in ("sc_kw", "sc_kwh", "sc_pue"):
                p[key] = _number(key, defaults)
    return p


def chart_axis() -> str:
    return url_choice(
        st.segmented_control,
        t("scenarios.chart.axis"),
        ("mfu", "gpus"),
        "mfu",
        "sc_x",
        _labels("scenarios.chart.axis", ("mfu", "gpus"), "_"),
        help=t("scenarios.chart.axis_help"),
    )
