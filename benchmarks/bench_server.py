"""Server round trip per page after a control change, against Streamlit's floor (one slider).

    .venv/bin/python benchmarks/bench_server.py [--n 50] [--pages home,stocks]

For every page: load it once, then change its main control N times, as a browser would: a control
inside an ``st.fragment`` reruns only that fragment, and large messages the client already holds
come back as references. The control is the page's own first slider, else its own first toggle
(keys with the page's prefix); a page with neither is rerun whole. Prints median and p95 round
trip (request sent -> script_finished received), server CPU time and KB the server sent per interaction, and the same
for a full rerun
of the page. The CPU time is net of what the idle server burns anyway (measured for 3 s per page
and printed: Streamlit polls its config files five times a second) (what a control outside any fragment costs, or a
revisit). The empty one-slider app
(and a one-slider, one-small-chart app: what any chart costs) is measured in the same run, so ratios hold on a noisy
machine.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from common import cpu_seconds, pages, pct, streamlit_server, url_path
from st_client import StreamlitSession, move


async def measure(url: str, pid: int, page_name: str, n: int, prefix: str = "", fresh: bool = False) -> dict:
    async with StreamlitSession(url) as s:
        first = await s.run(page_name)
        if first.exceptions:
            raise RuntimeError(f"{page_name or 'home'}: {first.exceptions[0]}")
        own = [w for w in first.widgets.values() if w["id"].rsplit("-", 1)[-1].startswith(prefix)]
        controls = [w for w in own if w["type"] == "slider"] or [w for w in own if w["type"] == "checkbox"]
        w = controls[0] if controls else None
        # Streamlit's server burns CPU while idle (config-file polling, the server's tick): measured
        # here and taken out, so "CPU ms" is the work one interaction causes.
        await asyncio.sleep(0.5)
        cpu0, t0 = cpu_seconds(pid), time.perf_counter()
        await asyncio.sleep(IDLE_SECONDS)
        idle_rate = (cpu_seconds(pid) - cpu0) / (time.perf_counter() - t0)

        async def series(full: bool) -> tuple[list[float], list[int], float]:
            times, sizes = [], []
            cpu0, t0 = cpu_seconds(pid), time.perf_counter()
            for i in range(n):
                changed = move(w, i, fresh and not full) if w else None
                fragment = "" if full or w is None else w["fragment"]
                r = await s.run(page_name, changed=changed, fragment_id=fragment)
                if r.exceptions:
                    raise RuntimeError(f"{page_name}: {r.exceptions[0]}")
                times.append(r.seconds * 1000)
                sizes.append(r.bytes_received)
            gross = cpu_seconds(pid) - cpu0
            return times, sizes, (gross - idle_rate * (time.perf_counter() - t0)) * 1000 / n

        times, sizes, cpu = await series(full=False)
        full_times, full_sizes, full_cpu = await series(full=True)
        kind = (w["type"] if w else "rerun") + (" (fragment)" if w and w["fragment"] else "")
        return {
            "median_ms": statistics.median(times),
            "p95_ms": pct(times, 95),
            "cpu_ms": cpu,
            "kb": statistics.median(sizes) / 1024,
            "control": kind,
            "first_kb": first.bytes_received / 1024,
            "full_ms": statistics.median(full_times),
            "full_cpu": full_cpu,
            "full_kb": statistics.median(full_sizes) / 1024,
            "idle": idle_rate * 1000,
        }


IDLE_SECONDS = 3.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--pages", default="")
    ap.add_argument(
        "--fresh",
        action="store_true",
        help="every slider move to a value not asked for before (no cache helps); default: "
        "back and forth between two values (what caches make of a repeated question)",
    )
    args = ap.parse_args()
    rows = []
    with streamlit_server("benchmarks/empty_app.py") as url:
        base = asyncio.run(measure(url, url.pid, "", args.n, fresh=args.fresh))
    rows.append(("empty one-slider app", base))
    with streamlit_server("benchmarks/chart_app.py") as url:
        rows.append(("one-chart app", asyncio.run(measure(url, url.pid, "", args.n, fresh=args.fresh))))
    with streamlit_server() as url:
        for p in pages():
            if args.pages and p.id not in args.pages.split(","):
                continue
            rows.append((p.id, asyncio.run(measure(url, url.pid, url_path(p), args.n, p.prefix or "-", args.fresh))))
    print("control move (as a browser sends it)                          | full rerun of the page")
    print(
        f"{'page':21} {'control':19} {'median ms':>9} {'p95 ms':>7} {'x floor':>7} {'CPU ms':>6} {'KB':>6} | "
        f"{'median ms':>9} {'CPU ms':>6} {'KB':>6} {'KB first':>8} {'idle CPU ms/s':>13}"
    )
    for name, r in rows:
        print(
            f"{name:21} {r['control']:19} {r['median_ms']:9.1f} {r['p95_ms']:7.1f} "
            f"{r['p95_ms'] / base['p95_ms']:7.2f} {r['cpu_ms']:6.1f} {r['kb']:6.1f} | "
            f"{r['full_ms']:9.1f} {r['full_cpu']:6.1f} {r['full_kb']:6.1f} {r['first_kb']:8.1f} {r['idle']:13.0f}"
        )


if __name__ == "__main__":
    main()
