"""Several Streamlit processes behind HAProxy on this machine (``make serve``).

    .venv/bin/python deploy/serve.py [--processes N] [--host 0.0.0.0] [--port 8501] [--no-warm]
                                     [--drain 30] [--run-dir DIR]
    .venv/bin/python deploy/serve.py --admin DIR "show stat"    one command to a running HAProxy

Starts N ``streamlit run`` processes (N = cores by default) on free loopback ports, opens every
page on each (tools/warm.py, so a room's first readers do not wait for cold caches), then HAProxy
(Debian's ``haproxy``) on the public port in front of them, configured from
``deploy/haproxy.cfg.in``: sticky by cookie, health checks on ``/_stcore/health``, long websocket
timeouts. Every process gets the same ``server.cookieSecret``: ``SVE_COOKIE_SECRET`` if set, else
one made for this run (never written to disk). Standard library only.

While it runs:

- a process that exits is started again (with a growing pause if it keeps failing); HAProxy sends
  its readers' reconnects to the others meanwhile, and the process rejoins once healthy;
- ``kill -HUP <pid>`` restarts the processes one at a time (new code or text): each is drained
  (no new readers; its readers stay until they leave or ``--drain`` seconds pass), stopped,
  started, checked and put back;
- Ctrl-C or SIGTERM stops HAProxy, then every process (SIGKILL after 10 s), and exits. The
  children also die with the supervisor if it is killed (Linux parent-death signal).

The run folder (``--run-dir``, else a new one under /tmp, printed at start) keeps each process's
log (``s1.log``...), HAProxy's one-line-a-request log (``haproxy.log``), the generated
``haproxy.cfg``, HAProxy's admin socket and ``state.json`` (ports, pids, ready), which the tests
and benchmarks read through :func:`running`.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import ctypes
import io
import json
import os
import resource
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("haproxy.cfg.in")
BACKEND = "streamlit"  # the HAProxy backend's name in the template
STOP_GRACE = 10  # seconds a stopping process gets before SIGKILL
START_TIMEOUT = 90  # seconds a process gets to answer its health check


def log(message: str) -> None:
    print(f"serve: {message}", flush=True)


def haproxy_binary() -> str:
    """Debian installs it in /usr/sbin, which is not on every user's PATH."""
    found = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
    if not found:
        raise SystemExit(
            "serve: haproxy is not installed: run `make serve` (it installs it) or apt-get install haproxy"
        )
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the child, before exec: get SIGTERM when the supervisor dies, however it dies.

    Linux sends it when the thread that started the child ends, so the supervisor starts every
    child from its one (main) thread."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def healthy(url: str, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


def admin(sock: str | Path, command: str, timeout: float = 5) -> str:
    """Send one command to HAProxy's admin socket and return its answer."""
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(timeout)
        s.connect(str(sock))
        s.sendall(command.encode() + b"\n")
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode()


def servers(sock: str | Path) -> dict[str, dict[str, str]]:
    """HAProxy's view of each process (``show stat``): {"s1": {"status": "UP", "scur": "3", ...}}."""
    text = admin(sock, "show stat").lstrip("# ")
    return {
        row["svname"]: row
        for row in csv.DictReader(io.StringIO(text))
        if row["pxname"] == BACKEND and row["svname"] not in ("FRONTEND", "BACKEND")
    }


