"""A second floor: one slider driving one small Altair chart (30 points), nothing else. What any
page with a chart pays in Streamlit and Vega before doing anything of its own."""

import altair as alt
import pandas as pd
import streamlit as st

k = st.slider("Slope", 0, 100, 50, key="v")
df = pd.DataFrame({"x": range(30), "y": [k * i for i in range(30)]})
st.altair_chart(alt.Chart(df).mark_line(point=True).encode(x="x:Q", y="y:Q"), width="stretch")
