"""No HTML from data or the URL: ``unsafe_allow_html=True``, ``st.html`` and components' ``html``
only ever receive a constant string written in the code (a literal, or a module-level name bound
to a literal). Anything else (an f-string, ``.format``, a variable) could carry a reader's link
or a data cell into the page as live HTML."""

import ast

import pytest

from core.paths import ROOT

SERVED = [
    ROOT / "streamlit_app.py",
    *(ROOT / "app_pages").glob("*.py"),
    *(ROOT / "ui").glob("*.py"),
    *(ROOT / "core").glob("*.py"),
]
HTML_CALLS = {"html", "iframe"}  # st.html, st.components.v1.html / iframe


def _constants(tree: ast.Module) -> set[str]:
    """Module-level names bound once to a string literal."""
    bound: dict[str, int] = {}
    literal: set[str] = set()
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        for target in targets:
            if isinstance(target, ast.Name):
                bound[target.id] = bound.get(target.id, 0) + 1
                if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                    literal.add(target.id)
    return {name for name in literal if bound[name] == 1}


def raw_html_problems(source: str, name: str = "<source>") -> list[str]:
    tree = ast.parse(source)
    constants = _constants(tree)

    def constant(arg: ast.expr | None) -> bool:
        return (isinstance(arg, ast.Constant) and isinstance(arg.value, str)) or (
            isinstance(arg, ast.Name) and arg.id in constants
        )

    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        unsafe = any(
            k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
            for k in node.keywords
        )
        if unsafe or func in HTML_CALLS:
            first = (
                node.args[0] if node.args else next((k.value for k in node.keywords if k.arg in ("body", "src")), None)
            )
            if not constant(first):
                problems.append(f"{name}:{node.lineno}: {func}(...) with non-constant HTML")
    return problems


def test_no_html_from_data_or_url():
    problems = []
    for path in SERVED:
        problems += raw_html_problems(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not problems, problems


@pytest.mark.parametrize(
    "bad",
    [
        'st.markdown(f"<b>{row}</b>", unsafe_allow_html=True)',
        "st.html(css.format(x=1))",
        "st.html(text)",
        'CSS = "<style></style>"\nCSS = other\nst.html(CSS)',
        'st.components.v1.html("<p>" + q + "</p>")',
        'st.caption(t("x"), unsafe_allow_html=flag)',
    ],
)
def test_the_check_catches(bad):
    assert raw_html_problems(bad)


@pytest.mark.parametrize(
    "fine",
    [
        'CSS = "<style></style>"\nst.html(CSS)',
        'st.html("<style>p{}</style>")',
        "st.markdown(text)",
        "st.markdown(text, unsafe_allow_html=False)",
    ],
)
def test_the_check_allows(fine):
    assert not raw_html_problems(fine)
