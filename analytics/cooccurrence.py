"""Which actors are mentioned together, in a sentence, a paragraph or an article.

The raw count of shared windows favours whoever is mentioned most; two
association measures correct for that:

- ``jaccard`` = windows with both / windows with either (0..1);
- ``npmi`` = normalised pointwise mutual information,
  log(p(a,b) / (p(a) p(b))) / -log p(a,b), with probabilities taken over
  all windows of that kind in the corpus (-1..1; 0 = no more often together
  than chance, 1 = only ever together).
"""
from __future__ import annotations

import math

import pandas as pd

WINDOWS = ("sentence", "paragraph", "article")
MEASURES = ("count", "npmi", "jaccard")  # the columns a pair can be weighed by: raw, then corrected for frequency
COOCCURRENCE_COLUMNS = ["actor_a", "actor_b", "window", "count", "articles", "jaccard", "npmi"]


def cooccurrence(mentions: pd.DataFrame, articles: pd.DataFrame | None = None, windows=WINDOWS) -> pd.DataFrame:
    """One row per pair of actors named together, per window kind.

    Columns: actor_a < actor_b, window, count (windows holding both),
    articles (articles where they share a window), jaccard, npmi. Sorted by
    window, then count. The pairs are counted by DuckDB with a join, so it
    stays well under a second on the mentions of thousands of articles.
    """
    import duckdb

    if mentions.empty:
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    con = duckdb.connect()
    con.register("mentions_in", mentions[["article_id", "actor", "sentence", "paragraph"]])
    source = "articles_in" if articles is not None and not articles.empty else None
    if source:
        con.register(source, articles)
    return cooccurrence_query(con, "mentions_in", source, windows)


def cooccurrence_query(con, mentions: str, articles: str | None, windows=WINDOWS, params: list | None = None) -> pd.DataFrame:
    """`cooccurrence` of the rows that the SQL ``mentions`` (and ``articles``, or None) select on ``con``.

    ``mentions`` and ``articles`` are table names or parenthesised queries;
    ``params`` are the values of their ``?`` placeholders, in order
    (``mentions``' first). Only the pair counts are computed in SQL: the
    measures are computed here, the same way for every corpus.
    """
    params = list(params or [])
    totals = window_totals(con, mentions, articles, params)
    parts = []
    for window in windows:
        key = "0" if window == "article" else window
        pairs = con.execute(f"""
            WITH members AS (SELECT DISTINCT article_id, {key} AS w, actor FROM {mentions} AS m)
            SELECT x.actor AS actor_a, y.actor AS actor_b, COUNT(*) AS count,
                   COUNT(DISTINCT x.article_id) AS articles,
                   ANY_VALUE(sx.n) AS n_a, ANY_VALUE(sy.n) AS n_b
            FROM members x
            JOIN members y ON x.article_id = y.article_id AND x.w = y.w AND x.actor < y.actor
            JOIN (SELECT actor, COUNT(*) AS n FROM members GROUP BY actor) sx ON sx.actor = x.actor
            JOIN (SELECT actor, COUNT(*) AS n FROM members GROUP BY actor) sy ON sy.actor = y.actor
            GROUP BY x.actor, y.actor
        """, _mention_params(params, articles)).df()
        if pairs.empty:
            continue
        n = max(totals[window], 1)
        pairs["window"] = window
        pairs["jaccard"] = [round(c / (x + y - c), 4) for c, x, y in zip(pairs["count"], pairs["n_a"], pairs["n_b"])]
        pairs["npmi"] = [round(npmi(c, x, y, n), 4) for c, x, y in zip(pairs["count"], pairs["n_a"], pairs["n_b"])]
        parts.append(pairs)
    if not parts:
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    table = pd.concat(parts)[COOCCURRENCE_COLUMNS].astype({"count": "int64", "articles": "int64"})
    order = {w: i for i, w in enumerate(WINDOWS)}
    table = table.sort_values(
        ["window", "count", "actor_a", "actor_b"], ascending=[True, False, True, True],
        key=lambda col: col.map(order) if col.name == "window" else col,
    )
    return table.reset_index(drop=True)


def _mention_params(params: list, articles: str | None) -> list:
    """The placeholders' values of a query that reads ``mentions`` only (they come first in ``params``)."""
    return params[: len(params) - _count_marks(articles)] if articles else params


def _count_marks(sql: str | None) -> int:
    return (sql or "").count("?")


def window_totals(con, mentions: str, articles: str | None, params: list | None = None) -> dict[str, int]:
    """How many windows of each kind the corpus has (with or without mentions).

    Taken from the articles' sentence and paragraph counts; a table of
    mentions from elsewhere may have no article table, so never fewer than
    the windows that hold a mention.
    """
    params = list(params or [])
    totals = {"article": 0, "sentence": 0, "paragraph": 0}
    if articles:
        n, sentences, paragraphs = con.execute(
            f"SELECT COUNT(*), COALESCE(SUM(sentences), 0), COALESCE(SUM(paragraphs), 0) FROM {articles} AS a",
            params[len(params) - _count_marks(articles):]).fetchone()
        totals = {"article": int(n), "sentence": int(sentences), "paragraph": int(paragraphs)}
    seen = con.execute(
        f"SELECT COUNT(DISTINCT article_id), COUNT(DISTINCT (article_id, sentence)), "
        f"COUNT(DISTINCT (article_id, paragraph)) FROM {mentions} AS m", _mention_params(params, articles)).fetchone()
    for window, count in zip(("article", "sentence", "paragraph"), seen):
        totals[window] = max(totals[window], int(count))
    return totals


def npmi(both: int, a: int, b: int, n: int) -> float:
    """Normalised PMI of two events seen together ``both`` times in ``n`` windows."""
    p_ab, p_a, p_b = both / n, a / n, b / n
    if p_ab >= 1.0:
        return 1.0
    return math.log(p_ab / (p_a * p_b)) / -math.log(p_ab)


def pair_contexts(mentions: pd.DataFrame, texts: dict[str, str], a: str, b: str, window: str) -> pd.DataFrame:
    """The passages behind a pair: one row per window naming both ``a`` and ``b``.

    Columns: article_id, window (its index, or the article id), passage (the
    article's text from the sentence or line holding the first of the two
    names to the one holding the last), start, end.
    """
    keys = ["article_id"] if window == "article" else ["article_id", window]
    both = mentions[mentions["actor"].isin([a, b])]
    rows = []
    for key, group in both.groupby(keys):
        if set(group["actor"]) != {a, b}:
            continue
        article_id = key[0] if isinstance(key, tuple) else key
        text = texts.get(article_id, "")
        start, end = int(group["start"].min()), int(group["end"].max())
        start, end = _expand(text, start, end, window)
        rows.append({"article_id": article_id, "window": key[1] if isinstance(key, tuple) and len(key) > 1 else article_id,
                     "passage": text[start:end], "start": start, "end": end})
    return pd.DataFrame(rows, columns=["article_id", "window", "passage", "start", "end"])


def _expand(text: str, start: int, end: int, window: str) -> tuple[int, int]:
    """Widen a span to whole lines (paragraph, article) or to sentence ends (sentence)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if window != "sentence":
        return line_start, line_end
    stops = [text.rfind(p, line_start, start) for p in (". ", "! ", "? ")]
    left = max(stops)
    left = line_start if left < 0 else left + 2
    ends = [i for i in (text.find(p, end, line_end) for p in (". ", "! ", "? ")) if i >= 0]
    right = min(ends) + 1 if ends else line_end
    return left, right
