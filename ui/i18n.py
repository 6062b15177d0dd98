"""The reader's language, UI strings and prose for it.

Language: the ``lang`` control (bound to ``?lang=``), whose default comes from the browser's
locale (``st.context.locale``), else English.
"""

from __future__ import annotations

import functools

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

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


# The language of this session's current full run, pinned on Streamlit's run context once the
# language control has rendered: ``t`` asks for it hundreds of times a run, and each session-state
# read costs microseconds that add up. Only a full run can change the language (the control lives
# outside every fragment), so a fragment's rerun pins what it first reads (Streamlit gives each
# rerun request its own context); a full run clears the pin first.
_PIN = "_sve_lang"


def _run_context():
    return get_script_run_ctx(suppress_warning=True)


def pin_language(value: str | None) -> None:
    """Pin (or with None, unpin) the language for the rest of this session's run."""
    ctx = _run_context()
    if ctx is not None:
        try:
            setattr(ctx, _PIN, value if value in LANGS else None)
        except AttributeError:  # a Streamlit whose context takes no attributes: never pinned
            pass


def lang() -> str:
    ctx = _run_context()
    pinned = getattr(ctx, _PIN, None) if ctx is not None else None
    if pinned is not None:
        return pinned
    value = st.session_state.get(LANG_STATE)
    value = value if value in LANGS else locale_default()
    if ctx is not None:  # read once a run: a fragment's rerun gets a fresh context, unpinned
        pin_language(value)
    return value


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


# Punctuation that differs by language, for text put together in code (content/glossary.toml).
PUNCTUATION = {
    "en": {"colon": ": ", "comma": ", ", "list": "; ", "open": " (", "close": ")"},
    "ja": {"colon": "：", "comma": "、", "list": "、", "open": "（", "close": "）"},
}


@functools.cache
def source_texts(lang: str) -> dict[str, dict[str, str]]:
    """Our own words about each source (a title's qualifier, a publisher's "via", the note) in
    ``lang``, by source id, from ``content/sources_<lang>.toml``; {} where none (English lives in
    data/sources.csv). Cited works' titles stay as published. Read in core.content, as the strings
    are (a page's data reads are what the broken-data tests look for in ui)."""
    return content.load_source_texts(lang)
