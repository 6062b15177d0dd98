"""What every page shares: the language control and the article credit."""

from __future__ import annotations

import streamlit as st

from ui.i18n import LANG_KEY, LANG_NAMES, LANG_STATE, LANGS, locale_default, t


def language_control() -> str:
    """The language switch, top right, mirrored in ``?lang=``; returns 'en' or 'ja'.

    Not ``bind="query-params"``: a bound segmented control writes its label ("日本語") into the
    URL, and shared links need the short code (``?lang=ja``). So the session holds the choice,
    seeded once from the URL (else the browser locale), and every run writes it back to the URL,
    which also carries it across page switches. The URL holds it only when it differs from the
    reader's default, like bound widgets do.
    """
    requested = st.query_params.get(LANG_KEY)
    if LANG_STATE not in st.session_state:
        st.session_state[LANG_STATE] = requested if requested in LANGS else locale_default()
    with st.container(horizontal=True, horizontal_alignment="right"):
        choice = st.segmented_control(
            "Language / 言語", options=LANGS, format_func=LANG_NAMES.get, required=True, key=LANG_STATE,
            label_visibility="collapsed",
        )
    lang = choice if choice in LANGS else locale_default()
    if lang == locale_default():
        if LANG_KEY in st.query_params:
            del st.query_params[LANG_KEY]
    elif st.query_params.get(LANG_KEY) != lang:
        st.query_params[LANG_KEY] = lang
    return lang


def article_credit() -> None:
    st.divider()
    st.caption(t("common.credit"))
