"""A corpus to its tables on an engine: in memory (`analyse_corpus`) or streamed to a build folder (`write_build`).

Both run one plan, `chunk_tables`: `engines.run` on chunks of articles, each
chunk's rows made tables (`pipeline.row_frames`) as it finishes. Then the
per-article tables of every chunk are reduced to the corpus tables, in one
of two ways that give the same tables:

- in memory, `assemble_tables`: the chunks' tables joined in corpus order,
  the counts and co-occurrence computed by pandas;
- streamed, `reduce_parts`: each chunk's tables written as Parquet parts
  as soon as it is done, the counts and co-occurrence computed by DuckDB on
  the files, so the driver never holds every row.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import pandas as pd

from . import engines
from .actors import DEFAULT_REGISTRY, Registry
from .cooccurrence import cooccurrence
from .positions import position_changes
from .corpus import Article
from .export import PARQUET, BuildWriter, build_fingerprint
from .parse import load_model, model_package
from .pipeline import PER_ARTICLE, concat_parts, row_frames, typed_table

if TYPE_CHECKING:
    from spacy.language import Language

    from .parse import ParseCache

# The per-article tables whose row counts a build reports.
REPORTED = ("mentions", "quotes", "stances")


@dataclass
class Analysis:
    """The tables of one analysed corpus, by name (see README for their columns)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


def plan_job(model: str | None, cache_dir: str | Path | None, batch_size: int, outcomes=None,
             lexicon=None) -> engines.Job:
    """What every task of the plan needs besides its articles (see `engines.Job`)."""
    return engines.Job(model=model, cache_dir=str(cache_dir) if cache_dir else None, batch_size=batch_size,
                       outcomes=tuple(outcomes) if outcomes is not None else None, lexicon=lexicon)


