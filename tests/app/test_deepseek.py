"""The DeepSeek page through the real entry point: both languages, headline numbers, every control at its ends."""

import pytest

from core import datasets
from core import deepseek as ds
from tests.app.conftest import clean, metrics, open_app

PAGE = "app_pages/deepseek.py"
FACTS, GPUS, PEERS = (datasets.load(n) for n in ("facts", "gpus", "peer_costs"))


EXPECTED = {
    "en": {
        "Final training run": "USD 5.576M",
        "In yen": "JPY 870M",
        "GPU-hours per trillion tokens": "180K",
        "Days per trillion tokens": "3.66",
        "Server spending (reported)": "USD 1.6B",
    },
    "ja": {
        "最終的な学習1回分": "557.6万ドル",
        "円に換算": "8.7億円",
        "1兆トークンあたりのGPU時間": "18万",
        "1兆トークンあたりの日数": "3.66",
        "サーバー投資額(報道)": "16億ドル",
    },
}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_defaults_show_the_reports_numbers(lang):
    at = open_app(PAGE, lang=lang)
    body = clean(at)
    m = metrics(at)
    for label, value in EXPECTED[lang].items():
        assert m[label] == value, label
    table = at.table[0].value
    assert list(table.iloc[:, 1]) == (
        ["USD 5.328M", "USD 238K", "USD 10K", "USD 5.576M"]
        if lang == "en"
        else ["532.8万ドル", "23.8万ドル", "1万ドル", "557.6万ドル"]
    )
    assert len(at.get("vega_lite_chart")) == 4  # peers, dense vs MoE, V3 benchmarks, R1 vs o1
    assert len(at.warning) == 1  # the caveat, in plain sight
    if lang == "en":
        assert "156.03 yen per dollar" in body
        assert "about **17.9** DeepSeek-V3 runs" in body and "above **1.8×**" in body
        assert "**18.1×** the compute" in body and "**USD 96.62M**" in body
        assert "**5 of 10**" in body and "2,029 against 2,061" in body
        assert "roughly **1/18**" in body and "**USD 1B–USD 1.6B**" in body
    else:
        assert "1ドル=156.03円" in body
        assert "約**17.9**回分" in body and "**5種**" not in body and "**10種中5種**" in body


@pytest.mark.parametrize(("price", "total"), [(0.5, "USD 1.394M"), (8.0, "USD 22.3M"), (2.0, "USD 5.576M")])
def test_price_moves_the_total(price, total):
    at = open_app(PAGE, lang="en")
    at.slider(key="ds_price").set_value(price).run()
    clean(at)
    assert metrics(at)["Final training run"] == total == ds.bill_figures(FACTS, price)["bill_total"].text("en")


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("price", "fx"), [(2.5, 150.0), (0.5, 50.0), (8.0, 300.0)])
def test_the_bill_shows_the_model_figures(lang, price, fx):
    """Every figure of the bill as the figure model renders it, in both languages (the yen at
    three significant digits in both: JPY 1.05B / 10.5億円, not JPY 1B)."""
    at = open_app(PAGE, lang=lang, ds_price=str(price), ds_fx=str(fx))
    clean(at)
    bill = ds.bill_figures(FACTS, price, fx)
    shown = list(metrics(at).values())
    for name in ("bill_total", "bill_jpy", "per_t_hours", "days_per_t", "fleet_gpus", "fleet_capex", "fleet_value"):
        assert bill[name].text(lang) in shown, name
    table = at.table[0].value
    assert list(table.iloc[:, 1]) == [
        bill[f"cost_{c}"].text(lang) for c in ("pretraining", "context_extension", "post_training", "total")
    ]
    if (price, fx) == (2.5, 150.0):
        assert bill["bill_jpy"].text(lang) == ("JPY 1.05B" if lang == "en" else "10.5億円")


