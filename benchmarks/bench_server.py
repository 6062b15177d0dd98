"""Server round trip per page after a control change, against Streamlit's floor (one slider).

    .venv/bin/python benchmarks/bench_server.py [--n 50] [--pages home,stocks]

For every page: load it once, then change its first slider (or, on pages without one, rerun
the page) N times. Prints median and p95 round trip (request sent -> script_finished received),
server CPU time per interaction and bytes the server sent per interaction; the empty one-slider
app is measured in the same run, so ratios hold on a noisy machine.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics

from common import cpu_seconds, pages, pct, streamlit_server, url_path
from st_client import StreamlitSession, slider_state


async def measure(url: str, pid: int, page_name: str, n: int) -> dict:
    async with StreamlitSession(url) as s:
        first = await s.run(page_name)
        if first.exceptions:
            raise RuntimeError(f"{page_name or 'home'}: {first.exceptions[0]}")
        sliders = [w for w in first.widgets.values() if w["type"] == "slider"]
        times, sizes = [], []
        cpu0 = cpu_seconds(pid)
        for i in range(n):
            changed = None
            if sliders:
                w = sliders[0]
                default = (w["value"] or [w["min"]])[0]
                other = w["max"] if default != w["max"] else w["min"]
                # alternate between the default and the far end of the range: the page really changes
                changed = slider_state(w["id"], default if i % 2 else other)
            r = await s.run(page_name, changed=changed)
            if r.exceptions:
                raise RuntimeError(f"{page_name}: {r.exceptions[0]}")
            times.append(r.seconds * 1000)
            sizes.append(r.bytes_received)
        cpu_ms = (cpu_seconds(pid) - cpu0) * 1000 / n
        return {"median_ms": statistics.median(times), "p95_ms": pct(times, 95), "cpu_ms": cpu_ms,
                "kb": statistics.median(sizes) / 1024, "control": "slider" if sliders else "rerun",
                "first_kb": first.bytes_received / 1024}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--pages", default="")
    args = ap.parse_args()
    rows = []
    with streamlit_server("benchmarks/empty_app.py") as url:
        base = asyncio.run(measure(url, url.pid, "", args.n))
    rows.append(("empty one-slider app", base))
    with streamlit_server() as url:
        for p in pages():
            if args.pages and p.id not in args.pages.split(","):
                continue
            rows.append((p.id, asyncio.run(measure(url, url.pid, url_path(p), args.n))))
    print(f"{'page':24} {'control':7} {'median ms':>9} {'p95 ms':>7} {'x floor':>7} {'CPU ms':>7} "
          f"{'KB/move':>8} {'KB first':>8}")
    for name, r in rows:
        print(f"{name:24} {r['control']:7} {r['median_ms']:9.1f} {r['p95_ms']:7.1f} "
              f"{r['p95_ms'] / base['p95_ms']:7.2f} {r['cpu_ms']:7.1f} {r['kb']:8.1f} {r['first_kb']:8.1f}")


if __name__ == "__main__":
    main()
