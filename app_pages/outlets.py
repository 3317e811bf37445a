"""Outlets: how each source's quotes split on an outcome, and who gets a voice there."""
import plotly.express as px
import streamlit as st

from analytics.highlight import escape
from analytics.outlets import FEW_QUOTES
from analytics.store import STANCES
from app_pages import drill, labels, state, tables
from app_pages.display import CATEGORY_COLORS, STANCE_COLORS

st.title("Outlets")
view = state.current_view()
st.caption("Each source's quotes on an outcome, split by stance, and the speakers each source quotes most on it. "
           f"A source with fewer than {FEW_QUOTES} quotes on the outcome is marked *few*: its split says little.")
split = view.query("outlets.stance_by_source")
if split.empty:
    st.info("No stance in this view. Widen the filters in the sidebar.")
    st.stop()
outcomes = sorted(split["outcome"].unique())
busiest = split.groupby("outcome")["quotes"].sum().idxmax()
labels.accept_keys_in_link("outlet_outcome", outcomes, many=False)
outcome = st.selectbox("Outcome", outcomes, index=outcomes.index(busiest), key="outlet_outcome", bind="query-params",
                       format_func=labels.outcome_label,
                       help="At first the outcome with the most quotes.")
rows = split[split["outcome"] == outcome].copy()
rows["label"] = [escape(s) + (" (few)" if few else "") for s, few in zip(rows["source"], rows["few"])]
long = rows.melt(id_vars=["label", "quotes", "source"], value_vars=list(STANCES), var_name="stance", value_name="n")
long["share"] = long["n"] / long["quotes"]
st.subheader("How each source's quotes split")
st.caption("Share of the source's quotes on the outcome that are for, against or neutral; hover for the counts. "
           "Sources with most quotes first.")
fig = px.bar(long, x="share", y="label", color="stance", orientation="h", color_discrete_map=STANCE_COLORS,
             category_orders={"stance": STANCES, "label": list(rows["label"])}, hover_data={"n": True, "quotes": True},
             labels={"share": "share of the source's quotes", "label": ""}, range_x=[0, 1], custom_data=["source", "stance"])
fig.update_layout(height=max(260, 34 * len(rows) + 140),
                  legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "title": None})
drill.chart(fig, "outlet-split", ("source", "stance"), fixed={"outcome": outcome})
tables.show_table(rows.drop(columns=["label"]), "stance_by_source")

st.subheader("Who gets a voice")
st.caption("The speakers each source quotes most on this outcome, with how many quotes and their share of the "
           "source's named quotes on it.")
voices = view.query("outlets.voices_by_source", outcome, 5)
if voices.empty:
    st.info("No named speaker on this outcome in the view.")
else:
    shown = voices.assign(name=voices["speaker"], outlet=voices["source"],  # raw, for the click
                          speaker=voices["speaker"].map(escape), source=voices["source"].map(escape))
    fig = px.bar(shown, x="quotes", y="speaker", color="source", orientation="h", barmode="group",
                 color_discrete_sequence=CATEGORY_COLORS, custom_data=["name", "outlet"],
                 hover_data={"share": True, "favor": True, "against": True, "neutral": True}, labels={"speaker": ""})
    fig.update_layout(height=max(260, 30 * len(shown) + 140),
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "title": None})
    drill.chart(fig, "outlet-voices", ("speaker", "source"), fixed={"outcome": outcome})
    tables.show_table(voices, "voices_by_source")
drill.quotes_behind(view, ("outlet-split", "outlet-voices"))
