"""Quotation marks: the one table of them, the quotations they enclose, and which quoted words are speech.

Every set of marks the quote extractor uses is derived from `MARKS`; add a
style there and every step knows it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..layout import paragraph_spans


@dataclass(frozen=True)
class QuotationMark:
    """An opening quotation mark and the marks that close it."""

    opener: str
    closers: str
    # A single mark: nests inside a double quotation, and a double one inside it.
    inner: bool = False
    # The same character opens and closes: the spaces around it tell which it does.
    straight: bool = False


MARKS = (
    QuotationMark("“", "”“"),  # English “...”; the German closing “ typed after an English opener
    QuotationMark("„", "“”"),  # German and Polish „...“
    QuotationMark("«", "»"),  # French, Spanish, Russian
    QuotationMark("‹", "›", inner=True),  # inside « »
    QuotationMark('"', '"', straight=True),
    QuotationMark("‘", "’", inner=True),  # British ‘...’, and inside “...”
    QuotationMark("‚", "‘’", inner=True),  # German ‚...‘ inside „...“
    QuotationMark("'", "'", inner=True, straight=True),
)
# Characters that also write an apostrophe (won’t, Putin's, ‘90s): as a closing
# mark before a letter, one is an apostrophe inside a word.
APOSTROPHES = frozenset("’'‘")

CLOSERS = {m.opener: m.closers for m in MARKS}  # opening mark -> the marks that close it
OPENING_MARKS = frozenset(CLOSERS)
CLOSING_MARKS = frozenset("".join(CLOSERS.values()))
ALL_MARKS = OPENING_MARKS | CLOSING_MARKS
INNER = frozenset(m.opener for m in MARKS if m.inner)
STRAIGHT = frozenset(m.opener for m in MARKS if m.straight)
# The marks of double quotations: a line holding one holds a quotation (single
# marks may be apostrophes).
DOUBLE_MARKS = frozenset(ch for m in MARKS if not m.inner for ch in m.opener + m.closers)
# An opening mark repeated before the first is closed starts the quotation
# again (the first was never closed); straight and single marks cannot tell
# an opening from a closing or an apostrophe, so they never do.
RESTARTING = frozenset(m.opener for m in MARKS if not (m.inner or m.straight))
_MARK_RE = re.compile("[%s]" % re.escape("".join(sorted(ALL_MARKS))))

# Quoted words this long are speech whatever stands before them.
SPEECH_WORDS = 8
# Quoted words outside a noun phrase are speech from this many words on, verb or not.
CLAUSE_WORDS = 4
# Fewer quoted words than this are a label, not speech, even with a verb (``“won”``).
MIN_SPEECH_WORDS = 2
# No quotation or report runs this many characters in news text: spans that
# start further back than this cannot hold a position (see `near`).
NEAR_CHARS = 5000

# Words before quoted words that make them a name: ``the so-called “peace plan”``.
_NAMING_WORDS = {"so-called", "dubbed", "named", "titled", "entitled", "called", "as", "the", "a", "an", "his", "her", "its", "their", "our"}


def _opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` can open a quotation (straight marks and apostrophes need a word after them)."""
    ch = text[i]
    after = text[i + 1] if i + 1 < len(text) else ""
    before = text[i - 1] if i > 0 else " "
    if ch in STRAIGHT or ch in APOSTROPHES:
        if not after or after.isspace():
            return False
        if ch in STRAIGHT and before.isalnum():
            return False  # an apostrophe (don't, Putin's), or a straight mark that closes
    return True


def _closes(text: str, i: int, opener: str) -> bool:
    """Whether the mark at ``i`` closes a quotation opened by ``opener``."""
    ch = text[i]
    if ch not in CLOSERS[opener]:
        return False
    if ch in APOSTROPHES:
        after = text[i + 1] if i + 1 < len(text) else ""
        if after.isalpha():
            return False  # an apostrophe inside a word: won’t
    if ch in STRAIGHT:
        before = text[i - 1] if i > 0 else ""
        if not before or before.isspace():
            return False
    return True


