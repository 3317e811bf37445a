"""The stance rule on sentences from several stories.

Quotes are built here by hand (as analytics/quotes.py would give them), so
these tests hold the stance rule alone. The outcome file and which outcomes
a quote is about are in test_outcomes.py, the aggregates in test_aggregates.py.
"""
from __future__ import annotations

import pytest

from analytics.outcomes import load_outcomes, parse_outcomes
from analytics.stance import STANCE_COLUMNS, label_of, quote_stances, stances_given

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


# --------------------------------------------------------------------------- instruments of pressure

PRESSURE = parse_outcomes("""
outcomes:
  - key: embargo
    label: Arms embargo
    description: an embargo on arms sales to the junta
    terms: [arms embargo, embargo]
  - key: strike
    label: Dock strike
    description: the dockworkers' strike going ahead
    terms: [strike, walkout]
  - key: charge
    label: Congestion charge
    description: a charge for driving into the centre
    terms: [congestion charge]
""")


def test_harm_an_instrument_of_pressure_does_to_its_target_is_for_it(nlp):
    text = "The envoy said the embargo would cripple the junta's supply lines within months."
    assert stance(nlp, text, "the embargo would cripple the junta's supply lines within months", PRESSURE, "embargo") == "favor"
    text = "Tariff hawks said the tariffs would squeeze Beijing's export earnings."
    assert stance(nlp, text, "the tariffs would squeeze Beijing's export earnings", TRADE, "tariffs") == "favor"


def test_an_instrument_of_pressure_that_bites_is_wanted(nlp):
    text = "The shop steward said the strike will hurt, and that it is meant to."
    assert stance(nlp, text, "the strike will hurt", PRESSURE, "strike") == "favor"


def test_harm_that_falls_on_the_public_or_the_speakers_side_stays_against(nlp):
    text = "The port authority warned that the strike would hurt families across the region."
    assert stance(nlp, text, "the strike would hurt families across the region", PRESSURE, "strike", cue="warned") == "against"
    text = "The owners said the walkout would cripple our business for a year."
    assert stance(nlp, text, "the walkout would cripple our business for a year", PRESSURE, "strike") == "against"
    # Things of no one are no target: tariffs that destroy jobs are a harm, not pressure.
    text = "The farm minister warned that the new tariffs would destroy thousands of jobs."
    assert stance(nlp, text, "the new tariffs would destroy thousands of jobs", TRADE, "tariffs", cue="warned") == "against"


def test_harm_done_by_an_outcome_that_is_no_instrument_of_pressure_is_against_it(nlp):
    text = "Traders said the congestion charge would cripple the city's small shops."
    assert stance(nlp, text, "the congestion charge would cripple the city's small shops", PRESSURE, "charge") == "against"


def test_which_outcomes_are_instruments_of_pressure():
    from analytics.lexicons import load_stance_cues
    from analytics.stance import is_pressure

    cues = load_stance_cues()
    assert {o.key: is_pressure(o, cues) for o in PRESSURE} == {"embargo": True, "strike": True, "charge": False}
    assert is_pressure(TRADE[0], cues)


def test_a_favour_word_with_un_before_it_is_against(nlp):
    text = "The shipping lobby said the new tariffs were unconstructive and arrived at an unwelcome moment."
    assert stance(nlp, text, "the new tariffs were unconstructive and arrived at an unwelcome moment", TRADE, "tariffs") == "against"


VOTE = parse_outcomes("""
outcomes:
  - key: referendum
    label: Independence referendum
    description: a referendum on independence
    terms: [referendum, plebiscite]
  - key: levy
    label: Tourist levy
    description: a levy on overnight stays
    terms: [tourist levy, levy]
""")


