"""Every page in both languages through the real entry point; language selection; broken data."""

import re
import shutil

import pytest

from core.paths import DATA_DIR
from tests.app.conftest import PAGES, open_app
from ui.pages import ALL_PAGES

TITLES = {"en": "Scale vs Efficiency", "ja": "規模か、効率か"}


def texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [m.value for m in at.metric]
    parts += [m.label for m in at.metric] + [h.value for h in at.title] + [h.value for h in at.header]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_every_page_runs_in_both_languages(page, lang):
    at = open_app(page.file, lang=lang)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title, "page has a title"
    body = texts(at)
    assert not re.search(r"\b(nan|NaN|inf|NaT|None)\b", body)
    if lang == "ja":
        assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in at.title[0].value)


def test_pages_listed_in_article_order_and_only_existing():
    ids = [p.id for p in PAGES]
    assert ids == [p.id for p in ALL_PAGES if p in PAGES]
    assert ids[0] == "home" and ids[-1] == "sources"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        # the cost cards, the shock's market cards, then NVIDIA since the shock (to its latest close)
        ("en", ["USD 5.576M", "USD 500B", "−17.0%", "−21.6%", "−4.2%", "+48.8%"]),
        ("ja", ["557.6万ドル", "5000億ドル", "−17.0%", "−21.6%", "−4.2%", "+48.8%"]),
    ],
)
def test_home_headline_figures(lang, expected):
    at = open_app(lang=lang)
    assert [m.value for m in at.metric] == expected
    body = texts(at)
    assert ("Broadcom: −17.4%" if lang == "en" else "ブロードコム：−17.4%") in body
    from core.datasets import load
    from core.headlines import cost_figures

    assert cost_figures(load("facts"))["gpt4o_to_v3"].text(lang) in body  # ≈18× / 約18倍: the figure model's text
    assert ("Vistra" if lang == "en" else "ビストラ") in body


def test_language_from_browser_locale():
    assert open_app(locale="ja-JP").title[0].value == TITLES["ja"]
    assert open_app(locale="de-DE").title[0].value == TITLES["en"]


def test_url_language_wins_over_locale():
    assert open_app(lang="ja", locale="en-US").title[0].value == TITLES["ja"]
    assert open_app(lang="en", locale="ja-JP").title[0].value == TITLES["en"]


@pytest.mark.parametrize("bad", ["xx", "<script>alert(1)</script>", "", "JA", "ja\u0000"])
def test_bad_language_parameter_falls_back(bad):
    at = open_app(lang=bad)
    assert not at.exception
    assert at.title[0].value == TITLES["en"]
    assert "lang" not in at.query_params


def test_switching_language_updates_url_and_text():
    at = open_app()
    assert "lang" not in at.query_params
    at.segmented_control[0].set_value("ja").run()
    assert at.title[0].value == TITLES["ja"] and at.query_params.get("lang") == "ja"
    at.switch_page("app_pages/sources.py").run()
    assert at.title[0].value == "出典" and at.query_params.get("lang") == "ja"
    at.segmented_control[0].set_value("en").run()
    assert at.title[0].value == "Sources" and "lang" not in at.query_params


@pytest.fixture
def broken_prices(tmp_path, monkeypatch):
    for p in DATA_DIR.glob("*.csv"):
        shutil.copy(p, tmp_path / p.name)
    path = tmp_path / "prices.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("2025-01-27,NVDA,118.42", "2025-01-27,NVDA,oops"), encoding="utf-8"
    )
    monkeypatch.setenv("SVE_DATA_DIR", str(tmp_path))
    return path


def test_broken_file_gives_a_clear_message_and_other_parts_work(broken_prices):
    at = open_app()
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert "data/prices.csv" in message and "`close`" in message and "oops" in message
    line = next(i for i, text in enumerate(broken_prices.read_text().splitlines(), 1) if "oops" in text)
    assert f"line {line}" in message
    assert [m.value for m in at.metric][:2] == ["USD 5.576M", "USD 500B"]  # cost cards still shown
    at.switch_page("app_pages/sources.py").run()
    assert not at.exception and at.title[0].value == "Sources"
    assert len(at.error) == 1  # the Sources page names the broken file too, and lists the rest


def test_unknown_url_parameter_is_named_and_dropped():
    at = open_app(lang="ja", foo="<script>alert(1)</script>")
    assert not at.exception
    assert [x.value for x in at.toast] == ["リンク内の一部の設定は使えなかったため、初期値に戻しました：`foo`"]
    assert at.query_params == {"lang": "ja"}
    assert all("<script>" not in m.value for m in at.markdown)


def test_valid_url_gives_no_notice():
    assert not open_app(lang="ja").toast
    assert not open_app().toast


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_presenter_view_from_the_url(lang):
    at = open_app(lang=lang, present="1")
    assert not at.exception and not at.toast
    assert at.query_params.get("present") == "1"
    assert not at.toggle  # no sidebar toggle in presenter view, an exit button instead
    exit_label = "Leave presenter view" if lang == "en" else "プレゼンター表示を終える"
    at.button(key="_present_exit").click().run()
    assert "present" not in at.query_params
    assert at.toggle[0].label == ("Presenter view" if lang == "en" else "プレゼンター表示")
    at.toggle[0].set_value(True).run()
    assert at.query_params.get("present") == "1"
    assert exit_label


def test_presenter_view_offers_an_audience_qr_code(monkeypatch):
    monkeypatch.setenv("SVE_PUBLIC_URL", "https://talk.example.org/")
    at = open_app(lang="ja", present="1")
    assert not at.exception
    codes = [c.value for c in at.code]
    assert codes == ["https://talk.example.org?lang=ja"]
    assert not open_app().code  # readers' view: no QR
