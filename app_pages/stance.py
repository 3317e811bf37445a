"""Stance: who is for or against which outcome, and how that moves across the articles."""
import plotly.express as px
import streamlit as st

from analytics.highlight import escape
from analytics.store import STANCES
from app_pages import display, drill, labels, layout as screens, state, tables
from app_pages.display import DARK_TEXT, LIGHT_TEXT, MEAN_STANCE_LABEL, STANCE_COLORS, STANCE_SCALE, UNNAMED_SPEAKER

MAX_POINTS = 500  # articles drawn one point each; more are drawn per date

st.title("Stance")
view = state.current_view()
st.caption("Each quote's position toward each outcome it names: +1 favor, −1 against. The evidence column says which "
           "words decided it (cue words, negations, the reporting verb, VADER's sentiment near the outcome).")
summary = view.stance_by_speaker_outcome()
if summary.empty:
    st.info("No stance in this view. Widen the filters in the sidebar.")
    st.stop()

summary["speaker"] = summary["speaker"].replace("", UNNAMED_SPEAKER)
st.subheader("Actor × outcome")
top_n = st.slider("Speakers shown", 5, 60, 20, key="speakers_shown", bind="query-params",
                  help="The speakers with the most quotes; the table below lists them all.")
ranked = summary.groupby("speaker")["quotes"].sum().sort_values(ascending=False, kind="stable")
cells = summary[summary["speaker"].isin(ranked.index[:top_n])]
cells = labels.with_outcome_labels(cells.assign(label=cells["speaker"].map(escape)))
st.caption("Colour: mean stance, the average score (−1 against … +1 favor) of the speaker's quotes on the outcome "
           "(green favor, red against); the number in the square is *n*, how many quotes it averages. Click a square "
           "to list its quotes below.")
fig = px.scatter(cells, x=labels.LABEL, y="label", color="mean_score", text="quotes",
                 color_continuous_scale=STANCE_SCALE, range_color=[-1, 1],
                 hover_data={"favor": True, "against": True, "neutral": True, "quotes": True, "label": False,
                             labels.LABEL: False},
                 labels={"mean_score": MEAN_STANCE_LABEL, labels.LABEL: "", "label": "", "quotes": "n (quotes)"},
                 category_orders={"label": [escape(s) for s in ranked.index[:top_n]],
                                  labels.LABEL: sorted(cells[labels.LABEL].unique())})
fig.update_traces(marker={"symbol": "square", "size": 26, "line": {"width": 0}}, textfont={"size": 11})
fig.data[0].textfont.color = [LIGHT_TEXT if abs(v) > 0.55 else DARK_TEXT for v in cells["mean_score"]]  # light on dark
fig.update_layout(height=max(320, 36 * cells["label"].nunique() + 160))
speakers = list(ranked.index)
outcomes = sorted(summary["outcome"].unique())
escaped = {escape(s): s for s in speakers}
keys_of = dict(zip(cells[labels.LABEL], cells["outcome"]))  # the heatmap draws labels; its clicks give them back


def take_cell() -> None:
    # A callback runs once per click, before the rerun: the cell goes into the controls (and the link) once, and
    # the controls stay free to change afterwards.
    point = tables.clicked_point("stance-heatmap")
    if point and point.get("y") in escaped and keys_of.get(point.get("x")) in outcomes:
        st.session_state["cell_speaker"], st.session_state["cell_outcome"] = escaped[point["y"]], keys_of[point["x"]]


def take_ranked_cell() -> None:
    # The phone's list of cells: the same controls as a click on the heatmap (customdata: speaker, outcome).
    point = tables.clicked_point("stance-ranked")
    data = (point or {}).get("customdata") or []
    if len(data) >= 2 and data[0] in speakers and data[1] in outcomes:
        st.session_state["cell_speaker"], st.session_state["cell_outcome"] = data[0], data[1]


screens.responsive_css()
with screens.wide("stance"):
    st.plotly_chart(fig, key="stance-heatmap", on_select=take_cell, selection_mode="points")
