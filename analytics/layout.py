"""An article's layout: its paragraphs, headings, page furniture and sentence starts.

Computed once per article (`layout_of`) and handed to the extractors, which
all index their rows by paragraph and sentence and leave out headings and
furniture. Offsets are character offsets into the article's text, sentence
starts token indexes into its Doc.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Lines that belong to the web page around an article, not to the article.
# They are kept in the text (offsets must not move) but yield no mentions or
# quotes: see `furniture_spans`.
FURNITURE_PATTERNS = [
    r"comments?",
    r"comments are closed\.?",
    r"post a comment\.?",
    r"leave a (comment|reply)\.?",
    r"subscribe\b.*",
    r"sign up\b.*newsletter.*",
    r"(share|share this|share on \w+|tweet|print|email)( article)?\.?",
    r"(read more|related( articles| stories)?|advertisement|advertising)\.?:?",
    r"(all rights reserved|copyright\b|©).*",
    r"follow us\b.*",
    r"(click|tap) here\b.*",
    r"you may also like\.?",
    r"photo:.*|\(photo:.*\)",
]
_FURNITURE_RE = re.compile(r"^\s*(?:%s)\s*$" % "|".join(FURNITURE_PATTERNS), re.IGNORECASE)

# A heading is a short line: body paragraphs of news text run longer than this
# many words, headlines and table-of-contents lines do not.
HEADING_MAX_WORDS = 25
# A line ending in one of these is a sentence, not a heading. Closing
# quotation marks end sentences too: `analytics.quotes` adds them, as they are
# defined with the other quotation marks there.
SENTENCE_END = tuple(".!?:;)")
# News paragraphs run one to five sentences; a "paragraph" of more than this many is a text whose line
# breaks were lost, and is read in parts of PART_SENTENCES.
LONG_PARAGRAPH = 12
PART_SENTENCES = 3


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``: its non-empty lines.

    News exports separate paragraphs by one newline or by blank lines; both
    give the same paragraphs here.
    """
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def is_furniture(line: str) -> bool:
    """True when a line is page furniture (``Comments``, ``Post a Comment`` ...)."""
    return bool(_FURNITURE_RE.match(line))


def furniture_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Character spans of the furniture lines of ``text`` (``paragraphs``: its `paragraph_spans`, if known)."""
    paragraphs = paragraph_spans(text) if paragraphs is None else paragraphs
    return [(s, e) for s, e in paragraphs if is_furniture(text[s:e])]


def heading_paragraphs(text: str, paragraphs: list[tuple[int, int]] | None = None) -> frozenset[int]:
    """Indexes of the paragraphs that look like headings: short lines that end without sentence punctuation.

    ``paragraphs`` are the `paragraph_spans` of ``text``, if known.
    """
    paragraphs = paragraph_spans(text) if paragraphs is None else paragraphs
    headings = set()
    for n, (s, e) in enumerate(paragraphs):
        line = text[s:e].strip()
        if not line.endswith(SENTENCE_END) and len(line.split()) <= HEADING_MAX_WORDS:
            headings.add(n)
    return frozenset(headings)


@dataclass(frozen=True)
class Layout:
    """Where an article's paragraphs, headings, furniture lines and sentences are."""

    paragraphs: tuple[tuple[int, int], ...]  # character spans, in text order
    headings: frozenset[int]  # indexes into ``paragraphs``
    furniture: tuple[tuple[int, int], ...]  # character spans of the furniture lines
    sentence_starts: tuple[int, ...]  # token index of each sentence's first token
    text: str = field(repr=False, compare=False)  # the Doc's text: Doc.text builds it anew from the tokens each time
    paragraph_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "paragraph_starts", tuple(s for s, _ in self.paragraphs))

    def paragraph_of(self, char: int) -> int:
        """The index of the paragraph holding the character ``char`` (0 before the first one)."""
        return max(bisect.bisect_right(self.paragraph_starts, char) - 1, 0)

    def sentence_of(self, token: int) -> int:
        """The index of the sentence holding the token ``token``."""
        return max(bisect.bisect_right(self.sentence_starts, token) - 1, 0)

    def in_furniture(self, char: int) -> bool:
        """Whether the character ``char`` is on a furniture line."""
        return any(s <= char < e for s, e in self.furniture)


def sentence_starts(doc: Doc) -> tuple[int, ...]:
    """The token index of each sentence's first token, as ``doc.sents`` gives them.

    Read as one column of the parse: walking ``doc.sents`` makes a Python
    object of every token, which on a long article costs more than the rest
    of the layout.
    """
    from spacy.attrs import SENT_START

    if not len(doc):
        return ()
    marks = doc.to_array([SENT_START]).reshape(-1)
    return (0, *(int(i) for i in (marks[1:] == 1).nonzero()[0] + 1))


def _split_long(doc: Doc, text: str, paragraphs: list[tuple[int, int]], starts: tuple[int, ...]) -> list[tuple[int, int]]:
    """``paragraphs`` with each one of more than `LONG_PARAGRAPH` sentences cut into parts of
    `PART_SENTENCES`, at sentence starts outside double quotation marks (``text``: the Doc's text).

    A text with no line breaks (a CSV or JSON field, a page scraped into one string) is one
    "paragraph": what is near a quote would be the whole article, and its first line would be
    the whole of it too.
    """
    out = []
    chars = [doc[i].idx for i in starts]
    for s, e in paragraphs:
        lo, hi = bisect.bisect_left(chars, s), bisect.bisect_left(chars, e)
        if hi - lo <= LONG_PARAGRAPH:
            out.append((s, e))
            continue
        begin, count, straight, curly = s, 0, 0, 0
        previous = s
        for c in chars[lo + 1:hi]:
            # The marks of the sentence just passed, counted once: a long line is read in one pass.
            sentence = text[previous:c]
            straight += sentence.count('"')
            curly += sentence.count("“") - sentence.count("”")
            previous, count = c, count + 1
            if count >= PART_SENTENCES and not straight % 2 and curly <= 0:
                out.append((begin, c))
                begin, count = c, 0
        out.append((begin, e))
    return out


def layout_of(doc: Doc, text: str | None = None) -> Layout:
    """The layout of a parsed article (reads its ``text``, default ``doc.text``, and the parse's sentence starts).

    A caller that holds the text it parsed passes it: the Doc rebuilds its text from the tokens on each access.
    """
    text = doc.text if text is None else text
    starts = sentence_starts(doc)
    paragraphs = _split_long(doc, text, paragraph_spans(text), starts)
    return Layout(
        paragraphs=tuple(paragraphs),
        headings=heading_paragraphs(text, paragraphs),
        furniture=tuple(furniture_spans(text, paragraphs)),
        sentence_starts=starts,
        text=text,
    )
