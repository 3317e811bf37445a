"""Who said what: direct quotes and reported speech in a parsed article, each with its speaker.

Direct quotes are found from the quotation marks of each paragraph (every
style: “ ” " " « » „ “ ‘ ’ ' '), reported speech from the dependency parse
around reporting cues (``data/reporting.yml``). Speakers are resolved from
the subject of the cue through appositions, titles, pronouns, roles in the
actor registry and earlier mentions in the article. Nothing here names a
person: who is who comes from the registry and the mentions.

How the two kinds meet (following shared/gold/GUIDELINES.md):

- a short quoted fragment inside reported speech (``warned that it would
  “destroy” ties``) belongs to the reported-speech quote;
- a quotation that is the whole reported clause (``added that “...”``) is a
  direct quote, with the speaker and cue of the clause;
- a quotation with no cue of its own (``"A," he said. "B."``) takes the
  speaker of the quote before it in the same passage;
- quoted words that reproduce no one's speech (scare quotes, titles: short
  words inside a noun phrase, or two words or fewer with no verb) are not
  quotes.

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
from spacy.tokens import Doc, Token

from .actors import Registry
from .lexicons import ReportingCues, load_reporting_cues
from .layout import paragraph_spans

QUOTE_COLUMNS = [
    "quote_id", "article_id", "kind", "text", "speaker", "speaker_text", "cue",
    "start", "end", "sentence", "paragraph",
]

# Opening mark -> the marks that close it.
_CLOSERS = {"“": "”“", "„": "“”", "«": "»", "‹": "›", '"': '"', "‘": "’", "‚": "‘’", "'": "'"}
_SINGLE = {"‘", "'", "‚"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"they", "it", "we"}
_RELATIVE = {"who", "which", "that"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}
_OBJECT_DEPS = {"dobj", "dative", "oprd", "attr", "acomp", "ccomp", "xcomp"}
_HEADING_END = tuple('.!?:;"”»’\')')


# --- Direct quotes: quotation marks -------------------------------------------

def _opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` can open a quotation (straight and single marks need a word after them)."""
    ch = text[i]
    after = text[i + 1] if i + 1 < len(text) else ""
    before = text[i - 1] if i > 0 else " "
    if ch in ("'", "‘", '"'):
        if not after or after.isspace():
            return False
        if ch == "'" and before.isalnum():
            return False  # an apostrophe: don't, Putin's
        if ch == '"' and before.isalnum():
            return False
    return True


def _closes(text: str, i: int, opener: str) -> bool:
    """Whether the mark at ``i`` closes a quotation opened by ``opener``."""
    ch = text[i]
    if ch not in _CLOSERS[opener]:
        return False
    if opener in _SINGLE or ch in ("'", "’") and opener in _SINGLE:
        after = text[i + 1] if i + 1 < len(text) else ""
        if after.isalpha():
            return False  # an apostrophe inside a word: won’t
    if ch in ("'", '"'):
        before = text[i - 1] if i > 0 else ""
        if not before or before.isspace():
            return False
    return True


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words between quotation marks, marks excluded, in text order.

    Quotes nested in a quote stay inside it. A quotation that runs over
    several paragraphs (its opening mark repeated at the start of each, no
    closing mark until the end) is one span. A mark that is never closed
    spoils at most its own paragraph.
    """
    spans = []
    open_at: int | None = None  # start of the outer quotation being read
    opener = ""
    paragraphs = paragraph_spans(text)
    for n, (p_start, p_end) in enumerate(paragraphs):
        stack: list[str] = [opener] if open_at is not None else []
        i = p_start
        if open_at is not None:
            # A continued quotation repeats its opening mark at the paragraph start.
            while i < p_end and text[i].isspace():
                i += 1
            i += 1
        while i < p_end:
            ch = text[i]
            if stack and _closes(text, i, stack[-1]):
                stack.pop()
                if not stack:
                    spans.append((open_at, i))
                    open_at = None
            elif ch in _CLOSERS and _opens(text, i):
                if not stack:
                    open_at, opener = i + 1, ch
                    stack = [ch]
                elif ch == stack[0] and ch not in _SINGLE and len(stack) == 1 and ch != '"':
                    open_at = i + 1  # the earlier mark was never closed: start again here
                elif ch != stack[-1] and (ch in _SINGLE) != (stack[-1] in _SINGLE):
                    stack.append(ch)
            i += 1
        if open_at is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            continues = nxt is not None and len(stack) == 1 and text[nxt:nxt + 1] == opener
            if not continues:
                open_at = None
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_NAMING_WORDS = {"so-called", "dubbed", "named", "titled", "entitled", "called", "as", "the", "a", "an", "his", "her", "its", "their", "our"}


def _is_speech(doc: Doc, start: int, end: int) -> bool:
    """Whether quoted words reproduce speech, not a title or a scare-quoted term.

    Short quoted words inside a noun phrase (``the so-called “peace plan”``,
    ``dubbed it the “deal of the century”``, ``a “fragile truce,”``) name
    something; speech is a clause (it has a verb) or long.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if len(words) >= 8:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    while before is not None and before.is_punct and before.i > 0 and before.text in _OPENING_MARKS:
        before = doc[before.i - 1]
    if before is not None and (before.lower_ in _NAMING_WORDS or before.pos_ in ("DET", "ADJ", "NUM") or before.tag_ == "POS"):
        return False
    if len(words) >= 4:
        return True
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    exclaims = span.end < len(doc) and doc[span.end - 1].text in "!?" or span.end < len(doc) and doc[span.end].text in "!?"
    return len(words) >= 2 and (has_verb or exclaims)


