"""An article's text as HTML, its actor mentions and quotes marked: the Articles page's view of one article.

Everything that comes from the article (its text, actor names, speakers,
quote ids) is ``html.escape``d; the only markup is this module's own tags:

- ``<mark title="ACTOR">`` around each mention;
- ``<span class="quote" id="QUOTE_ID" title="SPEAKER">`` around each quote
  (``class="quote focus"`` for the quote a link pointed at);
- ``<br>`` for each line break.

Quotes hold mentions, so a quote opens before a mention at the same offset
and closes after one that ends with it.
"""
from __future__ import annotations

import html
from typing import NamedTuple

import pandas as pd

UNKNOWN_SPEAKER = "unknown speaker"  # a quote's title when the analysis found no speaker


def escape(text) -> str:
    """``text`` (any value; None is empty) made safe for HTML: in elements, attributes and chart labels."""
    return html.escape("" if text is None else str(text), quote=True)


class _Mark(NamedTuple):
    start: int
    end: int
    kind: str  # "mention" or "quote"
    label: str  # the actor, or the quote id
    speaker: str | None  # a quote's


def highlight(text: str, mentions: pd.DataFrame, quotes: pd.DataFrame, focus: str | None = None) -> str:
    """The HTML of ``text`` with ``mentions`` (rows with start, end, actor) and ``quotes`` (rows with
    quote_id, start, end, speaker) marked, the quote whose id is ``focus`` outlined.

    Offsets are character offsets into ``text``, as the analysis tables hold
    them. The tags always nest: a mark that crosses another's end is closed
    there and opened again after it, so each span shows whole.
    """
    marks = [_Mark(m.start, m.end, "mention", m.actor, None) for m in mentions.itertuples()]
    marks += [_Mark(q.start, q.end, "quote", q.quote_id, q.speaker) for q in quotes.itertuples()]
    marks = [m for m in marks if m.end > m.start]
    # At one offset, closing tags before opening ones; the longer mark opens first (a quote before the
    # mentions it holds) and the later-opened closes first, so nested marks need no reopening.
    events = sorted([(m.start, 1, -m.end, m.kind == "mention", i) for i, m in enumerate(marks)]
                    + [(m.end, 0, -m.start, m.kind == "quote", i) for i, m in enumerate(marks)])
    parts, pos, opened = [], 0, []  # opened: the marks open at pos, outermost first
    for at, opening, _, _, i in events:
        parts.append(escape(text[pos:at]))
        pos = at
        if opening:
            parts.append(_open_tag(marks[i], focus))
            opened.append(i)
            continue
        inner = opened[opened.index(i) + 1:]  # marks opened inside this one that end after it
        parts += [_close_tag(marks[j]) for j in reversed(inner)] + [_close_tag(marks[i])]
        parts += [_open_tag(marks[j], focus) for j in inner]
        opened.remove(i)
    parts.append(escape(text[pos:]))
    return "".join(parts).replace("\n", "<br>")


def _open_tag(mark: _Mark, focus: str | None) -> str:
    if mark.kind == "mention":
        return f'<mark title="{escape(mark.label)}">'
    ring = " focus" if mark.label == focus else ""
    who = UNKNOWN_SPEAKER if pd.isna(mark.speaker) or mark.speaker == "" else mark.speaker
    return f'<span class="quote{ring}" id="{escape(mark.label)}" title="{escape(who)}">'


def _close_tag(mark: _Mark) -> str:
    return "</mark>" if mark.kind == "mention" else "</span>"
