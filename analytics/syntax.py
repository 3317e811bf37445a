"""How words stand to each other in the dependency parse: the syntax the stance rule reads.

Each function answers one question about a cue word or an outcome's anchor
token (its root, or the word that refers back to it): how far apart two
tokens are, whether a word is negated, which preposition or verb governs the
outcome, whether it is stated as coming (who a harm falls on is in
analytics/harms.py). analytics/stance.py weighs the answers.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from .lexicons import StanceCues

# Future and possibility auxiliaries: with them a verb states its outcome as coming.
_MODALS = {"will", "'ll", "would", "could", "can", "shall", "may", "might", "going", "should", "must"}


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the parse; the gap in words (x2) across sentences."""
    up = {a.i: 0}
    for depth, node in enumerate(a.ancestors, start=1):
        up[node.i] = depth
    steps = 0
    node = b
    while node.i not in up:
        if node.head.i == node.i:
            # No common ancestor: another sentence (each is a tree of its own), looked up only now since
            # Token.sent walks the parse each time.
            return (2 if a.sent.start != b.sent.start else 1) * abs(a.i - b.i)
        node, steps = node.head, steps + 1
    return steps + up[node.i]


def words_before(token: Token, n: int) -> Span:
    """The up to ``n`` words before ``token`` in its sentence (found by looking at those words only)."""
    doc, i = token.doc, token.i
    while i > token.i - n and i > 0 and not doc[i].is_sent_start:
        i -= 1
    return doc[i: token.i]


@lru_cache(maxsize=8)
def negation_phrases(negations: frozenset) -> tuple[str, ...]:
    """The negations of several words (``rather than``, ``no one``), in the tuple ``str.endswith`` takes:
    picked once, not on every word that may be negated."""
    return tuple(n for n in negations if " " in n)


def is_negated(token: Token, stance_cues: StanceCues) -> bool:
    """Whether a word is negated: a negation attached to it or its head, or among the 3 words before it.

    A negation of several words (``rather than``, ``no one``) counts when it ends just before the word
    or its phrase: ``delayed rather than dead``.
    """
    for t in (token, token.head):
        if any(_denies(c, stance_cues) for c in t.children if c.i != token.i):  # "never", "no role" deny no cue of their own
            return True
    before = words_before(token, 3)
    if any(t.lower_ in stance_cues.negations for t in before):
        return True
    words = " ".join(t.lower_ for t in before)
    return words.endswith(negation_phrases(stance_cues.negations))


def contrasted_away(token: Token, stance_cues: StanceCues) -> Token | None:
    """The word ``token`` is set against by a negation phrase: ``delayed`` in ``delayed rather than dead``."""
    if token.dep_ != "conj":
        return None
    words = " ".join(t.lower_ for t in words_before(token, 3))
    return token.head if words.endswith(negation_phrases(stance_cues.negations)) else None


def set_aside(root: Token, stance_cues: StanceCues) -> Token | None:
    """The phrase the outcome is set aside for: ``settlement`` in ``a settlement rather than a truce``,
    ``merger`` in ``a merger instead of an alliance`` (the outcome is the conjunct a negation phrase opens)."""
    node = root
    while node.dep_ in ("compound", "amod", "nmod") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "conj":
        return None
    words = " ".join(t.lower_ for t in words_before(node.left_edge, 2))
    return node.head if words.endswith(negation_phrases(stance_cues.negations)) else None


def _denies(child: Token, stance_cues: StanceCues) -> bool:
    return child.dep_ == "neg" or (child.lower_ in stance_cues.negations and child.dep_ in ("advmod", "det"))


def negated_complement(cue: Token, stance_cues: StanceCues) -> Token | None:
    """The negated clause an attitude verb takes (``I hope it never comes to that``), which reverses the attitude."""
    if cue.lemma_.lower() not in stance_cues.attitudes:
        return None
    for clause in cue.children:
        if clause.dep_ in ("ccomp", "xcomp") and any(_denies(c, stance_cues) for c in clause.children):
            return clause
        if clause.dep_ in ("ccomp", "xcomp") and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in stance_cues.negations
                                                     for c in clause.children):
            return clause  # "I hope nobody ..."
    return None


