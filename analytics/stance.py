"""Each quote's stance toward the outcomes it is about, with the words that decided it.

Outcomes come from ``data/outcomes.yml`` (editable: a user adds one with no
code change), stance cues from ``data/stance_lexicon.yml``. Labels follow
SemEval-2016: ``favor``, ``against``, ``neutral``.

Which outcomes a quote is about: those its words name; for reported speech
also those the sentence carrying it names; and, where the quote refers back
(``such deliveries``, ``it``, ``this``) and names none, those of the sentence
before.

The scoring rule, for a quote and one outcome it is about (VADER's sentiment
of a whole sentence is not stance, so it is only one weak term here):

    cues     = sum over the quote's cue words (not part of the outcome's name) of
               weight x polarity (+1 favor, -1 against) x proximity x negation
               proximity = 1 / (1 + distance in words to the outcome / 4)
               negation  = -1 when the cue word is negated (not, never, n't, no ...)
    syntax   = -1.5 when the outcome is governed by "without" or "against"
               (``without a formal ceasefire``, ``warned against such a delivery``)
               -1.0 when the outcome is the subject of a negated predicate
               (``Tomahawks would not change the situation``)
    verb     = +0.5 for a favouring reporting verb (urged, welcomed, pledged ...),
               -0.7 for an opposing one (warned, rejected ...), when the quote's
               own words do not already decide
    vader    = VADER compound of the eight words either side of the outcome
    score    = tanh(cues + syntax + verb + 0.4 x vader), x 0.7 if conditional (if, unless),
               x 0.3 if procedural/cautious words (questions, careful, step-by-step ...)
               outweigh the cues
    label    = favor if score >= 0.25, against if score <= -0.25, else neutral
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_OUTCOMES = DATA / "outcomes.yml"
DEFAULT_LEXICON = DATA / "stance_lexicon.yml"
STANCE_COLUMNS = ["quote_id", "article_id", "speaker", "outcome", "stance", "score", "evidence"]
SUMMARY_COLUMNS = ["speaker", "outcome", "quotes", "favor", "against", "neutral", "mean_score"]
FAVOR, AGAINST = 0.25, -0.25
_ANAPHORA = {"such", "this", "these", "that", "those", "it", "they", "them"}


class OutcomeError(ValueError):
    """The outcome definitions cannot be used; the message says why."""


@dataclass(frozen=True)
class Outcome:
    """An outcome quotes can be for or against, and the words that name it."""

    key: str
    label: str
    description: str = ""
    terms: tuple[str, ...] = ()
    patterns: tuple = field(default=(), compare=False)


def load_outcomes(path: str | Path | None = None) -> list[Outcome]:
    """The outcome definitions in ``path`` (default data/outcomes.yml)."""
    path = Path(path) if path else DEFAULT_OUTCOMES
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise OutcomeError(f"{path}: cannot read the outcome definitions ({err})") from err
    return parse_outcomes(text, str(path))


def parse_outcomes(text: str, where: str = "outcome definitions") -> list[Outcome]:
    """Outcomes from YAML text (see data/outcomes.yml for the format)."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        raise OutcomeError(f"{where}: not valid YAML ({err})") from err
    rows = data.get("outcomes") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise OutcomeError(f"{where}: expected a list of outcomes under 'outcomes:'")
    outcomes, seen = [], set()
    for i, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not str(row.get("key") or "").strip():
            raise OutcomeError(f"{where}: outcome #{i} has no 'key'")
        key = str(row["key"]).strip()
        if key in seen:
            raise OutcomeError(f"{where}: outcome key {key!r} appears twice")
        seen.add(key)
        terms = row.get("terms") or []
        patterns = row.get("patterns") or []
        if not isinstance(terms, list) or not isinstance(patterns, list):
            raise OutcomeError(f"{where}: outcome {key!r}: 'terms' and 'patterns' must be lists")
        if not terms and not patterns:
            raise OutcomeError(f"{where}: outcome {key!r} has no terms or patterns that name it")
        for pattern in patterns:
            if not isinstance(pattern, list) or not all(isinstance(t, dict) for t in pattern):
                raise OutcomeError(f"{where}: outcome {key!r}: each pattern must be a list of token dicts")
        outcomes.append(Outcome(
            key=key,
            label=str(row.get("label") or key).strip(),
            description=str(row.get("description") or "").strip(),
            terms=tuple(str(t).strip() for t in terms if str(t).strip()),
            patterns=tuple(tuple(p) for p in patterns),
        ))
    return outcomes


