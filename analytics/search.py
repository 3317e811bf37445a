"""One search box across quotes, speakers and article texts: the words asked for, where they occur, marked.

A query is split into terms (words, or "phrases in double quotes"); a row
matches when every term occurs in it, in any case, as plain text: a term is
never read as a regular expression or as SQL (`re.escape`, and DuckDB
parameters with ``contains``, which has no wildcards).

Quotes and speakers are searched in the analysis tables with DuckDB, under
the view's `store.Filters`, so the search works on a build's Parquet files
of any size. Article texts are not in those tables: `search_texts` searches
the texts the dashboard holds in memory (none for prebuilt tables).

`mark` and `snippets` give HTML: every piece of the text is ``html.escape``d,
and the only markup is ``<mark>`` around each match.
"""
from __future__ import annotations

import html
import re
from dataclasses import replace

import pandas as pd

from .store import Filters, Store, _limit, selected

MAX_TERMS = 8  # terms of a query searched; the rest are left out (and said so by the page)
MAX_QUERY_CHARS = 200
SNIPPET_CHARS = 80  # characters of context on each side of a match
SNIPPETS = 3  # snippets per article

_TERM = re.compile(r'"([^"]+)"|(\S+)')


def terms(query: str | None) -> tuple[str, ...]:
    """The lower-cased terms of ``query``, each once, in the order written: its words, and the phrases
    written "in double quotes" whole. At most `MAX_TERMS`, from at most `MAX_QUERY_CHARS` characters."""
    found: list[str] = []
    for phrase, word in _TERM.findall((query or "")[:MAX_QUERY_CHARS]):
        term = " ".join((phrase or word).split()).lower()
        if term and term not in found:
            found.append(term)
    return tuple(found[:MAX_TERMS])


def _pattern(found: tuple[str, ...]) -> re.Pattern | None:
    if not found:
        return None
    # Longest first, so a term inside another ("peace" in "peace deal") does not cut the longer match short.
    return re.compile("|".join(re.escape(t) for t in sorted(found, key=len, reverse=True)), re.IGNORECASE)


def matches_all(text, found: tuple[str, ...]) -> bool:
    """Whether every term of ``found`` occurs in ``text`` (any case); True when there is no term."""
    low = ("" if text is None else str(text)).lower()
    return all(term in low for term in found)


def spans(text: str, found: tuple[str, ...]) -> list[tuple[int, int]]:
    """The (start, end) offsets in ``text`` of the occurrences of the terms, in order, none overlapping."""
    pattern = _pattern(found)
    return [m.span() for m in pattern.finditer(text)] if pattern and text else []


