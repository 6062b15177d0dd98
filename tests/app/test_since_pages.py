"""The evidence since the shock on screen, in both languages: the stock page's window to the latest
close (and the article's default unchanged), its since-the-shock view, What next's "Twenty months
on", the scaling page's later models, Home's card and the revisions on Sources. What the screen
shows is checked against the figure models (``core.since``, ``core.stocks``, ``core.scaling``)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from core import datasets, scaling, since, stocks
from core.formatting import fmt_date
from tests.app.conftest import clean, metrics, open_app, texts

STOCKS, NEXT, SCALING, SOURCES = (
    "app_pages/stocks.py",
    "app_pages/what_next.py",
    "app_pages/scaling_law.py",
    "app_pages/sources.py",
)
LANGS = ("en", "ja")
D = date.fromisoformat


@pytest.fixture(scope="module")
def data():
    return since.load_all()


@pytest.fixture(scope="module")
def fs(data):
    return since.figures(data)


@pytest.fixture(scope="module")
def joined(data):
    return since.closes(data["prices"], data["prices_since"])


def day(d: date, lang: str) -> str:
    return fmt_date(d, lang, "medium")


def table(at, header: str) -> pd.DataFrame:
    """The first table on the page with a column named ``header``."""
    return next(df.value for df in at.dataframe if header in df.value.columns)


# --- The stock page -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_article_window_is_unchanged(lang, data):
    """The default view's falls are those of prices.csv alone: the later closes change none of them."""
    at = open_app(STOCKS, lang=lang)
    clean(at)
    shock = stocks.shock_dates(data["dates"])
    article = stocks.drawdowns(data["prices"], shock.base, shock.start, shock.end).set_index("ticker")["change"]
    names = dict(zip(data["companies"]["ticker"], data["companies"][f"name_{lang}"]))
    shown = at.dataframe[0].value
    fall = shown.columns[2]
    for name, value in zip(shown.iloc[:, 0], shown[fall]):
        ticker = next(tk for tk, n in names.items() if n == name and tk != "GOOG")
        assert value == pytest.approx(article[ticker] * 100, abs=1e-9), name
    assert not at.query_params.get("s_end")


@pytest.mark.parametrize("lang", LANGS)
def test_the_window_runs_to_the_latest_close(lang, joined, data):
    at = open_app(STOCKS, lang=lang)
    end = at.date_input(key="s_end")
    assert end.max == joined["date"].max().date() == D("2026-09-15")  # the joined closes, not prices.csv's
    at.button(key="s_preset_l").click().run()
    text = clean(at)
    assert at.date_input(key="s_end").value == D("2026-09-15")
    # Oklo and NuScale end on 31 July 2026: measured to their own last close, and the page says so
    names = dict(zip(data["companies"]["ticker"], data["companies"][f"name_{lang}"]))
    short = "{} (closes to Jul 31, 2026)" if lang == "en" else "{}（終値は2026/07/31まで）"
    assert short.format(names["OKLO"]) in text and short.format(names["SMR"]) in text
    rt = at.dataframe[0].value
    latest_on = rt.columns[-1]
    by_name = rt.set_index(rt.columns[0])
    assert by_name.loc[names["OKLO"], latest_on] == day(D("2026-07-31"), lang)
    assert by_name.loc[names["NVDA"], latest_on] == day(D("2026-09-15"), lang)
    # the fall in the window is each company's own lowest close since the base (core.stocks on the closes)
    dd = stocks.drawdowns(joined, D("2025-01-24"), D("2025-01-27"), D("2026-09-15")).set_index("ticker")
    assert by_name.loc[names["OKLO"], rt.columns[2]] == pytest.approx(dd.loc["OKLO", "change"] * 100)
    assert by_name.loc[names["NVDA"], rt.columns[2]] == pytest.approx(dd.loc["NVDA", "change"] * 100)


