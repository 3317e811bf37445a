"""The quotes behind a chart's bar, cell, point or node: a click narrows the view, the quotes of the narrowed view.

A click is a *selection*: pairs (field, value) naming what the clicked mark
counts, such as ``(("speaker", "Ana Lima"), ("outcome", "ceasefire"))``.
`narrowed` turns them into the view's `store.Filters` (each value replaces
the filter it names, and was drawn from the view, so the view stays
narrowed as before); `quotes_behind` lists the quotes of that view. Fields
not in `FIELDS` are ignored, so a selection read from a link can ask for
nothing else.
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd

from .positions import day_sql
from .store import Filters, Store, quote_search, selected

# field -> the filter it narrows; "period" is "day|week|month:FIRST-DAY" and narrows the dates.
FIELDS = {"speaker": "actors", "outcome": "outcomes", "stance": "stance", "article": "articles", "source": "sources",
          "date": "dates", "period": "dates"}
PERIODS = ("day", "week", "month")


def clean(selection) -> tuple[tuple[str, str], ...]:
    """The pairs of ``selection`` (field, value) whose field is one of `FIELDS` and whose value is text (not
    empty), each field once (the first), as a tuple (hashable: results are cached by it)."""
    seen: dict[str, str] = {}
    for pair in selection or ():
        if len(pair) == 2 and pair[0] in FIELDS and isinstance(pair[1], str) and pair[1] and pair[0] not in seen:
            seen[pair[0]] = pair[1]
    return tuple(seen.items())


def period_dates(store: Store, f: Filters, period: str) -> tuple[str, ...]:
    """The dates (as the articles table writes them) of the view's articles in ``period``
    ("week:2025-10-13": the week beginning that day), in order; none for a period not so written."""
    kind, _, start = period.partition(":")
    if kind not in PERIODS or not start:
        return ()
    sql, params = selected("articles", f)
    dates = store.query(f"""
        SELECT DISTINCT a.date FROM {sql} AS a
        WHERE strftime(date_trunc('{kind}', {day_sql('a.date')}), '%Y-%m-%d') = ? ORDER BY a.date""", params + [start])
    return tuple(str(d) for d in dates["date"])


def narrowed(store: Store, f: Filters, selection) -> Filters:
    """The filters ``f`` narrowed to ``selection``: each field's value replaces the filter it names."""
    changes: dict[str, tuple] = {}
    for field, value in clean(selection):
        if field == "period":
            # Of the view's articles, so a period holds no article the sidebar's dates leave out.
            changes["dates"] = period_dates(store, replace(f, **{k: v for k, v in changes.items() if k != "dates"}),
                                            value) or ("\0none",)
        else:
            changes[FIELDS[field]] = (value,)
    return replace(f, **changes)


def quotes_behind(store: Store, f: Filters, selection, limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """The quotes of the view narrowed to ``selection`` (the columns of `store.quote_search`: each quote with
    its stances and their evidence), at most ``limit``, and how many there are. A selection naming an outcome
    or a stance keeps the quotes that take it, with those stances only."""
    if not clean(selection):
        return pd.DataFrame(), 0
    return quote_search(store, narrowed(store, f, selection), (), "", limit)
