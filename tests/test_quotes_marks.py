"""Quotation marks (`analytics.quotes.marks`): the table of marks, the quotations they enclose, the spans kept whole."""
from __future__ import annotations

import pytest

from analytics.quotes.marks import (
    ALL_MARKS, CLOSING_MARKS, DOUBLE_MARKS, MARKS, OPENING_MARKS, keep_marks_whole, near, quotation_spans, trim,
)


# --- Quotation marks ---------------------------------------------------------

@pytest.mark.parametrize("text, inner", [
    ('He said: “We will not yield.”', "We will not yield."),
    ('He said: "We will not yield."', "We will not yield."),
    ("He said: «We will not yield.»", "We will not yield."),
    ("He said: „We will not yield.“", "We will not yield."),
    ("He said: ‘We will not yield.’", "We will not yield."),
    ("He said: 'We will not yield.'", "We will not yield."),
])
def test_every_quotation_mark_style(text, inner):
    assert [text[s:e] for s, e in quotation_spans(text)] == [inner]


def test_apostrophes_are_not_quotation_marks():
    text = "The union's leaders didn't agree, and the workers' vote is due."
    assert quotation_spans(text) == []


def test_nested_quotes_stay_inside_their_outer_quote():
    text = "“He told me ‘never again’ and left,” she said."
    assert [text[s:e] for s, e in quotation_spans(text)] == ["He told me ‘never again’ and left,"]


def test_a_quotation_over_several_paragraphs_is_one_quote_per_paragraph():
    # The opening mark repeated at each paragraph, no closing mark before the last: each paragraph's words.
    text = "Lima said in a statement:\n“We have done everything we could.\n“We will keep fighting for our workers.”\nThe company declined to comment."
    assert [text[s:e] for s, e in quotation_spans(text)] == ["We have done everything we could.", "We will keep fighting for our workers."]


def test_an_unclosed_mark_spoils_only_its_own_paragraph():
    text = "He said “this never closes.\nLater: “This one is fine,” she said.\n“And so is this one.”"
    assert [text[s:e] for s, e in quotation_spans(text)] == ["This one is fine,", "And so is this one."]



# --- The table of marks --------------------------------------------------------

@pytest.mark.parametrize("opener, closer", [(m.opener, c) for m in MARKS for c in m.closers])
def test_every_mark_of_the_table_opens_a_quotation_its_closers_close(opener, closer):
    text = f"She said: {opener}We will not yield.{closer} Then she left."
    assert [text[s:e] for s, e in quotation_spans(text)] == ["We will not yield."]


def test_every_set_of_marks_comes_from_the_table():
    assert OPENING_MARKS == {m.opener for m in MARKS}
    assert CLOSING_MARKS == {c for m in MARKS for c in m.closers}
    assert ALL_MARKS == OPENING_MARKS | CLOSING_MARKS
    assert {"‹", "›"} <= ALL_MARKS  # the single guillemets are marks like the others
    assert DOUBLE_MARKS == set("“”„«»\"")  # single marks may be apostrophes: a line with one need not hold a quotation


@pytest.mark.parametrize("text, inner", [
    ("Il a dit : «Je lui ai dit ‹jamais› et je suis parti.» Fin.", "Je lui ai dit ‹jamais› et je suis parti."),
    ("Er sagte: „Ich habe ‚nie wieder‘ gesagt.“ Ende.", "Ich habe ‚nie wieder‘ gesagt."),
])
def test_single_marks_nest_inside_double_ones_in_every_style(text, inner):
    assert [text[s:e] for s, e in quotation_spans(text)] == [inner]


def test_a_straight_mark_after_a_letter_does_not_open_a_quotation():
    text = 'The 12" screen and the workers\' vote: he said "it is fine".'
    assert [text[s:e] for s, e in quotation_spans(text)] == ["it is fine"]


# --- Spans ---------------------------------------------------------------------

def test_trim_drops_white_space_at_the_edges():
    assert trim("  We will.  ", 0, 12) == (2, 10)


def test_near_gives_the_spans_that_can_hold_a_position():
    spans = [(0, 10), (100, 120), (9000, 9010)]
    assert near(spans, 110, 110) == [(0, 10), (100, 120)]
    assert near(spans, 110, 110, reach=50) == [(100, 120)]


def test_a_span_keeps_both_marks_of_a_quotation_at_its_edge():
    text = 'He called it "a fragile truce" today.'
    inner = quotation_spans(text)
    start = text.index("it")
    assert text[slice(*keep_marks_whole(text, start, text.index("truce") + len("truce"), inner))] == 'it "a fragile truce"'


# --- Which quoted words are speech ------------------------------------------------

def _speech(nlp, text):
    from analytics.quotes.marks import is_speech

    doc = nlp(text)
    return [text[s:e] for s, e in quotation_spans(text) if is_speech(doc, *trim(text, s, e))]


@pytest.mark.parametrize("text, said", [
    ("Asked whether she would stand again, the mayor replied: “Never.”", ["Never."]),
    ('The referee was asked about the penalty. He shrugged. "No."', ["No."]),
    ("Would the club sell its striker? The chairman said: “Not a chance!”", ["Not a chance!"]),
])
def test_a_short_quote_that_is_a_sentence_of_its_own_is_speech(nlp, text, said):
    assert _speech(nlp, text) == said


def test_a_short_quoted_name_inside_a_sentence_is_not_speech(nlp):
    assert _speech(nlp, "Engineers shelved the project, “Bluebird.” after the tests failed.") == []
    assert _speech(nlp, "The ferry service, known as “Sealink,” resumed on Monday.") == []
