"""Actors: who is mentioned, in which articles, and what they said."""
import plotly.express as px
import streamlit as st

from analytics.highlight import escape
from app_pages import drill, layout as screens, state, tables
from app_pages.labels import short_title
from app_pages.display import ACTOR_COLOR, COUNT_SCALE, MENTIONS_LABEL

AXIS_TITLE_CHARS = 28  # an article's title on the heatmap's tilted ticks: longer ones run into the next
PHONE_TITLE_CHARS = 14  # and in the first column of its phone table, which stays in view as the actors scroll by

st.title("Actors")
view = state.current_view()
st.caption("Mentions count every name, surname, spelling variant and possessive; pronouns and unnamed roles do not count.")

totals = view.actor_totals()
if totals.empty:
    st.info("No actor is mentioned in this view. Widen the filters in the sidebar.")
    st.stop()
top_n = st.slider("Actors shown", 5, 50, 15, key="top_n", bind="query-params", help="The most mentioned actors in the charts.")
top = totals.head(top_n)

st.subheader("Mentions per actor")
st.caption("Mentions of each actor across the articles in view, most mentioned first.")
bars = top.sort_values("count")
bars = bars.assign(name=bars["actor"], actor=bars["actor"].map(escape))  # plotly renders labels as HTML; name is raw
drill.chart(px.bar(bars, x="count", y="actor", orientation="h",
                   labels={"count": MENTIONS_LABEL, "actor": ""}, height=max(300, 24 * len(top)),
                   color_discrete_sequence=[ACTOR_COLOR], custom_data=["name"]), "actor-bar", ("speaker",))

st.subheader("Mentions per article")
grid, naming = view.actor_grid(list(top["actor"]), state.MAX_GRID_ARTICLES)
if naming > state.MAX_GRID_ARTICLES:
    st.caption(f"How often each actor is named in the {state.MAX_GRID_ARTICLES} articles that name them most "
               f"(of {naming:,}); in date order, left to right. The table below has every article.")
else:
    st.caption("How often each actor is named in each article; articles in date order, left to right.")
arts = grid.drop_duplicates("article_id").sort_values(["date", "article_id"])
# Numbered, so two articles of one date and title still get columns of their own.
named = {a: f"{i}. {d} · {short_title(t, a, AXIS_TITLE_CHARS)}"
         for i, (a, d, t) in enumerate(zip(arts["article_id"], arts["date"].fillna(""), arts["title"].fillna("")), 1)}
labels = {a: escape(n) for a, n in named.items()}
wide = (grid.pivot_table(index="actor", columns="article_id", values="count", aggfunc="sum", fill_value=0)
        .reindex(index=list(top["actor"]), columns=list(arts["article_id"]), fill_value=0))
raw = [(actor, article) for actor in wide.index for article in wide.columns]  # for the click
wide.columns = [labels[c] for c in wide.columns]
wide.index = [escape(a) for a in wide.index]
heatmap = px.imshow(wide, text_auto=wide.size <= 600, aspect="auto", color_continuous_scale=COUNT_SCALE,
                    labels={"x": "", "y": "", "color": MENTIONS_LABEL},
                    height=max(450, 26 * wide.shape[0] + 220))  # rows tall enough to read a name and its numbers
# Plotly selects points of scatter traces only, not heatmap cells: an invisible point over each cell takes the click
# (and the hover, the nearest cell wherever the pointer is).
heatmap.update_traces(hoverinfo="skip", hovertemplate=None).add_scatter(
    x=[labels[a] for _, a in raw], y=[escape(n) for n, _ in raw], customdata=[list(r) for r in raw],
    text=[str(v) for v in wide.to_numpy().ravel()], mode="markers", marker={"color": "rgba(0,0,0,0)", "size": 14},
    hovertemplate="%{y}<br>%{x}<br>" + MENTIONS_LABEL + ": %{text}<extra></extra>", showlegend=False)
# The cells' own extent: the points' markers would widen the axes.
heatmap.update_layout(hoverdistance=-1, xaxis_range=[-0.5, wide.shape[1] - 0.5], yaxis_range=[wide.shape[0] - 0.5, -0.5])
screens.responsive_css()
with screens.wide("actor-grid"):
    drill.chart(heatmap, "actor-heatmap", ("speaker", "article"))
with screens.narrow("actor-grid"):
    # On a phone: one row per article (in date order), the top actors as columns to scroll through.
    phone = grid.pivot_table(index="article_id", columns="actor", values="count", aggfunc="sum", fill_value=0)
    phone = phone.reindex(index=list(arts["article_id"]), columns=list(top["actor"]), fill_value=0)
    # Shorter titles than the heatmap's: the pinned first column left room for one actor's column on a phone.
    phone.index = [f"{i}. {d} · {short_title(t, a, PHONE_TITLE_CHARS)}" for i, (a, d, t) in
                   enumerate(zip(arts["article_id"], arts["date"].fillna(""), arts["title"].fillna("")), 1)]
    st.dataframe(phone)
tables.show_view_table(view, "actor_counts", "actor_counts", titles=view)
drill.quotes_behind(view, ("actor-bar", "actor-heatmap"))

st.subheader("What an actor said")
speakers = view.speakers()
if not speakers:
    st.info("No quote in this view has a named speaker.")
else:
    first = top["actor"].iloc[0]
    actor = st.selectbox("Actor", speakers, index=speakers.index(first) if first in speakers else 0,
                         key="actor", bind="query-params")
    said = view.narrowed(actors=(actor,))
    st.markdown(f"**{said.count('quotes'):,}** quotes, **{said.count('stances'):,}** stances")
    st.caption("Their quotes (`speaker_text` is how the article named them)…")
    tables.show_view_table(said, "quotes", "actor_quotes", columns=["text", "kind", "cue", "speaker_text", "article_id", "quote_id"],
                          titles=said, column_config={"text": st.column_config.TextColumn(width="large")})
    st.caption("…and the stances those quotes take, each with its quote (one quote can take a stance on several outcomes).")
    tables.show_table(said.query("stances_with_quotes", state.MAX_ROWS), "actor_stances", total=said.count("stances"),
                     full=lambda: said.fresh("stances_with_quotes", None), titles=said,
                     column_config={"text": st.column_config.TextColumn(width="large")})
