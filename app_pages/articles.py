"""Articles: one article's text with its actors and quotes highlighted. Everything from the text is escaped."""
import pandas as pd
import streamlit as st

from app_pages import state

st.title("Articles")
view = state.current_view()
listed = view.rows("articles", ["article_id", "title", "source", "date", "words", "url"])
if listed.empty:
    st.info("No article in this view.")
    st.stop()
asked = st.query_params.get("article")
if asked and asked not in set(listed["article_id"]):
    # A link may open an article beyond the first rows of a large view: list it too.
    listed = pd.concat([view.narrowed(articles=(asked,)).rows("articles", list(listed.columns)), listed], ignore_index=True)
if view.count("articles") > len(listed):
    st.caption(f"The first {len(listed):,} articles of the view are listed; narrow the filters to reach the others.")
ids = list(listed["article_id"])
titles = dict(zip(listed["article_id"], listed["title"]))
article_id = st.selectbox("Article", ids, key="article", bind="query-params")
st.subheader(state.md_escape(titles.get(article_id) or article_id))
focus = st.query_params.get("quote")
row = listed.set_index("article_id").loc[article_id]
st.caption(" · ".join(state.md_escape(x) for x in (row["source"], row["date"], f"{row['words']} words") if x))
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
    st.info(f"**{state.md_escape(q['speaker'] or 'Unknown speaker')}** ({state.md_escape(q['cue'])}): "
            f"{state.md_escape(q['text'])}\n\nThe quote you followed, outlined in red below.", icon=":material/format_quote:")
marks = []  # (start, end, kind, label)
for m in view.article_rows("mentions", article_id).itertuples():
    marks.append((m.start, m.end, "mention", m.actor))
for q in quotes.itertuples():
    marks.append((q.start, q.end, "quote", q.quote_id))

# Quotes open and close around mentions; build the page as escaped text between tags.
events = sorted([(s, 1, k, lab) for s, e, k, lab in marks] + [(e, 0, k, lab) for s, e, k, lab in marks],
                key=lambda ev: (ev[0], ev[1], ev[2] == "mention"))
parts, pos = [], 0
speakers = dict(zip(quotes["quote_id"], quotes["speaker"]))
for at, opening, kind, label in events:
    parts.append(state.escape(text[pos:at]))
    pos = at
    if kind == "quote":
        if opening:
            ring = " focus" if label == focus else ""
            who = state.escape(speakers.get(label) or "unknown speaker")
            parts.append(f'<span class="quote{ring}" id="{state.escape(label)}" title="{who}">')
        else:
            parts.append("</span>")
    else:
        parts.append(f'<mark title="{state.escape(label)}">' if opening else "</mark>")
parts.append(state.escape(text[pos:]))
body = "".join(parts).replace("\n", "<br>")
st.html(
    "<style>.article{font-size:1.02rem;line-height:1.6}.article mark{background:#ffe8a3;padding:0 2px}"
    ".article .quote{background:#e0f2f1;border-bottom:2px solid #2a9d8f}.article .focus{outline:2px solid #e76f51}</style>"
    f'<div class="article">{body}</div>'
)
st.caption("Yellow: actor mentions (hover for the actor). Green: quotes (hover for the speaker).")
state.show_table(quotes, "article_quotes")