@dataclass(frozen=True)
class Lexicon:
    """Stance cue words with weights, negations, conditionals, reporting-verb leanings."""

    favor: dict
    against: dict
    neutral: dict
    negations: frozenset
    conditionals: frozenset
    reporting_favor: frozenset
    reporting_against: frozenset
    expectation_verbs: frozenset


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The stance lexicon in ``path`` (default data/stance_lexicon.yml)."""
    data = yaml.safe_load(Path(path or DEFAULT_LEXICON).read_text(encoding="utf-8")) or {}
    return Lexicon(
        favor={str(k).lower(): float(v) for k, v in (data.get("favor") or {}).items()},
        against={str(k).lower(): float(v) for k, v in (data.get("against") or {}).items()},
        neutral={str(k).lower(): float(v) for k, v in (data.get("neutral") or {}).items()},
        **{key: frozenset(str(w).lower() for w in data.get(key) or [])
           for key in ("negations", "conditionals", "reporting_favor", "reporting_against", "expectation_verbs")},
    )


def _inflections(word: str) -> list[str]:
    """A word and its common English inflections (enough to match plurals and verb forms)."""
    w = word.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("y"):
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if w.endswith("e"):
        forms.add(w[:-1] + "ing")
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", w):
        forms |= {w + w[-1] + "ing", w + w[-1] + "ed"}
    return sorted(forms)


class OutcomeMatcher:
    """Finds every outcome's terms (any capitals, common inflections of the last word) and patterns.

    Terms go to a PhraseMatcher on LOWER (hash look-ups, fast on long
    texts); only the Matcher patterns of data/outcomes.yml go to a Matcher.
    """

    def __init__(self, vocab, outcomes: list[Outcome]):
        from spacy.lang.en import English
        from spacy.matcher import PhraseMatcher

        tokenizer = English(vocab=vocab).tokenizer
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.patterns = Matcher(vocab)
        for outcome in outcomes:
            variants = []
            for term in outcome.terms:
                words = [t.text.lower() for t in tokenizer(term)]
                if words:
                    variants.extend(" ".join(words[:-1] + [last]) for last in _inflections(words[-1]))
            if variants:
                self.phrases.add(outcome.key, [tokenizer(v) for v in dict.fromkeys(variants)])
            if outcome.patterns:
                try:
                    self.patterns.add(outcome.key, [[dict(t) for t in p] for p in outcome.patterns])
                except ValueError as err:
                    raise OutcomeError(f"outcome {outcome.key!r}: invalid pattern ({err})") from err

    def __call__(self, doc: Doc) -> list[Span]:
        return list(self.phrases(doc, as_spans=True)) + list(self.patterns(doc, as_spans=True))


def outcome_matcher(vocab, outcomes: list[Outcome]) -> OutcomeMatcher:
    """The matcher of ``outcomes``' names (see OutcomeMatcher)."""
    return OutcomeMatcher(vocab, outcomes)


def _cached_matcher(doc: Doc, outcomes: list[Outcome]) -> OutcomeMatcher:
    key = (id(doc.vocab), repr(outcomes))
    matcher = _MATCHERS.get(key)
    if matcher is None:
        matcher = _MATCHERS[key] = outcome_matcher(doc.vocab, outcomes)
    return matcher


_MATCHERS: dict = {}


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def outcome_matches(doc: Doc, outcomes: list[Outcome]) -> list[Span]:
    """Every outcome name in ``doc`` (label = outcome key), longest first where they overlap."""
    matches = sorted(_cached_matcher(doc, outcomes)(doc), key=lambda s: (-(s.end - s.start), s.start))
    kept, taken = [], set()
    for match in matches:
        if not any(i in taken for i in range(match.start, match.end)):
            taken.update(range(match.start, match.end))
            kept.append(match)
    return sorted(kept, key=lambda s: s.start)


def outcome_mentions(matches: list[Span], span: Span) -> dict[str, list[Span]]:
    """The outcomes named inside ``span``, each with the spans that name it."""
    found: dict[str, list[Span]] = {}
    for match in matches:
        if span.start <= match.start and match.end <= span.end:
            found.setdefault(match.label_, []).append(match)
    return found


def _quote_span(doc: Doc, quote: dict) -> Span | None:
    return doc.char_span(quote["start"], quote["end"], alignment_mode="expand")


