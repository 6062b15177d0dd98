"""The What-next page in both languages: the model's default view, every control at its extremes, bad URLs.
What the screen shows is checked against the figure model (``core.demand``) for the same inputs."""

import re

import pytest

from core import datasets, demand
from tests.app.conftest import open_app

PAGE = "app_pages/what_next.py"
BAD = ("nan", "inf", "NaN", "None")
BAD_WORD = re.compile(r"\b(nan|inf|NaN|None)\b")


def assert_clean(at):
    assert not at.exception, [e.value for e in at.exception]
    for m in at.metric:
        assert m.value and not any(b in m.value for b in BAD), (m.label, m.value)
    for md in at.markdown:
        assert not BAD_WORD.search(md.value), md.value
    # the model's chart, then "Twenty months on": capex, NVIDIA, rental prices, Stargate
    assert len(at.get("vega_lite_chart")) == 5


FACTS, DATES = datasets.load("facts"), datasets.load("dates")


def values(at) -> list[str]:
    return [m.value for m in at.metric]


def model(lang: str, k=None, eps=None, share=None) -> list[str]:
    """The figure model's outcomes for the same inputs, as the page should show them."""
    return [m.value.text(lang) for m in demand.figures(FACTS, DATES, k, eps, share).metrics]


@pytest.mark.parametrize(
    "lang, rl_cost, shown",
    [
        ("en", "USD 294K", ["≈0.1×", "≈10×", "≈1×", "≈1×"]),
        ("ja", "29.4万ドル", ["約0.1倍", "約10倍", "約1倍", "約1倍"]),
    ],
)
def test_default_view_is_the_break_even(lang, rl_cost, shown):
    at = open_app(PAGE, lang=lang)
    assert_clean(at)
    # Default: the article's 10x, ε = 1, the whole saving passed on -> price 1/10, use 10x, compute flat.
    assert values(at) == shown == model(lang)
    text = " ".join(m.value for m in at.markdown)
    assert rl_cost in text and rl_cost == demand.r1_figures(FACTS, DATES)["cost"].text(lang)
    assert ("USD 5.576M" if lang == "en" else "557.6万ドル") in text  # V3's final run, from the report


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_elastic_and_inelastic(lang):
    at = open_app(PAGE, lang=lang, wn_k="100×", wn_eps="2", wn_share="100")
    assert_clean(at)
    assert values(at) == model(lang, 100.0, 2.0, 100)
    assert values(at)[1:3] == (["≈10,000×", "≈100×"] if lang == "en" else ["約10,000倍", "約100倍"])  # k^ε, k^(ε-1)
    at = open_app(PAGE, lang=lang, wn_k="100×", wn_eps="0.5", wn_share="100")
    assert_clean(at)
    assert values(at)[2] == model(lang, 100.0, 0.5, 100)[2] == ("≈0.1×" if lang == "en" else "約0.1倍")  # 100^(-0.5)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_intro_attributes_only_what_the_article_says(lang):
    """The intro's question is ours, and Nadella's post (before the article) is no reply to it."""
    text = open_app(PAGE, lang=lang).markdown[0].value
    figs = demand.figures(FACTS, DATES, None, None, None).figs
    assert figs["nadella"].text(lang) in text and figs["fraction"].text(lang) in text
    assert ("reply" not in text) if lang == "en" else ("反論" not in text)
    assert ("The article puts the question" not in text) if lang == "en" else ("記事の問い" not in text)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(
    "params",
    [
        dict(wn_k="1×", wn_eps="0.2", wn_share="0"),
        dict(wn_k="100×", wn_eps="2.5", wn_share="100"),
        dict(wn_k="100×", wn_eps="0.2", wn_share="0"),
        dict(wn_k="1×", wn_eps="2.5", wn_share="100"),
        dict(wn_k="abc", wn_eps="nan", wn_share="-5"),
        dict(wn_k="1e9", wn_eps="99", wn_share="500"),
    ],
)
def test_extremes_and_bad_urls(lang, params):
    assert_clean(open_app(PAGE, lang=lang, **params))


def test_no_gain_changes_nothing():
    # The URL holds the slider label (same in both languages): "1×", "10×", "100×".
    at = open_app(PAGE, lang="en", wn_k="1×", wn_eps="2.5", wn_share="100")
    assert values(at) == ["≈1×", "≈1×", "≈1×", "≈1×"] == model("en", 1.0, 2.5, 100)


def _charts(at) -> list[dict]:
    """Each chart's spec without its rows and their names: what it draws, not with which numbers."""
    import json

    specs = []
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        spec.pop("datasets", None)
        text = json.dumps(spec, sort_keys=True)
        specs.append(json.loads(re.sub(r'"data": \{"name": "[^"]*"\}', '"data": {}', text)))
    return specs


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_what_next_draws_nothing_the_stargate_page_draws(lang):
    """Issue #20: What next repeated Stargate's capex chart and its timeline. What next keeps what is
    new since (the plans against the spending and the 2026 guidance, the stated gigawatts to 2026)
    and links to the Stargate page for the rest: no chart of the two pages is the same, and none of
    Stargate's timeline entries is written out again."""
    from core import stargate
    from ui.stargate_view import timeline_items

    here = open_app(PAGE, lang=lang)
    there = open_app("app_pages/stargate.py", lang=lang)
    assert not here.exception and not there.exception
    ours, theirs = _charts(here), _charts(there)
    assert len(ours) == 5 and len(theirs) == 3
    assert not [c for c in ours if c in theirs]
    assert not any("diamond" in str(c) for c in ours)  # Stargate's capex chart: plans as bars, spending as diamonds
    texts = "\n".join(m.value for m in here.markdown)
    for text, _ in timeline_items(stargate.timeline_figures(datasets.load("stargate_timeline")), lang):
        assert text not in texts
    links = [link.proto.page for link in here.get("page_link")]
    assert "stargate" in links, links  # the link to the Stargate page, for its timeline and charts
