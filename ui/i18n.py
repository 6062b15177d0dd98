"""The reader's language, UI strings and prose for it.

Language: the ``lang`` control (bound to ``?lang=``), whose default comes from the browser's
locale (``st.context.locale``), else English.
"""

from __future__ import annotations

import functools

import streamlit as st

from core import content

LANGS = ("en", "ja")
LANG_NAMES = {"en": "English", "ja": "日本語"}
FALLBACK = "en"
LANG_KEY = "lang"  # the URL parameter
LANG_STATE = "_choice_lang"  # the control's session-state key (ui.state.url_choice)


# The content files are read once per process: ``t`` runs hundreds of times a rerun, and even a
# cache_resource lookup (argument hashing, signature inspection) cost milliseconds in total.
@functools.cache
def _strings(lang: str) -> dict[str, str]:
    return content.load_strings(lang)


@functools.cache
def _prose(lang: str) -> dict[str, dict[str, str]]:
    return content.load_prose(lang)


def locale_default() -> str:
    """'ja' for a Japanese browser locale (ja, ja-JP), else English."""
    loc = (st.context.locale or "").lower()
    code = loc.replace("_", "-").split("-")[0]
    return code if code in LANGS else FALLBACK


def lang() -> str:
    value = st.session_state.get(LANG_STATE)
    return value if value in LANGS else locale_default()


def t(key: str, **values) -> str:
    """The UI string ``key`` in the reader's language, with ``{name}`` fields filled in."""
    text = _strings(lang()).get(key)
    if text is None:  # parity tests keep this from happening; never show a raw KeyError
        text = _strings(FALLBACK).get(key, key)
    return text.format(**values) if values else text


def prose(page: str, section: str = "body", **values) -> str:
    """A Markdown section from ``content/<lang>/<page>.md``."""
    text = _prose(lang()).get(page, {}).get(section) or _prose(FALLBACK).get(page, {}).get(section, "")
    return text.format(**values) if values else text
