"""Stance toward outcomes: the scoring rule on sentences from several stories, the outcome file.

Quotes are built here by hand (as analytics/quotes.py would give them), so
these tests hold the stance rule alone.
"""
from __future__ import annotations

import pytest

from analytics.stance import (
    STANCE_COLUMNS, OutcomeError, load_lexicon, load_outcomes, parse_lexicon, parse_outcomes,
    quote_stances,
)

TRADE = parse_outcomes("""
outcomes:
  - key: tariffs
    label: Import tariffs
    description: tariffs on imported goods
    terms: [tariff, duties, import duties, levies]
""")


@pytest.fixture(scope="module")
def outcomes():
    return load_outcomes()


def quote_of(doc, quoted: str, cue: str = "said", kind: str = "indirect", speaker: str = "Someone") -> dict:
    """A quote dict for the words ``quoted`` of ``doc``, as the quote extractor gives it."""
    start = doc.text.index(quoted)
    return {"quote_id": "t-q001", "article_id": "t", "kind": kind, "text": quoted, "speaker": speaker,
            "speaker_text": speaker, "cue": cue, "start": start, "end": start + len(quoted),
            "sentence": 0, "paragraph": 0}


def stances(nlp, text: str, quoted: str, outcomes, **quote) -> dict[str, dict]:
    """{outcome key: stance row} of the one quote ``quoted`` in ``text``."""
    doc = nlp(text)
    return {row["outcome"]: row for row in quote_stances(doc, [quote_of(doc, quoted, **quote)], outcomes)}


def stance(nlp, text, quoted, outcomes, key, **quote) -> str:
    rows = stances(nlp, text, quoted, outcomes, **quote)
    assert key in rows, f"{key} not found in {text!r}: {rows}"
    return rows[key]["stance"]


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
    assert load_lexicon(str(path)) == load_lexicon()


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


def test_a_malformed_cue_section_gets_a_clear_message():
    with pytest.raises(OutcomeError, match="must map words to weights"):
        parse_lexicon({"favor": ["ready"]})
    with pytest.raises(OutcomeError, match="must be a number"):
        parse_lexicon({"favor": {"ready": "very"}})


def test_an_unreadable_outcome_file_names_the_file(tmp_path):
    with pytest.raises(OutcomeError, match="missing.yml"):
        load_outcomes(tmp_path / "missing.yml")


# --------------------------------------------------------------------------- sentiment is not stance

def test_a_warning_of_harm_is_against(nlp, outcomes):
    text = "Putin warned that Tomahawk deliveries would destroy ties between the two countries."
    assert stance(nlp, text, "Tomahawk deliveries would destroy ties between the two countries", outcomes,
                  "tomahawk", cue="warned") == "against"


def test_a_warning_of_harm_is_against_on_a_trade_story(nlp):
    text = "The farm minister warned that the new tariffs would destroy thousands of jobs."
    assert stance(nlp, text, "the new tariffs would destroy thousands of jobs", TRADE, "tariffs", cue="warned") == "against"


def test_what_suffers_the_harm_is_valued(nlp, outcomes):
    text = "The mediator said the raids would undermine the fragile truce."
    assert stance(nlp, text, "the raids would undermine the fragile truce", outcomes, "ceasefire") == "favor"


def test_a_negated_predicate_is_against(nlp, outcomes):
    text = "He said that Tomahawks would not change the situation on the battlefield."
    assert stance(nlp, text, "Tomahawks would not change the situation on the battlefield", outcomes, "tomahawk") == "against"
    text = "Economist Ana Lima said that the import duties would not change the trade balance at all."
    assert stance(nlp, text, "the import duties would not change the trade balance at all", TRADE, "tariffs") == "against"


def test_only_x_can_create_the_conditions_is_favor(nlp, outcomes):
    text = "Merz emphasized that only a ceasefire can create the conditions for progress."
    assert stance(nlp, text, "only a ceasefire can create the conditions for progress", outcomes,
                  "ceasefire", cue="emphasized") == "favor"
    text = "Qatari mediators stressed that only a ceasefire can create the conditions for the release of the hostages."
    assert stance(nlp, text, "only a ceasefire can create the conditions for the release of the hostages", outcomes,
                  "ceasefire", cue="stressed") == "favor"


def test_going_ahead_without_it_is_not_favor(nlp, outcomes):
    text = "Trump made it clear that the process could begin even without a formal ceasefire."
    assert stance(nlp, text, "the process could begin even without a formal ceasefire", outcomes,
                  "ceasefire", cue="made it clear") != "favor"


def test_without_it_things_fail_is_favor(nlp, outcomes):
    text = "Aid groups warned that without a truce, the relief effort risks collapsing entirely."
    assert stance(nlp, text, "without a truce, the relief effort risks collapsing entirely", outcomes,
                  "ceasefire", cue="warned") == "favor"


def test_an_evaluation_of_the_outcome_decides(nlp):
    text = "Retailers said the duties were a disaster for consumers."
    assert stance(nlp, text, "the duties were a disaster for consumers", TRADE, "tariffs") == "against"
    text = "The commerce secretary said the tariffs are working and will stay in place."
    assert stance(nlp, text, "the tariffs are working and will stay in place", TRADE, "tariffs") == "favor"


