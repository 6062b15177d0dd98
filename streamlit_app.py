"""Scale vs Efficiency: entry point. Page config, language switch, navigation."""

import streamlit as st

from core.paths import ROOT
from ui import chrome, pages

st.set_page_config(page_title="Scale vs Efficiency", page_icon=str(ROOT / "assets" / "icon.png"), layout="centered")
requested = {k: st.query_params.get(k) for k in st.query_params}  # before controls touch the URL
chrome.language_control()
page = st.navigation(pages.navigation_pages())
page.run()
chrome.url_parameter_notice(requested)
chrome.article_credit()