def test_denying_what_the_outcome_is_said_to_be_is_no_stance_against_it(nlp):
    # A property of the outcome denied ("is not a tax grab", "does not have the power to ...") is not the outcome denied.
    text = "The mayor said the levy is not a tax grab on visitors."
    assert stance(nlp, text, "the levy is not a tax grab on visitors", VOTE, "levy") != "against"
    text = "The minister said a tourist levy was not off the table."
    assert stance(nlp, text, "a tourist levy was not off the table", VOTE, "levy") != "against"
    text = "The minister said the levy does not have the power to close a single hotel."
    assert stance(nlp, text, "the levy does not have the power to close a single hotel", VOTE, "levy") != "against"


def test_denying_that_something_is_the_outcome_at_all_is_against_it(nlp):
    text = "The opposition leader said the vote is a stunt and not a referendum at all."
    assert stance(nlp, text, "the vote is a stunt and not a referendum at all", VOTE, "referendum") == "against"


def test_pressing_someone_to_bring_the_outcome_about_is_for_it(nlp):
    text = "Activists pressed the government to hold a referendum before the summer."
    assert stance(nlp, text, "the government to hold a referendum before the summer", VOTE, "referendum",
                  cue="pressed") == "favor"


def test_what_would_avert_a_threat_is_asked_for(nlp):
    text = "The union said the walkout would continue unless the government ordered binding arbitration."
    outcomes = parse_outcomes("""
outcomes:
  - key: arbitration
    label: Binding arbitration
    terms: [arbitration, binding arbitration]
""")
    assert stance(nlp, text, "the walkout would continue unless the government ordered binding arbitration",
                  outcomes, "arbitration") == "favor"
    # A cue in the clause decides for itself: withdrawing what would avert the rest is against it.
    text = "The confederation said it will call a general strike unless the government scraps its referendum."
    assert stance(nlp, text, "it will call a general strike unless the government scraps its referendum",
                  VOTE, "referendum") == "against"


def test_an_objection_to_the_outcome_is_against_it_and_dismissing_one_is_for_it(nlp):
    text = "The hoteliers repeated their objection to the tourist levy."
    assert stance(nlp, text, "their objection to the tourist levy", VOTE, "levy", cue="repeated") == "against"
    text = "The mayor dismissed the hoteliers' objections to the tourist levy."
    assert stance(nlp, text, "the hoteliers' objections to the tourist levy", VOTE, "levy", cue="dismissed") == "favor"


def test_a_negation_about_where_the_outcome_happens_does_not_deny_it(nlp):
    text = "The organisers said the referendum would not take place in the capital."
    assert stance(nlp, text, "the referendum would not take place in the capital", VOTE, "referendum") != "against"
    text = "The organisers said the referendum would not take place."
    assert stance(nlp, text, "the referendum would not take place", VOTE, "referendum") == "against"


def test_cutting_traffic_is_cutting_an_ill(nlp):
    text = "The mayor said the congestion charge would cut traffic in the old town by a third."
    assert stance(nlp, text, "the congestion charge would cut traffic in the old town by a third", PRESSURE, "charge") == "favor"


# --------------------------------------------------------------------------- the rows

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


def test_an_outcome_not_talked_about_takes_no_side(nlp):
    # The negation falls on the talking, not on the outcome.
    text = "A spokeswoman said the early election was not touched upon at the cabinet meeting."
    assert stance(nlp, text, "the early election was not touched upon at the cabinet meeting", ELECTION,
                  "early_election") == "neutral"
    text = "The mayor said an early vote had not been mentioned by anyone in the coalition."
    assert stance(nlp, text, "an early vote had not been mentioned by anyone in the coalition", ELECTION,
                  "early_election") == "neutral"


def test_an_outcome_refused_is_still_against_beside_the_talk_words(nlp):
    text = "The party leader said she had consulted her colleagues and would not accept an early election."
    assert stance(nlp, text, "she had consulted her colleagues and would not accept an early election", ELECTION,
                  "early_election") == "against"


def test_demanding_its_removal_is_against(nlp):
    text = "Farmers demanded the removal of the tariffs on fertiliser."
    assert stance(nlp, text, "the removal of the tariffs on fertiliser", TRADE, "tariffs", cue="demanded") == "against"


