"""What a pronoun refers to, as the subject of a cue: a part of `analytics.quotes.speakers.SpeakerResolver`.

``he`` or ``she`` is the person who became the topic since the last quote
(the subject of the sentence before the pronoun's quotation: ``Mr Pennant
dismissed the idea. '...,' he said.``), else the person who spoke last,
else the nearest person in subject position, within a few sentences; never
a person the article shows as the other gender (``Mr``, ``Ms``, ``the
chairwoman``: `analytics.quotes.references.article_genders`). ``it``,
``they`` and ``we`` are the institution that spoke last, or the nearest one.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from .marks import OPENING_MARKS
from .references import PRONOUN_GENDER, aged_name
from .reported import SUBJECT_DEPS, is_reporting_verb

# How far back (in sentences) a pronoun or a definite description reaches for the one it refers to:
# further back, the text names them again.
REFERENCE_SENTENCES = 3
# How many sentences of one quotation a pronoun's attribution looks back over for the sentence before it.
QUOTED_SENTENCES_BACK = 6
# Verbs of asking: the person asked is the one who answers next ("Lima asked Ortiz ... '...,' he said").
ASKING_VERBS = {"ask", "question", "press", "challenge", "quiz"}
# How many paragraphs one quotation runs over, each left open but the last.
QUOTED_PARAGRAPHS_BACK = 6
# How many words make a name a person's full name (``Marguerite Ossery``), not maybe a firm's (``Halbrook``).
FULL_NAME_WORDS = 2


class PronounReference:
    """The pronoun steps of the SpeakerResolver (see the module's docstring)."""

    def _fits(self, actor: str, person: bool, gender: str) -> bool:
        """Whether a pronoun of that kind and gender can refer to ``actor``: he/she not across a gender the article shows."""
        if (self.kind(actor) == "person") != person:
            return False
        return not gender or self.genders.get(actor, gender) == gender

    def antecedent(self, pronoun: Token, person: bool) -> str:
        """What a pronoun refers to: the person who became the topic since the last quote, the recent
        speaker, else the nearest subject mention; he/she never across a person of the other gender.

        The person ``he`` or ``she`` refers to is shown that gender from then on.
        """
        actor = self._antecedent(pronoun, person)
        gender = PRONOUN_GENDER.get(pronoun.lower_, "")
        if actor and gender and person:
            self.genders.setdefault(actor, gender)
        return actor

    def _antecedent(self, pronoun: Token, person: bool) -> str:
        sent_starts = self.sent_starts
        # The reach is counted from where the quotation the pronoun attributes starts: its sentences do not count.
        first = self._quotation_start(pronoun)
        here = bisect.bisect_right(sent_starts, first) - 1
        gender = PRONOUN_GENDER.get(pronoun.lower_, "")
        topic = self.topic_before(pronoun) if person else ""
        if topic and self._fits(topic, person, gender):
            return topic
        if self._last_speaker:
            actor, at = self._last_speaker
            then = bisect.bisect_right(sent_starts, at) - 1
            if here - then <= REFERENCE_SENTENCES and self._fits(actor, person, gender):
                # Carry-over stops where another person became the topic: "Ortiz, who came later, said ...".
                since = self._subject_since(at, min(first, pronoun.sent.start), gender) if person else ""
                return since or actor
        fallback = ""
        pos = bisect.bisect_left(self.mention_starts, pronoun.idx)
        for m in reversed(self.mentions[:pos]):
            if not self._fits(m["actor"], person, gender):
                continue
            tok = self.doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if tok is None:
                continue
            if here - m["sentence"] > REFERENCE_SENTENCES:
                break
            if tok.root.dep_ in SUBJECT_DEPS:
                return m["actor"]
            fallback = fallback or m["actor"]
        return fallback

    def _subject_since(self, after: int, before: int, gender: str) -> str:
        """The latest person of that ``gender`` (any, if "") the text names as the subject of a sentence, outside
        quotations, between the tokens ``after`` and ``before``, or ""."""
        lo = bisect.bisect_right(self.mention_starts, self.doc[after].idx)
        hi = bisect.bisect_left(self.mention_starts, self.doc[before].idx)
        for m in reversed(self.mentions[lo:hi]):
            span = self.doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is not None and span.root.dep_ in SUBJECT_DEPS and span.root.head == span.root.sent.root \
                    and not self._is_quoted(m["start"], m["end"]) \
                    and self._fits(m["actor"], True, gender):
                return m["actor"]
        return ""

    def _quotation_start(self, pronoun: Token) -> int:
        """The first token of the quotation the pronoun attributes (the last one before it in its sentence, with
        the paragraphs before that it continues: one left open at its paragraph's end), or the pronoun's."""
        spans = [(s, e) for s, e in self.quoted if pronoun.sent.start_char <= e <= pronoun.idx]
        if not spans:
            return pronoun.i
        start = max(spans)[0]
        for s, e in sorted((s, e) for s, e in self.quoted if e < start)[::-1][:QUOTED_PARAGRAPHS_BACK]:
            gap = self.text[e:start]
            if not (re.fullmatch(r"\s*\n\s*\S", gap) and gap[-1] in OPENING_MARKS):
                break
            start = s
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        return span.start if span is not None else pronoun.i

    def topic_before(self, pronoun: Token) -> str:
        """The person who is the subject of the sentence before the pronoun's quotation, if they became the topic
        after the last quote: ``Mr Pennant dismissed the idea. '...,' he said.``

        The sentences of the quotation the pronoun attributes are passed
        over; the one before must hold no quotation itself and be of the same
        paragraph, or end the paragraph right before a quotation that opens
        its own (``Hadiza runs the cafe.`` then ``"...," she said.``).
        """
        sent = pronoun.sent
        paragraph = self.layout.paragraph_of(pronoun.idx)
        for _ in range(QUOTED_SENTENCES_BACK + 1):
            if sent.start == 0:
                return ""
            sent = self.doc[sent.start - 1].sent
            quoted = self._is_quoted(sent.start_char, sent.end_char)
            if self.layout.paragraph_of(sent.start_char) != paragraph:
                if quoted or self.layout.paragraph_of(sent.start_char) != paragraph - 1:
                    return ""
                break
            if not quoted:
                break
        else:
            return ""
        if self._last_speaker and self._last_speaker[1] >= sent.start and is_reporting_verb(sent.root, self.cues):
            return ""  # the sentence before is the last quote's: its speaker is no new topic
        # "Lima asked Ortiz about it. '...,' he said.": the person asked answers.
        if sent.root.lemma_.lower() in ASKING_VERBS:
            for obj in (c for c in sent.root.children if c.dep_ == "dobj" and c.i in self.by_token):
                actor = self.by_token[obj.i]["actor"]
                return actor if self.kind(actor) == "person" else ""
        # "After Lima wrote that ..., Ortiz struck a softer note.": the subject of the main clause is.
        return self.subject_person(sent)

    def subject_person(self, sent) -> str:
        """The person the subject of ``sent`` names (directly or in an apposition: ``The director, Ana Lima,``), or ""."""
        for subject in (c for c in sent.root.children if c.dep_ in SUBJECT_DEPS):
            for t in [subject] + [c for c in subject.children if c.dep_ == "appos"]:
                if t.i in self.by_token:
                    actor = self.by_token[t.i]["actor"]
                    return actor if self.kind(actor) == "person" else ""
                # A full name the registry lacks (the parser often calls one an ORG); one word may be a firm's.
                name = self._unlisted_name(t) if self.entity_type(t) not in ("GPE", "NORP") else ""
                # One word is a person's name when it is given an age or the parser takes it for a person's.
                one_word = aged_name(t) or self.entity_type(t) == "PERSON"
                if name and (len(name.split()) >= FULL_NAME_WORDS or one_word) and self._named_person(name):
                    return name
        return ""

    def _is_quoted(self, start: int, end: int) -> bool:
        """Whether the characters ``start:end`` overlap one of the article's quotations (or its marks)."""
        return any(s - 1 < end and e + 1 > start for s, e in self.quoted)
