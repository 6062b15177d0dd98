import ast
import gc
import threading
import time
from contextlib import contextmanager

from core.paths import ROOT
from ui import process


def test_settle_memory_freezes_once_per_process(monkeypatch):
    monkeypatch.setattr(process, "_settled", False)
    try:
        assert process.settle_memory() is True
        assert gc.get_freeze_count() > 0  # what was alive is out of the collector's sight
        assert process.settle_memory() is False  # later runs leave it be
    finally:
        gc.unfreeze()  # give this test process its collector back


def test_runs_take_turns():
    """A second thread's run waits until the first has finished; they never overlap."""
    inside, overlaps, order = [], [], []

    def run(name: str) -> None:
        with process.one_run_at_a_time() as turn:
            assert turn
            if inside:
                overlaps.append(name)
            inside.append(name)
            order.append(f"{name} in")
            time.sleep(0.05)
            order.append(f"{name} out")
            inside.remove(name)

    threads = [threading.Thread(target=run, args=(f"r{i}",)) for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not overlaps
    assert all(order[i].endswith("in") and order[i + 1] == order[i].replace("in", "out") for i in range(0, 8, 2))


def test_a_run_calls_its_own_fragments_under_its_turn():
    with process.one_run_at_a_time() as outer, process.one_run_at_a_time() as inner:  # reentrant: no wait
        assert outer and inner


@contextmanager
def a_stuck_run():
    """Another thread holding the gate until the block ends."""
    held, release = threading.Event(), threading.Event()

    def stuck() -> None:
        with process.one_run_at_a_time():
            held.set()
            release.wait(5)

    th = threading.Thread(target=stuck)
    th.start()
    held.wait(5)
    try:
        yield
    finally:
        release.set()
        th.join()


def test_a_stuck_run_slows_the_others_but_never_stops_them(monkeypatch, caplog):
    monkeypatch.setattr(process, "GATE_TIMEOUT_S", 0.1)
    with a_stuck_run():
        t0 = time.perf_counter()
        with process.one_run_at_a_time() as turn:
            assert turn is False  # went ahead without its turn
        assert 0.09 < time.perf_counter() - t0 < 2
        assert "goes ahead without it" in caplog.text
    with process.one_run_at_a_time() as turn:  # the gate works again once the stuck run ends
        assert turn


def test_an_exception_gives_the_turn_back():
    try:
        with process.one_run_at_a_time():
            raise RuntimeError("a rerun request unwinds the script like this")
    except RuntimeError:
        pass
    result = []

    def other() -> None:
        with process.one_run_at_a_time() as turn:
            result.append(turn)

    th = threading.Thread(target=other)
    th.start()
    th.join(5)
    assert result == [True]


def test_a_run_that_went_ahead_takes_its_fragments_with_it(monkeypatch):
    """Each fragment of a run that went ahead would otherwise wait the whole timeout again."""
    monkeypatch.setattr(process, "GATE_TIMEOUT_S", 0.2)
    with a_stuck_run():
        t0 = time.perf_counter()
        with process.one_run_at_a_time() as outer:
            for _ in range(3):  # three fragments
                with process.one_run_at_a_time() as inner:
                    assert inner is False
        assert outer is False
        assert time.perf_counter() - t0 < 0.6  # one timeout, not four
    with process.one_run_at_a_time() as turn:  # later runs of this thread take their turn again
        assert turn


def test_every_fragment_takes_its_turn():
    """App code makes fragments with ui.process.fragment, never a bare st.fragment (its reruns
    would run beside other sessions' again); and the entry point runs under the gate."""
    bare = []
    for path in [*ROOT.glob("app_pages/*.py"), *ROOT.glob("ui/*.py")]:
        if path.name == "process.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "fragment" and getattr(node.value, "id", "") == "st":
                bare.append(f"{path.name}:{node.lineno}")
    assert not bare, f"st.fragment used directly (use ui.process.fragment): {bare}"
    entry = ast.parse((ROOT / "streamlit_app.py").read_text(encoding="utf-8"))
    gated = [
        n for n in entry.body if isinstance(n, ast.With) and "one_run_at_a_time" in ast.unparse(n.items[0].context_expr)
    ]
    assert gated and any("page.run" in ast.unparse(s) for s in gated[0].body)


def test_a_gated_fragment_keeps_its_identity(monkeypatch):
    """Streamlit names a fragment by its module and qualified name: the gated one keeps both."""

    def calculator():
        return 42

    monkeypatch.setattr(process.st, "fragment", lambda f: f)
    wrapped = process.fragment(calculator)
    assert wrapped is not calculator
    assert wrapped.__qualname__ == calculator.__qualname__ and wrapped.__module__ == calculator.__module__
    assert wrapped() == 42
