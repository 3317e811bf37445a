"""Co-occurrence: who is mentioned with whom, as a network and a matrix."""
import math

import networkx as nx
import pandas as pd
import plotly.express as px
import streamlit as st

from analytics.cooccurrence import MEASURES, WINDOWS
from analytics.highlight import escape
from app_pages import choosers, display, drill, layout as screens, state, tables
from app_pages.display import COUNT_SCALE, DARK_TEXT, LIGHT_TEXT, NODE_COLOR
from app_pages.network import network_figure

LABELLED_NODES = 12  # at most this many of the most mentioned actors are named on the network; the others on hover
PHONE_LABELLED_NODES = 8  # and on a phone
# The narrowest plot each layout is drawn in (a wide screen less the sidebar; a phone less its margins): names placed
# for it cover no other at any wider one.
WIDE_PX, PHONE_PX = 760, 340
# One line per measure, shown where the measure is chosen and drawn.
MEASURE_WORDS = {"count": "count: how many windows name both actors",
                 "npmi": "npmi: how much more often the two share a window than chance would have them "
                         "(0 no more than chance, 1 always together, below 0 less than chance)",
                 "jaccard": "jaccard: the windows naming both, as a share of the windows naming either (0 to 1)"}

st.title("Co-occurrence")
view = state.current_view()
st.caption("Two actors co-occur when both are named in the same window. `count` is the number of shared windows; "
           "`npmi` and `jaccard` correct for how often each actor is mentioned, so the most mentioned do not "
           "dominate by weight of numbers alone (see *Method*).")

c1, c2, c3, c4 = st.columns([3, 3, 2, 2])
window = c1.radio("Window", WINDOWS, index=WINDOWS.index("paragraph"), horizontal=True, key="window", bind="query-params")
measure = c2.radio("Measure", MEASURES, horizontal=True, key="measure", bind="query-params",
                   help="  \n".join(MEASURE_WORDS[m] for m in MEASURES))
minimum = c3.number_input("Minimum count", min_value=1, value=1, step=1, key="min_count", bind="query-params",
                          help="Leave out pairs that share fewer windows than this.")
top_n = c4.number_input("Actors drawn", min_value=2, max_value=150, value=30, step=5, key="actors_drawn",
                        bind="query-params", help="The most mentioned actors appear in the network and the matrix; "
                                                  "the table lists every pair.")

pairs = view.actor_pairs(window)
pairs = pairs[pairs["count"] >= minimum]
if pairs.empty:
    st.info("No pair of actors shares a window in this view. Try a wider window or a lower minimum.")
    st.stop()

mentions = view.actor_totals().set_index("actor")["count"]
in_pairs = set(pairs["actor_a"]) | set(pairs["actor_b"])
drawn = set(mentions[mentions.index.isin(in_pairs)].nlargest(int(top_n)).index)
shown = pairs[pairs["actor_a"].isin(drawn) & pairs["actor_b"].isin(drawn)]

st.subheader("Network")
st.caption(f"The {len(drawn)} most mentioned actors that share a {window}; up to {min(LABELLED_NODES, len(drawn))} of the "
           f"most mentioned are named where their names have room (fewer on a phone), hover the others. Node size: "
           f"mentions. Edge width: {MEASURE_WORDS[measure]}.")
graph = nx.Graph()
graph.add_nodes_from(sorted(drawn))
for row in shown.itertuples():
    graph.add_edge(row.actor_a, row.actor_b, weight=float(getattr(row, measure)))
layout = nx.spring_layout(graph, seed=7, weight=None, k=1.5 / math.sqrt(max(len(graph), 1)))
screens.responsive_css()
# Drawn twice, for the width each is read at: the names are placed where they cover no other (app_pages/network.py).
with screens.wide("network"):
    drill.chart(network_figure(graph, layout, mentions, measure, WIDE_PX, 520, LABELLED_NODES), "network", ("speaker",))
with screens.narrow("network"):
    drill.chart(network_figure(graph, layout, mentions, measure, PHONE_PX, 420, PHONE_LABELLED_NODES), "network-phone",
                ("speaker",))
drill.quotes_behind(view, ("network", "network-phone"))

st.subheader("Matrix")
st.caption(f"Colour: {MEASURE_WORDS[measure]}; the number is the count of shared windows. Click a cell to list the "
           "passages behind the pair.")
both_ways = pd.concat([shown, shown.rename(columns={"actor_a": "actor_b", "actor_b": "actor_a"})])
both_ways = both_ways.assign(a=both_ways["actor_a"].map(escape), b=both_ways["actor_b"].map(escape))
order = [escape(n) for n in mentions[mentions.index.isin(drawn)].sort_values(ascending=False, kind="stable").index]
fig = px.scatter(both_ways, x="a", y="b", color=measure, text="count" if len(order) <= 30 else None,
                 color_continuous_scale=COUNT_SCALE, category_orders={"a": order, "b": order},
                 labels={"a": "", "b": ""}, hover_data={"count": True, "npmi": ":.2f", "jaccard": ":.2f", "a": False, "b": False})
