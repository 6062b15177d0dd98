"""Pages hold no numbers of their own: ranges, steps, defaults and thresholds live in ``core/`` or
``data/`` (where they are named, sourced and tested). The one exception is layout: how many columns a
row has (``st.columns(2)``)."""

import ast

import pytest

from core.paths import ROOT

PAGES = sorted((ROOT / "app_pages").glob("*.py"))


def number_literals(source: str) -> list[tuple[int, object]]:
    """(line, value) of every int or float literal outside a ``columns(...)`` call."""
    tree = ast.parse(source)
    layout: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "columns":
            layout |= {id(n) for arg in [*node.args, *(k.value for k in node.keywords)] for n in ast.walk(arg)}
    return [
        (n.lineno, n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, (int, float))
        and not isinstance(n.value, bool)
        and id(n) not in layout
    ]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_no_number_literal_in_a_page(page):
    assert number_literals(page.read_text(encoding="utf-8")) == [], page.name


def test_the_check_catches_a_literal():
    assert number_literals("x = st.slider('a', 0, 10, 5)\nc1, c2 = st.columns(2)\nc = st.columns([3, 2])") == [
        (1, 0),
        (1, 10),
        (1, 5),
    ]