def test_an_evaluation_is_not_an_expectation(nlp, outcomes):
    text = "The chancellor said new sanctions would be pointless while energy imports continue."
    assert stance(nlp, text, "new sanctions would be pointless while energy imports continue", outcomes, "sanctions") == "against"


def test_labels_follow_the_documented_thresholds():
    assert [label_of(s) for s in (0.25, 0.249, 0.0, -0.249, -0.25)] == ["favor", "neutral", "neutral", "neutral", "against"]


def test_cue_words_are_read_the_same_in_every_process():
    # The verb "prepared" is a cue as written (0.6) and as its lemma "prepare" (0.8): which one is read
    # must not depend on the process's hash seed (a set's order), or engines and reruns disagree.
    import subprocess
    import sys

    from .conftest import ROOT

    script = ("from analytics.parse import load_model; from analytics.lexicons import load_stance_cues; "
              "from analytics.reading import find_stance_cues; nlp = load_model(); "
              "print([(h.text, h.weight) for h in find_stance_cues(nlp('They prepared the ground for arbitration.'), load_stance_cues())])")
    seen = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                           env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3", "4", "5", "6")}
    assert seen == {"[('prepared', 0.8)]\n"}  # the lemma's weight, read first


# --------------------------------------------------------------------------- how English takes a position (issue 14)

STRIKE = parse_outcomes("""
outcomes:
  - key: strike
    label: The dockers' strike
    terms: [strike, walkout, stoppage]
  - key: merger
    label: The merger of the two banks
    terms: [merger, takeover]
  - key: ceasefire
    label: A ceasefire
    terms: [ceasefire, truce]
""")


def test_rejecting_a_framing_is_against(nlp):
    text = "The rebel commander said the government's talk of a truce was a smokescreen for moving tanks."
    assert stance(nlp, text, "the government's talk of a truce was a smokescreen for moving tanks", STRIKE,
                  "ceasefire") == "against"
    text = "The union leader said the bank's offer of a merger was a stunt to calm the markets."
    assert stance(nlp, text, "the bank's offer of a merger was a stunt to calm the markets", STRIKE, "merger") == "against"


def test_calling_it_off_is_against_and_refusing_to_is_favor(nlp):
    text = "The union said it would call off the strike on Friday."
    assert stance(nlp, text, "it would call off the strike on Friday", STRIKE, "strike") == "against"
    text = "The union said it would not call off the strike, whatever the port offered."
    assert stance(nlp, text, "it would not call off the strike, whatever the port offered", STRIKE, "strike") == "favor"


def test_an_obstacle_is_against(nlp):
    text = "The regulator said a merger of that size would take years."
    assert stance(nlp, text, "a merger of that size would take years", STRIKE, "merger") == "against"
    text = "The shareholders' group said it would contest every step of the takeover in court."
    assert stance(nlp, text, "it would contest every step of the takeover in court", STRIKE, "merger") == "against"


def test_kept_alive_is_favor_and_declared_dead_is_against(nlp):
    text = "The chairman said the merger was still on the table."
    assert stance(nlp, text, "the merger was still on the table", STRIKE, "merger") == "favor"
    text = "The chairman said the merger was dead."
    assert stance(nlp, text, "the merger was dead", STRIKE, "merger") == "against"


def test_going_ahead_regardless_is_favor(nlp):
    text = "The dockers' leader said the strike would go ahead regardless of the court ruling."
    assert stance(nlp, text, "the strike would go ahead regardless of the court ruling", STRIKE, "strike") == "favor"


def test_an_evaluating_predicate_decides(nlp):
    text = "The minister said the merger was the right decision for savers."
    assert stance(nlp, text, "the merger was the right decision for savers", STRIKE, "merger") == "favor"
    text = "The minister said the merger was not the answer to the bank's troubles."
    assert stance(nlp, text, "the merger was not the answer to the bank's troubles", STRIKE, "merger") == "against"


CRIME = parse_outcomes("""
outcomes:
  - key: port_checks
    label: Container checks at the port
    terms: [port checks, container checks, inspections]
""")


