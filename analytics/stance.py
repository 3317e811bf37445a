"""Each quote's stance toward the outcomes it is about, with the words that decided it.

Outcomes come from ``data/outcomes.yml``, the stance cue words from
``data/stance_cues.yml`` (both editable: a user adds an outcome, or a cue
word, with no code change). Labels follow SemEval-2016: ``favor``,
``against``, ``neutral``.

Which outcomes a quote is about is decided in analytics/targets.py, from the
quote in its discourse; each row records how (``found_by``).
What the quote says whatever the outcome (its cue words, reporting verb,
turns, condition) is read once, in analytics/reading.py.

The scoring rule, for a quote and one outcome it is about (VADER's sentiment
of a whole sentence is not stance, so it is only one weak term here):

    cues    = sum over the cue words of the quote (and, at half weight, of the
              rest of its sentence; the reporting verb, the outcome's own name
              and an "if ..." clause about something else left out) of
                weight x polarity x proximity x negation
                polarity  +1 favor word (ready, welcome, urge, fight for ...), -1
                          when it serves adversaries or ills only ("let the invader
                          dig in", "would fuel corruption"; not an ill of the outcome's
                          own name: "want the violence to stop")
                          -1 against word (reject, warn, doubt, useless, cut, fight ...),
                          +1 when it acts on ills only ("cut congestion",
                           "until the violence eases")
                          harm word (destroy, undermine ...): -1 when the outcome
                          does the harm, +1 when it suffers it ("damage to the
                          prospects for peace") or when the harm falls on
                          adversaries or ills only ("will bleed the smugglers
                          dry", "choke off the traffic jams"); +1 also when the
                          outcome is an instrument of pressure (sanctions, a
                          strike: `is_pressure`) and the harm falls where pressure
                          is aimed ("these sanctions will bite", "cripple the
                          regime's revenue"), not on the public or the speaker's side
                proximity 1 / (1 + dependency-tree distance to the outcome / 3), the
                          distance at most 4 in a quote that only refers to the
                          outcome (it is about it as a whole, sentence after sentence)
                negation  -1 when the cue word is negated (not, never, n't, no, nobody,
                          "rather than" ...), or is an attitude (hope, fear ...)
                          whose clause is ("I hope it never comes to that");
                          in "A rather than B" only the denied B counts;
                          and reversed in a rhetorical question ("Why would
                          anyone support X?")
              x 0.5 before and x 1.5 after a turn of the quote ("but", "however":
              "welcomed X in principle, but the timing is a disaster" is against)
              except that cue words taking the outcome as their object compose:
              they count once, with the largest size and the product of their
              signs, times the reporting verb's lean when the quote is its
              object ("skepticism about the benefits of X", "welcomed the lifting
              of X", "demanded the removal of X" are all against X)
    syntax  = -1.5 outcome governed by "without" or "against" ("without a formal
                   ceasefire", "warned against such a delivery"); +1.5 instead
                   when the rest is gloomy ("warned that without a truce, the
                   effort fails") or what it leaves is denied ("could not
                   live without it"); a pronoun for the outcome counts ("we are
                   against it")
              +1.5 a person is "for" the outcome ("I am for it", "she was all for
                   the charge"); -1.5 when that is denied ("we are not for it")
              -1.0 outcome denied by its determiner ("there will be no early election")
              -1.0 outcome set aside for another ("a full merger rather than an alliance")
              -1.0 outcome is the subject or object of a negated verb that is not
                   itself a cue, nor a copula before one ("Tomahawks would not change
                   the situation", "should not be pressured into giving up territory";
                   not "the obstacles were not insurmountable"; nor, of a subject,
                   "be" with a noun or a place after it, or "have": "the levy is not a
                   tax grab", "X was not off the table" deny a property, not X;
                   "that is not a recount" still denies X; nor when the verb ends in a
                   phrase of place: "will not take place in Budapest"), is itself a
                   negated verb ("would not join the alliance") or is what a whole quote denies; +1.0
                   when that clause is feared ("fear the truce will not hold")
              +0.6 outcome stated as coming or due: subject of a future, possible
                   or due (should, must) "take place / begin / stay ..." (not "would
                   be pointless") or of such a passive "be built / signed ...", or
                   object of a modal "hold / sign / provide / bring ..." ("will
                   hold a summit", "there will be a meeting")
    demand  = +0.8 an imperative of the quote takes the outcome as object ("Hold a
              snap election now", "Put it to a vote", '"Build it," she said';
              not "Look at ..."); or the outcome is what an "unless" clause
              asks for ("the walkout goes on unless they order arbitration";
              not when the clause's verb is a cue of its own, "unless they scrap
              it"), and then no conditional damping for that outcome
    verb    = +0.5 / -0.7 when the reporting verb leans (its own cue words:
              "welcomed", "ruled out"; or confirm, announce / warn, deny ...),
              only when |cues| < 0.5 and the syntax does not decide; none for a
              naming verb ("called it a stealth tax"), whose VADER weighs 1.0
    vader   = VADER compound of the 8 words either side of the outcome inside
              the quote, the outcome's own words left out
    score   = tanh(cues + demand + syntax + verb + 0.4 x vader); 0.6 x vader when
              the other terms are all 0
              x 0.7 when conditional (if, unless: "tighter sanctions if talks fail")
              x 0.3 when hedges (questions, careful, whether, decide, "too early",
                    the outcome named as what a precondition is for, an
                    unattributed "reports suggest") weigh at least 0.5 and more
                    than |cues + syntax + verb|
    label   = favor if score >= 0.25, against if score <= -0.25, else neutral

Every term that contributed is listed in the row's ``evidence``.
"""
from __future__ import annotations

