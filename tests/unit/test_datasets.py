"""Every data file loads and validates; each kind of broken file gives a precise error."""

import shutil
from pathlib import Path

import pytest

from core import datasets
from core.datasets import SCHEMAS, DataError
from core.paths import DATA_DIR


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_real_files_load(name):
    df = datasets.load(name)
    assert len(df) > 0
    assert list(df.columns) == [c.name for c in SCHEMAS[name].columns]


def test_every_csv_in_data_has_a_schema():
    files = {p.name for p in DATA_DIR.glob("*.csv")}
    assert files == {s.file for s in SCHEMAS.values()}


def test_prices_cover_27_tickers_on_the_same_81_days():
    prices = datasets.load("prices")
    assert prices["ticker"].nunique() == 27
    assert prices.groupby("ticker")["date"].nunique().eq(81).all()


def test_every_source_is_described():
    sources = datasets.load("sources")
    for row in sources.itertuples():
        assert row.title and row.publisher
        if row.kind not in ("article", "editorial"):
            assert row.url or (row.repository and row.commit), row.source_id


@pytest.fixture
def data_copy(tmp_path):
    for p in DATA_DIR.glob("*.csv"):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(needle)


def test_missing_column(data_copy):
    _edit(data_copy / "facts.csv", "key,value,unit,source_id,note", "key,amount,unit,source_id,note")
    with pytest.raises(DataError) as e:
        datasets.load("facts", data_copy)
    assert (e.value.file, e.value.row, e.value.column) == ("data/facts.csv", 1, "value")
    assert "missing" in str(e.value)


def test_non_numeric_value(data_copy):
    path = data_copy / "facts.csv"
    _edit(path, "v3_cluster_gpus,2048,", "v3_cluster_gpus,two thousand,")
    with pytest.raises(DataError) as e:
        datasets.load("facts", data_copy)
    assert e.value.row == _line_of(path, "v3_cluster_gpus") and e.value.column == "value"
    assert "two thousand" in str(e.value)


def test_unknown_source_id(data_copy):
    path = data_copy / "facts.csv"
    _edit(path, "stargate_years,4,years,STARGATE-OAI", "stargate_years,4,years,NOPE")
    with pytest.raises(DataError) as e:
        datasets.load("facts", data_copy)
    assert e.value.row == _line_of(path, "stargate_years") and e.value.column == "source_id"
    assert "NOPE" in str(e.value)


def test_duplicate_key(data_copy):
    path = data_copy / "companies.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "NVDA,NVIDIA,エヌビディア,chips,yes,ARTICLE\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        datasets.load("companies", data_copy)
    assert e.value.row == len(text.splitlines()) + 1 and "duplicate" in str(e.value)


def test_empty_file(data_copy):
    (data_copy / "dates.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="empty") as e:
        datasets.load("dates", data_copy)
    assert e.value.file == "data/dates.csv"


def test_header_only(data_copy):
    (data_copy / "dates.csv").write_text("key,date,source_id,note\n", encoding="utf-8")
    with pytest.raises(DataError, match="no rows"):
        datasets.load("dates", data_copy)


def test_wrong_encoding(data_copy):
    path = data_copy / "companies.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("shift_jis"))
    with pytest.raises(DataError, match="UTF-8"):
        datasets.load("companies", data_copy)


def test_truncated_last_line(data_copy):
    path = data_copy / "prices.csv"
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text[: text.rfind(",", 0, text.rfind(","))] + "\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        datasets.load("prices", data_copy)
    assert e.value.row == len(text.splitlines()) and e.value.column in ("volume", "source_id")


def test_bad_date(data_copy):
    _edit(data_copy / "dates.csv", "2025-01-20", "20/01/2025")
    with pytest.raises(DataError) as e:
        datasets.load("dates", data_copy)
    assert e.value.column == "date" and "20/01/2025" in str(e.value)


def test_value_out_of_range(data_copy):
    _edit(data_copy / "prices.csv", "2024-12-02,AAPL,239.59", "2024-12-02,AAPL,-239.59")
    with pytest.raises(DataError) as e:
        datasets.load("prices", data_copy)
    assert (e.value.row, e.value.column) == (2, "close") and "below" in str(e.value)


def test_unknown_group(data_copy):
    _edit(data_copy / "companies.csv", "NVDA,NVIDIA,エヌビディア,chips", "NVDA,NVIDIA,エヌビディア,gpus")
    with pytest.raises(DataError, match="gpus") as e:
        datasets.load("companies", data_copy)
    assert e.value.column == "group"


def test_price_for_unknown_ticker(data_copy):
    _edit(data_copy / "prices.csv", "2024-12-02,AAPL,", "2024-12-02,APPL,")
    with pytest.raises(DataError, match="APPL") as e:
        datasets.load("prices", data_copy)
    assert (e.value.row, e.value.column) == (2, "ticker")


def test_missing_file(data_copy):
    (data_copy / "facts.csv").unlink()
    with pytest.raises(DataError, match="not found"):
        datasets.load("facts", data_copy)


def test_message_names_file_line_and_column():
    err = DataError("data/x.csv", "bad", row=3, column="close")
    assert str(err) == "data/x.csv, line 3, column 'close': bad"


# --- The files of the evidence since the shock (issue 22) --------------------------------------------

SINCE_BROKEN = [
    ("prices_since", "2026-09-15,NVDA,212.17", "2026-09-15,NVDA,-212.17", "close", "below"),
    (
        "capex_since",
        ",2026-04-29,exact,low,CX-MSFT-CY26",
        ",2026-04-29,exact,shaky,CX-MSFT-CY26",
        "confidence",
        "shaky",
    ),
    ("capex_since", "2026,calendar,year,,190", "2026,lunar,year,,190", "year_basis", "lunar"),
    ("capex_since", ",medium,CX-AMZN-8K,", ",medium,CX-AMZN-9K,", "source_id", "CX-AMZN-9K"),
    (
        "nvidia_dc_revenue",
        "2026-04-26,2026-05-20,75.2,",
        "2026-04-26,2026-05-20,75.2B,",
        "data_center_usd_billion",
        "75.2B",
    ),
    ("gpu_rental", "contract_1y,cycle_low", "spot,cycle_low", "series", "spot"),
    ("stargate_compute_since", "2026-04-29,exact,milestone", "29/04/2026,exact,milestone", "date", "29/04/2026"),
    ("deepseek_releases", "9.702e24", "9.702e34", "training_compute_flop", "above"),
    ("benchmarks_since", "AIME 2025,pass@1 %,87.5,", "AIME 2025,pass@1 %,,", "score", "missing"),
    (
        "models_compute_since",
        "2025-02-17,3.5e+26,3e+12,Likely",
        "2025-02-17,3.5e+26,3e+12,Probable",
        "confidence",
        "Probable",
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "column", "says"), SINCE_BROKEN, ids=[f"{b[0]}-{b[3]}" for b in SINCE_BROKEN]
)
def test_broken_row_of_a_since_file_names_file_line_and_column(data_copy, name, old, new, column, says):
    path = data_copy / SCHEMAS[name].file
    _edit(path, old, new)
    with pytest.raises(DataError) as e:
        datasets.load(name, data_copy)
    assert (e.value.file, e.value.row, e.value.column) == (f"data/{path.name}", _line_of(path, new), column)
    assert says in str(e.value)


def test_since_files_keep_a_confidence_note_on_every_row():
    for name in ("capex_since", "nvidia_dc_revenue", "gpu_rental", "stargate_compute_since", "benchmarks_since"):
        assert datasets.load(name)["confidence"].notna().all(), name
