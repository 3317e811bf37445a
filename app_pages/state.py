"""What every page shares: the cached model and analyses, the visitor's corpus, the filters, downloads.

Caching sits here, at the boundary between the analysis layer and the UI:
the spaCy model once per server (``st.cache_resource``), each analysis once
per content (``st.cache_data`` keyed by the texts and the configuration).
What a visitor uploads or edits lives in ``st.session_state`` only, so no
other visitor ever sees it; cached analyses are keyed by content and only
read, so sharing them is safe.
"""
from __future__ import annotations

import hashlib
import html
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from analytics.actors import DEFAULT_REGISTRY, parse_registry
from analytics.cooccurrence import WINDOWS, cooccurrence, pair_contexts
from analytics.corpus import Article, load_corpus
from analytics.export import to_csv_bytes, zip_tables
from analytics.pipeline import ParseCache, analyse_corpus, default_cache_dir, load_model, parse_texts
from analytics.stance import DEFAULT_OUTCOMES, lexicon_from_text, parse_outcomes
from analytics.stance import stance_summary as analytics_stance_summary

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "data" / "articles"
STANCES = ["favor", "against", "neutral"]
KINDS = ["person", "organisation", "country"]
ACTOR_COLOR = "#457b9d"  # actors in one colour; green and red are kept for favor and against
MAX_ROWS = 2_000  # rows sent to the browser per table; the download has them all


@st.cache_resource(show_spinner="Loading the language model…")
def model():
    """The spaCy pipeline, once per server."""
    return load_model()


@st.cache_resource
def model_lock() -> threading.Lock:
    """One parse at a time: visitors' sessions run in threads, and a spaCy pipeline is not made for concurrent use."""
    return threading.Lock()


@st.cache_data(show_spinner=False, max_entries=32)
def analyse(articles: tuple[tuple[str, ...], ...], registry_text: str, outcomes_text: str) -> dict[str, pd.DataFrame]:
    """The analysis tables of a corpus, cached by its content and configuration."""
    corpus = [Article(*row) for row in articles]
    nlp = model()
    with model_lock():
        return analyse_corpus(
            corpus, nlp, parse_registry(registry_text), parse_outcomes(outcomes_text),
            cache=ParseCache(default_cache_dir(), nlp), lexicon=lexicon_from_text(outcomes_text),
        ).tables


def parse_with_progress(articles: tuple[tuple[str, ...], ...], progress) -> None:
    """Parse a new corpus into the parse cache, reporting progress; `analyse` then reads it from there.

    Kept outside the cached `analyse`, whose page elements Streamlit could not replay.
    """
    nlp = model()
    with model_lock():
        parse_texts(nlp, [row[1] for row in articles], ParseCache(default_cache_dir(), nlp), on_parsed=progress)


@st.cache_data(show_spinner=False)
def default_articles() -> tuple[tuple[str, ...], ...]:
    return as_rows(load_corpus(DEFAULT_CORPUS).articles)


def as_rows(articles: list[Article]) -> tuple[tuple[str, ...], ...]:
    """Articles as hashable rows (the cache key of an analysis)."""
    return tuple((a.article_id, a.text, a.title, a.source, a.date, a.url, a.file) for a in articles)


def corpus_rows() -> tuple[tuple[str, ...], ...]:
    """The visitor's corpus: what they uploaded in this session, else the default corpus."""
    return st.session_state.get("corpus_rows") or default_articles()


def registry_text() -> str:
    return st.session_state.get("registry_text") or DEFAULT_REGISTRY.read_text(encoding="utf-8")


def outcomes_text() -> str:
    return st.session_state.get("outcomes_text") or DEFAULT_OUTCOMES.read_text(encoding="utf-8")


TABLES_ENV = "DASHBOARD_TABLES"


@st.cache_data(show_spinner="Reading the tables…", max_entries=4)
def prebuilt_tables(folder: str, stamp: float) -> dict[str, pd.DataFrame]:
    """Tables written by `python -m analytics build` (``stamp`` changes when they do)."""
    from analytics.export import read_csv

    return {p.stem: read_csv(p) for p in sorted(Path(folder).glob("*.csv"))}


def prebuilt_folder() -> Path | None:
    """The build output the server was started on ($DASHBOARD_TABLES), unless the visitor uploaded a corpus."""
    folder = os.environ.get(TABLES_ENV)
    if folder and not st.session_state.get("corpus_rows") and (Path(folder) / "articles.csv").exists():
        return Path(folder)
    return None


