"""Streamlit's floor: one slider and the value it reports (the baseline every page is compared
with; the echoed value makes the server's answer visible in a browser)."""

import streamlit as st

value = st.slider("Value", 0, 100, 50, key="v")
st.write(value)
