"""Which outcomes a quote is about, judged from the quote in its discourse.

A reader decides what a quote is about from more than its own words: the
sentence around it, the sentence and paragraph before, the heading above,
the article's title, words that point back ("it", "the plan"), and what the
article as a whole is about. Each outcome named anywhere near the quote
becomes a *candidate*, described by story-independent features (where the
outcome is named relative to the quote, how much of the article is about
it, whether another outcome is named closer, whether the quote points back,
the words of the outcome's label and description around it). A small
logistic model over those features (`data/models/targets.json`, trained by
``python -m analytics train`` on this project's own annotated articles in
data/training/, never on a gold set) gives each candidate a probability;
the candidates above the model's threshold are the quote's targets.

Every target records how it was found (`found_by`): ``named`` (the quote
names it), ``sentence``, ``previous``/``next`` (sentence), ``paragraph``,
``previous paragraph``, ``heading``, ``title``, ``article``, ``described``
(only the words of its label or description are near), so an analyst can
keep the sure ones.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from .layout import Layout
from .outcomes import Outcome, Target, _inflections, carrying_sentences, quote_targets

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "data" / "models" / "targets.json"

# Levels at which an outcome can be named relative to a quote, nearest first: the first one that
# names it is the target's `found_by`.
LEVELS = ("named", "sentence", "previous", "next", "paragraph", "previous paragraph", "heading", "title", "article")
# A description word shorter than this is too vague to point at an outcome ("tax" passes, "end" passes, "go" not).
MIN_WORD = 3
# Sentences beyond which a mention no longer counts as near (the feature decays as 1 / (1 + distance)).
FAR_SENTENCES = 12

FEATURES = (
    "named", "named_many", "sentence", "previous", "next", "paragraph", "previous_paragraph", "heading", "title",
    "article_share", "article_top", "nearness", "nearest", "described_quote", "described_sentence",
    "described_paragraph", "other_named", "other_sentence", "pointer", "short", "rule", "candidates",
    "paragraph_gap",
)
# Paragraphs back beyond which the last mention of an outcome is as good as none (paragraph_gap is 1 there).
FAR_PARAGRAPHS = 4


@dataclass(frozen=True)
class Candidate:
    """One outcome a quote may be about: its features and the target the stance rule scores."""

    key: str
    features: dict
    target: Target
    found_by: str


@lru_cache(maxsize=8)
def _description_words(outcomes: tuple[Outcome, ...]) -> dict[str, dict[str, float]]:
    """word form -> {outcome key: weight} for the content words of each outcome's label, description and
    terms; a word several outcomes share weighs 1/n for each."""
    owners: dict[str, set[str]] = {}
    for outcome in outcomes:
        text = " ".join((outcome.label, outcome.description, *outcome.terms)).lower()
        for raw in text.replace("-", " ").replace("/", " ").split():
            word = raw.strip(".,;:()[]'\"“”‘’=")
            if len(word) < MIN_WORD or word in STOP_WORDS or not word.isalpha():
                continue
            for form in _inflections(word):
                owners.setdefault(form, set()).add(outcome.key)
    return {form: {key: 1.0 / len(keys) for key in keys} for form, keys in owners.items()}


@dataclass
class Discourse:
    """Where each outcome is named in one article, computed once for all its quotes."""

    doc: Doc
    layout: Layout
    named_sentences: dict[str, list[int]]  # outcome -> sentence index of each mention, in order
    named_paragraphs: dict[str, set[int]]
    spans: dict[str, list[Span]]
    described: list[dict[str, float]]  # per token: outcome -> weight of description words
    shares: dict[str, float]
    top: str | None


def discourse_of(doc: Doc, layout: Layout, outcomes: list[Outcome], matches: list[Span]) -> Discourse:
    """The outcomes' mentions of ``doc`` arranged by sentence and paragraph (``matches``: `outcome_matches`)."""
    sentences: dict[str, list[int]] = {}
    paragraphs: dict[str, set[int]] = {}
    spans: dict[str, list[Span]] = {}
    for match in matches:
        sentences.setdefault(match.label_, []).append(layout.sentence_of(match.start))
        paragraphs.setdefault(match.label_, set()).add(layout.paragraph_of(match.start_char))
        spans.setdefault(match.label_, []).append(match)
    words = _description_words(tuple(outcomes))
    described = [words.get(t.lower_, {}) if not t.is_stop else {} for t in doc]
    total = sum(len(v) for v in spans.values())
    shares = {key: len(v) / total for key, v in spans.items()} if total else {}
    top = max(shares, key=lambda k: (shares[k], k)) if shares else None
    return Discourse(doc, layout, sentences, paragraphs, spans, described, shares, top)


def _heading_above(layout: Layout, paragraph: int) -> int | None:
    """The nearest heading paragraph before ``paragraph`` (the title counts as one)."""
    for n in range(paragraph - 1, -1, -1):
        if n in layout.headings:
            return n
    return None


def _described(discourse: Discourse, start: int, end: int) -> dict[str, float]:
    weights: dict[str, float] = {}
    for i in range(start, end):
        for key, w in discourse.described[i].items():
            weights[key] = weights.get(key, 0.0) + w
    return weights


