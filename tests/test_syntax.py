"""How words stand to each other in the parse: the facts the stance rule weighs."""
from __future__ import annotations

import pytest

from analytics.lexicons import load_stance_cues
from analytics.syntax import (
    denying_determiner, governing_prep, governs, is_expected, is_negated, is_required_for,
    negated_verb, tree_distance,
)


@pytest.fixture(scope="module")
def cues():
    return load_stance_cues()


def word(doc, text: str, nth: int = 0):
    """The ``nth`` token of ``doc`` spelled ``text``."""
    return [t for t in doc if t.text == text][nth]


def test_tree_distance_counts_edges_within_a_sentence_and_words_across(nlp):
    doc = nlp("The minister rejected the truce. Talks resumed.")
    assert tree_distance(word(doc, "rejected"), word(doc, "truce")) == 1
    assert tree_distance(word(doc, "truce"), word(doc, "minister")) == 2
    assert tree_distance(word(doc, "truce"), word(doc, "truce")) == 0
    assert tree_distance(word(doc, "truce"), word(doc, "Talks")) == 2 * (word(doc, "Talks").i - word(doc, "truce").i)


def test_a_word_is_negated_by_a_negation_on_it_its_head_or_just_before(nlp, cues):
    doc = nlp("They did not want a truce. They wanted talks. They never said so.")
    assert is_negated(word(doc, "want"), cues)
    assert not is_negated(word(doc, "wanted"), cues)
    assert is_negated(word(doc, "said"), cues)


def test_the_governing_preposition_is_found_but_not_a_backdrop(nlp):
    doc = nlp("The process could begin without a formal ceasefire.")
    assert governing_prep(word(doc, "ceasefire"), {"without", "against"}).text == "without"
    doc = nlp("They met against the backdrop of talks.")
    assert governing_prep(word(doc, "backdrop"), {"without", "against"}) is None


def test_an_outcome_denied_by_its_determiner(nlp):
    doc = nlp("There will be no early election.")
    assert denying_determiner(word(doc, "election")).text == "no"
    assert denying_determiner(nlp("There will be an early election.")[5]) is None


def test_the_negated_verb_of_an_outcome_that_is_no_cue(nlp, cues):
    doc = nlp("Tomahawks would not change the situation.")
    assert negated_verb(word(doc, "Tomahawks"), cues).text == "change"


def test_an_outcome_stated_as_coming(nlp, cues):
    assert is_expected(word(nlp("The summit will take place in May."), "summit"), cues)
    assert is_expected(word(nlp("They will hold a summit in May."), "summit"), cues)
    assert not is_expected(word(nlp("New sanctions would be pointless."), "sanctions"), cues)


def test_what_a_precondition_is_for(nlp):
    doc = nlp("A ceasefire is a precondition for any agreement.")
    assert is_required_for(word(doc, "precondition"), [word(doc, "agreement")])
    assert not is_required_for(word(doc, "precondition"), [word(doc, "ceasefire")])


def test_a_cue_governs_its_object_not_its_subject(nlp):
    doc = nlp("The group rejected the truce.")
    assert governs(word(doc, "rejected"), [word(doc, "truce")])
    assert not governs(word(doc, "rejected"), [word(doc, "group")])
