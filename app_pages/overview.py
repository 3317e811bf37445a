"""Overview: the corpus at a glance."""
import plotly.express as px
import streamlit as st

from app_pages import state

st.title("Overview")
view = state.current_view()
st.caption("The articles in view, who they mention most, and which outcomes their quotes disagree on. "
           "The filters on the left apply to every page; *Share this view* gives a link to exactly what you see.")

cols = st.columns(5)
cols[0].metric("Articles", len(view.articles))
cols[1].metric("Actors", view.actor_counts["actor"].nunique())
cols[2].metric("Mentions", len(view.mentions))
cols[3].metric("Quotes", len(view.quotes))
cols[4].metric("Stances", len(view.stances))

st.subheader("Articles")
state.show_table(view.articles[["article_id", "title", "source", "date", "words", "quotes", "mentions"]], "articles")

left, right = st.columns(2)
with left:
    st.subheader("Most mentioned")
    st.caption("The ten actors named most often (of the kinds chosen on the left).")
    top = view.actor_counts.groupby("actor")["count"].sum().nlargest(10).sort_values().reset_index()
    top["actor"] = top["actor"].map(state.escape)  # plotly renders labels as HTML
    if top.empty:
        st.info("No mentions in this view.")
    else:
        st.plotly_chart(px.bar(top, x="count", y="actor", orientation="h", labels={"count": "mentions", "actor": ""},
                               color_discrete_sequence=[state.ACTOR_COLOR]), key="top-actors")
with right:
    st.subheader("Most contested outcomes")
    st.caption("Outcomes ranked by how evenly the quotes split between favor and against.")
    counts = view.stances.pivot_table(index="outcome", columns="stance", values="quote_id", aggfunc="count", fill_value=0)
    for label in state.STANCES:
        if label not in counts:
            counts[label] = 0
    if counts.empty:
        st.info("No stances in this view.")
    else:
        counts["contested"] = counts[["favor", "against"]].min(axis=1)
        counts = counts.sort_values(["contested", "favor"], ascending=False).reset_index()
        long = counts.melt(id_vars="outcome", value_vars=state.STANCES, var_name="stance", value_name="quotes")
        st.plotly_chart(px.bar(long, x="quotes", y="outcome", color="stance", orientation="h",
                               category_orders={"outcome": list(counts["outcome"]), "stance": state.STANCES},
                               labels={"outcome": ""},
                               color_discrete_map={"favor": "#2a9d8f", "against": "#e76f51", "neutral": "#adb5bd"}), key="contested")
