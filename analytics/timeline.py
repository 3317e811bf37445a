"""The view over time: mentions, quotes and mean stance per day, week or month, and who changed their mind.

Queries over a `store.Store` with the view's `store.Filters`, like those of
`analytics.store`; dates are read as `positions.article_dates` reads them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from .positions import day_sql
from .store import Filters, Store, _split_total, count, selected

PERIODS = ("day", "week", "month")
# Days of coverage up to which each period is used: a month of news reads per day, a year per week.
DAY_SPAN, WEEK_SPAN = 62, 730


def period_for(first, last) -> str:
    """The period to count by for coverage from ``first`` to ``last`` (dates), as the thresholds above say."""
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return "day"
    span = (pd.Timestamp(last) - pd.Timestamp(first)).days
    return "day" if span <= DAY_SPAN else "week" if span <= WEEK_SPAN else "month"


@dataclass(frozen=True)
class Coverage:
    """The view's dated and undated articles, and the period chosen for them."""

    dated: int
    undated: int
    first: str | None
    last: str | None
    period: str


def _dated_articles(f: Filters) -> tuple[str, list]:
    sql, params = selected("articles", f)
    return f"(SELECT article_id, title, source, {day_sql('date')} AS day FROM {sql} AS a)", params


def coverage(store: Store, f: Filters) -> Coverage:
    """How many of the view's articles have a readable date, the first and last, and the period for them."""
    sql, params = _dated_articles(f)
    row = store.query(f"SELECT COUNT(day) AS dated, COUNT(*) - COUNT(day) AS undated, MIN(day) AS first, "
                      f"MAX(day) AS last FROM {sql} AS d", params).iloc[0]
    first = None if pd.isna(row["first"]) else pd.Timestamp(row["first"]).strftime("%Y-%m-%d")
    last = None if pd.isna(row["last"]) else pd.Timestamp(row["last"]).strftime("%Y-%m-%d")
    return Coverage(int(row["dated"]), int(row["undated"]), first, last, period_for(first, last))


def periods_between(first: str, last: str, period: str) -> list[str]:
    """Every period from the one holding ``first`` to the one holding ``last`` (their first days), so that a
    period without articles shows as zero rather than being skipped."""
    freq = {"day": "D", "week": "W-MON", "month": "MS"}[period]
    start = pd.Timestamp(first).to_period({"day": "D", "week": "W-SUN", "month": "M"}[period]).start_time
    return [d.strftime("%Y-%m-%d") for d in pd.date_range(start, pd.Timestamp(last), freq=freq)]


def _period(period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"period must be one of {PERIODS}, not {period!r}")
    return f"strftime(date_trunc('{period}', d.day), '%Y-%m-%d')"


def mentions_over_time(store: Store, f: Filters, actors: tuple, period: str) -> pd.DataFrame:
    """Mentions of each of ``actors`` per period (the period's first day): period, actor, mentions, articles."""
    if not actors:
        return pd.DataFrame(columns=["period", "actor", "mentions", "articles"])
    days, day_params = _dated_articles(f)
    # From the per-article counts where the build has them: the same sums, from a quarter of the rows.
    table, mentions = ("actor_counts", "SUM(m.count)") if "actor_counts" in store.present else ("mentions", "COUNT(*)")
    sql, params = selected(table, replace(f, actors=tuple(actors)))
    return store.query(f"""
        SELECT {_period(period)} AS period, m.actor, {mentions}::BIGINT AS mentions,
               COUNT(DISTINCT m.article_id)::BIGINT AS articles
        FROM {sql} AS m JOIN {days} AS d ON d.article_id = m.article_id
        WHERE d.day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2""", params + day_params)


def stance_over_time(store: Store, f: Filters, period: str) -> pd.DataFrame:
    """Per period and outcome: quotes, mean_score, spread (the scores' standard deviation; 0 for one quote),
    favor, against, neutral."""
    days, day_params = _dated_articles(f)
    sql, params = selected("stances", f)
    return store.query(f"""
        SELECT {_period(period)} AS period, s.outcome, COUNT(*)::BIGINT AS quotes, AVG(s.score) AS mean_score,
               COALESCE(STDDEV_POP(s.score), 0) AS spread,
               SUM(CASE WHEN s.stance = 'favor' THEN 1 ELSE 0 END)::BIGINT AS favor,
               SUM(CASE WHEN s.stance = 'against' THEN 1 ELSE 0 END)::BIGINT AS against,
               SUM(CASE WHEN s.stance = 'neutral' THEN 1 ELSE 0 END)::BIGINT AS neutral
        FROM {sql} AS s JOIN {days} AS d ON d.article_id = s.article_id
        WHERE d.day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2""", params + day_params)


def period_articles(store: Store, f: Filters, period: str, start: str) -> pd.DataFrame:
    """The view's articles of the period beginning on ``start``: article_id, title, source, date."""
    days, params = _dated_articles(f)
    return store.query(f"""
        SELECT d.article_id, d.title, d.source, strftime(d.day, '%Y-%m-%d') AS date FROM {days} AS d
        WHERE d.day IS NOT NULL AND {_period(period)} = ? ORDER BY d.day, d.article_id""", params + [start])


def changes_and_total(store: Store, f: Filters, limit: int) -> tuple[pd.DataFrame, int]:
    """(`changes_with_quotes` cut to ``limit``, how many changes the view holds in all), in one query."""
    if "position_changes" not in store.present:
        return pd.DataFrame(), 0
    if limit <= 0:  # no row to carry the count
        return changes_with_quotes(store, f, 0), count(store, f, "position_changes")
    return _split_total(_changes(store, f, f" LIMIT {int(limit)}", ", COUNT(*) OVER () AS total_rows"))


def changes_with_quotes(store: Store, f: Filters, limit: int | None = None) -> pd.DataFrame:
    """The view's position changes, newest first, each with the text and article of the quote before and after:
    the columns of `positions.POSITION_CHANGE_COLUMNS` and from_text, from_article, to_text, to_article."""
    if "position_changes" not in store.present:
        return pd.DataFrame()
    return _changes(store, f, "" if limit is None else f" LIMIT {int(limit)}")


def _changes(store: Store, f: Filters, tail: str, total: str = "") -> pd.DataFrame:
    sql, params = selected("position_changes", f)
    # The newest changes first, cut to ``limit``, and only then joined to their quotes: on a large build the
    # changes run to tens of thousands, and joining them all to the quotes to keep five cost most of a page's run.
    # The quotes of the changes kept are read once, for both ends (not the whole quotes table twice).
    return store.query(f"""
        WITH c AS MATERIALIZED (SELECT *{total} FROM {sql} AS c ORDER BY to_date DESC, speaker, outcome{tail}),
             q AS MATERIALIZED (SELECT quote_id, text, article_id FROM quotes
                                WHERE quote_id IN (SELECT from_quote_id FROM c UNION SELECT to_quote_id FROM c))
        SELECT c.*, qf.text AS from_text, qf.article_id AS from_article, qt.text AS to_text, qt.article_id AS to_article
        FROM c JOIN q qf ON qf.quote_id = c.from_quote_id JOIN q qt ON qt.quote_id = c.to_quote_id
        ORDER BY c.to_date DESC, c.speaker, c.outcome""", params)