@pytest.mark.parametrize(
    ("base", "start", "end"),
    [
        ("2025-01-24", "2025-01-27", "2026-01-30"),  # into 2026
        ("2025-03-31", "2025-04-01", "2025-04-30"),  # across the join of the two files
        ("2026-01-02", "2026-01-05", "2026-09-15"),  # a base in 2026
        ("2026-08-03", "2026-08-04", "2026-09-15"),  # a base after Oklo's and NuScale's last close
        ("2026-09-15", "2026-09-15", "2026-09-15"),  # the last day: no window after it
        ("2026-09-19", "2026-09-20", "2027-01-01"),  # after the data: clamped, said
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_windows_reaching_into_2026_run(base, start, end, lang):
    at = open_app(STOCKS, lang=lang, s_base=base, s_start=start, s_end=end)
    text = clean(at)
    assert "{" not in text
    assert len(at.get("vega_lite_chart")) == 3  # the bars, the lines, since the shock


def test_a_base_after_a_company_s_last_close_leaves_it_out():
    at = open_app(STOCKS, s_base="2026-08-03", s_start="2026-08-04", s_end="2026-09-15")
    clean(at)
    companies = list(at.dataframe[0].value.iloc[:, 0])
    assert "Oklo" not in companies and "NuScale Power" not in companies and "NVIDIA" in companies


@pytest.mark.parametrize("lang", LANGS)
def test_since_the_shock_view_is_the_figure_model(lang, fs):
    at = open_app(STOCKS, lang=lang)
    clean(at)
    groups = table(at, "GAFAM")
    col = groups.columns[0]
    rows = groups.set_index(col)
    change_row = rows.index[0]
    as_of_row = rows.index[-1]
    label = {"en": "Power", "ja": "電力"}[lang]
    assert rows.loc[change_row, label] == fs["group.power.change"].text(lang)
    assert rows.loc[as_of_row, label] == day(fs["group.power.change"].as_of, lang) == day(D("2026-07-31"), lang)
    assert rows.loc[as_of_row, "GAFAM"] == day(D("2026-09-15"), lang)
    body = texts(at)
    assert fs["stocks.base_on"].text(lang) in body


def test_without_the_later_closes_the_page_keeps_the_article_s_data(tmp_path, monkeypatch):
    import shutil

    from core.paths import DATA_DIR

    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    monkeypatch.setenv("SVE_DATA_DIR", str(folder))
    (folder / "prices_since.csv").write_text("date,ticker\n", encoding="utf-8")
    at = open_app(STOCKS)
    assert not at.exception
    assert len(at.error) == 1 and "data/prices_since.csv" in at.error[0].value
    assert at.date_input(key="s_end").max == D("2025-03-31")
    assert "Vistra, −28.3%" in texts(at)  # the article's figures still there
    assert len(at.get("vega_lite_chart")) == 2  # no since-the-shock view


# --- What next: "Twenty months on" --------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_twenty_months_on_shows_the_figure_model_with_dates(lang, fs):
    at = open_app(NEXT, lang=lang)
    body = clean(at)
    for name in (
        "capex.big4.actual_2025",
        "capex.big4.guidance_2026",
        "capex.big4.guidance_2026_vs_2025",
        "nvda.dc_latest",
        "nvda.dc_since_shock",
        "rental.on_demand.latest",
        "rental.contract_1y.low",
        "rental.contract_1y.rebound",
        "stargate.gw",
        "stargate.gw_first",
        "deals.openai_gw",
        "deepseek.latest_compute",
        "deepseek.latest_to_v3",
        "group.chips.change",
        "group.power.change",
    ):
        fig = fs[name]
        assert fig.text(lang) in body, name
        assert day(fig.as_of, lang) in body, (name, fig.as_of)
    derived, estimate = ("derived", "estimate") if lang == "en" else ("算出値", "推定")
    assert derived in body and estimate in body
    headers = [h.value for h in at.header]
    assert any(("Twenty months on" if lang == "en" else "20か月後") in h for h in headers)
    assert any(("does not" if lang == "en" else "しないこと") in h for h in headers)
    assert ("Correlation is not cause" if lang == "en" else "相関は因果ではありません") in body
    assert (
        "no elasticity can honestly be read off" if lang == "en" else "弾力性を正直に読み取ることはできません"
    ) in body


def test_the_tool_draws_the_observed_level_and_only_as_a_level(fs):
    """The model's chart carries one observed level (a rule at the Big Four's 2026/2025 ratio), never a
    point on its lines; the rental chart draws no line at all (two markets, never joined)."""
    at = open_app(NEXT)
    clean(at)
    charts = at.get("vega_lite_chart")
    model = charts[0].proto.spec
    assert '"observed"' in model
    ratio = fs["capex.big4.guidance_2026_ratio"]
    assert ratio.number == pytest.approx(fs["capex.big4.guidance_2026_vs_2025"].number + 1)
    rental = next(c.proto.spec for c in charts if "USD per GPU-hour" in c.proto.spec)
    assert '"line"' not in rental


def test_a_broken_later_file_stops_only_twenty_months_on(tmp_path, monkeypatch):
    import shutil

    from core.paths import DATA_DIR

    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    monkeypatch.setenv("SVE_DATA_DIR", str(folder))
    (folder / "gpu_rental.csv").write_text("", encoding="utf-8")
    at = open_app(NEXT)
    assert not at.exception
    assert len(at.error) == 1 and "data/gpu_rental.csv" in at.error[0].value
    assert len(at.metric) == 4  # the model still works
    assert len(at.get("vega_lite_chart")) == 1  # its chart, without the observed level


# --- The scaling page's later models -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_trend_can_include_the_later_models(lang, data):
    at = open_app(SCALING, lang=lang)
    before = clean(at)
    assert at.slider(key="sl_years").max == 2025
    at = open_app(SCALING, lang=lang, sl_later="true")
    body = clean(at)
    later = scaling.with_later(data["models_compute"], data["models_compute_since"], data["sources"])
    figs = scaling.trend_figures(later, 2020, 2026)
    assert at.slider(key="sl_years").max == 2026
    assert figs["fitted"].text(lang) in body and figs["doubling_months"].text(lang) in body
    assert figs["doubling_months"].text(lang) not in before  # the fit changes with them
    assert len(at.warning) == 1  # frontier models with no estimate at all
    revision = "3.5×10²⁴ FLOP"  # Epoch's DeepSeek-R1, revised from 5.17×10²⁴
    assert revision in body and "5.17×10²⁴ FLOP" in body
    assert revision in before  # the revisions are noted without the later models too


# --- Home and Sources ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_home_card_is_nvidia_since_the_shock(lang, fs):
    at = open_app(lang=lang)
    body = clean(at)
    card = {label: value for label, value in metrics(at).items() if "2026" in label}
    assert list(card.values()) == [fs["stock.NVDA.change"].text(lang)]
    assert day(fs["stock.NVDA.change"].as_of, lang) in next(iter(card))
    assert fs["group.power.change"].text(lang) in body and day(D("2026-07-31"), lang) in body


@pytest.mark.parametrize("lang", LANGS)
def test_sources_show_both_values_of_each_revision(lang, data):
    at = open_app(SOURCES, lang=lang)
    clean(at)
    body = texts(at)
    for r in since.revisions(data["models_compute"], data["models_compute_since"], data["sources"]):
        assert day(r.before_on, lang) in body and day(r.after_on, lang) in body
        assert f"`{r.before_source}`" in body and f"`{r.after_source}`" in body
    assert "5.17×10²⁴ FLOP" in body and "3.5×10²⁴ FLOP" in body


def test_every_since_file_is_validated():
    for name in since.DATASETS:
        assert len(datasets.load(name)) > 0, name
