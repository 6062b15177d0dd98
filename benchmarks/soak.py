"""Soak: many reruns across every page in ONE server process; errors and memory growth.

    .venv/bin/python benchmarks/soak.py [--reruns 2000] [--sessions 4]

Several websocket sessions run side by side (half in English, half in Japanese). Each one walks
the pages in order (each session starting on a different page); on every page it loads the page,
then moves the page's first slider to its maximum and back to its minimum (pages without a
slider are simply rerun), so the page-level caches, fragments and chart builders all work.
After a warm-up (the first fifth of the reruns, at least two rounds of every page per session)
the server's resident memory (VmRSS from /proc) is the baseline; the figure that matters is the
growth from there to the end. ``tests/e2e/test_soak.py`` runs a shorter soak in the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import threading
import time
from dataclasses import dataclass, field

from common import ROOT, cpu_seconds, pages, pct, rss_mb, streamlit_server, url_path
from st_client import StreamlitSession, slider_state

MAX_RERUNS = 20_000


@dataclass
class SoakResult:
    reruns: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    rss_start_mb: float = 0.0  # before the first rerun
    rss_warm_mb: float = 0.0  # after the warm-up
    rss_end_mb: float = 0.0
    rss_peak_mb: float = 0.0
    log_tracebacks: int = 0

    @property
    def growth(self) -> float:
        """Memory growth after the warm-up, as a fraction of the warm figure."""
        return (self.rss_end_mb - self.rss_warm_mb) / self.rss_warm_mb

    def summary(self) -> str:
        ms = self.latencies_ms
        return (
            f"reruns {self.reruns} in {self.seconds:.0f} s ({self.reruns / max(self.seconds, 1e-9):.1f}/s), "
            f"errors {len(self.errors)}, server traceback lines in log {self.log_tracebacks}, "
            f"round trip p50 {pct(ms, 50):.0f} ms p95 {pct(ms, 95):.0f} ms, server CPU {self.cpu_seconds:.0f} s; "
            f"RSS start {self.rss_start_mb:.0f} MB, after warm-up {self.rss_warm_mb:.0f} MB, "
            f"end {self.rss_end_mb:.0f} MB, peak {self.rss_peak_mb:.0f} MB, "
            f"growth after warm-up {self.growth * 100:+.1f}%"
        )


def _plan(reruns: int, sessions: int) -> list[list[tuple[str, str]]]:
    """Per session, its list of (page url path, action): 'load', 'max' or 'min'."""
    steps = [(url_path(p), a) for p in pages() for a in ("load", "max", "min")]
    out = [[] for _ in range(sessions)]
    for i in range(reruns):
        s = i % sessions
        n = len(out[s])
        out[s].append(steps[(n + 3 * s) % len(steps)])  # session s starts on page s
    return out


async def _session(url: str, steps: list[tuple[str, str]], lang: str, result: SoakResult, on_rerun) -> None:
    query = "lang=ja" if lang == "ja" else ""
    async with StreamlitSession(url, locale="ja-JP" if lang == "ja" else "en-US") as s:
        sliders: list[dict] = []
        for page, action in steps:
            try:
                if action == "load":
                    s.widget_states.clear()  # a new page: the browser sends only its own widgets
                    r = await s.run(page, query_string=query)
                    sliders = [w for w in r.widgets.values() if w["type"] == "slider"]
                else:
                    changed = None
                    if sliders:
                        w = sliders[0]
                        changed = slider_state(w["id"], w["max"] if action == "max" else w["min"])
                    r = await s.run(page, query_string=query, changed=changed)
            except Exception as exc:  # noqa: BLE001 - a failed rerun is a finding, not a crash
                result.errors.append(f"{page or 'home'} {action}: {type(exc).__name__}: {exc}")
                on_rerun()
                continue
            result.latencies_ms.append(r.seconds * 1000)
            result.errors += [f"{page or 'home'} {action}: {e}" for e in r.exceptions]
            on_rerun()


def _log_tracebacks(url: str) -> int:
    port = re.search(r":(\d+)$", url.rstrip("/")).group(1)
    log = ROOT / ".pytest_cache" / f"streamlit-{port}.log"
    return log.read_text(errors="replace").count("Traceback") if log.exists() else 0


def soak(url: str, pid: int, reruns: int, sessions: int = 4, warmup: int | None = None) -> SoakResult:
    """Run ``reruns`` reruns over ``sessions`` parallel sessions against the server at ``url``."""
    reruns = min(reruns, MAX_RERUNS)
    per_round = 3 * len(pages())
    warmup = warmup if warmup is not None else max(reruns // 5, 2 * per_round * sessions // 3)
    result = SoakResult(rss_start_mb=rss_mb(pid))
    result.rss_peak_mb = result.rss_start_mb

    def on_rerun():
        result.reruns += 1
        if result.reruns % 10 == 0 or result.reruns == warmup:
            rss = rss_mb(pid)
            result.rss_peak_mb = max(result.rss_peak_mb, rss)
            if result.reruns == warmup:
                result.rss_warm_mb = rss

    plan = _plan(reruns, sessions)
    cpu0, t0 = cpu_seconds(pid), time.perf_counter()

    async def everyone():
        await asyncio.gather(
            *(_session(url, steps, ("en", "ja")[i % 2], result, on_rerun) for i, steps in enumerate(plan))
        )

    # Its own thread and event loop: a caller may already run one (Playwright's sync API does, in
    # the test worker that ran the browser tests before this one).
    failure: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(everyone())
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=run, name="soak")
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
    result.seconds = time.perf_counter() - t0
    result.cpu_seconds = cpu_seconds(pid) - cpu0
    time.sleep(1.0)  # let the last sessions' disconnects settle
    result.rss_end_mb = rss_mb(pid)
    result.rss_peak_mb = max(result.rss_peak_mb, result.rss_end_mb)
    if not result.rss_warm_mb:
        result.rss_warm_mb = result.rss_start_mb
    result.log_tracebacks = _log_tracebacks(url)
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reruns", type=int, default=2000)
    ap.add_argument("--sessions", type=int, default=4)
    args = ap.parse_args()
    with streamlit_server() as url:
        r = soak(url, url.pid, args.reruns, args.sessions)
    print(f"soak: {args.sessions} sessions, pages: {', '.join(p.id for p in pages())}")
    print(r.summary())
    for e in r.errors[:10]:
        print("  error:", e[:200])


if __name__ == "__main__":
    main()
