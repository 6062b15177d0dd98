"""Home: it opens on the stock page's "who fell" chart (the same rows as the stock page at its
defaults), the tour as its one primary link, the argument's steps each linked to its page with the
language, sources as one quiet line a card, and the article credited once."""

from __future__ import annotations

import pytest

from core import headlines
from core.datasets import load
from tests.app.conftest import chart_rows, clean, open_app, texts

LANGS = ("en", "ja")
STEP_PAGES = ["stocks", "scaling-law", "stargate", "deepseek", "scenarios", "what-next"]  # the article's order
BAR_COLUMNS = ["name", "group", "change", "label", "flagged", "note", "pct", "group_name", "opacity", "rank"]


def bars(at):
    """The rows of the drawdown chart ("who fell") on a page."""
    return next(df for df in chart_rows(at) if list(df.columns) == BAR_COLUMNS)


@pytest.fixture(scope="module", params=LANGS)
def home(request):
    at = open_app(lang=request.param)
    clean(at)
    return request.param, at


def test_home_opens_on_the_lede_the_tour_and_the_chart(home):
    lang, at = home
    assert "DeepSeek-R1" in at.markdown[0].value  # the lede, before anything else
    links = at.get("page_link")
    assert links[0].proto.page == "talk"  # the tour comes first: the page's primary action
    assert [c.proto.alt for c in at.get("vega_lite_chart")] != [""], "the chart has its text alternative"
    assert len(at.get("vega_lite_chart")) == 1


def test_every_link_carries_the_language(home):
    lang, at = home
    for link in at.get("page_link"):
        assert link.proto.query_string == ("lang=ja" if lang == "ja" else ""), link.proto.label


def test_each_step_of_the_argument_links_its_page_in_order(home):
    lang, at = home
    pages = [link.proto.page for link in at.get("page_link")]
    steps = pages[pages.index("stocks", 2) :][: len(STEP_PAGES)]  # after the tour and the chart's own link
    assert steps == STEP_PAGES
    numbered = [m.value for m in at.markdown if m.value[:3] in {f"{n}. " for n in range(1, len(STEP_PAGES) + 1)}]
    assert [m[:2] for m in numbered] == [f"{n}." for n in range(1, len(STEP_PAGES) + 1)]


def test_cards_cite_their_sources_in_one_quiet_line(home):
    lang, at = home
    cites = [c for c in at.caption if c.value.startswith("Source: " if lang == "en" else "出典：")]
    assert len(cites) == 7  # the chart and six cards
    for c in cites:
        assert "GitHub" not in c.value and "\n" not in c.value, c.value  # names only
        assert c.proto.help.startswith(c.value.split(":")[0].split("：")[0]), c.proto.help  # the citations on demand
        assert len(c.proto.help) > len(c.value)


def test_the_article_is_credited_once(home):
    lang, at = home
    said = "in our own words" if lang == "en" else "独自の言葉で紹介"
    assert texts(at).count(said) == 1, "one credit: the footer every page has"


@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_is_the_stock_pages_chart_at_its_defaults(lang):
    home = bars(open_app(lang=lang))
    stocks = bars(open_app("app_pages/stocks.py", lang=lang))
    assert home.to_dict("records") == stocks.to_dict("records")
    assert len(home) == 14


@pytest.mark.parametrize("lang", LANGS)
def test_home_renders_without_the_market_files(lang, tmp_path, monkeypatch):
    """A broken prices.csv is named where the chart would be; the argument and the cost cards stay."""
    import shutil

    from core.paths import DATA_DIR

    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    (folder / "prices.csv").write_text("date,ticker\n", encoding="utf-8")
    monkeypatch.setenv("SVE_DATA_DIR", str(folder))
    at = open_app(lang=lang)
    assert not at.exception
    assert any("prices.csv" in e.value for e in at.error)
    assert not at.get("vega_lite_chart")
    cost = headlines.cost_figures(load("facts"))
    assert [m.value for m in at.metric][:2] == [cost["v3_cost"].text(lang), cost["stargate_budget"].text(lang)]
    assert [link.proto.page for link in at.get("page_link")][:2] == ["talk", "stocks"]  # the steps are there


def test_the_credit_and_the_stargate_card_date_their_events_from_data(home):
    lang, at = home
    dates = load("dates")
    day = {k: dates.loc[dates["key"] == k, "date"].iloc[0] for k in ("article_published", "stargate_announced")}
    from core.formatting import fmt_date

    credit = [c.value for c in at.caption if "retold" in c.value or "論旨" in c.value]
    assert len(credit) == 1 and fmt_date(day["article_published"], lang) in credit[0], credit
    helps = [m.proto.help for m in at.get("metric")]
    assert any(fmt_date(day["stargate_announced"], lang) in h for h in helps), helps
