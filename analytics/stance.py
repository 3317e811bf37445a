"""Each quote's stance toward the outcomes it is about, with the words that decided it.

Outcomes and stance cues both come from ``data/outcomes.yml`` (editable: a
user adds an outcome, or a cue word, with no code change). Labels follow
SemEval-2016: ``favor``, ``against``, ``neutral``.

Which outcomes a quote is about: those its own words name. When it names
none, or refers to something (``it``, ``this``, ``such deliveries``), also
those named elsewhere in the sentence that carries it; and when it opens by
referring back (``It could take place...``), or is short and names nothing
(``We are ready!``), those of the sentence before.

The scoring rule, for a quote and one outcome it is about (VADER's sentiment
of a whole sentence is not stance, so it is only one weak term here):

    cues    = sum over the cue words of the quote (and, at half weight, of the
              rest of its sentence; the reporting verb, the outcome's own name
              and an "if ..." clause about something else left out) of
                weight x polarity x proximity x negation
                polarity  +1 favor word (ready, welcome, urge, productive ...)
                          -1 against word (reject, warn, doubt, useless ...)
                          harm word (destroy, undermine ...): -1 when the outcome
                          does the harm, +1 when it suffers it ("damage to the
                          prospects for peace")
                proximity 1 / (1 + dependency-tree distance to the outcome / 3)
                negation  -1 when the cue word is negated (not, never, n't, no ...)
              except that cue words taking the outcome as their object compose:
              they count once, with the largest size and the product of their
              signs, times the reporting verb's lean when the quote is its
              object ("skepticism about the benefits of X", "welcomed the lifting
              of X", "demanded the removal of X" are all against X)
    syntax  = -1.5 outcome governed by "without" or "against" ("without a formal
                   ceasefire", "warned against such a delivery"); +1.5 instead
                   when the rest is gloomy ("warned that without a truce, the
                   effort fails")
              -1.0 outcome denied by its determiner ("there will be no early election")
              -1.0 outcome is the subject or object of a negated verb that is not
                   itself a cue ("Tomahawks would not change the situation",
                   "should not be pressured into giving up territory")
              +0.6 outcome stated as coming: subject of a future or possible
                   "take place / begin / stay ..." (not "would be pointless"), or
                   object of a modal "hold / sign / provide / bring ..." ("will
                   hold a summit", "there will be a meeting")
    verb    = +0.5 / -0.7 when the reporting verb leans (its own cue words:
              "welcomed", "ruled out"; or confirm, announce / warn, deny ...),
              only when |cues| < 0.5 and the syntax does not decide
    vader   = VADER compound of the 8 words either side of the outcome inside
              the quote, the outcome's own words left out
    score   = tanh(cues + syntax + verb + 0.4 x vader)
              x 0.7 when conditional (if, unless: "tighter sanctions if talks fail")
              x 0.3 when hedges (questions, careful, whether, decide, "too early",
                    the outcome named as what a precondition is for, an
                    unattributed "reports suggest") weigh at least 0.5 and more
                    than |cues + syntax + verb|
    label   = favor if score >= 0.25, against if score <= -0.25, else neutral

Every term that contributed is listed in the row's ``evidence``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_OUTCOMES = DATA / "outcomes.yml"
STANCE_COLUMNS = ["quote_id", "article_id", "speaker", "outcome", "stance", "score", "evidence"]

FAVOR, AGAINST = 0.25, -0.25
CONTEXT_WEIGHT = 0.5   # cue words of the sentence outside the quote
VADER_WEIGHT = 0.4
VADER_WINDOW = 8
SHORT_QUOTE = 8        # words: a quote this short names nothing and leans on the sentence before
PREP_RULE, NEGATED_VERB, EXPECTED = 1.5, 1.0, 0.6
VERB_FAVOR, VERB_AGAINST, VERB_HEDGE = 0.5, -0.7, 0.6
CONDITIONAL, HEDGED = 0.7, 0.3

# Words that point back to something named before (the outcome of the previous sentence).
_ANAPHORS = {"it", "this", "that", "these", "those", "such", "they", "them"}
_MODALS = {"will", "'ll", "would", "could", "can", "shall", "may", "might", "going"}
# "if"/"whether" after these opens an embedded question, not a condition ("to see if we can ...").
_QUESTION_VERBS = {"see", "ask", "know", "wonder", "check", "find"}
_KEY = re.compile(r"^[\w-]+$")


class OutcomeError(ValueError):
    """The outcome definitions cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Outcome:
    """An outcome quotes can be for or against, and the words that name it."""

    key: str
    label: str
    description: str = ""
    terms: tuple[str, ...] = ()
    patterns: tuple = field(default=(), compare=False)


