"""Descriptions as speakers: ``the minister``, ``the federation``, ``the statement``. A part of
`analytics.quotes.speakers.SpeakerResolver`.

A role (``the minister``) is the person the article introduces with that
role (a title before the name, an apposition after it; not ``Deputy
Governor X`` for ``the governor``) or last described that way, else the
person who spoke last; someone introduced since as ``a senior official``
stays unnamed. A group noun (``the federation``) is the institution last
named with it; a document (``the statement``) is whoever issued it.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from .pronouns import REFERENCE_SENTENCES
from .references import introduced_unnamed, named_group, role_holder_near

# How many earlier mentions a description (``the minister``) is looked for
# among: a role is introduced within the article's last few paragraphs.
ROLE_MENTIONS_BACK = 200
# How far before a name (characters) the noun that introduces it stands:
# ``Trade minister Ana Lima``.
ROLE_WINDOW_CHARS = 60
# How many first letters of a modifier tell its country: "Ukrainian president" and "Ukraine's President" share "ukra".
MODIFIER_STEM = 4


class RoleReference:
    """The description steps of the SpeakerResolver (see the module's docstring)."""

    def described(self, head: Token) -> str:
        """Who a description refers to: ``the minister``, ``the Dutchman``, ``the federation``.

        A group noun (``the federation``) is the institution named with it
        last (``the United Nursing Federation``); a document (``the
        statement``) is whoever spoke last. A role is the most recent of: a
        person the article introduces with that role (``Trade minister Ana
        Lima``, ``Ana Lima, the trade minister``), a speaker described by the
        same noun before. Someone introduced since as ``a ... official``
        stays unnamed. Failing all, a definite singular description of a
        person (not ``the company``) is the person who spoke last, if recently.
        """
        if head.pos_ not in ("NOUN", "PROPN"):
            return ""
        determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
        if determiners & {"a", "an", "another", "one", "some", "any"}:
            return ""  # "A senior official said": someone new, not anyone named before
        lemma = head.lemma_.lower()
        definite = "the" in determiners
        modified = any(c.dep_ in ("amod", "compound") for c in head.children)
        if definite and lemma in self.cues.document_nouns:
            return self._issuer(head, lemma)
        group = lemma in self.cues.group_nouns or lemma in self.cues.institution_nouns or lemma in self.cues.unnamed_speakers
        if group:
            named = named_group(self.text, head.idx, lemma) if definite and not modified else ""
            if named or self._described_before(head, lemma):
                return self._institution_found(named) or self._described_before(head, lemma)
            # "the administration insists": an institution the reader knows, named by its noun, not its leader.
            return self._institution_found(head.text.lower()) if definite and lemma in self.cues.institution_nouns else ""
        if head.tag_ in ("NNS", "NNPS"):
            return ""  # "European leaders urged ...": several people, not one named before
        qualified = any(c.lower_ in self.cues.role_qualifiers for c in head.children)
        best, best_at = "", -1
        here = bisect.bisect_left(self.mention_starts, head.idx)
        # "the Ukrainian president": first a holder introduced with the modifier too (Ukraine's President X).
        modifiers = [c.lower_[:MODIFIER_STEM] for c in head.children if c.dep_ in ("amod", "compound") and c.is_alpha
                     and c.lower_ not in self.cues.role_qualifiers]
        # ... and the central bank chief may be introduced as the head of the central bank.
        synonyms = [r for group in self.cues.role_synonyms if lemma in group.split() for r in group.split() if r != lemma]
        passes = [([lemma], modifiers), (synonyms, modifiers), ([lemma], [])] if modifiers else [([lemma], [])]
        for roles, wanted in passes:
            if modifiers and not wanted and definite:
                # "the Commission president" right after a speaker no one introduced with those words: the speaker,
                # not a president of something else.
                recent = self._recent_speaker(head, person=True)
                if recent and recent not in self._holders(here, [lemma], [], qualified):
                    return recent
            holders = self._holders(here, roles, wanted, qualified)
            if holders:
                best = max(holders, key=holders.get)
                best_at = holders[best]
                break
        for prev_lemma, speaker, at in reversed(self.history):
            if prev_lemma == lemma and at < head.i:
                if self.doc[at].idx > best_at:
                    best, best_at = speaker, self.doc[at].idx
                break
        if introduced_unnamed(self.text, head.idx, head.lower_) > best_at:
            return ""  # "A senior official ... was blunter. '...,' the official said."
        if best_at >= 0:
            return best
        if definite and head.tag_ in ("NN", "NNP"):
            return self._recent_speaker(head, person=True)
        return ""

    def _holders(self, here: int, roles: list[str], wanted: list[str], qualified: bool) -> dict[str, int]:
        """person -> where the text last named them (outside quotations, if it did), for the holders of one of
        ``roles`` introduced among the mentions before the ``here``-th with the words ``wanted`` around the
        introduction. Of two presidents, the one named last is the topic, not the one introduced last."""
        latest: dict[str, int] = {}  # actor -> start of their latest mention outside quotations
        holders: dict[str, int] = {}  # actor -> start of their latest mention with the role
        for k in range(here - 1, max(here - ROLE_MENTIONS_BACK, 0) - 1, -1):
            m = self.mentions[k]
            if self.kind(m["actor"]) != "person":
                continue
            if m["actor"] not in latest and not self._is_quoted(m["start"], m["end"]):
                latest[m["actor"]] = m["start"]
            if m["actor"] in holders:
                continue
            window_start = self._window_start(k)
            if not all(w in self._around(m, window_start) for w in wanted):
                continue
            if any(role_holder_near(self.text, m["start"], m["end"], r, qualified, self.cues, window_start)
                   for r in roles):
                holders[m["actor"]] = m["start"]
        return {actor: max(latest.get(actor, -1), at) for actor, at in holders.items()}

    def _issuer(self, head: Token, noun: str) -> str:
        """Who issued ``the statement``: the speaker of the latest cue whose sentence names it (``said in a statement``)."""
        pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
        for _, speaker, at in reversed(self.history):
            if at >= head.sent.start:
                continue
            if self._sentences_between(at, head.i) > REFERENCE_SENTENCES:
                return ""
            if pattern.search(self.doc[at].sent.text):
                return speaker
        return ""

    def _window_start(self, k: int) -> int:
        """Where the text that may give the ``k``-th mention its role starts: ROLE_WINDOW_CHARS before it, not
        before the end of the mention before (``X and his counterpart, Y``: X's title is not Y's)."""
        start = self.mentions[k]["start"] - ROLE_WINDOW_CHARS
        if k > 0 and self.mentions[k - 1]["end"] <= self.mentions[k]["start"]:
            start = max(start, self.mentions[k - 1]["end"])
        return max(start, 0)

    def _around(self, m: dict, window_start: int) -> str:
        """The text around a mention where its role is given (lowercase): its line's window before it, the apposition after."""
        before = re.split(r"\n|[.!?]\s", self.text[window_start: m["start"]])[-1]
        after = re.match(r"\s*,\s*[^,;.\n]*", self.text[m["end"]: m["end"] + ROLE_WINDOW_CHARS])
        return (before + (after.group(0) if after else "")).lower()

    def _described_before(self, head: Token, lemma: str) -> str:
        """The speaker last described by the same noun before ``head`` (``the union ... the union added``), or ""."""
        for prev_lemma, speaker, at in reversed(self.history):
            if prev_lemma == lemma and at < head.i:
                return speaker
        return ""

    def _recent_speaker(self, head: Token, person: bool | None) -> str:
        """The person (or, with ``person`` None, anyone) who spoke last, if within REFERENCE_SENTENCES of ``head``."""
        if not self._last_speaker:
            return ""
        actor, at = self._last_speaker
        if person is not None and (self.kind(actor) == "person") != person:
            return ""
        return actor if self._sentences_between(at, head.i) <= REFERENCE_SENTENCES else ""

    def _sentences_between(self, a: int, b: int) -> int:
        """How many sentence starts lie between the tokens ``a`` and ``b``."""
        return abs(bisect.bisect_right(self.sent_starts, b) - bisect.bisect_right(self.sent_starts, a))