import math
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .lexicons import StanceCues, load_stance_cues
from .layout import Layout, layout_of
from .outcomes import Outcome, Target, outcome_matches
from .reading import QuoteReading, cue_starts, is_clause, names_it, read_quote
from .targets import candidates, chosen_candidates, discourse_of
from .harms import harm_aimed, harm_role, harms_adversary, serves_adversary
from .syntax import (
    averting_condition, contrasted_away, demanded, denying_determiner, evaluated_subject, governing_prep, governs,
    is_expected, is_negated, is_required_for, negated_complement, negated_verb, rhetorical_question, set_aside,
    tree_distance, unrealised_praise,
)

STANCE_COLUMNS = ["quote_id", "article_id", "speaker", "outcome", "found_by", "stance", "score", "evidence"]

FAVOR, AGAINST = 0.25, -0.25
CONTEXT_WEIGHT = 0.5   # cue words of the sentence outside the quote
VADER_WEIGHT = 0.4
VADER_WINDOW = 8
LONE_VADER = 0.6       # VADER's weight when no cue, syntax or verb term says anything
NAMED_VADER = 1.0      # the sentiment of the name a naming verb gives ("called it an election bribe") weighs fully
PREP_RULE, NEGATED_VERB, EXPECTED = 1.5, 1.0, 0.6
DEMANDED = 0.8         # an imperative that takes the outcome as object ("Build it")
VERB_FAVOR, VERB_AGAINST, VERB_HEDGE = 0.5, -0.7, 0.6
CONDITIONAL, HEDGED = 0.7, 0.3
DISTANCE_SCALE = 3     # proximity 1 / (1 + distance / 3): a cue three edges from the outcome counts half
REFERRED_REACH = 4     # a quote only referring to the outcome is about it as a whole: no cue is farther
UNDECIDED = 0.5        # |cues| below this leaves the reporting verb its say
GLOOM = -0.3           # "without X" with the rest this gloomy wants X ("without a truce, the effort fails")
HEDGE_FLOOR = 0.5      # hedges weigh at least this (and more than the rest) to pull a quote to neutral
CONCEDED, CONTRASTED = 0.5, 1.5  # "A, but B": what is conceded before "but" weighs half, what follows more
POINTERS = {"it", "this", "that"}  # pronouns that can stand for an outcome ("they" is people more often)