def tables() -> dict[str, pd.DataFrame]:
    """The full analysis of the visitor's corpus (from the cache when warm)."""
    folder = prebuilt_folder()
    if folder is not None:
        stamp = max(p.stat().st_mtime for p in folder.glob("*.csv"))
        return prebuilt_tables(str(folder), stamp)
    rows = corpus_rows()
    with st.spinner(f"Analysing {len(rows)} articles…"):
        return analyse(rows, registry_text(), outcomes_text())


def texts() -> dict[str, str]:
    """Article texts by id, for showing passages (never parsed here); none for prebuilt tables."""
    if prebuilt_folder() is not None:
        return {}
    return {row[0]: row[1] for row in corpus_rows()}


# --- Filters -------------------------------------------------------------------

def filter_widgets(full: dict[str, pd.DataFrame]) -> None:
    """The sidebar filters, bound to the URL so a copied link reproduces the view on any page."""
    arts = full["articles"]
    sb = st.sidebar
    sb.header("Filters")
    # Options are article ids, not titles: a bound widget writes its options' labels into the URL.
    sb.multiselect("Articles", list(arts["article_id"]), key="articles", bind="query-params",
                   persist_state="session", placeholder="All articles", help="Article ids; titles are on the Overview page.")
    dates = sorted(d for d in arts["date"].dropna().unique() if d)
    if dates:
        sb.multiselect("Dates", dates, key="dates", bind="query-params", persist_state="session", placeholder="All dates")
    sources = sorted(s for s in arts["source"].dropna().unique() if s)
    if sources:
        sb.multiselect("Sources", sources, key="sources", bind="query-params", persist_state="session", placeholder="All sources")
    sb.multiselect("Kinds of actor", KINDS, default=["person"], key="kinds", bind="query-params", persist_state="session",
                   help="Which actors the mention charts and the co-occurrence network count. Quotes and stances keep "
                        "every speaker (people, organisations, countries); narrow them with *Actors*.")
    actors = sorted(full["actor_counts"]["actor"].unique())
    sb.multiselect("Actors", actors, key="actors", bind="query-params", persist_state="session", placeholder="All actors")
    outcomes = sorted(full["stances"]["outcome"].unique()) if "stances" in full else []
    sb.multiselect("Outcomes", outcomes, key="outcomes", bind="query-params", persist_state="session", placeholder="All outcomes")
    sb.multiselect("Stance", STANCES, key="stance", bind="query-params", persist_state="session", placeholder="Any stance")