def _marked(text: str, found: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` as HTML, the spans of ``found`` inside it in ``<mark>``; each piece escaped on its own."""
    end = len(text) if end is None else end
    parts, pos = [], start
    for a, b in found:
        if b <= start or a >= end:
            continue
        a, b = max(a, start), min(b, end)
        parts += [html.escape(text[pos:a]), "<mark>", html.escape(text[a:b]), "</mark>"]
        pos = b
    parts.append(html.escape(text[pos:end]))
    return "".join(parts)


def mark(text, found: tuple[str, ...]) -> str:
    """``text`` (any value; None is empty) as HTML with each occurrence of the terms in ``<mark>``.

    The text is escaped piece by piece around the matches rather than as a
    whole before them, which gives the same safety and keeps a term such as
    ``amp`` from matching inside the ``&amp;`` that escaping writes.
    """
    text = "" if text is None else str(text)
    return _marked(text, spans(text, found))


def snippets(text: str, found: tuple[str, ...], width: int = SNIPPET_CHARS, most: int = SNIPPETS) -> list[str]:
    """Up to ``most`` passages of ``text`` around its matches (``width`` characters each side, cut at a space,
    "…" where the text goes on), as HTML with the matches marked; passages that would overlap are merged."""
    found_spans = spans(text, found)
    windows: list[list[int]] = []
    for a, b in found_spans:
        lo, hi = max(0, a - width), min(len(text), b + width)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        elif len(windows) < most:
            windows.append([lo, hi])
        else:
            break
    out = []
    for lo, hi in windows:
        if lo > 0 and " " in text[lo:lo + 20]:
            lo = text.index(" ", lo) + 1  # start at a word
        if hi < len(text) and " " in text[max(lo, hi - 20):hi]:
            hi = text.rindex(" ", lo, hi)
        body = " ".join(_marked(text, found_spans, lo, hi).split())  # line breaks read as spaces in one line
        out.append(("…" if lo > 0 else "") + body + ("…" if hi < len(text) else ""))
    return out


def search_texts(texts: dict[str, str], titles: dict[str, str], found: tuple[str, ...],
                 limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """The articles of ``titles`` (id -> title; the ones to search, in their order) whose title and text together
    hold every term, most matches first: article_id, title (HTML, marked), matches, snippets (a list of HTML);
    at most ``limit`` rows, and how many articles match."""
    rows = []
    if found:
        for article_id, title in titles.items():
            text = texts.get(article_id) or ""
            title = "" if title is None or pd.isna(title) else str(title)
            if not matches_all(title + "\n" + text, found):
                continue
            rows.append({"article_id": article_id, "title": mark(title, found), "matches": len(spans(text, found)),
                         "snippets": snippets(text, found)})
    rows.sort(key=lambda r: -r["matches"])  # stable: equal counts keep the view's order
    table = pd.DataFrame(rows, columns=["article_id", "title", "matches", "snippets"])
    return (table if limit is None else table.head(limit)), len(rows)


def _all_in(columns: list[str], found: tuple[str, ...], params: list) -> str:
    """SQL: every term occurs (any case) in one of ``columns``; the terms go into ``params``."""
    clauses = []
    for term in found:
        clauses.append("(" + " OR ".join(f"contains(lower(COALESCE({c}, '')), ?)" for c in columns) + ")")
        params += [term] * len(columns)
    return " AND ".join(clauses) or "TRUE"


def quotes(store: Store, f: Filters, found: tuple[str, ...], limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """The view's quotes in which every term occurs in the text or the speaker's name, in article order:
    quote_id, article_id, speaker, kind, text, cue, title, date, stances ("outcome: stance; ..."); at most
    ``limit``, and how many match. None when there is no term."""
    columns = ["quote_id", "article_id", "speaker", "kind", "text", "cue", "title", "date", "stances"]
    if not found or "quotes" not in store.present:
        return pd.DataFrame(columns=columns), 0
    sql, params = selected("quotes", f)
    where = _all_in(["q.text", "q.speaker"], found, params)
    stance_sql, stance_params = selected("stances", f)
    # One pass over the quotes' text gives both the count (a window over every match) and the first rows.
    table = store.query(f"""
        WITH picked AS (SELECT *, COUNT(*) OVER () AS matched FROM {sql} AS q WHERE {where}
                        ORDER BY q.article_id, q.start{_limit(limit)}),
             per_quote AS (SELECT quote_id, string_agg(outcome || ': ' || stance, '; ' ORDER BY outcome) AS stances
                           FROM {stance_sql} AS s WHERE quote_id IN (SELECT quote_id FROM picked) GROUP BY quote_id)
        SELECT p.quote_id, p.article_id, COALESCE(p.speaker, '') AS speaker, p.kind, p.text, COALESCE(p.cue, '') AS cue,
               COALESCE(a.title, '') AS title, COALESCE(a.date, '') AS date,
               COALESCE(per_quote.stances, '') AS stances, p.matched
        FROM picked AS p LEFT JOIN per_quote USING (quote_id) LEFT JOIN articles a ON a.article_id = p.article_id
        ORDER BY p.article_id, p.start""", params + stance_params)
    total = int(table["matched"].iloc[0]) if len(table) else 0
    return table.drop(columns=["matched"]), total


def speakers(store: Store, f: Filters, found: tuple[str, ...], limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """The actors and speakers of the view whose name holds every term, most quoted then most mentioned first:
    actor, kind, quotes, mentions; at most ``limit``, and how many match. Every kind of actor is searched
    (the *Kinds of actor* filter narrows charts, not a search)."""
    columns = ["actor", "kind", "quotes", "mentions"]
    if not found:
        return pd.DataFrame(columns=columns), 0
    parts, params = [], []
    if "actor_counts" in store.present:
        sql, p = selected("actor_counts", replace(f, kinds=()))
        parts.append(f"SELECT actor, kind, 0 AS quotes, count AS mentions FROM {sql} AS c WHERE {_all_in(['actor'], found, p)}")
        params += p
    if "quotes" in store.present:
        sql, p = selected("quotes", f)
        parts.append(f"SELECT speaker AS actor, NULL AS kind, 1 AS quotes, 0 AS mentions FROM {sql} AS q "
                     f"WHERE speaker IS NOT NULL AND speaker <> '' AND {_all_in(['speaker'], found, p)}")
        params += p
    if not parts:
        return pd.DataFrame(columns=columns), 0
    grouped = (f"SELECT actor, ANY_VALUE(kind) AS kind, SUM(quotes)::BIGINT AS quotes, SUM(mentions)::BIGINT AS mentions "
               f"FROM ({' UNION ALL '.join(parts)}) AS u GROUP BY actor")
    # Every matching name at once (a few hundred at most: names, not quotes), counted and cut here, so the
    # union over the mentions and quotes runs once.
    table = store.query(f"SELECT * FROM ({grouped}) AS g ORDER BY quotes DESC, mentions DESC, actor", params)
    table["kind"] = table["kind"].fillna("")
    return (table if limit is None else table.head(limit)).reset_index(drop=True), len(table)
