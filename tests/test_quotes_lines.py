"""Quotes made by the layout of a line (`analytics.quotes.lines`): a transcript's answers, a list's statements."""
from __future__ import annotations

from tests.test_quotes import quotes_of


def test_a_transcript_s_answers_are_direct_quotes_without_quotation_marks(nlp):
    text = ("The fisheries minister takes our questions\n\n"
            "Fisheries Minister Oskar Lindgren, 58, spoke to the Harbour Post on Friday.\n\n"
            "Q: The fleet has been idle for a week. Is the quota too low?\n\n"
            "A: It is the quota the science allows. I think the fleet knows that.\n\n"
            "Q: The union says boats will be sold. Will you compensate the owners?\n\n"
            "A: Not this year.\n")
    rows = quotes_of(nlp, text)
    direct = [q for q in rows if q["kind"] == "direct"]
    assert [q["text"] for q in direct] == ["It is the quota the science allows. I think the fleet knows that.", "Not this year."]
    assert {q["speaker"] for q in direct} == {"Oskar Lindgren"} and {q["cue"] for q in direct} == {""}
    # The questions are no quotes, but speech reported inside one is.
    assert [q["text"] for q in rows if q["kind"] == "indirect"] == ["boats will be sold"]


def test_answers_labelled_with_the_speaker_s_name_are_that_person_s(nlp):
    text = ("Governor Ruth Amadi and Senator Colm Pryor took questions after the flood hearing.\n\n"
            "Q: Will the levees be rebuilt this year?\n\n"
            "AMADI: The money is there. We start in March.\n\n"
            "PRYOR: The money is there only if the state matches it.\n")
    rows = [q for q in quotes_of(nlp, text) if q["kind"] == "direct"]
    assert [(q["speaker"], q["text"]) for q in rows] == [
        ("Ruth Amadi", "The money is there. We start in March."),
        ("Colm Pryor", "The money is there only if the state matches it."),
    ]


def test_a_labelled_line_outside_a_transcript_is_no_quote(nlp):
    text = ("PORT ELLIS: The harbour authority closed the northern quay on Monday after a crane collapsed.\n\n"
            "UPDATE: The quay reopened on Tuesday.\n")
    assert [q for q in quotes_of(nlp, text) if q["kind"] == "direct"] == []


def test_a_bulleted_name_and_a_colon_report_what_that_person_said(nlp):
    text = ("Lucia Marchetti, the transport commissioner, and the rail operator met on Monday.\n\n"
            "WHAT THEY SAID\n\n"
            "• Marchetti: the new timetable will start in June.\n"
            "• Deadline: the end of the month.\n"
            "• Ticket prices: a freeze until the spring.\n")
    rows = quotes_of(nlp, text)
    assert [(q["kind"], q["speaker"], q["text"]) for q in rows] == [
        ("indirect", "Lucia Marchetti", "the new timetable will start in June"),
    ]


def test_an_answer_is_said_by_the_person_the_question_speaks_to(nlp):
    text = ("Wendell Ashby, the harbourmaster, and Gemma Tarrant, who speaks for the fishermen, faced the town.\n\n"
            "Q: Wendell Ashby, will the fishing fleet keep its berths?\n\n"
            "A: Every boat keeps its berth. That was the promise.\n\n"
            "Q: Last word, Ms Tarrant. Do you believe him?\n\n"
            "A: I will believe it when I see the lease.\n\n"
            "Q: And the rents?\n\n"
            "A: They will double.\n")
    rows = [q for q in quotes_of(nlp, text) if q["kind"] == "direct"]
    assert [q["speaker"] for q in rows] == ["Wendell Ashby", "Gemma Tarrant", "Gemma Tarrant"]


def test_without_a_label_naming_them_the_interviewee_is_the_person_the_introduction_names_last(nlp):
    text = ("Developer Oswin Hale and the Fishermen's Guild have fought over the marina for a year.\n\n"
            "Guild chair Imelda Rourke spoke to the Coastal Times on Friday.\n\n"
            "Q: Is the marina dead?\n\n"
            "A: Not dead. Asleep.\n")
    rows = [q for q in quotes_of(nlp, text) if q["kind"] == "direct"]
    assert [(q["speaker"], q["text"]) for q in rows] == [("Imelda Rourke", "Not dead. Asleep.")]


def test_a_host_labelled_by_name_asks_and_the_guests_answer(nlp):
    text = ("Dr Petra Lund and the port's owner, Anders Voss, debated the new terminal on the radio.\n\n"
            "HOLM: Mr Voss, why should anyone believe you will cut the fees now?\n\n"
            "VOSS: Because the new cranes halve our costs. I think the savings will be passed on.\n\n"
            "HOLM: Dr Lund, do you accept that?\n\n"
            "LUND: No. The fees rose every year the cranes were promised.\n\n"
            "HOLM: The council says the terminal is a done deal.\n\n"
            "LUND: It is not done until the vote.\n")
    rows = quotes_of(nlp, text)
    assert [(q["kind"], q["speaker"], q["text"][:20]) for q in rows] == [
        ("direct", "Anders Voss", "Because the new cran"),
        ("direct", "Petra Lund", "No. The fees rose ev"),
        ("indirect", "", "the terminal is a do"),
        ("direct", "Petra Lund", "It is not done until"),
    ]
