"""What every page shares: the language control and the article credit."""

from __future__ import annotations

import streamlit as st

from ui.i18n import LANG_KEY, LANG_NAMES, LANGS, locale_default, t
from ui.state import url_choice


def language_control() -> str:
    """The language switch, top right, kept in ``?lang=en|ja``; returns 'en' or 'ja'.

    A stable code in the URL (not the label "日本語", which ``bind`` would write), seeded from
    the URL, else the browser locale; the URL carries it only when it differs from that default.
    """
    with st.container(horizontal=True, horizontal_alignment="right"):
        return url_choice(st.segmented_control, "Language / 言語", LANGS, locale_default(), LANG_KEY,
                          LANG_NAMES.get, label_visibility="collapsed")


def article_credit() -> None:
    st.divider()
    st.caption(t("common.credit"))
