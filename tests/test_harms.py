"""Who a harm falls on (`analytics.harms`): the outcome, adversaries, the public or the speaker's side."""
from __future__ import annotations

import pytest

from analytics.harms import harm_aimed, harm_role
from analytics.lexicons import load_stance_cues


@pytest.fixture(scope="module")
def cues():
    return load_stance_cues()


def word(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_who_does_the_harm_and_who_suffers_it(nlp):
    doc = nlp("The tariffs would destroy jobs.")
    assert harm_role(word(doc, "destroy"), [word(doc, "tariffs")]) == "agent"
    doc = nlp("The raids would undermine the truce.")
    assert harm_role(word(doc, "undermine"), [word(doc, "truce")]) == "patient"


def test_harm_by_an_instrument_of_pressure_is_aimed_at_named_others_not_at_the_public(nlp, cues):
    doc = nlp("The embargo will cripple the junta's supply lines.")
    assert harm_aimed(word(doc, "cripple"), cues)
    doc = nlp("The embargo will bite.")
    assert harm_aimed(word(doc, "bite"), cues, by_outcome=True)
    doc = nlp("The strike will hurt families and our business.")
    assert not harm_aimed(word(doc, "hurt"), cues)
    doc = nlp("The tariffs would destroy thousands of jobs.")
    assert not harm_aimed(word(doc, "destroy"), cues)  # things of no one are no target of pressure
