"""Actor mentions in a parsed article, and their counts.

Mentions are found by an EntityRuler built from the actor registry (which by
then also holds the people discovered from PERSON entities, see
`person_candidates` and `analytics.actors.merge_people`). Matching names
rather than trusting spaCy's entity labels is what keeps its misfires from
losing actors: ``Trump Announces Ukraine Summit`` tagged ORG still yields
``Trump``, and ``Putin-Zelensky`` tagged as one PERSON yields both.
"""
from __future__ import annotations

import bisect
import re

import pandas as pd
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from .actors import Registry
from .layout import paragraph_spans

MENTION_COLUMNS = ["article_id", "actor", "kind", "text", "start", "end", "sentence", "paragraph"]
COUNT_COLUMNS = ["article_id", "actor", "kind", "count"]

# Words that stand before a name in a PERSON entity but are not the name.
_TITLES = {
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "president", "prime", "minister",
    "chancellor", "secretary", "senator", "sen", "rep", "gov", "governor", "general",
    "gen", "king", "queen", "prince", "pope", "judge", "justice", "mayor", "ceo",
    "chairman", "spokesperson", "spokesman", "spokeswoman", "envoy", "adviser", "advisor",
    "coach", "captain", "manager", "director", "professor", "prof", "rev", "father", "sheikh",
    "nurse", "doctor", "officer", "sergeant", "sgt", "detective", "inspector", "constable", "lieutenant",
    "colonel", "col", "major", "corporal", "ambassador", "commissioner", "leader", "chief", "head",
    "minister", "deputy", "vice", "lady", "cardinal", "bishop", "rabbi", "imam", "archbishop",
}
_JOINERS = {"-", "–", "&", "/", "and"}
# Lowercase parts of names: Khalil al-Hayya, Ursula von der Leyen, Lula da Silva.
_PARTICLES = {"al", "el", "bin", "ibn", "de", "del", "della", "di", "da", "dos", "du", "la", "le", "van", "von", "der", "den", "ter", "abu"}


def person_candidates(doc: Doc) -> list[str]:
    """Names in ``doc``'s PERSON entities, cleaned for merging across articles.

    Returns one string per name occurrence: possessives and leading titles
    removed, and entities that glue two names (``Putin-Zelensky``,
    ``Trump & Putin``) split into both. Only words that look like a name
    (capitalised, alphabetic) are kept.
    """
    names = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start = ent.start
        # spaCy sometimes leaves a first name out ("Mayor Ana [Lima]"): take the capitalised word before it.
        if len(ent) == 1 and start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and doc[start - 1].lower_.rstrip(".") not in _TITLES and not doc[start - 1].ent_type_:
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
    return [n for n in (_clean_name(n) for n in names) if n]


def _clean_name(name: str) -> str:
    words = re.sub(r"['’]s?$", "", name.strip()).split()
    while words and words[0].lower().rstrip(".") in _TITLES:
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


def extract_mentions(doc: Doc, registry: Registry, article_id: str, ruler: EntityRuler | None = None) -> list[dict]:
    """Mentions of registry actors in ``doc``, one dict per mention, in text order.

    Each dict has the keys of MENTION_COLUMNS: the actor's canonical name and
    kind, the text as written, its character offsets, and the indexes of its
    sentence and paragraph. ``doc.ents`` is updated: registry matches replace
    overlapping entities and carry the canonical name as ``ent_id_``. Pass a
    ``ruler`` from `mention_ruler` when calling this for many documents.
    """
    if not registry.actors:
        return []
    if ruler is None:
        ruler = _cached_ruler(doc, registry)
    ruler(doc)
    sentence_of = sentence_index(doc)
    paragraphs = [s for s, _ in paragraph_spans(doc.text)]
    rows = []
    for ent in doc.ents:
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
                "sentence": sentence_of[ent.start],
                "paragraph": max(bisect.bisect_right(paragraphs, ent.start_char) - 1, 0),
            }
        )
    return rows


def _cached_ruler(doc: Doc, registry: Registry) -> EntityRuler:
    """One ruler per registry object, built on first use."""
    cached = getattr(registry, "_ruler", None)
    if cached is None or cached.nlp.vocab is not doc.vocab:
        from spacy.lang.en import English

        nlp = English(vocab=doc.vocab)
        cached = mention_ruler(nlp, registry)
        object.__setattr__(registry, "_ruler", cached)
    return cached


def sentence_index(doc: Doc) -> list[int]:
    """For each token of ``doc``, the index of its sentence."""
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


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
