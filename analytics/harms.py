"""Who a harm or a help falls on: the outcome, its adversaries, the public or the speaker's side.

A harm word ("destroy", "cripple") is against an outcome that does it, and for one that suffers it; help
given to adversaries and ills is bad, harm done to them good; harm done by an instrument of pressure is
what it is for, where it is aimed. analytics/stance.py weighs the answers.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicons import StanceCues


def harm_role(cue: Token, anchors: list[Token]) -> str | None:
    """'agent' when the outcome does the harm ``cue`` names, 'patient' when it suffers it, else None."""
    for a in anchors:
        if cue.i != a.i and a in cue.subtree:
            child = next(c for c in cue.children if a in c.subtree)
            return "agent" if child.dep_ in ("nsubj", "csubj", "agent") else "patient"
        if cue.dep_ in ("relcl", "acl") and a in cue.head.subtree and a not in cue.subtree:
            return "agent"  # "concessions that could undermine ..."
        verb = cue.head if cue.dep_ in ("dobj", "attr", "acomp", "oprd") else None
        if verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") and a in c.subtree for c in verb.children):
            return "agent"  # "it would cause damage", "X is dangerous"
    return None


def serves_adversary(cue: Token, stance_cues: StanceCues, own: frozenset = frozenset()) -> bool:
    """Whether a favouring word serves adversaries only: ``help the smugglers``, ``let the invader dig in``.

    ``own``: the token indexes of the outcome's name. An ill inside it is what the outcome ends, so
    wanting it is wanting the outcome ("wants the killing to stop" of a ceasefire named "stop the killing").
    """
    return _only_adversaries(cue, stance_cues, ("dobj", "dative"), (), ("ccomp", "xcomp"), own)


def harms_adversary(cue: Token, stance_cues: StanceCues) -> bool:
    """Whether the harm ``cue`` names falls on adversaries or ills only: ``bleed the smugglers dry``, ``damage to
    the gangs``, ``cut congestion``, ``until the violence stops``.

    Every conjunct of what suffers must be one (``punishes the victim and the aggressor alike`` is no such harm).
    """
    # "choke off the jams", "stamp out the gangs": the parser often hangs the object on the particle.
    if _only_adversaries(cue, stance_cues, ("dobj", "nsubjpass"), ("to", "on", "off", "out", "down"),
                         ("ccomp", "xcomp", "oprd")):
        return True
    # "once the fighting stops", "the killing must end": with no object, the subject is what it acts on.
    objectless = cue.pos_ == "VERB" and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in cue.children)
    return objectless and _only_adversaries(cue, stance_cues, ("nsubj",), (), ())


# The speaker's own side: harm that falls on it is never wanted.
_OWN_SIDE = {"we", "us", "our", "ours", "i", "me", "my"}
# Entities that pressure is aimed at: a country, a people, an organisation, a person ("squeeze Moscow").
_AIMED_AT = {"GPE", "NORP", "ORG", "PERSON"}


def harm_aimed(cue: Token, stance_cues: StanceCues, by_outcome: bool = False) -> bool:
    """Whether harm that an instrument of pressure does (``cue``) falls where pressure is aimed: on no one
    named ("these sanctions will bite"), or on a named other or what is theirs ("squeeze Moscow",
    "cripple the regime's revenue", "Russia's economy is hurting"); not on the speaker's side or the
    public ("it will punish the people who depend on us", "hurt families", "strangle the economy"), nor
    on things of no one ("destroy jobs", "damage ties").

    What suffers is the cue's object (or the object of ``to`` / ``on``), else, for a verb with no
    object, its subject, unless that is the outcome doing the harm (``by_outcome``).
    """
    sufferers = [c for c in cue.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    sufferers += [g for c in cue.children if c.dep_ == "prep" and c.lower_ in ("to", "on") for g in c.children if g.dep_ == "pobj"]
    if not sufferers and cue.pos_ == "VERB":
        sufferers = [] if by_outcome else [c for c in cue.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if not sufferers:
            return True

    def public(noun: Token) -> bool:
        named = noun.lemma_.lower() in stance_cues.publics or noun.lower_.removesuffix("s") in stance_cues.publics
        return named and all(p.lower_ in _OWN_SIDE for p in noun.children if p.dep_ == "poss")

    def aimed(noun: Token) -> bool:
        return any(t.ent_type_ in _AIMED_AT or t.dep_ == "poss" and t.lower_ not in _OWN_SIDE for t in noun.subtree)

    if any(any(t.lower_ in _OWN_SIDE for t in s.subtree) or any(public(n) for n in (s, *s.conjuncts)) for s in sufferers):
        return False
    return any(aimed(s) for s in sufferers)


def _only_adversaries(cue: Token, stance_cues: StanceCues, objects: tuple, preps: tuple, clauses: tuple,
                      own: frozenset = frozenset()) -> bool:
    """Whether what ``cue`` acts on names adversaries only, in every conjunct: its object (``objects``
    dependencies), the object of one of its ``preps``, or the subject of a clause it takes (``clauses``:
    "let [the invader dig in]", "bleed [the smugglers dry]")."""
    for c in cue.children:
        if c.dep_ in objects:
            head = c
        elif c.dep_ == "prep" and c.lower_ in preps and any(g.dep_ == "pobj" for g in c.children):
            head = next(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in clauses and any(g.dep_ == "nsubj" for g in c.children):
            head = next(g for g in c.children if g.dep_ == "nsubj")
        else:
            continue
        if head.i in own:
            continue
        if all(_names_adversary(n, stance_cues) for n in (head, *head.conjuncts)):
            return True
    return False


def _is_ill(noun: Token, stance_cues: StanceCues) -> bool:
    """Whether ``noun`` names an adversary or an ill (``the gangs``, ``corruption``, ``the traffic jams``,
    ``the war machine``: the noun with the compound before it counts too)."""
    lemma = noun.lemma_.lower()
    if lemma in stance_cues.adversaries or lemma in stance_cues.ills:
        return True
    return any(c.dep_ == "compound" and f"{c.lemma_.lower()} {lemma}" in stance_cues.ills for c in noun.children)


def _names_adversary(noun: Token, stance_cues: StanceCues) -> bool:
    """Whether ``noun`` is an adversary or an ill, or something of one (``the business model of the gangs``)."""
    if _is_ill(noun, stance_cues):
        return True
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and _is_ill(g, stance_cues)
                                                             for g in p.children) for p in noun.children)
