"""Timeline: attention and positions over time, and who changed their mind."""
from urllib.parse import urlencode

import pandas as pd
import plotly.express as px
import streamlit as st

from analytics.highlight import escape
from analytics.timeline import periods_between
from app_pages import display, drill, labels, state, tables
from app_pages.display import ACTOR_COLORS, MEAN_STANCE_LABEL, MENTIONS_LABEL

PERIOD_LABELS = {"day": "Day", "week": "Week beginning", "month": "Month"}
FEW_PERIODS = 12  # up to this many periods with something to draw, the time axis shows those periods alone
MIN_SLOTS = 4  # and leaves room for at least this many
SHOWN_CHANGES = 20  # changes drawn side by side; the table and its download hold them all
# What an analyst reads first (who, on what, from which stance to which, in whose words), then when; the ids last.
CHANGE_COLUMNS = ["speaker", "outcome", "from_stance", "to_stance", "from_text", "to_text", "from_date", "to_date",
                  "from_article", "to_article", "from_quote_id", "to_quote_id"]

st.title("Timeline")
view = state.current_view()
st.caption("How often the chosen actors are named, how many quotes each outcome gets and where the speakers stand, "
           "period by period; below, who changed their position on an outcome, with the quotes before and after.")
cover = view.query("timeline.coverage")
if not cover.dated:
    st.info(f"None of the {cover.undated:,} articles in this view has a date the timeline can read "
            "(ISO dates such as 2025-10-17, or 17 October 2025). Add dates in the manifest's date column.")
    st.stop()
period = cover.period
undated = f" {cover.undated:,} articles without a readable date are left off the time axis." if cover.undated else ""
st.caption(f"{cover.dated:,} dated articles from {cover.first} to {cover.last}, counted per **{period}** "
           f"(chosen by the span of dates).{undated}")
kept = [(k, v) for k in st.query_params if k not in ("article", "quote") for v in st.query_params.get_all(k)]


def legend_below(fig):
    """The legend under the chart, so that on a phone the plot keeps the width."""
    return fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.25, "title": None})


def time_axis(fig, side_by_side: bool = False):
    """``fig`` with a time axis that reads with few periods: then a tick at each period drawn and nothing between,
    and room for at least `MIN_SLOTS` periods (one bar is not a plot wide); ``side_by_side``, the points of a
    period (one per outcome, each with its spread) drawn next to each other rather than on top of each other."""
    if not few:
        return fig
    pad = max(0.0, (MIN_SLOTS - len(drawn)) / 2)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=drawn, range=[-0.5 - pad, len(drawn) - 0.5 + pad])
    return fig.update_layout(bargap=0.45, **({"scattermode": "group", "scattergap": 0.5} if side_by_side else {}))


def article_link(article_id: str, quote_id: str | None = None) -> str:
    extra = [("article", article_id)] + ([("quote", quote_id)] if quote_id else [])
    return f"articles?{urlencode(kept + extra)}"


def in_reading_order(rows):
    return rows[[c for c in CHANGE_COLUMNS if c in rows.columns] + [c for c in rows.columns if c not in CHANGE_COLUMNS]]


stance = labels.with_outcome_labels(view.query("timeline.stance_over_time", period))
stance = stance.assign(when=period + ":" + stance["period"])  # for the click
st.subheader("Mentions")
options = list(view.actor_totals(200)["actor"])
top = options[:5]  # the same order as the options: one query, not two
chosen = st.multiselect("Actors on the timeline", options, default=[a for a in top if a in options], key="timeline_actors",
                        bind="query-params", help="The five most mentioned at first; the sidebar's filters still apply.")
named = view.query("timeline.mentions_over_time", tuple(chosen), period)
# The periods with something to draw; when there are few, the axis shows them alone (`time_axis`).
drawn = sorted(set(stance["period"]) | set(named["period"]))
few = len(drawn) <= FEW_PERIODS
if few:
    st.caption(f"Only the {len(drawn)} {period}s with quotes or mentions are on the time axis, evenly spaced: "
               "the gaps between them are not to scale.")
if named.empty:
    st.info("No mentions of the chosen actors in dated articles.")
