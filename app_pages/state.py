"""What every page shares: the cached model and analyses, the visitor's corpus, the filters, downloads.

Caching sits here, at the boundary between the analysis layer and the UI:
the spaCy model once per server (``st.cache_resource``), each analysis once
per content (``st.cache_data`` keyed by the texts and the configuration),
each query result by that content, the filters and the query's arguments.
What a visitor uploads or edits lives in ``st.session_state`` only, so no
other visitor ever sees it; cached analyses and results are keyed by content
and only read, so sharing them is safe. A `View` carries its store into the
cached queries itself: no module global holds a visitor's store.

The default corpus (small, its parses cached) is analysed here, once per
server and configuration. A visitor's own corpus is analysed in a worker
process (`app_pages.uploads`), its tables kept in their session: the
server's threads only wait, showing the visitor where their analysis stands.
"""
from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from analytics.actors import DEFAULT_REGISTRY, KINDS, parse_registry
from analytics import drill, outlets, search, store, timeline
from analytics.cooccurrence import pair_contexts
from analytics.corpus import Article, load_corpus
from analytics.export import read_csv
from analytics.parse import load_model
from analytics.outcomes import DEFAULT_OUTCOMES
from analytics.store import STANCES, Filters, Store
from app_pages import choosers, corrected, labels, uploads
from app_pages.display import md_escape

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "data" / "articles"
MAX_ROWS = 2_000  # rows sent to the browser per table; the download has them all
MAX_GRID_ARTICLES = 60  # articles (columns) in the actor x article heatmap


@st.cache_resource(show_spinner="Loading the language model…")
def model():
    """The spaCy pipeline, once per server."""
    return load_model()


@st.cache_resource
def model_lock() -> threading.Lock:
    """One parse at a time in the server: sessions run in threads, and a spaCy pipeline is not made for concurrent use."""
    return threading.Lock()


@st.cache_data(show_spinner=False, max_entries=32)
def analyse(articles: tuple[tuple[str, ...], ...], registry_text: str, outcomes_text: str) -> dict[str, pd.DataFrame]:
    """The analysis tables of the server's own corpus (`default_articles`, small, its parses cached) with a
    registry and outcomes, in this process, cached by content. A visitor's corpus goes to a worker
    (`analyse_in_worker`)."""
    with model_lock():
        return uploads.analyse_rows(articles, registry_text, outcomes_text, nlp=model())


@st.cache_resource
def upload_workers() -> uploads.Workers:
    """The worker processes that analyse visitors' corpora, once per server."""
    return uploads.Workers()


def analyse_in_worker(rows: tuple[tuple[str, ...], ...], registry: str, outcomes: str) -> dict[str, pd.DataFrame]:
    """The analysis tables of ``rows``, made by a worker process while this page shows where it stands
    (waiting for others, parsing, the rest). Raises `uploads.UploadError` with a message for the visitor."""
    workers = upload_workers()
    ticket = workers.submit(analysis_key(rows, registry, outcomes), rows, registry, outcomes)
    shown = st.empty()

    def show(status: uploads.Status) -> None:
        if status.started:
            shown.progress(min(status.parsed / max(status.total, 1), 1.0), text=status.message())
        else:
            shown.info(status.message(), icon=":material/hourglass_top:")

    try:
        return workers.wait(ticket, show)[1]
    finally:
        shown.empty()


def keep_analysis(rows: tuple[tuple[str, ...], ...], registry: str, outcomes: str, tables: dict[str, pd.DataFrame]) -> None:
    """Make ``rows`` the visitor's corpus, with its tables (analysed with ``registry`` and ``outcomes``)."""
    key = analysis_key(rows, registry, outcomes)
    st.session_state["corpus_rows"] = rows
    st.session_state["own_analysis"] = (key, Store.from_tables(tables))


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


def prebuilt_folder() -> Path | None:
    """The build output the server was started on ($DASHBOARD_TABLES), unless the visitor uploaded a corpus."""
    folder = os.environ.get(TABLES_ENV)
    if folder and not st.session_state.get("corpus_rows") and (Path(folder) / "articles.csv").exists():
        return Path(folder)
    return None


@st.cache_resource(show_spinner="Opening the tables…", max_entries=8)
def _prebuilt_store(folder: str, stamp: float) -> Store:
    """A build's tables (``stamp`` changes when they do): its Parquet files in place, else its CSV files read once."""
    if (Path(folder) / "parquet" / "articles").is_dir():
        return Store.from_parquet(folder)
    return Store.from_tables({p.stem: read_csv(p, dtype={"article_id": str})
                              for p in sorted(Path(folder).glob("*.csv"))})


