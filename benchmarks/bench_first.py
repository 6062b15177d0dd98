"""Server CPU of a new reader's first load, per page: what a room opening a page at once queues for.

    .venv/bin/python benchmarks/bench_first.py [--n 30] [--pages scaling,stargate]

On one warmed server (``tools/warm.py``), for every page: N new sessions one after another, each
opening the page (a full first run) and closing. Prints the server CPU a first load costs (net of
what the idle server burns, measured for 2 s per page), the median wall time of one, and the KB
sent. Runs take turns in a process (``ui/process.py``), so fifty readers arriving together wait,
the last of them, for about fifty times this CPU. Loopback only; bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time

from common import ROOT, cpu_seconds, pages, streamlit_server, url_path
from st_client import StreamlitSession


async def first_loads(url, page, n: int) -> dict:
    async with StreamlitSession(url) as s:  # once, so the page's own imports are not counted
        await s.run(url_path(page))
    await asyncio.sleep(1)
    cpu0, t0 = cpu_seconds(url.pid), time.perf_counter()
    await asyncio.sleep(2)
    idle = (cpu_seconds(url.pid) - cpu0) / (time.perf_counter() - t0)
    cpu0, t0 = cpu_seconds(url.pid), time.perf_counter()
    walls, kbs = [], []
    for _ in range(n):
        async with StreamlitSession(url) as s:
            r = await s.run(url_path(page))
        if r.exceptions:
            raise RuntimeError(f"{page.id}: {r.exceptions[0]}")
        walls.append(r.seconds * 1000)
        kbs.append(r.bytes_received / 1024)
    cpu = (cpu_seconds(url.pid) - cpu0 - idle * (time.perf_counter() - t0)) * 1000 / n
    return {"cpu_ms": cpu, "wall_ms": statistics.median(walls), "kb": statistics.median(kbs)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--pages", default="")
    args = ap.parse_args()
    wanted = [p for p in pages() if not args.pages or p.id in args.pages.split(",")]
    print(f"{'page':10} {'first load CPU ms':>17} {'wall median ms':>14} {'KB':>6}")
    with streamlit_server() as url:
        subprocess.run(
            [sys.executable, str(ROOT / "tools" / "warm.py"), url],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for p in wanted:
            r = asyncio.run(first_loads(url, p, args.n))
            print(f"{p.id:10} {r['cpu_ms']:17.1f} {r['wall_ms']:14.1f} {r['kb']:6.1f}", flush=True)


if __name__ == "__main__":
    main()