# --- Structure helpers ----------------------------------------------------------

def _heading_paragraphs(text: str) -> set[int]:
    """Indexes of paragraphs that are headings or table-of-contents lines.

    Headings repeat what the body reports (the gold guidelines leave their
    attributions out): short lines without closing punctuation.
    """
    headings = set()
    for n, (s, e) in enumerate(paragraph_spans(text)):
        line = text[s:e].strip()
        quoted = any(mark in line for mark in "“”\"«»„")
        if not line.endswith(_HEADING_END) and len(line.split()) <= 25 and not quoted:
            headings.add(n)
    return headings


def _in_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


_OPENING_MARKS = ("“", '"', "«", "‘", "„", "‚", "'")
_CLOSING_MARKS = ("”", "’", '"', "»", "“", "'")
# "WASHINGTON (AP) — ", "GAZA CITY, Oct 3 (Reuters) - ": the dateline is the outlet's, not the speaker's.
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]*[A-Z.](?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([A-Za-z. ]+\))?\s*[—–-]{1,2}\s+")


def _span_text(doc: Doc, tokens: list[Token], quotations: list[tuple[int, int]] = (), text: str | None = None) -> tuple[int, int]:
    """Character span of the words ``tokens`` cover, fit to be quoted text.

    Edge punctuation and the sentence's full stop are left out, a dateline
    at the start too; a quotation mark at an edge is kept with its partner
    (``quotations``: inner spans of the quotations in the text), so that a
    partial quote is never cut in half by the parse.
    """
    text = doc.text if text is None else text  # Doc.text is rebuilt on every access
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[-1].is_space or tokens[-1].is_punct and tokens[-1].text not in _CLOSING_MARKS + ("!", "?", ")")):
        tokens.pop()
    while tokens and (tokens[0].is_space or tokens[0].is_punct and tokens[0].text not in _OPENING_MARKS):
        tokens.pop(0)
    if not tokens:
        return 0, 0
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    dateline = _DATELINE.match(text, start)
    if dateline and (start == 0 or text[start - 1] == "\n") and dateline.end() < end:
        start = dateline.end()
    return _keep_marks_whole(text, start, end, quotations)


def _near(spans: list[tuple[int, int]], start: int, end: int, reach: int = 5000) -> list[tuple[int, int]]:
    """The spans (sorted by start) that begin between ``start - reach`` and ``end``.

    A window rather than a scan keeps long articles linear; no quotation
    or report runs for ``reach`` characters in news text.
    """
    lo = bisect.bisect_left(spans, (start - reach,))
    hi = bisect.bisect_right(spans, (end, float("inf")))
    return spans[lo:hi]


def _keep_marks_whole(text: str, start: int, end: int, quotations) -> tuple[int, int]:
    for inner_start, close in _near(quotations, start, end):
        open_ = inner_start - 1
        if start <= open_ < end <= close and not text[end:close].strip(" ,.;:!?"):
            end = close + 1  # the parse stopped just short of the closing mark
        elif open_ < start <= close < end:
            if not text[open_ + 1:start].strip():
                start = open_  # ... or just after the opening one
            elif close == end - 1:
                end = close  # a closing mark whose opening mark is outside the span
    return start, end