@st.cache_resource(max_entries=32)
def _memory_store(key: str, _tables: dict[str, pd.DataFrame]) -> Store:
    return Store.from_tables(_tables)


@st.cache_data(show_spinner=False, ttl=2, max_entries=8)
def _folder_stamp(folder: str) -> float:
    """The newest change to a build's files. A page asks for the store several times a run, and a large build
    has hundreds of files: looked at once in two seconds, so a rebuild shows within two seconds."""
    return max(p.stat().st_mtime for p in Path(folder).rglob("*") if p.is_file())


@st.cache_resource(show_spinner=False)
def _default_size() -> int:
    return len(default_articles())


@st.cache_resource(show_spinner=False, max_entries=32)
def _default_store(registry: str, outcomes: str) -> tuple[str, Store]:
    """The server's own corpus analysed with ``registry`` and ``outcomes``, and its key. A page asks for the
    store several times a run: found here by the two texts, without hashing the corpus and copying its
    cached tables out of `analyse` every time."""
    rows = default_articles()
    key = analysis_key(rows, registry, outcomes)
    return key, _memory_store(key, analyse(rows, registry, outcomes))


def current_store() -> tuple[str, Store]:
    """(a key naming the content of the visitor's analysis, its tables in a `analytics.store.Store`), with the
    visitor's corrections (Quotes page) applied."""
    return corrected.applied(*analysis_store())


def analysis_store() -> tuple[str, Store]:
    """`current_store` before the visitor's corrections."""
    folder = prebuilt_folder()
    if folder is not None:
        stamp = _folder_stamp(str(folder))
        return f"prebuilt:{folder}:{stamp}", _prebuilt_store(str(folder), stamp)
    registry, outcomes = registry_text(), outcomes_text()
    if not own_corpus():
        with st.spinner(f"Analysing {_default_size()} articles…"):
            return _default_store(registry, outcomes)
    rows = corpus_rows()
    key = analysis_key(rows, registry, outcomes)
    kept = st.session_state.get("own_analysis")
    if kept is None or kept[0] != key:
        # The visitor's corpus with the actors or outcomes they have just edited: analysed again in a worker.
        try:
            tables = analyse_in_worker(rows, registry, outcomes)
        except uploads.UploadError as err:
            st.error(md_escape(str(err)))
            st.stop()
        keep_analysis(rows, registry, outcomes, tables)
        kept = st.session_state["own_analysis"]
    return kept


YOUR_SETTINGS = ("corpus_rows", "own_analysis", "registry_text", "outcomes_text", "registry_edit", "outcomes_edit")  # what *Your articles* keeps in the session


def reset_to_default() -> None:
    """Forget the visitor's corpus, actors and outcomes (and their edits): the view a fresh session has."""
    for key in YOUR_SETTINGS:
        st.session_state.pop(key, None)


def customised() -> bool:
    """Whether the visitor's view is analysed with a corpus, actors or outcomes of their own."""
    return any(st.session_state.get(key) for key in ("corpus_rows", "registry_text", "outcomes_text"))


def own_corpus() -> bool:
    """Whether the visitor analysed a corpus of their own in this session."""
    return bool(st.session_state.get("corpus_rows"))


def analysis_key(rows: tuple[tuple[str, ...], ...], registry: str, outcomes: str) -> str:
    """Names the analysis of ``rows`` with ``registry`` and ``outcomes`` (what cached results are keyed by)."""
    return hashlib.sha1(f"{rows_digest(rows)}\0{registry}\0{outcomes}".encode("utf-8", "surrogatepass")).hexdigest()


def texts() -> dict[str, str]:
    """Article texts by id, for showing passages (never parsed here); none for prebuilt tables."""
    if prebuilt_folder() is not None:
        return {}
    return {row[0]: row[1] for row in corpus_rows()}


# --- Filters -------------------------------------------------------------------

@st.cache_resource(show_spinner=False, max_entries=16)
def filter_options(_store: Store, key: str) -> dict[str, list[str]]:
    """The values each filter offers, cached by ``key`` (the content of ``_store``, which is not hashed). Only
    read, so one copy serves every run (a copy per run, as st.cache_data gives, cost a large build 100,000 ids)."""
    return store.options(_store)


