"""A multi-choice control whose URL holds stable codes, not translated labels.

``st.pills(..., bind="query-params")`` would write the *labels* ("Power" / "電力") into the URL,
so a link made in one language would not restore in the other. Like ``ui.state.url_choice``,
this keeps codes in the URL (``?s_groups=gafam,power``), only when they differ from the default.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st


def parse_codes(raw: str | None, options: Sequence[str], default: Sequence[str]) -> list[str]:
    """Codes from a comma-separated URL value; unknown codes are dropped, nothing known -> default.
    An empty value means an empty selection."""
    if raw is None:
        return list(default)
    if raw.strip() == "":
        return []
    codes = [c for c in dict.fromkeys(raw.split(",")) if c in options]
    return codes or list(default)


def url_multi_choice(
    label: str, options: Sequence[str], default: Sequence[str], param: str, format_func: Callable[[str], str], **kwargs
) -> list[str]:
    state_key = f"_choices_{param}"
    if state_key not in st.session_state:
        st.session_state[state_key] = parse_codes(st.query_params.get(param), options, default)
    value = st.pills(
        label, options=list(options), selection_mode="multi", format_func=format_func, key=state_key, **kwargs
    )
    value = [v for v in options if v in (value or [])]
    if value == [d for d in options if d in default]:
        if param in st.query_params:
            del st.query_params[param]
    else:
        encoded = ",".join(value)
        if st.query_params.get(param) != encoded:
            st.query_params[param] = encoded
    return value
