"""Both languages have the same files, keys, sections and placeholders; code uses only real keys."""

import re
import string

import pytest

from core.content import languages, load_prose, load_strings
from core.paths import CONTENT_DIR, ROOT

LANGS = ("en", "ja")


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_languages():
    assert languages() == sorted(LANGS)


def test_same_files():
    names = {lang: sorted(p.name for p in (CONTENT_DIR / lang).iterdir()) for lang in LANGS}
    assert names["en"] == names["ja"]


def test_same_string_keys_and_placeholders():
    en, ja = load_strings("en"), load_strings("ja")
    assert sorted(set(en) - set(ja)) == [] and sorted(set(ja) - set(en)) == []
    for key in en:
        assert fields(en[key]) == fields(ja[key]), key
        assert en[key].strip() and ja[key].strip(), key


def test_same_prose_sections_and_placeholders():
    en, ja = load_prose("en"), load_prose("ja")
    assert en.keys() == ja.keys()
    for page in en:
        assert en[page].keys() == ja[page].keys(), page
        for section in en[page]:
            assert fields(en[page][section]) == fields(ja[page][section]), (page, section)


def test_japanese_strings_are_translated():
    en, ja = load_strings("en"), load_strings("ja")
    same = [k for k in en if en[k] == ja[k] and re.search(r"[a-z]{4,}", en[k]) and k != "groups.gafam"]
    assert same == []


CODE = [p for d in ("app_pages", "ui") for p in (ROOT / d).rglob("*.py")] + [ROOT / "streamlit_app.py"]


@pytest.mark.parametrize("path", CODE, ids=lambda p: p.name)
def test_code_uses_existing_keys(path):
    keys = set(load_strings("en"))
    used = re.findall(r"""\bt\(\s*f?["']([\w.]+)["']""", path.read_text(encoding="utf-8"))
    missing = [k for k in used if k not in keys and not k.endswith(".")]
    assert missing == []


# Our own words about the sources (notes, "(copy)", "on GitHub", "via"): Japanese in content/sources_ja.toml.
OURS = {
    "title": re.compile(r"\([^()]*\b(?:copy|via|summary|page|record|coverage)\b[^()]*\)$"),  # our qualifier
    "publisher": re.compile(r"\bon GitHub\b|\bvia\b|\bcopy\b|\breporting\b|\bciting\b"),
}


def test_our_words_about_every_source_are_in_japanese():
    from core import datasets
    from ui.i18n import source_texts

    sources = datasets.load("sources").fillna("")
    ja = source_texts("ja")
    assert set(ja) <= set(sources["source_id"]), "content/sources_ja.toml names a source not in data/sources.csv"
    assert all(set(texts) <= {"title", "publisher", "note"} for texts in ja.values())
    for row in sources.itertuples():
        own = ja.get(row.source_id, {})
        if row.note:
            assert own.get("note"), f"{row.source_id}: its note needs Japanese in content/sources_ja.toml"
            for url in re.findall(r"https?://\S+?(?=[.,;]?(?:\s|$))", row.note):
                assert url in own["note"], (row.source_id, url)
        for field, ours in OURS.items():
            if ours.search(getattr(row, field)):
                assert own.get(field), f"{row.source_id}: our words in its {field} need Japanese"
