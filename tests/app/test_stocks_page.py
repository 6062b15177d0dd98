"""The stock-reaction page through the real app: both languages, several windows, bad URLs."""

import re
from datetime import date

import pytest

from tests.app.conftest import open_app

PAGE = "app_pages/stocks.py"


def body(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [m.value for m in at.metric]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def clean(at):
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    text = body(at)
    assert not re.search(r"\b(nan|NaN|inf|NaT|None)\b|[{}]", text)
    return text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Vistra, −28.3%",
                "Broadcom, −17.4%",
                "Alphabet (Google) class A, −4.2%",
                "2 of 5 fell",
                "USD 589B",
                "closed −17.0%",
            ],
        ),
        ("ja", ["ビストラの−28.3%", "ブロードコムの−17.4%", "5銘柄中2銘柄が下落", "5890億ドル", "−17.0%"]),
    ],
)
def test_default_view_reproduces_the_article(lang, expected):
    at = open_app(PAGE, lang=lang)
    text = clean(at)
    for piece in expected:
        assert piece in text, piece
    assert "†" not in text  # no earnings inside the article's window
    table = at.dataframe[0].value
    assert len(table) == 14 and "GOOG" not in " ".join(table.iloc[:, 0])
    assert table.iloc[0, 2] == pytest.approx(-28.27, abs=0.01)  # Vistra first, largest fall
    assert not at.query_params.get("s_end")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_widen_to_the_article_date_flags_earnings(lang):
    at = open_app(PAGE, lang=lang)
    at.button(key="s_preset_w").click().run()
    text = clean(at)
    assert at.date_input(key="s_end").value == date(2025, 2, 7)
    assert at.query_params.get("s_end") == "2025-02-07"
    table = at.dataframe[0].value.set_index(at.dataframe[0].value.columns[0])
    assert round(table.iloc[:, 1].loc["Microsoft" if lang == "en" else "マイクロソフト"], 1) == -7.7
    assert (
        round(table.iloc[:, 1].loc["Alphabet (Google) class A" if lang == "en" else "アルファベット(グーグル)A株"], 1)
        == -7.4
    )
    assert ("Microsoft (results on Jan 29, 2025)" if lang == "en" else "マイクロソフト(2025/01/29に決算)") in text
    at.button(key="s_preset_a").click().run()
    assert at.date_input(key="s_end").value == date(2025, 1, 29) and "†" not in clean(at)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_weekend_dates_from_the_url_snap_and_say_so(lang):
    at = open_app(PAGE, lang=lang, s_base="2025-01-25", s_end="2025-02-08")
    text = clean(at)
    assert ("the close of Jan 24, 2025 is used" if lang == "en" else "2025/01/24の終値を使います") in text
    assert ("so it ends on Feb 7, 2025" if lang == "en" else "2025/02/07までとします") in text
    assert "Window start" not in text and "期間の開始：" not in text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_empty_window_gives_a_message_and_the_article_view(lang):
    at = open_app(PAGE, lang=lang, s_start="2025-01-29", s_end="2025-01-27")
    text = clean(at)
    assert len(at.warning) == 1
    assert ("Vistra, −28.3%" if lang == "en" else "ビストラの−28.3%") in text


@pytest.mark.parametrize(
    ("base", "start", "end"),
    [
        ("2024-12-02", "2024-12-03", "2025-03-31"),
        ("2025-03-28", "2025-03-31", "2025-03-31"),
        ("2025-03-31", "2025-03-31", "2025-03-31"),
        ("2025-02-07", "2025-01-01", "2025-02-20"),
    ],
)
def test_edge_windows_run(base, start, end):
    clean(open_app(PAGE, lang="ja", s_base=base, s_start=start, s_end=end))


def test_set_a_date_in_the_widget():
    at = open_app(PAGE)
    at.date_input(key="s_end").set_value(date(2025, 3, 31)).run()
    text = clean(at)
    assert "Jan 27, 2025–Mar 31, 2025" in text


def test_extras_and_group_toggles():
    at = open_app(PAGE, s_more="true", s_groups="power,bogus")
    clean(at)
    assert len(at.dataframe[0].value) == 26
    at = open_app(PAGE, s_groups="")
    text = clean(at)
    assert "No group is selected" in text


@pytest.fixture(scope="module")
def data():
    from core import datasets

    return {n: datasets.load(n) for n in ("prices", "companies", "events", "facts", "dates")}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_nvidia_card_shows_the_one_day_figures(lang, data):
    """The card's value and line are nvda_record_day's figures, as the tour's first step shows them."""
    from core import headlines

    record = headlines.nvda_record_day(data["prices"], data["events"], data["facts"]).texts(lang)
    at = open_app(PAGE, lang=lang)
    text = clean(at) + "\n".join(m.label for m in at.metric)
    assert record["nvda_value_lost"] in [m.value for m in at.metric]
    for name in ("nvda_day", "nvda_one_day", "nvda_prev_day"):
        assert record[name] in text, name


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_base_after_the_article_date_drops_its_column(lang):
    """With a base after 7 February, a 'change at 7 February' column would contradict its heading."""
    at = open_app(PAGE, lang=lang, s_base="2025-02-10", s_start="2025-02-11", s_end="2025-02-20")
    text = clean(at)
    columns = list(at.dataframe[0].value.columns)
    assert not any(("Feb 7" if lang == "en" else "2025/02/07") in c for c in columns), columns
    # each company's change at its own latest close, with that day in a column of its own
    assert ("Change at its latest close" if lang == "en" else "最新の終値での変化率") in columns, columns
    assert ("comes before this base" if lang == "en" else "この基準日より前") in text
    at = open_app(PAGE, lang=lang)
    assert any(("Feb 7" if lang == "en" else "2025/02/07") in c for c in at.dataframe[0].value.columns)
