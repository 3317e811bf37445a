"""Quotes: who said what, searchable and filterable, each with its stances and a link to its place."""
import streamlit as st

from app_pages import corrections_ui, drill, state
from app_pages.display import QUOTE_KINDS

st.title("Quotes")
view = state.current_view()
st.caption("Direct quotes (between quotation marks) and reported speech (a reporting verb with what was said), "
           "each with its speaker resolved through titles, appositions, pronouns and roles.")

c1, c2 = st.columns([3, 1])
search = c1.text_input("Search the quotes", key="q", bind="query-params", placeholder="words in the quote, the speaker or the cue")
kinds = c2.multiselect("Kind", QUOTE_KINDS, key="quote_kind", bind="query-params", placeholder="Both")

quotes, total = view.quote_search(tuple(kinds), search)
st.markdown(f"**{total:,}** quotes")
# The drill-down's table (app_pages/drill.py): each quote linked to its place in its article, with the view's
# filters, and its quote_id in the CSV.
drill.quotes_table(quotes, "quotes", view, total=total, full=lambda: view.fresh("quote_search", tuple(kinds), search, None)[0])

# The analyst's corrections: kept apart from the search above (app_pages/corrections_ui.py).
corrections_ui.form(view, quotes)
corrections_ui.listing(view)