def candidates(discourse: Discourse, quote: dict, span: Span) -> list[Candidate]:
    """The outcomes ``quote`` may be about, each with its features (see `FEATURES`)."""
    doc, layout = discourse.doc, discourse.layout
    sent = carrying_sentences(doc, span)
    first, last = layout.sentence_of(sent.start), layout.sentence_of(sent.end - 1)
    paragraph = layout.paragraph_of(span.start_char)
    heading = _heading_above(layout, paragraph)
    all_matches = [m for spans in discourse.spans.values() for m in spans]
    rule = {t.key: t for t in quote_targets(doc, quote, span, sorted(all_matches, key=lambda s: s.start))}
    para_start, para_end = layout.paragraphs[paragraph] if layout.paragraphs else (0, len(doc.text))
    para_span = doc.char_span(para_start, para_end, alignment_mode="expand") or sent
    in_quote = _described(discourse, span.start, span.end)
    in_sentence = _described(discourse, sent.start, sent.end)
    in_paragraph = _described(discourse, para_span.start, para_span.end)
    words = [t for t in span if not (t.is_punct or t.is_space)]
    pointer = any(t.lower_ in {"it", "this", "that", "these", "those", "such", "they", "them"} for t in span[:8])

    named_in_quote = {k for k, v in discourse.spans.items() if any(span.start <= m.start and m.end <= span.end for m in v)}
    named_in_sentence = {k for k, v in discourse.named_sentences.items() if any(first <= s <= last for s in v)}
    nearest_of = {}
    for key, where in discourse.named_sentences.items():
        nearest_of[key] = min(max(first - s, s - last, 0) for s in where)
    nearest_key = min(nearest_of, key=lambda k: (nearest_of[k], k)) if nearest_of else None

    keys = set(discourse.spans) | {k for k, w in in_sentence.items() if w > 0}
    found = []
    for key in sorted(keys):
        where = discourse.named_sentences.get(key, [])
        paras = discourse.named_paragraphs.get(key, set())
        levels = {
            "named": key in named_in_quote,
            "sentence": key in named_in_sentence and key not in named_in_quote,
            "previous": (first - 1) in where,
            "next": (last + 1) in where,
            "paragraph": paragraph in paras,
            "previous paragraph": (paragraph - 1) in paras,
            "heading": heading is not None and heading in paras,
            "title": 0 in paras,
            "article": bool(where),
        }
        distance = nearest_of.get(key, FAR_SENTENCES)
        features = {
            "named": float(levels["named"]),
            "named_many": min(sum(1 for m in discourse.spans.get(key, []) if span.start <= m.start and m.end <= span.end), 3) / 3,
            "sentence": float(levels["sentence"]),
            "previous": float(levels["previous"]),
            "next": float(levels["next"]),
            "paragraph": float(levels["paragraph"]),
            "previous_paragraph": float(levels["previous paragraph"]),
            "heading": float(levels["heading"]),
            "title": float(levels["title"]),
            "article_share": discourse.shares.get(key, 0.0),
            "article_top": float(key == discourse.top),
            "nearness": 1.0 / (1.0 + min(distance, FAR_SENTENCES)),
            "nearest": float(key == nearest_key),
            "described_quote": min(in_quote.get(key, 0.0), 3.0) / 3,
            "described_sentence": min(in_sentence.get(key, 0.0), 3.0) / 3,
            "described_paragraph": min(in_paragraph.get(key, 0.0), 5.0) / 5,
            "other_named": float(bool(named_in_quote - {key})),
            "other_sentence": float(bool(named_in_sentence - {key})),
            "pointer": float(pointer),
            "short": float(len(words) <= 8),
            "rule": float(key in rule),
            "candidates": 1.0 / max(len(keys), 1),
            "paragraph_gap": min(min((paragraph - p for p in paras if p <= paragraph), default=FAR_PARAGRAPHS),
                                 FAR_PARAGRAPHS) / FAR_PARAGRAPHS,
        }
        found_by = next((level for level in LEVELS if levels[level]), "described")
        target = rule.get(key) or Target(key, [], refers=span.root)
        found.append(Candidate(key, features, target, found_by))
    return found


@dataclass(frozen=True)
class LogisticModel:
    """A logistic model over named features, stored as JSON: weights, bias, means, scales, threshold."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    means: tuple[float, ...]
    scales: tuple[float, ...]
    threshold: float

    def probability(self, features: dict) -> float:
        z = self.bias + sum(w * (features.get(name, 0.0) - m) / s
                            for name, w, m, s in zip(self.features, self.weights, self.means, self.scales))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def to_json(self) -> dict:
        return {"features": list(self.features), "weights": list(self.weights), "bias": self.bias,
                "means": list(self.means), "scales": list(self.scales), "threshold": self.threshold}


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> LogisticModel:
    """The targets model stored at ``path`` (default data/models/targets.json)."""
    data = json.loads(Path(path or DEFAULT_MODEL).read_text(encoding="utf-8"))
    return LogisticModel(tuple(data["features"]), tuple(data["weights"]), data["bias"],
                         tuple(data["means"]), tuple(data["scales"]), data["threshold"])


def chosen_candidates(discourse: Discourse, quote: dict, span: Span, model: LogisticModel | None = None) -> list[Candidate]:
    """The candidates the model keeps for ``quote``: probability at or above its threshold."""
    model = model or load_model()
    return [c for c in candidates(discourse, quote, span) if model.probability(c.features) >= model.threshold]
