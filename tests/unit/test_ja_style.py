"""Japanese house style over content/ja (and the glossary over both languages): full-width
punctuation, 倍 for multiples, no spaces between Japanese and Latin words, no italics on Japanese,
one word per term. The rules are written down in content/glossary.toml. Placeholders, addresses,
code, math and Markdown syntax are left out of the checks."""

from __future__ import annotations

import re
import tomllib

import pytest

from core.content import load_prose, load_strings
from core.paths import CONTENT_DIR

GLOSSARY = tomllib.loads((CONTENT_DIR / "glossary.toml").read_text(encoding="utf-8"))["term"]

# Kana, CJK ideographs, CJK and full-width punctuation (、。「」（）：…).
CJK = "[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
# Letters, not punctuation: a space may follow 。 where Markdown needs it (**示されたこと。** GPT-4o).
KANA_KANJI = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"
LATIN = "(?:[A-Za-z]{2}|[0-9%])"  # a word, a number; one letter is a variable (効率の向上 k)

RULES = {
    "half-width colon (use ：)": re.compile(r"(?<!\d):|:(?!\d)"),
    "half-width comma (use 、)": re.compile(r"(?<!\d),|,(?!\d{3})"),
    "half-width period (use 。)": re.compile(r"(?<![A-Za-z0-9])\.|\.(?![A-Za-z0-9])"),
    "half-width ? or ! (use ？！)": re.compile(rf"(?<={CJK})[?!]"),
    "× for a multiple (use 倍)": re.compile(rf"(?:\d|PH)[×x](?![\d{{])|(?<={CJK})×(?:\d|PH)"),
    "space between Japanese and Latin": re.compile(rf"{KANA_KANJI} +{LATIN}|{LATIN} +{KANA_KANJI}"),
    "italics on Japanese (use ** or 「」)": re.compile(
        rf"(?<![\\*])\*(?=\S)[^*]*{CJK}[^*]*(?<=\S)\*|(?<!\w)_[^_]*{CJK}[^_]*_(?!\w)"
    ),
}


def plain(text: str) -> str:
    """The text a reader reads: placeholders as a Latin word, no code, math, addresses, Markdown."""
    text = re.sub(r"`[^`]*`", "CODE", text)
    text = re.sub(r"\$[^$]+\$", " ", text)
    text = re.sub(r"<?https?://[^\s>）)]+>?", "URL", text)
    text = re.sub(r"\{[\w.]*\}", "PH", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # a link's target
    text = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", text, flags=re.MULTILINE)  # list markers
    return text.replace("**", "")


def japanese_texts() -> list[tuple[str, str]]:
    """(where, text) for every Japanese string and prose section, and our words on Sources."""
    out = [(key, value) for key, value in load_strings("ja").items()]
    out += [
        (f"{page}.md#{section}", text)
        for page, sections in load_prose("ja").items()
        for section, text in sections.items()
    ]
    own = tomllib.loads((CONTENT_DIR / "sources_ja.toml").read_text(encoding="utf-8"))
    # a source's title may quote the cited work's own title, punctuation and all
    out += [
        (f"sources_ja.{sid}.{field}", text)
        for sid, texts in own.items()
        for field, text in texts.items()
        if field != "title"
    ]
    return out


def problems(text: str) -> list[str]:
    shown = plain(text)
    return [
        f"{rule}: …{shown[max(0, m.start() - 8) : m.end() + 8]}…"
        for rule, pat in RULES.items()
        for m in pat.finditer(shown)
    ]


def test_japanese_content_follows_the_house_style():
    found = [f"{where}: {p}" for where, text in japanese_texts() for p in problems(text)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    "bad",
    [
        "株価の反応:本当に下がったのは誰か",  # half-width colon
        "{name}:{usd}",
        "**{basis}**:{fields}",
        "GPT-4o:記事による推計",
        "いくつか,あります",
        "これです.",
        "誰か?",
        "GPT-4oはその≈18×",  # multiples
        "効率{k}×のとき",
        "既定値×{x}は",
        "AI を賢くする",  # spaces
        "Epoch AI の推定",
        "いまの設定の {gpu} では",
        "DeepSeek-V3 は*稼働*パラメータ",  # italics
        "お金の*行き先*",
        "これは _強調_ です",
    ],
)
def test_the_rules_catch(bad):
    assert problems(bad)


@pytest.mark.parametrize(
    "fine",
    [
        "株価の反応：本当に下がったのは誰か",
        "価格は1,000ドル、比率は3.1倍、時刻は06:25",
        "GPU時間 × 単価(合計=GPU時間×単価)",
        "C ≈ 6 × パラメータ数 × トークン数",
        "効率の向上 k",  # a one-letter variable
        "AIを賢くする、Epoch AIの推定、{gpu}の価格、GPU 1基あたり",
        "1. **ショック。** 2025年",
        "ファイル：`data/x.csv: line 2`",
        "割合 $s$ が反映されると $p^{-\\varepsilon}$",
        "もう一ページ：https://example.com/a,b.html",
        "**押し上げ**ます、「ジェボンズのパラドックス」",
        "*the English quote*",
    ],
)
def test_the_rules_allow(fine):
    assert not problems(fine)


def _used(lang: str) -> str:
    strings = "\n".join(load_strings(lang).values())
    prose = "\n".join(text for sections in load_prose(lang).values() for text in sections.values())
    return strings + "\n" + prose


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_one_word_per_term(lang):
    used = _used(lang)
    found = [(t[lang], bad) for t in GLOSSARY for bad in t.get(f"avoid_{lang}", []) if bad.lower() in used.lower()]
    assert found == [], f"glossary (content/glossary.toml): use the first word, not the second: {found}"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_glossary_term_is_in_use(lang):
    used = _used(lang).lower()
    assert [t[lang] for t in GLOSSARY if t[lang].lower() not in used] == []


def test_the_sources_page_in_japanese():
    """Our words about every source in Japanese, full-width colons after Japanese labels, no italics
    on Japanese (the page is put together in ui/sources_view.py, not in content/ja)."""
    from core import datasets
    from ui.sources_view import escape, group_markdown

    strings = load_strings("ja")
    words = {k: strings[f"sources.{k}"] for k in ("address", "repository", "excerpt", "note", "no_address")}
    sources = datasets.load("sources")
    md = group_markdown(sources, list(sources["source_id"]), words, "ja")
    assert re.findall(rf"{CJK}: ", md) == []
    assert RULES["italics on Japanese (use ** or 「」)"].findall(md) == []
    notes = [line for line in md.splitlines() if line.startswith(words["note"] + "：")]
    assert len(notes) == sources["note"].notna().sum()
    assert [n for n in notes if not re.search("[\u3040-\u30ff]", n)] == []  # every note reads in Japanese
    assert all(escape(ours) not in md for ours in ("Daily closing prices", "(copy)", "as embedded", "on GitHub"))


def test_citations_under_figures_in_japanese():
    from core import datasets
    from ui.cite import _labels

    sources = datasets.load("sources")
    ja, en = _labels(sources, "ja"), _labels(sources, "en")
    assert ja["BT39"] == "日次終値（Yahoo Financeのデータ）（GitHubのSungKyu-Kim39/BackTester39、2026）"
    assert en["BT39"] == "Daily closing prices (Yahoo Finance data) (SungKyu-Kim39/BackTester39 on GitHub, 2026)"
    assert [label for label in ja.values() if " on GitHub" in label or "as embedded" in label] == []