@dataclass
class View:
    """The tables of the current view: the analysis with the filters applied."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    actor_counts: pd.DataFrame
    quotes: pd.DataFrame
    stances: pd.DataFrame
    full: dict[str, pd.DataFrame]

    def cooccurrence(self, window: str | None = None) -> pd.DataFrame:
        """Co-occurrence of the filtered mentions, for one window or all three."""
        return cached_cooccurrence(self.mentions, self.articles, (window,) if window else WINDOWS)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {"articles": self.articles, "mentions": self.mentions, "actor_counts": self.actor_counts,
                "cooccurrence": self.cooccurrence(), "quotes": self.quotes, "stances": self.stances}


@st.cache_data(show_spinner=False, max_entries=64)
def cached_cooccurrence(mentions: pd.DataFrame, articles: pd.DataFrame, windows: tuple[str, ...]) -> pd.DataFrame:
    # A page needs one window at a time: computing only that one keeps a filter change quick.
    return cooccurrence(mentions, articles, windows)


@st.cache_data(show_spinner=False, max_entries=32)
def pair_passages(mentions: pd.DataFrame, a: str, b: str, window: str, corpus: str, _texts: dict[str, str]) -> pd.DataFrame:
    """The passages behind a pair (`analytics.cooccurrence.pair_contexts`), cached per corpus and pair."""
    named = mentions[mentions["actor"].isin([a, b])]
    # Only the articles naming both can hold a shared window: a far smaller table to group.
    both = set(named.loc[named["actor"] == a, "article_id"]) & set(named.loc[named["actor"] == b, "article_id"])
    return pair_contexts(named[named["article_id"].isin(both)], _texts, a, b, window)


def corpus_key() -> str:
    """Identifies the corpus whose texts `texts()` gives (for caches that take the texts unhashed)."""
    folder = prebuilt_folder()
    if folder is not None:
        return f"prebuilt:{folder}"
    digest = hashlib.sha1()
    for row in corpus_rows():
        digest.update(row[0].encode("utf-8", "surrogatepass") + b"\0" + row[1].encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


@st.cache_data(show_spinner=False, max_entries=64)
def stance_summary(stances: pd.DataFrame, articles: pd.DataFrame | None = None, by: str | None = None) -> pd.DataFrame:
    """`analytics.stance.stance_summary`, cached per view."""
    return analytics_stance_summary(stances, articles, by)


VIEW_OF_THIS_RUN = "_view_of_this_run"


def current_view() -> View:
    """The analysis filtered by the sidebar's values, computed once per run (no text is parsed).

    The sidebar and the page both need it; it is kept in the session only
    while the run lasts (see `forget_view`), not between runs.
    """
    view = st.session_state.get(VIEW_OF_THIS_RUN)
    if view is None:
        view = st.session_state[VIEW_OF_THIS_RUN] = filtered_view()
    return view


def forget_view() -> None:
    st.session_state.pop(VIEW_OF_THIS_RUN, None)


def filtered_view() -> View:
    """The analysis filtered by the sidebar's values."""
    full = tables()
    ss = st.session_state
    arts = full["articles"]
    keep = pd.Series(True, index=arts.index)
    if ss.get("articles"):
        keep &= arts["article_id"].isin(ss["articles"])
    if ss.get("dates"):
        keep &= arts["date"].isin(ss["dates"])
    if ss.get("sources"):
        keep &= arts["source"].isin(ss["sources"])
    arts = arts[keep]
    ids = set(arts["article_id"])
    kinds = ss.get("kinds") or KINDS
    mentions = full["mentions"][full["mentions"]["article_id"].isin(ids) & full["mentions"]["kind"].isin(kinds)]
    counts = full["actor_counts"][full["actor_counts"]["article_id"].isin(ids) & full["actor_counts"]["kind"].isin(kinds)]
    quotes = full["quotes"][full["quotes"]["article_id"].isin(ids)]
    stances = full["stances"][full["stances"]["article_id"].isin(ids)]
    if ss.get("actors"):
        chosen = set(ss["actors"])
        mentions = mentions[mentions["actor"].isin(chosen)]
        counts = counts[counts["actor"].isin(chosen)]
        quotes = quotes[quotes["speaker"].isin(chosen)]
        stances = stances[stances["speaker"].isin(chosen)]
    if ss.get("outcomes"):
        stances = stances[stances["outcome"].isin(ss["outcomes"])]
    if ss.get("stance"):
        stances = stances[stances["stance"].isin(ss["stance"])]
    if ss.get("outcomes") or ss.get("stance"):
        quotes = quotes[quotes["quote_id"].isin(stances["quote_id"])]
    return View(arts, mentions, counts, quotes, stances[stances["quote_id"].isin(quotes["quote_id"])], full)


# --- Showing tables ------------------------------------------------------------------

def show_table(table: pd.DataFrame, name: str, **kwargs) -> None:
    """A table with a CSV download of exactly what it shows (built only when clicked)."""
    shown = table.head(MAX_ROWS)
    st.dataframe(shown, hide_index=True, **kwargs)
    if len(table) > MAX_ROWS:
        st.caption(f"Showing the first {MAX_ROWS:,} of {len(table):,} rows; the download has them all.")
    st.download_button(
        f"Download {name}.csv", data=lambda: to_csv_bytes(table), file_name=f"{name}.csv",
        mime="text/csv", on_click="ignore", key=f"download-{name}", icon=":material/download:",
    )


def zip_button(view: View) -> None:
    st.sidebar.download_button(
        "Download all tables (zip)", data=lambda: zip_tables(view.tables()), file_name="news-analytics.zip",
        mime="application/zip", on_click="ignore", key="download-zip", icon=":material/folder_zip:",
    )


def escape(text) -> str:
    """Text from an article made safe for HTML (st.html, chart labels)."""
    return html.escape("" if text is None else str(text), quote=True)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def md_escape(text) -> str:
    """Text from an article made inert for Streamlit markdown: no link, image, HTML, directive or formatting."""
    flat = " ".join(("" if text is None else str(text)).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
