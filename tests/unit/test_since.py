"""The evidence since the shock (core.since): figures checked by hand against the CSVs, the as-of
rule (no figure dated after the data it comes from, property-tested on truncated data), and the
loader that joins the two price files."""

import math
import os
import shutil
from datetime import date
from fnmatch import fnmatchcase

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import datasets, since
from core.datasets import DataError
from core.figures import Kind
from core.paths import DATA_DIR

D = date.fromisoformat


@pytest.fixture(scope="module")
def data():
    return since.load_all()


@pytest.fixture(scope="module")
def closes(data):
    return since.closes(data["prices"], data["prices_since"])


@pytest.fixture(scope="module")
def fs(data, closes):
    return since.figures(data, closes)


# --- Share prices: hand-checked against data/prices.csv and data/prices_since.csv ---------------
# NVDA closed at 142.62 on 2025-01-24, 94.31 on 2025-04-04 (its lowest since), 142.63 on 2025-06-09
# (the first close back at the base: one cent above) and 212.17 on 2026-09-15 (its last close).
# OKLO: 41.82 on the base day, 31.11 on 2025-01-27, 41.91 on 2025-01-30, 38.83 on 2026-07-31 (its
# data end there). ORCL: 183.60 -> 140.35 on 2026-09-15. ^GSPC: 6101.24 -> 7674.37 on 2026-08-21.

HAND = [
    ("stock.NVDA.change", 212.17 / 142.62 - 1, "2026-09-15"),
    ("stock.NVDA.low", 94.31 / 142.62 - 1, "2026-09-15"),
    ("stock.OKLO.change", 38.83 / 41.82 - 1, "2026-07-31"),
    ("stock.ORCL.change", 140.35 / 183.60 - 1, "2026-09-15"),
    ("stock.^GSPC.change", 7674.37 / 6101.24 - 1, "2026-08-21"),
    ("group.cloud.change", 140.35 / 183.60 - 1, "2026-09-15"),  # Oracle is the cloud group
]


@pytest.mark.parametrize(("name", "value", "as_of"), HAND, ids=[h[0] for h in HAND])
def test_change_to_the_latest_close(fs, name, value, as_of):
    assert fs[name].value == pytest.approx(value, rel=1e-12)
    assert fs[name].as_of == D(as_of)
    assert fs[name].kind is Kind.CHANGE


DATES = [
    ("stock.NVDA.low_on", "2025-04-04"),
    ("stock.NVDA.back_on", "2025-06-09"),  # 142.63 >= 142.62: back by one cent
    ("stock.OKLO.back_on", "2025-01-30"),  # already in the article's data
    ("stock.OKLO.last_on", "2026-07-31"),
]


@pytest.mark.parametrize(("name", "day"), DATES, ids=[d[0] for d in DATES])
def test_dates_since_the_shock(fs, name, day):
    assert fs[name].value == D(day)


def test_nvda_sources_name_both_feeds(fs):
    assert set(fs["stock.NVDA.change"].sources) == {"BT39", "LEEK-E2E"}


def test_every_series_is_as_of_its_own_last_close(fs, closes):
    last = closes.groupby("ticker")["date"].max()
    for ticker, day in last.items():
        for what in ("change", "low", "low_on", "back_on", "last_on"):
            assert fs[f"stock.{ticker}.{what}"].as_of == day.date(), (ticker, what)


def test_a_group_is_as_of_its_members_common_last_close(fs, data, closes):
    last = closes.groupby("ticker")["date"].max()
    for group in set(data["companies"]["group"]):
        members = since.group_members(data["companies"], group)
        assert fs[f"group.{group}.change"].as_of == min(last[m] for m in members).date(), group
    assert fs["group.power.last_on"].value == D("2026-07-31")  # OKLO and SMR end first
    assert "GOOG" not in since.group_members(data["companies"], "gafam")  # a second share class


def _series(values, start="2025-01-24"):
    days = pd.bdate_range(start, periods=len(values))
    return pd.DataFrame({"date": days, "ticker": "X", "close": values, "volume": None, "source_id": "S"})