with screens.narrow("stance"):
    # On a phone: the cells with the most quotes as a ranked list, one bar each (mean stance, n quotes).
    ranked_cells = cells.sort_values(["quotes", "mean_score"], ascending=[False, True], kind="stable").head(screens.NARROW_ROWS)
    ranked_cells = ranked_cells.assign(cell=ranked_cells["label"] + " · " + ranked_cells[labels.LABEL],
                                       n=[f"n={q}" for q in ranked_cells["quotes"]])
    st.plotly_chart(px.bar(ranked_cells.iloc[::-1], x="mean_score", y="cell", orientation="h", text="n",
                           color="mean_score", color_continuous_scale=STANCE_SCALE, range_color=[-1, 1], range_x=[-1, 1],
                           labels={"mean_score": MEAN_STANCE_LABEL, "cell": ""}, custom_data=["speaker", "outcome"],
                           height=max(300, 28 * len(ranked_cells) + 120))
                    .update_layout(coloraxis_showscale=False, margin={"l": 0, "r": 0}), key="stance-ranked",
                    on_select=take_ranked_cell, selection_mode="points")
tables.show_table(summary[["speaker", "outcome", "mean_score", "quotes", "favor", "against", "neutral"]], "stance_summary",
                 column_config={"mean_score": st.column_config.NumberColumn(
                     MEAN_STANCE_LABEL, help="The average score of the quotes, −1 against … +1 favor; *quotes* is its n.")})

left, right = st.columns(2)
with left:
    st.subheader("Distribution per outcome")
    st.caption("How many quotes are for, against or neutral on each outcome.")
    dist = labels.with_outcome_labels(view.outcome_split())
    drill.chart(px.bar(dist, x=labels.LABEL, y="quotes", color="stance", color_discrete_map=STANCE_COLORS,
                       category_orders={"stance": STANCES}, labels={labels.LABEL: ""}, custom_data=["outcome", "stance"]),
                "stance-dist", ("outcome", "stance"))
with right:
    st.subheader("Across the articles")
    order = st.radio("Order", ["date", "article"], horizontal=True, key="order", bind="query-params",
                     help="By publication date, or one point per article (by id).")
    by = "date" if order == "date" else "article_id"
    if by == "article_id" and view.count("articles") > MAX_POINTS:
        st.caption(f"More than {MAX_POINTS:,} articles in view: shown per date instead.")
        by = "date"
    st.caption("Mean stance (−1 against … +1 favor) on each outcome per " + ("date" if by == "date" else "article") +
               "; hover a point for *n*, the quotes it averages.")
    trend = labels.with_outcome_labels(view.stance_trend(by))
    trend[by] = trend[by].astype(str)
    # Every outcome's line on one shared axis, in date or id order (not in order of first appearance).
    axis = sorted(trend[by].unique())
    # Each outcome in its own colour, the same on every page (not green or red: they mean favor and against).
    trend_fig = px.line(trend.sort_values(by), x=by, y="mean_score", color=labels.LABEL, markers=True,
                        color_discrete_map=labels.outcome_colours(trend),
                        category_orders={by: axis}, hover_data={"quotes": True}, range_y=[-1.05, 1.05],
                        labels={"mean_score": MEAN_STANCE_LABEL, by: "", "quotes": "n (quotes)", **labels.AXIS_NAMES},
                        custom_data=[by, "outcome"])
    if by == "article_id":  # short titles on the axis (the points keep their ids)
        labels.label_axis(trend_fig, "x", {a: escape(t) for a, t in labels.article_titles(view).items()})
    # The legend under the plot: beside it, it took half of the half-width column.
    trend_fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.15, "title": None})
    drill.chart(trend_fig.update_xaxes(type="category"), "stance-trend", ("date" if by == "date" else "article", "outcome"))
drill.quotes_behind(view, ("stance-dist", "stance-trend"))

st.subheader("The quotes behind a cell")
c1, c2 = st.columns(2)
speaker = c1.selectbox("Speaker", speakers, key="cell_speaker", bind="query-params")
labels.accept_keys_in_link("cell_outcome", outcomes, many=False)
outcome = c2.selectbox("Outcome", outcomes, key="cell_outcome", bind="query-params", format_func=labels.outcome_label)
behind, total = view.cell_quotes("" if speaker == UNNAMED_SPEAKER else speaker, outcome)
st.caption(f"{total:,} quotes by {display.md_escape(speaker)} on {display.md_escape(labels.outcome_label(outcome))}.")
# The same table as every drill-down: each quote linked to its place in its article.
drill.quotes_table(behind, "stance_quotes", view, total=total,
                   full=lambda: view.fresh("cell_quotes", "" if speaker == UNNAMED_SPEAKER else speaker, outcome, None)[0])
