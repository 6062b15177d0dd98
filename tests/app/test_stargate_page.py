"""The Stargate page in both languages: default figures, every control at its extremes, bad URLs.
What the screen shows is checked against the figure model (``core.stargate``) for the same inputs."""

import json

import pytest

from core import capex, datasets, stargate
from core.content import load_strings
from tests.app.conftest import open_app

PAGE = "app_pages/stargate.py"
BAD = ("nan", "inf", "NaN", "None")
FACTS, DATES, GPUS = datasets.load("facts"), datasets.load("dates"), datasets.load("gpus")
TIMELINE = datasets.load("stargate_timeline")
D = stargate.defaults(FACTS, GPUS)
DEFAULTS = stargate.Choices(stargate.DEFAULT_PROFILE, "H100", D.share_pct, D.server_multiple, D.pue, D.kwh_cents)


def model(**choices):
    """The page's figures for ``choices`` (the defaults otherwise)."""
    c = DEFAULTS.__class__(**{**DEFAULTS.__dict__, **choices})
    return stargate.budget_figures(FACTS, GPUS, DATES, TIMELINE, c)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def assert_clean(at):
    assert not at.exception, [e.value for e in at.exception]
    for label, value in metrics(at).items():
        assert value and not any(b in value for b in BAD), (label, value)
        assert value != "—", label


@pytest.mark.parametrize(
    "lang, v3, gpt4o, gpus, gw, bill",
    [
        ("en", "89,700", "5,000", "8.63M", "17.4 GW", "USD 12.3B"),
        ("ja", "8.97万", "5,000", "863万", "17.4 GW", "123億ドル"),
    ],
)
def test_default_view(lang, v3, gpt4o, gpus, gw, bill):
    at = open_app(PAGE, lang=lang)
    assert_clean(at)
    values = list(metrics(at).values())
    assert values[:4] == [gpus, gw, "152 TWh", bill]
    assert values[4:6] == [v3, gpt4o]
    # the same strings as the figure model's, and the runs are cost_figures' (one derivation)
    out, runs = model(), stargate.run_figures(FACTS)
    assert values[:4] == [out.figs[n].text(lang) for n in ("gpus", "gw", "twh", "electricity")]
    assert values[4:6] == [runs[n].text(lang) for n in ("v3_runs", "gpt4o_runs")]
    text = " ".join(m.value for m in at.markdown)
    assert ("USD 500B" if lang == "en" else "5000億ドル") in text
    assert ("up to 1.2 GW" if lang == "en" else "最大1.2 GW") in text
    assert len(at.get("vega_lite_chart")) == 3


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(
    "params",
    [
        dict(sg_share="5", sg_server="1", sg_pue="1", sg_kwh="1", sg_gpu="B200", sg_profile="even"),
        dict(sg_share="100", sg_server="3", sg_pue="2.5", sg_kwh="30", sg_gpu="A100"),
        dict(sg_run_musd="0.01"),
        dict(sg_run_musd="1000000"),
    ],
    ids=["all-min", "all-max", "run-min", "run-max"],
)
def test_extremes(lang, params):
    at = open_app(PAGE, lang=lang, **params)
    assert_clean(at)
    assert len(metrics(at)) == (7 if "sg_run_musd" in params else 6)
    if "sg_gpu" in params:  # the URL's values were applied, not ignored
        assert any(params["sg_gpu"] in label for label in metrics(at))
        assert at.slider(key="sg_share").value == int(params["sg_share"])


@pytest.mark.parametrize(
    "params",
    [
        dict(sg_gpu="H800"),
        dict(sg_profile="backloaded"),
        dict(sg_share="999"),
        dict(sg_pue="-3"),
        dict(sg_kwh="abc"),
        dict(sg_run_musd="-5"),
        dict(sg_run_musd="nan"),
    ],
    ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()),
)
def test_bad_urls_fall_back(params):
    at = open_app(PAGE, lang="en", **params)
    assert_clean(at)
    assert metrics(at)["DeepSeek-V3-sized runs"] == "89,700"


