"""From a corpus to its tables: one parsed article through the components, the table shapes, the analysis.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

import pandas as pd

from .actors import Registry
from .corpus import Article, furniture_spans
from .cooccurrence import cooccurrence

# spaCy and the modules built on it are imported where they are used, so
# that a build whose tables are all cached starts without loading them.
if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .parse import ParseCache

ARTICLE_COLUMNS = [
    "article_id", "title", "source", "date", "url", "file",
    "words", "sentences", "paragraphs", "mentions", "quotes",
]


@dataclass
class Analysis:
    """The tables of one analysed corpus, by name (see README for their columns)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


def discover_registry(docs: Iterable[Doc], registry: Registry) -> Registry:
    """``registry`` plus the people that ``docs`` name in full but the registry lacks."""
    from .mentions import person_candidates

    return registry.with_people(name for doc in docs for name in person_candidates(doc))


def analyse_doc(doc: Doc, article: Article, registry: Registry, ruler=None, outcomes=None, lexicon=None) -> dict[str, list[dict]]:
    """Everything one article yields: its mentions, quotes and stances as lists of rows.

    A pure function of the parsed article and the configuration, so that
    articles can be analysed in any order or place and the rows combined.
    """
    from .mentions import extract_mentions
    from .quotes import extract_quotes

    skip = furniture_spans(article.text)

    def kept(row: dict) -> bool:
        return not any(s <= row["start"] < e for s, e in skip)

    mentions = [m for m in extract_mentions(doc, registry, article.article_id, ruler) if kept(m)]
    rows: dict[str, list[dict]] = {"mentions": mentions}
    quotes = [q for q in extract_quotes(doc, mentions, registry, article.article_id) if kept(q)]
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

    job = engines.Job(model=None, cache_dir=str(cache.root) if cache else None, batch_size=batch_size,
                      outcomes=tuple(outcomes) if outcomes is not None else None, lexicon=lexicon)
    parts = dict(engines.run(articles, registry, job, nlp, processes=processes,
                             chunk_size=chunk_size or engines.DEFAULT_CHUNK, progress=progress))
    frames = [row_frames(parts[i]) for i in sorted(parts)]
    per_article = {name: concat_parts([f[name] for f in frames], name) for name in PER_ARTICLE}
    return Analysis(tables=assemble_tables(per_article, outcomes is not None))


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
