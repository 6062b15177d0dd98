"""Once per server process: its memory, and one script run at a time.

``one_run_at_a_time`` and ``fragment``: every full run (``streamlit_app.py``) and every fragment's
rerun takes its turn through one gate per process. Python runs one thread at a time anyway (the
GIL) but switches between threads every few milliseconds, so fifty readers' runs used to progress
together, each fifty times slower, their threads queueing for Streamlit's locks as well: with fifty
readers on the scenarios page the process sat at 65% CPU while moves waited 1.4 s (median) to
1.9 s (p95). Taking turns, each run goes at full speed and only waits its turn: 58 ms and 140 ms
(benchmarks/README.md, session 5). A run that waits longer than ``GATE_TIMEOUT_S`` (a stuck run
somewhere) goes ahead without its turn, its fragments with it, and logs a warning: the gate can
slow the app, never stop it (``Turns``). Not for ``st.fragment(parallel=True)``, whose workers
would wait for their own run.

``settle_memory``: after the process's first full run, collect once, then move every object alive
(Streamlit, Altair's schema classes, pandas, the loaded data, the first charts) out of the cyclic
collector's sight with ``gc.freeze()``. Python's full collections otherwise walk all of them: about
100 ms each with fifty readers on one process, landing on whoever's move triggered them; frozen,
about 11 ms (benchmarks/README.md, session 4). Objects made later are collected as usual. Nearly
all that is frozen is what a server process keeps for its whole life anyway; the first run's own
short-lived objects are frozen too, and those caught in reference cycles are never freed: one
run's worth, once per process. (``.streamlit/config.toml`` has already turned off Streamlit's own
full collection after every run, for the same reason.)
"""

from __future__ import annotations

import functools
import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import streamlit as st

_LOCK = threading.Lock()
_settled = False
GATE_TIMEOUT_S = 10.0
_LOG = logging.getLogger(__name__)


class Turns:
    """A reentrant lock for runs, with a way out: a run that waits longer than the timeout goes
    ahead without its turn, and so do the fragments it calls, at once (each would otherwise wait
    the timeout again).

    Not first come, first served: Python's lock lets whoever asks as it comes free take it. A
    first-come-first-served version (the releasing thread handing the turn to the longest waiter)
    was tried and measured slower where it matters least and most, a saturated process: 100 readers
    on the scenarios page waited p95 690–870 ms with it, 520–620 ms without, every hand-over
    waiting for one particular thread to wake."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._ahead = threading.local()  # per thread: how deep inside a run that went ahead

    def enter(self, timeout: float) -> bool:
        """True: this thread's turn (until as many ``leave(True)``); False: it goes ahead without."""
        if getattr(self._ahead, "depth", 0):
            self._ahead.depth += 1
            return False
        if self._lock.acquire(timeout=timeout):
            return True
        self._ahead.depth = 1
        _LOG.warning("a script run waited %.0f s for its turn and goes ahead without it", timeout)
        return False

    def leave(self, turn: bool) -> None:
        if turn:
            self._lock.release()
        else:
            self._ahead.depth -= 1


_TURNS = Turns()


@contextmanager
def one_run_at_a_time() -> Iterator[bool]:
    """This thread's turn to run app code; yields False if it went ahead after
    ``GATE_TIMEOUT_S`` (or runs inside a run that did)."""
    turn = _TURNS.enter(GATE_TIMEOUT_S)
    try:
        yield turn
    finally:
        _TURNS.leave(turn)


def fragment(func: Callable) -> Callable:
    """``st.fragment`` whose reruns take their turn like full runs (``one_run_at_a_time``). Same
    fragment identity as ``st.fragment(func)``: Streamlit names it by module and qualified name."""

    @functools.wraps(func)
    def in_turn(*args, **kwargs):
        with one_run_at_a_time():
            return func(*args, **kwargs)

    return st.fragment(in_turn)


def settle_memory() -> bool:
    """Collect and freeze, the first time only; True if this call did it."""
    global _settled  # noqa: PLW0603 - once per process, by design
    with _LOCK:
        if _settled:
            return False
        _settled = True
    gc.collect()
    gc.freeze()
    return True
