"""Scale vs Efficiency: entry point. Page config, language switch, navigation."""

import streamlit as st

from core.paths import ROOT
from ui import chrome, pages

st.set_page_config(page_title="Scale vs Efficiency", page_icon=str(ROOT / "assets" / "icon.png"), layout="centered")
chrome.language_control()
page = st.navigation(pages.navigation_pages())
page.run()
chrome.article_credit()
