"""Which sources feed which data files and pages (for the Sources page)."""

from __future__ import annotations

import pandas as pd

from core.datasets import SCHEMAS


def source_usage(frames: dict[str, pd.DataFrame]) -> dict[str, set[str]]:
    """{source_id: names of the data files whose rows cite it}."""
    usage: dict[str, set[str]] = {}
    for name, df in frames.items():
        if SCHEMAS[name].has_source:
            for sid in df["source_id"].dropna().unique():
                usage.setdefault(str(sid), set()).add(name)
    return usage


def sources_by_page(frames: dict[str, pd.DataFrame], page_order: list[str]) -> dict[str, list[str]]:
    """{page_id: source ids used by that page's data files}, pages in ``page_order``.

    Sources keep the order of ``sources.csv`` (most important first). Sources that no listed
    page uses land under the key ``"other"``.
    """
    usage = source_usage(frames)
    order = list(frames["sources"]["source_id"]) if "sources" in frames else sorted(usage)
    grouped: dict[str, list[str]] = {p: [] for p in page_order}
    for sid in [s for s in order if s in usage]:
        pages = {p for name in usage[sid] for p in SCHEMAS[name].pages} & set(page_order)
        for p in pages or {"other"}:
            grouped.setdefault(p, []).append(sid)
    return {p: ids for p, ids in grouped.items() if ids}
