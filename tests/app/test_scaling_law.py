"""The scaling-law page through the real entry point: both languages, every control at both ends."""

import pytest

from core.content import load_strings
from tests.app.conftest import clean, metrics, open_app, texts

PAGE = "app_pages/scaling_law.py"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_defaults_show_the_optimum(lang):
    at = open_app(PAGE, lang=lang)
    clean(at)
    m = metrics(at)
    if lang == "en":
        assert m["Compute-optimal model size"] == "96B"  # replication fit at 10²⁴ FLOP
        assert m["Training tokens"] == "1.74T"  # three significant digits in both languages
        assert m["Predicted loss"] == "1.959"
        assert m["H800 GPU-hours"] == "802K"  # 10²⁴ / (989 TFLOPS × 35% × 3600)
        assert m["Cost of the budget (rental)"] == "USD 1.6M"
        body = texts(at)
        assert "July 2006" in body and "June 12, 2017" in body and "November 30, 2022" in body
        assert "doubled every" in body and "×2.7 a year" in body
    else:
        assert m["計算最適なモデル規模"] == "960億"
        assert m["予測損失"] == "1.959"
        hours = load_strings("ja")["scaling.money.hours"].format(gpu="H800")  # H800のGPU時間
        assert m["学習トークン数"] == "1.74兆" and m[hours] == "80.2万"
        assert "2006年7月" in texts(at)
    assert len(at.get("vega_lite_chart")) == 3


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("compute", ["1e21", "1e27"])
@pytest.mark.parametrize("fit", ["hoffmann", "besiroglu"])
def test_compute_slider_ends(lang, compute, fit):
    at = open_app(PAGE, lang=lang, sl_c=compute, sl_fit=fit)
    clean(at)
    assert at.select_slider(key="_choice_sl_c").value == compute
    assert len(metrics(at)) == 5


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("price", "mfu", "gpu"), [("0.5", "10", "A100"), ("10.0", "70", "B200")])
def test_money_controls_at_both_ends(lang, price, mfu, gpu):
    at = open_app(PAGE, lang=lang, sl_price=price, sl_mfu=mfu, sl_gpu=gpu, sl_c="1e27")
    clean(at)
    assert at.slider(key="sl_price").value == float(price)
    assert at.selectbox(key="sl_gpu").value == gpu


def test_a_bigger_budget_lowers_loss_and_costs_more():
    small = metrics(open_app(PAGE, sl_c="1e22"))
    big = metrics(open_app(PAGE, sl_c="1e26"))
    assert float(big["Predicted loss"]) < float(small["Predicted loss"])
    assert big["Cost of the budget (rental)"].endswith("M") and small["Cost of the budget (rental)"].endswith("K")


def test_chinchilla_budget_neighbourhood_under_the_rule():
    at = open_app(PAGE, sl_c="1e24")
    assert "Rule of thumb (20 tokens per parameter): 91.3B parameters on 1.83T tokens" in texts(at)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_one_year_period_without_enough_models_says_so(lang):
    at = open_app(PAGE, lang=lang, sl_years=["2020", "2020"])
    clean(at)
    assert len(at.info) == 1


def test_bad_url_values_fall_back():
    at = open_app(PAGE, sl_c="1e99", sl_fit="kaplan", sl_gpu="Z9000", sl_mfu="0", sl_price="-3")
    clean(at)
    assert at.select_slider(key="_choice_sl_c").value == "1e24"
    assert metrics(at)["Predicted loss"] == "1.959"


def test_moving_the_slider_updates_the_url():
    at = open_app(PAGE)
    at.select_slider(key="_choice_sl_c").set_value("3e25").run()
    clean(at)
    assert at.query_params.get("sl_c") in ("3e25", ["3e25"])
