"""The Stargate page in both languages: default figures, every control at its extremes, bad URLs."""

import pytest

from tests.app.conftest import open_app

PAGE = "app_pages/stargate.py"
BAD = ("nan", "inf", "NaN", "None")


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
    at.segmented_control(key="sg_gpu").set_value("B200").run()
    assert metrics(at)["B200 GPUs bought"] == "5.8M"  # USD 500B × 58% / USD 50,000
    at.slider(key="sg_share").set_value(100).run()
    assert metrics(at)["B200 GPUs bought"] == "10M"
    assert_clean(at)


def test_own_run_from_the_url():
    at = open_app(PAGE, lang="en", sg_run_musd="5.576")
    assert metrics(at)["Runs at USD 5.6M each"] == "89,700"
    at = open_app(PAGE, lang="ja", sg_run_musd="100")
    assert "5,000" in metrics(at).values()
