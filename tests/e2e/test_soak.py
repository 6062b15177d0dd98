"""Soak: many reruns across every page in one real server process, several sessions at once:
no error (in the page or the server log) and server memory growth under 10% after the warm-up.

``SVE_SOAK_RERUNS`` sets the count (default sized for the CI budget on 2 cores);
``benchmarks/soak.py`` runs the full 2,000 and prints the figures.
"""

import os
import sys

from core.paths import ROOT
from tests.e2e.streamlit_server import streamlit_server

sys.path.insert(0, str(ROOT / "benchmarks"))
from soak import soak  # noqa: E402

RERUNS = int(os.environ.get("SVE_SOAK_RERUNS", "200"))


def test_soak_many_reruns_no_error_no_memory_growth():
    with streamlit_server() as url:
        result = soak(url, url.pid, RERUNS, sessions=4)
    print(result.summary())
    assert result.reruns == RERUNS
    assert not result.errors, result.errors[:5]
    assert result.log_tracebacks == 0, "the server log has tracebacks"
    assert result.growth < 0.10, result.summary()
