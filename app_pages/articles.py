"""Articles: one article's text with its actors and quotes highlighted. Everything from the text is escaped."""
import hashlib

import pandas as pd
import streamlit as st

from analytics.highlight import highlight
from app_pages import display, labels, state, tables
from app_pages.display import FOCUS_OUTLINE, MENTION_BACKGROUND, QUOTE_BACKGROUND, QUOTE_UNDERLINE

st.title("Articles")
view = state.current_view()
listed = view.rows("articles", ["article_id", "title", "source", "date", "words", "url"])
if listed.empty:
    st.info("No article in this view.")
    st.stop()
# The chooser shows (and the URL holds) short titles; links made elsewhere name the article by its id.
asked = st.query_params.get("article")
shown = labels.unique_titles(listed["article_id"], listed["title"])
asked = {t: a for a, t in shown.items()}.get(asked, asked)
if asked and asked not in set(listed["article_id"]):
    # A link may open an article beyond the first rows of a large view: list it too.
    listed = pd.concat([view.narrowed(articles=(asked,)).rows("articles", list(listed.columns)), listed], ignore_index=True)
    shown = labels.unique_titles(listed["article_id"], listed["title"])
if view.count("articles") > len(listed):
    st.caption(f"The first {len(listed):,} articles of the view are listed; narrow the filters to reach the others.")
ids = list(listed["article_id"])
titles = dict(zip(listed["article_id"], listed["title"]))
labels.accept_keys_in_link("article", ids, many=False, shown=shown.get)
article_id = st.selectbox("Article", ids, key="article", bind="query-params", format_func=shown.get)
st.subheader(display.md_escape(titles.get(article_id) or article_id))
focus = st.query_params.get("quote")
row = listed.set_index("article_id").loc[article_id]
st.caption(" · ".join(display.md_escape(x) for x in (row["source"], row["date"], f"{row['words']} words") if x))
if row["url"]:
    st.text(f"Source: {row['url']}")

text = state.texts().get(article_id)
if text is None:
    st.info("The dashboard was started on prebuilt tables, which hold no article texts.")
    st.stop()
quotes = view.article_rows("quotes", article_id)
followed = quotes[quotes["quote_id"] == focus] if focus and not quotes.empty else None
if followed is not None and not followed.empty and followed.iloc[0]["article_id"] == article_id:
    q = followed.iloc[0]
    st.info(f"**{display.md_escape(q['speaker'] or 'Unknown speaker')}** ({display.md_escape(q['cue'])}): "
            f"{display.md_escape(q['text'])}\n\nThe quote you followed, outlined in red below.", icon=":material/format_quote:")
body = highlight(text, view.article_rows("mentions", article_id), quotes, focus)
st.html(
    f"<style>.article{{font-size:1.02rem;line-height:1.6}}.article mark{{background:{MENTION_BACKGROUND};padding:0 2px}}"
    f".article .quote{{background:{QUOTE_BACKGROUND};border-bottom:2px solid {QUOTE_UNDERLINE}}}"
    f".article .focus{{outline:3px solid {FOCUS_OUTLINE};outline-offset:2px;scroll-margin:6rem}}"
    f".article .focus.arrived{{animation:arrived 2s ease-out}}"
    f"@keyframes arrived{{from{{box-shadow:0 0 0 8px {FOCUS_OUTLINE}55}}to{{box-shadow:0 0 0 0 transparent}}}}</style>"
    f'<div class="article">{body}</div>'
)
if focus:
    # A link names a quote: its place is scrolled to once the article is drawn. The script is the app's own and
    # names nothing from the URL or the text (it finds the outlined quote); the hash only makes each
    # article-and-quote a new element, so it runs again when either changes.
    nonce = hashlib.sha1(f"{article_id}\0{focus}".encode()).hexdigest()[:12]
    st.html(f"<script>/* {nonce} */(function () {{ let tries = 0; const go = () => {{"
            f" const q = document.querySelector('.article .focus');"
            f" if (q) {{ q.scrollIntoView({{block: 'center'}}); q.classList.add('arrived'); }}"
            f" else if (++tries < 50) setTimeout(go, 100); }}; go(); }})();</script>",
            unsafe_allow_javascript=True)
st.caption("Yellow: actor mentions (hover for the actor). Green: quotes (hover for the speaker).")
first = [c for c in ("speaker", "text", "kind", "cue", "speaker_text") if c in quotes.columns]  # what is read first
tables.show_table(quotes[first + [c for c in quotes.columns if c not in first]], "article_quotes",
                 column_config={"text": st.column_config.TextColumn(width="large")})
