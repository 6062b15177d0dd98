"""Headline figure cards: a metric, a line or two of context, its source and where to read more."""

from __future__ import annotations

import streamlit as st

from ui import pages


def join(items: list[str], lang: str) -> str:
    """A list as the language writes it in a line: "Apple, Meta" / "アップル、メタ"."""
    return ("、" if lang == "ja" else ", ").join(items)


def figure_card(
    label: str,
    value: str,
    *,
    help: str | None = None,
    lines: tuple[str, ...] = (),
    source: str | tuple[str, str] = "",
    page_id: str | None = None,
) -> None:
    """A bordered card: the figure, its context (``lines``), its source and a link to its page.
    ``source``: a source line, or (a quiet one-line source, the full citations shown on demand in its
    tooltip: ``ui.cite.quiet_source``). The link is the page's name and icon, as in the navigation
    ("Explore: The stock reaction" was cut short in a narrow column)."""
    with st.container(border=True, height="stretch"):
        st.metric(label, value, help=help)
        for line in lines:
            st.caption(line)
        if isinstance(source, tuple):
            st.caption(source[0], help=source[1])
        elif source:
            st.caption(source)
        if page_id and pages.exists(page_id):
            pages.link(page_id)


def metric_row(*metrics: tuple[str, str, str | None]) -> None:
    """Metrics side by side, one column each: (label, value, help)."""
    for col, (label, value, tip) in zip(st.columns(len(metrics)), metrics):
        col.metric(label, value, help=tip)


def card_row(*cards: dict) -> None:
    """Figure cards side by side, one column each (``figure_card``'s arguments as a dict)."""
    for col, card in zip(st.columns(len(cards)), cards):
        with col:
            figure_card(**card)
