"""data/outcomes.yml: which outcomes exist, and which outcomes a quote is about.

An outcome is something quotes can be for or against (a ceasefire, a
summit, sanctions), with the words that name it. The file is the story's: a
user adds an outcome, or moves the tool to another story, with no code
change. The words that show a stance are English and live apart, in
data/stance_cues.yml (analytics/lexicons.py); an outcomes file may still
carry a ``cues:`` section that replaces some of them for its story
(`stance_cues_for`).

The sentence rule of which outcomes a quote is about (`quote_targets`): those
its own words name; when it names none, or refers to something (``it``,
``this``, ``such deliveries``), also those named elsewhere in the sentence
that carries it; and when it opens by referring back (``It could take
place...``), or is short and names nothing (``We are ready!``), those of the
sentence before. analytics/targets.py weighs it with the rest of the
discourse.
"""
from __future__ import annotations

import bisect

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

# spaCy is imported where it is used: a build whose tables are all cached reads this module, not a parse.
if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from .bridging import bridged_mentions
from .lexicons import StanceCues, load_stance_cues, override_stance_cues

DEFAULT_OUTCOMES = Path(__file__).resolve().parent.parent / "data" / "outcomes.yml"

SHORT_QUOTE = 8        # words: a quote this short names nothing and leans on the sentence before
SENTENCE_REACH = 150   # tokens either side of a quote beyond which its "sentence" is cut (see carrying_sentences)
OPENING_WORDS = 6      # words: a pointer this early opens the quote by referring back ("It could take place")

# Words that point back to something named before (the outcome of the previous sentence).
ANAPHORS = {"it", "this", "that", "these", "those", "such", "they", "them"}
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


# --------------------------------------------------------------------------- the outcome file

def load_outcomes(path: str | Path | None = None) -> list[Outcome]:
    """The outcomes defined in ``path`` (default data/outcomes.yml); OutcomeError when unusable."""
    path = Path(path) if path else DEFAULT_OUTCOMES
    return parse_outcomes(_read(path, "outcome definitions"), str(path))


def _read(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise OutcomeError(f"{path}: cannot read the {what} ({err})") from err


def _yaml(text: str, where: str):
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise OutcomeError(f"{where}: not valid YAML ({err})") from err


def parse_outcomes(text: str, where: str = "outcome definitions") -> list[Outcome]:
    """The outcomes of a YAML text in the format of data/outcomes.yml (a ``cues`` section is `stance_cues_for`'s)."""
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


def load_stance_cues_for(path: str | Path | None = None) -> StanceCues:
    """The stance cues to score the outcomes of ``path`` with (default data/outcomes.yml); see `stance_cues_for`."""
    return _load_stance_cues_for(str(path or DEFAULT_OUTCOMES))


@lru_cache(maxsize=8)
def _load_stance_cues_for(where: str) -> StanceCues:
    return stance_cues_for(_read(Path(where), "outcome definitions"), where)


def stance_cues_for(text: str, where: str = "outcome definitions") -> StanceCues:
    """The stance cues to score the outcomes of YAML text with.

    Without a ``cues:`` section: the English cues of data/stance_cues.yml.
    With one: those cues with each key the section holds replaced whole, the
    others kept (`lexicons.override_stance_cues`); a malformed section is a
    StanceCueError naming ``where`` and the key, never the English cues.
    """
    data = _yaml(text, where)
    if not isinstance(data, dict) or "cues" not in data:
        return load_stance_cues()
    return override_stance_cues(data["cues"], where)


# --------------------------------------------------------------------------- finding outcomes

def inflections(word: str) -> list[str]:
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


LOOSE_REACH = 2    # parse edges from a term's first word to each other word when they stand apart ("cap on prices")
LOOSE_WINDOW = 6   # tokens: farther apart, the words of a term are about different things


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=1 << 16)  # news repeats its words: each form is stemmed once per process
def _stem(word: str) -> str:
    """The Snowball stem of a lowercase word ("capping" and "cap", "prices" and "price" share theirs)."""
    return _stemmer().stemWord(word)


def _stems(words) -> tuple[str, ...]:
    """The stems of a term's content words (no stop words, letters only), in order, each once."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return tuple(dict.fromkeys(_stem(w.lower()) for w in words if w.isalpha() and w.lower() not in STOP_WORDS))


def _edges(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the parse."""
    up = {a.i: 0}
    for depth, node in enumerate(a.ancestors, start=1):
        up[node.i] = depth
    steps, node = 0, b
    while node.i not in up and node.head.i != node.i:
        node, steps = node.head, steps + 1
    return steps + up.get(node.i, len(up) + steps)


def _spellings(words: list[str]) -> list[list[str]]:
    """A term's words as written and, where it has a hyphen, open and closed ("cease-fire": "cease fire",
    "ceasefire"), the three ways English writes a compound."""
    if not words or "-" not in words[1:-1]:
        return [words] if words else []
    open_, closed = [w for w in words if w != "-"], []
    for w in words:
        if closed and (w == "-" or closed[-1].endswith("-")):
            closed[-1] += w
        else:
            closed.append(w)
    return [words, open_, [w.replace("-", "") for w in closed]]


