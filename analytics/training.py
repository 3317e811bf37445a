"""Training the learned parts on this project's own annotated articles (data/training/), never on a gold set.

``python -m analytics train`` reads every folder of data/training/ (each one
story in the gold format: ``articles/``, ``outcomes.yml``, ``quotes.jsonl``),
locates each annotated quote in its parsed article, and fits:

- the targets model (`analytics.targets`): for each (quote, candidate
  outcome), whether the annotator said the quote is about it.

Fitting is deterministic (scikit-learn's lbfgs solver, which draws no
random numbers), so the same data gives byte-identical model files. scikit-learn
is needed only here (requirements-dev.txt): the dashboard and ``build`` read
the stored weights with plain Python.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .corpus import load_corpus
from .evaluate import load_gold
from .layout import layout_of
from .outcomes import load_outcomes, outcome_matches
from .targets import FEATURES, DEFAULT_MODEL, LogisticModel, candidates, discourse_of

DEFAULT_TRAINING = Path(__file__).resolve().parent.parent / "data" / "training"
# Inverse regularisation strength: small data, many correlated features, so keep the weights modest.
REGULARISATION = 1.0
# What one article weighs in the fit, in examples, however many candidates it gives.
ARTICLE_WEIGHT = 100
# Folds of articles whose held-out probabilities choose the threshold (see held_out_threshold).
THRESHOLD_FOLDS = 4


@dataclass
class Example:
    """One (quote, candidate outcome) with its features and the annotator's answer."""

    article_id: str
    key: str
    features: dict
    about: bool


def locate_quotes(text: str, gold_quotes: list[dict]) -> list[dict]:
    """The gold quotes of one article with character offsets (``start``, ``end``), found in text order;
    quotes whose text is not in the article are left out."""
    located, cursor = [], 0
    for n, quote in enumerate(gold_quotes):
        at = text.find(quote["text"], cursor)
        if at < 0:
            at = text.find(quote["text"])
        if at < 0:
            continue
        cursor = at + 1
        located.append({**quote, "start": at, "end": at + len(quote["text"]), "quote_id": f"{quote['article_id']}:{n}"})
    return located


def target_examples(nlp, folder: Path, cache=None) -> list[Example]:
    """The targets model's examples of one training folder."""
    from .parse import parse_texts

    outcomes = load_outcomes(folder / "outcomes.yml")
    _, gold_quotes = load_gold(folder)
    articles = load_corpus(folder / "articles").articles
    docs = parse_texts(nlp, [a.text for a in articles], cache)
    examples = []
    for article, doc in zip(articles, docs):
        layout = layout_of(doc)
        discourse = discourse_of(doc, layout, outcomes, outcome_matches(doc, outcomes))
        for quote in locate_quotes(article.text, [q for q in gold_quotes if q["article_id"] == article.article_id]):
            span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
            if span is None:
                continue
            wanted = set(quote.get("stances") or {})
            for candidate in candidates(discourse, quote, span):
                examples.append(Example(article.article_id, candidate.key, candidate.features, candidate.key in wanted))
    return examples


def fit(examples: list[Example], threshold: float | None = None) -> LogisticModel:
    """A logistic model of ``examples`` (threshold: the one given, else the F1-best on the examples)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([[e.features[name] for name in FEATURES] for e in examples], dtype=float)
    y = np.array([e.about for e in examples], dtype=int)
    # Each article weighs the same (ARTICLE_WEIGHT examples' worth): a long article with ten outcomes gives
    # five times the candidates of a short one with three, and would otherwise teach the model its regime alone.
    per_article: dict[str, int] = {}
    for e in examples:
        per_article[e.article_id] = per_article.get(e.article_id, 0) + 1
    weights = np.array([ARTICLE_WEIGHT / per_article[e.article_id] for e in examples])
    means = np.average(x, axis=0, weights=weights)
    scales = np.sqrt(np.average((x - means) ** 2, axis=0, weights=weights))
    scales[scales == 0] = 1.0
    model = LogisticRegression(C=REGULARISATION, solver="lbfgs", max_iter=1000).fit(
        (x - means) / scales, y, sample_weight=weights)
    fitted = LogisticModel(FEATURES, tuple(round(float(w), 6) for w in model.coef_[0]), round(float(model.intercept_[0]), 6),
                           tuple(round(float(m), 6) for m in means), tuple(round(float(s), 6) for s in scales), 0.5)
    if threshold is None:
        threshold = held_out_threshold(examples)
    return LogisticModel(fitted.features, fitted.weights, fitted.bias, fitted.means, fitted.scales, threshold)


def held_out_threshold(examples: list[Example]) -> float:
    """The F1-best probability cut over probabilities each example gets from a model fitted without its article.

    A model's probabilities on its own training examples are too sure of themselves, so a cut chosen on
    them is too high for articles it has not seen. The articles are dealt into `THRESHOLD_FOLDS` folds
    (in sorted order); with fewer than two articles the in-sample probabilities are all there is.
    """
    articles = sorted({e.article_id for e in examples})
    if len(articles) < 2:
        return best_threshold([(fit(examples, 0.5).probability(e.features), e.about) for e in examples])
    fold_of = {a: n % min(THRESHOLD_FOLDS, len(articles)) for n, a in enumerate(articles)}
    scored = []
    for fold in sorted(set(fold_of.values())):
        model = fit([e for e in examples if fold_of[e.article_id] != fold], 0.5)
        scored += [(model.probability(e.features), e.about) for e in examples if fold_of[e.article_id] == fold]
    return best_threshold(scored)


def best_threshold(scored: list[tuple[float, bool]]) -> float:
    """The probability cut that maximises F1 over (probability, truth) pairs (grid of 0.05)."""
    best, best_f1 = 0.5, -1.0
    for step in range(2, 19):
        cut = step / 20
        tp = sum(1 for p, t in scored if p >= cut and t)
        fp = sum(1 for p, t in scored if p >= cut and not t)
        fn = sum(1 for p, t in scored if p < cut and t)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = cut, f1
    return best


def leave_one_article_out(examples: list[Example]) -> dict:
    """Precision, recall and F1 of the targets model when each article is judged by a model fitted on
    the others (its threshold chosen on the others too)."""
    tp = fp = fn = 0
    for article in sorted({e.article_id for e in examples}):
        model = fit([e for e in examples if e.article_id != article])
        for e in examples:
            if e.article_id == article:
                chosen = model.probability(e.features) >= model.threshold
                tp += chosen and e.about
                fp += chosen and not e.about
                fn += (not chosen) and e.about
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "examples": len(examples)}


def train(nlp, training: Path = DEFAULT_TRAINING, out: Path = DEFAULT_MODEL, cache=None) -> dict:
    """Fit the targets model on every folder of ``training``, write it to ``out``; returns its scores."""
    folders = sorted(p for p in Path(training).iterdir() if (p / "quotes.jsonl").is_file())
    examples = [e for folder in folders for e in target_examples(nlp, folder, cache)]
    model = fit(examples)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    return {"folders": len(folders), "leave_one_article_out": leave_one_article_out(examples),
            "threshold": model.threshold, "weights": dict(zip(model.features, model.weights))}
