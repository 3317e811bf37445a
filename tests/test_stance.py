"""Stance toward outcomes: the rule on examples from several stories, and the outcome file."""
from __future__ import annotations

import pandas as pd
import pytest

from analytics.actors import Registry
from analytics.corpus import Article
from analytics.pipeline import analyse_doc, discover_registry, parse_texts
from analytics.stance import OutcomeError, load_outcomes, parse_outcomes, stance_summary

TARIFFS = parse_outcomes("""
outcomes:
  - key: tariffs
    label: Import tariffs
    description: tariffs on imported goods
    terms: [tariff, duties, import duties]
""")


@pytest.fixture(scope="module")
def outcomes():
    return load_outcomes()


def stances_of(nlp, text, outcomes):
    """{outcome: (stance, score)} over the quotes of ``text``, through the same steps as a build."""
    doc = parse_texts(nlp, [text])[0]
    reg = discover_registry([doc], Registry())
    rows = analyse_doc(doc, Article("t", text), reg, outcomes=outcomes)
    assert rows["quotes"], "the example should hold a quote"
    ids = {q["quote_id"] for q in rows["quotes"]}
    assert all(s["quote_id"] in ids for s in rows["stances"])
    return {s["outcome"]: (s["stance"], s["score"]) for s in rows["stances"]}, rows


def test_the_default_outcomes_are_the_eight_of_the_guidelines(outcomes):
    assert [o.key for o in outcomes] == [
        "ceasefire", "meeting", "tomahawk", "security_guarantees", "sanctions",
        "nato_membership", "territorial_concessions", "peace_deal",
    ]


def test_a_warning_of_harm_is_against_though_it_is_about_damage(nlp):
    found, _ = stances_of(nlp, "The farm minister warned that the new tariffs would destroy thousands of jobs.", TARIFFS)
    assert found["tariffs"][0] == "against"


def test_a_negated_predicate_is_against(nlp):
    found, _ = stances_of(nlp, "Economist Ana Lima said that the import duties would not change the trade balance at all.", TARIFFS)
    assert found["tariffs"][0] == "against"


def test_a_demand_is_favor(nlp):
    found, rows = stances_of(nlp, "Steel workers urged the government to impose higher import duties on Chinese steel.", TARIFFS)
    assert found["tariffs"][0] == "favor"
    assert "urge" in rows["stances"][0]["evidence"] or "urged" in rows["stances"][0]["evidence"]


def test_only_x_can_create_the_conditions_is_favor(nlp, outcomes):
    found, _ = stances_of(nlp, "Qatari mediators stressed that only a ceasefire can create the conditions for the release of the hostages.", outcomes)
    assert found["ceasefire"][0] == "favor"


def test_going_ahead_without_it_is_not_favor(nlp, outcomes):
    found, _ = stances_of(nlp, "The Israeli official made it clear that the talks could begin even without a formal ceasefire.", outcomes)
    assert found["ceasefire"][0] != "favor"


def test_without_it_things_fail_is_favor(nlp, outcomes):
    found, _ = stances_of(nlp, "Aid groups warned that without a truce, the relief effort risks collapsing entirely.", outcomes)
    assert found["ceasefire"][0] == "favor"


def test_rejection_is_against(nlp, outcomes):
    found, _ = stances_of(nlp, "Hamas official Basem Naim said the group rejected the truce proposal.", outcomes)
    assert found["ceasefire"][0] == "against"


def test_two_outcomes_in_one_quote_with_different_stances(nlp, outcomes):
    text = "The Ukrainian foreign minister said that a ceasefire is needed now, without any territorial concessions."
    found, _ = stances_of(nlp, text, outcomes)
    assert found["ceasefire"][0] == "favor"
    assert found["territorial_concessions"][0] == "against"


def test_a_condition_weakens_but_keeps_the_stance(nlp, outcomes):
    plain, _ = stances_of(nlp, "The French president said sanctions must be tightened.", outcomes)
    conditional, _ = stances_of(nlp, "The French president said sanctions must be tightened if the talks fail.", outcomes)
    assert plain["sanctions"][0] == conditional["sanctions"][0] == "favor"
    assert abs(conditional["sanctions"][1]) < abs(plain["sanctions"][1])


def test_a_quote_about_no_outcome_has_no_stance(nlp, outcomes):
    found, rows = stances_of(nlp, "The coach said the pitch was in excellent condition for Saturday's match.", outcomes)
    assert found == {} and len(rows["quotes"]) == 1


def test_a_quote_referring_back_to_an_outcome(nlp, outcomes):
    text = "Washington is weighing the delivery of Tomahawk missiles to Kyiv.\nThe Kremlin warned that such deliveries would trigger a dangerous escalation."
    found, _ = stances_of(nlp, text, outcomes)
    assert found["tomahawk"][0] == "against"


def test_a_user_added_outcome_needs_no_code(tmp_path, nlp):
    path = tmp_path / "outcomes.yml"
    path.write_text("outcomes:\n  - key: strike\n    label: Rail strike\n    terms: [strike, walkout]\n", encoding="utf-8")
    found, _ = stances_of(nlp, "Union leader Mick Lynch said the walkout would go ahead on Monday.", load_outcomes(path))
    assert "strike" in found


@pytest.mark.parametrize("text, message", [
    ("outcomes: [", "not valid YAML"),
    ("outcomes:\n  - label: X\n", "no 'key'"),
    ("outcomes:\n  - key: a\n    terms: [x]\n  - key: a\n    terms: [y]\n", "appears twice"),
    ("outcomes:\n  - key: a\n", "no terms"),
])
def test_malformed_outcome_file_gets_a_clear_message(text, message):
    with pytest.raises(OutcomeError, match=message):
        parse_outcomes(text)


def test_summary_counts_stances_per_actor_and_outcome():
    stances = pd.DataFrame([
        {"quote_id": "a-q1", "article_id": "a", "speaker": "Ann", "outcome": "ceasefire", "stance": "favor", "score": 0.8, "evidence": ""},
        {"quote_id": "a-q2", "article_id": "a", "speaker": "Ann", "outcome": "ceasefire", "stance": "against", "score": -0.4, "evidence": ""},
        {"quote_id": "b-q1", "article_id": "b", "speaker": "Bob", "outcome": "ceasefire", "stance": "neutral", "score": 0.0, "evidence": ""},
    ])
    articles = pd.DataFrame({"article_id": ["a", "b"], "date": ["2025-01-01", "2025-01-02"]})
    overall = stance_summary(stances).set_index("speaker")
    assert overall.loc["Ann", "favor"] == 1 and overall.loc["Ann", "against"] == 1
    assert overall.loc["Ann", "mean_score"] == pytest.approx(0.2)
    by_date = stance_summary(stances, articles, by="date")
    assert list(by_date["date"]) == ["2025-01-01", "2025-01-02"]
