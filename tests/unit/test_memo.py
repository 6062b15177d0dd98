"""Fast-path caches: right answers first (a wrong cache hit would show a wrong number)."""

import pandas as pd
import pytest

from core.datasets import DataError, fact, lookup_index
from ui.memo import cached, fingerprint, name_of


def test_fingerprint_tells_frames_apart_and_refuses_lambdas():
    a = pd.DataFrame({"x": [1.0, 2.0]})
    assert fingerprint(a) == fingerprint(a.copy())
    assert fingerprint(a) != fingerprint(pd.DataFrame({"x": [1.0, 2.5]}))
    assert fingerprint(a, "en") != fingerprint(a, "ja")
    assert fingerprint(lambda v: v) is None


def test_cached_gives_each_caller_its_own_copy():
    def table(n):
        return pd.DataFrame({"n": range(n)})

    first = cached(table, 3)
    first["n"] = 0  # a caller changing what it got...
    first.loc[1, "n"] = 5
    assert list(cached(table, 3)["n"]) == [0, 1, 2]  # ...does not change the next caller's
    assert len(cached(table, 4)) == 4
    assert cached(lambda n: n + 1, 1) == 2  # unpicklable argument or function: computed afresh

    calls = []

    def nested(k):
        calls.append(k)
        return {"rows": [k], "frame": pd.DataFrame({"k": [k]})}, (k, "x")

    got, _ = cached(nested, 1)
    got["rows"].append(2)
    got["frame"].loc[0, "k"] = 9
    again, pair = cached(nested, 1)
    assert again["rows"] == [1] and again["frame"]["k"].tolist() == [1] and pair == (1, "x") and calls == [1]


def test_same_named_functions_in_different_places_do_not_share_a_cache():
    ns1, ns2 = {}, {}
    exec(compile("def f(x):\n    return x + 1\n", "page_a.py", "exec"), ns1)
    exec(compile("def f(x):\n    return x + 2\n", "page_b.py", "exec"), ns2)
    assert name_of(ns1["f"]) != name_of(ns2["f"])
    assert (cached(ns1["f"], 1), cached(ns2["f"], 1)) == (2, 3)


def test_lookup_index_first_row_wins_and_follows_new_frames():
    facts = pd.DataFrame({"key": ["a", "b", "a"], "value": [1.0, 2.0, 3.0], "source_id": ["S1", "S2", "S3"]})
    assert fact(facts, "a") == 1.0 and fact(facts, "b") == 2.0
    assert lookup_index(facts, ("key", "source_id"), "value")[("a", "S3")] == 3.0
    other = facts.assign(value=[9.0, 8.0, 7.0])  # a new frame: a new index, never the old one's values
    assert fact(other, "a") == 9.0
    try:
        fact(other, "zzz")
    except DataError as err:
        assert "zzz" in str(err)
    else:
        raise AssertionError("a missing key must raise")


def test_a_loaded_frame_is_keyed_by_its_name_until_it_changes():
    """ui.data.load's frames are fingerprinted by file and version, not pickled; any change to one
    (a new column, a value set in place) or a frame derived from it falls back to its contents."""
    from ui.memo import known_as

    base = pd.DataFrame({"key": list("abc"), "value": [1.0, 2.0, 3.0]})
    named = lambda: known_as(base.copy(deep=False), "data:facts:1")  # noqa: E731
    assert fingerprint(named()) == fingerprint(named()) != fingerprint(base)
    assert fingerprint(("x", named())) != fingerprint(("y", named()))
    for change in (
        lambda f: f.__setitem__("new", 1),
        lambda f: f.loc.__setitem__((0, "value"), 9.0),
        lambda f: f.rename(columns={"key": "k"}, inplace=True),
    ):
        frame = named()
        change(frame)
        assert fingerprint(frame) != fingerprint(named())
    assert fingerprint(named()[["key"]]) == fingerprint(base[["key"]])


@pytest.mark.parametrize(
    "columns",
    [
        {"stage": ["Pre-training", "Total"], "USD": ["USD 5.328M", "USD 5.576M"], "share": ["95.5%", "100.0%"]},
        {"段階": ["事前学習", "合計"], "費用": ["532.8万ドル", "557.6万ドル"]},
        {"model": ["a", "b", "c"], "runs": [1.5, 2.0, float("nan")], "flag": [True, False, True]},
        {"k": ["a", "b"], "v": [1, None]},  # a one-row frame would type it int64; the whole column is float64
    ],
)
def test_arrow_frame_is_what_streamlit_makes_of_the_frame(columns):
    from streamlit import dataframe_util

    from ui.memo import arrow_frame

    index = next(iter(columns))
    expected = dataframe_util.convert_pandas_df_to_arrow_table(pd.DataFrame(columns).set_index(index))
    for _ in range(2):  # the schema worked out, then remembered
        got = arrow_frame(columns, index)
        assert got.equals(expected, check_metadata=True)  # the metadata names the row labels' column
    assert index in got.column_names


def test_arrow_frame_takes_the_pandas_way_for_values_that_do_not_fit_the_first_row():
    from streamlit import dataframe_util

    from ui.memo import arrow_frame

    columns = {"k": ["a", "b"], "v": ["1", "2"]}
    arrow_frame(columns, "k")
    odd = {"k": ["a", "b"], "v": ["1", 2]}  # a string first, then a number: pandas keeps it as objects
    try:
        expected = dataframe_util.convert_pandas_df_to_arrow_table(pd.DataFrame(odd).set_index("k"))
    except Exception:  # noqa: BLE001 - Streamlit may refuse it too; then so may we
        return
    assert arrow_frame(odd, "k").equals(expected)


def test_sessions_missing_the_same_key_at_once_compute_it_once():
    import threading
    import time
    from collections import OrderedDict

    from ui.memo import remembered

    store, lock, calls = OrderedDict(), threading.Lock(), []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return 42

    got = []
    threads = [threading.Thread(target=lambda: got.append(remembered(store, lock, 8, "k", slow))) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(10)
    assert got == [42] * 8 and len(calls) == 1

    def failing():
        raise ValueError("broken")

    try:
        remembered(store, lock, 8, "bad", failing)
    except ValueError:
        pass
    assert remembered(store, lock, 8, "bad", lambda: 7) == 7  # a failure is not kept, nor left in flight
    assert remembered(store, lock, 8, "outer", lambda: remembered(store, lock, 8, "inner", lambda: 1) + 1) == 2


def arrow_pair(n):
    import pyarrow as pa

    return {"a": pa.table({"x": list(range(n))}), "b": pa.table({"y": [1.0]})}


def test_a_cached_dict_of_arrow_tables_is_shared_not_copied():
    first = cached(arrow_pair, 3)
    first["a"] = None  # a caller changing its dict does not change the next caller's
    again = cached(arrow_pair, 3)
    assert again["a"].num_rows == 3 and again["b"] is cached(arrow_pair, 3)["b"]
