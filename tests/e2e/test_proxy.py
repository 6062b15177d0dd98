"""``make serve`` in a real browser: two Streamlit processes behind HAProxy, started by
deploy/serve.py itself (the same supervisor, on a free loopback port).

Which process answered each request is read from HAProxy's own log (one line a request, with
the server's name and the browser's user agent, which each reader here sets to its own tag), so
the websocket, which Playwright shows no headers of, is checked the same way as the page and
the downloads."""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import socket
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from deploy.serve import running
from tests.e2e.streamlit_server import wait_for_app

RECONNECT_SECONDS = 10  # "within a few seconds": Streamlit's own retry, plus HAProxy's redispatch
# Counts the app's script runs (its script state turning to "running") from the moment it is evaluated.
RUNS = """() => {
  window.__runs = 0;
  const app = document.querySelector("[data-testid='stApp']");
  new MutationObserver(() => { if (app.getAttribute('data-test-script-state') === 'running') window.__runs++; })
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
LINE = re.compile(
    r'^\S+ \S+ (?P<method>\S+) "(?P<path>[^"]*)" (?P<status>-?\d+) [^/\s]+/(?P<server>\S+) \{(?P<ua>[^}]*)\}$'
)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with running(processes=2, run_dir=tmp_path_factory.mktemp("serve"), drain=2) as run:
        yield run


@dataclass
class Request:
    method: str
    path: str
    status: int
    server: str


def requests_of(cluster, tag: str) -> list[Request]:
    """What HAProxy logged for one reader (by its user agent)."""
    out = []
    for line in cluster.log_lines():
        m = LINE.match(line)
        if m and m["ua"].startswith(f"sve-{tag} "):
            out.append(Request(m["method"], m["path"], int(m["status"]), m["server"]))
    return out


def open_reader(browser, cluster, path: str, tag: str):
    ctx = browser.new_context(
        viewport={"width": 1400, "height": 900},
        locale="en-US",
        user_agent=f"sve-{tag} Mozilla/5.0 (X11; Linux x86_64) Chrome/120",
    )
    page = ctx.new_page()
    page.goto(f"{cluster.url}/{path}")
    wait_for_app(page)
    return ctx, page


def backend_of(ctx) -> str:
    return next(c["value"] for c in ctx.cookies() if c["name"] == "SVE_BACKEND")


def mfu(page):
    return page.get_by_test_id("stSlider").filter(has_text="MFU").get_by_role("slider")


def nudge(page) -> float:
    """One step of the calculator's MFU slider (a fragment rerun); its new value."""
    slider = mfu(page)
    start = float(slider.input_value())
    for _ in range(20):  # a rerun landing mid-way can drop a key press: bounded retries
        if float(slider.input_value()) != start:
            break
        slider.focus()
        slider.press("ArrowRight")
    wait_for_app(page)
    assert float(slider.input_value()) != start
    return float(slider.input_value())


def download(page, kind: str) -> tuple[str, str]:
    """Open the first chart's "Download" menu and click its button of that kind (CSV or SVG); (file
    name, text)."""
    if not page.get_by_test_id("stDownloadButton").filter(has_text=kind).first.is_visible():
        page.get_by_test_id("stPopover").first.get_by_role("button").first.click()
        page.get_by_test_id("stDownloadButton").filter(has_text=kind).first.wait_for()
    with page.expect_download() as got:
        page.get_by_test_id("stDownloadButton").filter(has_text=kind).first.click()
    return got.value.suggested_filename, Path(got.value.path()).read_text(encoding="utf-8")


