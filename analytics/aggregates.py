"""Aggregates of the stance table: how many quotes of each speaker favor, oppose or are neutral on each outcome.

The same SQL serves a table in memory (`stance_counts`) and a store's view
(`stance_counts_query`, which analytics/store.py runs on its own tables).
"""
from __future__ import annotations

import pandas as pd

STANCE_COUNT_COLUMNS = ["speaker", "outcome", "quotes", "favor", "against", "neutral", "mean_score"]


def stance_counts(stances: pd.DataFrame, articles: pd.DataFrame | None = None, by: str | None = None) -> pd.DataFrame:
    """Stance counts per speaker and outcome: speaker, outcome, quotes, favor, against, neutral, mean_score.

    ``by=None`` over the corpus; ``by="article_id"`` per article; ``by="date"``
    per date (taken from ``articles``, which has article_id and date).
    Quotes without a speaker count under "".
    """
    import duckdb

    if by == "date" and (articles is None or "date" not in articles):
        raise ValueError("stance_counts: by='date' needs the articles table with article_id and date")
    con = duckdb.connect()
    con.register("stances_in", stances)
    if articles is not None:
        con.register("articles_in", articles)
    return stance_counts_query(lambda sql, params: con.execute(sql, params).df(), "stances_in",
                               "articles_in" if articles is not None else None, by, [])


def stance_counts_query(run, stances: str, articles: str | None, by: str | None, params: list) -> pd.DataFrame:
    """`stance_counts` of the rows the SQL ``stances`` selects, computed by ``run(sql, params)`` (DuckDB)."""
    if by not in (None, "article_id", "date"):
        raise ValueError(f"stance_counts: by must be None, 'article_id' or 'date', not {by!r}")
    keys = ["speaker", "outcome"] if by is None else [by, "speaker", "outcome"]
    select = {"speaker": "COALESCE(s.speaker, '')", "outcome": "s.outcome", "article_id": "s.article_id",
              "date": "COALESCE(a.date, '')"}
    join = ""
    if by == "date":
        join = (f" LEFT JOIN (SELECT article_id, ANY_VALUE(date) AS date FROM {articles} GROUP BY article_id) a "
                f"ON a.article_id = s.article_id")
    # One pass of column sums per group: seconds faster than per-group functions on large corpora.
    out = run(f"""
        SELECT {', '.join(f'{select[k]} AS {k}' for k in keys)},
               COUNT(DISTINCT s.quote_id) AS quotes,
               SUM(CASE WHEN s.stance = 'favor' THEN 1 ELSE 0 END)::BIGINT AS favor,
               SUM(CASE WHEN s.stance = 'against' THEN 1 ELSE 0 END)::BIGINT AS against,
               SUM(CASE WHEN s.stance = 'neutral' THEN 1 ELSE 0 END)::BIGINT AS neutral,
               AVG(s.score) AS mean_score
        FROM {stances} AS s{join}
        GROUP BY {', '.join(str(i + 1) for i in range(len(keys)))}
        ORDER BY {', '.join(str(i + 1) for i in range(len(keys)))}""", params)
    if out.empty:
        return pd.DataFrame(columns=keys[:-2] + STANCE_COUNT_COLUMNS)
    out["mean_score"] = out["mean_score"].round(3)
    return out
