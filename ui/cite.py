"""Citations under figures: short, by source id, pointing to the Sources page."""

from __future__ import annotations

import pandas as pd

from ui.i18n import t


def short_source(sources: pd.DataFrame, source_id: str) -> str:
    """'DeepSeek-V3 Technical Report (DeepSeek-AI, 2024)' for one source id."""
    row = sources.loc[sources["source_id"] == source_id]
    if row.empty:
        return source_id
    r = row.iloc[0]
    year = f", {r['date'].year}" if pd.notna(r["date"]) else ""
    return f"{r['title']} ({r['publisher']}{year})"


def source_line(sources: pd.DataFrame, *source_ids: str) -> str:
    names = "; ".join(short_source(sources, s) for s in dict.fromkeys(source_ids))
    return t("common.source", names=names)