@pytest.mark.parametrize(
    ("values", "status", "back", "low"),
    [
        ([100, 90, 99, 100, 80], "back", 3, -0.20),  # at the base counts as back
        ([100, 101, 102], "never_fell", None, 0.01),
        ([100, 95, 96], "not_yet", None, -0.05),
        ([100, 99, 101, 98], "back", 2, -0.02),  # the first return, not the last
    ],
    ids=["back-then-lower", "never-fell", "not-yet", "first-return"],
)
def test_status_back_and_low(values, status, back, low):
    p = _series(values)
    s = since.since_base(p, D("2025-01-24"))["X"]
    assert s.status == status
    assert s.back_on == (p["date"][back].date() if back is not None else None)
    assert s.low == pytest.approx(low)
    assert s.last_on == p["date"].iloc[-1].date()


def test_no_figure_without_a_close_after_the_base():
    assert since.since_base(_series([100]), D("2025-01-24")) == {}
    assert since.since_base(_series([100, 101], start="2025-01-27"), D("2025-01-24")) == {}


def test_group_index_is_equal_weighted_and_stops_with_its_shortest_member():
    a = _series([100, 110, 120, 130]).assign(ticker="A")
    b = _series([50, 45, 40]).assign(ticker="B")
    wide = since.group_index(pd.concat([a, b]), ["A", "B"], D("2025-01-24"))
    assert list(wide["index"]) == pytest.approx([100, 100, 100])  # (1.1 + 0.9) / 2, (1.2 + 0.8) / 2
    assert wide["date"].iloc[-1] == b["date"].iloc[-1]


# --- The two price files as one ------------------------------------------------------------------


def test_since_closes_continue_the_article_closes(prices, prices_since):
    assert set(prices_since["ticker"]) == set(prices["ticker"])
    last = prices[prices["date"] == "2025-03-31"].set_index("ticker")["close"]
    first = prices_since[prices_since["date"] == "2025-04-01"].set_index("ticker")["close"]
    assert set(first.index) == set(last.index)  # every ticker goes on the next trading day
    assert ((first / last - 1).abs() < 0.1).all()  # no split or wrong series at the seam
    joined = since.closes(prices, prices_since)
    assert not joined.duplicated(["ticker", "date"]).any()
    assert len(joined) == len(prices) + len(prices_since)


def test_ragged_ends_are_as_the_sources_say(prices_since):
    last = prices_since.groupby("ticker")["date"].max().dt.date
    assert last["NVDA"] == D("2026-09-15")
    assert last["OKLO"] == last["SMR"] == D("2026-07-31")
    assert last["^GSPC"] == last["^IXIC"] == D("2026-08-21")


@pytest.fixture
def data_copy(tmp_path):
    for p in DATA_DIR.glob("*.csv"):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path


def _append(path, line):
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return len(path.read_text(encoding="utf-8").splitlines())


def test_a_later_close_inside_the_article_span_names_its_line(data_copy):
    line = _append(data_copy / "prices_since.csv", "2025-03-28,NVDA,109.67,,BT39")
    with pytest.raises(DataError) as e:
        since.load_closes(data_copy)
    assert (e.value.file, e.value.row, e.value.column) == ("data/prices_since.csv", line, "date")
    assert "NVDA" in str(e.value)


def test_a_later_close_of_an_unknown_ticker_names_its_line(data_copy):
    line = _append(data_copy / "prices_since.csv", "2026-09-16,AMD,150.00,,BT39")
    with pytest.raises(DataError) as e:
        since.load_closes(data_copy)
    assert (e.value.file, e.value.row, e.value.column) == ("data/prices_since.csv", line, "ticker")


def test_closes_are_joined_once_per_file_version(data_copy):
    first = since.load_closes(data_copy)
    assert since.load_closes(data_copy) is first
    path = data_copy / "prices_since.csv"
    _append(path, "2026-09-16,NVDA,213.00,,LEEK-E2E")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    again = since.load_closes(data_copy)
    assert again is not first and len(again) == len(first) + 1


# --- Capex -------------------------------------------------------------------------------------------


def test_meta_plan_at_the_article_spend_and_guidance(fs):
    plan = fs["capex.META.plan_2025"]  # USD 60-65B, reaffirmed on 29 January 2025
    assert (plan.value, plan.as_of, plan.estimate) == (62.5e9, D("2025-01-29"), True)
    assert fs["capex.META.actual_2025"].value == pytest.approx(72.22e9)
    assert fs["capex.META.actual_vs_plan_2025"].value == pytest.approx(72.22 / 62.5 - 1)
    assert fs["capex.META.guidance_2026_first"].value == pytest.approx(125e9)  # 115-135 on 2026-01-29
    latest = fs["capex.META.guidance_2026"]  # raised to 125-145 on 2026-04-29
    assert (latest.value, latest.as_of) == (pytest.approx(135e9), D("2026-04-29"))


