"""What a quote says whatever outcome it is scored toward, read once per quote.

The stance cue words of its sentence, its reporting verb and which way that
verb leans, its turns ("but") and whether it is conditional: analytics/stance.py
scores each outcome the quote is about from this reading.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .layout import Layout
from .lexicons import StanceCues
from .lowercase import forms_in, lowered
from .outcomes import carrying_sentences
from .syntax import is_negated

# "if"/"whether" after these opens an embedded question, not a condition ("to see if we can ...").
_QUESTION_VERBS = {"see", "ask", "know", "wonder", "check", "find"}


@dataclass(frozen=True)
class StanceCueHit:
    """A stance cue word or phrase found in the text."""

    category: str
    token: Token
    text: str
    weight: float


def cue_starts(doc: Doc, stance_cues: StanceCues) -> list[int]:
    """The tokens of ``doc`` at which a stance cue may start, in order: a word (no punctuation or space)
    whose lemma or lowercase form is a cue's first word.

    Read once per article from the parse's columns, each word form looked up once, so that
    `find_stance_cues` looks at these tokens only and not at every token of each quote's sentence.
    """
    from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER

    if not len(doc):
        return []
    strings = doc.vocab.strings
    lemmas, lowers, punct, space = doc.to_array([LEMMA, LOWER, IS_PUNCT, IS_SPACE]).T.tolist()
    keys = frozenset(stance_cues.index)
    by_lemma, by_form = forms_in(strings, set(lemmas), keys), forms_in(strings, set(lowers), keys, lower=False)
    return [i for i, (lemma, lower, p, s) in enumerate(zip(lemmas, lowers, punct, space))
            if not (p or s) and (lemma in by_lemma or lower in by_form)]


def find_stance_cues(tokens, stance_cues: StanceCues, starts: list[int] | None = None) -> list[StanceCueHit]:
    """The stance cue words and phrases among ``tokens`` (matched on lemma or lowercase form).

    ``starts``: the `cue_starts` of the Doc, when ``tokens`` is a Span of it and they are known.
    """
    index = stance_cues.index
    if starts is None:
        tokens = list(tokens)
        positions = [n for n, tok in enumerate(tokens) if not (tok.is_punct or tok.is_space)
                     and (lowered(tok.vocab.strings, tok.lemma) in index or tok.lower_ in index)]
    else:
        positions = [i - tokens.start for i in starts[bisect.bisect_left(starts, tokens.start):bisect.bisect_left(starts, tokens.end)]]
    hits, skip_to = [], -1
    for n in positions:
        if n < skip_to:
            continue
        tok = tokens[n]
        for key in dict.fromkeys((lowered(tok.vocab.strings, tok.lemma), tok.lower_)):  # lemma first: a set's order changes per process
            for words, category, weight in index.get(key, ()):
                end = n + len(words)
                # The words one by one, not as a slice: a Span made per cue tried costs more than the test.
                if end <= len(tokens) and all(_is_word(w, tokens[k]) for k, w in enumerate(words, start=n)):
                    hits.append(StanceCueHit(category, tok, " ".join(tokens[k].text for k in range(n, end)), weight))
                    skip_to = end
                    break
            if skip_to > n:
                break
    return hits


def _is_word(word: str, tok: Token) -> bool:
    """Whether ``tok`` is the cue word ``word``: its lemma or lowercase form, and its part of speech when the
    word names one ("back/verb" is the verb that supports, not the "back" of "get it back")."""
    word, _, pos = word.partition("/")
    return word in (lowered(tok.vocab.strings, tok.lemma), tok.lower_) and (not pos or tok.pos_ == pos.upper())


def _reporting_verb_tokens(doc: Doc, quote: dict, sent: Span) -> set[int]:
    """Token indexes of the reporting verb (``warned``, ``delivered a warning``) in the sentence, outside the quote."""
    words = set((quote.get("cue") or "").lower().split())
    return {t.i for t in sent if t.lower_ in words and not (quote["start"] <= t.idx < quote["end"])}


def _reporting_lemmas(doc: Doc, quote: dict, reporting: set[int]) -> set[str]:
    """The reporting cue's words and the lemmas of its tokens ``reporting`` (`_reporting_verb_tokens`)."""
    words = set((quote.get("cue") or "").lower().split())
    return words | {doc[i].lemma_.lower() for i in reporting}


def is_clause(span: Span) -> bool:
    """Whether the quote is a clause with its own subject (``the group rejected X``), not a noun phrase."""
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in span)


def _reporting_leaning(doc: Doc, reporting: set[int], lemmas: set[str], stance_cues: StanceCues,
                       starts: list[int] | None = None) -> int:
    """+1/-1 when the reporting verb leans (its own cue words: ``ruled out``, ``welcomed``; or the reporting lists), else 0."""
    if reporting:
        first, last = min(reporting), max(reporting)
        for hit in find_stance_cues(doc[first: last + 1], stance_cues, starts):
            if hit.category in ("favor", "against") and not is_negated(hit.token, stance_cues):
                return 1 if hit.category == "favor" else -1
    if lemmas & stance_cues.reporting_against:
        return -1
    if names_it(lemmas, stance_cues):
        return 0  # "called the plan a stunt": the name given decides, not the verb
    if lemmas & stance_cues.reporting_favor:
        return 1
    return 0


def names_it(lemmas: set[str], stance_cues: StanceCues) -> bool:
    """Whether the reporting verb gives the outcome a name (``called it a stealth tax``), not a call ``for`` it."""
    return bool(lemmas & stance_cues.naming_verbs) and not lemmas & {"for", "on", "off"}


@dataclass(frozen=True)
class QuoteReading:
    """What a quote says whatever outcome it is scored toward: read once per quote (`read_quote`)."""

    sent: Span  # the sentence(s) it stands in
    reporting: set[int]  # token indexes of the reporting verb
    lemmas: set[str]  # the reporting verb's words and lemmas
    leaning: int  # +1/-1 when the reporting verb leans, else 0
    hits: list[StanceCueHit]  # the stance cues of the sentence
    turns: list[int]  # token indexes of the quote's contrastive words ("but")
    condition: Token | None  # the subordinator that makes the quote conditional


def read_quote(doc: Doc, quote: dict, span: Span, stance_cues: StanceCues, layout: Layout | None = None,
               starts: list[int] | None = None) -> QuoteReading:
    """The outcome-independent reading of ``quote`` (its words ``span``; ``layout``: the article's, if known;
    ``starts``: the article's `cue_starts`, if known) that `score_stance` starts from."""
    sent = carrying_sentences(doc, span, layout.sentence_starts if layout is not None else None)
    reporting = _reporting_verb_tokens(doc, quote, sent)
    lemmas = _reporting_lemmas(doc, quote, reporting)
    return QuoteReading(
        sent=sent, reporting=reporting, lemmas=lemmas,
        leaning=_reporting_leaning(doc, reporting, lemmas, stance_cues, starts),
        hits=find_stance_cues(sent, stance_cues, starts),
        turns=[t.i for t in span if t.lower_ in stance_cues.contrastives and t.dep_ in ("cc", "advmod", "mark", "prep")],
        condition=_conditional(span, stance_cues),
    )


def _conditional(span: Span, stance_cues: StanceCues) -> Token | None:
    """The subordinator that makes the quote conditional (``if``, ``unless``), not an embedded question."""
    for t in span:
        if t.lower_ in stance_cues.conditionals and t.dep_ == "mark" and t.head.head.lemma_.lower() not in _QUESTION_VERBS:
            return t
    return None
