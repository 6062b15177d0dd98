"""core.stocks on the real prices: the article's figures, snapping, recovery, earnings flags."""

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import stocks

# The article's dates, as data/dates.csv gives them (test_stocks_figures checks core.stocks.shock_dates).
BASE, START, END, ARTICLE = date(2025, 1, 24), date(2025, 1, 27), date(2025, 1, 29), date(2025, 2, 7)


@pytest.fixture(scope="module")
def days(prices):
    return stocks.trading_days(prices)


@pytest.fixture(scope="module")
def shock(prices):
    return stocks.drawdowns(prices, BASE, START, END)


@pytest.mark.parametrize(
    ("ticker", "pct"),
    [("NVDA", -17.0), ("AVGO", -17.4), ("VST", -28.3), ("CEG", -20.8), ("TLN", -21.6), ("GOOGL", -4.2), ("MSFT", -2.1)],
)
def test_article_figures(shock, ticker, pct):
    assert shock.set_index("ticker").loc[ticker, "change"] * 100 == pytest.approx(pct, abs=0.05)


@pytest.mark.parametrize("ticker", ["AAPL", "AMZN", "META"])
def test_no_fall(shock, ticker):
    assert shock.set_index("ticker").loc[ticker, "change"] > 0


def test_default_window_resolves_to_itself(days):
    w = stocks.resolve_window(BASE, START, END, days)
    assert (w.base, w.start, w.end, w.moved) == (BASE, START, END, ())


def test_weekend_dates_snap_and_are_reported(days):
    w = stocks.resolve_window(date(2025, 1, 25), date(2025, 1, 25), date(2025, 2, 8), days)
    assert (w.base, w.start, w.end) == (date(2025, 1, 24), date(2025, 1, 27), date(2025, 2, 7))
    assert [m[0] for m in w.moved] == ["base", "start", "end"]
    assert w.moved[0] == ("base", date(2025, 1, 25), date(2025, 1, 24))


def test_holiday_base_snaps_back(days):
    assert stocks.resolve_window(date(2025, 1, 20), date(2025, 1, 21), END, days).base == date(2025, 1, 17)
    assert stocks.resolve_window(date(2025, 1, 9), date(2025, 1, 10), END, days).base == date(2025, 1, 8)  # Carter


def test_dates_outside_the_data_are_clamped(days):
    w = stocks.resolve_window(date(2020, 1, 1), date(2020, 1, 1), date(2030, 1, 1), days)
    assert (w.base, w.start, w.end) == (days[0], days[1], days[-1])


@pytest.mark.parametrize(
    ("base", "start", "end"),
    [
        (BASE, date(2025, 1, 29), date(2025, 1, 27)),  # end before start
        (BASE, date(2025, 1, 25), date(2025, 1, 26)),  # a weekend only: the end snaps back to the base
        (date(2025, 3, 31), date(2025, 3, 31), date(2025, 3, 31)),  # no trading day after the last one
    ],
)
def test_empty_window_raises_a_clear_error(days, base, start, end):
    with pytest.raises(stocks.EmptyWindowError, match="trading day"):
        stocks.resolve_window(base, start, end, days)


@given(
    st.dates(date(2024, 11, 1), date(2025, 4, 30)),
    st.dates(date(2024, 11, 1), date(2025, 4, 30)),
    st.dates(date(2024, 11, 1), date(2025, 4, 30)),
)
@settings(max_examples=150, deadline=None)
def test_any_dates_give_a_window_or_a_clear_error(days, base, start, end):
    try:
        w = stocks.resolve_window(base, start, end, days)
    except stocks.EmptyWindowError:
        return
    assert w.base in days and w.start in days and w.end in days
    assert w.base < w.start <= w.end


def test_index_to_base(prices):
    idx = stocks.index_to_base(prices, BASE, ["NVDA", "VST"])
    at_base = idx[idx["date"] == pd.Timestamp(BASE)].set_index("ticker")["index"]
    assert at_base.tolist() == pytest.approx([100, 100])
    nvda = idx[(idx["ticker"] == "NVDA") & (idx["date"] == pd.Timestamp(START))]["index"].iloc[0]
    assert nvda == pytest.approx(100 * 118.42 / 142.62)
    assert set(idx["ticker"]) == {"NVDA", "VST"} and len(idx) == 2 * 81


def test_change_at(prices):
    ch = stocks.change_at(prices, BASE, START)
    assert round(ch["NVDA"] * 100, 1) == -17.0
    assert round(ch["VST"] * 100, 1) == -28.3


@pytest.fixture(scope="module")
def recovery(prices):
    return stocks.recovery_table(prices, BASE, START, END, {"article": ARTICLE, "last": date(2025, 3, 31)}).set_index(
        "ticker"
    )


