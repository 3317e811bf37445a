"""One parsed article through the components (`analyse_doc`, `article_row`), and the shapes of the tables.

Both are pure functions of a parsed article and the configuration, so
articles can be analysed in any order or place and their rows combined:
`engines` runs them on chunks, `build` reduces the chunks' tables.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import pandas as pd

from .actors import Registry
from .corpus import Article
from .layout import layout_of, sentence_starts

# spaCy and the modules built on it are imported where they are used, so
# that a build whose tables are all cached starts without loading them.
if TYPE_CHECKING:
    from spacy.tokens import Doc

ARTICLE_COLUMNS = [
    "article_id", "title", "source", "date", "url", "file",
    "words", "sentences", "paragraphs", "mentions", "quotes",
]


def discover_registry(docs: Iterable[Doc], registry: Registry) -> Registry:
    """``registry`` plus the people that ``docs`` name in full but the registry lacks."""
    from .mentions import person_candidates

    return registry.with_people(name for doc in docs for name in person_candidates(doc))


def analyse_doc(doc: Doc, article: Article, registry: Registry, ruler=None, outcomes=None, lexicon=None) -> dict[str, list[dict]]:
    """Everything one article yields: its mentions, quotes and stances as lists of rows (``doc``: the parse of ``article.text``).

    A pure function of the parsed article and the configuration, so that
    articles can be analysed in any order or place and the rows combined:
    ``doc`` is read, never changed. The article's layout is computed once
    here and handed to each extractor, and the quotes read the entities that
    the mentions found (registry matches in place of the parse's); rows on
    page-furniture lines are left out.
    """
    from .mentions import extract_mentions
    from .quotes import extract_quotes

    layout = layout_of(doc, article.text)

    def kept(row: dict) -> bool:
        return not layout.in_furniture(row["start"])

    found = extract_mentions(doc, registry, article.article_id, layout, ruler)
    mentions = [m for m in found.rows if kept(m)]
    rows: dict[str, list[dict]] = {"mentions": mentions}
    quotes = [q for q in extract_quotes(doc, mentions, found.entities, registry, article.article_id, layout) if kept(q)]
    rows["quotes"] = quotes
    if outcomes is not None:
        from .stance import quote_stances

        rows["stances"] = quote_stances(doc, quotes, outcomes, lexicon, layout)
    return rows


def word_count(doc: Doc) -> int:
    """The tokens of ``doc`` that are neither punctuation nor white space (read as columns of the parse)."""
    from spacy.attrs import IS_PUNCT, IS_SPACE

    return int((doc.to_array([IS_PUNCT, IS_SPACE]).sum(axis=1) == 0).sum()) if len(doc) else 0


def article_row(doc: Doc, article: Article, rows: dict[str, list[dict]]) -> dict:
    """The ``articles`` table row of one analysed article."""
    return {
        "article_id": article.article_id,
        "title": article.title,
        "source": article.source,
        "date": article.date,
        "url": article.url,
        "file": article.file,
        "words": word_count(doc),
        "sentences": len(sentence_starts(doc)),
        "paragraphs": sum(1 for line in article.text.splitlines() if line.strip()),
        "mentions": len(rows["mentions"]),
        "quotes": len(rows.get("quotes", [])),
    }


PER_ARTICLE = ("articles", "mentions", "quotes", "stances")


def columns_of(name: str) -> list[str]:
    """The columns of table ``name``, in order."""
    from .cooccurrence import COOCCURRENCE_COLUMNS
    from .mentions import COUNT_COLUMNS, MENTION_COLUMNS
    from .positions import POSITION_CHANGE_COLUMNS
    from .quotes import QUOTE_COLUMNS
    from .stance import STANCE_COLUMNS

    return {"articles": ARTICLE_COLUMNS, "mentions": MENTION_COLUMNS, "quotes": QUOTE_COLUMNS,
            "stances": STANCE_COLUMNS, "actor_counts": COUNT_COLUMNS, "cooccurrence": COOCCURRENCE_COLUMNS,
            "position_changes": POSITION_CHANGE_COLUMNS}[name]


def row_frames(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """One chunk's rows as tables with their columns and types, empty ones included."""
    return {name: typed_table(pd.DataFrame(rows.get(name, []), columns=columns_of(name))) for name in PER_ARTICLE}


def concat_parts(parts: list[pd.DataFrame], name: str) -> pd.DataFrame:
    """The chunks' parts of table ``name`` as one table (empty parts add no rows and change no type)."""
    kept = [p for p in parts if not p.empty]
    if not kept:
        return typed_table(pd.DataFrame(columns=columns_of(name)))
    return pd.concat(kept, ignore_index=True)


# Numeric columns keep their type when a table is empty, so that sums and rankings still work on it.
_INT_COLUMNS = {"start", "end", "sentence", "paragraph", "count", "articles", "words", "sentences", "paragraphs", "mentions", "quotes"}
_FLOAT_COLUMNS = {"jaccard", "npmi", "score"}


def typed_table(table: pd.DataFrame) -> pd.DataFrame:
    """``table``, its numeric columns typed as numbers even when it has no rows."""
    if not table.empty:
        return table
    return table.astype({c: "int64" if c in _INT_COLUMNS else "float64" for c in table.columns if c in _INT_COLUMNS | _FLOAT_COLUMNS})
