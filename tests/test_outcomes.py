"""data/outcomes.yml: loading and checking the outcome file, its optional cues section, which outcomes a quote is about."""
from __future__ import annotations

import pytest
import spacy

from analytics.lexicons import DEFAULT_STANCE_CUES, StanceCueError, load_stance_cues
from analytics.outcomes import (
    DEFAULT_OUTCOMES, OutcomeError, carrying_sentences, load_outcomes, load_stance_cues_for, outcome_matches,
    outcome_mentions, parse_outcomes, quote_targets, stance_cues_for,
)
from analytics.stance import quote_stances

from .test_stance import quote_of, stance, stances


@pytest.fixture(scope="module")
def outcomes():
    return load_outcomes()


def targets(nlp, text: str, quoted: str, outcomes) -> dict:
    """{outcome key: Target} of the one quote ``quoted`` in ``text``."""
    doc = nlp(text)
    quote = quote_of(doc, quoted)
    span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
    return {t.key: t for t in quote_targets(doc, quote, span, outcome_matches(doc, outcomes))}


# --------------------------------------------------------------------------- the outcome file

def test_the_default_outcomes_are_the_eight_of_the_guidelines(outcomes):
    assert [o.key for o in outcomes] == [
        "ceasefire", "meeting", "tomahawk", "security_guarantees", "sanctions",
        "nato_membership", "territorial_concessions", "peace_deal",
    ]
    assert all(o.label and o.description and o.terms for o in outcomes)


def test_a_user_added_outcome_needs_no_code(tmp_path, nlp):
    path = tmp_path / "outcomes.yml"
    path.write_text("outcomes:\n  - key: strike\n    label: Rail strike\n    terms: [strike, walkout]\n", encoding="utf-8")
    text = "The union leader said the walkouts would go ahead on Monday."
    rows = stances(nlp, text, "the walkouts would go ahead on Monday", load_outcomes(path))
    assert rows["strike"]["stance"] == "favor"  # a plural, and cues from the default file


def test_a_user_file_without_cues_is_scored_with_the_default_cues(tmp_path):
    path = tmp_path / "outcomes.yml"
    path.write_text("outcomes:\n  - key: strike\n    terms: [strike]\n", encoding="utf-8")
    assert load_stance_cues_for(str(path)) == load_stance_cues()


@pytest.mark.parametrize("text, message", [
    ("outcomes: [", "not valid YAML"),
    ("just a sentence", "expected a list of outcomes"),
    ("outcomes:\n  - label: X\n", "no 'key'"),
    ("outcomes:\n  - key: a b\n    terms: [x]\n", "only letters"),
    ("outcomes:\n  - key: a\n    terms: [x]\n  - key: a\n    terms: [y]\n", "appears twice"),
    ("outcomes:\n  - key: a\n", "no terms"),
    ("outcomes:\n  - key: a\n    terms: truce\n", "must be a list"),
    ("outcomes:\n  - key: a\n    patterns: [{LOWER: truce}]\n", "list of token dicts"),
])
def test_a_malformed_outcome_file_gets_a_clear_message(text, message):
    with pytest.raises(OutcomeError, match=message) as err:
        parse_outcomes(text, "my.yml")
    assert str(err.value).startswith("my.yml")
    assert isinstance(err.value, ValueError)


def test_an_unreadable_outcome_file_names_the_file(tmp_path):
    with pytest.raises(OutcomeError, match="missing.yml"):
        load_outcomes(tmp_path / "missing.yml")


# --------------------------------------------------------------------------- the stance cues of an outcome file

def test_the_default_outcome_file_holds_outcomes_only_and_gets_the_english_cues():
    text = DEFAULT_OUTCOMES.read_text(encoding="utf-8")
    assert "\ncues:" not in text
    assert stance_cues_for(text) is load_stance_cues()
    assert load_stance_cues_for() is load_stance_cues()


