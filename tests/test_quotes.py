"""Direct quotes and reported speech with their speakers, on texts of several topics and styles."""
from __future__ import annotations

import pytest

from analytics.actors import Registry, parse_registry
from analytics.corpus import Article
from analytics.quotes import extract_quotes, quotation_spans
from analytics.pipeline import analyse_doc, discover_registry, parse_texts


def quotes_of(nlp, text, registry=None):
    """The quotes of one article, through the same steps as a build."""
    doc = parse_texts(nlp, [text])[0]
    reg = discover_registry([doc], registry or Registry())
    rows = analyse_doc(doc, Article("t", text), reg)["quotes"]
    for q in rows:
        assert text[q["start"]:q["end"]] == q["text"]
    return rows


def only(rows, kind=None):
    return [q for q in rows if kind is None or q["kind"] == kind]


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


def test_a_quotation_over_several_paragraphs_is_one_quote():
    text = "Lima said in a statement:\n“We have done everything we could.\n“We will keep fighting for our workers.”\nThe company declined to comment."
    spans = quotation_spans(text)
    assert len(spans) == 1
    assert text[spans[0][0]:spans[0][1]].startswith("We have done") and text[spans[0][0]:spans[0][1]].endswith("workers.")


def test_an_unclosed_mark_spoils_only_its_own_paragraph():
    text = "He said “this never closes.\nLater: “This one is fine,” she said.\n“And so is this one.”"
    assert [text[s:e] for s, e in quotation_spans(text)] == ["This one is fine,", "And so is this one."]


# --- Direct quotes and their speakers -------------------------------------------

def test_quote_split_by_its_attribution_gives_two_quotes_with_one_speaker(nlp):
    text = '"We will not back down," union president Maria Gonzalez said on Tuesday. "The strike continues until the company pays."'
    rows = only(quotes_of(nlp, text), "direct")
    assert [q["text"] for q in rows] == ["We will not back down,", "The strike continues until the company pays."]
    assert {q["speaker"] for q in rows} == {"Maria Gonzalez"}
    assert rows[0]["cue"] == "said"


def test_british_colon_style_with_a_role_resolved_from_the_article(nlp):
    text = ("Chancellor Rachel Reeves presented the budget in London on Wednesday.\n"
            "The chancellor said: “Growth will return next year, and we will be ready for it.”")
    rows = only(quotes_of(nlp, text), "direct")
    assert len(rows) == 1 and rows[0]["speaker"] == "Rachel Reeves"


def test_scare_quotes_and_quoted_titles_are_not_quotes(nlp):
    text = "The so-called “peace plan” was discussed at the “Future of Europe” forum, where ministers met."
    assert quotes_of(nlp, text) == []


def test_partial_quote_inside_reported_speech_belongs_to_it(nlp):
    text = "Farm leader Jean Dupont warned that the trade deal would “destroy” thousands of jobs in the region."
    rows = quotes_of(nlp, text)
    assert len(rows) == 1 and rows[0]["kind"] == "indirect"
    assert "“destroy”" in rows[0]["text"] and rows[0]["speaker"] == "Jean Dupont"


def test_a_quoted_whole_clause_after_that_is_a_direct_quote(nlp):
    text = "Coach Ange Postecoglou added that “the players gave everything they had tonight.”"
    rows = quotes_of(nlp, text)
    assert [(q["kind"], q["speaker"]) for q in rows] == [("direct", "Ange Postecoglou")]


# --- Reported speech -----------------------------------------------------------

def test_reported_speech_with_that_clause_and_title_before_name(nlp):
    text = "Israeli Prime Minister Benjamin Netanyahu said that the hostages would be released within days."
    rows = quotes_of(nlp, text)
    assert len(rows) == 1
    q = rows[0]
    assert q["kind"] == "indirect" and q["speaker"] == "Benjamin Netanyahu" and q["cue"] == "said"
    assert q["text"] == "the hostages would be released within days"


def test_apposition_names_the_speaker(nlp):
    text = "Hamas's political chief, Khalil al-Hayya, said the group had accepted the ceasefire proposal."
    rows = quotes_of(nlp, text)
    assert len(rows) == 1 and rows[0]["speaker"] == "Khalil al-Hayya"


def test_pronoun_resolves_to_the_person_it_refers_to(nlp):
    text = "Mayor Ana Lima opened the repaired bridge on Monday. She said the repairs had cost four million dollars."
    rows = quotes_of(nlp, text)
    assert len(rows) == 1 and rows[0]["speaker"] == "Ana Lima" and rows[0]["speaker_text"] == "She"


def test_according_to(nlp):
    text = "According to health ministry spokesman Ashraf al-Qudra, forty people were killed in the strike."
    rows = quotes_of(nlp, text)
    assert len(rows) == 1 and rows[0]["speaker"] == "Ashraf al-Qudra"
    assert rows[0]["text"].startswith("forty people were killed")


def test_an_institution_that_speaks(nlp):
    text = "The World Trade Organization warned that the new tariffs would slow global growth."
    rows = quotes_of(nlp, text)
    assert len(rows) == 1 and rows[0]["speaker"] == "World Trade Organization"


def test_registry_role_resolves_the_speaker(nlp):
    reg = parse_registry("actors:\n  - name: Ana Lima\n    roles: [city mayor]\n")
    rows = quotes_of(nlp, "The city mayor insisted that the budget was balanced.", reg)
    assert len(rows) == 1 and rows[0]["speaker"] == "Ana Lima"


def test_unnamed_speakers_are_left_empty(nlp):
    rows = quotes_of(nlp, "Sources said the deal was close to being signed.")
    assert len(rows) == 1 and rows[0]["speaker"] == ""


def test_narration_of_actions_is_not_a_quote(nlp):
    text = "The minister visited the factory and met workers. Trade talks resumed on Friday in Geneva."
    assert quotes_of(nlp, text) == []


def test_coordinated_reporting_verbs_give_two_quotes_with_one_speaker(nlp):
    text = "Union leader Grace Okafor confirmed that the strike would end on Monday and urged the government to raise wages."
    rows = quotes_of(nlp, text)
    assert [q["cue"] for q in rows] == ["confirmed", "urged"]
    assert {q["speaker"] for q in rows} == {"Grace Okafor"}
    assert rows[0]["text"] == "the strike would end on Monday"


def test_questions_are_not_reported_statements(nlp):
    rows = quotes_of(nlp, "Reporters asked whether the minister believes the deal will hold.")
    assert rows == []


def test_headings_give_no_quotes(nlp):
    text = "Minister Says Talks Will Resume\nTrade minister Ana Lima said talks would resume in May."
    rows = quotes_of(nlp, text)
    assert len(rows) == 1 and rows[0]["paragraph"] == 1


def test_page_furniture_gives_no_quotes(nlp):
    text = "Ana Lima said the port would reopen.\nSubscribe to get the latest posts, he said.\nComments are closed."
    rows = quotes_of(nlp, text)
    assert [q["paragraph"] for q in rows] == [0]