# --------------------------------------------------------------------------- cues, negation, conditions, verbs

def test_a_demand_is_favor_and_the_evidence_says_why(nlp):
    text = "Steel workers urged the government to impose higher import duties on Chinese steel."
    rows = stances(nlp, text, "the government to impose higher import duties on Chinese steel", TRADE, cue="urged")
    assert rows["tariffs"]["stance"] == "favor"
    assert "urged" in rows["tariffs"]["evidence"] and "vader" in rows["tariffs"]["evidence"]


def test_negation_reverses_a_cue(nlp, outcomes):
    text = "The commander said his men wanted a truce."
    assert stance(nlp, text, "his men wanted a truce", outcomes, "ceasefire") == "favor"
    text = "The commander said his men did not want a truce."
    rows = stances(nlp, text, "his men did not want a truce", outcomes)
    assert rows["ceasefire"]["stance"] == "against"
    assert "not want" in rows["ceasefire"]["evidence"]


def test_a_condition_weakens_but_keeps_the_stance(nlp, outcomes):
    plain = stances(nlp, "Macron said sanctions must be tightened.", "sanctions must be tightened", outcomes)
    text = "Macron said sanctions must be tightened if the talks fail."
    conditional = stances(nlp, text, "sanctions must be tightened if the talks fail", outcomes)
    assert plain["sanctions"]["stance"] == conditional["sanctions"]["stance"] == "favor"
    assert abs(conditional["sanctions"]["score"]) < abs(plain["sanctions"]["score"])
    assert "conditional" in conditional["sanctions"]["evidence"]


def test_a_condition_about_something_else_does_not_colour_the_outcome(nlp):
    text = "The trade representative said the levies could be lifted if talks progress."
    assert stance(nlp, text, "the levies could be lifted if talks progress", TRADE, "tariffs") == "against"


def test_the_reporting_verb_leans_when_the_words_do_not(nlp, outcomes):
    text = "The prime minister ruled out a snap election and a truce."
    assert stance(nlp, text, "a snap election and a truce", outcomes, "ceasefire", cue="ruled out") == "against"
    text = "The UN chief welcomed the truce."
    assert stance(nlp, text, "the truce", outcomes, "ceasefire", cue="welcomed") == "favor"


def test_procedure_and_caution_are_neutral(nlp, outcomes):
    text = "Egyptian officials said the details of the truce were still being discussed."
    assert stance(nlp, text, "the details of the truce were still being discussed", outcomes, "ceasefire") == "neutral"
    text = "The spokesman said it was too early to say whether the ceasefire would hold."
    assert stance(nlp, text, "it was too early to say whether the ceasefire would hold", outcomes, "ceasefire") == "neutral"


def test_a_rejection_is_against(nlp, outcomes):
    text = "Hamas official Basem Naim said the group rejected the truce proposal."
    assert stance(nlp, text, "the group rejected the truce proposal", outcomes, "ceasefire") == "against"


def test_doubt_about_the_benefits_is_against(nlp, outcomes):
    text = "The senator expressed skepticism about the benefits of a truce."
    assert stance(nlp, text, "skepticism about the benefits of a truce", outcomes, "ceasefire", cue="expressed") == "against"


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


def test_rows_have_the_contract_columns_and_scores_in_range(nlp, outcomes):
    text = "The envoy said the summit was a waste of time and the truce would not last."
    rows = stances(nlp, text, "the summit was a waste of time and the truce would not last", outcomes)
    assert rows["meeting"]["stance"] == "against"
    for row in rows.values():
        assert list(row) == STANCE_COLUMNS
        assert -1.0 <= row["score"] <= 1.0
        assert row["quote_id"] == "t-q001" and row["speaker"] == "Someone"


# --------------------------------------------------------------------------- elections, wages, sanctions

ELECTION = parse_outcomes("outcomes:\n  - key: early_election\n    terms: [early election, snap election, early vote]\n")


def test_an_outcome_denied_outright_is_against(nlp):
    text = "The prime minister insisted there would be no early election."
    assert stance(nlp, text, "there would be no early election", ELECTION, "early_election", cue="insisted") == "against"


def test_not_discussing_an_outcome_takes_no_side(nlp):
    text = "The party secretary said it had not discussed an early vote."
    assert stance(nlp, text, "it had not discussed an early vote", ELECTION, "early_election") == "neutral"


def test_demanding_its_removal_is_against(nlp):
    text = "Farmers demanded the removal of the tariffs on fertiliser."
    assert stance(nlp, text, "the removal of the tariffs on fertiliser", TRADE, "tariffs", cue="demanded") == "against"


def test_an_evaluation_is_not_an_expectation(nlp, outcomes):
    text = "The chancellor said new sanctions would be pointless while energy imports continue."
    assert stance(nlp, text, "new sanctions would be pointless while energy imports continue", outcomes, "sanctions") == "against"
