"""Quotes: who said what, searchable and filterable, each with its stances and a link to its place."""
from urllib.parse import urlencode

import streamlit as st

from app_pages import corrections_ui, state, tables
from app_pages.display import QUOTE_KINDS

st.title("Quotes")
view = state.current_view()
st.caption("Direct quotes (between quotation marks) and reported speech (a reporting verb with what was said), "
           "each with its speaker resolved through titles, appositions, pronouns and roles.")

c1, c2 = st.columns([3, 1])
search = c1.text_input("Search the quotes", key="q", bind="query-params", placeholder="words in the quote, the speaker or the cue")
kinds = c2.multiselect("Kind", QUOTE_KINDS, key="quote_kind", bind="query-params", placeholder="Both")

quotes, total = view.quote_search(tuple(kinds), search)
COLUMNS = ["speaker", "kind", "text", "cue", "stances", "evidence", "article_id", "place"]
# The link keeps the view's filters, so the Articles page it opens still shows this view.
kept = [(k, v) for k in st.query_params if k not in ("article", "quote") for v in st.query_params.get_all(k)]


def with_places(table):
    return table.assign(place=[f"articles?{urlencode(kept + [('article', a), ('quote', q)])}"
                               for a, q in zip(table["article_id"], table["quote_id"])])[COLUMNS]


st.markdown(f"**{total:,}** quotes")
tables.show_table(
    with_places(quotes), "quotes", total=total, full=lambda: with_places(view.fresh("quote_search", tuple(kinds), search, None)[0]),
    column_config={"place": st.column_config.LinkColumn("In the article", display_text="open"),
                   "text": st.column_config.TextColumn(width="large")},
)

# The analyst's corrections: kept apart from the search above (app_pages/corrections_ui.py).
corrections_ui.form(view, quotes)
corrections_ui.listing(view)
