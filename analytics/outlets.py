"""Outlets compared: how each source's quotes split on an outcome, and whom each source quotes on it.

Queries over a `store.Store` with the view's `store.Filters`, like those of `analytics.store`. A source
with fewer than `FEW_QUOTES` quotes on an outcome is marked ``few``: its split says little.
"""
from __future__ import annotations

import pandas as pd

from .store import STANCES, Filters, Store, selected

FEW_QUOTES = 10  # quotes on an outcome below which a source's split is marked as resting on few
NO_SOURCE = "(no source)"  # articles whose manifest names no source


def _with_sources(f: Filters) -> tuple[str, list]:
    stances, params = selected("stances", f)
    return (f"(SELECT s.*, COALESCE(NULLIF(TRIM(a.source), ''), '{NO_SOURCE}') AS outlet FROM {stances} AS s "
            f"JOIN articles a ON a.article_id = s.article_id)"), params


def stance_by_source(store: Store, f: Filters) -> pd.DataFrame:
    """Per source and outcome: quotes, favor, against, neutral, their shares (favor_share ...), mean_score and
    few (fewer than `FEW_QUOTES` quotes). Sorted by outcome, then by quotes."""
    sql, params = _with_sources(f)
    counts = ", ".join(f"SUM(CASE WHEN stance = '{s}' THEN 1 ELSE 0 END)::BIGINT AS {s}" for s in STANCES)
    table = store.query(f"""
        SELECT outlet AS source, outcome, COUNT(*)::BIGINT AS quotes, {counts}, AVG(score) AS mean_score
        FROM {sql} AS t GROUP BY 1, 2 ORDER BY outcome, quotes DESC, source""", params)
    for s in STANCES:
        table[f"{s}_share"] = (table[s] / table["quotes"]).round(3) if len(table) else pd.Series(dtype=float)
    table["few"] = table["quotes"] < FEW_QUOTES
    return table


def voices_by_source(store: Store, f: Filters, outcome: str, per_source: int = 5) -> pd.DataFrame:
    """Whom each source quotes most on ``outcome``: source, speaker, quotes, share (of the source's quotes on it
    whose speaker is named), favor, against, neutral; at most ``per_source`` speakers a source."""
    sql, params = _with_sources(f)
    counts = ", ".join(f"SUM(CASE WHEN stance = '{s}' THEN 1 ELSE 0 END)::BIGINT AS {s}" for s in STANCES)
    return store.query(f"""
        WITH by_speaker AS (
            SELECT outlet AS source, speaker, COUNT(*)::BIGINT AS quotes, {counts}
            FROM {sql} AS t WHERE outcome = ? AND COALESCE(speaker, '') <> '' GROUP BY 1, 2),
        ranked AS (
            SELECT *, quotes / SUM(quotes) OVER (PARTITION BY source) AS share,
                   ROW_NUMBER() OVER (PARTITION BY source ORDER BY quotes DESC, speaker) AS rank
            FROM by_speaker)
        SELECT source, speaker, quotes, ROUND(share, 3) AS share, {", ".join(STANCES)} FROM ranked
        WHERE rank <= ? ORDER BY source, quotes DESC, speaker""", params + [outcome, int(per_source)])
