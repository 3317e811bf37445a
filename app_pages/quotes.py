"""Quotes: who said what, searchable and filterable, each with its stances and a link to its place."""
from urllib.parse import urlencode

import streamlit as st

from app_pages import state

st.title("Quotes")
view = state.current_view()
st.caption("Direct quotes (between quotation marks) and reported speech (a reporting verb with what was said), "
           "each with its speaker resolved through titles, appositions, pronouns and roles.")

c1, c2 = st.columns([3, 1])
search = c1.text_input("Search the quotes", key="q", bind="query-params", placeholder="words in the quote, the speaker or the cue")
kinds = c2.multiselect("Kind", ["direct", "indirect"], key="quote_kind", bind="query-params", placeholder="Both")

quotes = view.quotes.copy()
if kinds:
    quotes = quotes[quotes["kind"].isin(kinds)]
if search:
    needle = search.lower()
    quotes = quotes[quotes["text"].str.lower().str.contains(needle, regex=False)
                    | quotes["speaker"].str.lower().str.contains(needle, regex=False)
                    | quotes["cue"].str.lower().str.contains(needle, regex=False)]
per_quote = (view.stances.assign(item=lambda d: d["outcome"] + ": " + d["stance"])
             .groupby("quote_id").agg(stances=("item", "; ".join), evidence=("evidence", " | ".join)))
quotes = quotes.merge(per_quote, left_on="quote_id", right_index=True, how="left").fillna({"stances": "", "evidence": ""})
# The link keeps the view's filters, so the Articles page it opens still shows this view.
kept = [(k, v) for k in st.query_params if k not in ("article", "quote") for v in st.query_params.get_all(k)]
quotes["place"] = [f"articles?{urlencode(kept + [('article', a), ('quote', q)])}"
                   for a, q in zip(quotes["article_id"], quotes["quote_id"])]
st.markdown(f"**{len(quotes)}** quotes")
state.show_table(
    quotes[["speaker", "kind", "text", "cue", "stances", "evidence", "article_id", "place"]], "quotes",
    column_config={"place": st.column_config.LinkColumn("In the article", display_text="open"),
                   "text": st.column_config.TextColumn(width="large")},
)
