"""An article's text as HTML, its actor mentions and quotes marked: the Articles page's view of one article.

Everything that comes from the article (its text, actor names, speakers,
quote ids) is ``html.escape``d; the only markup is this module's own tags:

- ``<mark title="ACTOR">`` around each mention;
- ``<span class="quote" id="QUOTE_ID" title="SPEAKER">`` around each quote
  (``class="quote focus"`` for the quote a link pointed at);
- ``<br>`` for each line break.

Quotes hold mentions, so a quote opens before a mention at the same offset.
"""
from __future__ import annotations

import html

import pandas as pd

UNKNOWN_SPEAKER = "unknown speaker"  # a quote's title when the analysis found no speaker


def escape(text) -> str:
    """``text`` (any value; None is empty) made safe for HTML: in elements, attributes and chart labels."""
    return html.escape("" if text is None else str(text), quote=True)


def highlight(text: str, mentions: pd.DataFrame, quotes: pd.DataFrame, focus: str | None = None) -> str:
    """The HTML of ``text`` with ``mentions`` (rows with start, end, actor) and ``quotes`` (rows with
    quote_id, start, end, speaker) marked, the quote whose id is ``focus`` outlined.

    Offsets are character offsets into ``text``, as the analysis tables hold them.
    """
    marks = [(m.start, m.end, "mention", m.actor) for m in mentions.itertuples()]
    marks += [(q.start, q.end, "quote", q.quote_id) for q in quotes.itertuples()]
    speakers = dict(zip(quotes["quote_id"], quotes["speaker"])) if len(quotes) else {}
    # At one offset, closing tags before opening ones; a quote opens before the mentions it holds.
    events = sorted([(s, 1, k, lab) for s, e, k, lab in marks] + [(e, 0, k, lab) for s, e, k, lab in marks],
                    key=lambda ev: (ev[0], ev[1], ev[2] == "mention"))
    parts, pos = [], 0
    for at, opening, kind, label in events:
        parts.append(escape(text[pos:at]))
        pos = at
        if kind == "quote":
            if opening:
                ring = " focus" if label == focus else ""
                who = escape(speakers.get(label) or UNKNOWN_SPEAKER)
                parts.append(f'<span class="quote{ring}" id="{escape(label)}" title="{who}">')
            else:
                parts.append("</span>")
        else:
            parts.append(f'<mark title="{escape(label)}">' if opening else "</mark>")
    parts.append(escape(text[pos:]))
    return "".join(parts).replace("\n", "<br>")
