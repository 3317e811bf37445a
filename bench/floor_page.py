"""The floor for bench/first_paint_bench.py: a one-table, one-chart Streamlit page with one filter.

What Streamlit itself costs on this machine (its boot, a websocket, a script
run, a dataframe and a plotly chart), with no analysis behind it.

    streamlit run bench/floor_page.py
"""
import pandas as pd
import plotly.express as px
import streamlit as st

st.set_page_config(page_title="Floor", layout="wide")
st.title("Floor")
table = pd.DataFrame({"name": [f"row {i}" for i in range(20)], "group": ["a", "b"] * 10, "value": range(20)})
group = st.sidebar.selectbox("Group", ["all", "a", "b"], key="group")
shown = table if group == "all" else table[table["group"] == group]
st.metric("Rows", len(shown))
st.dataframe(shown, hide_index=True)
st.plotly_chart(px.bar(shown, x="name", y="value"), key="floor-chart")