# --------------------------------------------------------------------------- outcome file

def load_outcomes(path: str | Path | None = None) -> list[Outcome]:
    """The outcomes defined in ``path`` (default data/outcomes.yml); OutcomeError when unusable."""
    path = Path(path) if path else DEFAULT_OUTCOMES
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise OutcomeError(f"{path}: cannot read the outcome definitions ({err})") from err
    return parse_outcomes(text, str(path))


def _yaml(text: str, where: str):
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise OutcomeError(f"{where}: not valid YAML ({err})") from err


def parse_outcomes(text: str, where: str = "outcome definitions") -> list[Outcome]:
    """The outcomes of a YAML text in the format of data/outcomes.yml (a ``cues`` section is ignored here)."""
    data = _yaml(text, where) or {}
    rows = data.get("outcomes") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise OutcomeError(f"{where}: expected a list of outcomes under 'outcomes:'")
    outcomes, seen = [], set()
    for i, row in enumerate(rows, start=1):
        outcome = _parse_outcome(row, f"{where}: outcome #{i}")
        if outcome.key in seen:
            raise OutcomeError(f"{where}: outcome key {outcome.key!r} appears twice")
        seen.add(outcome.key)
        outcomes.append(outcome)
    return outcomes


def _parse_outcome(row, where: str) -> Outcome:
    if not isinstance(row, dict) or not str(row.get("key") or "").strip():
        raise OutcomeError(f"{where} has no 'key'")
    key = str(row["key"]).strip()
    if not _KEY.match(key):
        raise OutcomeError(f"{where}: key {key!r} may hold only letters, digits, '_' and '-'")
    terms, patterns = row.get("terms") or [], row.get("patterns") or []
    if not isinstance(terms, list) or not all(isinstance(t, (str, int, float)) for t in terms):
        raise OutcomeError(f"{where} ({key!r}): 'terms' must be a list of words or phrases")
    if not isinstance(patterns, list):
        raise OutcomeError(f"{where} ({key!r}): 'patterns' must be a list of spaCy Matcher patterns")
    for pattern in patterns:
        if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
            raise OutcomeError(f"{where} ({key!r}): each pattern must be a list of token dicts, e.g. [{{LOWER: truce}}]")
    terms = tuple(str(t).strip() for t in terms if str(t).strip())
    if not terms and not patterns:
        raise OutcomeError(f"{where} ({key!r}) has no terms or patterns that name it")
    return Outcome(
        key=key,
        label=str(row.get("label") or key).strip(),
        description=str(row.get("description") or "").strip(),
        terms=terms,
        patterns=tuple(tuple(p) for p in patterns),
    )


# --------------------------------------------------------------------------- stance cues

@dataclass(frozen=True)
class Lexicon:
    """Stance cue words (tuples of lowercase words -> weight) and the word lists of the rule."""

    favor: dict
    against: dict
    harm: dict
    hedge: dict
    requirement: frozenset = frozenset()
    negations: frozenset = frozenset()
    conditionals: frozenset = frozenset()
    reporting_favor: frozenset = frozenset()
    reporting_against: frozenset = frozenset()
    reporting_hedge: frozenset = frozenset()
    expectation_verbs: frozenset = frozenset()
    bringing_verbs: frozenset = frozenset()
    index: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        # Cue phrases by first word, longest first: {word: [(words, category, weight)]}.
        for category in _CATEGORIES:
            for words, weight in getattr(self, category).items():
                self.index.setdefault(words[0], []).append((words, category, weight))
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e[0]))