def governing_prep(token: Token, words: set[str], steps: int = 3) -> Token | None:
    """The preposition among ``words`` that ``token`` hangs under, within ``steps`` heads."""
    node = token
    for _ in range(steps):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.lower_ in words and node.dep_ == "prep":
            nxt = node.doc[node.i + 1: node.i + 3]
            if any(t.lower_ in ("backdrop", "background") for t in nxt):
                return None  # "against the backdrop of talks" says nothing against them
            return node
    return None


def _predicate_of_subject(token: Token) -> Token | None:
    """The verb whose subject contains ``token`` (``the provision of missiles would not change``)."""
    node = token
    for _ in range(5):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return node.head
        if node.head.i == node.i or node.dep_ not in ("pobj", "prep", "compound", "amod", "nmod", "poss", "appos", "conj", "det"):
            return None
        node = node.head
    return None


def _verb_of_object(token: Token) -> Token | None:
    """The verb that takes the phrase headed by ``token`` as object (``hold a summit``, ``pressured into giving up``)."""
    node = token
    while node.dep_ in ("compound", "amod", "det", "nmod", "poss") and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("dobj", "attr", "oprd", "xcomp", "nsubjpass") and node.head.pos_ in ("VERB", "AUX"):
        return node.head
    if node.dep_ in ("pobj", "pcomp") and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
        return node.head.head
    return None


def _has_modal(verb: Token) -> bool:
    """A future or possibility modal on ``verb`` or on the verb it completes (``would coordinate to provide``)."""
    for v in (verb, verb.head if verb.dep_ in ("xcomp", "advcl") else None):
        if v is not None and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in v.children):
            return True
    return False


def _is_stance_cue(token: Token, stance_cues: StanceCues) -> bool:
    """Whether ``token`` is a stance cue (favor, against, harm or hedge) of its own: its lemma a one-word cue,
    or the first word of a phrasal cue whose other words follow it ("touched upon", "rule it out" not)."""
    lemma = token.lemma_.lower()
    following = [t.lower_ for t in token.doc[token.i + 1: token.i + 4]]
    # The cues by first word (`StanceCues.index`, the derived un- cues with them), not every cue list scanned.
    return any((lemma,) == words or (words[0] == lemma and list(words[1:]) == following[:len(words) - 1])
               for words, _, _ in stance_cues.index.get(lemma, ()))


def averting_condition(root: Token, stance_cues: StanceCues) -> Token | None:
    """The "unless" of the clause that holds the outcome as what would avert the rest, so what is asked for:
    ``will strike unless the government orders arbitration``, ``no next one unless that money is in it``.

    None when the clause's verb is a cue of its own (``unless they withdraw the plan``: that cue decides).
    """
    for node in [root, *root.ancestors]:
        if node.dep_ == "advcl":
            mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ == "unless"), None)
            return mark if mark is not None and not _is_stance_cue(node, stance_cues) else None
    return None


def is_expected(root: Token, stance_cues: StanceCues, cue_words: frozenset[int] = frozenset()) -> bool:
    """Whether an outcome is stated as coming: ``X will take place``, ``there will be X``, ``will hold X``.

    Not when the verb begins an against cue of its own (``X would take years``: an obstacle).
    """
    if denying_determiner(root):
        return False
    verb = _predicate_of_subject(root)
    if verb is None and root.dep_ == "attr" and any(c.dep_ == "expl" for c in root.head.children):
        verb = root.head
    elif verb is not None and any(c.dep_ in ("acomp", "attr") for c in verb.children):
        return False  # "X would be pointless": an evaluation, not an expectation
    if verb is not None and verb.i in cue_words:
        return False
    if verb is not None:
        passive = any(c.dep_ == "auxpass" for c in verb.children)  # "X will be built": X is what is brought about
        verbs = stance_cues.expectation_verbs | (stance_cues.bringing_verbs if passive else frozenset())
        if verb.lemma_.lower() not in verbs or any(c.dep_ == "neg" for c in verb.children):
            return False
        return _has_modal(verb) or any(c.lower_ == "soon" for c in verb.subtree)
    verb = _verb_of_object(root)
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.i in cue_words or (verb.dep_ in ("xcomp", "advcl") and verb.head.i in cue_words):
        return False  # "it would take years to complete X": the obstacle governs
    return verb.lemma_.lower() in stance_cues.bringing_verbs and _has_modal(verb)


