"""Citations under figures: short, by source id, pointing to the Sources page."""

from __future__ import annotations

import re

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


# Where a source's short name ends: before a qualifier in brackets, a colon or a "via" ("Daily closing
# prices (Yahoo Finance data)", "日次終値（Yahoo Financeのデータ）", "OpenAI via WowTechToday").
_QUALIFIER = re.compile(r"\s*[(（]|:\s|：|\svia\s")
_BY_TITLE = ("dataset", "editorial")  # what they are says more than who keeps them (a GitHub repository)


def short_name(kind: str, title: str, publisher: str) -> str:
    """A source's name in a few words, for a quiet line under a figure: a dataset (or our own
    labels) by its title, anything else by its publisher (an article's title is a long headline),
    either without its qualifier: "Daily closing prices", "DeepSeek-AI", "Business+IT"."""
    name = title if kind in _BY_TITLE else publisher
    return _QUALIFIER.split(name, maxsplit=1)[0].strip() or name


def _short_labels(sources: pd.DataFrame, language: str = FALLBACK) -> dict[str, str]:
    own = source_texts(language)
    out = {}
    for sid, kind, title, publisher in zip(
        sources["source_id"], sources["kind"], sources["title"], sources["publisher"]
    ):
        mine = own.get(sid, {})
        out[sid] = short_name(kind, mine.get("title") or title, mine.get("publisher") or publisher)
    return out


def quiet_source(sources: pd.DataFrame, *source_ids: str) -> tuple[str, str]:
    """(a one-line source: the sources' short names, each once; the full citations, ``source_line``),
    for a caption whose tooltip holds the details."""
    language = lang()
    labels = per_frame(sources, ("source_short", language), lambda frame: _short_labels(frame, language))
    sep = PUNCTUATION.get(language, PUNCTUATION[FALLBACK])["list"]
    names = sep.join(dict.fromkeys(labels.get(s, s) for s in dict.fromkeys(source_ids)))
    return t("common.source", names=names), source_line(sources, *source_ids)


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