_CATEGORIES = ("favor", "against", "harm", "hedge")
_WORD_LISTS = ("requirement", "negations", "conditionals", "reporting_favor", "reporting_against",
               "reporting_hedge", "expectation_verbs", "bringing_verbs")


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The stance cues of the ``cues`` section of ``path`` (default data/outcomes.yml, also when ``path`` has none)."""
    where = str(path or DEFAULT_OUTCOMES)
    try:
        data = _yaml(Path(where).read_text(encoding="utf-8"), where) or {}
    except (OSError, UnicodeDecodeError) as err:
        raise OutcomeError(f"{where}: cannot read the stance cues ({err})") from err
    cues = data.get("cues") if isinstance(data, dict) else None
    if cues is None and path is not None:
        return load_lexicon(None)
    return parse_lexicon(cues, where)


def lexicon_from_text(text: str, where: str = "outcome definitions") -> Lexicon:
    """The stance cues of outcome-definition YAML text (the default cues when it has no ``cues:`` section)."""
    data = _yaml(text, where) or {}
    cues = data.get("cues") if isinstance(data, dict) else None
    return load_lexicon(None) if cues is None else parse_lexicon(cues, where)


def parse_lexicon(cues, where: str = "stance cues") -> Lexicon:
    """A Lexicon from the mapping of a ``cues`` section; OutcomeError when malformed."""
    if not isinstance(cues, dict):
        raise OutcomeError(f"{where}: expected a 'cues:' section with favor, against, harm and hedge words")
    weighted = {}
    for name in _CATEGORIES:
        entries = cues.get(name) or {}
        if not isinstance(entries, dict):
            raise OutcomeError(f"{where}: cues.{name} must map words to weights (e.g. 'ready: 1.0')")
        try:
            weighted[name] = {tuple(str(k).lower().split()): float(v) for k, v in entries.items() if str(k).strip()}
        except (TypeError, ValueError) as err:
            raise OutcomeError(f"{where}: cues.{name}: every weight must be a number ({err})") from err
    lists = {}
    for name in _WORD_LISTS:
        words = cues.get(name) or []
        if not isinstance(words, list):
            raise OutcomeError(f"{where}: cues.{name} must be a list of words")
        lists[name] = frozenset(str(w).lower() for w in words)
    return Lexicon(**weighted, **lists)


# --------------------------------------------------------------------------- finding outcomes

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
    texts); only the Matcher patterns of the outcome file go to a Matcher.
    """

    def __init__(self, vocab, outcomes: list[Outcome]):
        from spacy.lang.en import English
        from spacy.matcher import Matcher, PhraseMatcher

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
                except (ValueError, TypeError) as err:
                    raise OutcomeError(f"outcome {outcome.key!r}: invalid pattern ({err})") from err

    def __call__(self, doc: Doc) -> list[Span]:
        found = list(self.phrases(doc, as_spans=True))
        if len(self.patterns):
            found += list(self.patterns(doc, as_spans=True))
        return found


def outcome_matcher(vocab, outcomes: list[Outcome]) -> OutcomeMatcher:
    """The matcher of ``outcomes``' names (see OutcomeMatcher)."""
    return OutcomeMatcher(vocab, outcomes)


_MATCHERS: dict = {}


def _cached_matcher(doc: Doc, outcomes: list[Outcome]) -> OutcomeMatcher:
    key = (id(doc.vocab), repr(outcomes))
    matcher = _MATCHERS.get(key)
    if matcher is None:
        matcher = _MATCHERS[key] = outcome_matcher(doc.vocab, outcomes)
    return matcher


def outcome_matches(doc: Doc, outcomes: list[Outcome]) -> list[Span]:
    """Every outcome name in ``doc`` (label = outcome key), longest kept where they overlap, in text order."""
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


@dataclass
class Target:
    """One outcome a quote is about: the spans naming it, or the word that refers back to it."""

    key: str
    named: list[Span]
    refers: Token | None = None

    def anchors(self) -> list[Token]:
        """The tokens that stand for the outcome in the text."""
        return [self.refers] if self.refers is not None else [s.root for s in self.named]

    def tokens(self) -> set[int]:
        return {t.i for s in self.named for t in s}


def _anaphors(span: Span) -> list[Token]:
    """Words of ``span`` that point back to something (``it``, ``such deliveries``, ``this option``)."""
    found = []
    for t in span:
        if t.lower_ not in _ANAPHORS:
            continue
        if t.lower_ == "that" and t.tag_ != "DT":
            continue  # complementiser or relative pronoun, not a pointer
        found.append(t)
    return found


def _carrying_sentences(doc: Doc, span: Span) -> Span:
    """The sentence(s) the quote stands in."""
    return doc[doc[span.start].sent.start: doc[span.end - 1].sent.end]


def _previous_sentence(doc: Doc, sent: Span) -> Span | None:
    """The sentence before ``sent``, skipping blank lines."""
    i = sent.start
    while i > 0:
        previous = doc[i - 1].sent
        if any(not t.is_space for t in previous):
            return previous
        i = previous.start
    return None


