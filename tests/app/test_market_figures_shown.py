"""Home's market cards and the tour's market steps show the figure model's strings
(core.headlines.market_figures / nvda_record_day), in both languages."""

import pytest

from core import datasets, headlines
from tests.app.conftest import clean, open_app, texts


@pytest.fixture(scope="module")
def market():
    return headlines.market_figures(*(datasets.load(n) for n in ("prices", "companies", "dates")))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_home_cards_are_the_market_figures(lang, market):
    at = open_app(lang=lang)
    clean(at)
    f = market.figs.texts(lang)
    # the market row comes after the two cost cards (and before the card on NVIDIA since the shock)
    assert [m.value for m in at.metric][2:5] == [f["nvda_drawdown"], f["power_median"], f["gafam_largest_fall"]]
    body = texts(at)
    for name in ("nvda_low_day", "avgo_drawdown", "power_best", "power_worst", "shock_start", "shock_end", "base"):
        assert f[name] in body, name


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_home_says_which_model_cost_a_few_million(lang):
    at = open_app(lang=lang)
    intro = next(m.value for m in at.markdown if "DeepSeek-R1" in m.value and "DeepSeek-V3" in m.value)
    assert "DeepSeek-R1" in intro and "DeepSeek-V3" in intro
    assert ("December 26, 2024" if lang == "en" else "2024年12月26日") in intro  # V3's release, not R1's


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_who_fell_note_is_written_from_the_data(lang, market):
    at = open_app("app_pages/talk.py", lang=lang, step="2", notes="1")
    clean(at)
    note = at.expander[0].markdown[0].value if at.expander else texts(at)
    f = market.figs.texts(lang)
    sentence = texts(at)
    for name in ("gafam_largest_fall", "nvda_drawdown", "avgo_drawdown", "power_median"):
        assert f[name] in sentence, name
    for name in (
        "article_date",
        "gafam_median_at_article",
        "power_median_at_article",
        "at_article_MSFT",
        "at_article_GOOGL",
        "at_article_AMZN",
        "back_on_OKLO",
    ):
        assert f[name] in note, name
    if lang == "en":
        assert "Oklo was at or above it." in note  # one company: singular
        assert "Apple, Meta (Facebook) were at or above it." in note
        assert "GAFAM were back above their base" not in note


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_shock_step_shows_the_one_day_figures(lang):
    record = headlines.nvda_record_day(*(datasets.load(n) for n in ("prices", "events", "facts"))).texts(lang)
    at = open_app("app_pages/talk.py", lang=lang, step="1")
    body = clean(at)
    assert [m.value for m in at.metric] == [record["nvda_value_lost"]]
    assert record["nvda_one_day"] in body and record["nvda_day"] in body
