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
COOCCURRENCE_COLUMNS = ["actor_a", "actor_b", "window", "count", "articles", "jaccard", "npmi"]


def window_totals(articles: pd.DataFrame, mentions: pd.DataFrame, windows=WINDOWS) -> dict[str, int]:
    """How many windows of each kind the corpus has (with or without mentions)."""
    totals = {
        "article": len(articles),
        "sentence": int(articles["sentences"].sum()) if "sentences" in articles else 0,
        "paragraph": int(articles["paragraphs"].sum()) if "paragraphs" in articles else 0,
    }
    # A table of mentions from elsewhere may have no article table to count from.
    for window in windows:
        if not mentions.empty:
            keys = ["article_id"] if window == "article" else ["article_id", window]
            totals[window] = max(totals[window], len(mentions[keys].drop_duplicates()))
    return totals


def cooccurrence(mentions: pd.DataFrame, articles: pd.DataFrame | None = None, windows=WINDOWS) -> pd.DataFrame:
    """One row per pair of actors named together, per window kind.

    Columns: actor_a < actor_b, window, count (windows holding both),
    articles (articles where they share a window), jaccard, npmi. Sorted by
    window, then count. Computed with joins, not a loop over windows, so it
    stays well under a second on the mentions of thousands of articles.
    """
    if mentions.empty:
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    totals = window_totals(articles if articles is not None else pd.DataFrame(), mentions, windows)
    parts = []
    for window in windows:
        keys = ["article_id"] if window == "article" else ["article_id", window]
        members = mentions[keys + ["actor"]].drop_duplicates()
        n = max(totals[window], 1)
        singles = members.groupby("actor").size()
        both = members.merge(members, on=keys)
        both = both[both["actor_x"] < both["actor_y"]]
        if both.empty:
            continue
        pairs = (both.groupby(["actor_x", "actor_y"])
                 .agg(count=("article_id", "size"), articles=("article_id", "nunique"))
                 .reset_index().rename(columns={"actor_x": "actor_a", "actor_y": "actor_b"}))
        a, b = pairs["actor_a"].map(singles), pairs["actor_b"].map(singles)
        pairs["window"] = window
        pairs["jaccard"] = [round(c / (x + y - c), 4) for c, x, y in zip(pairs["count"], a, b)]
        pairs["npmi"] = [round(npmi(c, x, y, n), 4) for c, x, y in zip(pairs["count"], a, b)]
        parts.append(pairs)
    if not parts:
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    table = pd.concat(parts)[COOCCURRENCE_COLUMNS]
    order = {w: i for i, w in enumerate(WINDOWS)}
    table = table.sort_values(
        ["window", "count", "actor_a", "actor_b"], ascending=[True, False, True, True],
        key=lambda col: col.map(order) if col.name == "window" else col,
    )
    return table.reset_index(drop=True)


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
