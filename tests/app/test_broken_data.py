"""Broken data x pages: for every file in data/, a corrupted copy (the kinds rotate across files)
stops exactly the pages that need the file, with a message naming file, line and column; every
other page renders as it does with good data.

Which page needs which file is read from the code (``require(...)``/``load(...)`` calls in the
page and the ui modules it imports), plus the two loader rules: every file's source ids are checked
against sources.csv, and prices.csv's tickers against companies.csv.
"""

from __future__ import annotations

import ast
import csv
import io
import shutil
from itertools import cycle
from pathlib import Path

import pytest

from core.datasets import SCHEMAS
from core.paths import DATA_DIR, ROOT
from tests.app.conftest import PAGES, open_app, texts

KINDS = ("missing_column", "bad_value", "unknown_source", "duplicate_key", "empty", "encoding", "truncated")
IMPLIED = {"prices": {"companies"}}  # core.datasets cross-checks


# --- which page needs which file ------------------------------------------------------------------


def _files_used(path: Path, seen: set[Path]) -> set[str]:
    """Dataset names a module loads (constant arguments of require/load), following ui imports."""
    if path in seen or path == ROOT / "ui" / "data.py":
        return set()
    seen.add(path)
    out: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    tuples = {
        t.id: [e.value for e in node.value.elts]  # module-level NAMES = ("a", "b") constants
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Tuple)
        and all(isinstance(e, ast.Constant) for e in node.value.elts)
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name in ("require", "load"):
                for arg in node.args:
                    out.add(arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else "*")
            elif name == "load_many":  # load_many(NAMES) reads those files; load_many(anything else), all
                arg = node.args[0] if node.args else None
                out |= set(tuples[arg.id]) if isinstance(arg, ast.Name) and arg.id in tuples else {"*"}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "ui":
            mods = [node.module] if node.module != "ui" else [f"ui.{a.name}" for a in node.names]
            for mod in mods:
                file = ROOT / (mod.replace(".", "/") + ".py")
                if file.exists():
                    out |= _files_used(file, seen)
    return out


def needs(page) -> tuple[set[str], bool]:
    """(files the page cannot do without, whether it also reads every file tolerantly)."""
    used = _files_used(ROOT / page.file, set())
    tolerant = "*" in used
    used.discard("*")
    for name in list(used):
        used |= IMPLIED.get(name, set())
    if used:
        used.add("sources")  # every load checks source ids against sources.csv
    return used, tolerant


NEEDS = {p.id: needs(p) for p in PAGES}
# Files validated and listed on Sources that no page reads yet (the test then requires that none
# does): remove a name here when a page starts reading it. The evidence since the shock (issue 22)
# is now read by Home, the stock page, the scaling page and What next.
AWAITING_PAGES: set[str] = set()


def test_dependency_map_is_sane():
    assert set().union(*(n for n, _ in NEEDS.values())) <= set(SCHEMAS)
    assert all(NEEDS[p][0] for p in NEEDS), "every page reads some data"
    # every file is needed by some page, so every corruption below is seen by a reader
    assert set(SCHEMAS) - AWAITING_PAGES == set().union(*(n for n, _ in NEEDS.values()))
    assert any(tolerant for _, tolerant in NEEDS.values()), "Sources reads every file and names a broken one"


# --- corruptions ---------------------------------------------------------------------------------