def filter_widgets() -> None:
    """The sidebar filters, bound to the URL so a copied link reproduces the view on any page."""
    key, found = current_store()
    options = filter_options(found, key)
    sb = st.sidebar
    sb.header("Filters")
    note_dropped(options)
    choosers.article_filter(options["articles"], key)
    if options["dates"]:
        sb.multiselect("Dates", options["dates"], key="dates", bind="query-params", persist_state="session", placeholder="All dates")
    if options["sources"]:
        sb.multiselect("Sources", options["sources"], key="sources", bind="query-params", persist_state="session",
                       placeholder="All sources")
    sb.multiselect("Kinds of actor", KINDS, default=["person"], key="kinds", bind="query-params", persist_state="session",
                   help="Which actors the mention charts and the co-occurrence network count. Quotes and stances keep "
                        "every speaker (people, organisations, countries); narrow them with *Actors*.")
    sb.multiselect("Actors", options["actors"], key="actors", bind="query-params", persist_state="session", placeholder="All actors")
    labels.accept_keys_in_link("outcomes", options["outcomes"])
    sb.multiselect("Outcomes", options["outcomes"], key="outcomes", bind="query-params", persist_state="session",
                   placeholder="All outcomes", format_func=labels.outcome_label)
    sb.multiselect("Stance", STANCES, key="stance", bind="query-params", persist_state="session", placeholder="Any stance")
    if options["found_by"]:
        sb.multiselect("Outcome found by", options["found_by"], key="found_by", bind="query-params", persist_state="session",
                       placeholder="Any way", help="How each stance's outcome was found, surest first: named in the quote, "
                                                    "in its sentence, the sentence or paragraph around it, the heading, the "
                                                    "title, the article, or only by words of the outcome's description.")


FILTER_LABELS = {"articles": "Articles", "dates": "Dates", "sources": "Sources", "kinds": "Kinds of actor", "actors": "Actors",
                 "outcomes": "Outcomes", "stance": "Stance", "found_by": "Outcome found by"}


def dropped_values(asked: list[str], offered: list[str]) -> list[str]:
    """The values of ``asked`` (from a link) that are not among ``offered``, in the link's order."""
    have = set(offered)
    return [value for value in asked if value not in have]


def note_dropped(options: dict[str, list[str]]) -> None:
    """Remember which values of the link's filters this corpus does not have (the widgets drop them silently),
    so `sidebar_notices` can say so until the visitor changes that filter."""
    # The outcomes widget writes labels into the URL; an older link its keys: either is a value it has.
    by_label = {labels.outcome_label(k): k for k in options["outcomes"]} | {k: k for k in options["outcomes"]}
    offered = {**options, "stance": list(STANCES), "kinds": list(KINDS), "outcomes": list(by_label)}
    notes = st.session_state.setdefault("dropped_filters", {})
    for name in FILTER_LABELS:
        if name in st.session_state:  # the widget has its value already: the URL is its echo
            continue
        gone = dropped_values(st.query_params.get_all(name), offered.get(name, []))
        if gone:
            kept = [by_label.get(v, v) if name == "outcomes" else v for v in st.query_params.get_all(name) if v not in gone]
            notes[name] = (gone, kept)


def sidebar_notices() -> None:
    """What the sidebar tells the visitor about the view: values a link named that are gone, their own
    corpus, their own actors or outcomes."""
    notes = st.session_state.get("dropped_filters", {})
    for name, (gone, kept) in list(notes.items()):
        if list(st.session_state.get(name) or []) != kept:
            del notes[name]  # the visitor has chosen again
            continue
        rest = "the other values are applied" if kept else f"so the view is not narrowed by {FILTER_LABELS[name].lower()}"
        st.sidebar.warning(f"The link or the filter asked for {FILTER_LABELS[name].lower()} this corpus does not have: "
                           f"{', '.join(md_escape(v) for v in gone)}. Left out; {rest}.", icon=":material/link_off:")
    edited = [what for what, key in (("actors", "registry_text"), ("outcomes", "outcomes_text")) if st.session_state.get(key)]
    if own_corpus():
        st.sidebar.info(f"Showing your corpus ({len(st.session_state['corpus_rows'])} articles). "
                        "Reset it on *Your articles*.")
    if edited:
        st.sidebar.info(f"Analysed with your own {' and '.join(edited)}. Reset them on *Your articles*.")
    if corrected.records():
        n = len(corrected.records())
        st.sidebar.info(f"With your {n} correction{'' if n == 1 else 's'} of quotes (on *Quotes*).", icon=":material/edit_note:")


def current_filters() -> Filters:
    ss = st.session_state
    return Filters(**{name: tuple(ss.get(name) or ()) for name in
                      ("articles", "dates", "sources", "kinds", "actors", "outcomes", "stance", "found_by")})


