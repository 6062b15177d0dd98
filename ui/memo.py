"""Caching keyed by a fast fingerprint of the arguments.

``st.cache_data`` hashes DataFrame arguments with pandas' row hashing, which costs milliseconds
for frames with text columns: more than many of the computations it would save. Here the key is
a digest of the arguments' pickle (a tenth of the time), and the function itself is keyed by its
module and name. Arguments that cannot be pickled (a lambda) mean no caching, never a wrong hit.
"""

from __future__ import annotations

import hashlib
import pickle
from typing import Any, Callable

import streamlit as st


def fingerprint(*values: Any) -> str | None:
    """A digest of ``values`` (equal pickles, equal digests), or None if they cannot be pickled."""
    try:
        return hashlib.blake2b(pickle.dumps(values, protocol=5), digest_size=16).hexdigest()
    except Exception:  # noqa: BLE001 - unpicklable (a lambda, a lock): the caller computes afresh
        return None


def name_of(fn: Callable) -> str:
    """Module, name and defining file and line: page scripts all run as ``__main__``, so two pages'
    functions of the same name must not share a cache."""
    code = getattr(fn, "__code__", None)
    where = f"{code.co_filename}:{code.co_firstlineno}" if code else ""
    return f"{fn.__module__}.{fn.__qualname__}@{where}"


def cached(fn: Callable, *args, **kwargs) -> Any:
    """``fn(*args, **kwargs)``, remembered per distinct input (a copy per call, as ``st.cache_data``:
    callers may change what they get). For pure functions of their arguments."""
    key = fingerprint(args, sorted(kwargs.items()))
    if key is None:
        return fn(*args, **kwargs)
    return _cached(fn, name_of(fn), key, args, kwargs)


@st.cache_data(max_entries=2048, show_spinner=False)
def _cached(_fn, name, key, _args, _kwargs):  # noqa: ARG001 - name and key are the cache key
    return _fn(*_args, **_kwargs)
