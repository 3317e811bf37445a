"""Actor mentions in a parsed article, and their counts.

Mentions are found by an EntityRuler built from the actor registry (which by
then also holds the people discovered from PERSON entities, see
`person_candidates` and `analytics.actors.merge_people`). Matching names
rather than trusting spaCy's entity labels is what keeps its misfires from
losing actors: ``Trump Announces Ukraine Summit`` tagged ORG still yields
``Trump``, and ``Putin-Zelensky`` tagged as one PERSON yields both.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import pandas as pd
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .actors import Actor, Registry
from .layout import Layout
from .lexicons import load_reporting_cues

MENTION_COLUMNS = ["article_id", "actor", "kind", "text", "start", "end", "sentence", "paragraph"]
COUNT_COLUMNS = ["article_id", "actor", "kind", "count"]

_JOINERS = {"-", "–", "&", "/", "and"}
# Lowercase parts of names: Khalil al-Hayya, Ursula von der Leyen, Lula da Silva.
_PARTICLES = {"al", "el", "bin", "ibn", "de", "del", "della", "di", "da", "dos", "du", "la", "le", "van", "von", "der", "den", "ter", "abu"}


def person_candidates(doc: Doc) -> list[str]:
    """Names in ``doc``'s PERSON entities, cleaned for merging across articles.

    Returns one string per name occurrence: possessives and leading titles
    removed, and entities that glue two names (``Putin-Zelensky``,
    ``Trump & Putin``) split into both. Only words that look like a name
    (capitalised, alphabetic) are kept. Titles are those of
    data/reporting.yml (`analytics.lexicons.ReportingCues.titles`).
    """
    titles = load_reporting_cues().titles
    names = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start = ent.start
        # spaCy sometimes leaves a first name out ("Mayor Ana [Lima]"): take the capitalised word before it.
        if len(ent) == 1 and start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and doc[start - 1].lower_.rstrip(".") not in titles and not doc[start - 1].ent_type_:
            start -= 1
        words: list[str] = []
        i = start
        while i < ent.end:
            tok = doc[i]
            hyphen = tok.text in ("-", "–") and words and i + 1 < ent.end
            # al-Hayya, and a double surname after a first name (Karine Jean-Pierre), are one word of
            # one name; two names glued alone (Putin-Zelensky) are two people.
            if hyphen and (words[-1].lower() in _PARTICLES or len(words) > 1):
                words[-1] += tok.text + doc[i + 1].text
                i += 2
                continue
            if tok.text in _JOINERS or tok.is_space or "\n" in tok.text:
                names.append(" ".join(words))
                words = []
            elif tok.lower_ not in ("'s", "’s", "'", "’"):
                words.append(tok.text)
            i += 1
        names.append(" ".join(words))
    return [n for n in (_clean_name(n, titles) for n in names) if n]


def _clean_name(name: str, titles: frozenset[str]) -> str:
    """``name`` without possessive and leading ``titles``, or "" if what is left does not look like a name."""
    words = re.sub(r"['’]s?$", "", name.strip()).split()
    while words and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    if not words or len(words) > 4:
        return ""
    for n, w in enumerate(words):
        core = w.replace(".", "").replace("'", "").replace("’", "").replace("-", "")
        particle = w.lower() in _PARTICLES and 0 < n < len(words) - 1
        prefixed = "-" in w and w.split("-")[0].lower() in _PARTICLES and w.split("-")[1][:1].isupper()
        if not core.isalpha() or not (w[0].isupper() or particle or prefixed):
            return ""
    return " ".join(words)


def mention_ruler(vocab_nlp, registry: Registry) -> EntityRuler:
    """An EntityRuler that tags every surface form of every registry actor, with its canonical name as id."""
    ruler = EntityRuler(vocab_nlp, name="actor_ruler", overwrite_ents=True, phrase_matcher_attr="LOWER")
    ruler.add_patterns(registry.ruler_patterns())
    return ruler


def cached_ruler(vocab: Vocab, registry: Registry) -> EntityRuler:
    """The `mention_ruler` of ``registry`` on ``vocab``, built once per vocab and registry content."""
    return _ruler(vocab, tuple(registry.actors.items()))


@lru_cache(maxsize=4)
def _ruler(vocab: Vocab, actors: tuple[tuple[str, Actor], ...]) -> EntityRuler:
    from spacy.lang.en import English

    return mention_ruler(English(vocab=vocab), Registry(dict(actors)))


class Mentions(NamedTuple):
    """What `extract_mentions` finds in one article."""

    rows: list[dict]  # one per mention, with the keys of MENTION_COLUMNS, in text order
    entities: tuple[Span, ...]  # the parse's entities, registry matches in place of those they overlap


def extract_mentions(doc: Doc, registry: Registry, article_id: str, layout: Layout, ruler: EntityRuler | None = None) -> Mentions:
    """Mentions of registry actors in ``doc``, and its entities with those mentions in them.

    Reads the parse of ``doc`` (its entities as parsed) and its ``layout``;
    ``doc`` is left as it came. Each row has the keys of MENTION_COLUMNS:
    the actor's canonical name and kind, the text as written, its character
    offsets, and the indexes of its sentence and paragraph. The entities are
    ``doc.ents`` as the ``ruler`` (default: the `cached_ruler` of
    ``registry``) rewrites them: registry matches replace the entities they
    overlap and carry the canonical name as ``ent_id_``.
    """
    if not registry.actors:
        return Mentions([], doc.ents)
    if ruler is None:
        ruler = cached_ruler(doc.vocab, registry)
    entities = ruler_entities(ruler, doc)
    rows = []
    for ent in entities:
        if not ent.ent_id_ or ent.ent_id_ not in registry.actors:
            continue
        rows.append(
            {
                "article_id": article_id,
                "actor": ent.ent_id_,
                "kind": registry.kind_of(ent.ent_id_),
                "text": ent.text,
                "start": ent.start_char,
                "end": ent.end_char,
                "sentence": layout.sentence_of(ent.start),
                "paragraph": layout.paragraph_of(ent.start_char),
            }
        )
    return Mentions(rows, entities)


def ruler_entities(ruler: EntityRuler, doc: Doc) -> tuple[Span, ...]:
    """``doc.ents`` as ``ruler`` (overwriting) would set them, on a copy of ``doc``; ``doc`` is left as it came.

    The same entities as calling the ruler, in time linear in the matches:
    spaCy 3.8's EntityRuler filters the whole entity list once per match,
    which is quadratic on a long article. Matches come longest first, so a
    match overlaps an earlier one exactly when its first or last token is
    taken (as the ruler checks).
    """
    copy = doc.copy()
    taken: set[int] = set()
    new = []
    for match_id, start, end in ruler.match(copy):
        if start in taken or end - 1 in taken:
            continue
        if match_id in ruler._ent_ids:  # the pattern's label and id, as the ruler reads them
            label, ent_id = ruler._ent_ids[match_id]
            new.append(Span(copy, start, end, label=label, span_id=ent_id))
        else:
            new.append(Span(copy, start, end, label=match_id))
        taken.update(range(start, end))
    kept = [e for e in copy.ents if not any(i in taken for i in range(e.start, e.end))]
    copy.ents = kept + new
    return copy.ents


def count_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """``actor_counts``: mentions per (article, actor), most mentioned first within each article."""
    import duckdb

    if mentions.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS)
    con = duckdb.connect()
    con.register("mentions_in", mentions[["article_id", "actor", "kind"]])
    return count_query(con, "mentions_in")


def count_query(con, mentions: str) -> pd.DataFrame:
    """`count_mentions` of the rows that the SQL ``mentions`` (a table name or a query) selects on ``con``."""
    return con.execute(f"""
        SELECT article_id, actor, kind, COUNT(*)::BIGINT AS count FROM {mentions} AS m
        GROUP BY article_id, actor, kind ORDER BY article_id, count DESC, actor, kind""").df()
