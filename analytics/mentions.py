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
import warnings
from functools import lru_cache
from typing import NamedTuple

import numpy
import pandas as pd
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .actors import Actor, Registry
from .layout import SENTENCE_END, Layout
from .lexicons import load_reporting_cues

MENTION_COLUMNS = ["article_id", "actor", "kind", "text", "start", "end", "sentence", "paragraph"]
COUNT_COLUMNS = ["article_id", "actor", "kind", "count"]

_JOINERS = {"-", "–", "&", "/", "and"}
# Lowercase parts of names: Khalil al-Hayya, Ursula von der Leyen, Lula da Silva.
_PARTICLES = {"al", "el", "bin", "ibn", "de", "del", "della", "di", "da", "dos", "du", "la", "le", "van", "von", "der", "den", "ter", "abu"}


# A sentence-initial word with this ending glued to a name is a participle, not a first name:
# "Slamming Maria Lopez once again, ...".
_PARTICIPLE_ENDING = "ing"
# A line of at least this many words, nearly all capitalised, no more than HEADLINE_TOKENS tokens
# on either side of a name, is a headline in title case, where capitals tell no name from other
# words ("Lopez Slams Budget Plan").
TITLE_CASE_WORDS = 4
TITLE_CASE_SHARE = 0.8
HEADLINE_TOKENS = 20
# Entities of these labels are no people, whatever the words around them say.
_NOT_PEOPLE = {"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "EVENT", "LAW"}


def person_candidates(doc: Doc) -> list[str]:
    """Names of people in ``doc``, cleaned for merging across articles.

    Returns one string per name occurrence: the PERSON entities, and the
    runs of proper nouns that the sentence introduces as a person though
    the parser did not tag them so (`_introduced_people`). Possessives and
    leading titles are removed (with a party before them: ``Reform Alliance
    Delegate Wendell Crane``), a participle glued to the front of a name
    (``Slamming Maria Lopez``) too, and entities that glue two names
    (``Putin-Zelensky``, ``Trump & Putin``) are split into both. Only words
    that look like a name (capitalised, alphabetic) are kept; nothing is
    taken from a headline in title case, nor a full name whose first word
    the article uses as a place (``Valmora Rail`` where ``Valmora`` is a
    country) or whose last word ends an organisation's name (``Rail``,
    ``Holdings``: `organisation_words`), nor one the words before it call a
    group's or a place's (`_named_as_no_person`). Titles are those of data/reporting.yml
    (`analytics.lexicons.ReportingCues.titles`).
    """
    cues = load_reporting_cues()
    titles = cues.titles
    entities = doc.ents  # built anew on every access
    places = {doc[e.start].lower_ for e in entities if e.label_ in ("GPE", "LOC", "NORP")}
    names = []
    for ent in entities:
        if ent.label_ != "PERSON" or _in_title_case_line(doc, ent.start, ent.end) or _named_as_no_person(doc, ent.start, cues):
            continue
        start = ent.start
        # spaCy sometimes leaves a first name out ("Mayor Ana [Lima]"): take the capitalised word before it.
        if len(ent) == 1 and start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and doc[start - 1].lower_.rstrip(".") not in titles and not doc[start - 1].ent_type_:
            start -= 1
        if ent.end - start > 2 and doc[start].is_sent_start and doc[start].lower_.endswith(_PARTICIPLE_ENDING):
            start += 1
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
    names += _introduced_people(doc, cues)
    cleaned = (_clean_name(n, titles) for n in names)
    return [n for n in cleaned if n and not (len(n.split()) > 1 and (n.split()[0].lower() in places
                                                                     or _organisation_name(n, cues)))]


def _named_as_no_person(doc: Doc, start: int, cues) -> bool:
    """Whether the words before a name say what it names, and that is no person: ``the campaign group
    Fossil Free Futures`` (a group's noun just before it), ``the suburb of Calvert Hill`` (a place's noun and
    ``of``)."""
    before = doc[start - 1] if start > 0 else None
    if before is None:
        return False
    if before.pos_ == "NOUN" and before.is_lower and (before.lemma_ in cues.group_nouns or before.lemma_ in cues.institution_nouns):
        return True
    return before.lower_ == "of" and start > 1 and doc[start - 2].lemma_.lower() in cues.place_nouns


def _organisation_name(name: str, cues) -> bool:
    """Whether a name of several words ends as an organisation's does (``Valmora Rail``, ``Kestrel Holdings``)."""
    last = name.split()[-1].lower()
    return last in cues.organisation_words or last in cues.institution_nouns or last in cues.group_nouns


def _introduced_people(doc: Doc, cues) -> list[str]:
    """Runs of proper nouns not tagged PERSON that the sentence introduces as a person.

    ``Ines Ocampo, chief economist at ...`` (an apposition whose noun is a
    role: `speaker_nouns`, or ends like one, ``economist``) or ``Ines
    Ocampo, who ...``. A run is two or more capitalised words without a
    determiner; one ending in an institution's noun (``Valmora Rail
    Authority``) is none.
    """
    found = []
    # Only the heads of appositions and relative clauses can be introduced so: read the few of them.
    deps = doc.to_array("DEP")
    wanted = numpy.isin(deps, [doc.vocab.strings[d] for d in ("appos", "relcl")])
    for tok in dict.fromkeys(doc[int(i)].head for i in numpy.flatnonzero(wanted)):
        if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON" or tok.ent_type_ in _NOT_PEOPLE:
            continue
        if any(c.dep_ == "det" for c in tok.children) or not any(_introduces_person(c, cues) for c in tok.children):
            continue  # "the campaign group Fossil Free Futures, who ...": a name with "the" is no person's
        if _in_title_case_line(doc, tok.i, tok.i + 1):
            continue
        run = [tok]
        while run[0].i > 0 and doc[run[0].i - 1].dep_ == "compound" and doc[run[0].i - 1].head.i == tok.i \
                and doc[run[0].i - 1].pos_ == "PROPN" and doc[run[0].i - 1].ent_type_ not in _NOT_PEOPLE:
            run.insert(0, doc[run[0].i - 1])
        last = tok.lower_
        if len(run) >= 2 and last not in cues.institution_nouns | cues.group_nouns and not _named_as_no_person(doc, run[0].i, cues):
            found.append(" ".join(t.text for t in run))
    return found


def _introduces_person(child, cues) -> bool:
    """Whether ``child`` of a proper noun says it is a person: an apposition naming a role, or a ``who`` clause."""
    if child.dep_ == "relcl":
        return any(k.lower_ == "who" and k.dep_ in ("nsubj", "nsubjpass") for k in child.children)
    if child.dep_ != "appos" or child.pos_ != "NOUN":
        return False
    lemma = child.lemma_.lower()
    if lemma in cues.institution_nouns or lemma in cues.group_nouns:
        return False
    return lemma in cues.speaker_nouns or any(lemma.endswith(suffix) for suffix in cues.speaker_suffixes)


def _in_title_case_line(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at tokens ``start:end`` stands in a headline in title case.

    A headline is a short line (HEADLINE_TOKENS on either side of the name
    at most) that does not end like a sentence, nearly every word of it
    capitalised. Only a name whose neighbours are capitalised (or the
    line's edges) is looked at further.
    """
    def edge_or_capital(tok) -> bool:
        return tok is None or "\n" in tok.text_with_ws or tok.text[:1].isupper()

    if not edge_or_capital(doc[start - 1] if start > 0 else None) or not edge_or_capital(doc[end] if end < len(doc) else None):
        return False
    lo = start
    while lo > 0 and "\n" not in doc[lo - 1].text_with_ws:
        lo -= 1
        if start - lo > HEADLINE_TOKENS:
            return False
    hi = end
    while hi < len(doc) and "\n" not in doc[hi - 1].text_with_ws:
        hi += 1
        if hi - end > HEADLINE_TOKENS:
            return False
    line = [t for t in doc[lo:hi] if not t.is_space]
    words = [t.text for t in line if t.text[:1].isalpha()]
    if not line or line[-1].text.endswith(SENTENCE_END) or len(words) < TITLE_CASE_WORDS or words[0] == "By":
        return False
    return sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _clean_name(name: str, titles: frozenset[str]) -> str:
    """``name`` without possessive and ``titles`` (leading, or with a party before them), or "" if what is
    left does not look like a name."""
    words = re.sub(r"['’]s?$", "", name.strip()).split()
    while words and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    # "Alliance Delegate Wendell Crane", "Labour MP Jane Doe": a party or place before the title goes with it;
    # the name is what follows the last title, when that is a name of two words or more ("John Major" stays).
    inner = [n for n, w in enumerate(words) if n > 0 and w.lower().rstrip(".") in titles and len(words) - n > 2]
    if inner:
        words = words[inner[-1] + 1:]
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
    overlap and carry the canonical name as ``id_``.
    """
    if not registry.actors:
        return Mentions([], doc.ents)
    if ruler is None:
        ruler = cached_ruler(doc.vocab, registry)
    entities = ruler_entities(ruler, doc)
    rows = []
    for ent in entities:
        if not ent.id_ or ent.id_ not in registry.actors:
            continue
        if registry.kind_of(ent.id_) == "person" and _common_word(ent):
            continue
        rows.append(
            {
                "article_id": article_id,
                "actor": ent.id_,
                "kind": registry.kind_of(ent.id_),
                "text": ent.text,
                "start": ent.start_char,
                "end": ent.end_char,
                "sentence": layout.sentence_of(ent.start),
                "paragraph": layout.paragraph_of(ent.start_char),
            }
        )
    return Mentions(rows, entities)


def _common_word(ent: Span) -> bool:
    """Whether a one-word match written in lowercase is the common word, not the surname it spells.

    ``the old guard``, ``several rounds of talks``, ``the rail strike``: the
    word is plural, or has a determiner, adjective or number of its own, or
    modifies a noun that has one. ``talks with orbán`` stays a name.
    """
    if len(ent) != 1 or not ent.text.islower():
        return False
    tok = ent[0]
    if tok.tag_ in ("NNS", "JJ", "JJR", "JJS", "VBZ", "VBD", "VBG", "VBN") or any(c.dep_ in _MODIFIER_DEPS for c in tok.children):
        return True
    return tok.dep_ in ("compound", "amod") and any(c.dep_ in _MODIFIER_DEPS for c in tok.head.children)


_MODIFIER_DEPS = {"det", "amod", "nummod", "poss"}


def ruler_entities(ruler: EntityRuler, doc: Doc) -> tuple[Span, ...]:
    """``doc.ents`` as ``ruler`` (overwriting) would set them, as spans of ``doc``, in text order;
    ``doc`` is left as it came.

    The same entities as calling the ruler, in time linear in the matches:
    spaCy 3.8's EntityRuler filters the whole entity list once per match,
    which is quadratic on a long article. Matches come longest first, so a
    match overlaps an earlier one exactly when its first or last token is
    taken (as the ruler checks). The spans are made on ``doc`` itself, not
    set as the entities of a copy: copying a Doc costs more than the rest.
    """
    taken: set[int] = set()
    new = []
    for match_id, start, end in _ruler_matches(ruler, doc):
        if start in taken or end - 1 in taken:
            continue
        if match_id in ruler._ent_ids:  # the pattern's label and id, as the ruler reads them
            label, ent_id = ruler._ent_ids[match_id]
            new.append(Span(doc, start, end, label=label, span_id=ent_id))
        else:
            new.append(Span(doc, start, end, label=match_id))
        taken.update(range(start, end))
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    return tuple(sorted(kept + new, key=lambda e: e.start))


def _ruler_matches(ruler: EntityRuler, doc: Doc) -> list[tuple[int, int, int]]:
    """``ruler.match(doc)``: the same matches in the same order, its token patterns found by a PhraseMatcher.

    The registry's token patterns are exact spellings (`Registry.ruler_patterns`: one ORTH per word), which
    spaCy's Matcher tries at every token of the article one pattern after another; a PhraseMatcher on ORTH
    finds the same spans by hash look-up, in a tenth of the time.
    """
    exact = _exact_matcher(ruler)
    if exact is None:
        return ruler.match(doc)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="\\[W036")  # as the ruler: a matcher may hold no pattern
        matches = list(exact(doc)) + list(ruler.phrase_matcher(doc))
    # As EntityRuler.match: each match once, longest first, then earliest.
    return sorted(set((m_id, start, end) for m_id, start, end in matches if start != end),
                  key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@lru_cache(maxsize=4)
def _exact_matcher(ruler: EntityRuler):
    """A PhraseMatcher on ORTH holding ``ruler``'s token patterns, when each is a run of ORTH values (else None)."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(ruler.matcher.vocab, attr="ORTH")
    for label, patterns in ruler.token_patterns.items():
        if not all(p and all(set(t) == {"ORTH"} and isinstance(t["ORTH"], str) for t in p) for p in patterns):
            return None
        matcher.add(label, [Doc(ruler.matcher.vocab, words=[t["ORTH"] for t in p]) for p in patterns])
    return matcher


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
