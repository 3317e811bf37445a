"""Which outcomes a quote is about, judged from the quote in its discourse.

A reader decides what a quote is about from more than its own words: the
sentence around it, the sentence and paragraph before, the heading above,
the article's title, words that point back ("it", "the plan"), and what the
article as a whole is about. Each outcome named anywhere near the quote
becomes a *candidate*, described by story-independent features (where the
outcome is named relative to the quote, how much of the article is about
it and whether it is the article's topic with no other outcome named within a
sentence of the quote, whether another outcome is named closer, whether the quote points back,
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

import bisect
import itertools
import json
import math
import operator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from .layout import Layout
from .outcomes import ANAPHORS, SHORT_QUOTE, Outcome, Target, carrying_sentences, inflections, quote_targets

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
    "paragraph_gap", "top_alone",
)
# Words at the start of a quote in which a pointer ("it", "such") marks it as referring back.
POINTER_WORDS = 8
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
            for form in inflections(word):
                owners.setdefault(form, set()).add(outcome.key)
    return {form: {key: 1.0 / len(keys) for key in keys} for form, keys in owners.items()}


@lru_cache(maxsize=8)
def _description_ids(outcomes: tuple[Outcome, ...], strings) -> dict[int, dict[str, float]]:
    """`_description_words` keyed by the id ``strings`` (a vocab's StringStore) gives each word form, as
    the parse's LOWER column holds them: a hash, or a small fixed number for spaCy's symbols ("number")."""
    return {strings[form]: weights for form, weights in _description_words(outcomes).items()}


@dataclass
class Mentions:
    """Where one outcome is named (or described) in an article, sorted, so that any window is a bisection."""

    spans: list[Span] = field(default_factory=list)  # by start
    starts: list[int] = field(default_factory=list)  # token index of each span's start
    sentences: list[int] = field(default_factory=list)  # sorted sentence indexes (with repeats)
    paragraphs: list[int] = field(default_factory=list)  # sorted paragraph indexes (with repeats)
    described_at: list[int] = field(default_factory=list)  # token indexes of description words
    described_sum: list[float] = field(default_factory=lambda: [0.0])  # prefix sums of their weights

    def named_within(self, start: int, end: int) -> int:
        """How many mentions lie inside tokens [start, end)."""
        lo = bisect.bisect_left(self.starts, start)
        return sum(1 for m in self.spans[lo:bisect.bisect_left(self.starts, end)] if m.end <= end)

    def in_sentences(self, first: int, last: int) -> bool:
        return _any_between(self.sentences, first, last)

    def in_paragraph(self, n: int) -> bool:
        return _any_between(self.paragraphs, n, n)

    def sentence_distance(self, first: int, last: int) -> int | None:
        """Sentences between sentences [first, last] and the nearest mention (0 inside), None without one."""
        if not self.sentences:
            return None
        i = bisect.bisect_left(self.sentences, first)
        near = [first - self.sentences[i - 1]] if i > 0 else []
        if i < len(self.sentences):
            near.append(max(self.sentences[i] - last, 0))
        return min(near)

    def paragraphs_back(self, n: int) -> int | None:
        """Paragraphs from the last mention at or before paragraph ``n`` to ``n``, None without one."""
        i = bisect.bisect_right(self.paragraphs, n)
        return n - self.paragraphs[i - 1] if i else None

    def described_weight(self, start: int, end: int) -> float:
        """The weight of this outcome's description words inside tokens [start, end)."""
        lo, hi = bisect.bisect_left(self.described_at, start), bisect.bisect_left(self.described_at, end)
        return self.described_sum[hi] - self.described_sum[lo]


def _any_between(values: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(values, lo)
    return i < len(values) and values[i] <= hi


@dataclass
class Discourse:
    """Where each outcome is named in one article, computed once for all its quotes."""

    doc: Doc
    layout: Layout
    outcomes: dict[str, Mentions]
    matches: list[Span]  # every outcome mention, by start
    match_starts: list[int]
    shares: dict[str, float]
    top: str | None
    # Token bounds of each paragraph looked up so far (None: no token in it): several quotes share a paragraph.
    paragraph_tokens: dict[int, tuple[int, int] | None] = field(default_factory=dict)

    def paragraph_bounds(self, n: int) -> tuple[int, int] | None:
        """The tokens [start, end) of paragraph ``n`` (of the layout's, the whole text without any), None for none."""
        if n not in self.paragraph_tokens:
            start, end = self.layout.paragraphs[n] if self.layout.paragraphs else (0, len(self.doc.text))
            found = self.doc.char_span(start, end, alignment_mode="expand")
            self.paragraph_tokens[n] = (found.start, found.end) if found else None  # an empty span counts as none
        return self.paragraph_tokens[n]


def discourse_of(doc: Doc, layout: Layout, outcomes: list[Outcome], matches: list[Span]) -> Discourse:
    """The outcomes' mentions of ``doc`` arranged by sentence and paragraph (``matches``: `outcome_matches`)."""
    found: dict[str, Mentions] = {}
    ordered = sorted(matches, key=lambda m: m.start)
    for match in ordered:
        at = found.setdefault(match.label_, Mentions())
        at.spans.append(match)
        at.starts.append(match.start)
        at.sentences.append(layout.sentence_of(match.start))
        at.paragraphs.append(layout.paragraph_of(match.start_char))
    for at in found.values():
        at.sentences.sort()
        at.paragraphs.sort()
    # The word forms' hashes against one column read of the parse: no Python object per token, and no list
    # per row either (two flat lists zipped).
    from spacy.attrs import IS_STOP, LOWER

    words = _description_ids(tuple(outcomes), doc.vocab.strings)
    columns = doc.to_array([LOWER, IS_STOP]).reshape(-1, 2)
    for i, (form, stop) in enumerate(zip(columns[:, 0].tolist(), columns[:, 1].tolist())):
        if form not in words or stop:
            continue
        for key, weight in words[form].items():
            at = found.setdefault(key, Mentions())
            at.described_at.append(i)
            at.described_sum.append(at.described_sum[-1] + weight)
    total = sum(len(at.spans) for at in found.values())
    shares = {key: len(at.spans) / total for key, at in found.items() if at.spans} if total else {}
    top = max(shares, key=lambda k: (shares[k], k)) if shares else None
    return Discourse(doc, layout, found, ordered, [m.start for m in ordered], shares, top)


def _heading_above(layout: Layout, paragraph: int) -> int | None:
    """The nearest heading paragraph before ``paragraph`` (the title counts as one)."""
    for n in range(paragraph - 1, -1, -1):
        if n in layout.headings:
            return n
    return None


def _matches_between(discourse: Discourse, start: int, end: int) -> list[Span]:
    """The outcome mentions starting inside tokens [start, end), by start."""
    lo = bisect.bisect_left(discourse.match_starts, start)
    return discourse.matches[lo:bisect.bisect_left(discourse.match_starts, end)]


def candidates(discourse: Discourse, quote: dict, span: Span) -> list[Candidate]:
    """The outcomes ``quote`` may be about, each with its features (see `FEATURES`)."""
    doc, layout = discourse.doc, discourse.layout
    sent = carrying_sentences(doc, span, layout.sentence_starts)
    first, last = layout.sentence_of(sent.start), layout.sentence_of(sent.end - 1)
    paragraph = layout.paragraph_of(span.start_char)
    heading = _heading_above(layout, paragraph)
    # The sentence rule reads the quote, its sentence and the sentence before: hand it those mentions only.
    before = layout.sentence_starts[first - 1] if first > 0 else 0
    rule = {t.key: t for t in quote_targets(doc, quote, span, _matches_between(discourse, before, sent.end), sent)}
    para_start, para_end = discourse.paragraph_bounds(paragraph) or (sent.start, sent.end)
    words = [t for t in span if not (t.is_punct or t.is_space)]
    pointer = any(t.lower_ in ANAPHORS for t in span[:POINTER_WORDS])

    named_in_quote = {k for k, at in discourse.outcomes.items() if at.named_within(span.start, span.end)}
    named_in_sentence = {k for k, at in discourse.outcomes.items() if at.in_sentences(first, last)}
    distances = {k: d for k, at in discourse.outcomes.items() if (d := at.sentence_distance(first, last)) is not None}
    nearest_key = min(distances, key=lambda k: (distances[k], k)) if distances else None

    keys = {k for k, at in discourse.outcomes.items() if at.spans or at.described_weight(sent.start, sent.end) > 0}
    near = {k for k, at in discourse.outcomes.items() if at.in_sentences(max(first - 1, 0), last + 1)}
    found = []
    for key in sorted(keys):
        at = discourse.outcomes[key]
        levels = {
            "named": key in named_in_quote,
            "sentence": key in named_in_sentence and key not in named_in_quote,
            "previous": first > 0 and at.in_sentences(first - 1, first - 1),
            "next": at.in_sentences(last + 1, last + 1),
            "paragraph": at.in_paragraph(paragraph),
            "previous paragraph": paragraph > 0 and at.in_paragraph(paragraph - 1),
            "heading": heading is not None and at.in_paragraph(heading),
            "title": at.in_paragraph(0),
            "article": bool(at.spans),
        }
        distance = distances.get(key, FAR_SENTENCES)
        back = at.paragraphs_back(paragraph)
        features = {
            "named": float(levels["named"]),
            "named_many": min(at.named_within(span.start, span.end), 3) / 3,
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
            "described_quote": min(at.described_weight(span.start, span.end), 3.0) / 3,
            "described_sentence": min(at.described_weight(sent.start, sent.end), 3.0) / 3,
            "described_paragraph": min(at.described_weight(para_start, para_end), 5.0) / 5,
            "other_named": float(bool(named_in_quote - {key})),
            "other_sentence": float(bool(named_in_sentence - {key})),
            "pointer": float(pointer),
            "short": float(len(words) <= SHORT_QUOTE),
            "rule": float(key in rule),
            "candidates": 1.0 / max(len(keys), 1),
            "paragraph_gap": min(FAR_PARAGRAPHS if back is None else back, FAR_PARAGRAPHS) / FAR_PARAGRAPHS,
            "top_alone": float(key == discourse.top and not (near - {key})),
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
        intercept, slopes = self._linear
        # The same products summed in the same order as a generator would, without a Python frame per feature.
        z = intercept + sum(map(operator.mul, slopes, map(features.get, self.features, itertools.repeat(0.0))))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    @cached_property
    def _linear(self) -> tuple[float, tuple[float, ...]]:
        """The model as intercept and slope per feature (in `features` order): the standardisation folded in
        once, not per candidate."""
        slopes = tuple(w / s for w, s in zip(self.weights, self.scales))
        return self.bias - sum(w * m / s for w, m, s in zip(self.weights, self.means, self.scales)), slopes

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
