"""The language pin: read once a run, cleared by a full run, never stale after a switch."""

from types import SimpleNamespace

import pytest

from ui import i18n


class FakeState(dict):
    reads = 0

    def get(self, key, default=None):
        FakeState.reads += 1
        return super().get(key, default)


@pytest.fixture
def run(monkeypatch):
    """One run context of a session whose language control holds ``ja``."""
    ctx = SimpleNamespace()
    state = FakeState({i18n.LANG_STATE: "ja"})
    FakeState.reads = 0
    monkeypatch.setattr(i18n, "_run_context", lambda: ctx)
    monkeypatch.setattr(i18n, "st", SimpleNamespace(session_state=state, context=SimpleNamespace(locale="en-US")))
    return ctx, state


def test_a_run_reads_the_language_once(run):
    assert [i18n.lang() for _ in range(50)] == ["ja"] * 50
    assert FakeState.reads == 1


def test_a_fresh_context_reads_the_session_again(run, monkeypatch):
    ctx, state = run
    assert i18n.lang() == "ja"
    state[i18n.LANG_STATE] = "en"  # the reader switched; Streamlit's next run has its own context
    monkeypatch.setattr(i18n, "_run_context", lambda: SimpleNamespace())
    assert i18n.lang() == "en"


def test_a_full_run_unpins_before_its_control_renders(run):
    ctx, state = run
    assert i18n.lang() == "ja"
    state[i18n.LANG_STATE] = "en"
    i18n.pin_language(None)  # streamlit_app.py, first thing in a full run
    assert i18n.lang() == "en"
    i18n.pin_language("ja")  # the language control rendered with ja
    assert i18n.lang() == "ja"


def test_an_unknown_value_falls_back_to_the_locale(run):
    ctx, state = run
    state[i18n.LANG_STATE] = "xx"
    assert i18n.lang() == "en"
    assert i18n.t("common.credit") == i18n._strings("en")["common.credit"]


def test_without_a_run_context_nothing_is_pinned(monkeypatch):
    state = FakeState({i18n.LANG_STATE: "ja"})
    monkeypatch.setattr(i18n, "_run_context", lambda: None)
    monkeypatch.setattr(i18n, "st", SimpleNamespace(session_state=state, context=SimpleNamespace(locale="")))
    assert i18n.lang() == "ja"
    state[i18n.LANG_STATE] = "en"
    assert i18n.lang() == "en"
