"""Overview: the corpus at a glance."""
import plotly.express as px
import streamlit as st

from analytics.highlight import escape
from analytics.store import STANCES
from app_pages import drill, labels, state, tables
from app_pages.display import ACTOR_COLOR, MENTIONS_LABEL, STANCE_COLORS

st.title("Overview")
view = state.current_view()
st.caption("The articles in view, who they mention most, and which outcomes their quotes disagree on. "
           "The filters on the left apply to every page; *Share this view* gives a link to exactly what you see.")

totals = view.totals()
# A row that wraps: columns stack on a phone, one figure per line, five screenfuls of a phone's height for five numbers.
figures = st.container(horizontal=True, gap="medium")
for label, name in [("Articles", "articles"), ("Actors", "actors"), ("Mentions", "mentions"), ("Quotes", "quotes"),
                    ("Stances", "stances")]:
    figures.metric(label, f"{totals[name]:,}", width="content")

st.subheader("Articles")
tables.show_view_table(view, "articles", "articles", columns=["title", "source", "date", "words", "quotes", "mentions", "article_id"])

left, right = st.columns(2)
with left:
    st.subheader("Most mentioned")
    st.caption("The ten actors named most often (of the kinds chosen on the left).")
    top = view.actor_totals(10).sort_values("count")
    top["name"] = top["actor"]  # raw, for the click
    top["actor"] = top["actor"].map(escape)  # plotly renders labels as HTML
    if top.empty:
        st.info("No mentions in this view.")
    else:
        drill.chart(px.bar(top, x="count", y="actor", orientation="h", labels={"count": MENTIONS_LABEL, "actor": ""},
                           color_discrete_sequence=[ACTOR_COLOR], custom_data=["name"]), "top-actors", ("speaker",))
with right:
    st.subheader("Most contested outcomes")
    st.caption("Most contested: outcomes ranked by the smaller of their favor and against counts, so one ranks high "
               "only when many quotes take each side; the bars are the quotes for, against and neutral.")
    counts = labels.with_outcome_labels(view.contested_outcomes())
    if counts.empty:
        st.info("No stances in this view.")
    else:
        long = counts.melt(id_vars=["outcome", labels.LABEL], value_vars=STANCES, var_name="stance", value_name="quotes")
        drill.chart(px.bar(long, x="quotes", y=labels.LABEL, color="stance", orientation="h",
                           category_orders={labels.LABEL: list(counts[labels.LABEL]), "stance": STANCES},
                           labels={labels.LABEL: ""}, color_discrete_map=STANCE_COLORS, custom_data=["outcome", "stance"])
                    # The legend above the bars: at its right it took half a phone's width from them.
                    .update_layout(legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "title": None}),
                    "contested", ("outcome", "stance"))
drill.quotes_behind(view, ("top-actors", "contested"))

st.subheader("Recent changes of position")
st.caption("Speakers whose position on an outcome differs from the one they took on an earlier date; the Timeline "
           "page shows the quotes before and after.")
changes = view.query("timeline.changes_with_quotes", 5)
if changes.empty:
    st.info("No change of position in this view (it needs a speaker quoted on an outcome on two dates).")
else:
    # What an analyst reads first (who, on what, from which stance to which), then when, the ids last.
    tables.show_table(changes[["speaker", "outcome", "from_stance", "to_stance", "to_text", "to_date", "from_date",
                              "from_quote_id", "to_quote_id"]],
                     "recent_changes", full=lambda: view.fresh("timeline.changes_with_quotes", None),
                     column_config={"to_text": st.column_config.TextColumn("latest quote", width="large")})
    st.page_link("app_pages/timeline.py", label="All changes, with their quotes", icon=":material/timeline:")