def test_guidance_path_is_in_the_order_it_was_stated(data):
    points = since.capex_points(data["capex"], data["capex_since"])
    path = since.guidance_path(points, "META", 2025)
    assert [(p.low_usd, p.high_usd) for p in path][-1] == (70e9, 72e9)
    assert [p.stated_on for p in path] == sorted(p.stated_on for p in path)
    oracle = since.guidance_path(points, "ORCL", 2026)
    assert [p.amount_usd for p in oracle] == [35e9, 50e9]  # the USD 25B has no date, so no place


def test_microsoft_calendar_2025_is_four_quarters(fs, data):
    points = since.capex_points(data["capex"], data["capex_since"])
    total = since.calendar_year_actual(points, "MSFT", 2025)
    assert total.usd == pytest.approx((21.4 + 24.2 + 34.9 + 37.5) * 1e9)
    assert [q.period[:10] for q in total.quarters] == ["FY2025 Q3 ", "FY2025 Q4 ", "FY2026 Q1 ", "FY2026 Q2 "]
    assert fs["capex.MSFT.actual_2025_calendar"].value == pytest.approx(118e9)
    # fiscal with fiscal, calendar with calendar
    assert fs["capex.MSFT.actual_vs_plan_2025"].value == pytest.approx(88.2 / 80 - 1)
    assert fs["capex.MSFT.guidance_2026_vs_2025"].value == pytest.approx(190 / 118 - 1)
    assert since.calendar_year_actual(points, "MSFT", 2026) is None  # only one quarter of 2026


def test_alphabet_quarters_add_up_to_its_reported_year(data):
    points = since.capex_points(data["capex"], data["capex_since"])
    quarters = since.calendar_year_actual(points, "GOOGL", 2025).usd
    year = since.latest(points, "GOOGL", 2025, "actual").amount_usd
    assert quarters == pytest.approx(year, rel=0.002)  # 91.5 against 91.4: rounding


def test_oracle_has_no_plan_at_the_article(fs):
    assert "capex.ORCL.plan_2025" not in fs  # not found in our sources: nothing made up
    assert fs["capex.ORCL.guidance_2026_vs_2025"].value == pytest.approx(50 / 21.2 - 1)


def test_big_four_add_up_on_a_calendar_basis(fs):
    assert fs["capex.big4.actual_2025"].value == pytest.approx((118 + 125 + 91.4 + 72.22) * 1e9)
    assert fs["capex.big4.guidance_2026"].value == pytest.approx((190 + 200 + 185 + 135) * 1e9)
    assert fs["capex.big4.guidance_2026"].as_of == D("2026-04-30")


# --- NVIDIA, rental prices, Stargate, DeepSeek ------------------------------------------------------


def test_nvidia_data_centre_revenue(fs, nvidia_dc_revenue):
    assert (fs["nvda.dc_latest"].value, fs["nvda.dc_latest"].as_of) == (75.2e9, D("2026-04-26"))
    assert fs["nvda.dc_yoy"].value == pytest.approx(75.2 / 39.1 - 1)
    assert round(fs["nvda.dc_yoy"].value, 2) == 0.92  # as the source states it
    shock = fs["nvda.dc_shock_quarter"]  # not in our sources: from Q4 FY2026 (62.31, +75%)
    assert shock.value == pytest.approx(62.31e9 / 1.75) and shock.estimate and shock.as_of is None
    assert fs["nvda.dc_since_shock"].value == pytest.approx(75.2 * 1.75 / 62.31)
    q = nvidia_dc_revenue[(nvidia_dc_revenue["fiscal_year"] == 2026) & (nvidia_dc_revenue["period_type"] == "quarter")]
    assert q["data_center_usd_billion"].sum() == pytest.approx(fs["nvda.dc_fy"].value / 1e9, abs=0.05)