def _in_other_condition(tok: Token, anchors: list[Token], stance_cues: StanceCues) -> bool:
    """Whether ``tok`` stands in a conditional clause (``if talks progress``) that does not hold the outcome."""
    for node in [tok, *tok.ancestors]:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in stance_cues.conditionals for c in node.children):
            return not any(a in node.subtree for a in anchors)
    return False


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def score_stance(doc: Doc, quote: dict, span: Span, target: Target, stance_cues: StanceCues,
                 reading: QuoteReading | None = None, pressure: bool = False) -> tuple[float, str]:
    """Score in [-1, 1] of a quote toward one target outcome, and the evidence for it (see module docstring).

    ``reading``: the quote's `read_quote`, when it is scored toward several outcomes; ``pressure``:
    whether the outcome is an instrument of pressure (`is_pressure`).
    """
    reading = reading or read_quote(doc, quote, span, stance_cues)
    own = target.tokens()
    anchors = target.anchors()
    inside = [a for a in anchors if span.start <= a.i < span.end] or [span.root]
    reporting, lemmas, hits, turns = reading.reporting, reading.lemmas, reading.hits, reading.turns
    evidence: list[str] = []
    cues = hedge = 0.0
    hedges: list[str] = []
    chain: list[tuple[Token, float, str]] = []  # cues that take the outcome as object: they compose

    # "their talk of X is a smokescreen": the predicate judges the whole subject, whose own words only frame X.
    judged = {h.token.i: evaluated_subject(h.token, anchors) for h in hits if h.category in ("favor", "against")}
    framing = {t.i for subject in judged.values() if subject is not None for t in subject.subtree}
    # "delayed rather than dead": the point is what is denied, the word it is set against only qualifies it.
    framing |= {c.i for c in (contrasted_away(h.token, stance_cues) for h in hits) if c is not None}
    for hit in hits:
        tok = hit.token
        if tok.i in own or tok.i in reporting or tok.i in framing or _in_other_condition(tok, anchors, stance_cues):
            continue
        in_quote = span.start <= tok.i < span.end
        if hit.category == "hedge":
            hedge += hit.weight * (1.0 if in_quote else CONTEXT_WEIGHT)
            hedges.append(hit.text)
            continue
        if tok.lemma_.lower() in stance_cues.requirement and is_required_for(tok, anchors):
            hedge += hit.weight
            hedges.append(f"{hit.text} for it")
            continue
        polarity = {"favor": 1, "against": -1}.get(hit.category)
        if polarity == 1 and serves_adversary(tok, stance_cues, frozenset(own)):
            polarity = -1  # "a truce would let the invader dig in"
        elif polarity == -1 and harms_adversary(tok, stance_cues):
            polarity = 1  # "the levy will cut congestion", "sanctions prevent a war"
        if polarity is None:  # harm: who does it, and to whom, decides
            role = harm_role(tok, anchors)
            polarity = 1 if role == "patient" or harms_adversary(tok, stance_cues) else -1
            if pressure and role != "patient" and harm_aimed(tok, stance_cues, role == "agent"):
                polarity = 1  # "these sanctions will bite": the harm is what the instrument is for
        negated = is_negated(tok, stance_cues) != (negated_complement(tok, stance_cues) is not None)
        negated = negated != (in_quote and rhetorical_question(tok, span, stance_cues))
        negated = negated != (polarity == 1 and unrealised_praise(tok) is not None)
        near = inside if in_quote else anchors
        distance = 0 if judged.get(tok.i) is not None else min(tree_distance(tok, a) for a in near)
        if in_quote and target.refers is not None:
            distance = min(distance, REFERRED_REACH)  # the quote as a whole is about the outcome: no word of it is far
        value = hit.weight * polarity * (-1 if negated else 1) / (1 + distance / DISTANCE_SCALE)
        value *= 1.0 if in_quote else CONTEXT_WEIGHT
        if in_quote and turns:
            value *= CONCEDED if tok.i < turns[-1] else CONTRASTED
        label = f"{'not ' if negated else ''}{hit.text}"
        if hit.category != "harm" and governs(tok, anchors):
            chain.append((tok, value, label))
            continue
        cues += value
        evidence.append(f"{label} {value:+.2f}")
    leaning = reading.leaning
    if chain:
        # "skepticism about the benefits of X", "welcomed the lifting of X": the signs multiply,
        # with the reporting verb's when it takes the quote as object ("demanded the removal of X").
        sign = math.prod(1 if v > 0 else -1 for _, v, _ in chain)
        if leaning and quote.get("kind") == "indirect" and not is_clause(span):
            sign *= leaning
            chain.append((doc[min(reporting)], 0.0, f"verb '{quote.get('cue')}'"))
        value = sign * max(abs(v) for _, v, _ in chain)
        leaning = 0  # the verb has had its say
        cues += value
        evidence.append(f"{' > '.join(label for _, _, label in sorted(chain, key=lambda c: len(list(c[0].ancestors))))} {value:+.2f}")

    demand = next((v for v in (demanded(a, span, stance_cues, target.refers is not None) for a in anchors) if v), None)
    if demand is not None:
        cues += DEMANDED
        evidence.append(f"demand '{demand.text}' {DEMANDED:+.2f}")
    averting = next((m for m in (averting_condition(a, stance_cues) for a in anchors) if m is not None), None) \
        if demand is None and target.refers is None else None
    if averting is not None:
        cues += DEMANDED  # "we strike unless they order arbitration": what would avert the rest is what is asked
        evidence.append(f"'{averting.text}' {anchors[0].text} {DEMANDED:+.2f}")

    vader = _window_sentiment(span, inside, own)
    syntax = 0.0
    for root in anchors:
        # A quote only referring to the outcome may still put "against" or "without" before a pronoun for it.
        probes = [root] if target.refers is None else [t for t in span if t.pos_ == "PRON" and t.lower_ in POINTERS]
        prep = next((p for p in (governing_prep(t, {"without", "against"}) for t in probes) if p is not None), None)
        if prep is not None:
            # "(warned that) without X, the talks will fail": lacking X is bad, so X is wanted; so is X in
            # "we will not sign without X", "could not live without it" (what is denied without it).
            gloom = cues + VADER_WEIGHT * vader + (VERB_AGAINST if lemmas & stance_cues.reporting_against else 0.0)
            wanted = gloom < GLOOM or is_negated(prep.head, stance_cues)
            syntax = PREP_RULE if prep.lower_ == "without" and wanted else -PREP_RULE
            cues = 0.0
            evidence = [f"{prep.text} {backed_object(prep, root).text} {syntax:+.2f}"]
            break
        backed = next((p for p in (governing_prep(t, {"for"}, 1) for t in probes) if p is not None), None)
        standing = backed.head if backed is not None and backed.head.lemma_ == "be" else None
        if standing is not None and any(c.dep_ == "nsubj" and c.pos_ in ("PRON", "PROPN") for c in standing.children) \
                and not any(c.lower_ in ("here", "there") for c in standing.children):  # "we are here for the vote"
            # "I am for it", "she was all for the charge": "for" as where someone stands ("the plan is for" is not)
            syntax = -PREP_RULE if is_negated(standing, stance_cues) else PREP_RULE
            evidence.append(f"{'not ' if syntax < 0 else ''}for {backed_object(backed, root).text} {syntax:+.2f}")
            break
        instead = set_aside(root, stance_cues) if target.refers is None else None
        if instead is not None:
            syntax = -NEGATED_VERB
            evidence.append(f"{root.text} set aside for {instead.text} {syntax:+.2f}")
            break
        denial = denying_determiner(root) if target.refers is None else None
        if denial is not None:
            syntax = -NEGATED_VERB
            evidence.append(f"{denial.text} {root.text} {syntax:+.2f}")
            break
        verb = negated_verb(root, stance_cues)
        if verb is not None:
            syntax = -NEGATED_VERB
            if verb.dep_ in ("ccomp", "xcomp") and (verb.head.lemma_.lower(),) in stance_cues.against \
                    and verb.head.lemma_.lower() in stance_cues.attitudes:
                syntax = NEGATED_VERB  # "we fear the truce will not hold": its failing is feared
            evidence.append(f"{root.text} … not {verb.text} {syntax:+.2f}")
            break
        if is_expected(root, stance_cues, frozenset(
                i for h in hits if h.category == "against" for i in range(h.token.i, h.token.i + len(h.text.split())))):
            syntax = EXPECTED
            evidence.append(f"{root.text} expected {syntax:+.2f}")
            break

    verb = 0.0
    if lemmas & stance_cues.reporting_hedge and not quote.get("speaker"):
        hedge += VERB_HEDGE
        hedges.append(f"reporting '{quote.get('cue')}'")
    elif abs(cues) < UNDECIDED and syntax <= EXPECTED:
        verb = VERB_FAVOR if leaning > 0 else VERB_AGAINST if leaning < 0 else 0.0
        if verb:
            evidence.append(f"verb '{quote.get('cue')}' {verb:+.2f}")

    evidence.append(f"vader {vader:+.2f}")

    decided = cues + syntax + verb
    weight = NAMED_VADER if names_it(lemmas, stance_cues) else VADER_WEIGHT if decided else LONE_VADER
    score = math.tanh(decided + weight * vader)
    condition = reading.condition
    if condition is not None and averting is None:  # the outcome as what averts the rest is asked for outright
        score *= CONDITIONAL
        evidence.append(f"conditional '{condition.text}' x{CONDITIONAL}")
    if hedge >= HEDGE_FLOOR and hedge > abs(decided):
        score *= HEDGED
        evidence.append(f"hedged ({', '.join(dict.fromkeys(hedges))}) x{HEDGED}")
    return max(-1.0, min(1.0, score)), "; ".join(evidence)


