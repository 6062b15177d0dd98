"""Before and after, interleaved: a control's move on each page, in two (or more) checkouts at once.

    .venv/bin/python benchmarks/bench_ab.py BEFORE_DIR AFTER_DIR [--rounds 6] [--moves 10] [--pages scaling,stocks]

``bench_browser.py`` measures one checkout; two of its runs, minutes apart on a shared machine,
differ by more than a change worth finding (10-20% on the same code). Here every checkout gets its
own server, all at once, and one browser moves each page's own control in each of them in turn:
``--rounds`` rounds, the order reversed every round, ``--moves`` moves a page load. A drift of the
machine's load falls on both alike. A checkout is a directory with ``streamlit_app.py`` and a
``.venv`` (``git worktree add ../before <commit>``, then link the venv:
``ln -s $PWD/.venv ../before/.venv``).

A move is measured as ``bench_browser.py`` does it (``move_times``: a key press on the page's first
slider, else a click on its first toggle, until the page stops changing), the slider going one way
until its end (a new value each press). Printed per page and checkout: the median move, its
quartiles, and the median time until the server's run was over in the browser ("script idle"); the
rest is the browser drawing. Loopback only; every wait is bounded.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

from bench_browser import at_control, move_times
from common import pages, url_path
from playwright.sync_api import sync_playwright

from tests.e2e.streamlit_server import chromium_path, free_port


@contextmanager
def server(checkout: Path):
    """A server of ``checkout`` (its own venv and code): its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [str(checkout / ".venv/bin/python"), "-m", "streamlit", "run", "streamlit_app.py"]
        + ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=checkout,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false"),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"{checkout}: the server did not start") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def one_load(browser, url: str, prefix: str, n: int) -> tuple[list[float], list[float]]:
    """``n`` moves of the page's own first control on one page load: (to still, to script idle) ms."""
    page, kind, el = at_control(browser, url, prefix)
    if el is None:
        return [], []
    try:
        return move_times(page, kind, el, n, fresh=True)
    finally:
        page.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("checkouts", nargs="+", type=Path)
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--moves", type=int, default=10)
    ap.add_argument("--pages", default="", help="page ids (default: every page with a control)")
    args = ap.parse_args()
    chosen = [p for p in pages() if p.prefix and (not args.pages or p.id in args.pages.split(","))]
    with ExitStack() as stack, sync_playwright() as pw:
        urls = [stack.enter_context(server(c.resolve())) for c in args.checkouts]
        browser = pw.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        print(f"{'page':10} {'checkout':32} {'move median ms':>14} {'p25':>6} {'p75':>6} {'script idle':>11}")
        for p in chosen:
            still: dict[int, list[float]] = {i: [] for i in range(len(urls))}
            idle: dict[int, list[float]] = {i: [] for i in range(len(urls))}
            for r in range(args.rounds):
                order = list(range(len(urls)))[:: 1 if r % 2 == 0 else -1]
                for i in order:
                    s, d = one_load(browser, f"{urls[i]}/{url_path(p)}", p.prefix, args.moves)
                    still[i] += s
                    idle[i] += d
            for i, checkout in enumerate(args.checkouts):
                v = sorted(still[i])
                if not v:
                    continue
                q = statistics.quantiles(v, n=4) if len(v) > 1 else [v[0]] * 3
                print(
                    f"{p.id:10} {str(checkout)[-32:]:32} {statistics.median(v):14.0f} {q[0]:6.0f} {q[2]:6.0f} "
                    f"{statistics.median(idle[i]):11.0f}"
                )
            sys.stdout.flush()
        browser.close()


if __name__ == "__main__":
    main()