def test_harm_to_the_other_side_is_for_the_measure(nlp):
    text = "The customs chief said the container checks would bleed the smugglers dry."
    assert stance(nlp, text, "the container checks would bleed the smugglers dry", CRIME, "port_checks") == "favor"
    text = "The mayor said the inspections would break up the gangs that run the docks."
    assert stance(nlp, text, "the inspections would break up the gangs that run the docks", CRIME, "port_checks") == "favor"


def test_harm_to_anyone_else_is_against_the_measure(nlp):
    text = "The hauliers said the container checks would bleed small exporters dry."
    assert stance(nlp, text, "the container checks would bleed small exporters dry", CRIME, "port_checks") == "against"
    text = "The hauliers said the inspections would punish the honest trader and the smuggler alike."
    assert stance(nlp, text, "the inspections would punish the honest trader and the smuggler alike", CRIME,
                  "port_checks") == "against"


def test_a_hope_that_it_never_happens_is_against(nlp):
    text = "The port director said he hoped the strike would never happen."
    assert stance(nlp, text, "he hoped the strike would never happen", STRIKE, "strike") == "against"
    text = "The port director said he hoped the merger would happen soon."
    assert stance(nlp, text, "he hoped the merger would happen soon", STRIKE, "merger") == "favor"


def test_a_fear_that_it_will_not_come_is_favor(nlp):
    text = "The villagers said they feared the truce would not hold."
    assert stance(nlp, text, "they feared the truce would not hold", STRIKE, "ceasefire") == "favor"


def test_rather_than_negates_what_follows(nlp):
    text = "The chairman said the merger was delayed rather than dead."
    assert stance(nlp, text, "the merger was delayed rather than dead", STRIKE, "merger") == "favor"
    text = "The chairman said the merger was dead rather than delayed."
    assert stance(nlp, text, "the merger was dead rather than delayed", STRIKE, "merger") == "against"


def test_nobody_negates_the_cue(nlp):
    text = "The harbour master said nobody wanted a strike this winter."
    assert stance(nlp, text, "nobody wanted a strike this winter", STRIKE, "strike") == "against"


def test_a_cue_that_begins_with_a_negation_is_not_negated_by_itself(nlp):
    text = "The board said there was no place for a merger in its plans."
    assert stance(nlp, text, "there was no place for a merger in its plans", STRIKE, "merger") == "against"
    text = "The mediator said the talks were out of the question while the strike lasted, and that a truce was out of the question too."
    assert stance(nlp, text, "a truce was out of the question too", STRIKE, "ceasefire") == "against"


def test_the_clause_after_but_weighs_more(nlp):
    text = "The mayor said she welcomed the merger in principle, but the timing was a disaster."
    assert stance(nlp, text, "she welcomed the merger in principle, but the timing was a disaster", STRIKE,
                  "merger") == "against"
    text = "The mayor said the merger had its risks, but she supported it."
    assert stance(nlp, text, "the merger had its risks, but she supported it", STRIKE, "merger") == "favor"


def test_a_rhetorical_question_denies_what_it_asks(nlp):
    text = 'The shareholder asked: "Why would anyone support this merger?"'
    assert stance(nlp, text, "Why would anyone support this merger?", STRIKE, "merger", kind="direct") == "against"
    text = 'The docker asked: "Why should we call off the strike now?"'
    assert stance(nlp, text, "Why should we call off the strike now?", STRIKE, "strike", kind="direct") == "favor"


def test_an_imperative_demands_its_object(nlp):
    text = 'The opposition leader told the rally: "Hold a snap election now. The country cannot wait."'
    assert stance(nlp, text, "Hold a snap election now. The country cannot wait.", ELECTION, "early_election",
                  kind="direct") == "favor"
    text = 'The opposition leader told the rally: "Kill the merger before it is too late."'
    assert stance(nlp, text, "Kill the merger before it is too late.", STRIKE, "merger", kind="direct") == "against"