def backed_object(prep: Token, default: Token) -> Token:
    """The object of ``prep`` ("it" of "against it"), else ``default``."""
    return next((c for c in prep.children if c.dep_ == "pobj"), default)


def _window_sentiment(span: Span, anchors: list[Token], own: set[int]) -> float:
    """VADER compound of the words around the outcome inside the quote, the outcome's own words left out."""
    doc = span.doc
    lo = max(span.start, min(a.i for a in anchors) - VADER_WINDOW)
    hi = min(span.end, max(a.i for a in anchors) + VADER_WINDOW + 1)
    words = " ".join(t.text for t in doc[lo:hi] if t.i not in own)
    return _vader().polarity_scores(words)["compound"] if words.strip() else 0.0


def is_pressure(outcome: Outcome, stance_cues: StanceCues) -> bool:
    """Whether ``outcome`` is an instrument of pressure (sanctions, a strike, tariffs): a word of its label
    or terms, or that word without a plural -s, is one of the cues' ``pressures``."""
    words = {w for phrase in (outcome.label, *outcome.terms) for w in phrase.lower().replace("-", " ").split()}
    return any(w in stance_cues.pressures or w.endswith("s") and w[:-1] in stance_cues.pressures for w in words)


def label_of(score: float) -> str:
    """The stance label of a score: favor >= 0.25, against <= -0.25, else neutral."""
    return "favor" if score >= FAVOR else "against" if score <= AGAINST else "neutral"


