"""Streamlit entry point: declares the pages and the filters they share.

    streamlit run dashboard.py
"""
from pathlib import Path
from urllib.parse import quote, urlencode

import streamlit as st

from app_pages import state, tables

# The favicon is a file of the app's: a material icon as page_icon is fetched from fonts.gstatic.com.
st.set_page_config(page_title="News stance & entity analytics", page_icon=str(Path(__file__).parent / "static" / "favicon.png"),
                   layout="wide")

# Streamlit finds the app's base URL by cutting a page path off the end of the address, so no page path may end
# with another (a session opened on ``your_articles`` had ``articles`` cut off: every link went to ``/your_/...``).
PAGES = [
    st.Page("app_pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("app_pages/search.py", title="Search", icon=":material/search:"),
    st.Page("app_pages/actors.py", title="Actors", icon=":material/groups:"),
    st.Page("app_pages/cooccurrence.py", title="Co-occurrence", icon=":material/hub:"),
    st.Page("app_pages/stance.py", title="Stance", icon=":material/balance:"),
    st.Page("app_pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("app_pages/outlets.py", title="Outlets", icon=":material/newsmode:"),
    st.Page("app_pages/quotes.py", title="Quotes", icon=":material/format_quote:"),
    st.Page("app_pages/articles.py", title="Articles", icon=":material/article:"),
    st.Page("app_pages/your_articles.py", title="Your articles", icon=":material/upload_file:", url_path="your_corpus"),
    st.Page("app_pages/method.py", title="Method", icon=":material/science:"),
]
page = st.navigation(PAGES)


def share_link(where) -> None:
    """Write the link to this view (page, filters, controls) into ``where``, replacing what it held."""
    # Bound widgets keep st.query_params in step with the URL, so the link is the view itself.
    params = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    link = (st.context.url or page.url_path or ".") + ("?" + params if params else "")
    with where.container():
        st.markdown(f"[:material/link: Share this view]({quote(link, safe=':/?&=%#+')})")
        with st.popover("Copy the link", icon=":material/content_copy:"):
            st.code(link, language=None, wrap_lines=True)
        st.caption("The link opens this page with the same filters and controls.")


# The filters live in the sidebar of every page, so they survive moving between pages.
state.filter_widgets()
tables.zip_button(state.current_view())
link_box = st.sidebar.empty()
share_link(link_box)
state.sidebar_notices()
page.run()
# Once more after the page: a chart click the page applied to its controls is in the link too.
share_link(link_box)