def test_what_should_be_done_is_stated_as_wanted(nlp):
    text = "The chairman said the merger should be completed by June."
    assert stance(nlp, text, "the merger should be completed by June", STRIKE, "merger") == "favor"
    text = "The chairman said the merger should not be completed this year."
    assert stance(nlp, text, "the merger should not be completed this year", STRIKE, "merger") == "against"


def test_what_serves_the_other_side_is_against(nlp):
    text = "The general said a truce now would let the invader dig in."
    assert stance(nlp, text, "a truce now would let the invader dig in", STRIKE, "ceasefire") == "against"
    text = "The general said a truce now would let the villagers go home."
    assert stance(nlp, text, "a truce now would let the villagers go home", STRIKE, "ceasefire") == "favor"


GANGS = parse_outcomes("""
outcomes:
  - key: curfew
    label: Night curfew
    description: a night curfew to end the gang violence
    terms: [curfew, end the violence, stop the violence]
""")


def test_an_ill_inside_the_outcomes_own_name_is_what_it_ends_not_what_is_served(nlp):
    # "stop the violence" names the outcome: wanting the violence to stop is wanting it.
    text = "The police chief said residents want the violence to stop."
    assert stance(nlp, text, "residents want the violence to stop", GANGS, "curfew") == "favor"
    # An ill outside the name is still served: helping the gangs is against a curfew that helps them.
    text = "The police chief said the curfew would only help the gangs."
    assert stance(nlp, text, "the curfew would only help the gangs", GANGS, "curfew") == "against"


@pytest.mark.parametrize("text, quoted, key, expected", [
    ("The chairman said he would love to see the merger through.", "he would love to see the merger through",
     "merger", "favor"),
    ("The regulator said the obstacles to the merger were not insurmountable.",
     "the obstacles to the merger were not insurmountable", "merger", "favor"),
    ("The regulator said the obstacles to the merger were insurmountable.",
     "the obstacles to the merger were insurmountable", "merger", "against"),
    ("The mayor said it was high time for a curfew.", "it was high time for a curfew", "curfew", "favor"),
    ("The mayor said a curfew would be game-changing.", "a curfew would be game-changing", "curfew", "favor"),
])
def test_everyday_words_of_wanting_and_of_obstacles(nlp, text, quoted, key, expected):
    assert stance(nlp, text, quoted, STRIKE + GANGS, key) == expected


def test_a_copula_denying_a_critical_word_is_for_the_subject(nlp):
    # The negation belongs to the predicate's cue ("not illegal"), not to the outcome itself.
    text = "The city's lawyer said the curfew was not illegal."
    assert stance(nlp, text, "the curfew was not illegal", GANGS, "curfew") == "favor"
    text = "The city's lawyer said the curfew was not legal."
    assert stance(nlp, text, "the curfew was not legal", GANGS, "curfew") == "against"


PARTIES = parse_outcomes("""
outcomes:
  - key: alliance
    label: A loose alliance of the two parties
    terms: [alliance, electoral pact]
""")


def test_an_outcome_set_aside_for_another_is_against(nlp):
    text = "The party leader said voters wanted a full merger rather than a loose alliance."
    assert stance(nlp, text, "voters wanted a full merger rather than a loose alliance", PARTIES, "alliance") == "against"
    text = "The party leader said voters wanted a full merger instead of an electoral pact."
    assert stance(nlp, text, "voters wanted a full merger instead of an electoral pact", PARTIES, "alliance") == "against"
    # Named first, it is what the speaker wants.
    text = "The party leader said voters wanted an alliance rather than a full merger."
    assert stance(nlp, text, "voters wanted an alliance rather than a full merger", PARTIES, "alliance") == "favor"


def test_an_accusing_reporting_verb_leans_against(nlp):
    text = "The union accused the board of rushing the merger through."
    assert stance(nlp, text, "the board of rushing the merger through", STRIKE, "merger", cue="accused") == "against"
    text = "The union hailed the board for pushing the merger through."
    assert stance(nlp, text, "the board for pushing the merger through", STRIKE, "merger", cue="hailed") == "favor"


