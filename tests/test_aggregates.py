"""Stance counts per speaker and outcome, over the corpus, per article and per date."""
from __future__ import annotations

import pandas as pd
import pytest

from analytics.aggregates import STANCE_COUNT_COLUMNS, stance_counts


@pytest.fixture()
def stance_rows():
    return pd.DataFrame([
        {"quote_id": "a-q1", "article_id": "a", "speaker": "Ann", "outcome": "ceasefire", "stance": "favor", "score": 0.8, "evidence": ""},
        {"quote_id": "a-q2", "article_id": "a", "speaker": "Ann", "outcome": "ceasefire", "stance": "against", "score": -0.4, "evidence": ""},
        {"quote_id": "b-q1", "article_id": "b", "speaker": "Bob", "outcome": "ceasefire", "stance": "neutral", "score": 0.0, "evidence": ""},
        {"quote_id": "b-q2", "article_id": "b", "speaker": None, "outcome": "meeting", "stance": "favor", "score": 0.5, "evidence": ""},
    ])


def test_summary_counts_stances_per_actor_and_outcome(stance_rows):
    overall = stance_counts(stance_rows).set_index(["speaker", "outcome"])
    assert list(overall.reset_index().columns) == ["speaker", "outcome", "quotes", "favor", "against", "neutral", "mean_score"]
    ann = overall.loc[("Ann", "ceasefire")]
    assert (ann["quotes"], ann["favor"], ann["against"], ann["neutral"]) == (2, 1, 1, 0)
    assert ann["mean_score"] == pytest.approx(0.2)
    assert overall.loc[("", "meeting"), "quotes"] == 1  # no speaker: counted under ""


def test_summary_per_article_and_per_date(stance_rows):
    articles = pd.DataFrame({"article_id": ["a", "b"], "date": ["2025-01-01", "2025-01-02"]})
    per_article = stance_counts(stance_rows, articles, by="article_id")
    assert sorted(set(per_article["article_id"])) == ["a", "b"]
    by_date = stance_counts(stance_rows, articles, by="date")
    assert list(by_date[by_date["speaker"] == "Ann"]["date"]) == ["2025-01-01"]
    assert stance_counts(stance_rows.iloc[0:0], articles, by="date").empty


def test_summary_by_an_unknown_column_says_so(stance_rows):
    with pytest.raises(ValueError, match="by must be"):
        stance_counts(stance_rows, by="speaker")


def test_the_counts_of_no_rows_keep_the_columns(stance_rows):
    assert list(stance_counts(stance_rows.iloc[0:0]).columns) == STANCE_COUNT_COLUMNS
    assert list(stance_counts(stance_rows.iloc[0:0], by="article_id").columns) == ["article_id", *STANCE_COUNT_COLUMNS]


def test_counting_by_date_needs_the_dates(stance_rows):
    with pytest.raises(ValueError, match="needs the articles table"):
        stance_counts(stance_rows, by="date")
