"""Scale vs Efficiency: entry point. Page config, language switch, navigation."""

import streamlit as st

from core.paths import ROOT
from ui import chrome, i18n, pages, present, process

with process.one_run_at_a_time():  # one run at a time per process, fragments' reruns too (ui/process.py)
    i18n.pin_language(None)  # a full run: the language is read afresh until its control has rendered
    requested = {k: st.query_params.get(k) for k in st.query_params}  # before controls touch the URL
    chrome.sanitize_query_params()
    presenting = present.presenting()
    st.set_page_config(
        page_title="Scale vs Efficiency",
        page_icon=str(ROOT / "assets" / "icon.png"),
        layout="wide" if presenting else "centered",
    )
    chrome.language_control()
    present.apply()
    present.apply_projection()
    page = st.navigation(pages.navigation_pages(), position="hidden" if presenting else "sidebar")
    present.toggle()
    if presenting:
        present.page_style(page.url_path)
        present.back_to_tour(page.url_path)
    page.run()
    chrome.url_parameter_notice(requested, page.url_path)
    if presenting:
        present.audience_link(page.url_path)
    else:
        chrome.article_credit()
process.settle_memory()  # once per process, after its first full run (ui/process.py)
