"""Which outcomes a quote is about (`analytics.targets`): the quote in its discourse, on stories of our own."""
from __future__ import annotations

import pytest

from analytics.corpus import Article
from analytics.outcomes import parse_outcomes
from analytics.parse import parse_texts
from analytics.pipeline import analyse_doc
from analytics.targets import LEVELS, load_model

# A user's short outcome file for a story no rule was written for: three terms each.
OUTCOMES = parse_outcomes("""
outcomes:
  - key: merger
    label: Merger approval
    description: the regulator approving the merger of the two supermarket chains
    terms: [merger, takeover, tie-up]
  - key: price_cap
    label: Price cap
    description: a legal cap on food prices
    terms: [price cap, cap on prices, price controls]
  - key: store_closures
    label: Store closures
    description: shops closing after the deal
    terms: [store closures, closures, shut stores]
""")


def test_an_outcome_named_only_in_the_paragraph_before(nlp, registry):
    text = ("Regulator weighs supermarket deal\n\n"
            "The competition authority will rule next month on the merger of Freshway and Dalton Foods.\n\n"
            '"It would leave shoppers in forty towns with one place to buy bread," said Ana Kovic, who leads a consumer group.\n')
    doc = parse_texts(nlp, [text])[0]
    rows = analyse_doc(doc, Article("t", text), registry, outcomes=OUTCOMES)
    # the sentence before the quote is the paragraph before it: the nearer level is recorded
    assert [(s["outcome"], s["found_by"]) for s in rows["stances"]] == [("merger", "previous")]


def test_an_outcome_named_by_the_words_of_its_description(nlp, registry):
    text = ("Food prices\n\n"
            '"Putting a legal limit on what a loaf costs is the only thing that will help families," said Tomas Lind, a union economist.\n')
    doc = parse_texts(nlp, [text])[0]
    rows = analyse_doc(doc, Article("t", text), registry, outcomes=OUTCOMES)
    # "prices" in the heading and "legal" in the quote are the price cap's description words, and nothing else is near
    assert {s["outcome"] for s in rows["stances"]} == {"price_cap"}


def test_a_quote_far_from_every_outcome_is_about_none(nlp, registry):
    text = ("Library opens\n\n"
            "The mayor opened a new library on Saturday.\n\n"
            '"Children here finally have somewhere warm to read after school," said Mayor Ilse Brandt.\n')
    doc = parse_texts(nlp, [text])[0]
    rows = analyse_doc(doc, Article("t", text), registry, outcomes=OUTCOMES)
    assert rows["quotes"] and rows["stances"] == []


def test_the_quote_names_the_outcome_itself(nlp, registry):
    text = ('"The takeover is a disaster for small farmers," said Ruth Ames of the farmers\' union.\n')
    doc = parse_texts(nlp, [text])[0]
    rows = analyse_doc(doc, Article("t", text), registry, outcomes=OUTCOMES)
    assert [(s["outcome"], s["found_by"]) for s in rows["stances"]] == [("merger", "named")]


def test_an_outcome_named_closer_wins_over_the_article_topic(nlp, registry):
    text = ("Supermarket merger cleared\n\n"
            "The merger of Freshway and Dalton Foods was approved on Monday.\n\n"
            "Dalton said 12 store closures would follow in the north.\n\n"
            '"Those closures will gut three high streets," said councillor Priya Nair.\n')
    doc = parse_texts(nlp, [text])[0]
    rows = analyse_doc(doc, Article("t", text), registry, outcomes=OUTCOMES)
    nair = [q["quote_id"] for q in rows["quotes"] if "gut three high streets" in q["text"]]
    assert {s["outcome"] for s in rows["stances"] if s["quote_id"] in nair} == {"store_closures"}


def test_the_stored_model_names_its_features_and_threshold():
    model = load_model()
    assert len(model.features) == len(model.weights) == len(model.means) == len(model.scales)
    assert 0.0 < model.threshold < 1.0
    assert model.probability({}) != model.probability({"named": 1.0})


def test_found_by_levels_run_from_the_quote_outwards():
    assert LEVELS[0] == "named" and LEVELS.index("sentence") < LEVELS.index("paragraph") < LEVELS.index("title")


def _features(nlp, text, quote_text):
    from analytics.layout import layout_of
    from analytics.outcomes import outcome_matches
    from analytics.targets import candidates, discourse_of

    doc = parse_texts(nlp, [text])[0]
    start = text.index(quote_text)
    quote = {"start": start, "end": start + len(quote_text), "text": quote_text, "kind": "direct"}
    span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
    discourse = discourse_of(doc, layout_of(doc), OUTCOMES, outcome_matches(doc, OUTCOMES))
    return {c.key: c.features for c in candidates(discourse, quote, span)}


def test_the_article_topic_counts_alone_only_where_no_other_outcome_is_named_near(nlp):
    opening = ("Supermarket merger faces final hurdle\n\n"
               "The merger of Freshway and Dalton Foods goes before the regulator on Friday. "
               "The takeover would create the largest grocer in the country.\n\n"
               "Farmers gathered outside the town hall with tractors.\n\n")
    quote = "We will see them in every court in the land"
    alone = _features(nlp, opening + f'"{quote}," said Ruth Ames, who chairs the farmers\' union.\n', quote)
    assert alone["merger"]["top_alone"] == 1.0
    crowded = _features(nlp, opening + "Some of them also want price controls.\n\n"
                        f'"{quote}," said Ruth Ames, who chairs the farmers\' union.\n', quote)
    assert crowded["merger"]["top_alone"] == 0.0
    assert crowded["price_cap"]["top_alone"] == 0.0  # named near, but not what the article is about


def test_a_description_word_that_spacy_keeps_as_a_symbol_still_counts(nlp):
    # spaCy stores some words ("number", "person", "case") under fixed symbol ids, not their hash: a quote
    # in the words of the outcome's description must be found whatever id the word has in the parse.
    outcomes = parse_outcomes("""
outcomes:
  - key: permit_cap
    label: Permit cap
    description: a limit on the number of fishing permits
    terms: [permit cap]
""")
    text = "The council met on Monday.\n\n\"The number is simply too high,\" said Rosa Pike, a skipper.\n"
    from analytics.layout import layout_of
    from analytics.outcomes import outcome_matches
    from analytics.targets import discourse_of

    doc = parse_texts(nlp, [text])[0]
    discourse = discourse_of(doc, layout_of(doc), outcomes, outcome_matches(doc, outcomes))
    number = next(t.i for t in doc if t.lower_ == "number")
    assert discourse.outcomes["permit_cap"].described_weight(number, number + 1) > 0