class OutcomeMatcher:
    """Finds every outcome's terms (any capitals, common inflections of the last word) and patterns.

    Terms go to a PhraseMatcher on LOWER (hash look-ups, fast on long
    texts); only the Matcher patterns of the outcome file go to a Matcher.
    """

    def __init__(self, vocab, outcomes: list[Outcome]):
        from spacy.lang.en import English
        from spacy.matcher import Matcher, PhraseMatcher

        from spacy.tokens import Doc

        tokenizer = English(vocab=vocab).tokenizer
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.patterns = Matcher(vocab)
        self.closed: dict[str, str] = {}
        for outcome in outcomes:
            variants = []
            for term in outcome.terms:
                # The term's own tokens, lowercased after tokenising: "u.s." re-tokenised would split.
                for words in _spellings([t.text.lower() for t in tokenizer(term)]):
                    variants.extend(tuple(words[:-1] + [last]) for last in inflections(words[-1]))
            if variants:
                self.phrases.add(outcome.key, [Doc(vocab, words=list(v)) for v in dict.fromkeys(variants)])
            # A one-word term is found hyphenated too ("ceasefire" in "cease-fire").
            self.closed.update({v[0]: outcome.key for v in variants if len(v) == 1 and len(v[0]) > 3})
            if outcome.patterns:
                try:
                    self.patterns.add(outcome.key, [[dict(t) for t in p] for p in outcome.patterns])
                except (ValueError, TypeError) as err:
                    raise OutcomeError(f"outcome {outcome.key!r}: invalid pattern ({err})") from err
        # Terms of two or more content words are also found with their words apart, in another order
        # or form ("price cap" in "capping prices", "coal phase-out" in "phasing out coal").
        # Each (outcome, stems) once: spellings of one term ("cease-fire", "ceasefire") share their stems, and
        # a second search would only find the same spans again.
        self.loose = list(dict.fromkeys((outcome.key, stems) for outcome in outcomes for term in outcome.terms
                                        if len(stems := _stems(t.text for t in tokenizer(term))) >= 2))
        self.loose_stems = {stem for _, stems in self.loose for stem in stems}
        # Word form hashes `apart` has stemmed, and those whose stem is a loose term's (a hash always names
        # the same text: analytics/lowercase.py).
        self.seen_forms: set[int] = set()
        self.wanted_forms: dict[int, str] = {}

    def __call__(self, doc: Doc) -> list[Span]:
        found = list(self.phrases(doc, as_spans=True)) + self._hyphenated(doc)
        if len(self.patterns):
            found += list(self.patterns(doc, as_spans=True))
        return found

    def _hyphenated(self, doc: Doc) -> list[Span]:
        """One-word terms written with a hyphen in ``doc`` ("cease-fire" for the term "ceasefire")."""
        from spacy.attrs import ORTH
        from spacy.tokens import Span

        hyphen = doc.vocab.strings["-"] if self.closed and "-" in doc.vocab.strings else None
        if hyphen is None:
            return []
        found = []
        for i in (doc.to_array([ORTH]) == hyphen).nonzero()[0].tolist():
            if 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
                key = self.closed.get(doc[i - 1].lower_ + doc[i + 1].lower_)
                if key is not None:
                    found.append(Span(doc, i - 1, i + 2, label=key))
        return found

    def apart(self, doc: Doc) -> list[Span]:
        """The multi-word terms whose content words stand apart in ``doc``: all in one sentence, each at most
        `LOOSE_REACH` edges of the parse from the first and the whole within `LOOSE_WINDOW` tokens."""
        from spacy.tokens import Span

        if not self.loose:
            return []
        from spacy.attrs import IS_ALPHA, IS_STOP, LOWER, SENT_START

        at: dict[str, list] = {}
        wanted = self.loose_stems
        # One column read of the parse instead of a Python object per token: only the word forms that can
        # stem to a term's word are looked at, each form once.
        columns = doc.to_array([LOWER, IS_ALPHA, IS_STOP, SENT_START])
        # Each token's sentence as a number, from the same read: Token.sent walks the sentence anew each time.
        sentence = (columns[:, 3] == 1).cumsum().tolist()
        forms = set(columns[(columns[:, 1] == 1) & (columns[:, 2] == 0), 0].tolist())
        for form in forms - self.seen_forms:  # each form stemmed once per matcher, not once per article
            if (stem := _stem(doc.vocab.strings[form])) in wanted:
                self.wanted_forms[form] = stem
        self.seen_forms |= forms
        stems_of = {form: self.wanted_forms[form] for form in forms & self.wanted_forms.keys()}
        if stems_of:
            for i, form in enumerate(columns[:, 0].tolist()):
                if form in stems_of:  # alphabetic and no stop word: both follow from the lowercase form
                    at.setdefault(stems_of[form], []).append(i)
        found = []
        for key, stems in self.loose:
            first, rest = stems[0], stems[1:]
            if not all(stem in at for stem in rest):
                continue
            for i in at.get(first, ()):
                tok = doc[i]
                words = [tok]
                for stem in rest:
                    places = at[stem]
                    window = places[bisect.bisect_left(places, i - LOOSE_WINDOW + 1):bisect.bisect_right(places, i + LOOSE_WINDOW - 1)]
                    near = [t for t in (doc[j] for j in window if sentence[j] == sentence[i])
                            if t.i not in {w.i for w in words} and _edges(tok, t) <= LOOSE_REACH]
                    if not near:
                        break
                    words.append(min(near, key=lambda t: abs(t.i - tok.i)))
                else:
                    found.append(Span(doc, min(w.i for w in words), max(w.i for w in words) + 1, label=key))
        return found


