"""Streamlit's floor: one slider, nothing else (the baseline every page is compared with)."""

import streamlit as st

st.slider("Value", 0, 100, 50, key="v")
