"""Hard-wrapped text: line breaks that a mail client, a PDF export or a wire feed put inside paragraphs.

An article wrapped at 70 columns has a line break every few words, in the middle of sentences and of
quotations; read as written, every line would be a paragraph (analytics/layout.py), a quotation would
be cut at each break and its speaker looked for in the wrong place. `unwrap` reads such breaks as the
spaces they stand for, one character for one, so every offset into the text stays true.
"""
from __future__ import annotations

import re
import unicodedata

from .layout import SENTENCE_END

# Hard wraps are made at 60-80 columns: a text with a longer line keeps a paragraph to a line.
WRAP_MAX = 100
# A line broken by the wrap fills most of the width; one this much shorter ended a paragraph.
FULL_LINE = 0.6
# Fewer full lines than this, or than half the line breaks, is a text of short lines, not a wrapped one.
MIN_WRAPPED = 3
WRAPPED_SHARE = 0.5
# Of the full lines of a wrapped text, at least this share end in mid-sentence.
MID_SENTENCE = 0.5
# A line that starts an item of its own: a bullet, a number, a transcript's speaker label.
_ITEM_RE = re.compile(r"^\s*(?:[-•*–—·▪]\s|\d{1,3}[.)]\s|[QA]:|[A-Z][A-Z .'-]{1,40}:|(?:[A-Z][a-z.'-]+ ){0,2}[A-Z][a-z.'-]+:\s)")


def unwrap(text: str) -> tuple[str, int]:
    """``text`` with the line breaks of its hard wrapping read as spaces, and how many were (0 when the
    text is not hard-wrapped: then it comes back unchanged)."""
    lines = text.split("\n")
    lengths = [len(line.rstrip()) for line in lines]
    width = max(lengths, default=0)
    if width == 0 or width > WRAP_MAX:
        return text, 0
    breaks = [i for i in range(len(lines) - 1) if lengths[i] and lines[i + 1].strip()]
    full = [i for i in breaks if lengths[i] >= FULL_LINE * width and not _ITEM_RE.match(lines[i + 1])]
    # A wrap breaks lines in mid-sentence; a text of short paragraphs, one to a line, ends its lines with one.
    broken = [i for i in full if not _ends_sentence(lines[i])]
    if len(full) < MIN_WRAPPED or len(full) < WRAPPED_SHARE * len(breaks) or len(broken) < MID_SENTENCE * len(full):
        return text, 0
    joined = set(full)
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i < len(lines) - 1:
            out.append(" " if i in joined else "\n")
    return "".join(out), len(joined)


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence, past the closing quotation marks after it (any style: Unicode's
    final punctuation, and the straight marks)."""
    core = line.rstrip()
    while core and (core[-1] in "\"'" or unicodedata.category(core[-1]) == "Pf"):
        core = core[:-1]
    return core.endswith(SENTENCE_END)