def rhetorical_question(token: Token, quote: Span, stance_cues: StanceCues) -> bool:
    """Whether ``token`` stands in a question asked to deny: ``Why should we hand them back?``.

    The quote's part of the sentence opens with one of the rhetorical openers, holds a modal, and ends with a
    question mark.
    """
    whole = token.sent  # walks the parse for the sentence's edges: once
    sent = token.doc[max(whole.start, quote.start): min(whole.end, quote.end)]
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words or words[0].lower_ not in stance_cues.rhetorical_openers:
        return False
    if not any(t.text == "?" for t in sent[-3:]):
        return False
    return any(t.dep_ == "aux" and t.lower_ in _MODALS | {"should", "must"} for t in sent)


def demanded(root: Token, quote: Span, stance_cues: StanceCues, refers: bool) -> Token | None:
    """The imperative verb of the quote that demands the outcome: ``Build it``, ``Put the deal to a vote``.

    The verb opens its sentence in the base form with no subject, is no cue and no discourse imperative
    (``look``, ``ask``), and its object holds the outcome (or, when the quote only refers to the outcome,
    is a pronoun pointing back to it).
    """
    for whole in quote.sents:
        sent = quote.doc[max(whole.start, quote.start): min(whole.end, quote.end)]
        words = [t for t in sent if not (t.is_punct or t.is_space or t.lower_ in stance_cues.discourse_imperatives)]
        verb = words[0] if words else None
        if verb is None or verb.tag_ != "VB" or _is_stance_cue(verb, stance_cues):
            continue
        # '... told them: "Build it"', '"Build it," she said': the verb hangs on a reporting verb outside the quote
        opens = verb.dep_ in ("xcomp", "ccomp", "conj", "parataxis") and not quote.start <= verb.head.i < quote.end
        if verb.dep_ != "ROOT" and not opens:
            continue
        if verb.lemma_.lower() in stance_cues.discourse_imperatives or any(
                c.dep_ in ("nsubj", "aux", "neg") for c in verb.children):
            continue
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
            if root in obj.subtree or (refers and obj.pos_ == "PRON" and obj.lower_ in ("it", "this", "that", "them")):
                return verb
    return None


