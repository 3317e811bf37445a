"""Who speaks: the subject of a reporting cue turned into the actor it names.

Speakers are resolved from the subject of the cue through appositions,
titles, pronouns, roles in the actor registry and earlier mentions in the
article. Nothing here names a person: who is who comes from the registry and
the mentions.

Speakers the registry and mentions do not know are still named where the
text names them: a proper-noun run without its titles (``Manager Erik ten
Hag``), an organisation the parser recognises, an institution named by its
country (``the Israeli military``), the person an office speaks for
(``Netanyahu's office``), the institution a spokesperson speaks for (see
`analytics.quotes.institutions`). A definite description (``the
minister``) is the person the article introduces with that role (a title
before the name, an apposition after it; not ``Deputy Governor X`` for
``the governor``) or last described that way, else the person who spoke
last; someone introduced as ``a senior official`` and unnamed groups stay
"". A group noun (``the federation``) is the institution last named with
it. A pronoun is the person who became the topic since the last quote (the
subject of the sentence before its quotation), else the last speaker;
``he`` and ``she`` never go to a person the article shows as the other
gender (`analytics.quotes.pronouns`, `analytics.quotes.references`). A list
line or a transcript's label names the speaker of its quotation
(`analytics.quotes.labels`).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..actors import Registry
from ..layout import Layout
from ..lexicons import ReportingCues
from .institutions import InstitutionNames
from .labels import LineLabels
from .marks import ALL_MARKS
from .pronouns import FULL_NAME_WORDS, REFERENCE_SENTENCES, PronounReference
from .references import aged_name, article_genders
from .roles import RoleReference
from .reported import SUBJECT_DEPS, is_reporting_verb

_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"they", "it", "we"}
_RELATIVE = {"who", "which", "that"}
# Determiners that introduce someone new: "a senior official", "one diplomat", "two people familiar with it".
_INDEFINITE = {"a", "an", "another", "one", "some", "two", "three", "several"}
# How many verbs up a cue's subject is looked for: a participle or a
# coordinated cue hangs a few verbs below the one with the subject, never more.
SUBJECT_CLIMB_STEPS = 8
# How many heads up from a quotation the statement noun it is the words of may stand ("call for X to '...'").
STATEMENT_CLIMB_STEPS = 4
# A quotation opens its sentence when at most this many tokens (its mark) come before it.
SENTENCE_OPENING_TOKENS = 1
# Lowercase words inside a name are its particles (``ten``, ``al``, ``von``): never longer than this.
PARTICLE_MAX_CHARS = 3


# Where an English news dateline ends: "(Reuters) -", "LONDON (AP) —", "(Agency) Officials said".
DATELINE_ENDS = {")", "–", "—", "--"}


def after_dateline(words: list[Token], head: Token) -> list[Token]:
    """The subject's ``words`` without the dateline the parse may hang on it: what comes before the last closing
    bracket or dash before the ``head`` when only capitalised words, numbers and punctuation come before that
    (a place, a date, an outlet in brackets: "LONDON, Oct 3 (Reuters) - Port officials"). A lowercase word there
    is part of the phrase ("The (acting) harbour master"); a hyphen counts only with spaces about it, as a
    dateline writes it, not inside a word ("Self-described experts")."""
    for k in range(len(words) - 1, 0, -1):
        word = words[k]
        spaced_hyphen = word.text == "-" and bool(word.whitespace_) and bool(words[k - 1].whitespace_)
        if word.i >= head.i or not (word.text in DATELINE_ENDS or spaced_hyphen):
            continue
        if all(w.is_punct or w.is_space or w.like_num or w.text[:1].isupper() for w in words[:k]):
            return words[k + 1:]
    return words


class SpeakerResolver(InstitutionNames, PronounReference, RoleReference, LineLabels):
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
        self.text = layout.text
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
        self.layout = layout
        self.quoted: list[tuple[int, int]] = []  # the article's quotations (characters), set by the extractor
        self._interviewee = ""  # the person a transcript's label named last
        self._institutions: set[str] = set()  # speakers named as institutions, not in the registry
        self.genders = article_genders(doc, self.mentions, registry.kind_of, cues)
        self.history: list[tuple[str, str, int]] = []  # (subject lemma, speaker, token index) in text order
        self._listed: tuple[str, int] | None = None  # (speaker, token) of the last subject, if it listed people

    @property
    def last_speaker(self) -> tuple[str, int] | None:
        """(actor, token index) of the latest quote `spoke` was told of, or None."""
        return self._last_speaker

    def spoke(self, speaker: str, token: int) -> None:
        """Note that ``speaker`` says the quote ending at token ``token``: pronouns and descriptions after it may refer to them."""
        self._last_speaker = (speaker, token)

    def kind(self, actor: str) -> str:
        """The kind of ``actor`` in the registry (``person`` for those it lacks, but for institutions named here)."""
        return "organisation" if actor in self._institutions else self.registry.kind_of(actor)

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
        if verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            # "with a company source saying that ...", "with Mayor Ana Lima insisting ...": the noun before speaks.
            # Not "has written to all deputies urging them ...": the writer urges.
            before = verb.doc[verb.i - 1] if verb.i > 0 else None
            if before is not None and before.dep_ == "pobj" and before.head.lower_ == "with" \
                    and before.pos_ in ("NOUN", "PROPN") and verb.head in (before, before.head.head):
                return before
        node, steps = verb, 0
        while node is not None and steps < SUBJECT_CLIMB_STEPS:
            steps += 1
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
            # A mis-parsed title can give two subjects ("ex - president ... Medvedev"): take the named one.
            # Of two named ones ("Asked by the chair, Ana Lima, ... Ms Abara said"), the nearer the verb.
            subject = next((c for c in reversed(subjects) if c.i in self.by_token), subjects[-1] if subjects else None)
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

    def inner_subject(self, source: dict, start: int, end: int) -> Token | None:
        """The subject of the report that the reported clause ``start:end`` is itself, when its cue only gives
        the source: ``Ana Lima told the board that ..., a company official said``, ``according to her office,
        Ana Lima said ...``: Ana Lima speaks. None when the clause is no such report, or follows its cue
        (``Lima said that Ortiz told her ...`` is Lima's)."""
        verb = source["verb"]
        if verb.idx < end and verb.lower_ != "according":
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        root = span.root if span is not None else None
        if root is None or not is_reporting_verb(root, self.cues):
            return None
        # Its own reported clause after it, not "X agreed to a meeting" or "X is expected to attend".
        if not any(c.dep_ == "ccomp" and c.i > root.i for c in root.children) \
                and not any(t.dep_ == "mark" and t.lower_ == "that" for t in self.doc[root.i + 1: root.right_edge.i + 1]):
            return None
        return next((c for c in root.children if c.dep_ == "nsubj" and c.i >= span.start), None)

    def statement_owner(self, start: int) -> Token | None:
        """Whose statement a quotation is the words of, when it is inside one: ``Lima's call for both sides to
        "stop where they are"``, ``Ortiz's warning that "..."``: the possessor (Lima, Ortiz); else None."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return None
        node = span[0]
        for _ in range(STATEMENT_CLIMB_STEPS):
            if node.head is node:
                return None
            node = node.head
            if node.lemma_.lower() in self.cues.statement_nouns and node.idx < start:
                return next((c for c in node.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        return None

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
        words = after_dateline([self.doc[i] for i in run], head)
        # Punctuation at the ends goes, but not the bracket that closes one kept: "Ana Lima (Acme)".
        while words and (words[-1].is_punct or words[-1].is_space) and not (
                words[-1].text == ")" and any(w.text == "(" for w in words[:-1])):
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
        # The article's text between the words' edges: Span.text would join a string per token.
        text = self.text[words[0].idx: words[-1].idx + len(words[-1])] if words else head.text
        speaker = self._canonical(head, words, text)
        listed = speaker and (self._is_list(head) or self._listed_before(head) == speaker)
        self._listed = (speaker, head.i) if listed else None
        self.history.append((head.lemma_.lower(), speaker, head.i))
        return speaker, text

    def _canonical(self, head: Token, words: list[Token], text: str) -> str:
        lower = head.lower_
        plural = head.tag_ in ("NNS", "NNPS") and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        if lower in ("they", "we") or plural and head.lemma_.lower() in self.cues.speaker_nouns:
            listed = self._listed_before(head)
            if listed:
                return listed
        if lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS:
            return self.antecedent(head, person=lower in _PERSON_PRONOUNS)
        if head.i in self.by_token:
            actor = self.by_token[head.i]["actor"]
            if self._is_group(head) and head.pos_ == "PROPN" and self.registry.kind_of(actor) == "person":
                self._institutions.add(actor)  # "the Civic Alliance" found in the corpus: "it" may refer to it
            return actor
        if self._is_list(head) and len(self._unlisted_name(head).split()) >= FULL_NAME_WORDS:
            return self._unlisted_name(head)  # "Lima, Ortiz and Vos said": the first of them
        for child in head.children:
            # "Lima, Ortiz, Vos and other leaders said" parsed as an apposition is a list: its first name speaks.
            if child.dep_ == "appos" and not any(c.dep_ == "conj" for c in child.children):
                for t in child.subtree:
                    if t.i in self.by_token and t.dep_ != "poss":
                        return self.by_token[t.i]["actor"]
        role = head.pos_ == "NOUN" and head.lemma_.lower() in self.cues.speaker_nouns
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and role):
            # "The chair of the Competition Authority, Ansel Duquenne,": the apposition hangs on the institution.
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for name in (c for c in obj.children if c.dep_ == "appos" and self.entity_type(c) == "PERSON"):
                    return self.by_token[name.i]["actor"] if name.i in self.by_token else self._unlisted_name(name)
        for child in head.children:
            # "The plant's owner, the state utility KarPower,": an organisation described as one (not a person's name).
            if child.dep_ == "appos" and self.entity_type(child) == "ORG" and self.can_speak(head) \
                    and any(c.dep_ == "det" or c.dep_ == "compound" and c.pos_ == "NOUN" for c in child.children):
                return self._institution_found(self._entity_name(child))
        member = self._member_of(head) or self._issued_by(head)
        if member:
            return member
        if self._someone_unnamed(head):
            return ""  # "A senior EU negotiator said", "a White House official said": a person the text does not name
        role = self.registry.actor_for_role(text)
        if role:
            return role
        unnamed = lower in self.cues.unnamed_speakers or head.lemma_.lower() in self.cues.unnamed_speakers
        if unnamed and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children):
            return ""  # "US intelligence officials": a service's unnamed people, not the country
        if self._is_group(head) and any(t.dep_ == "compound" and t.i in self.by_token for t in head.children):
            # "The Harmon campaign", "the Vidal administration": an institution, not its leader.
            first = next((t for t in words if t.dep_ != "det"), head)
            return self._institution_found(self.doc[first.i: head.i + 1].text)
        for t in words:
            if t.i in self.by_token and t.dep_ not in ("poss",) and not _is_possessor(t):
                return self.by_token[t.i]["actor"]
        named = self._owner(head) or self._represented(head)
        if named:
            return named
        named = self._entity_name(head)
        if named:
            # The parser's ORG or GPE is often a person's name: an institution only by a group's name.
            if self._is_group(head):
                self._institutions.add(named)
            return named
        named = self._institution(head, words) or self._proper_name(head)
        if named:
            self._institutions.add(named)
            return named
        named = self._unlisted_name(head)
        if named:
            return named
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return self._unlisted_name(child)  # "Rivera's colleague, Ana Torres, said"
        if lower in self.cues.unnamed_speakers or head.lemma_.lower() in self.cues.unnamed_speakers:
            return ""
        return self.described(head)

    def _listed_before(self, head: Token) -> str:
        """``Lima, Ortiz and other leaders said ... They said ...``, ``the leaders wrote``: the speaker of the last
        subject that named several people together (its first person speaks for all), if it is the last subject
        resolved and within REFERENCE_SENTENCES before ``head``; else ""."""
        if self._listed is None:
            return ""
        speaker, at = self._listed
        if at >= head.i or self._sentences_between(at, head.i) > REFERENCE_SENTENCES or self.kind(speaker) != "person":
            return ""
        return speaker

    def _is_list(self, head: Token) -> bool:
        """Whether the subject ``head`` names several people together (``Lima, Ortiz and other leaders``)."""
        return any(t.dep_ == "conj" and (t.pos_ == "PROPN" or t.head.pos_ == "PROPN") for t in head.subtree)

    def _someone_unnamed(self, head: Token) -> bool:
        """Whether ``head`` is a person introduced without a name: ``a senior official``, ``one European diplomat``.

        Its institution or country (``a White House official``) is not the
        speaker; a voice of one (``a Kremlin spokesman``) speaks for it, so is
        not someone unnamed.
        """
        lemma = head.lemma_.lower()
        if lemma in self.cues.voice_nouns or head.lower_ in self.cues.voice_nouns:
            return False
        if lemma not in self.cues.speaker_nouns and lemma not in self.cues.unnamed_speakers:
            return False
        return any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in head.children)

    def _member_of(self, head: Token) -> str:
        """``Bryn Pritchard of the Growers' Association said``, parsed with the group as the subject: the person."""
        for child in head.children:
            if child.dep_ in ("nmod", "compound") and child.pos_ == "PROPN" and child.i < head.i \
                    and any(c.dep_ == "prep" and c.lower_ == "of" for c in child.children):
                if child.i in self.by_token:
                    return self.by_token[child.i]["actor"]
                name = self._unlisted_name(child)
                if len(name.split()) >= FULL_NAME_WORDS:
                    return name
        return ""

    def _unlisted_name(self, head: Token) -> str:
        """A person's name the registry and mentions lack (``Manager Erik ten Hag`` -> ``Erik ten Hag``).

        The run of proper nouns ending at the subject, with name particles
        (``ten``, ``al``) inside it and titles before it left out.
        """
        if aged_name(head):
            return head.text  # "Derek, 59, said": the parser may take a first name for a noun
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

    def is_quoted_token(self, token: Token) -> bool:
        """Whether ``token`` is inside one of the article's quotations."""
        return self._is_quoted(token.idx, token.idx + len(token))

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


def _is_possessor(token: Token) -> bool:
    """Whether ``token`` owns something rather than being it (``Rivera's colleague``)."""
    return token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children) or token.head.dep_ == "poss"



def lead_in_subject(doc: Doc, start: int, resolver: SpeakerResolver) -> Token | None:
    """The subject the sentence around an unattributed quotation, or the one before it, gives it (else None).

    A quotation inside its sentence is the words of that sentence's subject
    when the subject comes before it and can speak (``Activists staged a
    sit-in, chanting "..."``: the activists, unnamed, not the last speaker);
    not a pronoun, which the running speaker covers. A quotation that opens
    its sentence right after another sentence of the same paragraph is the
    words of that sentence's subject when it names a person, in itself or
    in an apposition.
    """
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    if span[0].i - sent.start > SENTENCE_OPENING_TOKENS:
        own = next((c for c in sent.root.children if c.dep_ in SUBJECT_DEPS and c.i < span[0].i), None)
        if own is not None and own.pos_ != "PRON" and resolver.can_speak(own) and not resolver.is_quoted_token(own):
            return own
        return None
    if sent.start == 0:
        return None
    before = doc[sent.start - 1]
    if "\n" in before.text or before.is_space or any(t.text in ALL_MARKS for t in before.sent):
        return None  # a new paragraph, or a quotation before: `"A," he said. "B."` continues it
    subject = next((c for c in before.sent.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or not resolver.subject_person(before.sent):
        return None
    return subject