def quote_targets(doc: Doc, quote: dict, span: Span, matches: list[Span]) -> list[Target]:
    """The outcomes a quote is about (see the module docstring), in order of first mention."""
    targets = {key: Target(key, spans) for key, spans in outcome_mentions(matches, span).items()}
    refers = _anaphors(span)
    sent = _carrying_sentences(doc, span)
    if not targets or refers:
        # The quote's words lean on their sentence ("such pressure", or a clause naming nothing).
        for key, spans in outcome_mentions(matches, sent).items():
            targets.setdefault(key, Target(key, spans))
    words = [t for t in span if not (t.is_punct or t.is_space)]
    opening = [t for t in refers if t.i < span.start + 6]
    if opening or (not targets and (refers or len(words) <= SHORT_QUOTE)):
        previous = _previous_sentence(doc, sent)
        if previous is not None:
            pointer = (opening or refers or [span.root])[0]
            for key in outcome_mentions(matches, previous):
                targets.setdefault(key, Target(key, [], refers=pointer))
    return list(targets.values())


# --------------------------------------------------------------------------- syntax helpers

def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the parse; the gap in words (x2) across sentences."""
    if a.sent.start != b.sent.start:
        return 2 * abs(a.i - b.i)
    up = {a.i: 0}
    for depth, node in enumerate(a.ancestors, start=1):
        up[node.i] = depth
    steps = 0
    node = b
    while node.i not in up:
        if node.head.i == node.i:
            return abs(a.i - b.i)
        node, steps = node.head, steps + 1
    return steps + up[node.i]


def _negated(token: Token, lexicon: Lexicon) -> bool:
    """Whether a word is negated: a negation attached to it or its head, or among the 3 words before it."""
    for t in (token, token.head):
        if any(c.dep_ == "neg" or (c.lower_ in lexicon.negations and c.dep_ in ("advmod", "det")) for c in t.children):
            return True
    before = token.doc[max(token.i - 3, token.sent.start): token.i]
    return any(t.lower_ in lexicon.negations for t in before)


def _governing_prep(token: Token, words: set[str], steps: int = 3) -> Token | None:
    """The preposition among ``words`` that ``token`` hangs under, within ``steps`` heads."""
    node = token
    for _ in range(steps):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.lower_ in words and node.dep_ == "prep":
            nxt = node.doc[node.i + 1: node.i + 3]
            if any(t.lower_ in ("backdrop", "background") for t in nxt):
                return None  # "against the backdrop of talks" says nothing against them
            return node
    return None


def _predicate_of_subject(token: Token) -> Token | None:
    """The verb whose subject contains ``token`` (``the provision of missiles would not change``)."""
    node = token
    for _ in range(5):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return node.head
        if node.head.i == node.i or node.dep_ not in ("pobj", "prep", "compound", "amod", "nmod", "poss", "appos", "conj", "det"):
            return None
        node = node.head
    return None


def _verb_of_object(token: Token) -> Token | None:
    """The verb that takes the phrase headed by ``token`` as object (``hold a summit``, ``pressured into giving up``)."""
    node = token
    while node.dep_ in ("compound", "amod", "det", "nmod", "poss") and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("dobj", "attr", "oprd", "xcomp", "nsubjpass") and node.head.pos_ in ("VERB", "AUX"):
        return node.head
    if node.dep_ in ("pobj", "pcomp") and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
        return node.head.head
    return None


def _has_modal(verb: Token) -> bool:
    """A future or possibility modal on ``verb`` or on the verb it completes (``would coordinate to provide``)."""
    for v in (verb, verb.head if verb.dep_ in ("xcomp", "advcl") else None):
        if v is not None and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in v.children):
            return True
    return False


def _is_cue(token: Token, lexicon: Lexicon) -> bool:
    words = (token.lemma_.lower(),)
    return any(words in getattr(lexicon, c) for c in _CATEGORIES)


def _expected(root: Token, lexicon: Lexicon) -> bool:
    """Whether an outcome is stated as coming: ``X will take place``, ``there will be X``, ``will hold X``."""
    if _denied(root):
        return False
    verb = _predicate_of_subject(root)
    if verb is None and root.dep_ == "attr" and any(c.dep_ == "expl" for c in root.head.children):
        verb = root.head
    elif verb is not None and any(c.dep_ in ("acomp", "attr") for c in verb.children):
        return False  # "X would be pointless": an evaluation, not an expectation
    if verb is not None:
        if verb.lemma_.lower() not in lexicon.expectation_verbs or any(c.dep_ == "neg" for c in verb.children):
            return False
        return _has_modal(verb) or any(c.lower_ == "soon" for c in verb.subtree)
    verb = _verb_of_object(root)
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return False
    return verb.lemma_.lower() in lexicon.bringing_verbs and _has_modal(verb)


def _denied(root: Token) -> Token | None:
    """The determiner that denies the outcome outright: ``no early election``, ``neither deal``."""
    return next((c for c in root.children if c.dep_ == "det" and c.lower_ in ("no", "neither")), None)


def _negated_verb(root: Token, lexicon: Lexicon) -> Token | None:
    """The negated verb the outcome is subject or object of, when that verb is no cue of its own."""
    for verb in (_predicate_of_subject(root), _verb_of_object(root)):
        if verb is not None and any(c.dep_ == "neg" for c in verb.children) and not _is_cue(verb, lexicon):
            return verb
    return None


def _harm_role(cue: Token, anchors: list[Token]) -> str | None:
    """'agent' when the outcome does the harm ``cue`` names, 'patient' when it suffers it, else None."""
    for a in anchors:
        if cue.i != a.i and a in cue.subtree:
            child = next(c for c in cue.children if a in c.subtree)
            return "agent" if child.dep_ in ("nsubj", "csubj", "agent") else "patient"
        if cue.dep_ in ("relcl", "acl") and a in cue.head.subtree and a not in cue.subtree:
            return "agent"  # "concessions that could undermine ..."
        verb = cue.head if cue.dep_ in ("dobj", "attr", "acomp", "oprd") else None
        if verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") and a in c.subtree for c in verb.children):
            return "agent"  # "it would cause damage", "X is dangerous"
    return None


def _required_for(cue: Token, anchors: list[Token]) -> bool:
    """Whether the outcome is what ``cue`` (a precondition) is required for: ``a precondition for any agreement``."""
    for a in anchors:
        node = a
        while node.dep_ in ("compound", "amod", "det", "nmod", "poss") and node.head.i != node.i:
            node = node.head
        if node.dep_ in ("pobj", "pcomp") and node.head.head.i == cue.i and node.head.lower_ in ("for", "to", "of"):
            return True
    return False


def _governs(cue: Token, anchors: list[Token]) -> bool:
    """Whether the outcome lies in what ``cue`` takes as object or complement, not in its subject.

    A noun that is the object of a light verb also takes the verb's
    prepositions: ``delivered a warning regarding X``, ``expressed doubts about X``.
    """
    for a in anchors:
        prep = _governing_prep(a, {"without", "against"})
        if prep is not None and prep in cue.subtree:
            continue  # "without X" speaks for itself (see the syntax term)
        if cue.i != a.i and a in cue.subtree:
            child = next(c for c in cue.children if a in c.subtree)
            if child.dep_ not in ("nsubj", "csubj", "agent", "expl"):
                return True
        if cue.dep_ == "dobj" and any(c.dep_ == "prep" and a in c.subtree for c in cue.head.children):
            return True
    return False


# --------------------------------------------------------------------------- the rule

@dataclass(frozen=True)
class CueHit:
    """A cue word or phrase found in the text."""

    category: str
    token: Token
    text: str
    weight: float


def find_cues(tokens, lexicon: Lexicon) -> list[CueHit]:
    """The cue words and phrases among ``tokens`` (matched on lemma or lowercase form)."""
    index = lexicon.index
    tokens = list(tokens)
    hits, skip_to = [], -1
    for n, tok in enumerate(tokens):
        if n < skip_to or tok.is_punct or tok.is_space:
            continue
        for key in {tok.lemma_.lower(), tok.lower_}:
            for words, category, weight in index.get(key, ()):
                following = tokens[n: n + len(words)]
                if len(following) == len(words) and all(w in (t.lemma_.lower(), t.lower_) for w, t in zip(words, following)):
                    hits.append(CueHit(category, tok, " ".join(t.text for t in following), weight))
                    skip_to = n + len(words)
                    break
            if skip_to > n:
                break
    return hits


def _cue_tokens(doc: Doc, quote: dict, sent: Span) -> set[int]:
    """Token indexes of the reporting verb (``warned``, ``delivered a warning``) in the sentence, outside the quote."""
    words = set((quote.get("cue") or "").lower().split())
    return {t.i for t in sent if t.lower_ in words and not (quote["start"] <= t.idx < quote["end"])}


def _reporting_lemmas(doc: Doc, quote: dict, sent: Span) -> set[str]:
    words = set((quote.get("cue") or "").lower().split())
    return words | {doc[i].lemma_.lower() for i in _cue_tokens(doc, quote, sent)}


def _is_clause(span: Span) -> bool:
    """Whether the quote is a clause with its own subject (``the group rejected X``), not a noun phrase."""
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in span)


def _reporting_leaning(doc: Doc, reporting: set[int], lemmas: set[str], lexicon: Lexicon) -> int:
    """+1/-1 when the reporting verb leans (its own cue words: ``ruled out``, ``welcomed``; or the reporting lists), else 0."""
    if reporting:
        first, last = min(reporting), max(reporting)
        for hit in find_cues(doc[first: last + 1], lexicon):
            if hit.category in ("favor", "against") and not _negated(hit.token, lexicon):
                return 1 if hit.category == "favor" else -1
    if lemmas & lexicon.reporting_against:
        return -1
    if lemmas & lexicon.reporting_favor:
        return 1
    return 0


def _in_other_condition(tok: Token, anchors: list[Token], lexicon: Lexicon) -> bool:
    """Whether ``tok`` stands in a conditional clause (``if talks progress``) that does not hold the outcome."""
    for node in [tok, *tok.ancestors]:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lexicon.conditionals for c in node.children):
            return not any(a in node.subtree for a in anchors)
    return False


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def score_stance(doc: Doc, quote: dict, span: Span, target: Target, lexicon: Lexicon) -> tuple[float, str]:
    """Score in [-1, 1] of a quote toward one target outcome, and the evidence for it (see module docstring)."""
    own = target.tokens()
    anchors = target.anchors()
    inside = [a for a in anchors if span.start <= a.i < span.end] or [span.root]
    sent = _carrying_sentences(doc, span)
    reporting = _cue_tokens(doc, quote, sent)
    evidence: list[str] = []
    cues = hedge = 0.0
    hedges: list[str] = []
    chain: list[tuple[Token, float, str]] = []  # cues that take the outcome as object: they compose

    for hit in find_cues(sent, lexicon):
        tok = hit.token
        if tok.i in own or tok.i in reporting or _in_other_condition(tok, anchors, lexicon):
            continue
        in_quote = span.start <= tok.i < span.end
        if hit.category == "hedge":
            hedge += hit.weight * (1.0 if in_quote else CONTEXT_WEIGHT)
            hedges.append(hit.text)
            continue
        if tok.lemma_.lower() in lexicon.requirement and _required_for(tok, anchors):
            hedge += hit.weight
            hedges.append(f"{hit.text} for it")
            continue
        polarity = {"favor": 1, "against": -1}.get(hit.category)
        if polarity is None:  # harm: who does it decides
            polarity = 1 if _harm_role(tok, anchors) == "patient" else -1
        negated = _negated(tok, lexicon)
        distance = min(tree_distance(tok, a) for a in (inside if in_quote else anchors))
        value = hit.weight * polarity * (-1 if negated else 1) / (1 + distance / 3)
        value *= 1.0 if in_quote else CONTEXT_WEIGHT
        label = f"{'not ' if negated else ''}{hit.text}"
        if hit.category != "harm" and _governs(tok, anchors):
            chain.append((tok, value, label))
            continue
        cues += value
        evidence.append(f"{label} {value:+.2f}")
    lemmas = _reporting_lemmas(doc, quote, sent)
    leaning = _reporting_leaning(doc, reporting, lemmas, lexicon)
    if chain:
        # "skepticism about the benefits of X", "welcomed the lifting of X": the signs multiply,
        # with the reporting verb's when it takes the quote as object ("demanded the removal of X").
        sign = math.prod(1 if v > 0 else -1 for _, v, _ in chain)
        if leaning and quote.get("kind") == "indirect" and not _is_clause(span):
            sign *= leaning
            chain.append((doc[min(reporting)], 0.0, f"verb '{quote.get('cue')}'"))
        value = sign * max(abs(v) for _, v, _ in chain)
        leaning = 0  # the verb has had its say
        cues += value
        evidence.append(f"{' > '.join(label for _, _, label in sorted(chain, key=lambda c: len(list(c[0].ancestors))))} {value:+.2f}")

    vader = _window_sentiment(span, inside, own)
    syntax = 0.0
    for root in anchors:
        prep = _governing_prep(root, {"without", "against"}) if target.refers is None else None
        if prep is not None:
            # "(warned that) without X, the talks will fail": lacking X is bad, so X is wanted.
            gloom = cues + VADER_WEIGHT * vader + (VERB_AGAINST if lemmas & lexicon.reporting_against else 0.0)
            syntax = PREP_RULE if prep.lower_ == "without" and gloom < -0.3 else -PREP_RULE
            cues = 0.0
            evidence = [f"{prep.text} {root.text} {syntax:+.2f}"]
            break
        denial = _denied(root) if target.refers is None else None
        if denial is not None:
            syntax = -NEGATED_VERB
            evidence.append(f"{denial.text} {root.text} {syntax:+.2f}")
            break
        verb = _negated_verb(root, lexicon)
        if verb is not None:
            syntax = -NEGATED_VERB
            evidence.append(f"{root.text} … not {verb.text} {syntax:+.2f}")
            break
        if _expected(root, lexicon):
            syntax = EXPECTED
            evidence.append(f"{root.text} expected {syntax:+.2f}")
            break

    verb = 0.0
    if lemmas & lexicon.reporting_hedge and not quote.get("speaker"):
        hedge += VERB_HEDGE
        hedges.append(f"reporting '{quote.get('cue')}'")
    elif abs(cues) < 0.5 and syntax <= EXPECTED:
        verb = VERB_FAVOR if leaning > 0 else VERB_AGAINST if leaning < 0 else 0.0
        if verb:
            evidence.append(f"verb '{quote.get('cue')}' {verb:+.2f}")

    evidence.append(f"vader {vader:+.2f}")

    decided = cues + syntax + verb
    score = math.tanh(decided + VADER_WEIGHT * vader)
    condition = _conditional(span, lexicon)
    if condition is not None:
        score *= CONDITIONAL
        evidence.append(f"conditional '{condition.text}' x{CONDITIONAL}")
    if hedge >= 0.5 and hedge > abs(decided):
        score *= HEDGED
        evidence.append(f"hedged ({', '.join(dict.fromkeys(hedges))}) x{HEDGED}")
    return max(-1.0, min(1.0, score)), "; ".join(evidence)


def _window_sentiment(span: Span, anchors: list[Token], own: set[int]) -> float:
    """VADER compound of the words around the outcome inside the quote, the outcome's own words left out."""
    doc = span.doc
    lo = max(span.start, min(a.i for a in anchors) - VADER_WINDOW)
    hi = min(span.end, max(a.i for a in anchors) + VADER_WINDOW + 1)
    words = " ".join(t.text for t in doc[lo:hi] if t.i not in own)
    return _vader().polarity_scores(words)["compound"] if words.strip() else 0.0


