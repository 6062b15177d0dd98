"""Caching keyed by a fast fingerprint of the arguments.

``st.cache_data`` hashes DataFrame arguments with pandas' row hashing, which costs milliseconds
for frames with text columns: more than many of the computations it would save. Here the key is
a digest of the arguments' pickle (a tenth of the time), and the function itself is keyed by its
module and name. Arguments that cannot be pickled (a lambda) mean no caching, never a wrong hit.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import io
import pickle
import threading
from collections import OrderedDict
from typing import Any, Callable

import pandas as pd

# Frames known by a name instead of their contents: the data files' frames as ``ui.data.load``
# hands them out (named by file and version). Pickling a loaded frame into every cache key cost
# more than some of the computations cached. Checked by identity (an ``id`` can be reused) and by
# the identity of the frame's blocks and axes, which any change to it replaces (pandas'
# copy-on-write): a frame changed after loading, or derived from a known one, is pickled as usual.
_KNOWN: OrderedDict[int, tuple[Any, str, tuple]] = OrderedDict()
_KNOWN_LOCK = threading.Lock()


def _state(frame: Any) -> tuple:
    try:
        mgr = frame._mgr  # noqa: SLF001 - pandas internals, only ever compared for identity
        return tuple(id(b.values) for b in mgr.blocks) + tuple(id(a) for a in mgr.axes)
    except AttributeError:
        return (None,)


def known_as(frame: Any, name: str) -> Any:
    """Let ``fingerprint`` put ``name`` for ``frame`` as long as the frame is unchanged."""
    state = _state(frame)
    if state != (None,):
        with _KNOWN_LOCK:
            _KNOWN[id(frame)] = (frame, name, state)
            while len(_KNOWN) > 512:
                _KNOWN.popitem(last=False)
    return frame


class _Pickler(pickle.Pickler):
    def persistent_id(self, obj: Any) -> str | None:
        hit = _KNOWN.get(id(obj))
        return hit[1] if hit is not None and hit[0] is obj and hit[2] == _state(obj) else None


def fingerprint(*values: Any) -> str | None:
    """A digest of ``values`` (equal pickles, equal digests), or None if they cannot be pickled."""
    try:
        buf = io.BytesIO()
        _Pickler(buf, protocol=5).dump(values)
        return hashlib.blake2b(buf.getbuffer(), digest_size=16).hexdigest()
    except Exception:  # noqa: BLE001 - unpicklable (a lambda, a lock): the caller computes afresh
        return None


def name_of(fn: Callable) -> str:
    """Module, name and defining file and line: page scripts all run as ``__main__``, so two pages'
    functions of the same name must not share a cache."""
    code = getattr(fn, "__code__", None)
    where = f"{code.co_filename}:{code.co_firstlineno}" if code else ""
    return f"{fn.__module__}.{fn.__qualname__}@{where}"


def cached(fn: Callable, *args, **kwargs) -> Any:
    """``fn(*args, **kwargs)``, remembered per distinct input and shared by all sessions; each call
    gets its own copy (callers may change what they get). For pure functions of their arguments."""
    key = fingerprint(args, sorted(kwargs.items()))
    if key is None:
        return fn(*args, **kwargs)
    key = (name_of(fn), key)
    return _copy(remembered(_RESULTS, _RESULTS_LOCK, MAX_RESULTS, key, lambda: fn(*args, **kwargs)))


def memoized(fn: Callable) -> Callable:
    """A decorator: ``fn(...)`` is ``cached(fn, ...)`` (for functions of plain values)."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return cached(fn, *args, **kwargs)

    return wrapper


