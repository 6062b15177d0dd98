"""Every slider and toggle of every page, moved to values nobody asked for before.

    .venv/bin/python benchmarks/bench_controls.py [--n 20] [--pages scenarios,deepseek] [--two]

``bench_server.py`` moves each page's first control; a reader moves any of them, and mostly to
values no cache has seen (a slider dragged or stepped). For every slider (and toggle) this opens a
fresh session, moves that control N times to new values (``--two``: back and forth between two
values instead) and prints the round trip (median, p95) and the server CPU time per move, net of
what the idle server burns anyway. Loopback only; bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from common import cpu_seconds, pages, pct, streamlit_server, url_path
from st_client import StreamlitSession, move


async def idle_rate(pid: int, seconds: float = 3.0) -> float:
    cpu0, t0 = cpu_seconds(pid), time.perf_counter()
    await asyncio.sleep(seconds)
    return (cpu_seconds(pid) - cpu0) / (time.perf_counter() - t0)


async def controls_of(url: str, page) -> list[tuple[str, dict]]:
    async with StreamlitSession(url) as s:
        first = await s.run(url_path(page))
    own = [
        (label, w)
        for label, w in first.widgets.items()
        if w["id"].rsplit("-", 1)[-1].startswith(page.prefix or "-") and w["type"] in ("slider", "checkbox")
    ]
    return own


async def measure(url: str, pid: int, page, w: dict, n: int, fresh: bool, idle: float) -> dict:
    async with StreamlitSession(url) as s:
        await s.run(url_path(page))
        await s.run(url_path(page), changed=move(w, 10_000, fresh), fragment_id=w["fragment"])  # warm
        times = []
        cpu0, t0 = cpu_seconds(pid), time.perf_counter()
        for i in range(n):
            r = await s.run(url_path(page), changed=move(w, i, fresh), fragment_id=w["fragment"])
            if r.exceptions:
                raise RuntimeError(f"{page.id}: {r.exceptions[0]}")
            times.append(r.seconds * 1000)
        cpu = (cpu_seconds(pid) - cpu0 - idle * (time.perf_counter() - t0)) * 1000 / n
    return {"median": statistics.median(times), "p95": pct(times, 95), "cpu": cpu}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--pages", default="")
    ap.add_argument("--two", action="store_true", help="back and forth between two values (caches help)")
    args = ap.parse_args()
    print(f"{'page':10} {'control':58} {'kind':18} {'median ms':>9} {'p95 ms':>7} {'CPU ms':>7}")
    with streamlit_server() as url:
        idle = asyncio.run(idle_rate(url.pid))
        for p in pages():
            if args.pages and p.id not in args.pages.split(","):
                continue
            for label, w in asyncio.run(controls_of(url, p)):
                r = asyncio.run(measure(url, url.pid, p, w, args.n, not args.two, idle))
                kind = w["type"] + (" (fragment)" if w["fragment"] else "")
                print(f"{p.id:10} {label[:58]:58} {kind:18} {r['median']:9.1f} {r['p95']:7.1f} {r['cpu']:7.1f}")
    print(f"(idle server: {idle * 1000:.0f} ms of CPU a second, taken out)")


if __name__ == "__main__":
    main()