def haproxy_config(bind: str, sock: Path, backends: list[Backend]) -> str:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    limit = hard if hard != resource.RLIM_INFINITY else 65536
    maxconn = max(256, min(4096, (limit - 64) // 2))  # two sockets a connection, within the fd limit
    lines = "\n".join(f"    server {b.name} 127.0.0.1:{b.port} cookie {b.name}" for b in backends)
    return string.Template(TEMPLATE.read_text()).substitute(maxconn=maxconn, socket=sock, bind=bind, servers=lines)


@dataclass
class Backend:
    name: str
    port: int
    log: Path
    proc: subprocess.Popen | None = None
    failures: list[float] = field(default_factory=list)  # times it exited on its own
    next_start: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


class Supervisor:
    def __init__(self, processes: int, host: str, port: int, run_dir: Path, drain: float, warm: bool, secret: str):
        self.run_dir = run_dir
        self.sock = run_dir / "haproxy.sock"
        self.host, self.port, self.drain_seconds, self.warm = host, port, drain, warm
        self.backends = [Backend(f"s{i}", free_port(), run_dir / f"s{i}.log") for i in range(1, processes + 1)]
        self.env = dict(os.environ, STREAMLIT_SERVER_COOKIE_SECRET=secret, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
        self.env.pop("SVE_COOKIE_SECRET", None)
        self.haproxy: subprocess.Popen | None = None
        self.stopping = False
        self.restart_all = False
        self.ready = False

    # -- processes -------------------------------------------------------------------------------
    def start_backend(self, b: Backend) -> None:
        with b.log.open("a") as out:
            out.write(f"--- serve.py: starting {b.name} on port {b.port} at {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
            out.flush()
            b.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    "streamlit_app.py",
                    "--server.address",
                    "127.0.0.1",
                    "--server.port",
                    str(b.port),
                    "--server.headless",
                    "true",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )  # noqa: PLW1509 (one thread)
        self.write_state()

    def stop_backend(self, b: Backend) -> None:
        if b.proc and b.proc.poll() is None:
            b.proc.terminate()
            try:
                b.proc.wait(STOP_GRACE)
            except subprocess.TimeoutExpired:
                b.proc.kill()
                b.proc.wait(5)

    def wait_healthy(self, b: Backend, timeout: float = START_TIMEOUT) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self.stopping:
            if b.proc is None or b.proc.poll() is not None:
                return False
            if healthy(b.url):
                return True
            time.sleep(0.2)
        return False

    def warm_up(self, backends: list[Backend], timeout: float = 300) -> None:
        """Every page on each of them at once (tools/warm.py); a failed or slow warm-up only leaves
        a process cold."""
        if not self.warm:
            return
        procs = [
            subprocess.Popen(
                [sys.executable, str(ROOT / "tools" / "warm.py"), b.url],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
                preexec_fn=_die_with_parent,
            )  # noqa: PLW1509 (one thread)
            for b in backends
        ]
        deadline = time.monotonic() + timeout
        while any(p.poll() is None for p in procs) and time.monotonic() < deadline and not self.stopping:
            time.sleep(0.2)
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    def set_state(self, b: Backend, state: str) -> None:
        """``ready``, ``drain`` (only its own readers) or ``maint`` (nobody)."""
        answer = admin(self.sock, f"set server {BACKEND}/{b.name} state {state}").strip()
        if answer:
            log(f"haproxy: {answer}")

    def wait_up(self, names: list[str], timeout: float = 30) -> bool:
        """Until HAProxy's own health checks see these processes UP."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self.stopping:
            with contextlib.suppress(OSError):
                stat = servers(self.sock)
                if all(stat.get(n, {}).get("status") == "UP" for n in names):
                    return True
            time.sleep(0.2)
        return False

    # -- HAProxy ---------------------------------------------------------------------------------
    def start_haproxy(self) -> None:
        binary = haproxy_binary()
        cfg = self.run_dir / "haproxy.cfg"
        cfg.write_text(haproxy_config(f"{self.host}:{self.port}", self.sock, self.backends))
        check = subprocess.run([binary, "-c", "-q", "-f", str(cfg)], capture_output=True, text=True, check=False)
        if check.returncode:
            raise SystemExit(f"serve: haproxy rejects {cfg}:\n{check.stdout}{check.stderr}")
        out = (self.run_dir / "haproxy.log").open("a")
        self.haproxy = subprocess.Popen(
            [binary, "-db", "-f", str(cfg)],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )  # noqa: PLW1509 (the supervisor has one thread)
        out.close()
        deadline = time.monotonic() + 15
        while not self.sock.exists() and time.monotonic() < deadline and self.haproxy.poll() is None:
            time.sleep(0.05)

    # -- state for tests and benchmarks ----------------------------------------------------------
    def write_state(self) -> None:
        state = {
            "url": f"http://{'127.0.0.1' if self.host in ('', '0.0.0.0') else self.host}:{self.port}",
            "pid": os.getpid(),
            "ready": self.ready,
            "socket": str(self.sock),
            "haproxy_pid": self.haproxy.pid if self.haproxy else None,
            "backends": [
                {"name": b.name, "port": b.port, "url": b.url, "pid": b.proc.pid if b.proc else None}
                for b in self.backends
            ],
        }
        tmp = self.run_dir / "state.json.tmp"
        tmp.write_text(json.dumps(state, indent=1))
        tmp.replace(self.run_dir / "state.json")

    # -- the run ---------------------------------------------------------------------------------
    def start(self) -> None:
        for b in self.backends:
            self.start_backend(b)
        for b in self.backends:
            if not self.wait_healthy(b) and not self.stopping:
                raise SystemExit(f"serve: {b.name} did not start; see {b.log}")
        self.warm_up(self.backends)
        if self.stopping:
            return
        self.start_haproxy()
        names = [b.name for b in self.backends]
        if self.haproxy is None or self.haproxy.poll() is not None or not self.wait_up(names):
            if self.stopping:
                return
            raise SystemExit(f"serve: haproxy did not come up; see {self.run_dir / 'haproxy.log'}")
        self.ready = True
        self.write_state()
        shown = "0.0.0.0" if self.host in ("", "0.0.0.0") else self.host
        log(
            f"{len(self.backends)} process{'es' if len(self.backends) > 1 else ''} behind http://{shown}:{self.port} "
            f"({', '.join(f'{b.name}=:{b.port}' for b in self.backends)}); logs and state in {self.run_dir}"
        )
        log(f"Ctrl-C stops everything; kill -HUP {os.getpid()} restarts the processes one at a time")

    def tend(self) -> None:
        """One round: restart processes that exited, notice a dead HAProxy."""
        if self.haproxy and self.haproxy.poll() is not None:
            raise SystemExit(f"serve: haproxy exited ({self.haproxy.returncode}); see {self.run_dir / 'haproxy.log'}")
        now = time.monotonic()
        for b in self.backends:
            if b.proc is None or b.proc.poll() is None or self.stopping:
                continue
            if not b.next_start:
                b.failures = [t for t in b.failures if now - t < 300] + [now]
                pause = min(30.0, 2.0 ** (len(b.failures) - 1) - 1)  # 0, 1, 3, 7, 15, 30 s
                b.next_start = now + pause
                log(
                    f"{b.name} exited ({b.proc.returncode}); starting it again"
                    + (f" in {pause:.0f} s" if pause else "")
                )
                with contextlib.suppress(OSError):
                    self.set_state(b, "maint")  # its readers go to the others at once
            if now >= b.next_start:
                b.next_start = 0.0
                self.start_backend(b)
                if self.wait_healthy(b):
                    self.warm_up([b])
                    self.set_state(b, "ready")
                    log(f"{b.name} is back (pid {b.proc.pid if b.proc else '?'})")
                else:  # stuck starting: stopped, so the next round starts it again after a pause
                    self.stop_backend(b)

    def rolling_restart(self) -> None:
        """Each process in turn: drain, stop, start, check, put back."""
        for b in self.backends:
            if self.stopping:
                return
            log(f"draining {b.name} (up to {self.drain_seconds:g} s)")
            self.set_state(b, "drain")
            deadline = time.monotonic() + self.drain_seconds
            while time.monotonic() < deadline and not self.stopping:
                with contextlib.suppress(OSError):
                    if servers(self.sock).get(b.name, {}).get("scur") == "0":
                        break
                time.sleep(0.5)
            self.set_state(b, "maint")  # whoever is left reconnects to the others
            self.stop_backend(b)
            self.start_backend(b)
            if not self.wait_healthy(b):
                log(f"{b.name} did not come back; it will be retried")
                self.stop_backend(b)  # the next rounds start it again
                continue
            self.warm_up([b])
            self.set_state(b, "ready")
            self.wait_up([b.name])
            log(f"{b.name} restarted (pid {b.proc.pid if b.proc else '?'})")

    def stop(self) -> None:
        self.stopping = True
        if self.haproxy and self.haproxy.poll() is None:
            self.haproxy.terminate()  # closes the public port and every reader's connection
        for b in self.backends:
            if b.proc and b.proc.poll() is None:
                b.proc.terminate()
        for proc in [b.proc for b in self.backends] + [self.haproxy]:
            if proc is None:
                continue
            try:
                proc.wait(STOP_GRACE)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        with contextlib.suppress(OSError):
            self.sock.unlink()
        self.ready = False
        self.write_state()


def serve(args: argparse.Namespace) -> int:
    run_dir = Path(args.run_dir) if args.run_dir else Path(tempfile.mkdtemp(prefix="sve-serve-"))
    run_dir.mkdir(parents=True, exist_ok=True)
    secret = os.environ.get("SVE_COOKIE_SECRET") or secrets.token_hex(32)
    sup = Supervisor(args.processes, args.host, args.port, run_dir, args.drain, args.warm, secret)

    def on_stop(signum, _frame):
        sup.stopping = True

    def on_hup(_signum, _frame):
        sup.restart_all = True

    signal.signal(signal.SIGINT, on_stop)
    signal.signal(signal.SIGTERM, on_stop)
    signal.signal(signal.SIGHUP, on_hup)
    try:
        sup.start()
        while not sup.stopping:
            if sup.restart_all:
                sup.restart_all = False
                sup.rolling_restart()
            sup.tend()
            time.sleep(0.2)
        log("stopping")
        return 0
    finally:
        sup.stop()


@contextlib.contextmanager
def running(
    processes: int = 2, run_dir: Path | None = None, drain: float = 30, warm: bool = False, timeout: float = 120
):
    """``make serve`` in the background for tests and benchmarks (loopback, a free port).

    Yields a :class:`Running` once HAProxy sees every process UP; stops it with SIGINT (as Ctrl-C
    does) on the way out."""
    run_dir = Path(run_dir or tempfile.mkdtemp(prefix="sve-serve-"))
    port = free_port()
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--processes",
        str(processes),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--run-dir",
        str(run_dir),
        "--drain",
        str(drain),
        "--warm" if warm else "--no-warm",
    ]
    with (run_dir / "serve.log").open("a") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    run = Running(proc, run_dir)
    try:
        deadline = time.monotonic() + timeout
        while not run.state().get("ready"):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"serve.py did not come up:\n{(run_dir / 'serve.log').read_text()}")
            time.sleep(0.2)
        yield run
    finally:
        run.stop()


class Running:
    """A running ``serve.py``: its address, its processes and HAProxy's view of them."""

    def __init__(self, proc: subprocess.Popen, run_dir: Path):
        self.proc, self.run_dir = proc, run_dir

    def state(self) -> dict:
        try:
            return json.loads((self.run_dir / "state.json").read_text())
        except (OSError, ValueError):
            return {}

    @property
    def url(self) -> str:
        return self.state()["url"]

    def backend(self, name: str) -> dict:
        return next(b for b in self.state()["backends"] if b["name"] == name)

    def servers(self) -> dict[str, dict[str, str]]:
        return servers(self.state()["socket"])

    def admin(self, command: str) -> str:
        return admin(self.state()["socket"], command)

    def log_lines(self) -> list[str]:
        return (self.run_dir / "haproxy.log").read_text(errors="replace").splitlines()

    def stop(self, timeout: float = 30) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        return self.proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="Streamlit processes (default: cores)")
    ap.add_argument("--host", default="0.0.0.0", help="address HAProxy listens on (default: every interface)")
    ap.add_argument("--port", type=int, default=8501, help="HAProxy's public port")
    ap.add_argument("--drain", type=float, default=30, help="seconds a process's readers get to leave on a restart")
    ap.add_argument(
        "--warm",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="open every page on a process (tools/warm.py) before it takes readers (default: on)",
    )
    ap.add_argument("--run-dir", help="logs, state and HAProxy's socket (default: a new folder under /tmp)")
    ap.add_argument(
        "--admin",
        nargs=2,
        metavar=("RUN_DIR", "COMMAND"),
        help="send one command to a running HAProxy's admin socket, e.g. 'show stat' or "
        "'set server streamlit/s1 state drain'",
    )
    args = ap.parse_args()
    if args.admin:
        print(admin(Path(args.admin[0]) / "haproxy.sock", args.admin[1]), end="")
        return 0
    if not 1 <= args.processes <= 64:
        ap.error("--processes: 1 to 64")
    return serve(args)


if __name__ == "__main__":
    sys.exit(main())