def _records(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write(path: Path, rows: list[list[str]]) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _typed_column(schema) -> str:
    """A column that rejects the word 'oops': a number, date, yes/no or fixed choice."""
    return next(c.name for c in schema.columns if c.kind != "str" or c.choices)


def corrupt(path: Path, name: str, kind: str) -> dict:
    """Break one file in place; return what the message must name: row (line) and column, or None."""
    schema = SCHEMAS[name]
    rows = _records(path)
    header, mid = rows[0], len(rows) // 2  # a data row in the middle; file line = index + 1
    if kind == "missing_column":
        column = schema.columns[0].name
        rows[0] = ["zz_" + h if h == column else h for h in header]
        _write(path, rows)
        return {"row": 1, "column": column, "text": "missing"}
    if kind == "bad_value":
        column = _typed_column(schema)
        rows[mid][header.index(column)] = "oops"
        _write(path, rows)
        return {"row": mid + 1, "column": column, "text": "oops"}
    if kind == "unknown_source":
        rows[mid][header.index("source_id")] = "NOPE-404"
        _write(path, rows)
        return {"row": mid + 1, "column": "source_id", "text": "NOPE-404"}
    if kind == "duplicate_key":
        rows.insert(mid + 1, list(rows[mid]))
        _write(path, rows)
        return {"row": mid + 2, "column": schema.key[0], "text": "duplicate"}
    if kind == "empty":
        path.write_bytes(b"")
        return {"row": None, "column": None, "text": "empty"}
    if kind == "encoding":
        path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
        return {"row": None, "column": None, "text": "UTF-8"}
    if kind == "truncated":
        # the writer stopped after the first field of the last line (no newline at the end)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows[:-1])
        csv.writer(buf, lineterminator="").writerow(rows[-1][:1])
        path.write_text(buf.getvalue(), encoding="utf-8")
        first = header[0]
        column = next(c.name for c in schema.columns if c.required and c.name != first)
        return {"row": len(rows), "column": column, "text": "missing"}
    raise ValueError(kind)


def plan() -> list[tuple[str, str]]:
    """(file, kind) for every data file; the kinds rotate so each appears several times."""
    out, kinds = [], cycle(KINDS)
    for name in SCHEMAS:
        kind = next(kinds)
        while kind == "unknown_source" and not SCHEMAS[name].has_source:
            kind = next(kinds)
        out.append((name, kind))
    return out


PLAN = plan()


def test_every_kind_appears_several_times():
    counts = {k: sum(kind == k for _, kind in PLAN) for k in KINDS}
    assert min(counts.values()) >= 2, counts
    assert {name for name, _ in PLAN} == set(SCHEMAS)


# --- the pages ------------------------------------------------------------------------------------


def run_all_pages(lang: str) -> dict[str, object]:
    """{page id: AppTest after visiting it}, one session: Home first, then every page in order."""
    at = open_app(lang=lang)
    results = {"home": _snapshot(at)}
    for page in PAGES:
        if page.id == "home":
            continue
        at.switch_page(page.file).run()
        results[page.id] = _snapshot(at)
    return results


def _snapshot(at) -> dict:
    return {
        "exception": [e.message for e in at.exception],
        "errors": [e.value for e in at.error],
        "titles": [t.value for t in at.title],
        "text": texts(at),
    }


@pytest.fixture(scope="module")
def baseline():
    """Every page with the good data, in both languages (what 'renders normally' means)."""
    return {lang: run_all_pages(lang) for lang in ("en", "ja")}


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    monkeypatch.setenv("SVE_DATA_DIR", str(folder))
    return folder


def _assert_names(message: str, file: str, expect: dict, lang: str) -> None:
    assert f"data/{file}" in message, message
    if expect["row"] is not None:
        where = f"line {expect['row']}" if lang == "en" else f"{expect['row']}行目"
        assert where in message, (where, message)
    if expect["column"] is not None:
        assert f"`{expect['column']}`" in message, (expect["column"], message)
    if expect["text"]:
        assert expect["text"] in message, (expect["text"], message)


@pytest.mark.parametrize(("name", "kind"), PLAN, ids=[f"{n}-{k}" for n, k in PLAN])
def test_broken_file_stops_only_the_pages_that_need_it(name, kind, data_copy, baseline):
    lang = ("en", "ja")[PLAN.index((name, kind)) % 2]
    schema = SCHEMAS[name]
    expect = corrupt(data_copy / schema.file, name, kind)
    results = run_all_pages(lang)
    healthy = []
    for page in PAGES:
        got, needed, tolerant = results[page.id], *NEEDS[page.id]
        assert not got["exception"], (page.id, got["exception"])
        if name in needed:
            assert got["errors"], f"{page.id} should say data/{schema.file} is broken"
            for message in got["errors"]:
                _assert_names(message, schema.file, expect, lang)
        elif tolerant:  # the Sources page lists what it can and names the broken file
            assert got["titles"] == baseline[lang][page.id]["titles"], page.id
            assert got["errors"] and all(f"data/{schema.file}" in m for m in got["errors"]), page.id
            healthy.append(page.id)
        else:
            assert not got["errors"], (page.id, got["errors"])
            assert got["text"] == baseline[lang][page.id]["text"], f"{page.id} changed although it does not use {name}"
            healthy.append(page.id)
    if name != "sources":  # every page cites its figures from sources.csv: that one file stops them all
        assert healthy, f"no page still works when {schema.file} is broken"


def test_a_stale_cache_cannot_hide_a_broken_file(data_copy):
    """Good data is cached first; the file breaks in place; the next run says so; a fix heals it."""
    good = (data_copy / "gpus.csv").read_text(encoding="utf-8")
    at = open_app("app_pages/scenarios.py")
    assert not at.exception and not at.error
    expect = corrupt(data_copy / "gpus.csv", "gpus", "bad_value")
    at.run()
    assert not at.exception and len(at.error) == 1
    _assert_names(at.error[0].value, "gpus.csv", expect, "en")
    (data_copy / "gpus.csv").write_text(good, encoding="utf-8")
    at.run()
    assert not at.exception and not at.error


def test_a_valid_edit_reaches_the_cached_views(data_copy):
    """A maintainer corrects a price while the app runs: the next run shows it everywhere, including
    views cached on their arguments alone (the stock table and bars)."""
    at = open_app("app_pages/stocks.py")
    table = at.dataframe[0].value
    assert table.iloc[0]["Company"] != "NVIDIA"
    path = data_copy / "prices.csv"
    text = path.read_text(encoding="utf-8")
    assert "2025-01-27,NVDA,118.42" in text
    path.write_text(text.replace("2025-01-27,NVDA,118.42", "2025-01-27,NVDA,18.42"), encoding="utf-8")
    at.run()
    assert not at.exception and not at.error
    assert at.dataframe[0].value.iloc[0]["Company"] == "NVIDIA"  # now the largest fall


def test_each_file_lists_the_pages_that_read_it():
    """core/schemas.py says which pages use a file (the Sources page groups sources by it): it must
    match the code. The tour and the Sources page read files of every page and are left out."""
    direct = {p.id: _files_used(ROOT / p.file, set()) - {"*"} for p in PAGES if p.id not in ("talk", "sources")}
    for name, schema in SCHEMAS.items():
        if name == "sources":
            continue
        readers = {page for page, used in direct.items() if name in used}
        if name in AWAITING_PAGES:  # the pages it is meant for (Sources groups it there) do not read it yet
            assert not readers, (name, sorted(readers), "remove it from AWAITING_PAGES")
            continue
        # (the tour and Sources read files of every page: a schema may name Sources for its sources' group)
        assert set(schema.pages) - {"talk", "sources"} == readers, (name, sorted(schema.pages), sorted(readers))
