"""Actors: who is mentioned, in which articles, and what they said."""
import plotly.express as px
import streamlit as st

from app_pages import state

st.title("Actors")
view = state.current_view()
st.caption("Mentions count every name, surname, spelling variant and possessive; pronouns and unnamed roles do not count.")

totals = view.actor_counts.groupby("actor")["count"].sum().sort_values(ascending=False)
if totals.empty:
    st.info("No actor is mentioned in this view. Widen the filters in the sidebar.")
    st.stop()
top_n = st.slider("Actors shown", 5, 50, 15, key="top_n", bind="query-params", help="The most mentioned actors in the charts.")
top = totals.head(top_n)

st.subheader("Mentions per actor")
st.caption("Mentions of each actor across the articles in view, most mentioned first.")
bars = top.sort_values().reset_index()
bars["actor"] = bars["actor"].map(state.escape)  # plotly renders labels as HTML
st.plotly_chart(px.bar(bars, x="count", y="actor", orientation="h",
                       labels={"count": "mentions", "actor": ""}, height=max(300, 24 * len(top)),
                       color_discrete_sequence=[state.ACTOR_COLOR]), key="actor-bar")

st.subheader("Mentions per article")
st.caption("How often each actor is named in each article; articles in date order, left to right.")
arts = view.articles.sort_values(["date", "article_id"])
# Numbered, so two articles of one date and title still get columns of their own.
labels = {a: state.escape(f"{i}. {d} · {t[:28]}")
          for i, (a, d, t) in enumerate(zip(arts["article_id"], arts["date"], arts["title"]), 1)}
grid = (view.actor_counts[view.actor_counts["actor"].isin(top.index)]
        .pivot_table(index="actor", columns="article_id", values="count", aggfunc="sum", fill_value=0)
        .reindex(index=top.index, columns=list(arts["article_id"]), fill_value=0))
grid.columns = [labels[c] for c in grid.columns]
grid.index = [state.escape(a) for a in grid.index]
st.plotly_chart(px.imshow(grid, text_auto=grid.size <= 600, aspect="auto", color_continuous_scale="Blues",
                          labels={"x": "", "y": "", "color": "mentions"}), key="actor-heatmap")
state.show_table(view.actor_counts, "actor_counts")

st.subheader("What an actor said")
speakers = sorted(set(view.quotes["speaker"]) - {""})
if not speakers:
    st.info("No quote in this view has a named speaker.")
else:
    default = speakers.index(top.index[0]) if top.index[0] in speakers else 0
    actor = st.selectbox("Actor", speakers, index=default, key="actor", bind="query-params")
    quotes = view.quotes[view.quotes["speaker"] == actor]
    stances = view.stances[view.stances["speaker"] == actor]
    st.markdown(f"**{len(quotes)}** quotes, **{len(stances)}** stances")
    st.caption("Their quotes (`speaker_text` is how the article named them)…")
    state.show_table(quotes[["article_id", "kind", "text", "cue", "speaker_text"]], "actor_quotes",
                     column_config={"text": st.column_config.TextColumn(width="large")})
    st.caption("…and the stances those quotes take.")
    state.show_table(stances[["article_id", "outcome", "stance", "score", "evidence"]], "actor_stances")
