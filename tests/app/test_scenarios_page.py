"""The scenarios page: every preset in both languages, URL state, inputs at their extremes."""

import re

import pytest

from core import datasets
from core import scenarios as S
from tests.app.conftest import open_app

PAGE = "app_pages/scenarios.py"
PRESET = "_choice_sc_preset"

# (GPU-hours, cost) as the page shows them, per preset and language
SHOWN = {
    ("v3", "en"): ("2.664M", "USD 5.328M"),
    ("v3", "ja"): ("266.4万", "532.8万ドル"),
    ("llama", "en"): ("26.28M", "USD 29.47M"),
    ("llama", "ja"): ("2628万", "2947万ドル"),
    ("gpt4", "en"): ("57M", "USD 62.69M"),
    ("gpt4", "ja"): ("5700万", "6269万ドル"),
    ("own", "en"): ("412.7K", "USD 1.234M"),
    ("own", "ja"): ("41.27万", "123.4万ドル"),
}


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def body(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [m.value for m in at.metric]
    parts += [m.label for m in at.metric] + [i.value for i in at.info] + [w.value for w in at.warning]
    return "\n".join(str(p) for p in parts)


def assert_clean(at) -> None:
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert not re.search(r"\b(nan|NaN|inf|NaT|None)\b", body(at))
    assert "—" not in [m.value for m in at.metric]  # the formatters' stand-in for a non-finite number


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("preset", S.PRESETS)
def test_every_preset_by_click_and_by_link(preset, lang):
    hours, cost = SHOWN[(preset, lang)]
    at = open_app(PAGE, lang=lang)
    at.pills(key=PRESET).set_value(preset).run()
    assert_clean(at)
    values = list(metrics(at).values())
    assert values[1] == hours and values[3] == cost
    if preset != "v3":
        assert at.query_params.get("sc_preset") == preset
    # a link with the preset and the values it wrote gives the same page
    link = {k: v for k, v in at.query_params.items() if k != "lang"}
    again = open_app(PAGE, lang=lang, **link)
    assert_clean(again)
    assert list(metrics(again).values())[:4] == values[:4]


@pytest.mark.parametrize("preset", ["llama", "gpt4"])
def test_a_preset_name_alone_in_the_link_sets_every_input(preset):
    at = open_app(PAGE, lang="en", sc_preset=preset)
    assert_clean(at)
    assert list(metrics(at).values())[1] == SHOWN[(preset, "en")][0]
    expected = S.ui_values(S.preset_values(*[datasets.load(n) for n in ("presets", "facts", "gpus")], preset))
    assert at.number_input(key="sc_active").value == expected["sc_active"]
    assert at.number_input(key="sc_gpus").value == expected["sc_gpus"]
    assert at.selectbox(key="sc_gpu").value == expected["sc_gpu"]


def test_a_preset_click_sets_every_control_and_editing_makes_it_your_own():
    at = open_app(PAGE, lang="en")
    at.pills(key=PRESET).set_value("llama").run()
    assert at.number_input(key="sc_active").value == 405.0 and at.number_input(key="sc_total").value == 405.0
    assert at.number_input(key="sc_tokens").value == 15.6 and at.number_input(key="sc_gpus").value == 16384
    assert at.selectbox(key="sc_gpu").value == "H100" and at.segmented_control(key="sc_prec").value == "BF16"
    assert at.slider(key="sc_mfu").value == 40.5
    assert at.query_params.get("sc_gpus") == "16384" and at.query_params.get("sc_cost") == "own"
    at.number_input(key="sc_gpus").set_value(8192).run()
    assert at.pills(key=PRESET).value == "own"
    assert list(metrics(at).values())[1] == "26.28M"  # same GPU-hours ...
    assert list(metrics(at).values())[2] == "133.7 days"  # ... twice the days
    at.pills(key=PRESET).set_value("v3").run()
    assert at.number_input(key="sc_gpus").value == 2048 and "sc_gpus" not in at.query_params


def test_the_checks_show_the_published_numbers():
    text = body(open_app(PAGE, lang="en"))
    for expected in (
        "**34.6%**",
        "**17.3%**",
        "**2.664M GPU-hours**",
        "**USD 5.328M**",
        "**38% to 43%**",
        "**24.75M to 28.01M GPU-hours**",
        "**30.84M**",
        "−9% to −20%",
        "±20%",
    ):
        assert expected in text, expected
    text = body(open_app(PAGE, lang="ja"))
    for expected in ("**34.6%**", "**266.4万 GPU時間**", "**532.8万ドル**", "**2475万〜2801万 GPU時間**", "**3084万**"):
        assert expected in text, expected


def test_sourced_facts_and_assumptions_are_labelled():
    text = body(open_app(PAGE, lang="en"))
    assert "**Active parameters**: 37B · sourced fact · DeepSeek-V3 Technical Report" in text
    assert "**Depreciation**: 4 · our assumption" in text
    assert "**Model FLOPs utilisation**: 17.31% · computed from sources" in text
    at = open_app(PAGE, lang="en", sc_preset="gpt4")
    assert "third-party estimate" in body(at) and "2.1×10²⁵" in body(at)


def test_fp8_on_an_a100_is_explained():
    at = open_app(PAGE, lang="en", sc_gpu="A100", sc_prec="FP8")
    assert_clean(at)
    assert any("A100" in i.value and "BF16" in i.value for i in at.info)


def test_a_model_too_big_for_the_cluster_is_flagged():
    at = open_app(PAGE, lang="ja", sc_preset="llama", sc_gpus="8")
    assert_clean(at)
    assert at.warning and "学習状態：メモリに収まらない" in metrics(at)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("end", ["lo", "hi"])
def test_all_inputs_at_their_extremes(lang, end):
    at = open_app(PAGE, lang=lang)

    def set_all(keys):
        for c in S.NUMBER_CONTROLS:
            if c.key in keys:
                value = getattr(c, end)
                widget = (
                    at.slider(key=c.key) if c.key in ("sc_mfu", "sc_years", "sc_pue") else at.number_input(key=c.key)
                )
                widget.set_value(int(value) if c.integer else float(value))
        at.run()
        assert_clean(at)

    set_all({c.key for c in S.NUMBER_CONTROLS} - {"sc_buy", "sc_years"})  # renting: purchase inputs disabled
    at.segmented_control(key="_choice_sc_cost").set_value("own").run()
    set_all({"sc_buy", "sc_years"})
    for gpu in ("A100", "B200"):
        for prec in ("BF16", "FP8"):
            at.selectbox(key="sc_gpu").set_value(gpu)
            at.segmented_control(key="sc_prec").set_value(prec)
            at.run()
            assert_clean(at)
    for axis in ("gpus", "mfu"):
        at.segmented_control(key="_choice_sc_x").set_value(axis).run()
        assert_clean(at)
        assert len(at.get("vega_lite_chart")) == 3  # cost, days, comparison: never blank


@pytest.mark.parametrize(
    "junk",
    [
        dict(sc_gpus="0", sc_mfu="0"),
        dict(sc_gpus="-5", sc_mfu="-1"),
        dict(sc_mfu="1000", sc_gpus="1e12"),
        dict(sc_tokens="abc", sc_active="nan", sc_pue="0.2"),
        dict(sc_gpu="XYZ", sc_prec="fp4", sc_cost="lease"),
        dict(sc_preset="<script>", sc_x="zz", sc_kwh="inf"),
    ],
)
def test_bad_links_fall_back_without_errors(junk):
    at = open_app(PAGE, lang="en", **junk)
    assert_clean(at)
    assert at.number_input(key="sc_gpus").value >= 1 and at.slider(key="sc_mfu").value >= 1
    assert len(at.metric) == 11


def test_zero_gpus_and_zero_mfu_are_clamped_not_dropped():
    at = open_app(PAGE, lang="en", sc_gpus="0", sc_mfu="0")
    assert at.number_input(key="sc_gpus").value == 1 and at.slider(key="sc_mfu").value == 1.0
