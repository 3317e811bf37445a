"""Who speaks (`analytics.quotes.speakers`): the SpeakerResolver on parsed sentences."""
from __future__ import annotations

from analytics.actors import parse_registry
from analytics.layout import layout_of
from analytics.lexicons import load_reporting_cues
from analytics.mentions import extract_mentions
from analytics.quotes.speakers import SpeakerResolver

REGISTRY = parse_registry("actors:\n  - name: Ana Lima\n  - name: Acme\n    kind: organisation\n")


def resolver_for(nlp, text):
    doc = nlp(text)
    layout = layout_of(doc)
    mentions, entities = extract_mentions(doc, REGISTRY, "t", layout)
    return doc, SpeakerResolver(doc, mentions, entities, REGISTRY, load_reporting_cues(), layout)


def token(doc, text, nth=0):
    return [t for t in doc if t.text == text][nth]


def test_the_subject_of_a_cue_names_the_speaker(nlp):
    doc, resolver = resolver_for(nlp, "Trade minister Ana Lima said the port would reopen.")
    subject = resolver.subject_of(token(doc, "said"))
    assert resolver.resolve(subject) == ("Ana Lima", "Trade minister Ana Lima")


def test_a_pronoun_refers_to_the_speaker_noted_last(nlp):
    doc, resolver = resolver_for(nlp, "The port was quiet. Ana Lima was there. Later she said it would reopen.")
    assert resolver.last_speaker is None
    resolver.spoke("Ana Lima", token(doc, "Lima").i)
    assert resolver.last_speaker == ("Ana Lima", token(doc, "Lima").i)
    assert resolver.resolve(token(doc, "she"))[0] == "Ana Lima"


def test_an_organisation_is_not_the_antecedent_of_she(nlp):
    doc, resolver = resolver_for(nlp, "Acme closed the plant. She said it was a shame.")
    resolver.spoke("Acme", token(doc, "Acme").i)
    assert resolver.resolve(token(doc, "She"))[0] == ""


def test_an_unnamed_group_cannot_speak_but_a_role_can(nlp):
    doc, resolver = resolver_for(nlp, "These encounters highlight the risks, the spokesperson said.")
    assert not resolver.can_speak(token(doc, "encounters"))
    assert resolver.can_speak(token(doc, "spokesperson"))
