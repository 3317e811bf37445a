"""Who speaks: the subject of a reporting cue turned into the actor it names.

Speakers are resolved from the subject of the cue through appositions,
titles, pronouns, roles in the actor registry and earlier mentions in the
article. Nothing here names a person: who is who comes from the registry and
the mentions.

Speakers the registry and mentions do not know are still named where the
text names them: a proper-noun run without its titles (``Manager Erik ten
Hag``), an organisation the parser recognises, an institution named by its
country (``the Israeli military``), the person an office speaks for
(``Netanyahu's office``). A definite description (``the Dutchman``) is the
person last described or named that way, else the person who spoke last; an
indefinite one (``a senior official``) and unnamed groups stay "".
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from ..actors import Registry
from ..layout import Layout
from ..lexicons import ReportingCues
from .marks import ALL_MARKS
from .reported import SUBJECT_DEPS, is_reporting_verb

_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"they", "it", "we"}
_RELATIVE = {"who", "which", "that"}
# How many verbs up a cue's subject is looked for: a participle or a
# coordinated cue hangs a few verbs below the one with the subject, never more.
SUBJECT_CLIMB_STEPS = 8
# How far back (in sentences) a pronoun or a definite description reaches for
# the person it refers to: further back, the text names them again.
REFERENCE_SENTENCES = 3
# How many earlier mentions a description (``the minister``) is looked for
# among: a role is introduced within the article's last few paragraphs.
ROLE_MENTIONS_BACK = 200
# How far before a name (characters) the noun that introduces it stands:
# ``Trade minister Ana Lima``.
ROLE_WINDOW_CHARS = 60
# A quotation opens its sentence when at most this many tokens (its mark) come before it.
SENTENCE_OPENING_TOKENS = 1
# Lowercase words inside a name are its particles (``ten``, ``al``, ``von``): never longer than this.
PARTICLE_MAX_CHARS = 3

class SpeakerResolver:
    """Turns the subject of a cue into (canonical speaker, words as written).

    Reads the parse of ``doc``, the article's ``mentions`` (rows) and
    ``entities`` (as `analytics.mentions.extract_mentions` returns them: the
    parse's entities with the registry's matches in them), its ``layout``,
    the ``registry`` and the reporting ``cues``. Remembers, in text order,
    the speakers it resolved (for descriptions) and the one `spoke` was last
    told of (for pronouns).
    """

    def __init__(self, doc: Doc, mentions: list[dict], entities: tuple[Span, ...], registry: Registry,
                 cues: ReportingCues, layout: Layout):
        self.doc = doc
        self.entity_at = {i: ent for ent in entities for i in range(ent.start, ent.end)}
        self.text = doc.text  # Doc.text is rebuilt on every access
        self.sent_starts = layout.sentence_starts
        self.registry = registry
        self.cues = cues
        self.by_token: dict[int, dict] = {}
        for m in mentions:
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.by_token[t.i] = m
        self.mentions = sorted(mentions, key=lambda m: m["start"])
        self.mention_starts = [m["start"] for m in self.mentions]
        self._last_speaker: tuple[str, int] | None = None  # (actor, token index)
        self.history: list[tuple[str, str, int]] = []  # (subject lemma, speaker, token index) in text order

    @property
    def last_speaker(self) -> tuple[str, int] | None:
        """(actor, token index) of the latest quote `spoke` was told of, or None."""
        return self._last_speaker

    def spoke(self, speaker: str, token: int) -> None:
        """Note that ``speaker`` says the quote starting at token ``token``: pronouns and descriptions after it may refer to them."""
        self._last_speaker = (speaker, token)

    def kind(self, actor: str) -> str:
        """The kind of ``actor`` in the registry (``person`` for those it lacks)."""
        return self.registry.kind_of(actor)

    def entity_type(self, token: Token) -> str:
        """The label of the entity ``token`` is in (``ORG``, ``GPE`` ...), or ""."""
        ent = self.entity_at.get(token.i)
        return ent.label_ if ent is not None else ""

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a cue, inherited along coordinated and participial verbs.

        ``X confirmed that ... and expressed ...``: when the parse hangs the
        second cue under a verb of the reported clause, the subject is the
        one of the nearest reporting verb above, not of the clause.
        """
        first = None
        node, steps = verb, 0
        while node is not None and steps < SUBJECT_CLIMB_STEPS:
            steps += 1
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
            # A mis-parsed title can give two subjects ("ex - president ... Medvedev"): take the named one.
            subject = next((c for c in subjects if c.i in self.by_token), subjects[-1] if subjects else None)
            if subject is not None:
                if node is verb or is_reporting_verb(node, self.cues) or node.lemma_.lower() in self.cues.clause_adjectives:
                    return subject
                first = first or subject
            # A participle ("..., comparing it to ...") can hang anywhere below its cue.
            climbs = node.dep_ in ("conj", "advcl", "xcomp", "acl", "ccomp", "relcl") or verb.tag_ == "VBG" and node.dep_ != "ROOT"
            if climbs and node.head is not node:
                if node.dep_ in ("ccomp", "relcl") and node is verb:
                    return None
                node = node.head
            else:
                break
        return first

    def phrase_tokens(self, head: Token) -> list[Token]:
        """The subject's words without relative clauses, participle phrases and quotes."""
        drop = set()
        for child in head.children:
            if child.dep_ in ("relcl", "acl", "advcl", "prep") and child.i > head.i:
                drop.update(t.i for t in child.subtree)
        for t in head.subtree:
            if t.dep_ in ("relcl", "acl") and t.i > head.i:  # "Paul Hendricks, a driver who has worked ..."
                drop.update(k.i for k in t.subtree)
        tokens = [t for t in head.subtree if t.i not in drop]
        # Keep the contiguous run around the head.
        idx = sorted(t.i for t in tokens)
        run = [head.i]
        for i in range(head.i - 1, idx[0] - 1, -1):
            if i in idx:
                run.insert(0, i)
            else:
                break
        for i in range(head.i + 1, idx[-1] + 1):
            if i in idx:
                run.append(i)
            else:
                break
        words = [self.doc[i] for i in run]
        while words and (words[-1].is_punct or words[-1].is_space):
            words.pop()
        while words and (words[0].is_punct or words[0].is_space):
            words.pop(0)
        return words

    def resolve(self, head: Token | None) -> tuple[str, str]:
        """(canonical speaker or "", speaker_text) for a subject head token."""
        if head is None:
            return "", ""
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            head = head.head.head
        words = self.phrase_tokens(head)
        text = self.doc[words[0].i: words[-1].i + 1].text if words else head.text
        speaker = self._canonical(head, words, text)
        self.history.append((head.lemma_.lower(), speaker, head.i))
        return speaker, text

    def _canonical(self, head: Token, words: list[Token], text: str) -> str:
        lower = head.lower_
        if lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS:
            return self.antecedent(head, person=lower in _PERSON_PRONOUNS)
        if head.i in self.by_token:
            return self.by_token[head.i]["actor"]
        for child in head.children:
            if child.dep_ == "appos":
                for t in child.subtree:
                    if t.i in self.by_token and t.dep_ != "poss":
                        return self.by_token[t.i]["actor"]
        role = self.registry.actor_for_role(text)
        if role:
            return role
        for t in words:
            if t.i in self.by_token and t.dep_ not in ("poss",) and not _is_possessor(t):
                return self.by_token[t.i]["actor"]
        named = self._owner(head) or self._entity_name(head) or self._institution(head, words) or self._unlisted_name(head)
        if named:
            return named
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return self._unlisted_name(child)  # "Rivera's colleague, Ana Torres, said"
        if lower in self.cues.unnamed_speakers or head.lemma_.lower() in self.cues.unnamed_speakers:
            return ""
        return self.described(head)

    def _owner(self, head: Token) -> str:
        """``Netanyahu's office said``: the person an office or campaign speaks for."""
        if head.lemma_.lower() not in self.cues.proxy_nouns:
            return ""
        for child in head.children:
            if child.dep_ == "poss":
                for t in child.subtree:
                    if t.i in self.by_token and self.kind(self.by_token[t.i]["actor"]) == "person":
                        return self.by_token[t.i]["actor"]
        return ""

    def _entity_name(self, head: Token) -> str:
        """An organisation or place the parser names (``The World Trade Organization``), without its article."""
        ent = self.entity_at.get(head.i)
        if ent is None or ent.label_ not in ("ORG", "GPE"):
            return ""
        return re.sub(r"^(the|The)\s+", "", ent.text)

    def _institution(self, head: Token, words: list[Token]) -> str:
        """``The Israeli military``, ``Chinese foreign ministry``: an institution named by its country."""
        noun = " ".join(t.lower_ for t in words[-2:]) if len(words) > 1 else ""
        if head.lemma_.lower() not in self.cues.institution_nouns and noun not in self.cues.institution_nouns:
            return ""
        country = any(self.entity_type(t) in ("NORP", "GPE") or t.i in self.by_token for t in words if t.i < head.i)
        if not country:
            return ""
        first = next((n for n, t in enumerate(words) if t.dep_ != "det"), 0)
        return self.doc[words[first].i: head.i + 1].text

    def _unlisted_name(self, head: Token) -> str:
        """A person's name the registry and mentions lack (``Manager Erik ten Hag`` -> ``Erik ten Hag``).

        The run of proper nouns ending at the subject, with name particles
        (``ten``, ``al``) inside it and titles before it left out.
        """
        if head.pos_ != "PROPN" or any(c.dep_ == "det" for c in head.children):
            return ""  # "the Dutchman" is a description, not a name
        # The parse often breaks such names up ("ten" as a number), so read the words, not the tree.
        run = [head]
        for i in range(head.i - 1, head.sent.start - 1, -1):
            t = self.doc[i]
            if t.pos_ == "PROPN" or t.is_lower and t.is_alpha and len(t) <= PARTICLE_MAX_CHARS and i > head.sent.start:
                run.insert(0, t)
            else:
                break
        while run and run[0].is_lower:
            run.pop(0)
        while len(run) > 1 and (run[0].lower_ in self.cues.titles or run[0].lower_ in self.cues.speaker_nouns):
            run.pop(0)
        return self.doc[run[0].i: run[-1].i + 1].text if run else ""

    def can_speak(self, head: Token | None) -> bool:
        """Whether an unresolved subject can still be a speaker (a name, a pronoun, a group or role noun)."""
        if head is None:
            return False
        if head.pos_ in ("PROPN", "PRON") or self.entity_type(head):
            return True
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
            return True
        lemma, lower = head.lemma_.lower(), head.lower_
        nouns = self.cues.speaker_nouns | self.cues.group_nouns
        if lemma in nouns or lower in nouns:
            return True
        return any(lemma.endswith(suffix) for suffix in self.cues.speaker_suffixes)

    def described(self, head: Token) -> str:
        """Who a description refers to: ``the minister``, ``the Dutchman``, ``the official``.

        The most recent of: a person introduced with that noun (``Trade
        minister Ana Lima``), a speaker described by the same noun before
        (an unnamed ``senior official`` stays unnamed). Failing both, a
        definite singular description of a person (not ``the company``) is
        the person who spoke last, if recently.
        """
        if head.pos_ not in ("NOUN", "PROPN"):
            return ""
        determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
        if determiners & {"a", "an", "another", "one", "some", "any"}:
            return ""  # "A senior official said": someone new, not anyone named before
        lemma = head.lemma_.lower()
        best, best_at = "", -1
        here = bisect.bisect_left(self.mention_starts, head.idx)
        for m in reversed(self.mentions[max(here - ROLE_MENTIONS_BACK, 0):here]):
            if self.kind(m["actor"]) != "person":
                continue
            window = self.text[max(0, m["start"] - ROLE_WINDOW_CHARS): m["start"]].lower()
            if re.search(rf"\b{re.escape(lemma)}\b", window):
                best, best_at = m["actor"], m["start"]
                break
        for prev_lemma, speaker, at in reversed(self.history):
            if prev_lemma == lemma and at < head.i:
                if self.doc[at].idx > best_at:
                    best, best_at = speaker, self.doc[at].idx
                break
        if best_at >= 0:
            return best
        definite = "the" in determiners
        group = lemma in self.cues.group_nouns or lemma in self.cues.institution_nouns or lemma in self.cues.unnamed_speakers
        if definite and head.tag_ in ("NN", "NNP") and not group and self._last_speaker:
            actor, at = self._last_speaker
            if self.kind(actor) == "person" and self._sentences_between(at, head.i) <= REFERENCE_SENTENCES:
                return actor
        return ""

    def _sentences_between(self, a: int, b: int) -> int:
        """How many sentence starts lie between the tokens ``a`` and ``b``."""
        return abs(bisect.bisect_right(self.sent_starts, b) - bisect.bisect_right(self.sent_starts, a))

    def antecedent(self, pronoun: Token, person: bool) -> str:
        """What a pronoun refers to: the recent speaker, else the nearest subject mention."""
        sent_starts = self.sent_starts
        here = bisect.bisect_right(sent_starts, pronoun.i) - 1
        if self._last_speaker:
            actor, at = self._last_speaker
            then = bisect.bisect_right(sent_starts, at) - 1
            if here - then <= REFERENCE_SENTENCES and (self.kind(actor) == "person") == person:
                return actor
        fallback = ""
        pos = bisect.bisect_left(self.mention_starts, pronoun.idx)
        for m in reversed(self.mentions[:pos]):
            if (self.kind(m["actor"]) == "person") != person:
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


def _is_possessor(token: Token) -> bool:
    """Whether ``token`` owns something rather than being it (``Rivera's colleague``)."""
    return token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children) or token.head.dep_ == "poss"



def lead_in_subject(doc: Doc, start: int, resolver: SpeakerResolver) -> Token | None:
    """The subject of the sentence before an unattributed quotation, when that sentence is about a person.

    Only for a quotation that opens its sentence right after another
    sentence of the same paragraph, and whose subject is a person's name
    (not a pronoun, which the running speaker covers).
    """
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    if sent.start == 0 or span[0].i - sent.start > SENTENCE_OPENING_TOKENS:
        return None
    before = doc[sent.start - 1]
    if "\n" in before.text or before.is_space or any(t.text in ALL_MARKS for t in before.sent):
        return None  # a new paragraph, or a quotation before: `"A," he said. "B."` continues it
    subject = next((c for c in before.sent.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.i not in resolver.by_token:
        return None
    if resolver.kind(resolver.by_token[subject.i]["actor"]) != "person":
        return None
    return subject