def test_an_outcome_file_with_the_whole_english_cues_pasted_in_scores_as_before():
    # An outcome file of before the move (the cues inside it) keeps its figures.
    text = DEFAULT_OUTCOMES.read_text(encoding="utf-8") + DEFAULT_STANCE_CUES.read_text(encoding="utf-8")
    assert stance_cues_for(text, "old.yml") == load_stance_cues()


def test_an_edited_outcome_file_with_a_cues_section_gets_those_cues():
    english = load_stance_cues()
    text = "outcomes:\n  - key: strike\n    terms: [strike]\ncues:\n  negations: [not]\n  favor:\n    walk out: 1.5\n"
    cues = stance_cues_for(text, "edited.yml")
    assert cues.negations == frozenset({"not"})
    assert cues.favor == {("walk", "out"): 1.5}
    assert (cues.against, cues.hedge, cues.conditionals) == (english.against, english.hedge, english.conditionals)


def test_a_cues_section_takes_effect_on_the_stance(nlp):
    text = "The commander said his men wanted a truce."
    plain = "outcomes:\n  - key: ceasefire\n    terms: [truce]\n"
    assert stance(nlp, text, "his men wanted a truce", parse_outcomes(plain), "ceasefire") == "favor"
    flipped = stance_cues_for(plain + "cues:\n  favor: {}\n  against:\n    want: 1.0\n")
    doc = nlp(text)
    rows = quote_stances(doc, [quote_of(doc, "his men wanted a truce")], parse_outcomes(plain), flipped)
    assert [r["stance"] for r in rows] == ["against"]


@pytest.mark.parametrize("section, message", [
    ("cues:\n", "'cues:' must be a mapping"),
    ("cues: [ready]\n", "'cues:' must be a mapping"),
    ("cues:\n  favour:\n    ready: 1.0\n", "cues.favour is no stance cue key"),
    ("cues:\n  favor: [ready]\n", "cues.favor must map words to weights"),
    ("cues:\n  favor:\n    ready: very\n", "cues.favor: every weight must be a number"),
    ("cues:\n  negations: not\n", "cues.negations must be a list of words"),
])
def test_a_malformed_cues_section_is_an_error_not_the_english_cues(section, message):
    text = "outcomes:\n  - key: a\n    terms: [x]\n" + section
    with pytest.raises(StanceCueError, match=message) as err:
        stance_cues_for(text, "my.yml")
    assert str(err.value).startswith("my.yml")


def test_the_cues_of_an_outcome_file_are_read_once_per_path(tmp_path):
    path = tmp_path / "outcomes.yml"
    path.write_text("outcomes:\n  - key: a\n    terms: [x]\ncues:\n  negations: [not]\n", encoding="utf-8")
    first = load_stance_cues_for(path)
    assert load_stance_cues_for(str(path)) is first and first.negations == frozenset({"not"})


def test_an_unreadable_outcome_file_names_the_file_for_its_cues_too(tmp_path):
    with pytest.raises(OutcomeError, match="missing.yml"):
        load_stance_cues_for(tmp_path / "missing.yml")


# --------------------------------------------------------------------------- which outcomes a quote is about

def test_two_outcomes_in_one_quote_with_different_stances(nlp, outcomes):
    text = "The foreign minister said that a ceasefire is needed now, without any territorial concessions."
    rows = stances(nlp, text, "a ceasefire is needed now, without any territorial concessions", outcomes)
    assert rows["ceasefire"]["stance"] == "favor"
    assert rows["territorial_concessions"]["stance"] == "against"


def test_a_quote_about_no_outcome_has_no_rows(nlp, outcomes):
    text = "The coach said the pitch was in excellent condition for Saturday's match."
    assert stances(nlp, text, "the pitch was in excellent condition for Saturday's match", outcomes) == {}


def test_a_quote_referring_back_to_an_outcome(nlp, outcomes):
    text = ("Washington is weighing the delivery of Tomahawk missiles to Kyiv.\n"
            "The Kremlin warned that such deliveries would trigger a dangerous escalation.")
    assert stance(nlp, text, "such deliveries would trigger a dangerous escalation", outcomes,
                  "tomahawk", cue="warned") == "against"
    text = "Hamas and Israel are discussing a truce in Cairo. The Egyptian minister said it could take effect within days."
    assert stance(nlp, text, "it could take effect within days", outcomes, "ceasefire") == "favor"


