"""The scenarios page: every preset in both languages, URL state, inputs at their extremes."""

import pytest

from core import datasets
from core import scenarios as S
from core.content import load_strings
from core.hardware import spec_source
from tests.app.conftest import clean, metrics, open_app, texts
from ui.cite import _labels

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


DATA = {n: datasets.load(n) for n in ("presets", "facts", "gpus")}
CHECKS = S.check_figures(**DATA)
STRINGS = {lang: load_strings(lang) for lang in ("en", "ja")}
DATA_SOURCES = datasets.load("sources")


def assert_clean(at) -> str:
    """``clean`` (no exception, error or NaN), and no metric stands in for a non-finite number."""
    text = clean(at)
    assert "—" not in metrics(at).values()
    return text


def shown(o: S.Outcome, lang: str) -> dict[str, str]:
    """The results as the page should show them, by metric label: the figure model's texts."""
    words, f = STRINGS[lang], o.figures
    names = {"flops": "flops", "gpu_hours": "gpu_hours", "days": "days", f"cost_{o.scenario.cost_mode}": "cost"}
    names |= {"energy_cost": "energy_cost", "scenario_runs": "scenario_runs", "energy": "energy", "power": "power"}
    return {words[f"scenarios.out.{label}"]: f[name].text(lang) for label, name in names.items()}


def basis_line(line: S.BasisLine, lang: str) -> str:
    """How the list of facts and assumptions starts an input's line: '**Active parameters**: 70B · your own value'."""
    words = STRINGS[lang]
    name = words[f"scenarios.field.{line.field}"].split(" (")[0].split("(")[0]
    value = line.option if line.value is None else line.value.text(lang)
    if line.field == "precision":
        value = S.PRECISION_LABELS[line.option]
    elif line.field == "cost_mode":
        value = words[f"scenarios.cost_mode.{line.option}"]
    if line.field == "kw_per_gpu":
        value = words["scenarios.unit.kw"].format(v=value)
    colon = "：" if lang == "ja" else ": "
    return f"**{name}**{colon}{value} · {words[f'scenarios.basis.{line.basis}']}"


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
    # a link with the preset and the values it wrote gives the same page, and what the model returns
    link = {k: v for k, v in at.query_params.items() if k != "lang"}
    assert shown(S.outcome(**DATA, params=link), lang).items() <= metrics(at).items()
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
    text = texts(open_app(PAGE, lang="en"))
    for expected in (
        "**34.6%**",
        "**17.3%**",
        "**2.664M GPU-hours**",
        "**USD 5.328M**",
        "**38% to 43%**",
        "**24.75M to 28.01M GPU-hours**",
        "**30.84M**",
        "by −20% to −9%",  # one range, from the lower value to the higher
        "±20%",
    ):
        assert expected in text, expected
    assert metrics(open_app(PAGE, lang="en"))["Llama 3.1 405B: computed vs reported"] == "−20% to −9%"
    text = texts(open_app(PAGE, lang="ja"))
    for expected in ("**34.6%**", "**266.4万 GPU時間**", "**532.8万ドル**", "**2475万〜2801万 GPU時間**", "**3084万**"):
        assert expected in text, expected
    assert "−20%〜−9%" in text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_checks_show_the_model_figures(lang):
    text = texts(open_app(PAGE, lang=lang))
    for name, fig in CHECKS.items():
        if not name.startswith("gpt4"):  # (GPT-4's figures describe the GPT-4 preset)
            assert fig.text(lang) in text, name


def test_sourced_facts_and_assumptions_are_labelled():
    text = texts(open_app(PAGE, lang="en"))
    assert "**Active parameters**: 37B · sourced fact · DeepSeek-V3 Technical Report" in text
    assert "**Depreciation**: 4 · our assumption" in text
    assert "**Model FLOPs utilisation**: 17.31% · computed from sources" in text
    at = open_app(PAGE, lang="en", sc_preset="gpt4")
    assert "third-party estimate" in texts(at) and "2.1×10²⁵" in texts(at)


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


# --- hand-made links: the description follows the inputs ----------------------------------------


def _description_shown(at, o: S.Outcome, lang: str) -> str:
    """Assert that the page lists every input as the model describes it; return the page's text."""
    text = assert_clean(at)
    for line in o.description.lines:
        assert basis_line(line, lang) in text, line
    return text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_own_values_without_a_preset_are_described_as_yours(lang):
    params = dict(sc_active="70", sc_tokens="1.4")
    at = open_app(PAGE, lang=lang, **params)
    o = S.outcome(**DATA, params=params)
    assert o.description.base == "v3" and set(o.description.changed) == {"active_params", "tokens"}
    text = _description_shown(at, o, lang)
    own = STRINGS[lang]["scenarios.basis.yours"]
    assert basis_line(next(x for x in o.description.lines if x.field == "active_params"), lang).endswith(own)
    assert "70" in basis_line(o.description.lines[0], lang)
    assert "**Active parameters**: 37B" not in text  # the preset's value is not described beside a 70B input
    custom = STRINGS[lang]["scenarios.desc.custom"].format(base=STRINGS[lang]["scenarios.preset.v3"])
    assert custom in text and STRINGS[lang]["scenarios.desc.v3"][:30] not in text
    assert shown(o, lang).items() <= metrics(at).items()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_preset_with_a_changed_input_marks_only_that_input(lang):
    params = dict(sc_preset="llama", sc_gpus="8192")
    at = open_app(PAGE, lang=lang, **params)
    o = S.outcome(**DATA, params=params)
    assert o.description.base == "llama" and o.description.changed == ("n_gpus",)
    text = _description_shown(at, o, lang)
    lines = {x.field: x for x in o.description.lines}
    assert lines["n_gpus"].basis == "yours" and lines["active_params"].source_id == "EPM"
    custom = STRINGS[lang]["scenarios.desc.custom"].format(base=STRINGS[lang]["scenarios.preset.llama"])
    assert custom in text
    assert shown(o, lang).items() <= metrics(at).items()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_gpu_in_the_link_brings_its_own_power_and_rent(lang):
    gpus = DATA["gpus"]
    at = open_app(PAGE, lang=lang, sc_gpu="B200")
    o = S.outcome(**DATA, params={"sc_gpu": "B200"})
    text = _description_shown(at, o, lang)
    rent = S.gpu_defaults(DATA["facts"], gpus, "B200")
    assert at.number_input(key="sc_rent").value == pytest.approx(rent["rent_usd_per_gpu_hour"])
    assert at.number_input(key="sc_kw").value == pytest.approx(rent["kw_per_gpu"], abs=1e-3)
    lines = {x.field: x for x in o.description.lines}
    assert lines["gpu"].basis == "yours"
    assert lines["rent_usd_per_gpu_hour"].source_id == spec_source(gpus, "B200", "rental_usd_per_hour")
    assert lines["rent_usd_per_gpu_hour"].basis == "assumption" and lines["kw_per_gpu"].basis == "derived"
    assert _labels(DATA_SOURCES, lang)[lines["rent_usd_per_gpu_hour"].source_id] in text  # in the page's language
    assert "H800" not in basis_line(lines["gpu"], lang)
    assert shown(o, lang).items() <= metrics(at).items()
    # a rent in the link too: the reader's, not the GPU's
    at = open_app(PAGE, lang=lang, sc_gpu="B200", sc_rent="5")
    o = S.outcome(**DATA, params={"sc_gpu": "B200", "sc_rent": "5"})
    _description_shown(at, o, lang)
    assert at.number_input(key="sc_rent").value == 5.0
    assert {x.field: x for x in o.description.lines}["rent_usd_per_gpu_hour"].basis == "yours"