@pytest.mark.parametrize("raw", ["0", "100", "abc", "-3", "nan"])
def test_bad_price_in_the_url_falls_back(raw):
    at = open_app(PAGE, lang="en", ds_price=raw, ds_fx=raw, ds_overhead=raw, ds_active=raw)
    clean(at)
    assert metrics(at)["Final training run"].startswith("USD ")


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("rate", [50.0, 300.0])
def test_exchange_rate_ends(lang, rate):
    at = open_app(PAGE, lang=lang)
    at.number_input(key="ds_fx").set_value(rate).run()
    clean(at)
    yen = {50.0: ("JPY 279M", "2.79億円"), 300.0: ("JPY 1.67B", "16.7億円")}[rate][lang == "ja"]
    assert metrics(at)[list(EXPECTED[lang])[1]] == yen == ds.bill_figures(FACTS, fx=rate)["bill_jpy"].text(lang)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("overhead", [1, 10, 300])
@pytest.mark.parametrize("on_all", [False, True])
def test_overhead_multiplier_moves_the_comparison(lang, overhead, on_all):
    at = open_app(PAGE, lang=lang)
    at.select_slider(key="ds_overhead").set_value(overhead).run()
    at.toggle(key="ds_overhead_all").set_value(on_all).run()
    body = clean(at)
    peers = ds.peer_figures(FACTS, PEERS, None, overhead, on_all)
    assert f"**{peers['gpt4o_in_v3_runs'].text(lang)}**" in body
    if lang == "en":
        runs = "17.9" if on_all or overhead == 1 else {10: "1.8", 300: "0.1"}[overhead]
        assert f"about **{runs}** DeepSeek-V3 runs" in body
        if not on_all and overhead == 10:
            assert "**USD 55.76M**" in body


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("active", "ratio"), [(1, "671"), (37, "18.1"), (671, "1")])
def test_active_parameter_slider_ends(lang, active, ratio):
    at = open_app(PAGE, lang=lang)
    at.slider(key="ds_active").set_value(active).run()
    body = clean(at)
    assert (f"**{ratio}×**" if lang == "en" else f"**{ratio}倍**") in body
    why = ds.why_figures(FACTS, GPUS, active * 1e9)
    for name in ("dense_hours", "dense_cost", "moe_hours", "moe_cost"):
        assert f"**{why[name].text(lang)}**" in body, name


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_benchmark_selector(lang):
    at = open_app(PAGE, lang=lang)
    at.multiselect(key="ds_bench").set_value([]).run()
    clean(at)
    assert len(at.info) == 1  # asked to pick one; the default set is shown
    assert len(at.get("vega_lite_chart")) == 4
    options = at.multiselect(key="ds_bench").options
    at.multiselect(key="ds_bench").set_value(options).run()
    body = clean(at)
    if lang == "en":
        assert "On these 24 benchmarks" in body and "open-weights models on **22**" in body


def test_price_slider_reaches_the_llama_comparison():
    at = open_app(PAGE, lang="en")
    at.slider(key="ds_price").set_value(3.0).run()
    body = clean(at)
    assert "for about **11.1**" in body  # Llama priced at the same rate: the ratio holds
    assert "USD 92.52M" in list(at.table[1].value["USD"])  # 30.84M GPU-hours × USD 3, in the table of estimates


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_url_reproduces_the_view(lang):
    at = open_app(
        PAGE, lang=lang, ds_price="3", ds_overhead="10×", ds_overhead_all="false", ds_active="671", ds_bench="MMLU (EM)"
    )
    body = clean(at)
    assert metrics(at)[list(EXPECTED[lang])[0]] == ("USD 8.364M" if lang == "en" else "836.4万ドル")
    assert at.select_slider(key="ds_overhead").value == 10
    assert at.slider(key="ds_active").value == 671
    assert at.multiselect(key="ds_bench").value == ["MMLU (EM)"]
    assert ("**USD 83.64M**" if lang == "en" else "**8364万ドル**") in body
    total = next(m for m in at.metric if m.label == list(EXPECTED[lang])[0])
    # the delta names the report's price as the hourly rate it is, not a bare "USD 2"
    assert total.proto.delta == (
        "+USD 2.788M vs the report's USD 2 per GPU-hour"
        if lang == "en"
        else "報告書の1GPU時間2ドルと比べて+278.8万ドル"
    )