def test_a_short_direct_quote_takes_the_outcome_of_the_sentence_before(nlp, outcomes):
    text = "Both sides are preparing a summit. “We are ready!” the minister wrote."
    assert stance(nlp, text, "We are ready!", outcomes, "meeting", kind="direct", cue="wrote") == "favor"


# --------------------------------------------------------------------------- finding outcomes

def test_terms_match_any_capitals_and_inflections(nlp, outcomes):
    doc = nlp("Talks on TRUCES stalled, but the leaders are meeting on Friday.")
    found = {(m.label_, m.text) for m in outcome_matches(doc, outcomes)}
    assert ("ceasefire", "TRUCES") in found and ("meeting", "meeting") in found


def test_a_longer_name_wins_over_the_shorter_name_inside_it(nlp, outcomes):
    doc = nlp("They discussed a peace agreement.")
    assert [(m.label_, m.text) for m in outcome_matches(doc, outcomes)] == [("peace_deal", "peace agreement")]


def test_matches_are_labelled_on_docs_of_any_vocab(nlp):
    ours = parse_outcomes("outcomes:\n  - key: zz_strike\n    terms: [walkout]\n")
    blank = spacy.blank("en")
    for doc in (nlp("The walkout began."), blank("The walkout began.")):
        assert [m.label_ for m in outcome_matches(doc, ours)] == ["zz_strike"]


def test_outcomes_that_differ_only_in_their_patterns_get_their_own_matcher(nlp):
    base = "outcomes:\n  - key: war_end\n    patterns:\n      - [{LOWER: %s}]\n"
    doc = nlp("The war ends when the fighting stops.")
    assert [m.text for m in outcome_matches(doc, parse_outcomes(base % "war"))] == ["war"]
    assert [m.text for m in outcome_matches(doc, parse_outcomes(base % "fighting"))] == ["fighting"]


def test_outcome_mentions_keep_only_names_inside_the_span(nlp, outcomes):
    doc = nlp("The summit failed. A truce is near.")
    second = list(doc.sents)[1]
    assert list(outcome_mentions(outcome_matches(doc, outcomes), second)) == ["ceasefire"]


def test_a_quote_is_about_what_it_names_else_its_sentence_else_the_one_before(nlp, outcomes):
    named = targets(nlp, "Putin said a truce was possible, unlike a summit.", "a truce was possible", outcomes)
    assert list(named) == ["ceasefire"] and named["ceasefire"].refers is None
    text = "Hamas and Israel are discussing a truce in Cairo. The Egyptian minister said it could take effect within days."
    back = targets(nlp, text, "it could take effect within days", outcomes)
    assert list(back) == ["ceasefire"] and back["ceasefire"].refers.text == "it"
    assert back["ceasefire"].anchors() == [back["ceasefire"].refers] and back["ceasefire"].tokens() == set()
    none = targets(nlp, "The coach said the pitch was in excellent condition for Saturday's match.",
                   "the pitch was in excellent condition for Saturday's match", outcomes)
    assert none == {}


def test_the_carrying_sentences_span_a_quote_across_sentences(nlp):
    doc = nlp("He spoke. It is over. We go home. Then he left.")
    span = doc.char_span(doc.text.index("It"), doc.text.index("home") + 4)
    assert carrying_sentences(doc, span).text == "It is over. We go home."


# --------------------------------------------------------------------------- names the term list did not foresee

PHARMA = parse_outcomes("""
outcomes:
  - key: price_cap
    label: Drug price cap
    terms: [price cap, drug pricing]
  - key: patent_waiver
    label: Patent waiver
    terms: [patent waiver]
""")


def _named(nlp, text: str, outcomes) -> list[tuple[str, str]]:
    return [(m.label_, m.text) for m in outcome_matches(nlp(text), outcomes)]


