"""A `Store` with an analyst's corrections laid over it, its own tables left as they are.

Corrections name few articles: those articles' rows are read from the
store, corrected (`corrections.apply_corrections`) and laid over the
store's tables in a DuckDB database of their own (a build's Parquet files
are read in place, an analysis held in memory is copied), and the position
changes of the speakers and outcomes they touch are computed again. The
store given is never changed: other sessions share it.
"""
from __future__ import annotations

import pandas as pd

from .corrections import Match, apply_corrections, corrected_articles, gold_files, zip_files
from .positions import POSITION_CHANGE_COLUMNS, position_changes
from .store import Store

PER_ARTICLE = ("articles", "quotes", "stances")


def corrected_store(base: Store, records: list[dict]) -> tuple[Store, list[Match]]:
    """(``base`` with ``records`` applied, which quote each correction names). ``base`` itself when no
    correction names a quote of it."""
    if not records or "quotes" not in base.present:
        return base, [Match(i, None, "unmatched") for i in range(len(records))]
    ids = sorted({r["article_id"] for r in records})
    before = {name: base.query(f"SELECT * FROM {name} WHERE article_id IN (SELECT UNNEST(?))", [ids])
              for name in PER_ARTICLE if name in base.present}
    after, matches = apply_corrections(before, records)
    touched = corrected_articles(records, matches)
    if not touched:
        return base, matches
    con = _layered(base)
    _create(con, "touched", pd.DataFrame({"article_id": touched}))
    for name in before:
        _create(con, f"fixed_{name}", after[name], like=f"base_{name}")
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM base_{name} WHERE article_id NOT IN "
                    f"(SELECT article_id FROM touched) UNION ALL BY NAME SELECT * FROM fixed_{name}")
    store = Store(con, set(base.present), base.folder)
    if "stances" in before and "position_changes" in base.present:
        _redo_changes(store, con, pd.concat([before["stances"], after["stances"]]))
    return store, matches


def _layered(base: Store):
    """A new database whose ``base_NAME`` are the tables of ``base``, and whose ``NAME`` are the same
    tables for the ones no correction touches."""
    import duckdb

    if base.folder is not None:
        con = Store.from_parquet(base.folder)._con
        for name in base.present:
            con.execute(f"ALTER VIEW {name} RENAME TO base_{name}")
    else:
        con = duckdb.connect()
        for name in base.present:
            _create(con, f"base_{name}", base.query(f"SELECT * FROM {name}"))
    for name in base.present:
        if name not in PER_ARTICLE and name != "position_changes":
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM base_{name}")
    return con


def _create(con, name: str, table: pd.DataFrame, like: str | None = None) -> None:
    """Table ``name`` holding ``table``; with ``like``, typed as that table (so an empty one still sums)."""
    con.register("incoming", table)
    if like:
        # A table that was empty in pandas has untyped (NULL) columns: those become text.
        described = con.execute(f"DESCRIBE {like}").fetchall()
        columns = ", ".join('"' + c.replace('"', '""') + '" ' + ("VARCHAR" if t.strip('"') == "NULL" else t)
                            for c, t, *_ in described)
        con.execute(f"CREATE TABLE {name} ({columns})")
        con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM incoming")
    else:
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM incoming")
    con.unregister("incoming")


def _redo_changes(store: Store, con, stances: pd.DataFrame) -> None:
    """Position changes of every (speaker, outcome) the corrected stances had or have, computed again over
    the corrected stances in corpus order; the other changes as they were."""
    pairs = stances[["speaker", "outcome"]].fillna("").drop_duplicates()
    _create(con, "pairs", pairs)
    rows = store.query("""
        SELECT s.quote_id, s.article_id, s.speaker, s.outcome, s.stance, s.score
        FROM stances s JOIN pairs p ON COALESCE(s.speaker, '') = p.speaker AND s.outcome = p.outcome
        JOIN quotes q ON q.quote_id = s.quote_id
        JOIN (SELECT article_id, row_number() OVER () AS at FROM base_articles) a ON a.article_id = s.article_id
        ORDER BY a.at, q.start, s.quote_id""")
    dates = store.query("SELECT article_id, date FROM articles WHERE article_id IN (SELECT DISTINCT article_id FROM "
                        "stances s JOIN pairs p ON COALESCE(s.speaker, '') = p.speaker AND s.outcome = p.outcome)")
    redone = position_changes(rows, dates)
    _create(con, "fixed_changes", redone[POSITION_CHANGE_COLUMNS], like="base_position_changes")
    con.execute("CREATE VIEW position_changes AS SELECT * FROM (SELECT * FROM base_position_changes b WHERE NOT EXISTS "
                "(SELECT 1 FROM pairs p WHERE p.speaker = b.speaker AND p.outcome = b.outcome) "
                "UNION ALL BY NAME SELECT * FROM fixed_changes) ORDER BY speaker, outcome, from_date")


def gold_zip(store: Store, records: list[dict], matches: list[Match], articles: list[dict] | None = None,
             outcomes_text: str | None = None, actors_text: str | None = None) -> bytes:
    """A zip of the gold folder (``gold/``) of the articles the corrections name, read from the corrected
    ``store``: what ``python -m analytics evaluate gold/`` scores the system against (see `corrections.gold_files`)."""
    ids = corrected_articles(records, matches)
    tables = {name: store.query(f"SELECT * FROM {name} WHERE article_id IN (SELECT UNNEST(?))", [ids])
              for name in ("quotes", "stances", "actor_counts")}
    tables["quotes"] = tables["quotes"].sort_values(["article_id", "start"], kind="stable")
    return zip_files(gold_files(tables, ids, articles, outcomes_text, actors_text))
