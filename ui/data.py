"""Cached, validated data for pages. A broken file stops only the pages that need it."""

from __future__ import annotations

import threading

import pandas as pd
import streamlit as st

from core import datasets
from core.paths import data_dir
from ui import memo
from ui.i18n import t
from ui.memo import known_as


def _stamp() -> tuple:
    """File sizes and times of every data file: an edited file invalidates the cache."""
    folder = data_dir()
    return (str(folder), *sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob("*.csv")))


_frames: dict[tuple[str, tuple], pd.DataFrame] = {}  # (file, folder stamp) -> parsed frame, all sessions
_frames_lock = threading.Lock()


def _load(name: str, stamp: tuple) -> pd.DataFrame:
    """The parsed, validated frame of one file version, parsed once per process (a plain dict: a
    page asks for five files on every run, and ``st.cache_resource``'s own bookkeeping per call
    cost more than the lookup). A broken file raises every time (errors are not kept)."""
    key = (name, stamp)
    frame = _frames.get(key)
    if frame is None:
        frame = datasets.load(name, data_dir())
        with _frames_lock:
            if len(_frames) >= 64:  # old versions of edited files
                _frames.clear()
            _frames[key] = frame
    return frame


_last_stamp: list[tuple] = []  # the data folder's stamp at the previous load, shared by all sessions
_stamp_lock = threading.Lock()


def load(name: str, stamp: tuple | None = None) -> pd.DataFrame:
    """The dataset, validated; raises ``datasets.DataError``.

    One parsed frame per file version, shared by every session; each caller gets a shallow copy,
    which pandas' copy-on-write keeps from ever changing the shared one (no per-rerun unpickling).
    When a data file changes (or ``SVE_DATA_DIR`` points elsewhere), every ``st.cache_data``
    cache is cleared: views cached on their arguments alone (dates, tickers) would otherwise
    keep showing the old data until the server restarts."""
    stamp = stamp or _stamp()
    with _stamp_lock:
        if _last_stamp and _last_stamp[0] != stamp:
            st.cache_data.clear()
            memo.clear()
        _last_stamp[:] = [stamp]
    return known_as(_load(name, stamp).copy(deep=False), f"data:{name}:{hash(stamp)}")


def load_many(names) -> tuple[dict[str, pd.DataFrame], list[datasets.DataError]]:
    """Every dataset that loads, and the errors of those that do not (one folder stamp for all)."""
    frames, broken = {}, []
    stamp = _stamp()
    for name in names:
        try:
            frames[name] = load(name, stamp)
        except datasets.DataError as err:
            broken.append(err)
    return frames, broken


def require(*names: str) -> list[pd.DataFrame]:
    """Load datasets for a page, or show which file, row and column are broken and stop the page."""
    frames = []
    stamp = _stamp()
    for name in names:
        try:
            frames.append(load(name, stamp))
        except datasets.DataError as err:
            show_data_error(err)
            st.stop()
    return frames


def show_data_error(err: datasets.DataError) -> None:
    where = t("errors.where_file", file=err.file)
    if err.row is not None:
        where += t("errors.where_row", row=err.row)
    if err.column is not None:
        where += t("errors.where_column", column=err.column)
    st.error(
        t("errors.data_title") + "\n\n" + where + "\n\n" + t("errors.data_detail", detail=err.message),
        icon=":material/error:",
    )
