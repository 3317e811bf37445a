"""Choosers with more options than a page can send: every option of a widget goes to the browser on every run,
so a large build's article ids (the sidebar's filter) and actor pairs (the Co-occurrence page) are listed in part,
with the ones chosen; any other is typed (an article id) or reached by a click (a pair on the matrix) or a link."""
from __future__ import annotations

import streamlit as st

LISTED_ARTICLES = 500  # article ids the sidebar's filter lists; a larger corpus has the others typed
LISTED_PAIRS = 500  # the Co-occurrence page's pairs, those sharing most windows first


def article_filter(ids: list[str], key: str) -> None:
    """The sidebar's article filter. A large build has too many ids to offer (every id is sent to the browser and
    mapped on every run): the first `LISTED_ARTICLES` are listed and any other is typed; ids the corpus lacks are
    left out, and said so, as a link's are (`note_dropped`)."""
    many = len(ids) > LISTED_ARTICLES
    if many:
        known = article_ids(key, ids)
        ss = st.session_state
        asked = list(ss["articles"]) if "articles" in ss else st.query_params.get_all("articles")
        kept = [a for a in asked if a in known]
        if kept != asked:
            ss["articles"] = kept  # before the widget: what it shows, the view and the URL agree
            ss.setdefault("dropped_filters", {})["articles"] = ([a for a in asked if a not in known], kept)
        listed = list(dict.fromkeys(kept + ids[:LISTED_ARTICLES]))
    else:
        listed = ids
    # Options are article ids, not titles: a bound widget writes its options' labels into the URL.
    chosen = st.sidebar.multiselect(
        "Articles", listed, key="articles", bind="query-params", persist_state="session", accept_new_options=many,
        **({"select_all": False} if many else {}),  # "all" of the listed ones would be a view nobody asked for
        placeholder="All articles" if not many else "All articles (type an id)",
        help="Article ids; titles are on the Overview page." + (
            f" The first {LISTED_ARTICLES:,} of {len(ids):,} are listed: type any other id and press Enter." if many else ""))
    if many and any(a not in known for a in chosen) and "articles" in st.session_state:
        # A link's first run: the widget took the URL's ids as they are; run again, to leave out the unknown ones.
        st.rerun()


@st.cache_resource(show_spinner=False, max_entries=8)
def article_ids(key: str, _ids: list[str]) -> frozenset[str]:
    """The article ids of the analysis ``key`` names, as a set (made once, not on every run)."""
    return frozenset(_ids)
