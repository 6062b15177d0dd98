"""Load and validate every data file in ``data/``.

Each file has a schema here: its columns with types and ranges, its key, and the pages that use
it. ``load(name)`` returns a clean DataFrame or raises ``DataError`` naming the file, the row (as
a 1-based line number in the file, header = line 1) and the column, so the app can say exactly
what is wrong and the pages that do not need the file keep working.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import cast

import pandas as pd

from core.paths import data_dir as current_data_dir


class DataError(Exception):
    """A data file is missing, unreadable or breaks its schema."""

    def __init__(self, file: str, message: str, row: int | None = None, column: str | None = None):
        self.file, self.row, self.column, self.message = file, row, column, message
        where = file
        if row is not None:
            where += f", line {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "str"  # str | float | int | date | bool
    required: bool = True  # False: empty cells allowed
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Dataset:
    name: str
    file: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    pages: tuple[str, ...] = field(default=())  # page ids that use this file
    has_source: bool = True  # every row carries a source_id that must exist in sources.csv


SCHEMAS: dict[str, Dataset] = {}


def register(dataset: Dataset) -> Dataset:
    """Add a data file's schema (``core/schemas.py`` registers every file in ``data/``)."""
    if dataset.name in SCHEMAS:
        raise ValueError(f"dataset {dataset.name!r} registered twice")
    SCHEMAS[dataset.name] = dataset
    return dataset


def _bad(file: str, line: int, column: str, message: str) -> DataError:
    return DataError(file, message, row=line, column=column)


def _parse_column(df: pd.DataFrame, col: Column, file: str) -> pd.Series:
    raw = df[col.name]
    lines = df.index + 2  # header is line 1
    empty = raw.isna() | (raw.astype("string").str.strip() == "")
    if col.required and empty.any():
        line = int(lines[empty.to_numpy().nonzero()[0][0]])
        raise _bad(file, line, col.name, "value is missing")
    if col.kind == "str":
        values = raw.where(~empty, None)
        if col.choices is not None:
            wrong = ~empty & ~raw.isin(col.choices)
            if wrong.any():
                i = wrong.to_numpy().nonzero()[0][0]
                raise _bad(file, int(lines[i]), col.name, f"'{raw.iloc[i]}' is not one of {', '.join(col.choices)}")
        return values
    if col.kind == "bool":
        mapped = raw.str.strip().str.lower().map({"yes": True, "no": False, "true": True, "false": False})
        wrong = ~empty & mapped.isna()
        if wrong.any():
            i = wrong.to_numpy().nonzero()[0][0]
            raise _bad(file, int(lines[i]), col.name, f"'{raw.iloc[i]}' is not yes or no")
        return mapped
    if col.kind == "date":
        parsed = pd.to_datetime(raw, format="%Y-%m-%d", errors="coerce")
        wrong = ~empty & parsed.isna()
        if wrong.any():
            i = wrong.to_numpy().nonzero()[0][0]
            raise _bad(file, int(lines[i]), col.name, f"'{raw.iloc[i]}' is not a date (YYYY-MM-DD)")
        return parsed
    # numbers
    numbers = cast("pd.Series[float]", pd.to_numeric(raw.str.replace("_", "", regex=False), errors="coerce"))
    wrong = ~empty & (numbers.isna() | ~numbers.map(lambda v: math.isfinite(v) if v == v else True))
    if wrong.any():
        i = wrong.to_numpy().nonzero()[0][0]
        raise _bad(file, int(lines[i]), col.name, f"'{raw.iloc[i]}' is not a finite number")
    for bound, test, word in (
        (col.min, numbers < (col.min or 0), "below"),
        (col.max, numbers > (col.max or 0), "above"),
    ):
        if bound is not None and (test & ~empty).any():
            i = (test & ~empty).to_numpy().nonzero()[0][0]
            raise _bad(file, int(lines[i]), col.name, f"{raw.iloc[i]} is {word} the allowed {bound:g}")
    if col.kind == "int":
        return numbers.astype("Int64")
    return numbers.astype("float64")