@pytest.mark.parametrize(
    ("ticker", "back"),
    [
        ("MSFT", date(2025, 1, 28)),
        ("GOOGL", date(2025, 1, 30)),
        ("TLN", date(2025, 2, 18)),
        ("NRG", date(2025, 2, 19)),
        ("NVDA", None),
        ("AVGO", None),
        ("VST", None),
        ("CEG", None),
        ("AAPL", None),
        ("AMZN", None),
        ("META", None),  # did not fall: nothing to recover
    ],
)
def test_recovery_dates(recovery, ticker, back):
    assert recovery.loc[ticker, "recovered_on"] == back
    assert bool(recovery.loc[ticker, "fell"]) == (ticker not in ("AAPL", "AMZN", "META"))


def test_recovery_dates_match_the_closes(prices, recovery):
    """The recovery day closes at or above the base; every close between the low and it is below."""
    closes = prices.assign(day=prices["date"].dt.date).pivot(index="day", columns="ticker", values="close")
    for ticker, row in recovery[recovery["fell"]].iterrows():
        after_low = closes.loc[closes.index > row["min_date"], ticker]
        if row["recovered_on"] is None:
            assert (after_low < row["base_close"]).all(), ticker
        else:
            assert after_low[row["recovered_on"]] >= row["base_close"]
            assert (after_low[after_low.index < row["recovered_on"]] < row["base_close"]).all(), ticker


@pytest.mark.parametrize(
    ("ticker", "article", "last"),
    [("NVDA", -9.0, -24.0), ("VST", -12.7, -38.5), ("META", 10.4, -11.0), ("AAPL", 2.2, -0.3)],
)
def test_changes_at_checkpoints(recovery, ticker, article, last):
    assert round(recovery.loc[ticker, "article"] * 100, 1) == article
    assert round(recovery.loc[ticker, "last"] * 100, 1) == last


def test_power_companies_had_not_recovered_by_the_article(prices, companies, recovery):
    by_group = stocks.recovery_by_group(
        prices, companies, BASE, START, END, ARTICLE, tickers=stocks.chart_tickers(companies)
    )
    power = by_group["power"]
    # Only Oklo (a small nuclear start-up) closed back above its base before the article appeared.
    assert (power.count, power.fell, power.recovered, power.below_at_as_of) == (7, 7, 1, 6)
    assert recovery.loc["OKLO", "recovered_on"] == date(2025, 1, 30)
    assert all(recovery.loc[tk, "article"] < 0 for tk in ("VST", "CEG", "TLN"))
    assert round(power.median_change_at_as_of * 100, 1) == -8.3
    gafam = by_group["gafam"]
    assert (gafam.count, gafam.fell, gafam.recovered) == (5, 2, 2)


def test_effect_day(days):
    assert stocks.effect_day(date(2025, 1, 29), "after_close", days) == date(2025, 1, 30)
    assert stocks.effect_day(date(2025, 1, 29), "before_open", days) == date(2025, 1, 29)
    assert stocks.effect_day(date(2025, 1, 20), "n/a", days) == date(2025, 1, 21)  # MLK day
    assert stocks.effect_day(date(2025, 1, 31), "after_close", days) == date(2025, 2, 3)  # Friday -> Monday


def test_no_earnings_flag_in_the_article_window(prices, events, days, shock):
    assert stocks.earnings_before_low(shock, events, BASE, days).dropna().empty


def test_wider_window_flags_the_later_falls(prices, events, days):
    dd = stocks.drawdowns(prices, BASE, START, ARTICLE)
    flags = stocks.earnings_before_low(dd, events, BASE, days)
    moves = dd.set_index("ticker")["change"]
    assert round(moves["MSFT"] * 100, 1) == -7.7 and flags["MSFT"] == date(2025, 1, 29)
    assert round(moves["GOOGL"] * 100, 1) == -7.4 and flags["GOOGL"] == date(2025, 2, 4)
    assert flags["NVDA"] is None and flags["VST"] is None  # their lows are the shock day itself


def test_group_moves_sentence_data(shock, companies):
    dd = shock[shock["ticker"].isin(stocks.chart_tickers(companies))]
    moves = stocks.group_moves(dd, companies)
    assert [g.group for g in moves] == ["power", "chips", "gafam"]
    power, chips, gafam = moves
    assert (power.worst_ticker, round(power.worst * 100, 1), power.fell, power.count) == ("VST", -28.3, 7, 7)
    assert (chips.worst_ticker, round(chips.worst * 100, 1), chips.fell) == ("AVGO", -17.4, 2)
    assert (gafam.worst_ticker, round(gafam.worst * 100, 1), gafam.fell, gafam.count) == ("GOOGL", -4.2, 2, 5)


def test_chart_tickers(companies):
    article = stocks.chart_tickers(companies)
    assert "GOOG" not in article and "GOOG" not in stocks.chart_tickers(companies, True)
    assert set(article) == {
        "AAPL",
        "AMZN",
        "GOOGL",
        "META",
        "MSFT",
        "NVDA",
        "AVGO",
        "VST",
        "CEG",
        "TLN",
        "OKLO",
        "SMR",
        "GEV",
        "NRG",
    }
    assert len(stocks.chart_tickers(companies, True)) == 26


def test_every_earnings_event_names_a_known_ticker(events, companies):
    known = set(companies["ticker"])
    for tickers in events["tickers"].dropna():
        assert set(tickers.split()) <= known, tickers