def test_a_naming_verb_leaves_it_to_the_name(nlp):
    text = "The opposition called the merger an ugly and cruel stitch-up."
    assert stance(nlp, text, "the merger an ugly and cruel stitch-up", STRIKE, "merger", cue="called") == "against"
    text = "The analyst called the merger a brilliant solution for savers."
    assert stance(nlp, text, "the merger a brilliant solution for savers", STRIKE, "merger", cue="called") == "favor"


def test_with_no_other_term_the_sentiment_around_the_outcome_leans(nlp):
    # VADER compounds of about +/-0.48: enough to lean when nothing else speaks (0.6 x), not at the usual 0.4 x.
    text = "The dockers said the strike was a proud day for the port."
    assert stance(nlp, text, "the strike was a proud day for the port", STRIKE, "strike") == "favor"
    text = "The parents said the strike was a sad day for the port."
    assert stance(nlp, text, "the strike was a sad day for the port", STRIKE, "strike") == "against"
    row = stances(nlp, text, "the strike was a sad day for the port", STRIKE)["strike"]
    assert row["evidence"].startswith("vader")  # no cue word: the sentiment alone decided


def test_a_quote_that_only_refers_to_the_outcome_is_about_it_as_a_whole(nlp):
    answer = ("We have been at this for six weeks now, through the rain and the cold mornings at the gates. "
              "The men are tired. But we are ready to stay out until Christmas.")
    text = f'The dockers have been on strike since March. Their leader was asked how long it would last. "{answer}"'
    assert stance(nlp, text, answer, STRIKE, "strike", kind="direct", cue=None) == "favor"
    answer = ("We have been at this for six weeks now, through the rain and the cold mornings at the gates. "
              "The men are tired. It has been a disaster for every family on the quay.")
    text = f'The dockers have been on strike since March. Their leader was asked how long it would last. "{answer}"'
    assert stance(nlp, text, answer, STRIKE, "strike", kind="direct", cue=None) == "against"


def test_an_obstacle_governs_what_it_delays(nlp):
    text = "The regulator said it would take years to complete the merger."
    assert stance(nlp, text, "it would take years to complete the merger", STRIKE, "merger") == "against"
    text = "The regulator said it would complete the merger within weeks."
    assert stance(nlp, text, "it would complete the merger within weeks", STRIKE, "merger") == "favor"


TOLL = parse_outcomes("""
outcomes:
  - key: road_toll
    label: Road toll
    terms: [road toll, toll]
""")


@pytest.mark.parametrize("quoted, expected", [
    ("the toll would choke off the traffic jams on the ring road", "favor"),   # harm to an ill
    ("the toll would cut congestion in the old town by a third", "favor"),     # reducing an ill
    ("the toll would prevent gridlock at the bridge", "favor"),
    ("the toll would cut trade in the old town by a third", "against"),       # reducing anything else
    ("the toll would hollow out the high street", "against"),
    ("the council should cut the toll", "against"),                           # reducing the outcome itself
])
def test_reducing_an_ill_is_for_what_reduces_it(nlp, quoted, expected):
    text = f"The mayor's adviser said {quoted}."
    assert stance(nlp, text, quoted, TOLL, "road_toll") == expected


def test_help_given_to_an_ill_is_against(nlp):
    quoted = "the new licences would fuel corruption and help the smugglers"
    text = f"An opposition senator said {quoted}."
    assert stance(nlp, text, quoted, parse_outcomes("""
outcomes:
  - key: licences
    label: Export licences
    terms: [licences, export licences]
"""), "licences") == "against"


MERGER = parse_outcomes("""
outcomes:
  - key: merger
    label: The merger
    terms: [merger, takeover]
""")


@pytest.mark.parametrize("quoted, expected", [
    ("the merger is a blank cheque for the new owners", "against"),
    ("the takeover was a power grab dressed up as rescue", "against"),
    ("the merger would be a lifeline for the smaller airline", "favor"),
    ("the takeover was a step in the right direction", "favor"),
])
def test_what_the_speaker_calls_it_is_their_stance(nlp, quoted, expected):
    text = f"A pilots' union official said {quoted}."
    assert stance(nlp, text, quoted, MERGER, "merger") == expected


