"""How long the speaker console and the audience window take to follow each other, in headless
Chromium (Debian's).

    .venv/bin/python benchmarks/bench_console.py [--n 20] [--via key|click] [--warm 1] [--viewport 1920x1080]

One server, one browser context: the console opens at ``/talk?console=1&room=<id>`` and opens the
audience window with its own button (``/talk?present=1&room=<id>``, as a speaker does), so both are
windows of one browser profile and origin, kept in step by the deck's ``BroadcastChannel``
(``ui/deck.py``). Then ``--n`` advances are pressed in each direction: PageDown (what a clicker
sends; ``--via click``: a click on Next) in the console, the audience window following, and then in
the audience window, the console following. Each direction starts at step 1 and walks forward;
at the last step both windows are taken back to step 1 with PageUp, unmeasured. ``--warm`` passes
through every step first, unmeasured, so the slides come from the server's cache as in a rehearsed
talk.

How it is measured. A script installed in both windows before the app loads records, on the clock
``performance.timeOrigin + performance.now()`` (0.1 ms steps in Chromium without cross-origin
isolation):

- the press: a capturing ``keydown`` / ``pointerdown`` listener in the pressed window;
- the new step shown: a MutationObserver on the whole document, whose callback runs right after
  the DOM change (a microtask, before paint; paint follows within a frame, ~16 ms): the first
  change after which the step counter (``.st-key-talk_nav``) reads the new step *and* the slide's
  heading (the audience's ``h1``, the console's slide ``h2``) is no longer the old one;
- the deck's message: a second ``BroadcastChannel`` of the same name in each window, listening
  only. In the pressed window it hears its own deck's post (a channel object hears the other
  objects of its window); in the follower, the message's arrival;
- a window's script running, then not: Streamlit's ``data-test-script-state`` attribute, that is,
  when the browser hears the server's status for the run (not the server's own clock).

Rows: each window's press-to-step-shown (the pressed window's own, and the follower's), and the
follow's parts: press to the pressed window's deck post (its rerun, drawn: the deck's component
posts when it gets the new step), the message, and the follower's rerun, split at its "running".
The last row is how long before the end of the pressed window's run the follower's began (both
runs share the one server process). Times from two windows are compared after subtracting the
offset between their clocks, measured at the start by a ping-pong on a channel of the benchmark's
own (printed with its best round trip; a few tenths of a millisecond, so a message can read
-0.2 ms). Playwright only arms the windows, presses, and then waits for them to settle (script
idle, no change for 300 ms); its polling never enters the figures. Loopback only; every wait is
bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys

from common import pct, streamlit_server
from playwright.sync_api import sync_playwright

from core import talk
from tests.e2e.streamlit_server import CHROMIUM_ARGS, chromium_path, wait_for_app

ROOM = "bench_console_0123456789"
CHANNEL = "sve-talk-" + ROOM  # the deck's channel for this room (ui/deck.py)
QUIET_MS = 300
TIMEOUT_MS = 60_000
HEADING = {"console": ".st-key-talk_console_slide h2", "audience": "h1"}

OBSERVE = """
(() => {
  const clock = () => performance.timeOrigin + performance.now();
  const text = (el) => (el ? el.textContent.trim() : "");
  // A popup's first document (about:blank) keeps its window when it navigates to the app, so
  // this may find the instruments of a document that is gone: replace them.
  if (window.__bench && window.__bench.doc === document) return;
  if (window.__bench) window.__bench.close();
  const b = (window.__bench = { doc: document, sel: "h1", target: null, last: clock() });
  const counter = () => {
    const m = text(document.querySelector(".st-key-talk_nav")).match(/(\\d+)\\s*\\/\\s*\\d+/);
    return m ? Number(m[1]) : null;
  };
  b.step = counter;
  const running = () => {
    const app = document.querySelector("[data-testid='stApp']");
    return !!app && app.getAttribute("data-test-script-state") === "running";
  };
  const look = () => {
    const t = clock();
    b.last = t;
    if (b.target === null) return;
    if (b.started === null && running()) b.started = t;
    else if (b.started !== null && b.ended === null && !running()) b.ended = t;
    if (b.shown !== null || counter() !== b.target) return;
    const heading = text(document.querySelector(b.sel));
    if (heading && heading !== b.before) b.shown = t;
  };
  const observer = new MutationObserver(look);
  const attributeFilter = ["data-test-script-state"];
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributeFilter });
  const hear = (e) => {
    if (b.target !== null && b.message === null && e.data && e.data.step === b.target) b.message = clock();
  };
  const deck = new BroadcastChannel(CHANNEL);
  deck.onmessage = hear;
  const press = () => { if (b.target !== null && b.press === null) b.press = clock(); };
  window.addEventListener("keydown", press, true);
  window.addEventListener("pointerdown", press, true);
  b.arm = (target) => {
    b.target = target;
    b.before = text(document.querySelector(b.sel));
    b.press = b.shown = b.message = b.started = b.ended = null;
  };
  b.disarm = () => { b.target = null; };
  b.read = () => ({ press: b.press, shown: b.shown, message: b.message, started: b.started, ended: b.ended });
  // clock offset: the other window answers pings on the benchmark's own channel with its time
  const id = Math.random(), ping = new BroadcastChannel("sve-bench-clock");
  ping.onmessage = (e) => {
    if (e.data.from === undefined || e.data.from === id) return;
    ping.postMessage({ to: e.data.from, t0: e.data.t0, tb: clock() });
  };
  b.close = () => { observer.disconnect(); deck.close(); ping.close(); };
  b.offset = (rounds) => new Promise((resolve) => {
    const c = new BroadcastChannel("sve-bench-clock"), out = [];
    const send = () => c.postMessage({ from: id, t0: clock() });
    c.onmessage = (e) => {
      if (e.data.to !== id) return;
      const t1 = clock();
      out.push([e.data.tb - (e.data.t0 + t1) / 2, t1 - e.data.t0]);
      if (out.length < rounds) send(); else { c.close(); resolve(out); }
    };
    send();
  });
})();
""".replace("CHANNEL", json.dumps(CHANNEL))

SETTLED = """([step, quiet]) => {
  const app = document.querySelector("[data-testid='stApp']");
  return window.__bench.step() === step && !!app && app.getAttribute("data-test-connection-state") === "CONNECTED"
    && app.getAttribute("data-test-script-state") === "notRunning"
    && performance.timeOrigin + performance.now() - window.__bench.last >= quiet;
}"""


def settle(page, step: int) -> None:
    """Wait until ``page`` shows ``step``, its script is idle and nothing changed for QUIET_MS."""
    page.wait_for_function(SETTLED, arg=[step, QUIET_MS], timeout=TIMEOUT_MS, polling=50)


def clock_offset(a, b) -> tuple[float, float]:
    """b's clock minus a's (ms), from the ping-pong with the smallest round trip; and that round trip."""
    samples = a.evaluate("window.__bench.offset(20)")
    offset, rtt = min(samples, key=lambda s: s[1])
    return offset, rtt


def press(page, via: str) -> None:
    if via == "click":
        page.locator(".st-key-talk_next button:visible").first.click()
    else:
        page.keyboard.press("PageDown")


def rewind(pressed, other, step: int) -> int:
    """Back to step 1 with PageUp in the pressed window, one step at a time, unmeasured."""
    while step > 1:
        step -= 1
        pressed.keyboard.press("PageUp")
        settle(pressed, step)
        settle(other, step)
    return step


# (key, from, to): time points of the pressed window ("_pressed") or the follower ("_follower")
MEASURES = (
    ("own", "press_pressed", "shown_pressed"),
    ("follow", "press_pressed", "shown_follower"),
    ("own_start", "press_pressed", "started_pressed"),
    ("posted", "press_pressed", "message_pressed"),
    ("message", "message_pressed", "message_follower"),
    ("rerun", "message_follower", "shown_follower"),
    ("start", "message_follower", "started_follower"),
    ("run", "started_follower", "shown_follower"),
    ("overlap", "started_follower", "ended_pressed"),
)


def advances(pressed, follower, n: int, via: str, offset: float, step: int) -> tuple[dict[str, list[float]], int]:
    """``n`` advances pressed in ``pressed``; per advance (ms): the pressed window's own step change,
    the follower's, and the follow's parts. ``offset``: follower's clock minus pressed's."""
    out: dict[str, list[float]] = {key: [] for key, _, _ in MEASURES}
    pressed.bring_to_front()
    step = rewind(pressed, follower, step)
    while len(out["own"]) < n:
        if step == talk.COUNT:
            step = rewind(pressed, follower, step)
        for page in (pressed, follower):
            page.evaluate(f"window.__bench.arm({step + 1})")
        press(pressed, via)
        settle(pressed, step + 1)
        settle(follower, step + 1)
        step += 1
        mine, theirs = (page.evaluate("window.__bench.read()") for page in (pressed, follower))
        for page in (pressed, follower):
            page.evaluate("window.__bench.disarm()")
        if mine["press"] is None or mine["shown"] is None or theirs["shown"] is None:
            raise RuntimeError(f"step {step}: a press or a step change was not seen: {mine} {theirs}")
        times = {f"{k}_pressed": v for k, v in mine.items()}
        times |= {f"{k}_follower": None if v is None else v - offset for k, v in theirs.items()}  # pressed's clock
        for key, start, end in MEASURES:
            if times[start] is not None and times[end] is not None:
                out[key].append(times[end] - times[start])
        print(f"  step {step}: own {out['own'][-1]:.0f} ms, follow {out['follow'][-1]:.0f} ms", file=sys.stderr)
    return out, step


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20, help="advances measured in each direction")
    ap.add_argument("--via", choices=("key", "click"), default="key", help="PageDown (a clicker) or a click on Next")
    ap.add_argument("--warm", type=int, default=1, help="unmeasured passes through every step first")
    ap.add_argument("--viewport", default="1920x1080", help="both windows' size (one browser context)")
    args = ap.parse_args()
    width, height = (int(v) for v in args.viewport.split("x"))
    load_before = os.getloadavg()
    with streamlit_server() as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": width, "height": height})
        ctx.add_init_script(OBSERVE)
        console = ctx.new_page()
        console.goto(f"{url}/talk?console=1&room={ROOM}&step=1")
        wait_for_app(console)
        with ctx.expect_page() as popup:
            console.get_by_role("button", name="Open the audience window").click()
        audience = popup.value
        wait_for_app(audience)
        for page, role in ((console, "console"), (audience, "audience")):
            page.evaluate(OBSERVE)  # (a no-op where the init script ran in this document)
            page.evaluate(f"window.__bench.sel = {json.dumps(HEADING[role])}")
            settle(page, 1)
        step = 1
        for _ in range(args.warm):
            print("warming: every step once", file=sys.stderr)
            console.bring_to_front()
            while step < talk.COUNT:
                step += 1
                console.keyboard.press("PageDown")
                settle(console, step)
                settle(audience, step)
        offset, rtt = clock_offset(console, audience)
        rows = []
        for pressed, follower, names in (
            (console, audience, ("console", "audience")),
            (audience, console, ("audience", "console")),
        ):
            print(f"{names[0]} -> {names[1]}", file=sys.stderr)
            state = pressed.evaluate("[document.visibilityState, document.hasFocus()]")
            if state != ["visible", True]:
                print(f"  warning: the pressed window is {state}", file=sys.stderr)
            sign = 1 if pressed is console else -1
            measured, step = advances(pressed, follower, args.n, args.via, sign * offset, step)
            rows.append((names, measured))
        version = browser.version
        browser.close()
    load_after = os.getloadavg()
    press_name = "PageDown" if args.via == "key" else "click on Next"
    print(
        f"{press_name}, {args.n} advances a direction, {width}x{height}, Chromium {version}; "
        f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after"
    )
    print(f"clock offset audience - console {offset:+.2f} ms (best ping-pong round trip {rtt:.2f} ms)")
    print(f"{'direction':22} {'measure':46} {'n':>3} {'median ms':>9} {'p95 ms':>7} {'max ms':>7}")
    for (a, b), m in rows:
        for key, label in (
            ("own", f"{a} (pressed) shows the step"),
            ("follow", f"{b} (follows) shows the step"),
            ("own_start", f"  press -> {a}'s script running"),
            ("posted", f"  press -> {a}'s deck posts the step"),
            ("message", f"  post -> message arrives in {b}"),
            ("rerun", f"  message -> {b} shows the step"),
            ("start", f"    message -> {b}'s script running"),
            ("run", f"    {b}'s script running -> step shown"),
            ("overlap", f"  {b}'s script running -> {a}'s ends"),
        ):
            v = m[key]
            if v:
                print(
                    f"{a + ' -> ' + b:22} {label:46} {len(v):3d} {statistics.median(v):9.1f} "
                    f"{pct(v, 95):7.1f} {max(v):7.1f}"
                )


if __name__ == "__main__":
    main()