def test_controls_move_the_numbers():
    at = open_app(PAGE, lang="en")
    at.slider(key="sg_pue").set_value(2.5).run()
    assert metrics(at)["Power drawn"] == "27.5 GW"  # 17.387 GW × 2.5 / 1.58
    assert metrics(at)["Power drawn"] == model(pue=2.5).figs["gw"].text("en")
    at.segmented_control(key="sg_gpu").set_value("B200").run()
    assert metrics(at)["B200 GPUs bought"] == "5.8M"  # USD 500B × 58% / USD 50,000
    at.slider(key="sg_share").set_value(100).run()
    assert metrics(at)["B200 GPUs bought"] == "10M"
    assert metrics(at)["B200 GPUs bought"] == model(pue=2.5, gpu="B200", share_pct=100).figs["gpus"].text("en")
    assert_clean(at)


def test_own_run_from_the_url():
    at = open_app(PAGE, lang="en", sg_run_musd="5.576")
    own = stargate.run_figures(FACTS, 5.576)
    assert own["own_cost"].text("en") == "USD 5.58M"  # what the reader typed, to three digits
    assert metrics(at)[f"Runs at {own['own_cost'].text('en')} each"] == own["own_runs"].text("en") == "89,700"
    at = open_app(PAGE, lang="ja", sg_run_musd="100")
    assert "5,000" in metrics(at).values()
    assert stargate.run_figures(FACTS, 100)["own_runs"].text("ja") in metrics(at).values()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_gpu_count_help_keeps_name_and_price_apart(lang):
    """The GPU count's help names the GPU and its price without running them together ("H1001基")."""
    at = open_app(PAGE, lang=lang, sg_gpu="B200")
    gpus = next(m for m in at.metric if "B200" in m.label)
    price = model(gpu="B200").figs["gpu_price"].text(lang)
    assert price in gpus.help and "B200" in gpus.help
    assert "B2001" not in gpus.help and "H1001" not in gpus.help
    if lang == "ja":
        assert f"B200：{price}" in gpus.help


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_power_and_energy_in_one_unit_each(lang):
    """Electricity in TWh and power in GW, as the figure model renders them, in both languages."""
    body = " ".join(m.value for m in at_default(lang).markdown)
    out = model()
    for name in ("gw", "na_gw", "twh", "us_twh"):
        assert out.figs[name].text(lang) in body
    assert " GW" in out.figs["gw"].text(lang) and " TWh" in out.figs["twh"].text(lang)


def at_default(lang: str):
    at = open_app(PAGE, lang=lang)
    assert_clean(at)
    return at


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_capex_chart_agrees_with_what_next(lang):
    """Stargate's capex chart (``core.capex``: the plans at the article's date) and What next's
    planned-spent-guided chart (``core.since``, with the data since) show the same plans and the
    same 2025 spending; the GAFAM companies the data name (Apple gives no capex guidance: no row)."""
    stargate_chart = at_default(lang).get("vega_lite_chart")[-1].proto
    rows = [d.data.data for d in stargate_chart.datasets]
    plans = capex.capex_figures(
        datasets.load("capex"), datasets.load("companies"), FACTS, DATES, datasets.load("sources")
    )
    what_next = open_app("app_pages/what_next.py", lang=lang).get("vega_lite_chart")
    since_rows = b"".join(d.data.data for c in what_next for d in c.datasets)
    for company in plans.companies:
        for amount in (company.plan, company.actual):
            if amount is not None:
                assert amount.mid.text(lang).encode() in since_rows, (company.ticker, amount.mid.text(lang))
    names = [load_strings(lang)[f"stargate.company.{tk}"] for tk in ("MSFT", "GOOGL", "AMZN", "META")]
    assert all(any(name.encode() in r for r in rows) for name in names)
    assert not any(load_strings(lang)["stargate.company.AAPL"].encode() in r for r in rows)
    spec = json.dumps(json.loads(stargate_chart.spec), ensure_ascii=False)
    assert plans.as_of.text(lang) in spec  # the legend says when the plans were stated