def quotation_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Character spans of the words between quotation marks, marks excluded, in text order.

    Quotes nested in a quote stay inside it. A quotation that runs over
    several paragraphs (its opening mark repeated at the start of each, no
    closing mark until the end) is one span per paragraph, as readers and
    annotators take each paragraph's words. A mark that is never closed
    spoils at most its own paragraph. ``paragraphs`` are the
    `paragraph_spans` of ``text``, if known.
    """
    spans = []
    opener = ""
    paragraphs = paragraph_spans(text) if paragraphs is None else paragraphs
    for n, (p_start, p_end) in enumerate(paragraphs):
        # Every paragraph starts outside any quotation: one that runs on ends here and opens again below.
        open_at: int | None = None  # start of the outer quotation being read
        stack: list[str] = []
        # Only a mark can open or close: the characters between two marks are skipped by the regex.
        for found in _MARK_RE.finditer(text, p_start, p_end):
            i, ch = found.start(), found.group()
            if stack and _closes(text, i, stack[-1]):
                stack.pop()
                if not stack:
                    spans.append((open_at, i))
                    open_at = None
            elif ch in CLOSERS and _opens(text, i):
                if not stack:
                    open_at, opener = i + 1, ch
                    stack = [ch]
                elif ch == stack[0] and ch in RESTARTING and len(stack) == 1:
                    open_at = i + 1  # the earlier mark was never closed: start again here
                elif ch != stack[-1] and (ch in INNER) != (stack[-1] in INNER):
                    stack.append(ch)
        if open_at is not None:
            # Never closed here: the paragraph's words are a quote when the next paragraph repeats the opening
            # mark (the quotation runs on), else the mark spoils this paragraph only.
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            if nxt is not None and len(stack) == 1 and text[nxt:nxt + 1] == opener:
                spans.append((open_at, p_end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``start:end`` of ``text`` without the white space at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_speech(doc: Doc, start: int, end: int) -> bool:
    """Whether quoted words reproduce speech, not a title or a scare-quoted term.

    Short quoted words inside a noun phrase (``the so-called “peace plan”``,
    ``dubbed it the “deal of the century”``, ``a “fragile truce,”``) name
    something; speech is a clause (it has a verb) or long.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if len(words) >= SPEECH_WORDS:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    while before is not None and before.is_punct and before.i > 0 and before.text in OPENING_MARKS:
        before = doc[before.i - 1]
    # After a preposition short quoted words are a title: ``said on “Meet the Press”``, ``wrote in “The Lantern”``.
    if before is not None and (before.lower_ in _NAMING_WORDS or before.pos_ in ("DET", "ADJ", "NUM", "ADP") or before.tag_ == "POS"):
        return False
    if len(words) >= CLAUSE_WORDS or _sentence_of_its_own(doc, span.start, span.end):
        return True
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    exclaims = span.end < len(doc) and doc[span.end - 1].text in "!?" or span.end < len(doc) and doc[span.end].text in "!?"
    return len(words) >= MIN_SPEECH_WORDS and (has_verb or exclaims)


def _sentence_of_its_own(doc: Doc, start: int, end: int) -> bool:
    """Whether the quoted tokens ``start:end`` are a whole sentence: ``replied: “No.”``, ``He paused. “Never.”``.

    They open with a capital and end with a full stop, question or
    exclamation mark inside the marks, and stand where a sentence starts
    (after a colon, another sentence or a line break), not inside a phrase
    (``the plan, “Phoenix.”``).
    """
    words = [t for t in doc[start:end] if not (t.is_punct or t.is_space)]
    if not words or not words[0].text[:1].isupper() or doc[end - 1].text not in _SENTENCE_ENDS:
        return False
    before = start - 1
    while before >= 0 and doc[before].text in OPENING_MARKS:
        before -= 1
    return before < 0 or doc[before].text in _SENTENCE_ENDS | {":"} or "\n" in doc[before].text


_SENTENCE_ENDS = frozenset(".!?")


def near(spans: list[tuple[int, int]], start: int, end: int, reach: int = NEAR_CHARS) -> list[tuple[int, int]]:
    """The spans (sorted by start) that begin between ``start - reach`` and ``end``.

    A window rather than a scan keeps long articles linear.
    """
    lo = bisect.bisect_left(spans, (start - reach,))
    hi = bisect.bisect_right(spans, (end, float("inf")))
    return spans[lo:hi]


def in_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start:end`` lies inside one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


def keep_marks_whole(text: str, start: int, end: int, quotations: list[tuple[int, int]]) -> tuple[int, int]:
    """``start:end`` widened or narrowed so that it holds both marks of a quotation at its edges, or neither.

    ``quotations`` are the inner spans of the quotations in ``text``.
    """
    for inner_start, close in near(quotations, start, end):
        open_ = inner_start - 1
        if start <= open_ < end <= close and (not text[end:close].strip(" ,.;:!?") or end == open_ + 1):
            end = close + 1  # the parse stopped short of the closing mark, or right after the opening one
        elif open_ < start <= close < end:
            if not text[open_ + 1:start].strip():
                start = open_  # ... or just after the opening one
            elif close == end - 1:
                end = close  # a closing mark whose opening mark is outside the span
    return start, end