TOLL_PLAIN = parse_outcomes("""
outcomes:
  - key: toll
    label: Road toll
    terms: [toll, road toll]
""")


@pytest.mark.parametrize("quoted, expected", [
    ("there will have to be a toll on the bridge", "favor"),   # necessity
    ("now is the time for a road toll", "favor"),
    ("it is not time for a toll", "against"),
    ("the toll has to go", "against"),                          # "has to go": to be removed
    ("the toll must go", "against"),
    ("the toll must go ahead", "favor"),
    ("the toll would change nothing", "against"),
    ("there is no point in a toll", "against"),
    ("the hauliers would challenge the toll in court", "against"),
])
def test_necessity_removal_and_futility(nlp, quoted, expected):
    text = f"A councillor said {quoted}."
    assert stance(nlp, text, quoted, TOLL_PLAIN, "toll") == expected


def test_a_cue_word_can_require_its_part_of_speech(nlp):
    # "back" supports only as a verb: "get the money back" says nothing of the merger
    quoted = "the merger would let the pension fund get its money back"
    rows = stances(nlp, f"A trustee said {quoted}.", quoted, MERGER)
    assert "back" not in rows["merger"]["evidence"].split("; ")[0]
    quoted = "the union would back the merger"
    assert stance(nlp, f"A trustee said {quoted}.", quoted, MERGER, "merger") == "favor"


def test_a_measure_announced_as_coming_is_favor_and_a_past_fact_is_not(nlp):
    text = "The trade commissioner said the new duties would be unveiled next week."
    assert stance(nlp, text, "the new duties would be unveiled next week", TRADE, "tariffs") == "favor"
    text = "The trade commissioner said the new duties were unveiled last week."
    assert stance(nlp, text, "the new duties were unveiled last week", TRADE, "tariffs") == "neutral"


def test_praise_of_what_never_came_about_is_a_jibe(nlp):
    text = "The opposition leader said the four-day week was the best reform that never happened."
    week = parse_outcomes("outcomes:\n  - key: four_day_week\n    terms: [four-day week, reform]\n")
    assert stance(nlp, text, "the four-day week was the best reform that never happened", week, "four_day_week") == "against"
    text = "The head teacher said the four-day week was the best reform that anyone could remember."
    assert stance(nlp, text, "the four-day week was the best reform that anyone could remember", week, "four_day_week") == "favor"


def test_talks_that_lead_nowhere_are_against(nlp):
    talks = parse_outcomes("outcomes:\n  - key: talks\n    terms: [talks]\n")
    text = "The union leader said the talks are friendly, and then they go nowhere."
    assert stance(nlp, text, "the talks are friendly, and then they go nowhere", talks, "talks") == "against"
    text = "The union leader said the talks would not lead anywhere."
    assert stance(nlp, text, "the talks would not lead anywhere", talks, "talks") == "against"


ALLIANCE = parse_outcomes("outcomes:\n  - key: membership\n    terms: [join the alliance, join the bloc]\n"
                          "  - key: walkout\n    terms: [strike, walk out]\n")


@pytest.mark.parametrize("text, quoted, key, expected", [
    ("The foreign minister said the country would not join the alliance this decade.",
     "the country would not join the alliance this decade", "membership", "against"),
    ("The union said its members would never walk out during the harvest.",
     "its members would never walk out during the harvest", "walkout", "against"),
    ("The foreign minister said the country would join the alliance this decade.",
     "the country would join the alliance this decade", "membership", "neutral"),
])
def test_an_outcome_named_by_a_verb_phrase_and_negated_is_against(nlp, text, quoted, key, expected):
    # The outcome's name is itself the verb ("join the alliance"): denying that verb denies the outcome.
    got = stance(nlp, text, quoted, ALLIANCE, key)
    assert got == expected if expected == "against" else got != "against"


