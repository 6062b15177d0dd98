"""The guided tour's steps and step arithmetic (core.talk)."""

import pytest

from core import talk
from core.content import load_strings
from core.paths import ROOT
from ui.pages import ALL_PAGES


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1", 1),
        ("4", 4),
        ("10", 10),
        (4, 4),
        ("0", 1),
        ("-1", 1),
        ("99", talk.COUNT),
        ("2.5", 2),
        (" 3 ", 3),
        ("1e3", talk.COUNT),
        ("abc", 1),
        ("", 1),
        (None, 1),
        ("nan", 1),
        ("inf", talk.COUNT),
        ("-inf", 1),
        ([], 1),
    ],
    ids=lambda v: repr(v),
)
def test_clamp_step(raw, expected):
    assert talk.clamp_step(raw) == expected


def test_clamp_needs_a_step():
    with pytest.raises(ValueError):
        talk.clamp_step(1, 0)


def test_next_and_previous_stop_at_the_ends():
    assert talk.next_step(1) == 2 and talk.previous_step(2) == 1
    assert talk.next_step(talk.COUNT) == talk.COUNT
    assert talk.previous_step(1) == 1
    walked = [1]
    while walked[-1] != talk.COUNT:
        walked.append(talk.next_step(walked[-1]))
    assert walked == list(range(1, talk.COUNT + 1))
    assert [talk.previous_step(s) for s in range(talk.COUNT, 1, -1)] == list(range(talk.COUNT - 1, 0, -1))


def test_progress():
    assert talk.progress(1) == pytest.approx(1 / talk.COUNT)
    assert talk.progress(talk.COUNT) == 1.0
    assert talk.progress(99) == 1.0


def test_the_argument_in_about_ten_steps_in_order():
    ids = [s.id for s in talk.STEPS]
    assert 8 <= talk.COUNT <= 12 and len(set(ids)) == talk.COUNT
    order = ["shock", "who_fell", "scaling", "stargate", "cost", "benchmarks", "scenario", "what_next", "thesis"]
    assert [i for i in ids if i in order] == order
    assert talk.STEPS[0].kind == "figure" and talk.STEPS[-1].kind == "figure"
    assert talk.step_at(0).id == "shock" and talk.step_at(99).id == "thesis"


def test_every_step_names_a_page_that_exists():
    files = {p.id: ROOT / p.file for p in ALL_PAGES}
    for step in talk.STEPS:
        assert step.page in files and files[step.page].exists(), step
        assert step.page != "talk", step
        assert step.kind in ("chart", "figure"), step


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_step_has_its_words(lang):
    strings = load_strings(lang)
    for step in talk.STEPS:
        for part in ("heading", "sentence", "note"):
            assert strings.get(f"talk.{step.id}.{part}", "").strip(), (step.id, part)
        if step.kind == "figure":
            assert strings.get(f"talk.{step.id}.figure_label"), step.id


def test_tour_files_are_exactly_what_the_steps_read():
    """The tour names broken files up front from TOUR_FILES: it must list every file a step loads."""
    import ast

    from core.paths import ROOT
    from ui.talk_slides import TOUR_FILES

    files = [ROOT / "ui" / "talk_slides.py", *sorted((ROOT / "ui" / "slides").glob("*.py"))]
    loaded = {
        node.args[0].value
        for tree in (ast.parse(f.read_text(encoding="utf-8")) for f in files)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "load"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert loaded == set(TOUR_FILES)
