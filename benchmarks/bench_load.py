"""N concurrent sessions against one server on localhost, each moving a control with think time.

    .venv/bin/python benchmarks/bench_load.py [--sessions 10,25,50,100] [--moves 10] [--think 2]
                                              [--page home] [--prefix sc_] [--fresh] [--processes 2] [--warm]
                                              [--ramp 20] [--browsers 3] [--proxy] [--target-ms 300]

Each simulated reader opens the page (a first run), then changes the page's own first slider
(else its own first toggle) ``--moves`` times with ``--think`` seconds between moves, as a browser
does: a control inside an ``st.fragment`` reruns only that fragment, and unchanged large messages
come back as references. A page without a control of its own is rerun whole. Prints p50/p95 of
the moves and of the first loads, errors, the server's peak RSS and CPU use, and the load
generator's own CPU (it shares the machine). ``--browsers N`` runs N headless Chromium pages beside
the readers, on the same page and control with the same think time, to check the numbers agree:
their "answered" time (key press -> the app's script state back to idle) is the reader's round
trip plus what the browser spends on the answer, which ``bench_browser.py`` measures on an idle
server. ``--proxy``: the readers connect to HAProxy in front of ``--processes`` processes, started
by ``deploy/serve.py`` as ``make serve`` does (sticky cookie, health checks), instead of each
straight to a process; HAProxy's own CPU is printed, and how many readers each process held.
``--target-ms``: the most readers, of the levels run, whose move p95 stayed within it. Loopback
only; every run is bounded in sessions and time and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import subprocess
import sys
import threading
import time

from common import ROOT, cpu_seconds, pct, rss_mb, streamlit_server
from st_client import StreamlitSession, move

from deploy.serve import running

MAX_SESSIONS = 400  # two processes behind the proxy hold 200
MAX_SECONDS = 300


async def reader(
    url: str,
    page: str,
    prefix: str,
    moves: int,
    think: float,
    latencies: list[float],
    firsts: list[float],
    errors: list[str],
    fresh: bool = False,
    ramp: float | None = None,
) -> None:
    await asyncio.sleep(random.uniform(0, think if ramp is None else ramp))  # arrivals: over one think time, or --ramp
    try:
        async with StreamlitSession(url) as s:
            first = await s.run(page, timeout=60)
            firsts.append(first.seconds)
            own = [w for w in first.widgets.values() if w["id"].rsplit("-", 1)[-1].startswith(prefix)]
            controls = [w for w in own if w["type"] == "slider"] or [w for w in own if w["type"] == "checkbox"]
            w = controls[0] if controls else None
            start = random.randrange(10_000)  # --fresh: each reader wanders through its own values
            for i in range(moves):
                await asyncio.sleep(think * random.uniform(0.8, 1.2))
                r = await s.run(
                    page,
                    changed=move(w, start + i, fresh) if w else None,
                    timeout=60,
                    fragment_id=w["fragment"] if w else "",
                )
                latencies.append(r.seconds)
                if r.exceptions:
                    errors.append(r.exceptions[0])
    except Exception as exc:  # a failed session is a result, not a crash
        errors.append(f"{type(exc).__name__}: {exc}")


def browser_readers(
    url: str,
    page: str,
    prefix: str,
    n: int,
    moves: int,
    think: float,
    answered: list[float],
    errors: list[str],
    stop: threading.Event,
) -> None:
    """``n`` Chromium pages beside the websocket readers (in their own thread: Playwright's sync API):
    each opens the page, then ``moves`` times presses a key on the page's own control (or clicks its
    toggle) and records key press -> script idle, in ms."""
    from bench_browser import OBSERVE, control, settle
    from playwright.sync_api import sync_playwright

    from tests.e2e.streamlit_server import chromium_path

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
            tabs = []
            for _ in range(n):
                tab = browser.new_page(viewport={"width": 1400, "height": 900})
                tab.add_init_script(OBSERVE)
                tab.goto(f"{url}/{page}")
                # under load the first run can start late: wait for the page's own controls first
                tab.wait_for_selector(f"[class*='st-key-{prefix}'] input", state="attached", timeout=60_000)
                settle(tab)
                kind, el = control(tab, prefix)
                if el is None:
                    raise RuntimeError("no control to move on this page")
                el.scroll_into_view_if_needed()
                tabs.append((tab, kind, el))
            for i in range(moves):
                if stop.is_set():
                    break
                time.sleep(think * random.uniform(0.8, 1.2))
                for tab, kind, el in tabs:
                    if kind == "slider":
                        el.focus()
                        tab.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
                    else:
                        el.click(force=True)
                for tab, _, _ in tabs:
                    settle(tab)
                    t0, idle = tab.evaluate("[window.__t0, window.__idle]")
                    answered.append(idle - t0)
            browser.close()
    except Exception as exc:  # a failed browser is a result, not a crash
        errors.append(f"browser: {type(exc).__name__}: {exc}")


def run_level(
    urls: list,
    page: str,
    prefix: str,
    n: int,
    moves: int,
    think: float,
    fresh: bool = False,
    ramp: float | None = None,
    browsers: int = 0,
    pids: list[int] | None = None,
    proxy=None,
) -> dict:
    """``urls``: one server, or several processes of it; reader i talks to ``urls[i % len]`` (what a
    sticky proxy in front of them does). RSS and CPU are summed over the processes (``pids``, else
    the servers'). ``proxy``: a running ``deploy/serve.py`` (the one url is its HAProxy)."""
    pids = pids or [u.pid for u in urls]
    proxy_pid = proxy.state()["haproxy_pid"] if proxy else None
    held: dict[str, int] = {}  # behind the proxy: peak connections HAProxy had open to each process
    checks: dict[str, list[int]] = {}  # and its failed health checks of each process: [first, last] count
    latencies: list[float] = []
    firsts: list[float] = []
    errors: list[str] = []
    peak = {"rss": sum(rss_mb(p) for p in pids)}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak["rss"] = max(peak["rss"], sum(rss_mb(p) for p in pids))
            if proxy:
                for name, row in proxy.servers().items():
                    held[name] = max(held.get(name, 0), int(row["scur"] or 0))
                    checks.setdefault(name, [int(row["chkfail"] or 0)] * 2)[1] = int(row["chkfail"] or 0)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    cpu0, t0, own0 = sum(cpu_seconds(p) for p in pids), time.perf_counter(), time.process_time()
    proxy0 = cpu_seconds(proxy_pid) if proxy_pid else 0.0

    async def all_readers():
        await asyncio.wait_for(
            asyncio.gather(
                *(
                    reader(urls[i % len(urls)], page, prefix, moves, think, latencies, firsts, errors, fresh, ramp)
                    for i in range(n)
                )
            ),
            MAX_SECONDS,
        )

    answered: list[float] = []
    beside = (
        threading.Thread(
            target=browser_readers,
            args=(urls[0], page, prefix, browsers, moves, think, answered, errors, stop),
            daemon=True,
        )
        if browsers
        else None
    )
    if beside:
        beside.start()
    try:
        asyncio.run(all_readers())
    except TimeoutError:
        errors.append("time limit reached")
    if beside and n == 0:  # --sessions 0: the browsers alone, on an idle server (the baseline)
        beside.join(MAX_SECONDS)
    wall = time.perf_counter() - t0
    stop.set()  # browsers beside the readers stop with them: their moves count only under the load
    if beside:
        beside.join(MAX_SECONDS)
    sampler.join()
    ms = [x * 1000 for x in latencies]
    first_ms = [x * 1000 for x in firsts]
    return {
        "sessions": n,
        "requests": len(ms),
        "p50": pct(ms, 50),
        "p95": pct(ms, 95),
        "errors": len(errors),
        "first_p50": pct(first_ms, 50),
        "first_p95": pct(first_ms, 95),
        "browser_p50": pct(answered, 50) if answered else None,
        "browser_p95": pct(answered, 95) if answered else None,
        "per_s": len(ms) / wall,  # moves answered a second (with --think near 0: what the server can do)
        "rss_mb": peak["rss"],
        "cpu_pct": (sum(cpu_seconds(p) for p in pids) - cpu0) / wall * 100,
        "client_pct": (time.process_time() - own0) / wall * 100,  # the generator shares the machine
        "proxy_pct": (cpu_seconds(proxy_pid) - proxy0) / wall * 100 if proxy_pid else None,
        "held": held,
        "failed_checks": sum(last - first for first, last in checks.values()),
        "first_error": errors[0] if errors else "",
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", default="10,25,50,100")
    ap.add_argument("--moves", type=int, default=10)
    ap.add_argument("--think", type=float, default=2.0)
    ap.add_argument("--page", default="", help="url path of the page ('' = home)")
    ap.add_argument("--prefix", default="-", help="the page's control keys start with it (e.g. sc_)")
    ap.add_argument(
        "--processes",
        type=int,
        default=1,
        choices=(1, 2, 3, 4),
        help="server processes, each reader pinned to one (as behind a sticky proxy)",
    )
    ap.add_argument("--warm", action="store_true", help="run tools/warm.py on every process first")
    ap.add_argument(
        "--fresh",
        action="store_true",
        help="sliders move to values not asked for before by "
        "that reader (readers dragging sliders), instead of back and forth between two",
    )
    ap.add_argument(
        "--browsers",
        type=int,
        default=0,
        help="headless Chromium pages beside the readers (check the "
        "numbers agree): their key press -> answered p50/p95",
    )
    ap.add_argument(
        "--ramp",
        type=float,
        default=None,
        help="readers arrive over this many seconds (default: one think time, i.e. the whole room within 2 s)",
    )
    ap.add_argument(
        "--proxy",
        action="store_true",
        help="readers connect through HAProxy in front of the processes (deploy/serve.py, as make serve runs it)",
    )
    ap.add_argument(
        "--target-ms", type=float, default=None, help="print the most readers whose move p95 stayed within this many ms"
    )
    args = ap.parse_args()
    levels = [min(int(x), MAX_SESSIONS) for x in args.sessions.split(",")]  # 0 with --browsers: browsers alone
    print(
        f"page: /{args.page}  moves: {args.moves}  think: {args.think}s  values: {'fresh' if args.fresh else 'two'}"
        f"  processes: {args.processes}{' behind HAProxy' if args.proxy else ''}"
        f"{'  (warmed first)' if args.warm else ''}"
        f"  arrivals over: {args.think if args.ramp is None else args.ramp:g}s"
    )
    print(
        f"{'sessions':>8} {'moves':>6} {'p50 ms':>7} {'p95 ms':>7} | {'first p50':>9} {'first p95':>9} | "
        f"{'errors':>6} {'RSS MB':>7} {'CPU %':>6} {'client %':>8} {'moves/s':>7}"
    )
    held_at_target = None
    with contextlib.ExitStack() as stack:
        proxy, pids = None, None
        if args.proxy:  # make serve, on a free loopback port; serve.py warms each process before HAProxy starts
            proxy = stack.enter_context(running(processes=args.processes, warm=args.warm))
            urls, pids = [proxy.url], [b["pid"] for b in proxy.state()["backends"]]
        else:
            urls = [stack.enter_context(streamlit_server()) for _ in range(args.processes)]
            if args.warm:  # what a presenter does before the talk (tools/warm.py)
                subprocess.run(
                    [sys.executable, str(ROOT / "tools" / "warm.py"), *urls],
                    check=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
        for n in levels:
            r = run_level(
                urls,
                args.page,
                args.prefix,
                n,
                args.moves,
                args.think,
                args.fresh,
                args.ramp,
                args.browsers,
                pids,
                proxy,
            )
            print(
                f"{r['sessions']:8d} {r['requests']:6d} {r['p50']:7.0f} {r['p95']:7.0f} | {r['first_p50']:9.0f} "
                f"{r['first_p95']:9.0f} | {r['errors']:6d} {r['rss_mb']:7.0f} {r['cpu_pct']:6.0f} "
                f"{r['client_pct']:8.0f} "
                f"{r['per_s']:7.1f}  {r['first_error'][:60]}"
            )
            if r["proxy_pct"] is not None:
                print(
                    f"{'':8} HAProxy CPU {r['proxy_pct']:.0f}%; failed health checks {r['failed_checks']}; "
                    "peak connections a process: " + ", ".join(f"{k} {v}" for k, v in sorted(r["held"].items()))
                )
            if args.target_ms and r["errors"] == 0 and r["p95"] <= args.target_ms and n > (held_at_target or 0):
                held_at_target = n
            if r["browser_p50"] is not None:
                print(
                    f"{'':8} {args.browsers} browsers beside them, key press -> answered: "
                    f"p50 {r['browser_p50']:.0f} ms, "
                    f"p95 {r['browser_p95']:.0f} ms"
                )
    if args.target_ms:
        print(
            f"most readers with move p95 <= {args.target_ms:g} ms and no errors: "
            f"{held_at_target or 'none of the levels'}"
        )


if __name__ == "__main__":
    main()
