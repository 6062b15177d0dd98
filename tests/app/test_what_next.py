"""The What-next page in both languages: the model's default view, every control at its extremes, bad URLs."""

import re

import pytest

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
    assert len(at.get("vega_lite_chart")) == 2


def values(at) -> list[str]:
    return [m.value for m in at.metric]


@pytest.mark.parametrize("lang, rl_cost", [("en", "USD 294K"), ("ja", "29万ドル")])
def test_default_view_is_the_break_even(lang, rl_cost):
    at = open_app(PAGE, lang=lang)
    assert_clean(at)
    # Default: the article's 10x, ε = 1, the whole saving passed on -> price 1/10, use 10x, compute flat.
    assert values(at) == ["0.1×", "10×", "1×", "1×"]
    text = " ".join(m.value for m in at.markdown)
    assert rl_cost in text
    assert ("USD 5.576M" if lang == "en" else "557.6万ドル") in text  # V3's final run, from the report


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_elastic_and_inelastic(lang):
    at = open_app(PAGE, lang=lang, wn_k="100×", wn_eps="2", wn_share="100")
    assert_clean(at)
    assert values(at)[1:3] == ["10,000×", "100×"]  # k^ε and k^(ε-1)
    at = open_app(PAGE, lang=lang, wn_k="100×", wn_eps="0.5", wn_share="100")
    assert_clean(at)
    assert values(at)[2] == "0.1×"  # 100^(-0.5)


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
    assert values(at) == ["1×", "1×", "1×", "1×"]
