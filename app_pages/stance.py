"""Stance: who is for or against which outcome, and how that moves across the articles."""
import plotly.express as px
import streamlit as st

from analytics.stance import stance_summary
from app_pages import state

COLORS = {"favor": "#2a9d8f", "against": "#e76f51", "neutral": "#adb5bd"}

st.title("Stance")
view = state.current_view()
st.caption("Each quote's position toward each outcome it names: +1 favor, −1 against. The evidence column says which "
           "words decided it (cue words, negations, the reporting verb, VADER's sentiment near the outcome).")
if view.stances.empty:
    st.info("No stance in this view. Widen the filters in the sidebar.")
    st.stop()

summary = stance_summary(view.stances)
summary["speaker"] = summary["speaker"].replace("", "(unnamed)")
st.subheader("Actor × outcome")
st.caption("Colour: mean stance score (green favor, red against). Size: quotes. Click a square to list its quotes below.")
cells = summary.assign(label=summary["speaker"].map(state.escape))
fig = px.scatter(cells, x="outcome", y="label", size="quotes", color="mean_score", size_max=28,
                 color_continuous_scale=["#e76f51", "#f1faee", "#2a9d8f"], range_color=[-1, 1],
                 hover_data={"favor": True, "against": True, "neutral": True, "quotes": True, "label": False},
                 labels={"mean_score": "mean stance", "outcome": "", "label": ""},
                 category_orders={"label": sorted(cells["label"].unique(), reverse=True)})
fig.update_traces(marker={"symbol": "square", "line": {"width": 0}})
fig.update_layout(height=max(320, 28 * cells["label"].nunique() + 120))
event = st.plotly_chart(fig, key="stance-heatmap", on_select="rerun", selection_mode="points")
state.show_table(summary, "stance_summary")

left, right = st.columns(2)
with left:
    st.subheader("Distribution per outcome")
    dist = view.stances.groupby(["outcome", "stance"]).size().reset_index(name="quotes")
    st.plotly_chart(px.bar(dist, x="outcome", y="quotes", color="stance", color_discrete_map=COLORS), key="stance-dist")
with right:
    st.subheader("Across the articles")
    order = st.radio("Order", ["date", "article"], horizontal=True, key="order", bind="query-params")
    by = "date" if order == "date" else "article_id"
    trend = stance_summary(view.stances, view.articles, by=by).groupby([by, "outcome"], as_index=False)["mean_score"].mean()
    trend[by] = trend[by].astype(str)
    st.plotly_chart(px.line(trend.sort_values(by), x=by, y="mean_score", color="outcome", markers=True,
                            range_y=[-1.05, 1.05], labels={"mean_score": "mean stance", by: ""}), key="stance-trend")

st.subheader("The quotes behind a cell")
points = event.selection.points if event and event.selection else []
speakers = sorted(summary["speaker"].unique())
outcomes = sorted(summary["outcome"].unique())
escaped = {state.escape(s): s for s in speakers}
if points and points[0].get("y") in escaped and points[0].get("x") in outcomes:
    st.session_state["cell_speaker"], st.session_state["cell_outcome"] = escaped[points[0]["y"]], points[0]["x"]
c1, c2 = st.columns(2)
speaker = c1.selectbox("Speaker", speakers, key="cell_speaker", bind="query-params")
outcome = c2.selectbox("Outcome", outcomes, key="cell_outcome", bind="query-params")
cell = view.stances[(view.stances["speaker"].replace("", "(unnamed)") == speaker) & (view.stances["outcome"] == outcome)]
behind = cell.merge(view.quotes[["quote_id", "kind", "text", "cue"]], on="quote_id")
state.show_table(behind[["article_id", "speaker", "kind", "text", "stance", "score", "evidence"]], "stance_quotes")
