"""What the pages take from ``core.since`` and ``core.scaling`` for the evidence since the shock:
figures by part, each series' status, the capex chart's rows, the tool's observed level, and
Epoch's later data on the scaling page. Checked by hand against the CSVs."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from core import scaling, since
from core.figures import Kind

D = date.fromisoformat


@pytest.fixture(scope="module")
def data():
    return since.load_all()


@pytest.fixture(scope="module")
def fs(data):
    return since.figures(data)


def test_parts_read_exactly_the_files_figures_needs():
    assert set(since.files_for()) == set(since.DATASETS)
    assert since.files_for("stocks") == ("prices", "prices_since", "companies", "dates")


@pytest.mark.parametrize(
    ("part", "prefixes"),
    [
        ("stocks", ("stock.", "group.", "stocks.")),
        ("capex", ("capex.",)),
        ("nvidia", ("nvda.",)),
        ("rental", ("rental.",)),
        ("stargate", ("stargate.", "deals.")),
        ("deepseek", ("deepseek.", "bench.")),
        ("revisions", ("revision.", "frontier.")),
    ],
)
def test_a_page_gets_the_figures_of_the_files_it_passes(data, fs, part, prefixes):
    got = since.figures({f: data[f] for f in since.files_for(part)})
    assert got and all(n.startswith(prefixes) for n in got), part
    assert {n for n in fs if n.startswith(prefixes)} == set(got)  # the same figures as with every file
    assert all(got[n] == fs[n] for n in got)


def test_status_reads_the_figures_as_the_series_does(data):
    c = since.closes(data["prices"], data["prices_since"])
    each = since.since_base(c, D("2025-01-24"))
    fs = since.figures({f: data[f] for f in since.files_for("stocks")})
    assert {tk: since.status(fs, f"stock.{tk}") for tk in each} == {tk: s.status for tk, s in each.items()}
    assert since.status(fs, "stock.NOPE") is None
    assert fs["stocks.base_on"].value == D("2025-01-24")


def test_capex_rows_compare_like_with_like(data, fs):
    rows = since.capex_rows(since.capex_points(data["capex"], data["capex_since"]), since.article_date(data["sources"]))
    by = rows.set_index(["ticker", "stage"])
    # Microsoft: its fiscal plan and spend (to June), its calendar 2025 added up from quarters, 2026 guided
    assert list(rows[rows["ticker"] == "MSFT"]["stage"]) == list(since.CAPEX_STAGES)
    assert by.loc[("MSFT", "plan_2025"), "usd"] == 80e9 and by.loc[("MSFT", "plan_2025"), "basis"] == "fiscal"
    assert by.loc[("MSFT", "actual_2025_calendar"), "usd"] == pytest.approx((21.4 + 24.2 + 34.9 + 37.5) * 1e9)
    assert by.loc[("MSFT", "actual_2025_calendar"), "derived"]
    # Alphabet reports calendar years: no derived sum beside its reported 2025
    assert ("GOOGL", "actual_2025_calendar") not in by.index
    # Meta's 2026 guidance is a range: its middle, an estimate, with both ends
    meta = by.loc[("META", "guidance_2026")]
    assert (meta["low_usd"], meta["usd"], meta["high_usd"]) == (125e9, 135e9, 145e9) and meta["estimate"]
    # Oracle stated no plan by the article's date
    assert ("ORCL", "plan_2025") not in by.index
    # every row is the figure of that name, dated as the figure is
    for r in rows.itertuples():
        assert fs[r.name].number == pytest.approx(r.usd), r.name
        assert fs[r.name].as_of == r.stated_on, r.name


def test_the_tool_s_observed_level_is_the_big_four_s_ratio(fs):
    ratio, change = fs["capex.big4.guidance_2026_ratio"], fs["capex.big4.guidance_2026_vs_2025"]
    assert ratio.kind is Kind.RATIO and ratio.number == pytest.approx(1 + change.number)
    assert ratio.as_of == change.as_of and ratio.estimate == change.estimate
    assert since.is_derived("capex.big4.guidance_2026_ratio")
    assert ratio.number == pytest.approx((190 + 200 + 185 + 135) / (118 + 125 + 91.4 + 72.22))


# --- Epoch's later data on the scaling page -------------------------------------------------------


@pytest.fixture(scope="module")
def later(data):
    return scaling.with_later(data["models_compute"], data["models_compute_since"], data["sources"])


def test_revised_estimates_replace_the_earlier_ones_and_keep_them(later):
    r1 = later.set_index("model").loc["DeepSeek-R1"]
    assert r1["training_compute_flop"] == 3.5e24 and r1["earlier_flop"] == 5.17e24
    assert r1["earlier_on"] == pd.Timestamp("2025-04-18") and r1["revised_on"] == pd.Timestamp("2026-05-02")
    grok = later.set_index("model").loc["Grok-3"]
    assert grok["training_compute_flop"] == 3.5e26 and grok["confidence"] == "Likely"
    sonnet = later.set_index("model").loc["Claude 3.7 Sonnet"]  # the same estimate: not a revision
    assert pd.isna(sonnet["earlier_flop"])


def test_later_models_are_added_once_with_an_estimate(data, later):
    assert later["model"].is_unique
    added = later[later["later"]]
    assert added["training_compute_flop"].notna().all() and (added["date"] >= pd.Timestamp("2025-01-01")).all()
    ms = data["models_compute_since"]
    expected = ms[ms["revises"].isna() & ms["training_compute_flop"].notna() & (ms["date"] >= "2025-01-01")]
    assert set(added["model"]) == set(expected["model"])
    assert len(later) == len(data["models_compute"]) + len(expected)
    assert later["date"].is_monotonic_increasing


def test_the_trend_can_be_fitted_over_the_later_models(data, later):
    assert scaling.year_range(later) == (2020, 2026) and scaling.year_range(data["models_compute"]) == (2020, 2025)
    before = scaling.trend_figures(data["models_compute"], 2020, 2025)
    after = scaling.trend_figures(later, 2020, 2026)
    assert after["fitted"].number == len(later) > before["fitted"].number == len(data["models_compute"])
    assert after["v3_compute"].number == 3.3e24 and before["v3_compute"].number == pytest.approx(3.4078e24)
    # Epoch's later models are mostly open ones: the largest runs are undisclosed, the fit flattens
    assert after["growth"].number < before["growth"].number
    assert scaling.trend_fit(later["date"], later["training_compute_flop"], 2025, 2026) is not None
