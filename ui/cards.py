"""Headline figure cards: a metric, a line or two of context, its source and where to read more."""

from __future__ import annotations

import streamlit as st

from ui import pages
from ui.i18n import t


def join(items: list[str], lang: str) -> str:
    """A list as the language writes it in a line: "Apple, Meta" / "アップル、メタ"."""
    return ("、" if lang == "ja" else ", ").join(items)


def figure_card(
    label: str,
    value: str,
    *,
    help: str | None = None,
    lines: tuple[str, ...] = (),
    source: str = "",
    page_id: str | None = None,
) -> None:
    with st.container(border=True, height="stretch"):
        st.metric(label, value, help=help)
        for line in lines:
            st.caption(line)
        if source:
            st.caption(source)
        if page_id and pages.exists(page_id):
            pages.link(page_id, label=f"{t('common.explore')}: {t('nav.' + page_id)}")


def metric_row(*metrics: tuple[str, str, str | None]) -> None:
    """Metrics side by side, one column each: (label, value, help)."""
    for col, (label, value, tip) in zip(st.columns(len(metrics)), metrics):
        col.metric(label, value, help=tip)


def card_row(*cards: dict) -> None:
    """Figure cards side by side, one column each (``figure_card``'s arguments as a dict)."""
    for col, card in zip(st.columns(len(cards)), cards):
        with col:
            figure_card(**card)
