"""Articles: one article's text with its actors and quotes highlighted. Everything from the text is escaped."""
import streamlit as st

from app_pages import state

st.title("Articles")
view = state.current_view()
if view.articles.empty:
    st.info("No article in this view.")
    st.stop()
ids = list(view.articles["article_id"])
titles = dict(zip(view.articles["article_id"], view.articles["title"]))
article_id = st.selectbox("Article", ids, key="article", bind="query-params")
st.subheader(state.md_escape(titles.get(article_id, article_id)))
focus = st.query_params.get("quote")
row = view.articles.set_index("article_id").loc[article_id]
st.caption(" · ".join(state.md_escape(x) for x in (row["source"], row["date"], f"{row['words']} words") if x))
if row["url"]:
    st.text(f"Source: {row['url']}")

text = state.texts().get(article_id)
if text is None:
    st.info("The dashboard was started on prebuilt tables, which hold no article texts.")
    st.stop()
followed = view.full["quotes"][view.full["quotes"]["quote_id"] == focus] if focus else None
if followed is not None and not followed.empty and followed.iloc[0]["article_id"] == article_id:
    q = followed.iloc[0]
    st.info(f"**{state.md_escape(q['speaker'] or 'Unknown speaker')}** ({state.md_escape(q['cue'])}): "
            f"{state.md_escape(q['text'])}\n\nThe quote you followed, outlined in red below.", icon=":material/format_quote:")
marks = []  # (start, end, kind, label)
for m in view.full["mentions"][view.full["mentions"]["article_id"] == article_id].itertuples():
    marks.append((m.start, m.end, "mention", m.actor))
quotes = view.full["quotes"][view.full["quotes"]["article_id"] == article_id]
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
