"""Search: one box across quote text, speakers and article text, every match marked."""
import streamlit as st

from analytics import search
from analytics.export import to_download_bytes
from analytics.highlight import escape
from app_pages import drill, labels, state

SHOWN_QUOTES = 30  # quotes drawn with their matches marked; the download has them all
SHOWN_ACTORS = 20
SHOWN_ARTICLES = 20
STYLE = ("<style>.hit{line-height:1.5}.hit mark{background:#ffe8a3;padding:0 1px}.hit .meta{color:#5c677d;"
         "font-size:.88rem}.hit blockquote{margin:.25rem 0 .15rem .2rem;padding-left:.6rem;border-left:3px solid #a8dadc}"
         ".hit ul{margin:.2rem 0 0 1rem;padding:0}</style>")

st.title("Search")
view = state.current_view()
st.caption("One search across what was said, who said it and the articles' own text, within the filters on the left. "
           "Every word must occur (in any case); put \"a phrase\" in double quotes to find it whole.")
asked = st.text_input("Words to find", key="find", bind="query-params", placeholder='e.g. ceasefire Lima, or "peace deal"')
found = search.terms(asked)
if not found:
    st.info("Type words to search the quotes, the speakers and the articles of this view.", icon=":material/search:")
    st.stop()
if len(found) == search.MAX_TERMS and len(set(asked.lower().split())) > search.MAX_TERMS:
    st.caption(f"Only the first {search.MAX_TERMS} words are searched.")

quotes, n_quotes = view.query("search.quotes", found, SHOWN_QUOTES)
actors, n_actors = view.query("search.speakers", found, SHOWN_ACTORS)
texts = state.texts()


kept = drill.kept_params()


def with_places(table):
    """Quotes with a link to each one's place in its article (for the download)."""
    return table.assign(place=drill.article_links(table["article_id"], table["quote_id"], kept))


@st.cache_data(show_spinner=False, max_entries=64)
def article_hits(corpus: str, ids: tuple, titles: tuple, words: tuple, _texts: dict):
    """`analytics.search.search_texts` over the view's articles, cached per corpus, view and words."""
    return search.search_texts(_texts, dict(zip(ids, titles)), words)


if texts:
    listed = view.rows("articles", ["article_id", "title"], limit=None)
    articles, n_articles = article_hits(state.corpus_key(), tuple(listed["article_id"]), tuple(listed["title"]), found, texts)
else:
    articles, n_articles = None, 0


def counted(n: int, one: str, many: str) -> str:
    return f"**{n:,}** {one if n == 1 else many}"


st.markdown(" · ".join([counted(n_quotes, "quote", "quotes"), counted(n_actors, "speaker or actor", "speakers and actors")]
                       + ([] if articles is None else [counted(n_articles, "article", "articles")])))
st.html(STYLE)

st.subheader("Speakers and actors")
if actors.empty:
    st.caption("No speaker or actor of this view has a name with every word.")
for row in actors.itertuples():
    name, link = st.columns([4, 1], vertical_alignment="center")
    name.html(f'<div class="hit">{search.mark(row.actor, found)} <span class="meta">{escape(row.kind)} · '
              f'{row.quotes:,} quotes · {row.mentions:,} mentions</span></div>')
    link.page_link("app_pages/actors.py", label="Actors page", icon=":material/person:", query_params={"actor": row.actor})
if n_actors > len(actors):
    st.caption(f"The {len(actors)} most quoted of {n_actors:,}.")

st.subheader("Quotes")
if quotes.empty:
    st.caption("No quote of this view has every word in its text or its speaker's name.")
for row in quotes.itertuples():
    with st.container(border=True):
        # Outcomes by their labels, as every page names them (the download keeps the keys).
        stances = f'<span class="meta">{escape(labels.stances_on_screen(row.stances))}</span>' if row.stances else ""
        st.html(f'<div class="hit"><b>{search.mark(row.speaker or "Unknown speaker", found)}</b> '
                f'<span class="meta">{escape(row.cue)} · {escape(row.title)} · {escape(row.date)}</span>'
                f'<blockquote>{search.mark(row.text, found)}</blockquote>{stances}</div>')
        st.page_link("app_pages/articles.py", label="Open in the article", icon=":material/open_in_new:",
                     query_params={"article": row.article_id, "quote": row.quote_id})
if n_quotes > len(quotes):
    st.caption(f"The first {len(quotes)} of {n_quotes:,} quotes; the download has them all.")
if n_quotes:
    st.download_button("Download the matching quotes (CSV)", key="download-search_quotes", file_name="search_quotes.csv",
                       mime="text/csv", on_click="ignore", icon=":material/download:",
                       data=lambda: to_download_bytes(with_places(view.fresh("search.quotes", found, None)[0])))


st.subheader("Articles")
if articles is None:
    st.info("The dashboard was started on prebuilt tables, which hold no article texts: the quotes and speakers "
            "above are searched, the articles' text is not.", icon=":material/info:")
    st.stop()
if articles.empty:
    st.caption("No article of this view has every word in its title and text.")
for row in articles.head(SHOWN_ARTICLES).itertuples():
    with st.container(border=True):
        passages = "".join(f"<li>{s}</li>" for s in row.snippets)  # marked and escaped by analytics.search
        st.html(f'<div class="hit"><b>{row.title or escape(row.article_id)}</b> '
                f'<span class="meta">{row.matches:,} matches in the text</span><ul>{passages}</ul></div>')
        st.page_link("app_pages/articles.py", label="Open the article", icon=":material/article:",
                     query_params={"article": row.article_id})
if n_articles > SHOWN_ARTICLES:
    st.caption(f"The {SHOWN_ARTICLES} articles with the most matches of {n_articles:,}.")