def test_a_term_is_found_with_its_words_apart_and_in_other_forms(nlp):
    found = _named(nlp, "The ministry wants to cap prices on insulin. Nobody discussed the patent rules.", PHARMA)
    assert ("price_cap", "cap prices") in found
    assert not any(key == "patent_waiver" for key, _ in found)  # "patent" alone is not a waiver


def test_words_of_a_term_in_different_clauses_do_not_make_it(nlp):
    text = "The price of bread rose again, and the union said it would cap its demands at five percent."
    assert not any(key == "price_cap" for key, _ in _named(nlp, text, PHARMA))


def test_a_definite_phrase_takes_up_the_noun_the_outcome_came_with(nlp):
    text = ("Ministers unveiled a price cap package on Monday. Industry groups said the package "
            "would empty the shelves.")
    found = _named(nlp, text, PHARMA)
    assert ("price_cap", "package") in found
    # an indefinite one is something new
    assert ("price_cap", "package") not in _named(nlp, "Ministers unveiled a price cap package. A package of "
                                                  "tax cuts followed.", PHARMA)


TRANSPORT = parse_outcomes("""
outcomes:
  - key: road_toll
    terms: [congestion charge]
  - key: pay_offer
    terms: [pay offer]
""")


def test_a_definite_phrase_takes_up_the_head_noun_of_a_longer_name(nlp):
    text = ("The council approved the congestion charge on Monday. Shopkeepers said the charge would empty "
            "the high street. The drivers' union rejected the pay offer; its leader said this offer was an insult.")
    found = _named(nlp, text, TRANSPORT)
    assert ("road_toll", "charge") in found
    assert found.count(("pay_offer", "offer")) == 1
    # before the outcome is named, or with no definite determiner, the noun is something else
    assert ("road_toll", "charge") not in _named(
        nlp, "Police brought a charge against the driver. The council approved the congestion charge.", TRANSPORT)
    assert ("pay_offer", "offer") not in _named(
        nlp, "The union rejected the pay offer. A better offer of flexible hours came later.", TRANSPORT)


def test_a_name_that_went_with_another_noun_is_still_taken_up_by_its_own_head(nlp):
    # "the congestion charge vote": a later "the vote" and a later "the charge" both name it
    text = ("Councillors meet for the congestion charge vote on Thursday. Shopkeepers said the charge would "
            "empty the high street. The vote is at six.")
    found = _named(nlp, text, TRANSPORT)
    assert ("road_toll", "charge") in found
    assert ("road_toll", "vote") in found


def test_the_paragraph_before_names_what_the_package_is(nlp):
    text = ("Ministers unveiled a price cap package on Monday.\n\n"
            "\"The package is a gift to the insurers,\" said Lena Varga, who chairs the patients' council.")
    doc = nlp(text)
    quote = quote_of(doc, "The package is a gift to the insurers,", kind="direct", speaker="Lena Varga")
    rows = quote_stances(doc, [quote], PHARMA)
    assert [r["outcome"] for r in rows] == ["price_cap"]
    assert rows[0]["found_by"] == "named"


def test_a_term_is_found_in_the_three_spellings_of_a_compound_and_with_abbreviations(nlp):
    # A user writes "cease-fire deal" or "U.S. tariffs"; articles write "ceasefire deal", "cease fire deal".
    outcomes = parse_outcomes('outcomes:\n  - key: truce\n    terms: ["cease-fire deal"]\n'
                              '  - key: duties\n    terms: ["U.S. tariffs"]\n')
    found = _named(nlp, "The ceasefire deal held. A cease fire deal was signed. The cease-fire deal broke. "
                        "New U.S. tariffs took effect.", outcomes)
    assert [text for key, text in found if key == "truce"] == ["ceasefire deal", "cease fire deal", "cease-fire deal"]
    assert ("duties", "U.S. tariffs") in found
    # and a one-word term written hyphenated in the article
    one_word = parse_outcomes("outcomes:\n  - key: truce\n    terms: [ceasefire]\n")
    assert _named(nlp, "The cease-fire held, as did cease-fires elsewhere.", one_word) == [
        ("truce", "cease-fire"), ("truce", "cease-fires")]