def read_validated(name: str, data_dir: Path | None = None, known_sources: set[str] | None = None) -> pd.DataFrame:
    """Read ``data/<file>`` and check it against its schema. Raises DataError."""
    schema = SCHEMAS[name]
    data_dir = data_dir or current_data_dir()
    path = Path(data_dir) / schema.file
    file = f"data/{schema.file}"
    if not path.exists():
        raise DataError(file, "file not found")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(file, f"not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise DataError(file, "file is empty")
    from io import StringIO

    try:
        df = pd.read_csv(StringIO(text), dtype=str, keep_default_na=False, na_values=[""], on_bad_lines="error")
    except (pd.errors.ParserError, ValueError) as exc:
        raise DataError(file, f"cannot be read as CSV ({str(exc).strip().splitlines()[-1]})") from None
    missing = [c.name for c in schema.columns if c.name not in df.columns]
    if missing:
        raise DataError(file, f"required column missing: {', '.join(missing)}", row=1, column=missing[0])
    if df.empty:
        raise DataError(file, "file has a header but no rows")
    # a truncated last line shows up as a row with too few fields -> empty required cells
    out = pd.DataFrame(index=df.index)
    for col in schema.columns:
        out[col.name] = _parse_column(df, col, file)
    dup = out.duplicated(list(schema.key), keep="first")
    if dup.any():
        i = dup.to_numpy().nonzero()[0][0]
        key = ", ".join(str(out.iloc[i][k]) for k in schema.key)
        raise DataError(file, f"duplicate key ({key})", row=int(i) + 2, column=schema.key[0])
    if schema.has_source and known_sources is not None:
        unknown = ~out["source_id"].isin(known_sources)
        if unknown.any():
            i = unknown.to_numpy().nonzero()[0][0]
            raise DataError(
                file,
                f"unknown source id '{out.iloc[i]['source_id']}' (not in data/sources.csv)",
                row=int(i) + 2,
                column="source_id",
            )
    return out.reset_index(drop=True)


def load(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Load one dataset, validated, including its source ids against ``sources.csv``."""
    data_dir = data_dir or current_data_dir()
    if name == "sources":
        return read_validated("sources", data_dir)
    sources = read_validated("sources", data_dir)
    df = read_validated(name, data_dir, known_sources=set(sources["source_id"]))
    _cross_checks(name, df, data_dir)
    return df


def _cross_checks(name: str, df: pd.DataFrame, data_dir: Path) -> None:
    """Checks that span files: every priced ticker has a company row."""
    if name == "prices":
        companies = read_validated("companies", data_dir)
        unknown = ~df["ticker"].isin(set(companies["ticker"]))
        if unknown.any():
            i = unknown.to_numpy().nonzero()[0][0]
            raise DataError(
                "data/prices.csv",
                f"ticker '{df.iloc[i]['ticker']}' has no row in data/companies.csv",
                row=int(i) + 2,
                column="ticker",
            )


_INDEX_LOCK = threading.Lock()
_INDEXES: "OrderedDict[tuple, tuple[pd.DataFrame, dict]]" = OrderedDict()


def per_frame(frame: pd.DataFrame, tag: tuple, compute):
    """``compute(frame)``, once per frame object and ``tag`` (pages ask the same frame dozens of
    times a run). Holds the last few results only; the identity check guards against a reused
    ``id``. The result is shared: treat it as read-only."""
    hit = _INDEXES.get((id(frame), tag))
    if hit is not None and hit[0] is frame:
        return hit[1]
    value = compute(frame)
    with _INDEX_LOCK:  # sessions run in threads
        _INDEXES[(id(frame), tag)] = (frame, value)
        while len(_INDEXES) > 64:
            _INDEXES.popitem(last=False)
    return value


def lookup_index(frame: pd.DataFrame, key_col: str | tuple[str, ...], value_col: str) -> dict:
    """``{key: value}`` of one frame, built once per frame object (a boolean mask per lookup cost a
    millisecond each). ``key_col`` may be a tuple of columns; the first row with a key wins."""

    def build(f: pd.DataFrame) -> dict:
        keys = zip(*(f[c] for c in key_col)) if isinstance(key_col, tuple) else f[key_col]
        return {k: v for k, v in reversed(list(zip(keys, f[value_col])))}

    return per_frame(frame, ("lookup", key_col, value_col), build)


def fact(facts: pd.DataFrame, key: str) -> float:
    """The numeric value of one fact row; KeyError names the missing key."""
    lookup = lookup_index(facts, "key", "value")
    if key not in lookup:
        raise DataError("data/facts.csv", f"no row with key '{key}'", column="key")
    return float(lookup[key])


def date_of(dates: pd.DataFrame, key: str) -> date:
    """The date of one row of ``dates.csv``."""
    lookup = lookup_index(dates, "key", "date")
    if key not in lookup:
        raise DataError("data/dates.csv", f"no row with key '{key}'", column="key")
    return pd.Timestamp(lookup[key]).date()


def fact_source(facts: pd.DataFrame, key: str) -> str:
    value = lookup_index(facts, "key", "source_id").get(key)
    return str(value) if value is not None else ""


def date_or_none(value) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


from core import schemas as _schemas  # noqa: E402,F401  (registers every data file)
