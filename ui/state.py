"""URL state for option controls whose labels are translated.

``bind="query-params"`` writes an option's *label* into the URL, so a link made in Japanese
would not restore in English. For those controls, ``url_choice`` keeps a stable code in the URL
instead (``?sg_profile=even``), seeded once from the URL and written back on every run. Numeric
controls and options with language-independent labels (GPU names, "FP8") should simply use
``bind="query-params"``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st


def url_choice(
    widget: Callable,
    label: str,
    options: Sequence[str],
    default: str,
    param: str,
    format_func: Callable[[str], str],
    **kwargs,
) -> str:
    """Render ``widget`` (st.segmented_control, st.radio, st.selectbox, st.pills) for a choice
    among ``options`` (stable codes), kept in ``?<param>=<code>`` when it differs from ``default``.
    An unknown code in the URL is ignored (the default is used)."""
    state_key = f"_choice_{param}"
    if state_key not in st.session_state:
        requested = st.query_params.get(param)
        st.session_state[state_key] = requested if requested in options else default
    if widget in (st.segmented_control, st.pills):
        kwargs.setdefault("required", True)
    value = widget(label, options=list(options), format_func=format_func, key=state_key, **kwargs)
    value = value if value in options else default
    if value == default:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != value:
        st.query_params[param] = value
    return value
