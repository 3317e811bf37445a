"""extract_quotes: the direct quotes and reported speech of one parsed article, with their speakers.

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
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..actors import Registry
from ..layout import Layout
from ..lexicons import ReportingCues, load_reporting_cues
from .lines import answer_spans, bullet_statement_spans
from .marks import CLOSING_MARKS, DOUBLE_MARKS, in_any, is_speech, near, quotation_spans, trim
from .reported import MARK_SLACK, attribution, reported_speech
from .speakers import SpeakerResolver, lead_in_subject

QUOTE_COLUMNS = [
    "quote_id", "article_id", "kind", "text", "speaker", "speaker_text", "cue",
    "start", "end", "sentence", "paragraph",
]

# A reported clause is a direct quote when a quotation starts within
# MARK_SLACK characters of it and covers at least this share of it:
# ``added that “...”``, not ``said Ridgeway “values ...”``.
WHOLE_QUOTE_SHARE = 0.8
# How far (characters) after a report a quotation may open and carry its sentence on: ``, "``.
CARRIED_ON_CHARS = 3
# A quotation without a cue continues the speaker of the quote before it up to
# this many paragraphs on: ``"A," he said.`` then ``"B."`` on the next line.
CONTINUED_PARAGRAPHS = 1
# ... and failing that, is said by the person who spoke last, up to this many paragraphs on.
RUNNING_SPEAKER_PARAGRAPHS = 2


def extract_quotes(
    doc: Doc, mentions: list[dict], entities: tuple[Span, ...], registry: Registry, article_id: str, layout: Layout,
    cues: ReportingCues | None = None,
) -> list[dict]:
    """Direct quotes and reported speech of one parsed article, in text order.

    Reads the parse of ``doc``, its ``layout``, the article's ``mentions``
    and ``entities`` (both as `analytics.mentions.extract_mentions` returns
    them), the ``registry`` and the reporting ``cues`` (default
    data/reporting.yml). Returns one dict per quote with the
    keys of QUOTE_COLUMNS: ``kind`` is ``direct`` or ``indirect``; ``text ==
    doc.text[start:end]`` (direct quotes without their marks, reported speech
    without ``that``); ``speaker`` is the actor's canonical name as in the
    mentions (an institution by its name), or "" where the text names no
    speaker; ``speaker_text`` the words as written; ``cue`` the reporting
    verb or phrase ("" if none).
    """
    cues = cues or load_reporting_cues()
    text = layout.text
    quotations = quotation_spans(text, layout.paragraphs)
    headings = _quote_headings(text, layout, quotations)
    marks = [trim(text, s, e) for s, e in quotations]
    lined = _line_quotes(doc, text, layout, mentions, cues)
    line_spans = [(q["start"], q["end"]) for q in lined]
    speech = [(s, e) for s, e in marks if is_speech(doc, s, e) and not in_any(s, e, line_spans)]
    speech = sorted(speech + line_spans)  # a transcript's answer holds its words as a quotation does
    reports = _outer_reports(doc, cues, quotations, speech, headings, layout)
    reports = _ending_with_quotations(reports, sorted(set(speech + marks)), text)
    quotes, absorbed = _quotes_of_reports(reports, speech)
    quotes += lined
    quotes += _direct_quotes(doc, speech, absorbed | set(line_spans), headings, layout, cues, text)
    quotes.sort(key=lambda q: q["start"])
    resolver = SpeakerResolver(doc, mentions, entities, registry, cues, layout)
    resolver.quoted = speech  # quotations of speech, not scare quotes
    rows = _attributed_rows(doc, quotes, resolver, layout, article_id, text)
    for n, row in enumerate(rows, start=1):
        row["quote_id"] = f"{article_id}-q{n:03d}"
    return [{k: row[k] for k in QUOTE_COLUMNS} for row in rows]


def _quote_headings(text: str, layout: Layout, quotations: list[tuple[int, int]]) -> set[int]:
    """The paragraphs whose quotes are left out: headings, which repeat what the body reports.

    The gold guidelines leave their attributions out. A heading line of the
    layout that holds a double quotation mark, or ends with any closing mark,
    is a quotation's line, not a heading.
    """
    closing = tuple(CLOSING_MARKS)
    headings = set()
    lowered = text.lower()
    for n in layout.headings:
        s, e = layout.paragraphs[n]
        line = text[s:e].strip()
        if not line.endswith(closing) and not any(mark in line for mark in DOUBLE_MARKS) or _repeated_below(lowered, s, e, quotations):
            headings.add(n)
    return headings


def _repeated_below(lowered: str, start: int, end: int, quotations: list[tuple[int, int]]) -> bool:
    """Whether every quotation on the line ``start:end`` of the (lowercased) text is said again further down
    (``11:20 — ‘A poster on a wall’`` above ``"... is a poster on a wall," said ...``): the line is a heading
    that repeats the body."""
    on_line = [lowered[s:e].strip(" ,.;:!?") for s, e in near(quotations, start, end) if start <= s < end]
    return bool(on_line) and all(words and lowered.find(words, end) >= 0 for words in on_line)


def _line_quotes(doc: Doc, text: str, layout: Layout, mentions: list[dict], cues: ReportingCues) -> list[dict]:
    """The quotes the layout of their line makes: a transcript's answers (direct) and the statements of
    bulleted lines a name labels (indirect, without the full stop), each with the label as its speaker."""
    quotes = [{"kind": "direct", "start": s, "end": e, "source": None, "label": True}
              for s, e in answer_spans(text, layout, cues.question_labels)]
    for s, e in bullet_statement_spans(doc, text, layout, mentions, cues.titles):
        if text[e - 1] == ".":
            e -= 1
        quotes.append({"kind": "indirect", "start": s, "end": e, "source": None, "label": True})
    return quotes


def _outer_reports(doc: Doc, cues: ReportingCues, quotations, speech, headings: set[int], layout: Layout) -> list[dict]:
    """Reported speech outside headings, without cues inside a quotation (``speech``) or inside another report.

    Sorted by start, the longer of two reports starting together first.
    """
    reported = [r for r in reported_speech(doc, cues, quotations, layout) if layout.paragraph_of(r["start"]) not in headings]
    reported = [r for r in reported if not in_any(r["verb"].idx, r["verb"].idx + 1, near(speech, r["verb"].idx, r["verb"].idx))]
    reported.sort(key=lambda r: (r["start"], -(r["end"] - r["start"])))
    outer = []
    outer_spans: list[tuple[int, int]] = []
    for r in reported:
        verb_at = r["verb"].idx
        if any(s <= verb_at < e for s, e in near(outer_spans, verb_at, verb_at)):
            continue
        outer.append(r)
        outer_spans.append((r["start"], r["end"]))
    return outer


def _ending_with_quotations(reports: list[dict], marks: list[tuple[int, int]], text: str) -> list[dict]:
    """The reports, each that runs into a quotation (``marks``, sorted) ending where the quotation ends.

    A quotation that carries the sentence on right after a report (a comma
    between them, its first word in lowercase: ``remarked that, had X
    stayed, "the talks would have failed"``) is the rest of what the report
    says, however the parser hung it.
    """
    ended = []
    for r in reports:
        end = r["end"]
        for s, e in near(marks, r["start"], r["end"] + CARRIED_ON_CHARS):
            carried_on = end < s and not text[end:s - 1].strip(" ,") and text[s:s + 1].islower()
            if r["start"] <= s < end < e or carried_on:
                end = e + 1 if text[e:e + 1] in CLOSING_MARKS else e
        ended.append({**r, "end": end})
    return ended


def _quotes_of_reports(reports: list[dict], speech) -> tuple[list[dict], set[tuple[int, int]]]:
    """One quote per report, and the quotations (among ``speech``) that the reports took in.

    A report that is a quotation from its first word is a direct quote with
    the report's cue; otherwise an indirect one, which takes in the partial
    quotes inside it.
    """
    quotes: list[dict] = []
    absorbed = set()
    for r in reports:
        covering = [(s, e) for s, e in near(speech, r["start"], r["end"]) if s <= r["end"] and e >= r["start"]]
        whole = [
            (s, e) for s, e in covering
            if s - r["start"] <= MARK_SLACK and (min(e, r["end"]) - max(s, r["start"])) >= WHOLE_QUOTE_SHARE * (r["end"] - r["start"])
        ]
        if whole:
            for s, e in whole:
                absorbed.add((s, e))
                quotes.append({"kind": "direct", "start": s, "end": e, "source": r})
            continue
        for s, e in covering:
            if r["start"] <= s and e <= r["end"] + MARK_SLACK:
                absorbed.add((s, e))
        quotes.append({"kind": "indirect", "start": r["start"], "end": r["end"], "source": r})
    return quotes, absorbed


def _direct_quotes(doc: Doc, speech, absorbed, headings: set[int], layout: Layout, cues: ReportingCues, text: str) -> list[dict]:
    """The quotations no report took in, outside headings, each with the cue around it (or None)."""
    return [
        {"kind": "direct", "start": s, "end": e, "source": attribution(doc, s, e, speech, cues, text)}
        for s, e in speech
        if (s, e) not in absorbed and layout.paragraph_of(s) not in headings
    ]


def _runs_on(layout: Layout, part: dict, rest: dict) -> bool:
    """Whether quotation ``part`` runs to the end of its paragraph and ``rest`` carries it on from the start
    of the next one (after its opening mark)."""
    here = layout.paragraph_of(part["start"])
    if here + 1 >= len(layout.paragraphs) or layout.paragraph_of(rest["start"]) != here + 1:
        return False
    text = layout.text
    return (not text[part["end"]:layout.paragraphs[here][1]].strip()
            and len(text[layout.paragraphs[here + 1][0]:rest["start"]].strip()) == 1)


def _attributed_rows(doc: Doc, quotes: list[dict], resolver: SpeakerResolver, layout: Layout, article_id: str, text: str) -> list[dict]:
    """The rows of ``quotes`` (in text order) with their speakers; a report no one speaks is dropped."""
    rows = []
    previous: dict | None = None
    for q in quotes:
        said = _speaker(doc, q, previous, resolver, layout)
        if said is None:
            continue
        speaker, speaker_text, cue = said
        if speaker:
            anchor = doc.char_span(q["start"], q["end"], alignment_mode="expand")
            resolver.spoke(speaker, anchor.end - 1 if anchor is not None else 0)  # reference reaches from its end
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
            "sentence": layout.sentence_of(sent.start if sent is not None else 0),
            "paragraph": layout.paragraph_of(start),
        }
        rows.append(row)
        previous = row
    # A paragraph of a quotation that runs on into the next (no closing mark, the opening mark repeated) is
    # spoken by whoever speaks the part that follows: the attribution comes at the end ("...," she says).
    for part, rest in reversed(list(zip(rows, rows[1:]))):
        if part["kind"] == rest["kind"] == "direct" and not part["speaker"] and rest["speaker"] and _runs_on(layout, part, rest):
            part.update(speaker=rest["speaker"], speaker_text=rest["speaker_text"], cue=rest["cue"])
    return rows


def _speaker(doc: Doc, q: dict, previous: dict | None, resolver: SpeakerResolver, layout: Layout) -> tuple[str, str, str] | None:
    """(speaker, speaker_text, cue) of the quote ``q``, ``previous`` being the row before; None if no one speaks it."""
    source = q["source"]
    owner = resolver.statement_owner(q["start"]) if q["kind"] == "direct" else None
    if owner is not None:  # "Lima's call for both sides to "stop where they are"": Lima's words, whatever cue is near
        speaker, speaker_text = resolver.resolve(owner)
        return speaker, speaker_text, ""
    if source is not None:
        inner = resolver.inner_subject(source, q["start"], q["end"]) if q["kind"] == "indirect" else None
        subject = inner or source.get("subject") or resolver.subject_of(source["verb"])
        speaker, speaker_text = resolver.resolve(subject)
        if not speaker and q["kind"] == "direct" and (label := resolver.labelled(q["start"])):
            return label, label, ""  # "• Reyes, asked about pay: "..."": the label, not the cue's subject
        if not speaker and not resolver.can_speak(subject):
            if q["kind"] == "indirect":
                return None  # no one speaks: "These past encounters highlight ..."
            return speaker, "", ""
        return speaker, speaker_text, source["cue"]
    if (q["kind"] == "direct" or q.get("label")) and (label := resolver.labelled(q["start"])) is not None:
        # "• Ana Lima, trade minister: "..."": a list line names its speaker; the one before does not carry over.
        span = doc.char_span(q["start"], q["end"], alignment_mode="expand")
        resolver.history.append(("", label, span.start if span is not None else 0))  # "• Lima:" later is this one
        return label, label, ""
    if q["kind"] == "direct" and (lead := lead_in_subject(doc, q["start"], resolver)) is not None:
        # `Minister Ahmed Khan was blunt. "This tariff is ..."`: the person just introduced speaks.
        speaker, speaker_text = resolver.resolve(lead)
        return speaker, speaker_text, ""
    here = layout.paragraph_of(q["start"])
    if previous is not None and here - layout.paragraph_of(previous["start"]) <= CONTINUED_PARAGRAPHS and (
            previous["speaker"] or previous["speaker_text"] and previous["kind"] == "direct"):
        # "A," he said. "B." -- B continues the same speaker's words, named or not ("A," the diplomat said).
        cue = previous["cue"] if q["kind"] == "direct" and previous["kind"] == "direct" else ""
        return previous["speaker"], previous["speaker_text"], cue
    last = resolver.last_speaker
    if last and here - layout.paragraph_of(doc[last[1]].idx if last[1] else 0) <= RUNNING_SPEAKER_PARAGRAPHS:
        return last[0], "", ""
    return "", "", ""