def chunk_tables(
    articles: list[Article],
    registry: Registry,
    job: engines.Job,
    nlp: Language | None = None,
    engine: str = "local",
    processes: int = 1,
    scheduler: str | None = None,
    chunk_size: int = engines.DEFAULT_CHUNK,
    progress: Callable[[int], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[tuple[int, dict[str, pd.DataFrame]]]:
    """The plan: yields (chunk number, the chunk's per-article tables) as chunks finish, in any order.

    The arguments are `engines.run`'s: where the chunks run and with which model.
    """
    for index, rows in engines.run(articles, registry, job, nlp, engine=engine, processes=processes,
                                   scheduler=scheduler, chunk_size=chunk_size, progress=progress, warn=warn):
        yield index, row_frames(rows)


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
    job = plan_job(None, cache.root if cache else None, batch_size, outcomes, lexicon)
    parts = dict(chunk_tables(articles, registry, job, nlp, processes=processes,
                              chunk_size=chunk_size or engines.DEFAULT_CHUNK, progress=progress))
    per_article = {name: concat_parts([parts[i][name] for i in sorted(parts)], name) for name in PER_ARTICLE}
    return Analysis(tables=assemble_tables(per_article, outcomes is not None))


def write_build(
    articles: list[Article],
    out_dir: str | Path,
    registry: Registry,
    outcomes=None,
    lexicon=None,
    cache_dir: str | Path | None = None,
    batch_size: int = 32,
    engine: str = "local",
    processes: int = 1,
    scheduler: str | None = None,
    chunk_size: int = engines.DEFAULT_CHUNK,
    progress: Callable[[int], None] | None = None,
    warn: Callable[[str], None] | None = None,
    corrections: list[dict] | None = None,
) -> dict:
    """Analyse ``articles`` on ``engine`` and write every table to ``out_dir``, streaming each chunk's
    rows to Parquet parts and reducing the parts (atomic: see `export.BuildWriter`). An analyst's
    ``corrections`` (`analytics.corrections`) are applied to each chunk's tables before they are written.

    Returns the rows of the tables ``mentions``, ``quotes`` and ``stances``, under ``tables`` the
    number of tables written, and with corrections, under ``corrected`` how many named a quote and under
    ``unmatched`` the corrections that named none. Raises `parse.ModelNotFound` when no model is installed.
    """
    found = model_package()
    if found is None:
        load_model()  # raises ModelNotFound with the command that installs one
    # Loaded once here for the local engines (forked workers inherit it); Dask workers load their own.
    nlp = load_model(found[0]) if engine == "local" else None
    job = plan_job(found[0], cache_dir, batch_size, outcomes, lexicon)
    writer = BuildWriter(out_dir)
    matched: set[int] = set()
    try:
        for index, tables in chunk_tables(articles, registry, job, nlp, engine=engine, processes=processes,
                                          scheduler=scheduler, chunk_size=chunk_size, progress=progress, warn=warn):
            if corrections:
                tables = _corrected_chunk(tables, corrections, matched)
            for name, table in tables.items():
                writer.add_part(name, index, table)
        counts = {name: writer.row_count(name) for name in REPORTED}
        counts["tables"] = len(writer.finish(reduce_parts(writer.staging / PARQUET)))
    except BaseException:
        writer.discard()
        raise
    if corrections:
        counts["corrected"] = len(matched)
        counts["unmatched"] = [c for i, c in enumerate(corrections) if i not in matched]
    return counts


def _corrected_chunk(tables: dict[str, pd.DataFrame], corrections: list[dict], matched: set[int]) -> dict[str, pd.DataFrame]:
    """One chunk's tables with the corrections of its articles applied; adds to ``matched`` the numbers
    of the corrections that named one of its quotes. A chunk holds whole articles, so every engine and
    chunking gives the same tables."""
    from .corrections import apply_corrections

    ids = set(tables["articles"]["article_id"].astype(str))
    mine = [i for i, c in enumerate(corrections) if c["article_id"] in ids]
    if not mine:
        return tables
    fixed, matches = apply_corrections(tables, [corrections[i] for i in mine])
    matched.update(mine[m.index] for m in matches if m.quote_id is not None)
    return {name: typed_table(table) for name, table in fixed.items()}


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
        tables["position_changes"] = position_changes(per_article["stances"], articles)
    return {name: typed_table(table) for name, table in tables.items()}


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
    tables = {"actor_counts": typed_table(count_query(con, parts("mentions"))),
              "cooccurrence": typed_table(cooccurrence_query(con, parts("mentions"), parts("articles")))}
    if (Path(folder) / "stances").is_dir():
        # Only the columns a change needs, in corpus order (the parts' order), so every engine gives the same rows.
        stances = con.execute(f"SELECT quote_id, article_id, speaker, outcome, stance, score FROM {parts('stances')}").df()
        dates = con.execute(f"SELECT article_id, date FROM {parts('articles')}").df()
        tables["position_changes"] = typed_table(position_changes(stances, dates))
    return tables


# --- The build cache's key -----------------------------------------------------

def build_key(articles: list[Article], actors: str | Path | None = None, outcomes: str | Path | None = None,
              corrections: str = "") -> str:
    """The build cache's key for ``articles`` analysed with the registry file ``actors`` and the
    outcome file ``outcomes`` (None: the defaults) by the installed model (see `export.build_fingerprint`),
    with the text of a corrections file (``corrections``, empty for none) applied.
    """
    texts = config_texts(actors, outcomes) + ([f"corrections:{corrections}"] if corrections else [])
    return build_fingerprint(articles, str(model_package()), texts)


def config_texts(actors: str | Path | None = None, outcomes: str | Path | None = None) -> list[str]:
    """The registry and outcome files as text (None: the defaults), for the build's cache key."""
    from .outcomes import DEFAULT_OUTCOMES

    texts = []
    for path in (actors or DEFAULT_REGISTRY, outcomes or DEFAULT_OUTCOMES):
        try:
            texts.append(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            texts.append(f"unreadable:{path}")  # load_* reports it when the build runs
    return texts
