"""The market figure model (core.headlines.market_figures, nvda_record_day) and the article's dates
(core.stocks.shock_dates) against published numbers, in both languages."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import headlines, stocks
from core.datasets import date_of


@pytest.fixture(scope="module")
def market(prices, companies, dates):
    return headlines.market_figures(prices, companies, dates)


@pytest.fixture(scope="module")
def record(prices, events, facts):
    return headlines.nvda_record_day(prices, events, facts)


def test_the_article_dates_come_from_the_data(dates, sources):
    shock = stocks.shock_dates(dates)
    assert (shock.base, shock.window, shock.article) == (
        date(2025, 1, 24),
        (date(2025, 1, 27), date(2025, 1, 29)),
        date(2025, 2, 7),
    )
    assert shock.sources == ("ARTICLE",)
    published = sources.loc[sources["source_id"] == "ARTICLE", "date"].iloc[0].date()
    assert shock.article == published  # one date for the article, in dates.csv and sources.csv
    # the old names (still read by the What-next page) give the same dates, read from the data
    assert (stocks.ARTICLE_BASE_DATE, stocks.SHOCK_WINDOW, stocks.ARTICLE_DATE) == (
        shock.base,
        shock.window,
        shock.article,
    )


def test_gafam_is_the_five_the_article_names(companies):
    assert stocks.gafam_tickers(companies) == ["AAPL", "AMZN", "GOOGL", "META", "MSFT"]


@pytest.mark.parametrize(
    ("name", "en", "ja"),
    [
        ("nvda_drawdown", "−17.0%", "−17.0%"),
        ("avgo_drawdown", "−17.4%", "−17.4%"),
        ("power_median", "−21.6%", "−21.6%"),
        ("power_worst", "−28.3%", "−28.3%"),
        ("gafam_largest_fall", "−4.2%", "−4.2%"),
        ("nvda_low_day", "January 27, 2025", "2025年1月27日"),
        ("base", "January 24, 2025", "2025年1月24日"),
        ("article_date", "February 7, 2025", "2025年2月7日"),
        ("gafam_median_at_article", "−2.4%", "−2.4%"),
        ("power_median_at_article", "−8.3%", "−8.3%"),
        ("at_article_MSFT", "−7.7%", "−7.7%"),
        ("at_article_GOOGL", "−7.4%", "−7.4%"),
        ("at_article_AMZN", "−2.4%", "−2.4%"),
        ("at_article_OKLO", "+32.7%", "+32.7%"),
        ("back_on_OKLO", "January 30, 2025", "2025年1月30日"),
        ("back_on_MSFT", "January 28, 2025", "2025年1月28日"),
    ],
)
def test_market_figures_published_numbers(market, name, en, ja):
    assert (market.figs[name].text("en"), market.figs[name].text("ja")) == (en, ja)


def test_who_was_back_on_the_article_date(market):
    """The tour's note once said GAFAM were back above their base by the article's date and the power
    stocks were not: on 7 February, Microsoft, Alphabet and Amazon were below it, and Oklo was above."""
    gafam, power = market.groups["gafam"], market.groups["power"]
    assert gafam.above_at_article == ("AAPL", "META")
    assert set(gafam.tickers) - set(gafam.above_at_article) == {"AMZN", "GOOGL", "MSFT"}
    assert gafam.back == ("GOOGL", "MSFT") and gafam.held == ("AAPL", "AMZN", "META")
    assert power.above_at_article == ("OKLO",) and power.back == ("OKLO",)
    assert market.figs["power_above_at_article"].number == 1 and market.figs["gafam_above_at_article"].number == 2


def test_one_day_change_and_drawdown_are_two_named_claims(market, record):
    """NVIDIA's fall of 27 January: a one-day change (close against the previous close) and a window
    drawdown (base close to the lowest close of the window). Today they agree because 27 January
    was both the day after the base and the window's low; each keeps its own name and as-of date."""
    one_day, drawdown = record["nvda_one_day"], market.figs["nvda_drawdown"]
    assert one_day.as_of == drawdown.as_of == date(2025, 1, 27)
    assert one_day.number == pytest.approx(118.42 / 142.62 - 1) == pytest.approx(drawdown.number)
    assert record["nvda_prev_day"].value == date(2025, 1, 24)
    assert (record["nvda_value_lost"].text("en"), record["nvda_value_lost"].text("ja")) == ("USD 589B", "5890億ドル")
    assert record.sources("nvda_value_lost") == ("EV-NVDA-0127",)


def test_every_market_figure_has_sources_and_market_figures_an_as_of(market, record, sources):
    known = set(sources["source_id"])
    for name, fig in [*market.figs.items(), *record.items()]:
        assert fig.sources and set(fig.sources) <= known, name
        if fig.kind.value == "change":
            assert fig.as_of is not None, name


def test_story_figures(facts, dates, market):
    story = headlines.story_figures(facts, dates)
    assert story["r1_release"].value == date_of(dates, "r1_release") == date(2025, 1, 20)
    assert story["v3_release"].value == date(2024, 12, 26)  # V3 (the few-million final run) came first
    assert story["shock_start"] == market.figs["shock_start"]  # the sell-off's day, with or without prices
    assert (story["v3_cluster_gpus"].text("en"), story["cost_fraction"].text("ja")) == ("2,048", "10%")


@given(
    st.dates(date(2024, 12, 2), date(2025, 3, 31)),
    st.dates(date(2024, 12, 2), date(2025, 3, 31)),
)
def test_checkpoints_never_come_before_the_base(base, article):
    days = [date(2024, 12, 2 + i) for i in range(5)] + [date(2025, 1, 24), date(2025, 2, 7), date(2025, 3, 31)]
    marks = stocks.checkpoints(article, base, days)
    assert marks["last"] == days[-1]
    assert "article" not in marks or marks["article"] > base