@st.cache_data(show_spinner=False, max_entries=512)
def _query(_store: Store, key: str, function: str, filters: Filters, args: tuple):
    # Keyed by the content of the analysis, the filters and the arguments (``_store`` is not hashed: ``key``
    # names its content), so moving between pages or controls reuses results, and visitors who sent the same
    # content share them.
    return _function(function)(_store, filters, *args)


def _function(name: str):
    """A query of `analytics.store`, or of `analytics.timeline` / `outlets` / `drill` / `search` as ``MODULE.NAME``."""
    module, _, function = name.rpartition(".")
    return getattr({"timeline": timeline, "outlets": outlets, "drill": drill, "search": search}.get(module, store), function)


@dataclass(frozen=True)
class View:
    """The analysis with the sidebar's filters applied; every method runs (or reuses) one query.

    ``key`` names what ``store`` holds (the texts and configuration analysed,
    or a build folder and its date), and is what cached results are keyed by.
    """

    key: str
    store: Store = field(compare=False, repr=False)
    filters: Filters

    def _ask(self, function: str, *args):
        return _query(self.store, self.key, function, self.filters, args)

    def fresh(self, function: str, *args):
        """Run a query of `analytics.store` without the cache: for full tables, asked for once by a download."""
        return _function(function)(self.store, self.filters, *args)

    def query(self, function: str, *args):
        """A query of `analytics.timeline` or `analytics.outlets` on the view, named ``MODULE.NAME``
        (``timeline.coverage``, ``outlets.stance_by_source``)."""
        return self._ask(function, *args)

    def totals(self) -> dict[str, int]:
        return self._ask("totals")

    def count(self, table: str) -> int:
        return self._ask("count", table)

    def rows(self, table: str, columns: list[str] | None = None, order: str | None = None, limit: int | None = MAX_ROWS):
        return self._ask("rows", table, tuple(columns) if columns else None, order, limit)

    def actor_totals(self, limit: int | None = None):
        return self._ask("actor_totals", limit)

    def actor_grid(self, actors: list[str], max_articles: int):
        return self._ask("actor_grid", tuple(actors), max_articles)

    def outcome_split(self):
        return self._ask("outcome_split")

    def contested_outcomes(self):
        return self._ask("contested_outcomes")

    def stance_by_speaker_outcome(self):
        return self._ask("stance_by_speaker_outcome")

    def stance_trend(self, by: str):
        return self._ask("stance_trend", by)

    def cell_quotes(self, speaker: str, outcome: str, limit: int | None = MAX_ROWS):
        return self._ask("cell_quotes", speaker, outcome, limit)

    def quote_search(self, kinds: tuple, search: str, limit: int | None = MAX_ROWS):
        return self._ask("quote_search", tuple(kinds), search, limit)

    def actor_pairs(self, window: str):
        return self._ask("actor_pairs", window)

    def pair_mentions(self, a: str, b: str, max_articles: int | None = MAX_ROWS):
        return self._ask("pair_mentions", a, b, max_articles)

    def article_rows(self, table: str, article_id: str):
        return _article_rows(self.store, self.key, table, article_id)

    def speakers(self) -> list[str]:
        return self._ask("speakers")

    def narrowed(self, **changes) -> "View":
        """This view with some filters replaced (``actors=("Ana Lima",)``)."""
        return replace(self, filters=replace(self.filters, **changes))

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table of the view in full (for the zip download)."""
        return store.full_tables(self.store, self.filters)


@st.cache_data(show_spinner=False, max_entries=64)
def _article_rows(_store: Store, key: str, table: str, article_id: str) -> pd.DataFrame:
    return store.article_rows(_store, table, article_id)


@st.cache_data(show_spinner=False, max_entries=32)
def pair_passages(mentions: pd.DataFrame, a: str, b: str, window: str, corpus: str, _texts: dict[str, str]) -> pd.DataFrame:
    """The passages behind a pair (`analytics.cooccurrence.pair_contexts`), cached per corpus and pair."""
    return pair_contexts(mentions, _texts, a, b, window)


def corpus_key() -> str:
    """Identifies the corpus whose texts `texts()` gives (for caches that take the texts unhashed)."""
    folder = prebuilt_folder()
    if folder is not None:
        return f"prebuilt:{folder}"
    return rows_digest(corpus_rows())


def rows_digest(rows: tuple[tuple[str, ...], ...]) -> str:
    """A digest of the ids and texts of ``rows``."""
    digest = hashlib.sha1()
    for row in rows:
        digest.update(row[0].encode("utf-8", "surrogatepass") + b"\0" + row[1].encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def current_view() -> View:
    """The analysis filtered by the sidebar's values (no text is parsed)."""
    key, found = current_store()
    return View(key, found, current_filters())
