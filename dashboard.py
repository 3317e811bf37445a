"""Streamlit entry point: declares the pages and the filters they share.

    streamlit run dashboard.py
"""
from urllib.parse import quote, urlencode

import streamlit as st

from app_pages import state

st.set_page_config(page_title="News stance & entity analytics", page_icon=":material/newspaper:", layout="wide")

PAGES = [
    st.Page("app_pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("app_pages/actors.py", title="Actors", icon=":material/groups:"),
    st.Page("app_pages/cooccurrence.py", title="Co-occurrence", icon=":material/hub:"),
    st.Page("app_pages/stance.py", title="Stance", icon=":material/balance:"),
    st.Page("app_pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("app_pages/outlets.py", title="Outlets", icon=":material/newsmode:"),
    st.Page("app_pages/quotes.py", title="Quotes", icon=":material/format_quote:"),
    st.Page("app_pages/articles.py", title="Articles", icon=":material/article:"),
    st.Page("app_pages/your_articles.py", title="Your articles", icon=":material/upload_file:"),
    st.Page("app_pages/method.py", title="Method", icon=":material/science:"),
]
page = st.navigation(PAGES)

# The filters live in the sidebar of every page, so they survive moving between pages.
state.filter_widgets()
state.zip_button(state.current_view())
# Bound widgets keep st.query_params in step with the URL, so the link is the view itself.
params = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
link = (st.context.url or page.url_path or ".") + ("?" + params if params else "")
st.sidebar.markdown(f"[:material/link: Share this view]({quote(link, safe=':/?&=%#+')})")
with st.sidebar.popover("Copy the link", icon=":material/content_copy:"):
    st.code(link, language=None, wrap_lines=True)
st.sidebar.caption("The link opens this page with the same filters and controls.")
if st.session_state.get("corpus_rows"):
    st.sidebar.info(f"Showing your corpus ({len(st.session_state['corpus_rows'])} articles). Reset it on *Your articles*.")
page.run()