def test_a_quote_about_the_outcome_as_a_whole_that_denies_its_verb_is_against(nlp):
    outcomes = parse_outcomes("outcomes:\n  - key: withdrawal\n    terms: [withdrawal, pull-out]\n")
    text = ("The generals were asked again about a withdrawal from the valley. "
            "The defence minister said the army would not pull its brigades back from the river.")
    doc = nlp(text)
    quote = quote_of(doc, "the army would not pull its brigades back from the river")
    # The outcome handed over, as `evaluate` does when gold says the quote is about it.
    [row] = stances_given(doc, quote, ["withdrawal"], outcomes)
    assert row["stance"] == "against"
    affirmed = nlp(text.replace("would not pull", "would pull"))
    [row] = stances_given(affirmed, quote_of(affirmed, "the army would pull its brigades back from the river"),
                          ["withdrawal"], outcomes)
    assert row["stance"] != "against"


@pytest.mark.parametrize("quoted, expected", [
    ("the residents would fight the toll in every court", "against"),   # struggle against it
    ("the residents would resist the toll", "against"),
    ("the hauliers will battle the toll all the way", "against"),
    ("the residents would fight for the toll", "favor"),               # with "for", for it
    ("the greens will campaign for a road toll", "favor"),
    ("the shopkeepers will campaign against the toll", "against"),
    ("councillors will vote for the toll", "favor"),
    ("the toll will help fight congestion", "favor"),                   # fighting an ill
])
def test_struggle_against_it_and_for_it(nlp, quoted, expected):
    text = f"A councillor said {quoted}."
    assert stance(nlp, text, quoted, TOLL_PLAIN, "toll") == expected


CURFEW = parse_outcomes("outcomes:\n  - key: curfew\n    label: Night curfew\n    terms: [curfew]\n")


@pytest.mark.parametrize("quoted, expected", [
    ("the curfew has worked and the violence eased", "favor"),     # an ill easing, with no object
    ("the curfew will stay until the violence eases", "favor"),
    ("the curfew was eased", "against"),                          # the outcome itself eased
])
def test_an_ill_that_eases_or_stops_is_what_the_verb_acts_on(nlp, quoted, expected):
    text = f"The police chief said {quoted}."
    assert stance(nlp, text, quoted, CURFEW, "curfew") == expected


@pytest.mark.parametrize("said, expected", [
    ('"We are against it," the shopkeepers\' spokesman said.', "against"),   # a pronoun for the toll
    ('"We could not live without it," the bus drivers\' spokesman said.', "favor"),  # what it leaves denied
    ('"We would be fine without it," the hauliers\' spokesman said.', "against"),
])
def test_without_or_against_a_pronoun_for_the_outcome(nlp, said, expected):
    text = f"The council will vote on the road toll on Friday. {said}"
    quoted = said.split('"')[1]
    assert stance(nlp, text, quoted, TOLL_PLAIN, "toll", kind="direct") == expected


def test_without_it_after_a_denied_verb_is_for_it(nlp):
    quoted = "the high street will not survive without the toll"
    assert stance(nlp, f"A councillor said {quoted}.", quoted, TOLL_PLAIN, "toll") == "favor"
    quoted = "the high street will survive without the toll"
    assert stance(nlp, f"A councillor said {quoted}.", quoted, TOLL_PLAIN, "toll") == "against"


@pytest.mark.parametrize("said, expected", [
    ('"We are all for it," said the bus drivers\' spokesman.', "favor"),      # "for" as where one stands
    ('"I am not for it," said the hauliers\' spokesman.', "against"),
    ('"We are here for it, whatever happens," said a steward.', "neutral"),    # being there is no stance
    ('"Bring in the toll and watch the traffic fall," said a cyclist.', "favor"),  # an imperative, said after
])
def test_being_for_it_and_demanding_it_before_the_attribution(nlp, said, expected):
    text = f"The council will vote on the road toll on Friday. {said}"
    quoted = said.split('"')[1]
    assert stance(nlp, text, quoted, TOLL_PLAIN, "toll", kind="direct") == expected
