"""What a reader feels, in headless Chromium (Debian's), against an empty one-slider page.

    .venv/bin/python benchmarks/bench_browser.py [--renders 5] [--moves 10] [--pages stocks,scaling] [--cold 3]
    [--fresh]

1. First render of each page: navigation start -> the app connected, its script finished and the
   page (charts included) stopped changing; the time is that of the last change to the page.
2. Control-to-chart latency: a key press on the page's own first slider (else a click on its own
   first toggle) -> the server's answer drawn and the charts repainted (last change to the page).
3. Cold start (--cold N): ``streamlit run`` spawned -> health check answers -> first page painted.

The empty page (and a one-slider, one-small-chart page: what any chart costs) is measured in the
same run, so the ratios hold on a noisy machine. Changes are
seen by a MutationObserver installed before the app loads; "stopped changing" means no change
for 500 ms with the script not running. Loopback only; every wait is bounded.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import Counter

from common import ROOT, pages, pct, streamlit_server, url_path
from playwright.sync_api import sync_playwright

from tests.e2e.streamlit_server import chromium_path, free_port

OBSERVE = """
window.__last = performance.now();
new MutationObserver(() => { window.__last = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
window.__idle = performance.now();
new MutationObserver(() => {
  const app = document.querySelector("[data-testid='stApp']");
  if (app && app.getAttribute('data-test-script-state') === 'notRunning')
    window.__idle = window.__idle || performance.now();
  else window.__idle = 0;
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
window.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
window.addEventListener('pointerdown', () => { window.__t0 = performance.now(); }, true);
"""
IDLE = "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"
QUIET_MS = 500


def settle(page, timeout_s: float = 60) -> float:
    """Wait until the script is idle and nothing changed for QUIET_MS; the last change's time."""
    deadline = time.monotonic() + timeout_s
    page.wait_for_selector(IDLE, timeout=timeout_s * 1000)
    while time.monotonic() < deadline:
        idle, since = page.evaluate(f'[!!document.querySelector("{IDLE}"), performance.now() - window.__last]')
        if idle and since >= QUIET_MS:
            return page.evaluate("window.__last")
        page.wait_for_timeout(100)
    raise TimeoutError("the page kept changing")


def control(page, prefix: str):
    """The page's own first slider thumb, else its own first toggle (keys start with ``prefix``)."""
    for kind, inner in (("slider", "input[type='range']"), ("toggle", "input[type='checkbox']")):
        loc = page.locator(f"[class*='st-key-{prefix}'] {inner}")
        if loc.count():
            return kind, loc.first
    return None, None


def first_renders(browser, url: str, n: int) -> list[float]:
    times = []
    for _ in range(n):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.add_init_script(OBSERVE)
        page.goto(url)
        times.append(settle(page))
        page.close()
    return times


def at_control(browser, url: str, prefix: str):
    """A new page at ``url``, settled, scrolled to its own first control: (page, kind, element);
    element None (page closed) when the page has none."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.add_init_script(OBSERVE)
    page.goto(url)
    settle(page)
    kind, el = control(page, prefix)
    if el is None:
        page.close()
        return page, None, None
    el.scroll_into_view_if_needed()
    settle(page)
    return page, kind, el


def move_times(page, kind: str, el, n: int, fresh: bool = False) -> tuple[list[float], list[float]]:
    """``n`` moves of a control on an open page: (until the page is still, until the script is
    idle) ms a move. ``fresh``: a slider goes one way to its end, then back (a new value each press)."""
    times, answers = [], []
    key = "ArrowRight"
    for i in range(n):
        if kind == "slider" and fresh:  # onwards in one direction: a value not asked for before
            value = el.input_value()
            if value in (el.get_attribute("max"), el.get_attribute("min")) and i:
                key = "ArrowLeft" if value == el.get_attribute("max") else "ArrowRight"
            elif value == el.get_attribute("max"):
                key = "ArrowLeft"
            el.focus()
            page.keyboard.press(key)
        elif kind == "slider":
            at_max = el.input_value() == el.get_attribute("max")
            el.focus()
            page.keyboard.press("ArrowLeft" if (i % 2 == 0) == at_max else "ArrowRight")
        else:
            el.click(force=True)
        end = settle(page)
        t0, idle = page.evaluate("[window.__t0, window.__idle]")
        times.append(end - t0)
        answers.append(idle - t0)
    return times, answers


def moves(browser, url: str, prefix: str, n: int, fresh: bool = False) -> tuple[str | None, list[float]]:
    page, kind, el = at_control(browser, url, prefix)
    if el is None:
        return None, []
    times, answers = move_times(page, kind, el, n, fresh)
    page.close()
    if answers:
        print(
            f"  {url.rsplit('/', 1)[-1] or 'empty'}: script idle after {statistics.median(answers):.0f} ms, "
            f"page still until {statistics.median(times):.0f} ms (medians)",
            file=sys.stderr,
        )
    return kind, times


def profile_moves(browser, url: str, prefix: str, n: int = 12) -> None:
    """Chromium's sampling profiler (CDP) while the page's own control moves ``n`` times: the busy
    main-thread time a move and its share by script file (names as the bundles ship them)."""
    page, kind, el = at_control(browser, url, prefix)
    if el is None:
        raise SystemExit("no control to move on this page")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 200})  # µs
    cdp.send("Profiler.start")
    for i in range(n):
        if kind == "slider":
            el.focus()
            page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        else:
            el.click(force=True)
        settle(page)
    prof = cdp.send("Profiler.stop")["profile"]
    page.close()
    frames = {node["id"]: node["callFrame"] for node in prof["nodes"]}
    by_file: Counter = Counter()
    busy_us = 0.0
    for node_id, delta in zip(prof["samples"], prof["timeDeltas"]):
        frame = frames[node_id]
        name = frame["functionName"]
        if name == "(idle)":
            continue
        busy_us += delta
        by_file[name if name.startswith("(") else (frame["url"].rsplit("/", 1)[-1] or "(anonymous)")] += delta
    print(f"busy main thread: {busy_us / 1000 / n:.0f} ms a move ({n} moves)")
    for file, us in by_file.most_common(12):
        print(f"  {100 * us / busy_us:5.1f}%  {file}")


def cold_start(browser, script: str, route: str) -> tuple[float, float]:
    port = free_port()
    start = time.monotonic()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() - start > 60:
                    raise
                time.sleep(0.05)
        healthy = time.monotonic() - start
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.add_init_script(OBSERVE)
        nav = time.monotonic()
        page.goto(f"{url}/{route}")
        painted = (nav - start) + settle(page) / 1000
        page.close()
        return healthy * 1000, painted * 1000
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--renders", type=int, default=5)
    ap.add_argument("--moves", type=int, default=10)
    ap.add_argument("--pages", default="")
    ap.add_argument("--cold", type=int, default=0)
    ap.add_argument("--profile", default="", help="a page id: where the browser's time goes on its moves (only this)")
    ap.add_argument(
        "--fresh",
        action="store_true",
        help="slider keys keep one direction (a new value each "
        "press, as a reader stepping through), instead of back and forth between two values",
    )
    args = ap.parse_args()
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        if args.profile:
            target = next(p for p in pages() if p.id == args.profile)
            with streamlit_server() as url:
                profile_moves(browser, f"{url}/{url_path(target)}", target.prefix)
            browser.close()
            return
        for label, app in (
            ("empty one-slider page", "benchmarks/empty_app.py"),
            ("one-chart page", "benchmarks/chart_app.py"),
        ):
            with streamlit_server(app) as url:
                _, floor_moves = moves(browser, url, "v", args.moves, args.fresh)
                rows.append((label, "slider", first_renders(browser, url, args.renders), floor_moves))
        with streamlit_server() as url:
            for p in pages():
                if args.pages and p.id not in args.pages.split(","):
                    continue
                target = f"{url}/{url_path(p)}"
                renders = first_renders(browser, target, args.renders)
                kind, latency = moves(browser, target, p.prefix, args.moves, args.fresh) if p.prefix else (None, [])
                rows.append((p.id, kind or "-", renders, latency))
        base_render, base_move = statistics.median(rows[0][2]), pct(rows[0][3], 95)
        print(
            f"{'page':22} {'render med ms':>13} {'x empty':>7} | {'control':7} {'move med ms':>11} "
            f"{'p95 ms':>7} {'p95 x empty':>11}"
        )
        for name, kind, renders, latency in rows:
            r = statistics.median(renders)
            line = f"{name:22} {r:13.0f} {r / base_render:7.2f} | {kind:7} "
            if latency:
                line += (
                    f"{statistics.median(latency):11.0f} {pct(latency, 95):7.0f} {pct(latency, 95) / base_move:11.2f}"
                )
            print(line)
        for _ in range(args.cold and 1):
            print("\ncold start (streamlit run -> health ok -> first page painted), median of", args.cold)
            for label, script, route in (
                ("empty one-slider page", "benchmarks/empty_app.py", ""),
                ("this app, home", "streamlit_app.py", ""),
                ("this app, stocks", "streamlit_app.py", "stocks"),
            ):
                runs = [cold_start(browser, script, route) for _ in range(args.cold)]
                print(
                    f"{label:22} health {statistics.median(r[0] for r in runs):7.0f} ms   "
                    f"painted {statistics.median(r[1] for r in runs):7.0f} ms"
                )
        browser.close()


if __name__ == "__main__":
    main()
