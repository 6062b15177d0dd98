"""Citations under figures: short, by source id, pointing to the Sources page."""

from __future__ import annotations

import pandas as pd

from core.datasets import per_frame
from ui.i18n import FALLBACK, PUNCTUATION, lang, source_texts, t


def _labels(sources: pd.DataFrame, language: str = FALLBACK) -> dict[str, str]:
    """'DeepSeek-V3 Technical Report (DeepSeek-AI, 2024)' for every source id; our own words about
    a source (a title we wrote, 'on GitHub', 'via') in the reader's language."""
    own = source_texts(language)
    p = PUNCTUATION.get(language, PUNCTUATION[FALLBACK])
    out = {}
    for sid, title, publisher, date in zip(
        sources["source_id"], sources["title"], sources["publisher"], sources["date"]
    ):
        mine = own.get(sid, {})
        title, publisher = mine.get("title") or title, mine.get("publisher") or publisher
        year = f"{p['comma']}{date.year}" if pd.notna(date) else ""
        out[sid] = f"{title}{p['open']}{publisher}{year}{p['close']}"
    return out


def _labels_in(sources: pd.DataFrame) -> dict[str, str]:
    language = lang()
    return per_frame(sources, ("source_labels", language), lambda frame: _labels(frame, language))


def short_source(sources: pd.DataFrame, source_id: str) -> str:
    return _labels_in(sources).get(source_id, source_id)


def source_line(sources: pd.DataFrame, *source_ids: str) -> str:
    labels = _labels_in(sources)
    sep = PUNCTUATION.get(lang(), PUNCTUATION[FALLBACK])["list"]
    names = sep.join(labels.get(s, s) for s in dict.fromkeys(source_ids))
    return t("common.source", names=names)


def data_date(sources: pd.DataFrame, *source_ids: str, lang: str) -> str:
    """The date of the data behind a chart, as text: the newest of its sources' dates (a dataset's
    copy, a statement's day), for exports whose figure model has no as-of date of its own; '' when
    none of them is dated. (Asked on every rerun of a chart's fragment: a lookup, not a filter.)"""
    from core.formatting import fmt_date

    dates = per_frame(
        sources, ("source_dates",), lambda f: {s: d.date() for s, d in zip(f["source_id"], f["date"]) if pd.notna(d)}
    )
    dated = [dates[s] for s in source_ids if s in dates]
    return fmt_date(max(dated), lang) if dated else ""
