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
st.caption("Colour: mean stance score. Number: quotes. Click a cell to list its quotes below.")
grid = summary.pivot(index="speaker", columns="outcome", values="mean_score")
counts = summary.pivot(index="speaker", columns="outcome", values="quotes").fillna(0).astype(int)
grid.index = [state.escape(s) for s in grid.index]
fig = px.imshow(grid, color_continuous_scale=["#e76f51", "#f1faee", "#2a9d8f"], zmin=-1, zmax=1, aspect="auto",
                labels={"color": "mean stance", "x": "", "y": ""})
fig.update_traces(text=counts.values, texttemplate="%{text}")
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
if points:
    picked_speaker = speakers[[state.escape(s) for s in speakers].index(points[0]["y"])] if points[0]["y"] in [state.escape(s) for s in speakers] else None
    if picked_speaker:
        st.session_state["cell_speaker"], st.session_state["cell_outcome"] = picked_speaker, points[0]["x"]
c1, c2 = st.columns(2)
speaker = c1.selectbox("Speaker", speakers, key="cell_speaker", bind="query-params")
outcome = c2.selectbox("Outcome", outcomes, key="cell_outcome", bind="query-params")
cell = view.stances[(view.stances["speaker"].replace("", "(unnamed)") == speaker) & (view.stances["outcome"] == outcome)]
behind = cell.merge(view.quotes[["quote_id", "kind", "text", "cue"]], on="quote_id")
state.show_table(behind[["article_id", "speaker", "kind", "text", "stance", "score", "evidence"]], "stance_quotes")
