"""Speakers named by the layout of a line: list lines and transcripts. A part of
`analytics.quotes.speakers.SpeakerResolver`.

``• Ana Lima, trade minister: "..."`` is Ana Lima's (a bulleted label that is
no name, ``• A cashier, who asked not to be named:``, names no one; a
one-word label is the person of that surname named before, else no
label); in a transcript ``LIMA: "..."`` is the person of that surname,
``A: "..."`` the interviewee, ``Q: "..."`` no one.
"""
from __future__ import annotations

import bisect
import re
from functools import cached_property

from .pronouns import FULL_NAME_WORDS
from .references import line_label, transcript_label

# A transcript's labels for the interviewee's answers.
ANSWER_LABELS = ("A",)


def _addressed(text: str, mention: dict, question: tuple[int, int]) -> bool:
    """Whether a question speaks to the person it names: ``Q: Ana Lima, you heard the minister.``, ``Q: Last word,
    Ms Lima.`` (the name opens the question before a comma, or closes a phrase after one)."""
    before = text[question[0]:mention["start"]].strip()
    after = text[mention["end"]:mention["end"] + 1]
    if not before and after == ",":
        return True
    words = before.split()
    return bool(words) and (before.endswith(",") or len(words) > 1 and words[-2].endswith(",")) and after in (".", "?", ",")


class LineLabels:
    """The line-label steps of the SpeakerResolver (see the module's docstring)."""

    def labelled(self, quote_start: int) -> str | None:
        """The person a list line names before its quotation (``• Berg, union chief: "..."``), "" for a label that is
        not a person's name (``• Halbrook shelf-stacker, who asked not to be named:``), None for a line with no label."""
        label = transcript_label(self.text, quote_start)
        if label:
            return self._transcript_speaker(label, quote_start)
        at, name = line_label(self.text, quote_start, self.cues.titles)
        if at < 0:
            return None
        if not name:
            return ""
        here = bisect.bisect_left(self.mention_starts, at)
        for m in self.mentions[here: here + 1]:
            if m["start"] < at + len(name) and self.kind(m["actor"]) == "person":
                return m["actor"]
        if len(name.split()) < FULL_NAME_WORDS:
            # "• Mireaux:" after "• Bastien Mireaux, ...:"; but "Reuters:", "Update:" name no one.
            earlier = [a for _, a, _ in self.history] + [m["actor"] for m in self.mentions if m["start"] < at]
            return next((a for a in reversed(earlier) if a and a.split()[-1] == name and self.kind(a) == "person"), None)
        return name if self._named_person(name) else ""

    def _transcript_speaker(self, label: str, at: int) -> str:
        """Who a transcript's label names: ``RUZICKA:`` the person of that surname, ``A:`` the interviewee (the
        person a label named last, else the first person the article names), ``Q:`` and the rest no one."""
        persons = [m for m in self.mentions if m["start"] < at and self.kind(m["actor"]) == "person"
                   and not self.text[self.text.rfind("\n", 0, m["start"]) + 1:].startswith("By ")]  # not the byline
        if label in ANSWER_LABELS:
            asked = self._question_before(at)
            addressed = next((m["actor"] for m in persons if asked and asked[0] <= m["start"] < asked[1]
                              and _addressed(self.text, m, asked)), "")
            self._interviewee = addressed or self._interviewee
            if self._interviewee:
                return self._interviewee
            # The person the introduction names last, before the questions begin.
            first = self._first_question
            before = [m["actor"] for m in persons if first is None or m["start"] < first]
            return before[-1] if before else ""
        persons = [m["actor"] for m in persons]
        for actor in reversed(persons):
            if actor.split()[-1].upper() == label.split()[-1]:
                self._interviewee = actor
                return actor
        return ""

    def _question_before(self, at: int) -> tuple[int, int] | None:
        """The span of the words of the question line right before the answer at ``at``, or None."""
        n = self.layout.paragraph_of(at)
        if n == 0:
            return None
        start, end = self.layout.paragraphs[n - 1]
        head = re.match(r"\s*([A-Za-z]+):", self.text[start:end])
        if head is None or head.group(1).lower() not in self.cues.question_labels:
            return None
        return start + head.end(), end

    @cached_property
    def _first_question(self) -> int | None:
        """Where the transcript's first question line starts, or None."""
        for start, end in self.layout.paragraphs:
            head = re.match(r"\s*([A-Za-z]+):", self.text[start:end])
            if head is not None and head.group(1).lower() in self.cues.question_labels:
                return start
        return None

    def _named_person(self, name: str) -> bool:
        """Whether ``name`` (a list line's label) is a person's, not an organisation's or a role's."""
        last = name.split()[-1].lower()
        return not (last in self.cues.group_nouns or last in self.cues.institution_nouns
                    or last in self.cues.speaker_nouns or any(m["actor"] == name and self.kind(name) != "person"
                                                              for m in self.mentions))