def _about(doc: Doc, quote: dict, span: Span, matches: list[Span]) -> dict[str, list[Span]]:
    """Outcomes a quote is about: named in it, else in the sentence carrying it, else referred back to.

    The sentence counts for reported speech always (the clause may not
    repeat what the sentence names), and for a direct quote that names
    nothing itself. The sentence before counts when the quote refers back
    (``such deliveries``, ``it``) or is too short to name anything (``We are
    ready!``), and names nothing itself.
    """
    found = outcome_mentions(matches, span)
    sent = doc[span.start].sent
    if quote["kind"] == "indirect" or not found:
        for key, spans in outcome_mentions(matches, sent).items():
            found.setdefault(key, spans)
    words = [t for t in span if not t.is_punct]
    if not found and sent.start > 0 and (any(t.lower_ in _ANAPHORA for t in span) or len(words) <= 8):
        previous = doc[sent.start - 1].sent
        if previous.end - previous.start > 1:
            for key in outcome_mentions(matches, previous):
                found[key] = [doc[span.start: span.start]]  # empty: referred to, not named, in the quote
    return found


def _negated(token: Token, lexicon: Lexicon) -> bool:
    """Whether a word is negated: a negation attached to it or to its head, or just before it."""
    for t in (token, token.head):
        if any(c.dep_ == "neg" or c.lower_ in lexicon.negations and c.dep_ in ("neg", "advmod", "det") for c in t.children):
            return True
    doc = token.doc
    before = doc[max(token.i - 3, token.sent.start): token.i]
    return any(t.lower_ in lexicon.negations and t.lower_ != "without" for t in before)


def _governed_by(token: Token, words: set[str], steps: int = 3) -> Token | None:
    node = token
    for _ in range(steps):
        if node.head is node:
            return None
        node = node.head
        if node.lower_ in words and node.dep_ == "prep":
            return node
    return None


def score_stance(doc: Doc, quote: dict, span: Span, named: list[Span], lexicon: Lexicon) -> tuple[float, str]:
    """Score in [-1, 1] of a quote toward one outcome named by ``named``, and the evidence (see module docstring)."""
    referred = all(len(s) == 0 for s in named)
    outcome_tokens = {t.i for s in named for t in s}
    # An outcome only referred back to stands at the quote's start.
    anchor = sorted(outcome_tokens) or [span.start]
    if anchor and not (span.start <= anchor[0] < span.end):
        span = doc[anchor[0]].sent  # named beside the reported clause: judge it in its sentence
    evidence = []
    cues = neutral = 0.0
    for tok in span:
        if tok.i in outcome_tokens or tok.is_punct:
            continue
        lemma = tok.lemma_.lower()
        weight, polarity = 0.0, 0
        if lemma in lexicon.favor or tok.lower_ in lexicon.favor:
            weight, polarity = lexicon.favor.get(lemma, lexicon.favor.get(tok.lower_, 0.0)), 1
        elif lemma in lexicon.against or tok.lower_ in lexicon.against:
            weight, polarity = lexicon.against.get(lemma, lexicon.against.get(tok.lower_, 0.0)), -1
        elif lemma in lexicon.neutral or tok.lower_ in lexicon.neutral:
            # Procedure and caution colour the whole statement, wherever they stand.
            neutral += lexicon.neutral.get(lemma, lexicon.neutral.get(tok.lower_, 0.0))
            evidence.append(f"{tok.text}(neutral)")
            continue
        if not polarity:
            continue
        if lemma in ("without", "against"):
            continue  # judged by what they govern, below
        distance = min(abs(tok.i - i) for i in anchor) if anchor else 10
        sign = -1 if _negated(tok, lexicon) else 1
        value = weight * polarity * sign / (1 + distance / 8)
        cues += value
        evidence.append(f"{'not ' if sign < 0 else ''}{tok.text}({value:+.2f})")

    syntax = 0.0
    for s in ([] if referred else named):
        root = s.root
        prep = _governed_by(root, {"without", "against"})
        if prep is not None:
            # "without X, the talks will fail": lacking X is bad, so X is wanted.
            syntax = 1.5 if prep.lower_ == "without" and cues < -0.3 else -1.5
            cues = 0.0
            evidence.append(f"{prep.text} {s.text}({syntax:+.2f})")
            break
        predicate = _predicate_of_subject(root)
        if predicate is not None and any(c.dep_ == "neg" for c in predicate.children):
            syntax = -1.0
            evidence.append(f"{s.text} … not {predicate.text}(-1.00)")
            break
        if _expected(root, lexicon):
            syntax = 0.6
            evidence.append(f"{s.text} expected(+0.60)")

    verb = 0.0
    lemmas = _cue_lemmas(doc, quote)
    if abs(cues) < 0.5 and syntax <= 0.6:
        if lemmas & lexicon.reporting_against:
            verb = -0.7
        elif lemmas & lexicon.reporting_favor:
            verb = 0.5
        if verb:
            evidence.append(f"verb {quote.get('cue')}({verb:+.2f})")

    window = doc[max(span.start, (anchor[0] if anchor else span.start) - 8): min(span.end, (anchor[-1] if anchor else span.start) + 9)]
    # The outcome's own words ("war", "sanctions") say nothing of the speaker's stance.
    vader = _vader().polarity_scores(" ".join(t.text for t in window if t.i not in outcome_tokens))["compound"]
    evidence.append(f"vader {vader:+.2f}")

    raw = cues + syntax + verb + 0.4 * vader
    score = math.tanh(raw)
    if any(t.lower_ in lexicon.conditionals and t.dep_ == "mark" and t.head.head.lemma_ not in ("see", "ask", "know", "wonder") for t in span):
        score *= 0.7
        evidence.append("conditional(x0.7)")
    if neutral > abs(cues + syntax + verb) and neutral >= 0.5:
        score *= 0.3
        evidence.append("procedural(x0.3)")
    return max(-1.0, min(1.0, score)), "; ".join(evidence)