def test_rental_series_are_never_joined(gpu_rental, fs):
    series = since.rental_series(gpu_rental)
    assert set(series) == {"on_demand", "contract_1y"}
    for name, rows in series.items():
        assert set(rows["series"]) == {name}
    assert sum(len(r) for r in series.values()) == len(gpu_rental)
    assert (fs["rental.contract_1y.low"].value, fs["rental.contract_1y.low"].as_of) == (1.70, D("2025-10-01"))
    assert fs["rental.contract_1y.rebound"].value == pytest.approx(2.35 / 1.70 - 1)
    assert fs["rental.on_demand.latest"].value == 2.95 and fs["rental.on_demand.cut"].value == -0.44


def test_stargate_gigawatts_to_date(data, fs):
    path = since.stargate_gw_path(data["stargate_timeline"], data["stargate_compute_since"])
    assert [(p.day, p.gw, p.qualifier) for p in path] == [
        (D("2025-07-22"), 5, "more_than"),
        (D("2025-09-23"), 7, "nearly"),
        (D("2026-04-29"), 10, "more_than"),  # contracted, not necessarily energised
    ]
    assert (fs["stargate.gw"].value, fs["stargate.gw"].sources) == (10, ("SG-OAI0429",))
    assert fs["deals.openai_gw"].value == 10 + 6 + 10  # NVIDIA, AMD, Broadcom


def test_deepseek_after_r1(fs, deepseek_releases):
    assert fs["deepseek.releases"].value == 9
    assert fs["deepseek.latest_release"].value == D("2026-04-24")
    assert fs["deepseek.latest_compute"].value == 9.702e24 and fs["deepseek.latest_compute"].estimate
    assert fs["deepseek.latest_to_v3"].value == pytest.approx(9.702e24 / 3.3e24)
    assert (fs["deepseek.r1_rl_cost"].value, fs["deepseek.r1_rl_cost"].as_of) == (294_000, D("2025-09-19"))
    # Epoch's own arithmetic: 6 x active parameters x tokens
    rows = deepseek_releases.set_index("model")
    for model in ("DeepSeek-V4-Pro (preview)", "DeepSeek-V4-Flash (preview)"):
        r = rows.loc[model]
        assert r["training_compute_flop"] == pytest.approx(6 * r["active_params"] * r["training_tokens"])
    assert fs["bench.deepseek_r1_0528.aime_2025"].value == 87.5
    assert fs["bench.deepseek_r1_0528.aime_2025.compared"].value == 70.0


# --- Epoch's revisions ----------------------------------------------------------------------------


def test_revisions_show_both_values_with_their_dates(data):
    revs = {r.model: r for r in since.revisions(data["models_compute"], data["models_compute_since"], data["sources"])}
    r1 = revs["DeepSeek-R1"]
    assert (r1.before_flop, r1.before_on, r1.after_flop, r1.after_on) == (
        5.17e24,
        D("2025-04-18"),
        3.5e24,
        D("2026-05-02"),
    )
    grok = revs["Grok-3"]
    assert (grok.before_flop, grok.before_confidence, grok.after_flop, grok.after_confidence) == (
        4.64e26,
        "Confident",
        3.5e26,
        "Likely",
    )
    assert revs["DeepSeek-V3"].after_flop == 3.3e24
    assert "Claude 3.7 Sonnet" not in revs  # the same estimate (3.3499999999999998e25 is 3.35e25)
    every = since.revisions(data["models_compute"], data["models_compute_since"], data["sources"], changed_only=False)
    assert "Claude 3.7 Sonnet" in {r.model for r in every}


def test_revision_figures(fs):
    assert fs["revision.deepseek_r1.before"].as_of < fs["revision.deepseek_r1.after"].as_of
    assert fs["revision.deepseek_r1.change"].value == pytest.approx(3.5 / 5.17 - 1)
    assert fs["frontier.largest"].value == 5e26  # Grok 4, speculative
    assert fs["frontier.no_estimate"].value > 0


# --- Sources, labels, as-of -----------------------------------------------------------------------


def test_every_figure_cites_known_sources(fs, sources):
    known = set(sources["source_id"])
    for name, f in fs.items():
        assert f.sources and set(f.sources) <= known, name