# --- Speakers ----------------------------------------------------------------

class SpeakerResolver:
    """Turns the subject of a cue into (canonical speaker, words as written)."""

    def __init__(self, doc: Doc, mentions: list[dict], registry: Registry, cues: ReportingCues):
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access
        self.sent_starts = [sent.start for sent in doc.sents]
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
        self.last_speaker: tuple[str, int] | None = None  # (actor, token index)
        self.history: list[tuple[str, str, int]] = []  # (subject lemma, speaker, token index) in text order

    def kind(self, actor: str) -> str:
        return self.registry.kind_of(actor)

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a cue, inherited along coordinated and participial verbs.

        ``X confirmed that ... and expressed ...``: when the parse hangs the
        second cue under a verb of the reported clause, the subject is the
        one of the nearest reporting verb above, not of the clause.
        """
        first = None
        node, steps = verb, 0
        while node is not None and steps < 8:
            steps += 1
            subjects = [c for c in node.children if c.dep_ in _SUBJECT_DEPS]
            # A mis-parsed title can give two subjects ("ex - president ... Medvedev"): take the named one.
            subject = next((c for c in subjects if c.i in self.by_token), subjects[-1] if subjects else None)
            if subject is not None:
                if node is verb or _is_cue(node, self.cues) or node.lemma_.lower() in self.cues.clause_adjectives:
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
        if head.ent_type_ not in ("ORG", "GPE"):
            return ""
        ent = next((e for e in self.doc.ents if e.start <= head.i < e.end), None)
        return re.sub(r"^(the|The)\s+", "", ent.text) if ent is not None else ""

    def _institution(self, head: Token, words: list[Token]) -> str:
        """``The Israeli military``, ``Chinese foreign ministry``: an institution named by its country."""
        noun = " ".join(t.lower_ for t in words[-2:]) if len(words) > 1 else ""
        if head.lemma_.lower() not in self.cues.institution_nouns and noun not in self.cues.institution_nouns:
            return ""
        country = any(t.ent_type_ in ("NORP", "GPE") or t.i in self.by_token for t in words if t.i < head.i)
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
            if t.pos_ == "PROPN" or t.is_lower and t.is_alpha and len(t) <= 3 and i > head.sent.start:
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
        if head.pos_ in ("PROPN", "PRON") or head.ent_type_:
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
        for m in reversed(self.mentions[max(here - 200, 0):here]):  # a role is introduced within the article's last few paragraphs
            if self.kind(m["actor"]) != "person":
                continue
            window = self.text[max(0, m["start"] - 60): m["start"]].lower()
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
        if definite and head.tag_ in ("NN", "NNP") and not group and self.last_speaker:
            actor, at = self.last_speaker
            if self.kind(actor) == "person" and self._sentences_between(at, head.i) <= 3:
                return actor
        return ""

    def _sentences_between(self, a: int, b: int) -> int:
        return abs(bisect.bisect_right(self.sent_starts, b) - bisect.bisect_right(self.sent_starts, a))

    def antecedent(self, pronoun: Token, person: bool) -> str:
        """What a pronoun refers to: the recent speaker, else the nearest subject mention."""
        sent_starts = self.sent_starts
        here = bisect.bisect_right(sent_starts, pronoun.i) - 1
        if self.last_speaker:
            actor, at = self.last_speaker
            then = bisect.bisect_right(sent_starts, at) - 1
            if here - then <= 3 and (self.kind(actor) == "person") == person:
                return actor
        fallback = ""
        pos = bisect.bisect_left(self.mention_starts, pronoun.idx)
        for m in reversed(self.mentions[:pos]):
            if (self.kind(m["actor"]) == "person") != person:
                continue
            tok = self.doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if tok is None:
                continue
            if here - m["sentence"] > 3:
                break
            if tok.root.dep_ in _SUBJECT_DEPS:
                return m["actor"]
            fallback = fallback or m["actor"]
        return fallback


def _is_possessor(token: Token) -> bool:
    return token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children) or token.head.dep_ == "poss"


# --- Reported speech ---------------------------------------------------------

def _cue_text(verb: Token, prep: Token | None) -> str:
    parts = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    if prep is not None:
        parts.append(prep)
    parts = sorted(parts, key=lambda t: t.i)
    return " ".join(t.text for t in parts)


def _is_cue(token: Token, cues: ReportingCues) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in (cues.clause_verbs | cues.object_verbs)


def _is_question(clause: Token) -> bool:
    """``asked whether ...``: a question reports no statement."""
    return any(k.dep_ in ("mark", "advmod", "nsubj", "dobj") and k.lower_ in ("whether", "if", "what", "why", "how", "who") and k.i <= clause.left_edge.i + 1 for k in clause.children)


def _content_tokens(content: list[Token], cues: ReportingCues) -> list[Token]:
    """The words of the content subtrees, without the narrator's asides and other reports.

    Left out: contrastive clauses (``while ...``, ``though ...``: the
    narrator's), and coordinated or participial reporting verbs (``and
    expressed ...``, ``, suggesting that ...``), which are quotes of their own.
    """
    drop: set[int] = set()
    for root in content:
        for t in root.subtree:
            if t is root or t.i in drop:
                continue
            contrast = t.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("while", "whereas", "although", "though") for k in t.children)
            separate = _is_cue(t, cues) and (t.dep_ == "conj" or (t.dep_ in ("advcl", "xcomp") and t.tag_ == "VBG"))
            if contrast or separate:
                drop.update(k.i for k in t.subtree)
                drop.update(k.i for k in t.head.children if k.dep_ == "cc" and t.head.i < k.i < t.i)
    return [t for root in content for t in root.subtree if t.i not in drop]


def _content_children(verb: Token, cues: ReportingCues, allow_object: bool) -> tuple[list[Token], Token | None]:
    """The children of a cue that carry what was said, and the preposition of the cue if any."""
    has_subject = any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    clause = [
        c for c in verb.children
        if c.dep_ in _CLAUSE_DEPS and (c.i > verb.i or has_subject) and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN")
    ]
    clause = [c for c in clause if c.dep_ != "xcomp" or any(k.dep_ in _SUBJECT_DEPS for k in c.children)]
    if clause:
        return ([], None) if _is_question(clause[0]) else (clause[:1], None)
    if verb.dep_ == "parataxis" and has_subject and verb.head.pos_ in ("VERB", "AUX"):
        # "The talks, she said, had reached a dead end": the cue sits inside what was said.
        if not any(t.text in _OPENING_MARKS + _CLOSING_MARKS for t in verb.head.subtree):
            return [verb.head], None
    # "reiterated in the conversation that ...": the clause hangs off the prepositional phrase.
    for child in verb.children:
        if child.dep_ == "prep" and child.i > verb.i:
            for t in child.subtree:
                if t.dep_ in ("acl", "ccomp", "relcl") and any(k.dep_ == "mark" and k.lower_ == "that" for k in t.children):
                    return [t], None
    if not allow_object:
        return _misparsed_clause(verb), None
    content, prep, addressee = [], None, None
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in _OBJECT_DEPS:
            if child.dep_ in ("dobj", "dative") and child.lower_ not in ("this", "that") and all(t.pos_ in ("PROPN", "PRON", "DET", "PUNCT") for t in child.subtree):
                # "supported Zelensky", "expressed herself": no content by itself,
                # but "warned Beijing against ...", "compared it to ..." with what follows.
                addressee = addressee or child
                continue
            if child.dep_ == "dobj" and _is_anaphoric(child):
                continue  # "rejected the criticism": refers back, states nothing
            content.append(child)
        elif child.dep_ == "prep" and child.lower_ in cues.content_prepositions:
            content.append(child)
            if not any(c.dep_ in ("dobj",) for c in verb.children):
                prep = prep or child
        elif child.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in child.children):
            content.append(child)
    if content and all(c.dep_ == "prep" and c is not prep for c in content) and addressee is None:
        return [], None
    if content and addressee is not None:
        # "urged Israel to accept ...", "calling it “sportswashing”": the object is part of what was said.
        return [addressee, *content], None
    return content, prep


def _misparsed_clause(verb: Token) -> list[Token]:
    """The object of a say-verb that is really a clause the parser broke up.

    ``said it had targeted militants`` can come out as say -> dobj
    ``militants`` with ``it had targeted`` hung below the object: a subject
    inside the object is the sign of a clause.
    """
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd") and c.i > verb.i]
    if objects and any(t.dep_ in _SUBJECT_DEPS for o in objects for t in o.subtree):
        return objects
    return []


def _is_anaphoric(noun: Token) -> bool:
    """``the criticism``, ``the deal``: a bare definite noun that points back instead of stating content."""
    words = [t for t in noun.subtree if not t.is_punct]
    return len(words) == 2 and words[0].lower_ in ("the", "this", "that", "these", "those", "such") and words[1] is noun


def reported_speech(doc: Doc, cues: ReportingCues, quotations: list[tuple[int, int]] = ()) -> list[dict]:
    """Reported-speech candidates: one dict per cue with its verb token, content span (start, end) and cue text.

    ``quotations`` (inner spans of the quotations in the text) keep partial
    quotes inside the content whole.
    """
    found = []
    text = doc.text
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") and tok.lemma_.lower() not in cues.clause_adjectives:
            continue
        if tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue  # "to reiterate its demands": a purpose, not a statement
        if any(a.dep_ in ("ccomp", "advcl") and _is_question(a) for a in [tok, *tok.ancestors]):
            continue  # "asked whether he believes ...": inside a question
        item = None
        if tok.dep_ == "relcl" and any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in tok.children):
            continue  # "the deal, which analysts called a “fragile truce”": a name for something, not a statement
        if tok.pos_ == "VERB" and (lemma in cues.clause_verbs or lemma in cues.object_verbs):
            content, prep = _content_children(tok, cues, allow_object=lemma in cues.object_verbs)
            if content:
                tokens = [t for c in content for t in c.subtree]
                demonstrative = [c for c in content if c.dep_ == "dobj" and c.lower_ in ("this", "that") and len(list(c.subtree)) == 1]
                if demonstrative:
                    item = _previous_sentence(doc, tok)
                else:
                    tokens = _content_tokens(content, cues)
                    tokens = [t for t in tokens if not (t.dep_ == "mark" and t.lower_ in ("that",) and t.head in content)]
                    item = {"tokens": tokens}
                if item is not None:
                    item["cue"] = _cue_text(tok, prep)
        elif tok.pos_ == "VERB" and lemma in cues.statement_verbs:
            noun = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in cues.statement_nouns), None)
            if noun is not None:
                about = [c for c in tok.children if c.dep_ == "prep" and c.i > noun.i]
                item = {"tokens": list(noun.subtree) + [t for c in about for t in c.subtree], "cue": f"{tok.text} {noun.text}"}
        elif tok.lower_ in cues.clause_adjectives and tok.dep_ in ("acomp", "oprd", "ccomp", "advmod", "amod", "xcomp"):
            verb = tok.head
            clause = [
                c for c in list(tok.children) + list(verb.children)
                if c.i > tok.i and (c.dep_ == "ccomp" or c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children))
            ]
            if clause:
                item = {"tokens": [t for t in clause[0].subtree if not (t.dep_ == "mark" and t.head is clause[0])], "cue": f"{verb.text} {tok.text}" if verb.lemma_ == "be" else f"{verb.text} it {tok.text}"}
                tok = verb
        if item and item.get("tokens"):
            tokens = sorted(item["tokens"], key=lambda t: t.i)
            # The text is what was said: not the "that" before it, nor the cue's preposition ("called for").
            while tokens and (tokens[0].lower_ == "that" and tokens[0].dep_ == "mark" or tokens[0].dep_ == "prep" and tokens[0].head is tok):
                tokens.pop(0)
            item["tokens"] = tokens
            start, end = _span_text(doc, item["tokens"], quotations, text) if tokens else (0, 0)
            if end - start > 2:
                found.append({"verb": tok, "start": start, "end": end, "cue": item["cue"]})
    found.extend(_according_to(doc, quotations, text))
    return found


def _previous_sentence(doc: Doc, verb: Token) -> dict | None:
    """``X announced this``: the content is the sentence before."""
    start = verb.sent.start
    if start == 0:
        return None
    return {"tokens": list(doc[start - 1].sent)}


def _according_to(doc: Doc, quotations: list[tuple[int, int]] = (), text: str | None = None) -> list[dict]:
    """``According to X, ...``: the rest of the sentence, said by X."""
    found = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        sent = tok.sent
        phrase = set(t.i for t in tok.subtree) | set(t.i for t in doc[tok.i + 1].subtree)
        rest = [t for t in sent if t.i not in phrase and not (t.is_punct and t.i == max(phrase) + 1)]
        if not rest:
            continue
        pobj = next((t for t in doc[tok.i + 1].children if t.dep_ == "pobj"), None)
        if pobj is None:
            continue
        # "according to statements from the Kremlin": the speaker is inside the phrase.
        speaker = pobj
        for t in pobj.subtree:
            if t.dep_ == "pobj" and t is not pobj:
                speaker = t
        start, end = _span_text(doc, rest, quotations, text)
        found.append({"verb": tok, "subject": speaker, "start": start, "end": end, "cue": f"{tok.text} {doc[tok.i + 1].text}"})
    return found


# --- Putting it together -------------------------------------------------------

def extract_quotes(doc: Doc, mentions: list[dict], registry: Registry, article_id: str, cues: ReportingCues | None = None) -> list[dict]:
    """Direct quotes and reported speech of one parsed article, in text order.

    Returns one dict per quote with the keys of QUOTE_COLUMNS: ``kind`` is
    ``direct`` or ``indirect``; ``text == doc.text[start:end]`` (direct quotes
    without their marks, reported speech without ``that``); ``speaker`` is
    the actor's canonical name as in the mentions (an institution by its
    name), or "" where the text names no speaker; ``speaker_text`` the
    words as written; ``cue`` the reporting verb or phrase ("" if none).
    """
    cues = cues or load_reporting_cues()
    text = doc.text
    paragraphs = paragraph_spans(text)
    para_starts = [s for s, _ in paragraphs]
    headings = _heading_paragraphs(text)

    def para_of(char: int) -> int:
        return max(bisect.bisect_right(para_starts, char) - 1, 0)

    resolver = SpeakerResolver(doc, mentions, registry, cues)
    quotations = quotation_spans(text)
    marks = [_trim(text, s, e) for s, e in quotations]
    speech_marks = [(s, e) for s, e in marks if _is_speech(doc, s, e)]

    # Reported speech, without cues that sit inside a quotation or another report.
    reported = [r for r in reported_speech(doc, cues, quotations) if para_of(r["start"]) not in headings]
    reported = [r for r in reported if not _in_any(r["verb"].idx, r["verb"].idx + 1, _near(speech_marks, r["verb"].idx, r["verb"].idx))]
    reported.sort(key=lambda r: (r["start"], -(r["end"] - r["start"])))
    outer = []
    outer_spans: list[tuple[int, int]] = []
    for r in reported:
        verb_at = r["verb"].idx
        if any(s <= verb_at < e for s, e in _near(outer_spans, verb_at, verb_at)):
            continue
        outer.append(r)
        outer_spans.append((r["start"], r["end"]))

    all_marks = sorted(set(speech_marks + marks))
    for r in outer:
        # A reported clause that runs into a quotation ends where the quotation ends.
        for s, e in _near(all_marks, r["start"], r["end"]):
            if r["start"] <= s < r["end"] < e:
                close = e + 1 if text[e:e + 1] in "”\"»’" else e
                r["end"] = close
    quotes: list[dict] = []
    absorbed = set()
    for r in outer:
        covering = [(s, e) for s, e in _near(speech_marks, r["start"], r["end"]) if s <= r["end"] and e >= r["start"]]
        whole = [
            (s, e) for s, e in covering
            if s - r["start"] <= 2 and (min(e, r["end"]) - max(s, r["start"])) >= 0.8 * (r["end"] - r["start"])
        ]
        if whole:
            # The reported clause is a quotation from its first word (`added that “...”`):
            # a direct quote with this cue. `said Ridgeway “values ...”` stays reported speech.
            for s, e in whole:
                absorbed.add((s, e))
                quotes.append({"kind": "direct", "start": s, "end": e, "source": r})
            continue
        for s, e in covering:
            if r["start"] <= s and e <= r["end"] + 2:
                absorbed.add((s, e))
        quotes.append({"kind": "indirect", "start": r["start"], "end": r["end"], "source": r})

    for s, e in speech_marks:
        if (s, e) in absorbed or para_of(s) in headings:
            continue
        quotes.append({"kind": "direct", "start": s, "end": e, "source": _attribution(doc, s, e, speech_marks, cues, text)})

    quotes.sort(key=lambda q: q["start"])
    rows = []
    previous: dict | None = None
    for q in quotes:
        source = q["source"]
        speaker, speaker_text, cue = "", "", ""
        if source is not None:
            cue = source["cue"]
            subject = source.get("subject") or resolver.subject_of(source["verb"])
            speaker, speaker_text = resolver.resolve(subject)
            if not speaker and not resolver.can_speak(subject):
                if q["kind"] == "indirect":
                    continue  # no one speaks: "These past encounters highlight ..."
                speaker_text, cue = "", ""
        elif q["kind"] == "direct" and (lead := _lead_in_subject(doc, q["start"], resolver)) is not None:
            # `Minister Ahmed Khan was blunt. "This tariff is ..."`: the person just introduced speaks.
            speaker, speaker_text = resolver.resolve(lead)
        elif previous is not None and para_of(q["start"]) - para_of(previous["start"]) <= 1 and previous["speaker"]:
            # "A," he said. "B." -- B continues the same speaker's words.
            speaker, speaker_text, cue = previous["speaker"], previous["speaker_text"], previous["cue"] if q["kind"] == "direct" and previous["kind"] == "direct" else ""
        elif resolver.last_speaker and para_of(q["start"]) - para_of(resolver.last_speaker[1] and doc[resolver.last_speaker[1]].idx) <= 2:
            speaker = resolver.last_speaker[0]
        if speaker:
            anchor = doc.char_span(q["start"], q["end"], alignment_mode="expand")
            resolver.last_speaker = (speaker, anchor.start if anchor is not None else 0)
        start, end = q["start"], q["end"]
        sent = doc.char_span(start, min(start + 1, len(text)), alignment_mode="expand")
        row = {
            "article_id": article_id,
            "kind": q["kind"],
            "text": text[start:end],
            "speaker": speaker,
            "speaker_text": speaker_text,
            "cue": cue,
            "start": start,
            "end": end,
            "sentence": max(bisect.bisect_right(resolver.sent_starts, sent.start if sent is not None else 0) - 1, 0),
            "paragraph": para_of(start),
        }
        rows.append(row)
        previous = row
    for n, row in enumerate(rows, start=1):
        row["quote_id"] = f"{article_id}-q{n:03d}"
    return [{k: row[k] for k in QUOTE_COLUMNS} for row in rows]


def _lead_in_subject(doc: Doc, start: int, resolver: SpeakerResolver) -> Token | None:
    """The subject of the sentence before an unattributed quotation, when that sentence is about a person.

    Only for a quotation that opens its sentence right after another
    sentence of the same paragraph, and whose subject is a person's name
    (not a pronoun, which the running speaker covers).
    """
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    if sent.start == 0 or span[0].i - sent.start > 1:
        return None
    before = doc[sent.start - 1]
    if "\n" in before.text or before.is_space or any(t.text in _OPENING_MARKS + _CLOSING_MARKS for t in before.sent):
        return None  # a new paragraph, or a quotation before: `"A," he said. "B."` continues it
    subject = next((c for c in before.sent.root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None or subject.i not in resolver.by_token:
        return None
    if resolver.kind(resolver.by_token[subject.i]["actor"]) != "person":
        return None
    return subject


def _attribution(doc: Doc, start: int, end: int, marks: list[tuple[int, int]], cues: ReportingCues, text: str) -> dict | None:
    """The cue of a direct quote in the words around it: ``“...,” said X`` or ``X said: “...”``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    first_sent = doc[span.start].sent
    last_sent = doc[span.end - 1].sent
    window_start = first_sent.start
    window_end = last_sent.end
    if window_start > 0 and text[max(start - 40, 0):max(start - 1, 0)].rstrip().endswith(":"):
        window_start = doc[window_start - 1].sent.start  # `the club said:` ending the paragraph before
    if window_end < len(doc) and doc[window_end - 1].text in ("”", '"', "»", "’"):
        window_end = doc[window_end].sent.end
    best, best_distance = None, None
    for tok in doc[window_start:window_end]:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in cues.clause_verbs | cues.object_verbs:
            continue
        if _in_any(tok.idx, tok.idx + 1, _near(marks, tok.idx, tok.idx)):
            continue
        # The cue must not report other words: a clause of its own outside this quote.
        own = [c for c in tok.children if c.dep_ in _CLAUSE_DEPS and not (start - 2 <= c.idx <= end + 2)]
        if own and not any(start <= t.idx < end for c in own for t in c.subtree):
            continue
        distance = tok.idx - end if tok.idx >= end else start - tok.idx
        if best is None or distance < best_distance:
            best, best_distance = tok, distance
    if best is None:
        return None
    return {"verb": best, "cue": _cue_text(best, None)}
