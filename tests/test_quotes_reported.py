"""Reported speech (`analytics.quotes.reported`): the cues of a parsed sentence and what each one reports."""
from __future__ import annotations

import pytest

from analytics.lexicons import load_reporting_cues
from analytics.quotes.marks import quotation_spans
from analytics.quotes.reported import attribution, is_reporting_verb, reported_speech


def reports(nlp, text):
    doc = nlp(text)
    return [(r["cue"], text[r["start"]:r["end"]]) for r in reported_speech(doc, load_reporting_cues(), quotation_spans(text))]


def test_a_that_clause_is_the_content_of_its_cue(nlp):
    assert reports(nlp, "The minister warned that the talks would fail.") == [("warned", "the talks would fail")]


def test_an_object_verb_reports_its_prepositional_object(nlp):
    # What was called for, without the cue's preposition (as the gold texts give it).
    assert reports(nlp, "The union called for a general strike.") == [("called for", "a general strike")]


def test_what_qualifies_the_thing_called_for_is_part_of_it_but_not_where_or_when_it_was_said(nlp):
    # The parser hangs "before any wider change" on the verb; it still qualifies the trial called for.
    found = reports(nlp, "The parents' forum called for a trial in three schools before any wider change.")
    assert found == [("called for", "a trial in three schools before any wider change")]
    assert reports(nlp, "The union called for a national ballot on Monday.") == [("called for", "a national ballot")]


def test_what_a_cue_names_an_object_as_is_reported_with_the_object(nlp):
    found = reports(nlp, "The coach welcomed the ruling as the fairest outcome anyone could hope for.")
    assert found == [("welcomed", "the ruling as the fairest outcome anyone could hope for")]


def test_an_infinitive_with_its_own_subject_after_for_is_what_was_called_for(nlp):
    found = reports(nlp, "The tenants' group has called for the council to freeze rents until the spring.")
    assert [text for _, text in found] == ["the council to freeze rents until the spring"]


def test_who_is_pressed_to_act_is_part_of_what_was_said(nlp):
    found = reports(nlp, "Growers have pressed the ministry to lift the export ban before the harvest.")
    assert [text for _, text in found] == ["the ministry to lift the export ban before the harvest"]


def test_a_statement_noun_after_a_statement_verb_reports_its_words(nlp):
    found = reports(nlp, "The bishop repeated the church's objection to the new casino licence.")
    assert [text for _, text in found] == ["the church's objection to the new casino licence"]
    found = reports(nlp, "Shareholders voiced concern over the size of the merger fee.")
    assert [text for _, text in found] == ["concern over the size of the merger fee"]


def test_announced_this_reports_the_sentence_before(nlp):
    found = reports(nlp, "The port will close on Monday. The mayor announced this on Friday.")
    assert found == [("announced", "The port will close on Monday")]


def test_according_to_reports_the_rest_of_the_sentence(nlp):
    found = reports(nlp, "According to the ministry, exports fell by a third.")
    assert found == [("According to", "exports fell by a third")]


def test_a_question_reports_no_statement(nlp):
    assert reports(nlp, "Reporters asked whether the deal would hold.") == []


def test_reporting_verbs_are_the_verbs_of_the_cue_lists(nlp):
    doc = nlp("She said the plan was good and walked out.")
    cues = load_reporting_cues()
    assert [t.text for t in doc if is_reporting_verb(t, cues)] == ["said"]


def test_the_cue_of_a_direct_quote_is_the_nearest_reporting_verb_around_it(nlp):
    text = "“We will not yield,” the minister said on Tuesday."
    doc = nlp(text)
    marks = quotation_spans(text)
    found = attribution(doc, *marks[0], marks, load_reporting_cues(), text)
    assert found is not None and found["cue"] == "said"


def test_ruling_or_deciding_on_something_is_no_reported_speech(nlp, registry):
    from analytics.corpus import Article
    from analytics.parse import parse_texts
    from analytics.pipeline import analyse_doc

    text = "The competition authority will rule next month on the merger of Freshway and Dalton Foods.\n"
    doc = parse_texts(nlp, [text])[0]
    assert analyse_doc(doc, Article("t", text), registry)["quotes"] == []


# --- What one cue reports, and where another attribution begins ---------------------------

def test_a_second_that_clause_of_the_same_cue_is_part_of_what_it_reports(nlp):
    found = reports(nlp, "The mayor stressed that the city was keen to host the games, but that for the bid to be credible, "
                         "the stadium must be finished first.")
    assert found == [("stressed", "the city was keen to host the games, but that for the bid to be credible, "
                                  "the stadium must be finished first")]


def test_a_that_clause_after_the_addressee_is_what_was_said(nlp):
    found = reports(nlp, "The minister told a packed briefing that exports remained the engine of growth but that "
                         "the new tariffs had to be paid for by others.")
    assert found == [("told", "exports remained the engine of growth but that the new tariffs had to be paid for by others")]


def test_before_adding_that_starts_an_attribution_of_its_own(nlp):
    found = reports(nlp, "Ines Moreau told the council that the library would stay open before adding that its hours would be cut.")
    assert found == [("told", "the library would stay open"), ("adding", "its hours would be cut")]


@pytest.mark.parametrize("text", [
    "Good morning. Here is what happened, who said what, and what comes next.",
    "Nobody is proposing fewer buses, only fewer cars.",
    "The city’s promised “green corridor” is the other unknown.",
    "The council had done something new: it had written a date next to the word closure.",
])
def test_no_statement_is_reported(nlp, text):
    assert reports(nlp, text) == []


def test_a_clause_the_narrator_sets_against_what_was_said_is_left_out(nlp):
    found = reports(nlp, "Mayor Jo Park said Sunday that the depot would reopen, even as the union poured cold water on the plan.")
    assert found == [("said", "the depot would reopen")]


def test_a_question_reports_nothing_it_asks_about(nlp):
    assert reports(nlp, "Why should anyone believe the ferry will run on time?") == []


def test_a_partial_quote_the_parse_cut_after_its_opening_mark_is_kept_whole(nlp):
    found = reports(nlp, 'The minister said she would not reopen talks "while a gun is pointed at patients", but added that her door "is not locked".')
    assert ("said", 'she would not reopen talks "while a gun is pointed at patients"') in found


def test_a_relative_clause_after_a_quotation_is_the_narrator_s(nlp):
    found = reports(nlp, "Then there is the coalition. Ines Brightwater has spent four days saying she is "
                         "“talking to everyone”, which is what mayors say when they are talking to one bidder.")
    assert found[0] == ("saying", "she is “talking to everyone”")