def evaluated_subject(cue: Token, anchors: list[Token]) -> Token | None:
    """The subject holding the outcome that ``cue`` predicates of: ``X is a sham``, ``talk of X was a smokescreen``.

    ``cue`` is the complement of a copula or a verb like ``prove`` / ``seem``
    (``attr``, ``acomp``, ``oprd``, or the noun a preposition hangs on such
    a complement: ``a reward for``), the outcome lies in that verb's subject.
    """
    node = cue
    if node.dep_ in ("amod", "compound") and node.head.dep_ in ("attr", "acomp", "oprd"):
        node = node.head  # "the right decision": the adjective evaluates through its noun
    if node.dep_ not in ("attr", "acomp", "oprd"):
        return None
    subject = next((c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subject is not None and any(a in subject.subtree for a in anchors):
        return subject
    return None


def denying_determiner(root: Token) -> Token | None:
    """The determiner that denies the outcome outright: ``no early election``, ``neither deal``."""
    return next((c for c in root.children if c.dep_ == "det" and c.lower_ in ("no", "neither")), None)


def negated_verb(root: Token, stance_cues: StanceCues) -> Token | None:
    """The negated verb the outcome is subject or object of, when neither it nor its predicative is a cue; or the
    outcome's own verb, negated, when its name is a verb phrase ("would not join the alliance") or the quote
    that only refers to it denies its own main verb ("we will not pull our troops out", said of a withdrawal)."""
    own = root if root.pos_ == "VERB" else None
    predicate = _predicate_of_subject(root)
    for verb in (own, predicate, _verb_of_object(root)):
        if verb is not None and verb is predicate and (verb.lemma_ == "have" or verb.lemma_ == "be" and any(
                c.dep_ in ("attr", "prep") for c in verb.children)):
            # "X is not a war on drivers", "X is not off the table", "the force does not have the will to ...":
            # what X is, where it stands or what it has denied,
            # not X ("that is not a recount" denies X itself: X is the complement there, not the subject;
            # "X was not legal" denies an evaluation of X).
            continue
        if verb is not None and verb is predicate and _adjunct_in_focus(verb):
            continue  # "the summit will not take place in Budapest", "would not be deployed on the front line"
        if verb is not None and any(c.dep_ == "neg" for c in verb.children) and not _is_stance_cue(verb, stance_cues) \
                and not any(c.dep_ in _PREDICATIVES and _is_stance_cue(c, stance_cues) for c in verb.children):
            return verb
    return None


def _adjunct_in_focus(verb: Token) -> bool:
    """Whether a negated verb's last words are a prepositional phrase of place or manner that the negation
    is about rather than the verb: ``will not take place in Budapest``, ``not be deployed on the front line``
    (the verb has no object or clause of its own, and the phrase is its last child)."""
    # "take place" is one verb: its "place" is no object.
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd") and c.lemma_ != "place" for c in verb.children):
        return False
    after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
    return bool(after) and after[-1].dep_ == "prep" and after[-1].lower_ in _PLACE_PREPOSITIONS


_PLACE_PREPOSITIONS = {"in", "on", "at", "near", "along", "inside"}


# A copula's complements: when one is a cue ("were not insurmountable"), the negation is that cue's.
_PREDICATIVES = ("acomp", "attr", "oprd")


def is_required_for(cue: Token, anchors: list[Token]) -> bool:
    """Whether the outcome is what ``cue`` (a precondition) is required for: ``a precondition for any agreement``."""
    for a in anchors:
        node = a
        while node.dep_ in ("compound", "amod", "det", "nmod", "poss") and node.head.i != node.i:
            node = node.head
        if node.dep_ in ("pobj", "pcomp") and node.head.head.i == cue.i and node.head.lower_ in ("for", "to", "of"):
            return True
    return False


def governs(cue: Token, anchors: list[Token]) -> bool:
    """Whether the outcome lies in what ``cue`` takes as object or complement, not in its subject.

    A noun that is the object of a light verb also takes the verb's
    prepositions: ``delivered a warning regarding X``, ``expressed doubts about X``.
    """
    for a in anchors:
        prep = governing_prep(a, {"without", "against"})
        if prep is not None and prep in cue.subtree:
            continue  # "without X" speaks for itself (see the syntax term)
        if cue.i != a.i and a in cue.subtree:
            child = next(c for c in cue.children if a in c.subtree)
            if child.dep_ not in ("nsubj", "csubj", "agent", "expl"):
                return True
        if cue.dep_ == "dobj" and any(c.dep_ == "prep" and a in c.subtree for c in cue.head.children):
            return True
    return False


def unrealised_praise(cue: Token) -> Token | None:
    """The negation that turns praise into a jibe: ``the best summit that never happened``, ``the most effective
    weapon never delivered`` (the praised thing did not come about). The negation of a clause on the praised noun."""
    if cue.dep_ != "amod":
        return None
    for clause in cue.head.children:
        if clause.dep_ in ("relcl", "acl"):
            neg = next((c for c in clause.children if c.dep_ == "neg"), None)
            if neg is not None:
                return neg
    return None
