"""Reported speech: the reporting cues of a parsed article and the content each one reports.

``X said (that) ...``, ``X warned Beijing against ...``, ``X delivered a
warning regarding ...``, ``X is convinced that ...``, ``according to X,
...``: the cue is found from the words of data/reporting.yml
(`analytics.lexicons.ReportingCues`), its content from the dependency parse
around it. The cue of a direct quote (``“...,” said X``) is found here too.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..layout import Layout
from ..lexicons import ReportingCues
from ..lowercase import forms_in, lowered
from .marks import ALL_MARKS, APOSTROPHES, CLOSING_MARKS, OPENING_MARKS, in_any, keep_marks_whole, near

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}
_OBJECT_DEPS = {"dobj", "dative", "oprd", "attr", "acomp", "ccomp", "xcomp"}
# "WASHINGTON (AP) — ", "GAZA CITY, Oct 3 (Reuters) - ": the dateline is the outlet's, not the speaker's.
_DATELINE = re.compile(
    r"[A-Z][A-Z .,%s-]*[A-Z.](?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([A-Za-z. ]+\))?\s*[—–-]{1,2}\s+" % "".join(sorted(APOSTROPHES))
)
# Reported content this short (in characters) is a parse accident, not what was said.
MIN_CONTENT_CHARS = 3
# How far back (characters) a colon may end the paragraph before a quotation
# and still introduce it: ``the club said:`` on the line above.
COLON_REACH_CHARS = 40
# A quotation mark and a space: how far a clause may start before or run past
# a quotation and still be that quotation.
MARK_SLACK = 2


# --- Cues and their content ---------------------------------------------------

def _cue_text(verb: Token, prep: Token | None) -> str:
    """The cue as written: the verb with its particle and preposition (``called for``, ``pointed out``)."""
    parts = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    if prep is not None:
        parts.append(prep)
    parts = sorted(parts, key=lambda t: t.i)
    return " ".join(t.text for t in parts)


def is_reporting_verb(token: Token, cues: ReportingCues) -> bool:
    """Whether ``token`` is a verb that reports speech (``said``, ``warned``, ``called``)."""
    return token.pos_ == "VERB" and lowered(token.vocab.strings, token.lemma) in cues.reporting_verbs


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
            if t == root or t.i in drop:
                continue
            contrast = t.dep_ == "advcl" and (any(k.dep_ == "mark" and k.lower_ in ("while", "whereas", "although", "though") for k in t.children)
                                              or _even_as(t))
            reporting = is_reporting_verb(t, cues)
            separate = reporting and (t.dep_ == "conj" or (t.dep_ in ("advcl", "xcomp") and t.tag_ == "VBG"))
            if reporting and t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ in _SEQUENCE_PREPOSITIONS:
                drop.update(k.i for k in t.head.subtree)  # "... before adding that ...": an attribution of its own
                continue
            if contrast or separate:
                drop.update(k.i for k in t.subtree)
                drop.update(k.i for k in t.head.children if k.dep_ == "cc" and t.head.i < k.i < t.i)
    return [t for root in content for t in root.subtree if t.i not in drop]


def _words_that_may_report(doc: Doc, cues: ReportingCues) -> list[Token]:
    """The words of ``doc`` that may be a cue, in order: verbs whose lemma is a reporting or statement
    verb, and words written as a clause adjective (``clear`` that ...) that are verbs, auxiliaries or have
    such an adjective for lemma.

    Picked from columns of the parse, each word form looked up once, so that only these become Python
    objects: the rest of an article's tokens are never looked at.
    """
    from spacy.attrs import LEMMA, LOWER, POS
    from spacy.parts_of_speech import AUX, VERB

    if not len(doc):
        return []
    columns = doc.to_array([POS, LEMMA, LOWER])
    strings = doc.vocab.strings
    pos, lemmas, lowers = (columns[:, n].tolist() for n in range(3))
    lemma_forms = set(lemmas)
    verbs = forms_in(strings, lemma_forms, cues.reporting_verbs) | forms_in(strings, lemma_forms, cues.statement_verbs)
    adjective_lemmas = forms_in(strings, lemma_forms, cues.clause_adjectives)
    adjective_forms = forms_in(strings, set(lowers), cues.clause_adjectives)
    # Flat lists and sets: numpy's isin sorts the whole column for each look-up, slower on an article's few
    # hundred tokens.
    return [doc[i] for i, (p, lemma, lower) in enumerate(zip(pos, lemmas, lowers))
            if p == VERB and lemma in verbs
            or (p == VERB or p == AUX or lemma in adjective_lemmas) and lower in adjective_forms]


def _in_questions(doc: Doc, sentence_starts: tuple[int, ...] | None = None) -> list[bool]:
    """For each token of ``doc``, whether its sentence is a question (its last word is a question mark).

    ``sentence_starts`` (the layout's) spares walking the parse for its sentences once more.
    """
    asking = [False] * len(doc)
    starts = sentence_starts if sentence_starts is not None else tuple(s.start for s in doc.sents)
    for start, stop in zip(starts, starts[1:] + (len(doc),)):
        end = stop - 1
        while end > start and doc[end].is_space:
            end -= 1
        if stop > start and doc[end].text == "?":
            asking[start:stop] = [True] * (stop - start)
    return asking


def _no_speaker(child: Token) -> bool:
    """Whether a subject or object of a cue says no statement is reported: ``nobody`` (is proposing ...),
    a question word (``who said what``), a possessive (``Europe's promised force``: a noun phrase)."""
    if child.dep_ not in SUBJECT_DEPS | {"dobj"}:
        return False
    if child.dep_ == "dobj":
        return child.lower_ == "what" and any(c.dep_ in SUBJECT_DEPS and c.lower_ == "who" for c in child.head.children)
    return child.lower_ in _NO_ONE or child.lower_ == "who" and child.head.dep_ != "relcl" or any(k.dep_ == "case" for k in child.children)


def _colon_between(clause: Token, verb: Token) -> bool:
    """Whether a colon stands between ``clause`` and the ``verb`` after it."""
    return any(t.text == ":" for t in verb.doc[clause.right_edge.i + 1:verb.i])


def _even_as(clause: Token) -> bool:
    """``..., even as critics warned ...``: a clause the narrator sets against what was said."""
    kids = [k.lower_ for k in clause.children if k.dep_ in ("mark", "advmod")]
    return "as" in kids and "even" in kids


def _content_children(verb: Token, cues: ReportingCues, allow_object: bool) -> tuple[list[Token], Token | None]:
    """The children of a cue that carry what was said, and the preposition of the cue if any."""
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    # A clause before the cue is its content ("The talks will fail, she said"), unless a colon sets the
    # cue's own sentence after it ("The summit did something new: it had written ...").
    clause = [
        c for c in verb.children
        if c.dep_ in _CLAUSE_DEPS and (c.i > verb.i or has_subject and not _colon_between(c, verb))
        and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN")
    ]
    clause = [c for c in clause if c.dep_ != "xcomp" or any(k.dep_ in SUBJECT_DEPS for k in c.children)]
    if clause:
        return ([], None) if _is_question(clause[0]) else (_continued(verb, clause[0]), None)
    if verb.dep_ == "parataxis" and has_subject and verb.head.pos_ in ("VERB", "AUX"):
        # "The talks, she said, had reached a dead end": the cue sits inside what was said. A cue with an
        # object of its own ("...: it had written a year next to the word") or a question word for its
        # subject ("here is what happened, who said what") is no such aside.
        aside = not any(c.dep_ in _OBJECT_DEPS for c in verb.children) and not any(
            c.dep_ in SUBJECT_DEPS and c.tag_ in ("WP", "WDT") for c in verb.children)
        if aside and not any(t.text in ALL_MARKS for t in verb.head.subtree):
            return [verb.head], None
    # "reiterated in the conversation that ...", "told a press briefing that ...": the clause hangs
    # off the prepositional phrase or the object ("that" its marker, not a relative pronoun).
    for child in verb.children:
        if child.dep_ in ("prep", "dobj", "dative") and child.i > verb.i:
            for t in child.subtree:
                if t.dep_ in ("acl", "ccomp", "relcl") and any(k.dep_ == "mark" and k.lower_ == "that" for k in t.children):
                    return _continued(verb, t), None
    if not allow_object or any(c.dep_ == "prt" for c in verb.children):
        # A verb with a particle reports a clause (pointed out that ...), not an object: called off the strike.
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
            if child.dep_ == "dobj" and _is_anaphoric(child) and not _named_as(verb) \
                    and not any(c.dep_ == "xcomp" for c in verb.children):  # "pressed the government to act"
                continue  # "rejected the criticism": refers back, states nothing; "welcomed the move as ..." names it
            content.append(child)
        # A preposition before another one is a particle of a verb of action: "backed out of the race".
        elif child.dep_ == "prep" and child.lower_ in cues.content_prepositions and not any(k.dep_ == "prep" for k in child.children):
            content.append(child)
            if not any(c.dep_ in ("dobj",) for c in verb.children):
                prep = prep or child
        elif child.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in child.children):
            content.append(child)
        elif child.dep_ == "advcl" and _for_to_clause(child):
            content.append(child)  # "called for the dispute to go to a panel": what is called for, with its subject
    if content and all(c.dep_ == "prep" and c is not prep for c in content) and addressee is None:
        return [], None
    if content and addressee is not None:
        # "urged Israel to accept ...", "calling it “sportswashing”": the object is part of what was said.
        return [addressee, *content], None
    if prep is not None:
        # "called for a pilot in a handful of schools before any change", "for the levy to be suspended": the
        # parser hangs what qualifies the thing called for on the verb; it is part of what was called for,
        # unless it says where or when ("at a rally", "in a speech on Monday").
        content += [c for c in verb.children if c.i > prep.i and c.dep_ in ("prep", "advcl", "xcomp")
                    and c not in content and not _occasion(c, cues)]
    return content, prep


def _occasion(phrase: Token, cues: ReportingCues) -> bool:
    """Whether the phrase ``phrase`` says where or when something was said: ``at a rally``, ``on Monday``,
    ``in a speech``, ``in a letter``."""
    if phrase.dep_ != "prep":
        return False
    objects = [c for c in phrase.children if c.dep_ == "pobj"]
    return phrase.lower_ in cues.occasion_prepositions or any(
        o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in cues.occasion_nouns | cues.document_nouns for o in objects)


def _named_as(verb: Token) -> bool:
    """Whether ``verb`` names its object as something: ``described the visit as "very timely"``."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i for c in verb.children)


def _for_to_clause(clause: Token) -> bool:
    """Whether ``clause`` is an infinitive with its own subject after "for": ``for the dispute to go ...``."""
    return (any(k.dep_ == "mark" and k.lower_ == "for" for k in clause.children)
            and any(k.dep_ == "aux" and k.lower_ == "to" for k in clause.children)
            and any(k.dep_ in SUBJECT_DEPS for k in clause.children))


def _continued(verb: Token, clause: Token) -> list[Token]:
    """``clause`` and the clauses of ``verb`` that carry on from it, what the cue reports as a whole.

    ``said that A, but that B``: a conjunct of the cue that opens with
    ``that``; ``remarked that, had X been there, "Y would ..."``: a second
    clause the parser hung on the cue right after the first. Only
    punctuation and a conjunction may stand between them.
    """
    content = [clause]
    doc = verb.doc
    for child in verb.children:
        if child.i <= clause.i or child.is_punct or child.dep_ == "cc":
            continue
        carries_on = (child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX") and child.left_edge.tag_ not in ("WDT", "WP")
                      or child.dep_ == "conj" and child.left_edge.lower_ == "that")  # not "..., which is what they say"
        between = doc[content[-1].right_edge.i + 1:child.left_edge.i]
        if not carries_on or not all(t.is_punct or t.dep_ == "cc" for t in between):
            break
        content.append(child)
    return content


_SEQUENCE_PREPOSITIONS = {"before", "after"}
# Subjects that say no one said it.
_NO_ONE = {"nobody", "noone", "none"}


def _misparsed_clause(verb: Token) -> list[Token]:
    """The object of a say-verb that is really a clause the parser broke up.

    ``said it had targeted militants`` can come out as say -> dobj
    ``militants`` with ``it had targeted`` hung below the object: a subject
    inside the object is the sign of a clause.
    """
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd") and c.i > verb.i]
    if objects and any(t.dep_ in SUBJECT_DEPS for o in objects for t in o.subtree):
        return objects
    return []


def _is_anaphoric(noun: Token) -> bool:
    """``the criticism``, ``the deal``: a bare definite noun that points back instead of stating content."""
    words = [t for t in noun.subtree if not t.is_punct]
    return len(words) == 2 and words[0].lower_ in ("the", "this", "that", "these", "those", "such") and words[1] is noun


def reported_speech(doc: Doc, cues: ReportingCues, quotations: list[tuple[int, int]] = (),
                    layout: Layout | None = None) -> list[dict]:
    """Reported-speech candidates: one dict per cue with its verb token, content span (start, end) and cue text.

    ``quotations`` (inner spans of the quotations in the text) keep partial
    quotes inside the content whole; ``layout`` (the article's, if known)
    spares reading the text and the sentences from the parse once more.
    """
    found = []
    text = layout.text if layout is not None else doc.text
    asking = _in_questions(doc, layout.sentence_starts if layout is not None else None)
    for tok in _words_that_may_report(doc, cues):
        lemma = tok.lemma_.lower()
        if not (tok.pos_ == "VERB" and (lemma in cues.clause_verbs or lemma in cues.object_verbs or lemma in cues.statement_verbs)
                or tok.lower_ in cues.clause_adjectives):
            continue  # no cue: none of the branches below could report anything
        if tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue  # "to reiterate its demands": a purpose, not a statement
        if any(a.dep_ in ("ccomp", "advcl") and _is_question(a) for a in [tok, *tok.ancestors]) or asking[tok.i]:
            continue  # "asked whether he believes ...", "Why should anyone believe you will ...?": inside a question
        item = None
        if tok.dep_ == "amod" or any(_no_speaker(c) for c in tok.children):
            continue  # "the promised reform", "Europe's promised force" describe a thing; "who said what" asks
        if tok.dep_ == "relcl" and any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in tok.children):
            continue  # "the deal, which analysts called a “fragile truce”": a name for something, not a statement
        if tok.pos_ == "VERB" and (lemma in cues.clause_verbs or lemma in cues.object_verbs):
            content, prep = _content_children(tok, cues, allow_object=lemma in cues.object_verbs)
            if content:
                tokens = [t for c in content for t in c.subtree]
                demonstrative = [c for c in content if c.dep_ == "dobj" and c.lower_ in ("this", "that") and len(list(c.subtree)) == 1]
                if demonstrative:
                    item = _sentence_before(doc, tok)
                else:
                    tokens = _content_tokens(content, cues)
                    tokens = [t for t in tokens if not (t.dep_ == "mark" and t.lower_ in ("that", "for") and t.head in content)]
                    item = {"tokens": tokens}
                if item is not None:
                    item["cue"] = _cue_text(tok, prep)
        elif tok.lower_ in cues.clause_adjectives and tok.dep_ in ("acomp", "oprd", "ccomp", "advmod", "amod", "xcomp"):
            verb = tok.head
            clause = [
                c for c in list(tok.children) + list(verb.children)
                if c.i > tok.i and (c.dep_ == "ccomp" or c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children))
            ]
            if clause:
                item = {"tokens": [t for t in clause[0].subtree if not (t.dep_ == "mark" and t.head == clause[0])], "cue": f"{verb.text} {tok.text}" if verb.lemma_ == "be" else f"{verb.text} it {tok.text}"}
                tok = verb
        if item is None and tok.pos_ == "VERB" and lemma in cues.statement_verbs:
            # "delivered a warning that ...", "repeated the party's objection to ...": a verb that is also a
            # cue of its own ("repeated that ...") reports a statement noun when its own reading found nothing.
            noun = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in cues.statement_nouns), None)
            if noun is not None:
                about = [c for c in tok.children if c.dep_ == "prep" and c.i > noun.i]
                item = {"tokens": list(noun.subtree) + [t for c in about for t in c.subtree], "cue": f"{tok.text} {noun.text}"}
        if item and item.get("tokens"):
            tokens = sorted(item["tokens"], key=lambda t: t.i)
            # The text is what was said: not the "that" before it, nor the cue's preposition ("called for").
            while tokens and (tokens[0].lower_ == "that" and tokens[0].dep_ == "mark" or tokens[0].dep_ == "prep" and tokens[0].head == tok):
                tokens.pop(0)
            item["tokens"] = tokens
            start, end = _span_text(doc, item["tokens"], quotations, text) if tokens else (0, 0)
            if end - start >= MIN_CONTENT_CHARS:
                found.append({"verb": tok, "start": start, "end": end, "cue": item["cue"], **_named_by_head(tok)})
    found.extend(_according_to(doc, quotations, text))
    return found


def _named_by_head(verb: Token) -> dict:
    """``{"subject": name}`` for a cue the parser hung on the name that says it, else nothing.

    ``Berg, who led the talks, called the session "..."`` can come out as a
    participle of ``Berg``: a relative clause between the name and the verb,
    and no agent (``Port Ellis, called "the jewel" by tourists``), show
    that the verb is the sentence's own.
    """
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or head.pos_ != "PROPN" or any(c.dep_ == "agent" for c in verb.children):
        return {}
    if any(c.dep_ == "relcl" and head.i < c.i < verb.i for c in head.children):
        return {"subject": head}
    return {}


def _sentence_before(doc: Doc, verb: Token) -> dict | None:
    """``X announced this``: the content is the sentence before."""
    start = verb.sent.start
    if start == 0:
        return None
    return {"tokens": list(doc[start - 1].sent)}


def _according_to(doc: Doc, quotations: list[tuple[int, int]] = (), text: str | None = None) -> list[dict]:
    """``According to X, ...``: the rest of the sentence, said by X."""
    from spacy.attrs import LOWER

    found = []
    according = doc.vocab.strings["according"]  # its hash: the column of lowercase forms holds hashes
    at = (doc.to_array([LOWER]).reshape(-1) == according).nonzero()[0] if len(doc) else ()
    for tok in (doc[int(i)] for i in at):
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
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

def _span_text(doc: Doc, tokens: list[Token], quotations: list[tuple[int, int]] = (), text: str | None = None) -> tuple[int, int]:
    """Character span of the words ``tokens`` cover, fit to be quoted text.

    Edge punctuation and the sentence's full stop are left out, a dateline
    at the start too; a quotation mark at an edge is kept with its partner
    (``quotations``: inner spans of the quotations in the text), so that a
    partial quote is never cut in half by the parse.
    """
    text = doc.text if text is None else text  # Doc.text is rebuilt on every access
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[-1].is_space or tokens[-1].is_punct and tokens[-1].text not in CLOSING_MARKS | {"!", "?", ")"}):
        tokens.pop()
    while tokens and (tokens[0].is_space or tokens[0].is_punct and tokens[0].text not in OPENING_MARKS):
        tokens.pop(0)
    if not tokens:
        return 0, 0
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    dateline = _DATELINE.match(text, start)
    if dateline and (start == 0 or text[start - 1] == "\n") and dateline.end() < end:
        start = dateline.end()
    return keep_marks_whole(text, start, end, quotations)


# --- The cue of a direct quote -------------------------------------------------

def attribution(doc: Doc, start: int, end: int, marks: list[tuple[int, int]], cues: ReportingCues, text: str) -> dict | None:
    """The cue of a direct quote in the words around it: ``“...,” said X`` or ``X said: “...”``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    first_sent = doc[span.start].sent
    last_sent = doc[span.end - 1].sent
    window_start = first_sent.start
    window_end = last_sent.end
    if window_start > 0 and text[max(start - COLON_REACH_CHARS, 0):max(start - 1, 0)].rstrip().endswith(":"):
        window_start = doc[window_start - 1].sent.start  # `the club said:` ending the paragraph before
    if window_end < len(doc) and doc[window_end - 1].text in CLOSING_MARKS:
        window_end = doc[window_end].sent.end
    best, best_distance = None, None
    for tok in doc[window_start:window_end]:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in cues.reporting_verbs:
            continue
        if in_any(tok.idx, tok.idx + 1, near(marks, tok.idx, tok.idx)):
            continue
        # The cue must not report other words: a clause of its own outside this quote.
        own = [c for c in tok.children if c.dep_ in _CLAUSE_DEPS and not (start - MARK_SLACK <= c.idx <= end + MARK_SLACK)]
        if own and not any(start <= t.idx < end for c in own for t in c.subtree):
            continue
        distance = tok.idx - end if tok.idx >= end else start - tok.idx
        if best is None or distance < best_distance:
            best, best_distance = tok, distance
    if best is None:
        return None
    return {"verb": best, "cue": _cue_text(best, None)}
