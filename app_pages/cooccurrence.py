"""Co-occurrence: who is mentioned with whom, as a network and a matrix."""
import math

import networkx as nx
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from analytics.cooccurrence import pair_contexts
from app_pages import state

st.title("Co-occurrence")
view = state.current_view()
st.caption("Two actors co-occur when both are named in the same window. `npmi` and `jaccard` correct for how often "
           "each is mentioned, so frequent actors do not dominate by weight of numbers alone.")

c1, c2, c3 = st.columns(3)
window = c1.radio("Window", ["sentence", "paragraph", "article"], index=1, horizontal=True, key="window", bind="query-params")
measure = c2.radio("Measure", ["count", "npmi", "jaccard"], horizontal=True, key="measure", bind="query-params")
minimum = c3.number_input("Minimum count", min_value=1, value=1, step=1, key="min_count", bind="query-params")

pairs = view.cooccurrence()
pairs = pairs[(pairs["window"] == window) & (pairs["count"] >= minimum)]
if pairs.empty:
    st.info("No pair of actors shares a window in this view. Try a wider window or a lower minimum.")
    st.stop()

mentions = view.actor_counts.groupby("actor")["count"].sum()
graph = nx.Graph()
for row in pairs.itertuples():
    graph.add_edge(row.actor_a, row.actor_b, weight=float(getattr(row, measure)), count=int(row.count))
layout = nx.spring_layout(graph, seed=7, weight=None)
weights = [d["weight"] for _, _, d in graph.edges(data=True)]
top_weight = max(max(weights), 1e-9)
fig = go.Figure()
for a, b, d in graph.edges(data=True):
    fig.add_trace(go.Scatter(x=[layout[a][0], layout[b][0]], y=[layout[a][1], layout[b][1]], mode="lines",
                             line={"width": 1 + 7 * max(d["weight"], 0) / top_weight, "color": "#8ecae6"},
                             hoverinfo="skip", showlegend=False))
nodes = list(graph.nodes)
fig.add_trace(go.Scatter(
    x=[layout[n][0] for n in nodes], y=[layout[n][1] for n in nodes], mode="markers+text",
    text=[state.escape(n) for n in nodes], textposition="top center",
    marker={"size": [10 + 4 * math.sqrt(mentions.get(n, 1)) for n in nodes], "color": "#023047"},
    hovertext=[f"{state.escape(n)}: {int(mentions.get(n, 0))} mentions" for n in nodes], hoverinfo="text", showlegend=False))
fig.update_layout(height=520, xaxis={"visible": False}, yaxis={"visible": False}, margin={"l": 0, "r": 0, "t": 10, "b": 0})
st.subheader("Network")
st.caption("Node size: mentions. Edge width: the chosen measure.")
st.plotly_chart(fig, key="network")

st.subheader("Matrix")
st.caption("Click a cell to list the passages behind the pair.")
both_ways = pd.concat([pairs, pairs.rename(columns={"actor_a": "actor_b", "actor_b": "actor_a"})])
both_ways = both_ways.assign(a=both_ways["actor_a"].map(state.escape), b=both_ways["actor_b"].map(state.escape))
order = sorted(both_ways["a"].unique())
fig = px.scatter(both_ways, x="a", y="b", color=measure, size="count", size_max=22, color_continuous_scale="Blues",
                 category_orders={"a": order, "b": order[::-1]}, labels={"a": "", "b": ""},
                 hover_data={"count": True, "npmi": ":.2f", "jaccard": ":.2f", "a": False, "b": False})
fig.update_traces(marker={"symbol": "square", "line": {"width": 0}})
fig.update_layout(height=max(360, 26 * len(order) + 140))
event = st.plotly_chart(fig, key="matrix", on_select="rerun", selection_mode="points")
names = {state.escape(n): n for n in set(pairs["actor_a"]) | set(pairs["actor_b"])}
points = event.selection.points if event and event.selection else []
pair_names = [f"{r.actor_a} — {r.actor_b}" for r in pairs.itertuples()]
if points and points[0].get("x") in names and points[0].get("y") in names:
    a, b = sorted((names[points[0]["x"]], names[points[0]["y"]]))
    if f"{a} — {b}" in pair_names:
        st.session_state["pair"] = f"{a} — {b}"
pair = st.selectbox("Pair", pair_names, key="pair", bind="query-params")
state.show_table(pairs, "cooccurrence")

if pair:
    a, b = pair.split(" — ")
    st.subheader(f"Passages naming both ({window})")
    contexts = pair_contexts(view.mentions, state.texts(), a, b, window)
    state.show_table(contexts, "pair_passages")