else:
    # A period without a mention is a zero, not a gap the line jumps over (of the periods drawn, when few).
    axis = drawn if few else periods_between(cover.first, cover.last, period)
    grid = pd.MultiIndex.from_product([axis, chosen], names=["period", "actor"])
    filled = named.set_index(["period", "actor"]).reindex(grid, fill_value=0).reset_index()
    # Raw values for the click: the period as "week:2025-10-13", the actor unescaped.
    filled = filled.assign(when=period + ":" + filled["period"], name=filled["actor"], actor=filled["actor"].map(escape))
    drill.chart(time_axis(legend_below(px.line(filled, x="period", y="mentions", color="actor", markers=True,
                                               color_discrete_sequence=ACTOR_COLORS, hover_data={"articles": True},
                                               custom_data=["when", "name"],
                                               labels={"mentions": MENTIONS_LABEL, "period": "", "actor": ""}))),
                "timeline-mentions", ("period", "speaker"))

left, right = st.columns(2)
with left:
    st.subheader("Quotes per outcome")
    st.caption(f"Quotes about each outcome per {period} (hover for how they split by stance).")
    if stance.empty:
        st.info("No stance in dated articles of this view.")
    else:
        drill.chart(time_axis(legend_below(px.bar(stance, x="period", y="quotes", color=labels.LABEL,
                                                  color_discrete_map=labels.outcome_colours(stance),
                                                  hover_data={"favor": True, "against": True, "neutral": True},
                                                  custom_data=["when", "outcome"], labels={"period": "", **labels.AXIS_NAMES}))),
                    "timeline-quotes", ("period", "outcome"))
with right:
    st.subheader("Mean stance")
    st.caption(f"Mean stance per outcome and {period} (−1 against, +1 favor); the bars span ± one standard deviation "
               "of the quotes' scores, and *n* is how many quotes each point averages.")
    if not stance.empty:
        points = stance.assign(n=stance["quotes"])
        drill.chart(time_axis(legend_below(px.scatter(
            points, x="period", y="mean_score", color=labels.LABEL, error_y="spread",
            color_discrete_map=labels.outcome_colours(stance), custom_data=["when", "outcome"],
            hover_data={"n": True, "favor": True, "against": True, "neutral": True}, range_y=[-1.1, 1.1],
            labels={"mean_score": MEAN_STANCE_LABEL, "period": "", **labels.AXIS_NAMES})), side_by_side=True),
                    "timeline-stance", ("period", "outcome"))
drill.quotes_behind(view, ("timeline-mentions", "timeline-quotes", "timeline-stance"))

st.subheader(f"Articles of a {period}")
periods = drawn
if periods:
    start = st.selectbox(PERIOD_LABELS[period], periods, index=len(periods) - 1, key="timeline_period", bind="query-params")
    day = view.query("timeline.period_articles", period, start)
    day = day.assign(open=[article_link(a) for a in day["article_id"]])
    day = day[["title", "source", "date", "open"] + [c for c in day.columns if c not in ("title", "source", "date", "open")]]
    tables.show_table(day, "period_articles", column_config={"open": st.column_config.LinkColumn("Article", display_text="open")})

st.subheader("Position changes")
# The first rows only (the download has them all): a large build holds tens of thousands of changes.
changes, total = view.query("timeline.changes_and_total", state.MAX_ROWS)
if changes.empty:
    st.info("No speaker in this view took different positions on an outcome on different dates.")
    st.stop()
st.caption(f"{total:,} changes, newest first: a speaker's position on an outcome on one date (the label most of "
           "that day's quotes give it) differs from the one before. Each quote opens in its article.")
for row in changes.head(SHOWN_CHANGES).itertuples():
    st.markdown(f"**{display.md_escape(row.speaker)}** on *{display.md_escape(labels.outcome_label(row.outcome))}*: "
                f"{row.from_stance} → **{row.to_stance}**")
    before, after = st.columns(2)
    for col, date, label, text, article, quote_id in (
            (before, row.from_date, row.from_stance, row.from_text, row.from_article, row.from_quote_id),
            (after, row.to_date, row.to_stance, row.to_text, row.to_article, row.to_quote_id)):
        with col.container(border=True):
            st.caption(f"{date} · {label}")
            st.markdown(f"“{display.md_escape(text)}”")
            st.link_button("Open in the article", article_link(article, quote_id), icon=":material/open_in_new:")

tables.show_table(in_reading_order(changes), "position_changes", total=total,
                 full=lambda: in_reading_order(view.fresh("timeline.changes_with_quotes", None)),
                 column_config={"from_text": st.column_config.TextColumn(width="medium"),
                                "to_text": st.column_config.TextColumn(width="medium")})