def _conditional(span: Span, lexicon: Lexicon) -> Token | None:
    """The subordinator that makes the quote conditional (``if``, ``unless``), not an embedded question."""
    for t in span:
        if t.lower_ in lexicon.conditionals and t.dep_ == "mark" and t.head.head.lemma_.lower() not in _QUESTION_VERBS:
            return t
    return None


def label_of(score: float) -> str:
    """The stance label of a score: favor >= 0.25, against <= -0.25, else neutral."""
    return "favor" if score >= FAVOR else "against" if score <= AGAINST else "neutral"


def quote_stances(doc: Doc, quotes: list[dict], outcomes: list[Outcome], lexicon: Lexicon | None = None) -> list[dict]:
    """One row per (quote, outcome it is about), with the keys of STANCE_COLUMNS.

    ``evidence`` lists the cue words with their contributions, negations,
    the syntax rule, the reporting verb and the VADER compound, so a reader
    can see why. Quotes about no outcome give no rows.
    """
    lexicon = lexicon or load_lexicon()
    matches = outcome_matches(doc, outcomes) if quotes else []
    rows = []
    for quote in quotes:
        span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
        if span is None or not any(not (t.is_punct or t.is_space) for t in span):
            continue
        for target in quote_targets(doc, quote, span, matches):
            score, evidence = score_stance(doc, quote, span, target, lexicon)
            rows.append({
                "quote_id": quote["quote_id"],
                "article_id": quote["article_id"],
                "speaker": quote.get("speaker") or "",
                "outcome": target.key,
                "stance": label_of(score),
                "score": round(score, 3),
                "evidence": evidence,
            })
    return rows