cell = max(8, min(26, int(640 / max(len(order), 1))))
fig.update_traces(marker={"symbol": "square", "size": cell, "line": {"width": 0}}, textfont={"size": 10})
fig.update_layout(height=max(360, (cell + 10) * len(order) + 160))
if len(both_ways):
    # Light numbers on dark cells.
    top_value = both_ways[measure].max() or 1
    fig.data[0].textfont.color = [LIGHT_TEXT if v > 0.55 * top_value else DARK_TEXT for v in both_ways[measure]]
names = {escape(n): n for n in in_pairs}
# Column-wise, not a row at a time: a large view has tens of thousands of pairs.
pair_names = (pairs["actor_a"].astype(str) + " — " + pairs["actor_b"].astype(str)).tolist()
known_pairs = set(pair_names)


def take_pair() -> None:
    # Once per click, before the rerun (see the Stance page): the pair box stays free to change afterwards.
    point = tables.clicked_point("matrix")
    if point and point.get("x") in names and point.get("y") in names:
        chosen = " — ".join(sorted((names[point["x"]], names[point["y"]])))
        if chosen in known_pairs:
            st.session_state["pair"] = chosen


def take_ranked_pair() -> None:
    # The phone's list of pairs: the same pair box as a click on the matrix (customdata: the two actors).
    data = (tables.clicked_point("matrix-ranked") or {}).get("customdata") or []
    chosen = " — ".join(sorted(data[:2])) if len(data) >= 2 else None
    if chosen in known_pairs:
        st.session_state["pair"] = chosen


with screens.wide("matrix"):
    st.plotly_chart(fig, key="matrix", on_select=take_pair, selection_mode="points")
with screens.narrow("matrix"):
    # On a phone: the strongest pairs as a ranked list, with their count of shared windows.
    strongest = shown.sort_values([measure, "count"], ascending=False, kind="stable").head(screens.NARROW_ROWS)
    strongest = strongest.assign(pair=strongest["actor_a"].map(escape) + " — " + strongest["actor_b"].map(escape),
                                 n=[f"n={c}" for c in strongest["count"]])
    st.plotly_chart(px.bar(strongest.iloc[::-1], x=measure, y="pair", orientation="h", text="n",
                           color_discrete_sequence=[NODE_COLOR], labels={"pair": ""}, custom_data=["actor_a", "actor_b"],
                           height=max(300, 28 * len(strongest) + 120)).update_layout(margin={"l": 0, "r": 0}),
                    key="matrix-ranked", on_select=take_ranked_pair, selection_mode="points")
st.subheader("Pairs")
st.caption("Every pair of the view. " + " · ".join(MEASURE_WORDS[m].capitalize() for m in MEASURES) + ".")
tables.show_table(pairs, "cooccurrence")
# The pairs sharing most windows, and the one chosen (by a click, a link): every option is sent to the browser on
# every run, and a large view has tens of thousands of pairs.
asked = st.session_state.get("pair") or st.query_params.get("pair")
listed = pair_names[:choosers.LISTED_PAIRS]
if asked in known_pairs and asked not in set(listed):
    listed = listed + [asked]
pair = st.selectbox("Pair", listed, key="pair", bind="query-params", help="Or click a cell of the matrix." + (
    f" The {choosers.LISTED_PAIRS:,} pairs sharing most windows are listed, of {len(pair_names):,}; a click on the "
    "matrix chooses any pair drawn." if len(pair_names) > choosers.LISTED_PAIRS else ""))
if pair:
    a, b = pair.split(" — ")
    st.subheader(f"Passages naming both ({window})")
    st.caption(f"Each {window} that names both {display.md_escape(a)} and {display.md_escape(b)}.")
    texts = state.texts()
    if not texts:
        st.info("The dashboard was started on prebuilt tables, which hold no article texts to quote.")
    else:
        named, naming = view.pair_mentions(a, b)
        if naming > state.MAX_ROWS:
            st.caption(f"From the first {state.MAX_ROWS:,} of the {naming:,} articles naming both.")
        contexts = state.pair_passages(named, a, b, window, state.corpus_key(), texts)
        # The passage and its article (by title on screen) first, the offsets after: on a phone the passage is in view.
        contexts = contexts[["passage", "article_id"] + [c for c in contexts.columns if c not in ("article_id", "passage")]]
        tables.show_table(contexts, "pair_passages", titles=view,
                          column_config={"passage": st.column_config.TextColumn(width="large")})
