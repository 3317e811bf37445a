"""The learned parts retrain deterministically from data/training/ (`python -m analytics train`)."""
from __future__ import annotations

import json

import pytest

from analytics.parse import ParseCache
from analytics.targets import DEFAULT_MODEL
from analytics.training import DEFAULT_TRAINING, best_threshold, locate_quotes, train


def test_quotes_are_located_in_text_order_even_when_a_text_repeats():
    text = 'He said "no". Later she said "no" again, and "maybe".'
    located = locate_quotes(text, [{"article_id": "a", "text": "no"}, {"article_id": "a", "text": "no"},
                                   {"article_id": "a", "text": "maybe"}, {"article_id": "a", "text": "absent"}])
    assert [text[q["start"]:q["end"]] for q in located] == ["no", "no", "maybe"]
    assert located[0]["start"] < located[1]["start"]


def test_the_threshold_is_the_f1_best_cut():
    scored = [(0.9, True), (0.7, True), (0.6, False), (0.3, False), (0.2, True)]
    assert best_threshold(scored) == 0.65  # two of three found, none wrong (F1 0.80) beats keeping all five (0.75)
    assert best_threshold([(0.9, True), (0.8, True), (0.3, False), (0.2, False)]) == 0.35


def test_the_shipped_model_is_what_training_gives(nlp, tmp_path):
    out = tmp_path / "targets.json"
    cache = ParseCache(tmp_path / "cache", nlp)
    report = train(nlp, DEFAULT_TRAINING, out, cache)
    fresh, shipped = json.loads(out.read_text()), json.loads(DEFAULT_MODEL.read_text())
    # Same features and threshold; weights equal up to the last digits a BLAS build may change.
    assert fresh["features"] == shipped["features"] and fresh["threshold"] == shipped["threshold"], \
        "data/models/targets.json is stale: run python -m analytics train"
    for name in ("weights", "means", "scales"):
        assert fresh[name] == pytest.approx(shipped[name], abs=1e-3), name
    assert abs(fresh["bias"] - shipped["bias"]) < 1e-3
    train(nlp, DEFAULT_TRAINING, tmp_path / "again.json", cache)
    assert (tmp_path / "again.json").read_bytes() == out.read_bytes()  # deterministic: the same bytes again
    assert report["folders"] >= 12
    loo = report["leave_one_article_out"]
    assert loo["f1"] > 0.6 and loo["examples"] > 1000
    assert json.loads(out.read_text())["features"] == list(report["weights"])


def test_a_long_article_weighs_no_more_than_a_short_one():
    # An article with many candidates (a long one, ten outcomes) must not outvote the others by its size:
    # repeating each of its examples changes nothing.
    from analytics.targets import FEATURES
    from analytics.training import Example, fit

    def example(article, named, about):
        return Example(article, "x", {name: float(name == "named" and named) for name in FEATURES}, about)

    short = [example("a", True, True), example("a", False, False), example("b", True, True), example("b", False, True)]
    long_ = [example("c", True, False), example("c", False, False)]
    once = fit(short + long_, 0.5)
    five = fit(short + long_ * 5, 0.5)
    assert once.weights == pytest.approx(five.weights, abs=1e-4)
    assert once.bias == pytest.approx(five.bias, abs=1e-4)
