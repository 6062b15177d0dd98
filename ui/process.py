"""Once per server process.

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

import gc
import threading

_LOCK = threading.Lock()
_settled = False


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