def test_derived_figures_are_named_in_one_place(fs):
    assert since.is_derived("group.chips.change") and since.is_derived("capex.big4.actual_2025")
    assert since.is_derived("capex.MSFT.actual_2025_calendar") and since.is_derived("nvda.dc_shock_quarter")
    assert not since.is_derived("stock.NVDA.change") and not since.is_derived("capex.META.actual_2025")
    for pattern in since.DERIVED_PATTERNS:  # no pattern outlives the figures it names
        assert any(fnmatchcase(n, pattern) for n in fs), pattern


def test_every_dated_series_shows_its_as_of(fs):
    undated = {n for n, f in fs.items() if f.as_of is None}
    assert undated == {"nvda.dc_shock_quarter"}  # its quarter's end is not in our sources


def _known_on(frame: pd.DataFrame, column: str, sdates: dict) -> pd.Series:
    """The day an estimate became known: its row's date, or its source's if that is later."""
    own = frame[column].astype("datetime64[ns]")
    src = pd.Series([sdates.get(s, pd.NaT) for s in frame["source_id"]], index=frame.index, dtype="datetime64[ns]")
    return own.where(src.isna() | (src <= own), src)


def truncate(data: dict, cutoff: date, early: dict[str, date]) -> dict:
    """Every file as it would have stood on ``cutoff`` (``early``: tickers whose data stop sooner)."""
    c = pd.Timestamp(cutoff)
    sdates = {k: pd.Timestamp(v) for k, v in since.source_dates(data["sources"]).items() if v}
    by = {
        "prices": "date",
        "prices_since": "date",
        "dates": "date",
        "capex": "stated_on",
        "capex_since": "stated_on",
        "nvidia_dc_revenue": "reported_on",
        "gpu_rental": "date",
        "stargate_timeline": "date",
        "stargate_compute_since": "date",
        "deepseek_releases": "release_date",
        "benchmarks_since": "date",
        "models_compute": "date",
        "models_compute_since": "date",
    }
    out = dict(data)
    for name, col in by.items():
        f = data[name]
        # an estimate is known from its source's date; a close, a statement, a release on its own day
        estimate = name in ("deepseek_releases", "models_compute", "models_compute_since")
        keep = (_known_on(f, col, sdates) if estimate else f[col].astype("datetime64[ns]")) <= c
        if name == "capex":
            keep |= f["stated_on"].isna()  # undated rows never date a figure
        if name.startswith("prices"):
            stops = {t: pd.Timestamp(d) for t, d in early.items()}
            stop = pd.Series([stops.get(t, pd.NaT) for t in f["ticker"]], index=f.index, dtype="datetime64[ns]")
            keep &= stop.isna() | (f["date"] <= stop)
        out[name] = f[keep]
    return out


TICKERS = ["NVDA", "OKLO", "ORCL", "MSFT", "SMR", "^GSPC", "VST", "GEV"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cutoff=st.dates(min_value=date(2025, 2, 3), max_value=date(2026, 10, 1)),
    early=st.dictionaries(
        st.sampled_from(TICKERS), st.dates(min_value=date(2025, 1, 27), max_value=date(2026, 9, 30)), max_size=3
    ),
)
def test_no_figure_is_dated_after_its_data(data, cutoff, early):
    cut = truncate(data, cutoff, early)
    fs = since.figures(cut)
    for name, f in fs.items():
        assert f.as_of is None or f.as_of <= cutoff, (name, f.as_of, cutoff)
    joined = since.closes(cut["prices"], cut["prices_since"])
    last = joined.groupby("ticker")["date"].max().dt.date
    for ticker, day in last.items():
        if f"stock.{ticker}.change" in fs:
            assert fs[f"stock.{ticker}.change"].as_of == day
            assert fs[f"stock.{ticker}.low_on"].value <= day
            back = fs[f"stock.{ticker}.back_on"].value
            assert back is None or back <= day
    companies = data["companies"]
    for group in set(companies["group"]):
        if f"group.{group}.change" in fs:
            members = since.group_members(companies, group)
            assert fs[f"group.{group}.change"].as_of <= min(last[m] for m in members)


def test_figures_are_finite(fs):
    for name, f in fs.items():
        if f.kind is not Kind.DATE:
            assert math.isfinite(f.number), name


def test_loader_reads_the_real_files():
    assert len(since.load_closes()) == len(datasets.load("prices")) + len(datasets.load("prices_since"))
