"""Quotes that the layout of a line makes, with or without quotation marks.

Following shared/gold/GUIDELINES.md:

- in a transcript (an interview or press-conference excerpt whose questions
  are labelled, ``Q: Will you resign?``), every other labelled line is an
  answer (``A: No.``, ``MINISTER: We will not.``): a direct quote of the
  words after the label, quotation marks or not; the questions are not
  quotes;
- a bulleted line that opens with a name the article knows, then a colon
  (``• Berg: the vote will go ahead``), reports what that person said: an
  indirect quote of the words after the colon (with quotation marks it is a
  direct quote, found with the other quotations).

Who speaks is the label's business (`analytics.quotes.labels`).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..layout import Layout
from .marks import OPENING_MARKS
from .references import line_label
from .reported import SUBJECT_DEPS

# A transcript's label: one letter or words in capitals, then a colon, at the start of a line.
_LABEL = re.compile(r"[ \t]*([A-Z][A-Z.'’ -]*):[ \t]+")
# A dialogue has at least this many labels, and its interviewer at least this many lines ...
DIALOGUE_LABELS = 2
# ... of which at least this share ask a question.
ASKING_SHARE = 0.5
# What a list line may open with before its label.
_BULLETS = "•·▪‣◦*-–—>"
_BULLET_LINE = re.compile(r"[ \t]*[%s][ \t]+" % re.escape(_BULLETS))


def answer_spans(text: str, layout: Layout, question_labels: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of a transcript's answers without quotation marks, in text order.

    An answer is the rest of a labelled line after the first question line.
    Question lines are labelled with one of ``question_labels`` (``Q:``),
    or with the interviewer's name: in a dialogue of several labels, the
    label whose lines mostly ask (end with a question mark) is the
    interviewer's (``HOST: Will you resign?``). A line whose words open with
    a quotation mark is left to the quotations. An article with no question
    line has no answers: ``NEW DELHI: ...`` opens a report, not an answer.
    """
    lines = []
    for start, end in layout.paragraphs:
        label = _LABEL.match(text, start, end)
        words = _trimmed(text, label.end(), end) if label is not None else None
        if words is not None:
            lines.append((label.group(1).strip().lower().rstrip("."), words))
    asking = set(question_labels) | _interviewers(text, lines)
    spans = []
    asked = False
    for label, (start, end) in lines:
        if label in asking:
            asked = True
        elif asked and text[start] not in OPENING_MARKS:
            spans.append((start, end))
    return spans


def _interviewers(text: str, lines: list[tuple[str, tuple[int, int]]]) -> set[str]:
    """The labels of a dialogue whose lines mostly end with a question mark (none in a monologue)."""
    asks: dict[str, list[bool]] = {}
    for label, (_, end) in lines:
        asks.setdefault(label, []).append(text[end - 1] == "?")
    if len(asks) < DIALOGUE_LABELS:
        return set()
    return {label for label, questions in asks.items()
            if len(questions) >= DIALOGUE_LABELS and sum(questions) >= ASKING_SHARE * len(questions)}


def bullet_statement_spans(doc: Doc, text: str, layout: Layout, mentions: list[dict], titles: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the statements of bulleted lines that a known name labels (``• Berg: ...``), in text order.

    The label must be one of the article's ``mentions`` as a whole
    (``• Deadline: Friday`` names no one, ``• NATO enlargement: ...`` is a
    topic), and the statement a clause (``• Berg: talks on the budget`` is
    an agenda line). A statement that opens with a quotation mark is left
    to the quotations.
    """
    named = {(m["start"], m["end"]) for m in mentions}
    spans = []
    for start, end in layout.paragraphs:
        if not _BULLET_LINE.match(text, start, end):
            continue
        colon = text.find(":", start, end)
        if colon < 0:
            continue
        words = _trimmed(text, colon + 1, end)
        if not words or text[words[0]] in OPENING_MARKS:
            continue
        at, name = line_label(text, words[0], titles)
        if name and (at, at + len(name)) in named and _is_clause(doc, *words):
            spans.append(words)
    return spans


def _is_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether the first sentence of the words ``start:end`` has a verb with a subject."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = doc[span.start].sent.root
    return root.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in root.children)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``start:end`` without white space at its edges, or None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
