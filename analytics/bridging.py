"""Definite noun phrases that take up an outcome named before them ("the package" after "a sanctions
package", "the charge" after "the congestion charge"): the outcome's names found by analytics/outcomes.py
are extended by these one-word mentions."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lowercase import lowered

# spaCy is imported where it is used, as in analytics/outcomes.py: reading cached tables parses nothing.
if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# Determiners that make a noun phrase take up something already in the text ("the package", "such a plan").
DEFINITE = {"the", "this", "that", "these", "those", "such"}


def _carrier_noun(match: Span) -> Token | None:
    """The noun an outcome's name is a compound of ("package" of "a sanctions package"); None when the name
    stands alone. "A package of sanctions" does not count: "the outcome of the summit" is not the summit."""
    root = match.root
    head = root.head
    if root.dep_ == "compound" and head.pos_ == "NOUN" and head.i >= match.end:
        return head
    return None


def _head_noun(match: Span) -> Token | None:
    """The head noun of an outcome's name of several words ("charge" of "congestion charge"), which a later
    definite phrase takes up alone ("the charge"); None for a one-word name or one headed by no noun."""
    root = match.root
    if match.end - match.start > 1 and root.pos_ == "NOUN" and root.i == match.end - 1:
        return root
    return None


def bridged_mentions(doc: Doc, named: list[Span], taken: set[int]) -> list[Span]:
    """Definite noun phrases that take up an outcome named before by the noun its name went with.

    After "a new sanctions package" or "the peace framework", "the package" and "the framework" name the
    same thing, as "the charge" does after "the congestion charge" (the head noun of a name of several words;
    both nouns count where a name went with another, "the congestion charge vote"): the head noun of each later definite phrase (``the``, ``this``, ``such`` ...) with that lemma,
    not itself modified by another noun, becomes a one-token mention of the outcome. A noun that went with
    the names of two outcomes takes up neither. ``taken``: the tokens of ``named``.
    """
    from spacy.tokens import Span

    first: dict[str, int] = {}
    keys: dict[str, set[str]] = {}
    for match in named:
        # Both nouns take the name up: "the charge" and "the vote" after "the congestion charge vote".
        nouns = [_head_noun(match)]
        carrier = _carrier_noun(match)
        if carrier is not None and carrier.i not in taken:
            nouns.append(carrier)
        for noun in filter(None, nouns):
            lemma = noun.lemma_.lower()
            keys.setdefault(lemma, set()).add(match.label_)
            first[lemma] = min(first.get(lemma, noun.i), noun.i)
    if not keys:
        return []
    from spacy.attrs import LEMMA, POS
    from spacy.parts_of_speech import NOUN

    # Only the nouns whose lemma is a carrier become Python objects: the columns of the parse say which.
    columns = doc.to_array([POS, LEMMA])
    strings = doc.vocab.strings
    carriers = [h for h in set(columns[columns[:, 0] == NOUN, 1].tolist()) if lowered(strings, h) in keys]
    at = sorted(i for h in carriers for i in (columns[:, 1] == h).nonzero()[0].tolist() if columns[i, 0] == NOUN)
    found = []
    for tok in (doc[i] for i in at):
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or tok.i in taken or len(keys.get(lemma, ())) != 1 or tok.i <= first[lemma]:
            continue
        children = list(tok.children)
        if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children) \
                and not any(c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN") for c in children):
            found.append(Span(doc, tok.i, tok.i + 1, label=next(iter(keys[lemma]))))
    return found