def remembered(store: OrderedDict, lock: threading.Lock, limit: int, key: Any, compute: Callable[[], Any]) -> Any:
    """``store[key]``, computed by ``compute()`` on a miss and kept (least recently used out past
    ``limit``). When many sessions miss the same key at once (a room opening the page on a fresh
    server), one computes and the others wait for its answer instead of all computing it: under the
    GIL, thirty copies of the same work only make everyone thirty times later."""
    with lock:
        hit = store.get(key, _MISSING)
        if hit is not _MISSING:
            store.move_to_end(key)
            return hit
        flight = _IN_FLIGHT.get(key)
        leader = flight is None or flight[0] == threading.get_ident()  # (the same thread again: no waiting on itself)
        if flight is None:
            flight = _IN_FLIGHT[key] = (threading.get_ident(), threading.Event())
    if not leader:
        flight[1].wait(_WAIT_SECONDS)
        with lock:
            hit = store.get(key, _MISSING)
        if hit is not _MISSING:
            return hit
        return compute()  # the first one failed (its error is its own) or took too long: compute here
    try:
        value = compute()
        with lock:
            store[key] = value
            while len(store) > limit:
                store.popitem(last=False)
        return value
    finally:
        with lock:
            if _IN_FLIGHT.get(key) is flight:
                del _IN_FLIGHT[key]
        flight[1].set()


_IN_FLIGHT: dict[Any, tuple[int, threading.Event]] = {}
_WAIT_SECONDS = 30.0


# Results in this process (not ``st.cache_data``, which pickles every result in and out: for a
# small frame that cost more than computing it). Frames are handed out as shallow copies, which
# pandas' copy-on-write keeps from changing the kept one; other mutable results as deep copies.
MAX_RESULTS = 2048
_RESULTS: OrderedDict[tuple[str, str], Any] = OrderedDict()
_RESULTS_LOCK = threading.Lock()
_MISSING = object()
_IMMUTABLE = (
    str,
    bytes,
    int,
    float,
    complex,
    bool,
    type(None),
    frozenset,
    datetime.date,
    datetime.time,
    datetime.timedelta,
)


def _is_arrow_table(value: Any) -> bool:
    return type(value).__name__ == "Table" and type(value).__module__.startswith("pyarrow")


def _copy(value: Any) -> Any:
    if isinstance(value, _IMMUTABLE) or _is_arrow_table(value):
        return value
    if isinstance(value, dict) and all(isinstance(v, _IMMUTABLE) or _is_arrow_table(v) for v in value.values()):
        return dict(value)  # a chart's rows as Arrow tables: a new dict, the same tables
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy(deep=False)
    if type(value) is tuple:
        return tuple(_copy(v) for v in value)
    return copy.deepcopy(value)


def arrow_frame(columns: dict[str, list], index: str) -> Any:
    """``pd.DataFrame(columns).set_index(index)`` as the Arrow table Streamlit would make of it. For
    a table of text (the DeepSeek page's tables) it is made straight from the lists: building and
    converting a small frame of text cost one to two milliseconds on every move. The schema (with
    pandas' metadata, which tells Streamlit which column labels the rows) comes from a one-row frame
    of the same columns, worked out once per set of names. Anything but text takes the pandas way
    (a one-row frame would not type a column of numbers and gaps as the whole column does)."""
    import pyarrow as pa

    if not all(type(v) is str for col in columns.values() for v in col):
        return _frame_to_arrow(pd.DataFrame(columns).set_index(index))

    def schema():
        return _frame_to_arrow(pd.DataFrame({k: v[:1] for k, v in columns.items()}).set_index(index)).schema

    try:
        s = remembered(_SCHEMAS, _SCHEMAS_LOCK, 256, ("arrow_frame", tuple(columns), index), schema)
        return pa.Table.from_pydict({name: columns[name] for name in s.names}, schema=s)
    except (pa.ArrowException, KeyError, ValueError, TypeError):  # (not expected for text)
        return _frame_to_arrow(pd.DataFrame(columns).set_index(index))


def _frame_to_arrow(frame: pd.DataFrame) -> Any:
    from streamlit import dataframe_util

    return dataframe_util.convert_pandas_df_to_arrow_table(frame)


_SCHEMAS: OrderedDict = OrderedDict()
_SCHEMAS_LOCK = threading.Lock()


def clear() -> None:
    """Forget every result (``ui.data`` calls this when a data file changes)."""
    with _RESULTS_LOCK:
        _RESULTS.clear()