def _cue_lemmas(doc: Doc, quote: dict) -> set[str]:
    """Lemmas of the words of the quote's cue (``delivered a warning`` -> deliver, warning)."""
    words = set((quote.get("cue") or "").lower().split())
    if not words:
        return set()
    span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
    lemmas = set(words)
    if span is not None:
        lemmas |= {t.lemma_.lower() for t in doc[span.start].sent if t.lower_ in words}
    return lemmas


def _predicate_of_subject(token: Token) -> Token | None:
    """The verb whose subject contains ``token`` (``the provision of missiles would not change``)."""
    node = token
    for _ in range(5):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return node.head
        if node.head is node or node.dep_ not in ("pobj", "prep", "compound", "amod", "nmod", "poss", "appos", "conj"):
            return None
        node = node.head
    return None


def _expected(token: Token, lexicon: Lexicon) -> bool:
    """Whether an outcome is stated as coming: ``X will take place``, ``X could begin``, ``there will be X``."""
    verb = _predicate_of_subject(token)
    if verb is None and token.dep_ == "attr" and any(c.dep_ == "expl" for c in token.head.children):
        verb = token.head
    if verb is None or verb.lemma_.lower() not in lexicon.expectation_verbs:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "could", "can", "would", "shall", "may") for c in verb.children) \
        or any(c.lower_ == "soon" for c in verb.subtree)


def label_of(score: float) -> str:
    """The stance label of a score."""
    return "favor" if score >= FAVOR else "against" if score <= AGAINST else "neutral"


def quote_stances(doc: Doc, quotes: list[dict], outcomes: list[Outcome], lexicon: Lexicon | None = None) -> list[dict]:
    """One row per (quote, outcome it is about), with the keys of STANCE_COLUMNS.

    ``evidence`` lists the cue words with their contributions, negations,
    the reporting verb and the VADER compound, so a reader can see why.
    Quotes about no outcome give no rows.
    """
    lexicon = lexicon or load_lexicon()
    matches = outcome_matches(doc, outcomes) if quotes else []
    rows = []
    for quote in quotes:
        span = _quote_span(doc, quote)
        if span is None or not len(span):
            continue
        for key, named in _about(doc, quote, span, matches).items():
            score, evidence = score_stance(doc, quote, span, named, lexicon)
            rows.append({
                "quote_id": quote["quote_id"],
                "article_id": quote["article_id"],
                "speaker": quote.get("speaker", ""),
                "outcome": key,
                "stance": label_of(score),
                "score": round(score, 3),
                "evidence": evidence,
            })
    return rows


def stance_summary(stances: pd.DataFrame, articles: pd.DataFrame | None = None, by: str | None = None) -> pd.DataFrame:
    """Actor x outcome aggregates: quotes, favor, against, neutral, mean_score.

    ``by=None`` over the corpus; ``by="article_id"`` per article; ``by="date"``
    per date (taken from ``articles``). Quotes without a speaker count under "".
    """
    keys = ["speaker", "outcome"] if by is None else [by, "speaker", "outcome"]
    if stances.empty:
        return pd.DataFrame(columns=keys[:-2] + SUMMARY_COLUMNS if by else SUMMARY_COLUMNS)
    table = stances.copy()
    if by == "date":
        dates = articles.set_index("article_id")["date"] if articles is not None else pd.Series(dtype=str)
        table["date"] = table["article_id"].map(dates).fillna("")
    table["speaker"] = table["speaker"].fillna("")
    grouped = table.groupby(keys, sort=True)
    out = grouped.agg(
        quotes=("quote_id", "nunique"),
        favor=("stance", lambda s: int((s == "favor").sum())),
        against=("stance", lambda s: int((s == "against").sum())),
        neutral=("stance", lambda s: int((s == "neutral").sum())),
        mean_score=("score", "mean"),
    ).reset_index()
    out["mean_score"] = out["mean_score"].round(3)
    return out