@lru_cache(maxsize=8)
def _matcher(vocab, outcomes: tuple[Outcome, ...], patterns: str) -> OutcomeMatcher:
    """The matcher of ``outcomes`` on ``vocab``, built once per configuration.

    Keyed by the Doc's vocab: the matcher writes the outcome keys into its
    vocab's StringStore, and the spans it finds take their ``label_`` from
    the Doc's, so a matcher built on another vocab cannot label them.
    ``patterns`` (their text) is in the key because Outcome's equality leaves
    the patterns out (their dicts do not hash).
    """
    return OutcomeMatcher(vocab, list(outcomes))


def outcome_matches(doc: Doc, outcomes: list[Outcome]) -> list[Span]:
    """Every outcome name in ``doc`` (label = outcome key), longest kept where they overlap, in text order,
    with the definite noun phrases that take one up again (`bridged_mentions`)."""
    matcher = _matcher(doc.vocab, tuple(outcomes), repr([o.patterns for o in outcomes]))
    # The terms as written first, then those found apart where they do not overlap one.
    matches = sorted(matcher(doc), key=lambda s: (-(s.end - s.start), s.start))
    matches += sorted(matcher.apart(doc), key=lambda s: (s.end - s.start, s.start))
    kept, taken = [], set()
    for match in matches:
        if not any(i in taken for i in range(match.start, match.end)):
            taken.update(range(match.start, match.end))
            kept.append(match)
    return sorted(kept + bridged_mentions(doc, kept, taken), key=lambda s: s.start)


def outcome_mentions(matches: list[Span], span: Span) -> dict[str, list[Span]]:
    """The outcomes named inside ``span``, each with the spans that name it."""
    found: dict[str, list[Span]] = {}
    for match in matches:
        if span.start <= match.start and match.end <= span.end:
            found.setdefault(match.label_, []).append(match)
    return found


# --------------------------------------------------------------------------- which outcomes a quote is about

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
        if t.lower_ not in ANAPHORS:
            continue
        if t.lower_ == "that" and t.tag_ != "DT":
            continue  # complementiser or relative pronoun, not a pointer
        found.append(t)
    return found


def carrying_sentences(doc: Doc, span: Span, starts: tuple[int, ...] | None = None) -> Span:
    """The sentence(s) the quote stands in, at most SENTENCE_REACH tokens either side of it.

    The bound keeps the work per quote constant on a text with no sentence
    end (one line of 200,000 characters is one "sentence"): news sentences
    are far shorter, so it never cuts one of theirs. ``starts``: the
    sentence starts of the layout, when known (looked up instead of walked).
    """
    lo, hi = max(span.start - SENTENCE_REACH, 0), min(span.end + SENTENCE_REACH, len(doc))
    if starts is not None:
        before = starts[bisect.bisect_right(starts, span.start) - 1] if starts and starts[0] <= span.start else 0
        after = bisect.bisect_left(starts, span.end)
        return doc[max(before, lo):min(starts[after] if after < len(starts) else hi, hi)]
    start = span.start
    while start > lo and not doc[start].is_sent_start:
        start -= 1
    end = span.end
    while end < hi and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def _sentence_before(doc: Doc, sent: Span) -> Span | None:
    """The sentence before ``sent``, skipping blank lines."""
    i = sent.start
    while i > 0:
        previous = doc[i - 1].sent
        if any(not t.is_space for t in previous):
            return previous
        i = previous.start
    return None


def quote_targets(doc: Doc, quote: dict, span: Span, matches: list[Span], sent: Span | None = None) -> list[Target]:
    """The outcomes a quote is about (see the module docstring), in order of first mention.

    ``sent``: the quote's `carrying_sentences`, when known.
    """
    targets = {key: Target(key, spans) for key, spans in outcome_mentions(matches, span).items()}
    refers = _anaphors(span)
    sent = sent if sent is not None else carrying_sentences(doc, span)
    if not targets or refers:
        # The quote's words lean on their sentence ("such pressure", or a clause naming nothing).
        for key, spans in outcome_mentions(matches, sent).items():
            targets.setdefault(key, Target(key, spans))
    words = [t for t in span if not (t.is_punct or t.is_space)]
    opening = [t for t in refers if t.i < span.start + OPENING_WORDS]
    if opening or (not targets and (refers or len(words) <= SHORT_QUOTE)):
        previous = _sentence_before(doc, sent)
        if previous is not None:
            pointer = (opening or refers or [span.root])[0]
            for key in outcome_mentions(matches, previous):
                targets.setdefault(key, Target(key, [], refers=pointer))
    return list(targets.values())