def _quote_span(doc: Doc, quote: dict) -> Span | None:
    """The quote's words in ``doc``, or None when its offsets hold no word."""
    span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
    if span is None or not any(not (t.is_punct or t.is_space) for t in span):
        return None
    return span


def _row(quote: dict, key: str, found_by: str, score: float, evidence: str) -> dict:
    return {
        "quote_id": quote["quote_id"],
        "article_id": quote["article_id"],
        "speaker": quote.get("speaker") or "",
        "outcome": key,
        "found_by": found_by,
        "stance": label_of(score),
        "score": round(score, 3),
        "evidence": evidence,
    }


def quote_stances(doc: Doc, quotes: list[dict], outcomes: list[Outcome], stance_cues: StanceCues | None = None,
                  layout: Layout | None = None) -> list[dict]:
    """One row per (quote, outcome it is about), with the keys of STANCE_COLUMNS.

    Which outcomes: `targets.chosen_candidates` (the quote in its discourse;
    ``layout``: the article's, computed here when not given). ``evidence``
    lists the cue words with their contributions, negations, the syntax
    rule, the reporting verb and the VADER compound, so a reader can see
    why. Quotes about no outcome give no rows.
    """
    stance_cues = stance_cues if stance_cues is not None else load_stance_cues()
    if not quotes:
        return []
    discourse = discourse_of(doc, layout or layout_of(doc), outcomes, outcome_matches(doc, outcomes))
    pressures = {o.key for o in outcomes if is_pressure(o, stance_cues)}
    starts = cue_starts(doc, stance_cues)  # where a cue may start: read once for all quotes
    rows = []
    for quote in quotes:
        span = _quote_span(doc, quote)
        if span is None:
            continue
        chosen = chosen_candidates(discourse, quote, span)
        reading = read_quote(doc, quote, span, stance_cues, discourse.layout, starts) if chosen else None
        for candidate in chosen:
            rows.append(_row(quote, candidate.key, candidate.found_by,
                             *score_stance(doc, quote, span, candidate.target, stance_cues, reading,
                                           candidate.key in pressures)))
    return rows


def stances_given(doc: Doc, quote: dict, keys: list[str], outcomes: list[Outcome],
                  stance_cues: StanceCues | None = None) -> list[dict]:
    """Rows as `quote_stances` gives, for the outcomes ``keys`` whether or not the quote is found to be about them.

    An outcome that is no candidate of the quote is taken as what the quote
    as a whole refers to (``found_by`` ``given``). This is how `evaluate`
    scores the label alone, with the gold outcome given.
    """
    stance_cues = stance_cues if stance_cues is not None else load_stance_cues()
    span = _quote_span(doc, quote)
    if span is None:
        return []
    discourse = discourse_of(doc, layout_of(doc), outcomes, outcome_matches(doc, outcomes))
    found = {c.key: c for c in candidates(discourse, quote, span)}
    pressures = {o.key for o in outcomes if is_pressure(o, stance_cues)}
    rows = []
    for key in keys:
        target = found[key].target if key in found else Target(key, [], refers=span.root)
        rows.append(_row(quote, key, found[key].found_by if key in found else "given",
                         *score_stance(doc, quote, span, target, stance_cues, pressure=key in pressures)))
    return rows
