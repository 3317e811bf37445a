"""The analysis tables queried with DuckDB: filters, aggregates and capped rows, never every row at once.

A `Store` holds the six tables of an analysis either as a build's Parquet
files (queried in place: a query reads only the columns and row groups it
needs) or as pandas tables copied into DuckDB (a corpus analysed in
memory). The dashboard's filters are a `Filters`; every function here turns
them into SQL and returns a small pandas table (an aggregate, or at most
``limit`` rows), so a page over 100,000 articles moves kilobytes, not the
millions of rows behind them.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .actors import KINDS
from .aggregates import stance_counts_query
from .cooccurrence import WINDOWS, cooccurrence_query

TABLES = ("articles", "mentions", "actor_counts", "cooccurrence", "quotes", "stances", "position_changes")
STANCES = ("favor", "against", "neutral")  # the labels of the stances table, in the order charts list them


@dataclass(frozen=True)
class Filters:
    """What the view keeps; an empty tuple keeps everything."""

    articles: tuple = ()
    dates: tuple = ()
    sources: tuple = ()
    kinds: tuple = ()  # of actor, for mentions, counts and co-occurrence
    actors: tuple = ()  # mentions, counts, and the speakers of quotes and stances
    outcomes: tuple = ()
    stance: tuple = ()
    found_by: tuple = ()  # how a stance's outcome was found (targets.LEVELS)

    @property
    def narrows_articles(self) -> bool:
        return bool(self.articles or self.dates or self.sources)


class Store:
    """The tables of one analysis in a DuckDB database, safe to query from several threads."""

    def __init__(self, con, present: set[str], folder: Path | None = None):
        self._con = con
        self._lock = threading.Lock()
        self.present = present  # the tables this analysis has
        self.folder = folder  # the build whose Parquet files the tables are, if they are

    @classmethod
    def from_parquet(cls, folder: str | Path) -> Store:
        """The tables of a build (``folder/parquet/NAME/*.parquet``), read in place."""
        import duckdb

        con = duckdb.connect()
        present = set()
        for name in TABLES:
            parts = Path(folder) / "parquet" / name
            if any(parts.glob("*.parquet")):
                pattern = str(parts / "*.parquet").replace("'", "''")
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern}')")
                if name == "stances" and "found_by" not in set(con.execute("DESCRIBE stances").df()["column_name"]):
                    # A build from before found_by: the column is there, empty, so every query still runs.
                    con.execute(f"CREATE OR REPLACE VIEW stances AS SELECT *, '' AS found_by FROM read_parquet('{pattern}')")
                present.add(name)
        return cls(con, present, Path(folder))

    @classmethod
    def from_tables(cls, tables: dict[str, pd.DataFrame]) -> Store:
        """The given pandas tables, copied into DuckDB."""
        import duckdb

        con = duckdb.connect()
        for name in TABLES:
            if name in tables:
                con.register("incoming", tables[name])
                con.execute(f"CREATE TABLE {name} AS SELECT * FROM incoming")
                con.unregister("incoming")
        return cls(con, {n for n in TABLES if n in tables})

    def query(self, sql: str, params: list | None = None) -> pd.DataFrame:
        """Run ``sql`` on a cursor of its own (DuckDB's way to share a database between threads)."""
        with self._lock:
            cursor = self._con.cursor()
        try:
            return cursor.execute(sql, params or []).df()
        finally:
            cursor.close()

    def value(self, sql: str, params: list | None = None):
        table = self.query(sql, params)
        return table.iat[0, 0] if len(table) else None


def _in(column: str, values: tuple, params: list) -> str:
    params.append(list(values))
    return f"{column} IN (SELECT UNNEST(?))"


def selected(table: str, f: Filters) -> tuple[str, list]:
    """(a parenthesised SELECT of the rows of ``table`` the filters keep, its parameters)."""
    params: list = []
    where: list[str] = []
    if table == "position_changes":
        return _selected_changes(f)
    if table == "articles" or (f.narrows_articles and table != "cooccurrence"):
        article_where = []
        if f.articles:
            article_where.append(_in("article_id", f.articles, params))
        if f.dates:
            article_where.append(_in("date", f.dates, params))
        if f.sources:
            article_where.append(_in("source", f.sources, params))
        if table == "articles":
            where = article_where
        elif article_where:
            where.append(f"article_id IN (SELECT article_id FROM articles WHERE {' AND '.join(article_where)})")
    if table in ("mentions", "actor_counts"):
        if f.kinds and set(f.kinds) != set(KINDS):
            where.append(_in("kind", f.kinds, params))
        if f.actors:
            where.append(_in("actor", f.actors, params))
    if table in ("quotes", "stances"):
        if f.actors:
            where.append(_in("speaker", f.actors, params))
    if table == "stances":
        if f.outcomes:
            where.append(_in("outcome", f.outcomes, params))
        if f.stance:
            where.append(_in("stance", f.stance, params))
        if f.found_by:
            where.append(_in("found_by", f.found_by, params))
    if table == "quotes" and (f.outcomes or f.stance or f.found_by):
        inner, inner_params = selected("stances", f)
        where.append(f"quote_id IN (SELECT quote_id FROM {inner} AS s)")
        params.extend(inner_params)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return f"(SELECT * FROM {table}{clause})", params


def _selected_changes(f: Filters) -> tuple[str, list]:
    """`selected` for position_changes: of the view's speakers and outcomes, both quotes in the view's articles."""
    params: list = []
    where = []
    if f.actors:
        where.append(_in("speaker", f.actors, params))
    if f.outcomes:
        where.append(_in("outcome", f.outcomes, params))
    kept = ""
    if f.narrows_articles:
        # The quotes of the view's articles, found once for both ends: scanning the quotes table twice cost
        # most of a count on a large build.
        inner, inner_params = selected("quotes", Filters(articles=f.articles, dates=f.dates, sources=f.sources))
        kept = f"WITH kept AS MATERIALIZED (SELECT quote_id FROM {inner} AS q) "
        params = inner_params + params
        where += [f"{end} IN (SELECT quote_id FROM kept)" for end in ("from_quote_id", "to_quote_id")]
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return f"({kept}SELECT * FROM position_changes{clause})", params


def count(store: Store, f: Filters, table: str) -> int:
    """Rows of ``table`` in the view."""
    if table not in store.present:
        return 0
    sql, params = selected(table, f)
    return int(store.value(f"SELECT COUNT(*) FROM {sql} AS t", params))


def rows(store: Store, f: Filters, table: str, columns: list[str] | None = None, order: str | None = None,
         limit: int | None = None) -> pd.DataFrame:
    """The rows of ``table`` in the view (``columns`` of them, sorted by ``order``, at most ``limit``)."""
    if table not in store.present:
        return pd.DataFrame(columns=columns or [])
    sql, params = selected(table, f)
    picked = ", ".join(_quoted(c) for c in columns) if columns else "*"
    tail = (f" ORDER BY {order}" if order else "") + _limit(limit)
    return store.query(f"SELECT {picked} FROM {sql} AS t{tail}", params)


def _limit(limit: int | None) -> str:
    return "" if limit is None else f" LIMIT {int(limit)}"


def _quoted(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def options(store: Store) -> dict[str, list[str]]:
    """The values each filter offers: article ids, dates, sources, actors, outcomes."""
    def distinct(table: str, column: str, order: str | None = None) -> list[str]:
        if table not in store.present:
            return []
        values = store.query(f"SELECT DISTINCT {column} AS v FROM {table} WHERE {column} IS NOT NULL AND {column} <> '' "
                             f"ORDER BY {order or 'v'}")["v"]
        return [str(v) for v in values]

    return {
        "articles": [str(v) for v in store.query("SELECT article_id FROM articles")["article_id"]],
        "dates": distinct("articles", "date"),
        "sources": distinct("articles", "source"),
        "actors": distinct("actor_counts", "actor"),
        "outcomes": distinct("stances", "outcome"),
        "found_by": distinct("stances", "found_by"),
    }


def totals(store: Store, f: Filters) -> dict[str, int]:
    """How many articles, actors, mentions, quotes and stances the view holds."""
    counts_sql, params = selected("actor_counts", f)
    actors, mentions = store.query(f"SELECT COUNT(DISTINCT actor), COALESCE(SUM(count), 0) FROM {counts_sql} AS c",
                                   params).iloc[0]
    return {"articles": count(store, f, "articles"), "actors": int(actors), "mentions": int(mentions),
            "quotes": count(store, f, "quotes"), "stances": count(store, f, "stances")}


def actor_totals(store: Store, f: Filters, limit: int | None = None) -> pd.DataFrame:
    """Mentions per actor in the view, most mentioned first: actor, kind, count."""
    sql, params = selected("actor_counts", f)
    return store.query(f"SELECT actor, ANY_VALUE(kind) AS kind, SUM(count)::BIGINT AS count FROM {sql} AS c "
                       f"GROUP BY actor ORDER BY count DESC, actor{_limit(limit)}", params)


def speakers(store: Store, f: Filters) -> list[str]:
    """The named speakers of the view's quotes, in alphabetical order."""
    sql, params = selected("quotes", f)
    return [str(v) for v in store.query(f"SELECT DISTINCT speaker FROM {sql} AS q WHERE speaker IS NOT NULL "
                                        f"AND speaker <> '' ORDER BY speaker", params)["speaker"]]


def actor_grid(store: Store, f: Filters, actors: list[str], max_articles: int) -> tuple[pd.DataFrame, int]:
    """Mentions of ``actors`` per article, for the ``max_articles`` articles naming them most.

    Returns (long table: actor, article_id, date, title, count; how many articles name them in all).
    """
    sql, params = selected("actor_counts", f)
    params = params + [list(actors)]
    named = (f"SELECT article_id, actor, SUM(count) AS count FROM {sql} AS c "
             f"WHERE actor IN (SELECT UNNEST(?)) GROUP BY article_id, actor")
    # The count of articles rides along with the rows: one pass over the counts, not two.
    grid = store.query(f"""
        WITH named AS MATERIALIZED ({named}),
             per_article AS MATERIALIZED (SELECT article_id, SUM(count) AS n FROM named GROUP BY article_id),
             top AS (SELECT article_id FROM per_article ORDER BY n DESC, article_id LIMIT {int(max_articles)})
        SELECT named.actor, named.article_id, a.date, a.title, named.count::BIGINT AS count,
               (SELECT COUNT(*) FROM per_article) AS total_rows
        FROM named JOIN top USING (article_id) JOIN articles a USING (article_id)
    """, params)
    return _split_total(grid)


def outcome_split(store: Store, f: Filters) -> pd.DataFrame:
    """Quotes per outcome and stance in the view: outcome, stance, quotes."""
    sql, params = selected("stances", f)
    return store.query(f"SELECT outcome, stance, COUNT(*) AS quotes FROM {sql} AS s GROUP BY outcome, stance "
                       f"ORDER BY outcome, stance", params)


def contested_outcomes(store: Store, f: Filters) -> pd.DataFrame:
    """Quotes per outcome of the view by stance, most contested first: outcome, favor, against, neutral, contested.

    ``contested`` is the smaller of the favor and against counts, so an
    outcome ranks high only when quotes split both ways; ties go to the one
    with more favor, then to the outcome's name.
    """
    sql, params = selected("stances", f)
    counts = ", ".join(f"SUM(CASE WHEN stance = '{s}' THEN 1 ELSE 0 END)::BIGINT AS {s}" for s in STANCES)
    return store.query(f"SELECT outcome, {counts}, LEAST(favor, against) AS contested FROM {sql} AS s "
                       f"GROUP BY outcome ORDER BY contested DESC, favor DESC, outcome", params)


def stance_by_speaker_outcome(store: Store, f: Filters, by: str | None = None) -> pd.DataFrame:
    """Actor x outcome aggregates of the view (see `aggregates.stance_counts` for the columns)."""
    sql, params = selected("stances", f)
    return stance_counts_query(store.query, sql, "articles", by, params)


def stance_trend(store: Store, f: Filters, by: str) -> pd.DataFrame:
    """Mean stance per outcome and ``by`` ("date" or "article_id"): by, outcome, mean_score, quotes."""
    if by not in ("date", "article_id"):
        raise ValueError(f"stance_trend: by must be 'date' or 'article_id', not {by!r}")
    sql, params = selected("stances", f)
    key = "COALESCE(a.date, '')" if by == "date" else "s.article_id"
    return store.query(f"""
        SELECT {key} AS {by}, s.outcome, AVG(s.score) AS mean_score, COUNT(DISTINCT s.quote_id) AS quotes
        FROM {sql} AS s LEFT JOIN articles a ON a.article_id = s.article_id
        GROUP BY 1, 2 ORDER BY 1, 2""", params)


def cell_quotes(store: Store, f: Filters, speaker: str, outcome: str, limit: int) -> tuple[pd.DataFrame, int]:
    """The view's stances of ``speaker`` on ``outcome`` with their quotes (at most ``limit``), and how many there are."""
    sql, params = selected("stances", f)
    params = params + [speaker, outcome]
    join = (f"FROM {sql} AS s JOIN quotes q ON q.quote_id = s.quote_id "
            f"WHERE COALESCE(s.speaker, '') = ? AND s.outcome = ?")
    # What an analyst reads first comes first; the ids that tie each stance to its quote and article last.
    columns = "s.speaker, q.text, s.stance, s.score, s.outcome, s.found_by, s.evidence, q.kind, s.article_id, s.quote_id"
    if limit == 0:
        return store.query(f"SELECT {columns} {join} LIMIT 0", params), int(store.value(f"SELECT COUNT(*) {join}", params))
    # The count rides along with the rows (counted before the limit): one pass over the join, not two.
    table = store.query(f"SELECT {columns}, COUNT(*) OVER () AS total_rows {join} "
                        f"ORDER BY s.article_id, s.quote_id{_limit(limit)}", params)
    return _split_total(table)


def _split_total(table: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """(``table`` without its ``total_rows`` column, the count that column holds: 0 for no rows)."""
    total = int(table["total_rows"].iat[0]) if len(table) else 0
    return table.drop(columns="total_rows"), total


def quote_search(store: Store, f: Filters, kinds: tuple = (), search: str = "", limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """The view's quotes of ``kinds`` whose text, speaker or cue contains ``search`` (any case),
    each with its stances ("outcome: stance; ...") and their evidence; at most ``limit``, and how many match.
    """
    sql, params = selected("quotes", f)
    where = []
    if kinds:
        where.append(_in("q.kind", kinds, params))
    if search:
        where.append("(contains(lower(q.text), ?) OR contains(lower(COALESCE(q.speaker, '')), ?) "
                     "OR contains(lower(q.cue), ?))")
        params += [search.lower()] * 3
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    total = int(store.value(f"SELECT COUNT(*) FROM {sql} AS q{clause}", params))
    stance_sql, stance_params = selected("stances", f)
    table = store.query(f"""
        WITH picked AS (SELECT * FROM {sql} AS q{clause} ORDER BY q.article_id, q.start{_limit(limit)}),
             per_quote AS (SELECT quote_id, string_agg(outcome || ': ' || stance, '; ' ORDER BY rowid) AS stances,
                                  string_agg(evidence, ' | ' ORDER BY rowid) AS evidence
                           FROM (SELECT *, row_number() OVER () AS rowid FROM {stance_sql} AS s0) AS s
                           WHERE quote_id IN (SELECT quote_id FROM picked) GROUP BY quote_id)
        SELECT picked.*, COALESCE(per_quote.stances, '') AS stances, COALESCE(per_quote.evidence, '') AS evidence
        FROM picked LEFT JOIN per_quote USING (quote_id) ORDER BY picked.article_id, picked.start""",
                        params + stance_params)
    return table, total


def actor_pairs(store: Store, f: Filters, window: str) -> pd.DataFrame:
    """Pairs of actors sharing a ``window`` in the view (columns of `cooccurrence.cooccurrence`).

    When the filters keep every article, the build's own co-occurrence table
    is narrowed to the chosen actors (a pair's counts and measures do not
    depend on which other actors are shown); otherwise the pairs of the
    articles in view are counted afresh.
    """
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}")
    if not f.narrows_articles and "cooccurrence" in store.present and "actor_counts" in store.present:
        kinds_sql, params = selected("actor_counts", Filters(kinds=f.kinds, actors=f.actors))
        keep = f"(SELECT DISTINCT actor FROM {kinds_sql} AS k)"
        return store.query(f"""
            SELECT * FROM cooccurrence WHERE "window" = ? AND actor_a IN {keep} AND actor_b IN {keep}
            ORDER BY count DESC, actor_a, actor_b""", [window] + params + params)
    mentions_sql, params = selected("mentions", f)
    articles_sql, article_params = selected("articles", f)
    with store._lock:
        cursor = store._con.cursor()
    try:
        return cooccurrence_query(cursor, mentions_sql, articles_sql, (window,), params + article_params)
    finally:
        cursor.close()


def pair_mentions(store: Store, f: Filters, a: str, b: str, max_articles: int | None = None) -> tuple[pd.DataFrame, int]:
    """The view's mentions of ``a`` and ``b`` in the articles that name both (the first ``max_articles``
    of them, by id), and how many articles name both.
    """
    sql, params = selected("mentions", f)
    both = (f"SELECT article_id FROM named GROUP BY article_id HAVING COUNT(DISTINCT actor) = 2")
    named = f"WITH named AS (SELECT * FROM {sql} AS m WHERE actor IN (?, ?))"
    total = int(store.value(f"{named} SELECT COUNT(*) FROM ({both}) AS b", params + [a, b]))
    table = store.query(f"""{named}
        SELECT * FROM named WHERE article_id IN ({both} ORDER BY article_id{_limit(max_articles)})
        ORDER BY article_id, start""", params + [a, b])
    return table, total


def article_rows(store: Store, table: str, article_id: str) -> pd.DataFrame:
    """Every row of ``table`` (mentions or quotes) of one article, whatever the filters."""
    if table not in store.present:
        return pd.DataFrame()
    return store.query(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY start", [article_id])


def stances_with_quotes(store: Store, f: Filters, limit: int | None = None) -> pd.DataFrame:
    """The view's stances, each with its quote's text (at most ``limit``): speaker, text, outcome, stance, score,
    found_by, evidence, article_id, quote_id."""
    if "stances" not in store.present or "quotes" not in store.present:
        return pd.DataFrame(columns=["speaker", "text", "outcome", "stance", "score", "found_by", "evidence",
                                     "article_id", "quote_id"])
    sql, params = selected("stances", f)
    return store.query(f"""
        SELECT s.speaker, q.text, s.outcome, s.stance, s.score, s.found_by, s.evidence, s.article_id, s.quote_id
        FROM {sql} AS s LEFT JOIN quotes q ON q.quote_id = s.quote_id
        ORDER BY s.article_id, q.start, s.quote_id, s.outcome{_limit(limit)}""", params)


def full_tables(store: Store, f: Filters) -> dict[str, pd.DataFrame]:
    """Every table of the view in full (for downloads: built only when asked for)."""
    out = {name: rows(store, f, name) for name in ("articles", "mentions", "actor_counts", "quotes", "stances",
                                                   "position_changes") if name in store.present}
    if "stances" in out and "quotes" in store.present:
        # Each stance with its quote's text, so a stance read alone can be tied to what was said.
        sql, params = selected("stances", f)
        out["stances"] = store.query(f"SELECT s.* EXCLUDE (row), q.text AS quote_text "
                                     f"FROM (SELECT *, row_number() OVER () AS row FROM {sql} AS s0) AS s "
                                     f"LEFT JOIN quotes q ON q.quote_id = s.quote_id ORDER BY s.row", params)
    out["cooccurrence"] = pd.concat([actor_pairs(store, f, w) for w in WINDOWS], ignore_index=True)
    return out
