"""No figure on screen is labelled with an as-of date later than its data.

The data are cut back as they would have stood earlier, and raggedly: NVIDIA's closes stop first,
then Oklo's, the S&P 500's, and everything else on a common cutoff (every later file cut there
too). Then, on every page that shows the evidence since the shock, in both languages:

- every "(… as of <date>)" label dates a figure of ``core.since.figures`` (on the same data) whose
  text it follows, with that figure's own as-of date (which ``tests/unit/test_since.py`` proves is
  never after the data the figure comes from);
- every company and group is dated by its own last close (a group: its members' common last
  close), never by the file's or another company's: in the tables, the since chart's rows, the
  market lines, Home's card and the stock page's note on where the closes end.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from datetime import date, datetime

import pytest

from core import since
from core.formatting import fmt_date
from core.paths import DATA_DIR
from tests.app.conftest import chart_rows, clean, open_app

D = date.fromisoformat
CUTOFF = "2026-02-27"
STOPS = {"NVDA": "2025-11-28", "OKLO": "2025-10-31", "^GSPC": "2026-01-30"}  # these end sooner
CUT_BY = {  # the later files and the column that dates a row
    "capex_since.csv": "stated_on",
    "nvidia_dc_revenue.csv": "reported_on",
    "gpu_rental.csv": "date",
    "stargate_compute_since.csv": "date",
    "deepseek_releases.csv": "release_date",
    "benchmarks_since.csv": "date",
}


def _cut(path, keep) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = rows[0]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *(r for r in rows[1:] if keep(dict(zip(header, r))))])
    path.write_text(buf.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def earlier(tmp_path_factory):
    """A copy of data/ cut back as above; yields (folder, the figure set on it, last close by ticker)."""
    folder = tmp_path_factory.mktemp("asof") / "data"
    shutil.copytree(DATA_DIR, folder)
    _cut(folder / "prices_since.csv", lambda r: r["date"] <= STOPS.get(r["ticker"], CUTOFF))
    for file, column in CUT_BY.items():
        _cut(folder / file, lambda r, c=column: r[c] <= CUTOFF)
    data = since.load_all(folder)
    closes = since.closes(data["prices"], data["prices_since"])
    last = {str(tk): d.date() for tk, d in closes.groupby("ticker")["date"].max().items()}
    assert last["NVDA"] == D(STOPS["NVDA"]) and last["MSFT"] == D(CUTOFF)
    return folder, since.figures(data, closes), last, data


@pytest.fixture
def on_earlier_data(earlier, monkeypatch):
    monkeypatch.setenv("SVE_DATA_DIR", str(earlier[0]))
    return earlier


def day(d: date, lang: str) -> str:
    return fmt_date(d, lang, "medium")


def parse(text: str, lang: str) -> date:
    """A date as ``fmt_date(..., "medium")`` writes it: 'Sep 15, 2026' / '2026/09/15'."""
    return datetime.strptime(text, "%Y/%m/%d" if "/" in text else "%b %d, %Y").date()


# en: "+48.8% (as of Sep 15, 2026)", "USD 407B (derived; as of Apr 29, 2026)"
# ja: "+48.8%（2026/09/15時点）", "4070億ドル（算出値、2026/04/29時点）"
LABEL = {
    "en": re.compile(r"(?P<value>[^\s(]+) \((?:[^()]*?; )?as of (?P<date>[A-Z][a-z]{2} \d{1,2}, \d{4})\)"),
    "ja": re.compile(r"(?P<value>[^\s（）、。：]+)（(?:[^（）]*?、)?(?P<date>\d{4}/\d{2}/\d{2})時点）"),
}


def everything(at) -> str:
    """All a reader can read: text, table cells and the charts' rows (their tooltips)."""
    parts = [clean(at)]
    parts += [e.label for e in at.get("metric")]
    for df in [d.value for d in at.dataframe] + chart_rows(at):
        parts += [" ".join(map(str, df.columns))] + [" ".join(map(str, row)) for row in df.values]
    return "\n".join(parts)


def check_labels(text: str, fs, lang: str) -> int:
    """Every as-of label follows the text of a figure dated that day; returns how many were checked."""
    found = 0
    for m in LABEL[lang].finditer(text):
        on = parse(m["date"], lang)
        value = m["value"]  # the label's last word: the figure's text, or its end ('407B'), or after a name
        shown = [f for f in fs.values() if f.text(lang).endswith(value) or value.endswith(f.text(lang))]
        dated = [f for f in shown if f.as_of == on]
        assert dated, (m.group(0), "no figure with this value is as of this day")
        found += 1
    return found


PAGES = [
    ("app_pages/stocks.py", {}),
    ("app_pages/stocks.py", {"s_end": CUTOFF}),
    ("app_pages/what_next.py", {}),
    (None, {}),  # Home
]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("page", "params"), PAGES, ids=["stocks", "stocks-to-cutoff", "next", "home"])
def test_every_as_of_label_dates_its_own_figure(page, params, lang, on_earlier_data):
    _, fs, last, data = on_earlier_data
    at = open_app(page, lang=lang, **params)
    text = everything(at)
    # no date on the page lies beyond what the data hold: the last close, the cutoff, a source's date
    bound = max([max(last.values()), D(CUTOFF), *(d for d in since.source_dates(data["sources"]).values() if d)])
    for m in re.finditer(r"\d{4}/\d{2}/\d{2}|[A-Z][a-z]{2} \d{1,2}, \d{4}", text):
        assert parse(m.group(0), lang) <= bound, m.group(0)
    checked = check_labels(text, fs, lang)
    if page != "app_pages/stocks.py":
        assert checked > 0  # the labels are there to check


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_company_and_group_is_dated_by_its_own_last_close(lang, on_earlier_data):
    _, fs, last, data = on_earlier_data
    names = dict(zip(data["companies"]["ticker"], data["companies"][f"name_{lang}"]))
    at = open_app("app_pages/stocks.py", lang=lang, s_end=CUTOFF)
    text = everything(at)
    # the recovery table: each company's latest close is its own
    rt = at.dataframe[0].value.set_index(at.dataframe[0].value.columns[0])
    for tk in ("NVDA", "OKLO", "MSFT", "VST"):
        assert rt.loc[names[tk], rt.columns[-1]] == day(last[tk], lang), tk
    # the note on the window: NVIDIA and Oklo end before it, each with its own day
    short = "{} (closes to {})" if lang == "en" else "{}（終値は{}まで）"
    for tk in ("NVDA", "OKLO"):
        assert short.format(names[tk], day(last[tk], lang)) in text, tk
    # the since chart's rows: each company as of its own last close
    rows = next(df for df in chart_rows(at) if "low_text" in df.columns)
    assert len(rows) == 14
    for name, as_of in zip(rows["name"], rows["as_of"]):
        tk = next(tk for tk, n in names.items() if n == name)
        assert as_of == day(last[tk], lang), name
    # the group table: a group is as of its members' common last close
    groups = next(df.value for df in at.dataframe if "GAFAM" in df.value.columns)
    as_of = groups.iloc[-1]
    for g, label in (("gafam", "GAFAM"), ("power", {"en": "Power", "ja": "電力"}[lang])):
        members = since.group_members(data["companies"], g)
        assert as_of[label] == day(min(last[m] for m in members), lang), g
    # Home's card: NVIDIA dated by NVIDIA's own last close, not the latest close of the data
    home = open_app(lang=lang)
    label = next(m.label for m in home.get("metric") if fs["stock.NVDA.change"].text(lang) == m.value)
    assert day(last["NVDA"], lang) in label and day(D(CUTOFF), lang) not in label
