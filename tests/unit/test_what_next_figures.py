"""The What-next figure model (``core.demand.figures``, ``r1_figures``, ``share_checks``): the
article's numbers in both languages, the tour's figures at the page's defaults, hostile inputs,
and clean text over the controls' ranges."""

import math
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import capex, datasets, demand
from core.figures import Kind

FACTS, DATES = datasets.load("facts"), datasets.load("dates")
KNOWN_SOURCES = set(datasets.load("sources")["source_id"])
BAD_TEXT = re.compile(r"nan|inf|None|\de[+-]?\d|E[+-]?\d", re.IGNORECASE)
START = demand.figures(FACTS, DATES, None, None, None)


@pytest.mark.parametrize(
    "name, en, ja",
    [
        ("k", "≈10×", "約10倍"),  # 1 / "a tenth or less"
        ("marker", "≈10×", "約10倍"),
        ("eps", "1", "1"),
        ("share", "100%", "100%"),
        ("price", "≈0.1×", "約0.1倍"),
        ("usage", "≈10×", "約10倍"),
        ("compute", "≈1×", "約1倍"),
        ("bill", "≈1×", "約1倍"),
        ("break_even", "1", "1"),
        ("fraction", "10%", "10%"),
        ("shock", "January 27, 2025", "2025年1月27日"),
        ("nadella", "January 27, 2025", "2025年1月27日"),
        # the tour's what-if at the defaults: 10^(0.5-1) and 10^(2-1)
        ("low_eps", "0.5", "0.5"),
        ("low_compute", "≈0.316×", "約0.316倍"),
        ("high_eps", "2", "2"),
        ("high_compute", "≈10×", "約10倍"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isidentifier() else None,
)
def test_defaults(name, en, ja):
    assert (START.figs[name].text("en"), START.figs[name].text("ja")) == (en, ja)


def test_default_outcome():
    assert (START.k, START.elasticity, START.pass_through) == (10.0, 1.0, 1.0)
    assert START.verdict == "flat" and START.breaks_even
    changes = {m.name: m.change.text("en") if m.change else None for m in START.metrics}
    assert changes == {"price": "−90%", "usage": "+900%", "compute": None, "bill": None}
    assert [m.name for m in START.metrics] == list(demand.METRICS)
    assert {START.figs[n].kind for n in ("k", "marker", *demand.METRICS)} == {Kind.RATIO}


@pytest.mark.parametrize(
    "k, eps, share, verdict, compute",
    [(100.0, 2.0, 100, "grow", "≈100×"), (100.0, 0.5, 100, "shrink", "≈0.1×"), (10.0, 2.0, 0, "shrink", "≈0.1×")],
)
def test_verdicts(k, eps, share, verdict, compute):
    nf = demand.figures(FACTS, DATES, k, eps, share)
    assert nf.verdict == verdict and nf.figs["compute"].text("en") == compute


def test_no_pass_through_has_no_break_even():
    nf = demand.figures(FACTS, DATES, 10.0, 1.0, 0)
    assert not nf.breaks_even and nf.figs["break_even"].text("en") == "—"


@pytest.mark.parametrize(
    "k, eps, share, used",
    [
        ("abc", math.nan, -5, (10.0, 1.0, 0.0)),
        (None, None, None, (10.0, 1.0, 1.0)),
        (1e9, 99.0, 500, (100.0, 2.5, 1.0)),
        (True, math.inf, "x", (10.0, 1.0, 1.0)),
    ],
)
def test_hostile_inputs_fall_back_or_clamp(k, eps, share, used):
    nf = demand.figures(FACTS, DATES, k, eps, share)
    assert (nf.k, nf.elasticity, nf.pass_through) == used


def test_k_labels_are_the_url_values():
    assert [demand.k_label(k) for k in (1.0, 1.5, 10.0, 100.0)] == ["1×", "1.5×", "10×", "100×"]
    labels = [demand.k_label(k) for k in demand.k_steps(demand.article_gain(FACTS))]
    assert len(set(labels)) == len(labels)


def test_r1_figures():
    r1 = demand.r1_figures(FACTS, DATES)
    assert [r1[n].text("en") for n in ("date", "cost", "gpus", "hours", "v3_cost")] == [
        "September 19, 2025",
        "USD 294K",
        "512",
        "80",
        "USD 5.576M",
    ]
    assert r1["cost"].text("ja") == "29.4万ドル"  # three digits in both languages
    assert set(r1.sources()) == {"R1-RL-COST", "V3R"}


def test_share_checks():
    prices, companies = datasets.load("prices"), datasets.load("companies")
    checks = demand.share_checks(prices, companies, capex.article_date(datasets.load("sources")))
    assert (checks.base.value, checks.article.value) == (date(2025, 1, 24), date(2025, 2, 7))
    assert [g.group for g in checks.groups] == list(demand.SHARE_GROUPS)
    assert set(checks.sources) <= KNOWN_SOURCES
    for g in checks.groups:
        assert 0 <= g.recovered.number <= g.fell.number <= g.count.number
        assert g.median_article.kind is Kind.CHANGE and g.median_last.as_of == checks.last.value


@given(
    k=st.sampled_from(demand.k_steps(10.0)),
    eps=st.floats(*demand.ELASTICITY_RANGE),
    share=st.integers(*demand.SHARE_PCT),
)
def test_every_figure_reads_cleanly(k, eps, share):
    nf = demand.figures(FACTS, DATES, k, eps, share)
    for lang in ("en", "ja"):
        for name, fig in nf.figs.items():
            text = fig.text(lang)
            assert not BAD_TEXT.search(text), text
            assert text != "—" or name == "break_even"
    for m in nf.metrics:
        assert (m.change is None) == (abs(m.value.number - 1) <= demand.FLAT)
    compute = nf.figs["compute"].number
    assert nf.verdict == ("grow" if compute > 1 + demand.FLAT else "shrink" if compute < 1 - demand.FLAT else "flat")