def no_error(page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


def test_a_reader_stays_on_one_process_page_websocket_and_downloads(browser, cluster):
    ctx, page = open_reader(browser, cluster, "scenarios", "sticky")
    try:
        moved = nudge(page)
        name, text = download(page, "CSV")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert name.endswith(".csv") and [float(r["x"]) for r in rows if r["current"] == "True"] == [moved]
        name, text = download(page, "SVG")
        assert name.endswith(".svg") and text.lstrip().startswith("<svg")
        no_error(page)
        home = backend_of(ctx)
        seen = requests_of(cluster, "sticky")
        kinds = {
            (r.path.split("?")[0].rsplit("/", 1)[0] if r.path.startswith("/media/") else r.path.split("?")[0], r.status)
            for r in seen
        }
        assert ("/scenarios", 200) in kinds and ("/_stcore/stream", 101) in kinds, kinds
        media = [r for r in seen if r.path.startswith("/media/")]
        assert len(media) >= 2 and all(r.status == 200 for r in media), media
        assert {r.server for r in seen} == {home}, f"requests reached {sorted({r.server for r in seen})}"
    finally:
        ctx.close()


def test_every_process_has_the_same_generated_cookie_secret(cluster):
    state = cluster.state()
    secrets = set()
    for b in state["backends"]:
        env = Path(f"/proc/{b['pid']}/environ").read_bytes().split(b"\0")
        secrets |= {v.split(b"=", 1)[1] for v in env if v.startswith(b"STREAMLIT_SERVER_COOKIE_SECRET=")}
    assert len(secrets) == 1 and re.fullmatch(rb"[0-9a-f]{64}", next(iter(secrets)))
    for f in cluster.run_dir.iterdir():  # never written down
        if f.is_file() and f.suffix in (".json", ".cfg", ".log"):
            assert next(iter(secrets)) not in f.read_bytes(), f


def test_readers_of_a_stopped_process_come_back_on_a_live_one_and_it_rejoins(browser, cluster):
    contexts = []
    try:
        # two readers, each on its own process (new readers go to the one with fewer)
        ctx_a, a = open_reader(browser, cluster, "scenarios?lang=ja&sc_preset=llama", "victim")
        ctx_b, b = open_reader(browser, cluster, "scenarios?lang=ja", "bystander")
        contexts += [ctx_a, ctx_b]
        victim, survivor = backend_of(ctx_a), backend_of(ctx_b)
        assert victim != survivor
        nudge(a)  # an edit of the reader's own, kept only in the URL and the browser
        url, title, figures = (
            a.url,
            a.locator("h1").first.inner_text(),
            a.get_by_test_id("stMetricValue").all_inner_texts(),
        )
        assert "万" in " ".join(figures), figures  # Japanese number words: the language is part of the view

        old_pid = cluster.backend(victim)["pid"]
        a.evaluate(RUNS)  # counts the script runs from now on
        with a.expect_websocket(timeout=RECONNECT_SECONDS * 1000):
            os.kill(old_pid, signal.SIGKILL)
            stopped = time.monotonic()
        a.wait_for_function("window.__runs > 0", timeout=RECONNECT_SECONDS * 1000)  # the new process ran the page
        wait_for_app(a, timeout=RECONNECT_SECONDS * 1000)
        back_in = time.monotonic() - stopped
        assert back_in < RECONNECT_SECONDS
        assert backend_of(ctx_a) == survivor
        streams = [r for r in requests_of(cluster, "victim") if r.path.startswith("/_stcore/stream")]
        assert [(r.server, r.status) for r in streams] == [(victim, 101), (survivor, 101)], streams
        # the same view: page, language, the edited control's figures, the URL
        assert a.url == url
        expect(a.locator("h1").first).to_have_text(title)
        expect(a.get_by_role("radio", name="日本語")).to_be_checked()
        expect(a.get_by_test_id("stMetricValue")).to_have_text(figures)
        no_error(a)
        a.reload()  # the link alone (no state in the browser) gives the same view on the new process
        wait_for_app(a)
        expect(a.get_by_test_id("stMetricValue")).to_have_text(figures)
        assert backend_of(ctx_a) == survivor
        # nothing fails after the reconnect: another edit, a download
        nudge(a)
        expect(a.get_by_test_id("stMetricValue")).not_to_have_text(figures)
        name, text = download(a, "CSV")
        assert name.endswith(".csv") and text.count("\n") > 1
        after = requests_of(cluster, "victim")
        assert after[-1].path.startswith("/media/") and after[-1].server == survivor and after[-1].status == 200
        no_error(a)
        # the other reader never noticed: still its first websocket
        assert [r.server for r in requests_of(cluster, "bystander") if r.path.startswith("/_stcore/stream")] == [
            survivor
        ]
        no_error(b)

        # the supervisor restarts the process, and HAProxy sends it new readers again
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            stat = cluster.servers().get(victim, {})
            if stat.get("status") == "UP" and cluster.backend(victim)["pid"] != old_pid:
                break
            time.sleep(0.2)
        else:
            pytest.fail(f"{victim} did not rejoin: {cluster.servers().get(victim)}")
        ctx_c, c = open_reader(browser, cluster, "scenarios?lang=ja", "newcomer")
        contexts.append(ctx_c)
        assert backend_of(ctx_c) == victim  # the survivor holds two readers, the restarted one none
        no_error(c)
        assert {r.server for r in requests_of(cluster, "newcomer")} == {victim}
        print(f"reconnected in {back_in:.1f} s")
    finally:
        for ctx in contexts:
            ctx.close()


def get(url: str, cookie: str | None = None) -> str:
    req = urllib.request.Request(url, headers={"Cookie": f"SVE_BACKEND={cookie}"} if cookie else {})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.headers["X-SVE-Backend"]


def test_a_draining_process_keeps_its_readers_and_takes_no_new_ones(cluster):
    health = cluster.url + "/_stcore/health"
    cluster.admin("set server streamlit/s1 state drain")
    try:
        assert {get(health) for _ in range(6)} == {"s2"}
        assert get(health, cookie="s1") == "s1"
    finally:
        cluster.admin("set server streamlit/s1 state ready")
    assert get(health, cookie="s1") == "s1"


def test_sighup_restarts_every_process_one_at_a_time(cluster):
    before = {b["name"]: b["pid"] for b in cluster.state()["backends"]}
    os.kill(cluster.state()["pid"], signal.SIGHUP)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        after = {b["name"]: b["pid"] for b in cluster.state()["backends"]}
        stat = cluster.servers()
        if all(after[n] != before[n] for n in before) and all(stat[n]["status"] == "UP" for n in before):
            break
        time.sleep(0.2)
    else:
        pytest.fail(f"not every process restarted: {before} -> {after}, {stat}")
    assert all(get(cluster.url + "/_stcore/health", cookie=n) == n for n in before)


def test_ctrl_c_stops_haproxy_and_every_process(cluster):
    state = cluster.state()
    pids = [state["haproxy_pid"]] + [b["pid"] for b in state["backends"]]
    assert cluster.stop() == 0
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    port = int(state["url"].rsplit(":", 1)[1])
    with socket.socket() as s, pytest.raises(ConnectionRefusedError):
        s.connect(("127.0.0.1", port))
