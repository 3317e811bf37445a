"""Who changed their mind: a speaker's stance on an outcome from one date to the next.

A speaker's *position* on an outcome on a day is the label most of that
day's quotes give it (a tie goes to the label of the larger summed score,
then to neutral: a day that says both things is no clear position). A
*change* is two dated positions in a row, in date order, that differ:
favor -> against, against -> favor, or to or from neutral. Each change names
the quote that stated the old position last and the quote that stated the
new one first, so both can be read side by side.

Quotes without a speaker or whose article has no date say nothing about
when anyone said it and are left out (the Timeline page counts them).
"""
from __future__ import annotations

import re
from datetime import datetime

import pandas as pd

POSITION_CHANGE_COLUMNS = ["speaker", "outcome", "from_date", "from_stance", "from_quote_id",
                           "to_date", "to_stance", "to_quote_id"]
LABELS = ("favor", "against", "neutral")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Dates with the month written out, as manifests and feeds print them ("17 October 2025", "Oct 17, 2025").
WRITTEN_DATES = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


def article_dates(articles: pd.DataFrame) -> pd.Series:
    """article_id -> its date as ``YYYY-MM-DD``: an ISO date (a timestamp gives its day) or one with the
    month written out (``17 October 2025``, ``Oct 17, 2025``). Digits-only dates with slashes (``03/04/2026``)
    read differently on each side of the Atlantic and, like empty or unreadable ones, are left out."""
    if articles.empty or "date" not in articles:
        return pd.Series(dtype="object")
    return pd.Series({a: day for a, d in zip(articles["article_id"], articles["date"]) if (day := _day(d))},
                     dtype="object")


def _day(value) -> str | None:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()
    if ISO_DAY.match(text):
        text, formats = text[:10], ("%Y-%m-%d",)
    else:
        formats = WRITTEN_DATES
    for form in formats:
        try:
            return datetime.strptime(text, form).strftime("%Y-%m-%d")
        except ValueError:
            continue
    return None


def day_sql(column: str) -> str:
    """A DuckDB expression giving the DATE that `article_dates` reads in the text ``column`` (NULL where none)."""
    written = ", ".join(f"TRY_STRPTIME(TRIM({column}), '{form}')::DATE" for form in WRITTEN_DATES)
    return (f"CASE WHEN regexp_matches(TRIM({column}), '^\\d{{4}}-\\d{{2}}-\\d{{2}}') "
            f"THEN TRY_CAST(SUBSTR(TRIM({column}), 1, 10) AS DATE) ELSE COALESCE({written}) END")


def day_position(labels: list[str], scores: list[float]) -> str:
    """The position that one day's quotes (their ``labels`` and ``scores``) state, as the module says."""
    counts = {label: labels.count(label) for label in LABELS}
    most = max(counts.values())
    leaders = [label for label in LABELS if counts[label] == most]
    if len(leaders) == 1:
        return leaders[0]
    total = sum(s for label, s in zip(labels, scores) if label in leaders)
    if "favor" in leaders and total > 0:
        return "favor"
    if "against" in leaders and total < 0:
        return "against"
    return "neutral"


def position_changes(stances: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per change of a speaker's position on an outcome (columns `POSITION_CHANGE_COLUMNS`),
    sorted by speaker, outcome and date.

    ``stances`` needs quote_id, article_id, speaker, outcome, stance and score; ``articles`` article_id
    and date. Quotes keep their corpus order within a day, so the first and last quote of a day are the
    ones the articles print first and last.
    """
    dates = article_dates(articles)
    if stances.empty or dates.empty:
        return pd.DataFrame(columns=POSITION_CHANGE_COLUMNS)
    rows = stances[["quote_id", "article_id", "speaker", "outcome", "stance", "score"]].copy()
    rows["speaker"] = rows["speaker"].fillna("").astype(str).str.strip()
    rows["date"] = rows["article_id"].map(dates)
    rows = rows[(rows["speaker"] != "") & rows["date"].notna()]
    rows = rows.assign(order=range(len(rows))).sort_values(["speaker", "outcome", "date", "order"], kind="stable")
    changes = []
    for (speaker, outcome), group in rows.groupby(["speaker", "outcome"], sort=True):
        days = []  # (date, position, first quote stating it, last quote stating it)
        for date, day in group.groupby("date", sort=True):
            position = day_position(day["stance"].tolist(), day["score"].astype(float).tolist())
            stating = day[day["stance"] == position]["quote_id"].tolist() or day["quote_id"].tolist()
            days.append((date, position, stating[0], stating[-1]))
        for before, after in zip(days, days[1:]):
            if before[1] != after[1]:
                changes.append({"speaker": speaker, "outcome": outcome,
                                "from_date": before[0], "from_stance": before[1], "from_quote_id": before[3],
                                "to_date": after[0], "to_stance": after[1], "to_quote_id": after[2]})
    return pd.DataFrame(changes, columns=POSITION_CHANGE_COLUMNS)
