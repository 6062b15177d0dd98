"""Headline figures against published numbers and the article's chart."""

from datetime import date

import pytest

from core import datasets, headlines, stocks
from core.costs import cost_ratio, training_cost_usd

# The article's dates, as data/dates.csv gives them (test_stocks_figures checks core.stocks.shock_dates).
BASE, START, END = date(2025, 1, 24), date(2025, 1, 27), date(2025, 1, 29)


def test_v3_cost_reproduces_the_report(facts):
    h = headlines.cost_headline(facts)
    assert h.v3_gpu_hours == datasets.fact(facts, "v3_gpu_hours_total_reported") == 2_788_000
    assert h.v3_cost_usd == pytest.approx(datasets.fact(facts, "v3_cost_total_reported_usd"), abs=0.5)
    assert h.v3_cost_usd == pytest.approx(5_576_000)
    assert h.gpt4o_to_v3 == pytest.approx(100e6 / 5.576e6)
    assert h.stargate_per_year_usd == 125e9


@pytest.mark.parametrize(
    ("stage", "usd"),
    [
        ("v3_gpu_hours_pretraining", 5.328e6),
        ("v3_gpu_hours_context_extension", 0.238e6),
        ("v3_gpu_hours_post_training", 0.01e6),
    ],
)
def test_v3_stage_costs(facts, stage, usd):
    assert training_cost_usd(datasets.fact(facts, stage), 2) == pytest.approx(usd)


def test_cost_functions_reject_bad_input():
    with pytest.raises(ValueError):
        training_cost_usd(-1, 2)
    with pytest.raises(ValueError):
        cost_ratio(1, 0)


@pytest.mark.parametrize(
    ("ticker", "pct"),
    [("NVDA", -17.0), ("AVGO", -17.4), ("VST", -28.3), ("CEG", -20.8), ("TLN", -21.6), ("GOOGL", -4.2), ("MSFT", -2.1)],
)
def test_shock_window_matches_the_article(prices, ticker, pct):
    dd = stocks.drawdowns(prices, BASE, START, END).set_index("ticker")
    assert round(dd.loc[ticker, "change"] * 100, 1) == pct


@pytest.mark.parametrize("ticker", ["AAPL", "AMZN", "META"])
def test_no_fall_for_three_gafam(prices, ticker):
    dd = stocks.drawdowns(prices, BASE, START, END).set_index("ticker")
    assert dd.loc[ticker, "change"] >= 0


def test_wider_window_shows_later_falls(prices):
    dd = stocks.drawdowns(prices, BASE, START, date(2025, 2, 7)).set_index("ticker")
    assert round(dd.loc["MSFT", "change"] * 100, 1) == -7.7
    assert round(dd.loc["GOOGL", "change"] * 100, 1) == -7.4


def test_market_figures_groups(prices, companies, dates):
    market = headlines.market_figures(prices, companies, dates)
    m, f = market.groups, market.figs
    assert m["gafam"].tickers == ("AAPL", "AMZN", "GOOGL", "META", "MSFT")
    gafam = (m["gafam"].worst_ticker, round(f["gafam_worst"].number * 100, 1), f["gafam_fell"].number)
    assert gafam == ("GOOGL", -4.2, 2)
    power = m["power"]
    assert power.count == 7 and f["power_count"].number == 7 and f["power_fell"].number == 7
    assert (power.worst_ticker, round(f["power_worst"].number * 100, 1)) == ("VST", -28.3)
    assert (power.best_ticker, round(f["power_best"].number * 100, 1)) == ("NRG", -13.2)
    assert round(f["power_median"].number * 100, 1) == -21.6


def test_snapping_to_trading_days(prices):
    days = stocks.trading_days(prices)
    assert stocks.snap_to_trading_day(date(2025, 1, 25), days) == date(2025, 1, 24)
    assert stocks.snap_to_trading_day(date(2025, 1, 20), days) == date(2025, 1, 17)  # MLK day
    assert stocks.snap_to_trading_day(date(2024, 1, 1), days) == days[0]


def test_empty_window_raises(prices):
    with pytest.raises(stocks.EmptyWindowError):
        stocks.drawdowns(prices, date(2025, 1, 24), date(2025, 1, 25), date(2025, 1, 26))
    with pytest.raises(stocks.EmptyWindowError):
        stocks.drawdowns(prices, date(2025, 1, 25), date(2025, 1, 27), date(2025, 1, 29))
