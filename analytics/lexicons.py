"""The generic English word lists of data/ and their loaders: English, not story.

Each list lives in a data file beside the code, names no one, and is read
once per path (``functools.lru_cache`` keyed by the path). A file that
cannot be used raises an error that names the file and the problem (a
missing or wrong-typed key, unreadable YAML), never a silent fallback.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"


# --- reporting cues and titles ------------------------------------------------

DEFAULT_REPORTING = DATA / "reporting.yml"


class ReportingCueError(ValueError):
    """A reporting-cue file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class ReportingCues:
    """How speech is reported, and the words around a speaker's name (data/reporting.yml).

    Every field is a set of lowercase words (lemmas, or phrases of them); the
    comments of data/reporting.yml say what each one is for.
    """

    clause_verbs: frozenset[str]
    object_verbs: frozenset[str]
    content_prepositions: frozenset[str]
    statement_nouns: frozenset[str]
    statement_verbs: frozenset[str]
    clause_adjectives: frozenset[str]
    unnamed_speakers: frozenset[str]
    speaker_nouns: frozenset[str]
    group_nouns: frozenset[str]
    speaker_suffixes: frozenset[str]
    titles: frozenset[str]
    institution_nouns: frozenset[str]
    organisation_words: frozenset[str]
    place_nouns: frozenset[str]
    proxy_nouns: frozenset[str]
    voice_nouns: frozenset[str]
    portfolio_nouns: frozenset[str]
    document_nouns: frozenset[str]
    role_qualifiers: frozenset[str]
    male_words: frozenset[str]
    female_words: frozenset[str]
    role_synonyms: frozenset[str]
    question_labels: frozenset[str]
    occasion_prepositions: frozenset[str]
    occasion_nouns: frozenset[str]

    @cached_property
    def reporting_verbs(self) -> frozenset[str]:
        """The verbs that report speech, either way (``clause_verbs`` and ``object_verbs``), joined once."""
        return self.clause_verbs | self.object_verbs


def load_reporting_cues(path: str | Path | None = None) -> ReportingCues:
    """The reporting cues in ``path`` (default data/reporting.yml), read once per path.

    Raises ReportingCueError when the file cannot be read or is not YAML, or
    when a list is missing or is not a list of words.
    """
    return _reporting_cues(Path(path) if path is not None else DEFAULT_REPORTING)


@lru_cache(maxsize=8)
def _reporting_cues(path: Path) -> ReportingCues:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ReportingCueError(f"{path}: cannot be read ({err})") from err
    except yaml.YAMLError as err:
        raise ReportingCueError(f"{path}: not valid YAML ({err})") from err
    return parse_reporting_cues(data, str(path))


def parse_reporting_cues(data, where: str = "reporting cues") -> ReportingCues:
    """ReportingCues from the mapping ``data`` (a loaded reporting.yml); ``where`` names it in errors."""
    if not isinstance(data, dict):
        raise ReportingCueError(f"{where}: expected a mapping of word lists, got {_kind(data)}")
    names = [f.name for f in fields(ReportingCues)]
    missing = [name for name in names if name not in data]
    if missing:
        raise ReportingCueError(f"{where}: missing {', '.join(missing)}")
    return ReportingCues(**{name: word_set(data[name], f"{where}: {name}", ReportingCueError) for name in names})


def word_set(value, where: str, error: type[ValueError]) -> frozenset[str]:
    """The lowercase words of a YAML list; ``error`` naming ``where`` when it is no list of words."""
    if not isinstance(value, list):
        raise error(f"{where} must be a list of words, got {_kind(value)}")
    bad = [w for w in value if not isinstance(w, str)]
    if bad:
        raise error(f"{where} must be a list of words, but holds {_kind(bad[0])} {bad[0]!r}"
                    f"{_BOOLEAN_HINT if isinstance(bad[0], bool) else ''}")
    return frozenset(w.lower() for w in value)


# YAML 1.1 reads a bare on/off/yes/no as a boolean: a word list would silently hold "true" instead of "on".
_BOOLEAN_HINT = " (YAML reads a bare on, off, yes or no as true/false: write the word in quotes, \"on\")"


def _kind(value) -> str:
    return "nothing" if value is None else type(value).__name__


# --- stance cues

DEFAULT_STANCE_CUES = DATA / "stance_cues.yml"

# Cue words with a weight (phrase -> number), by the part they play in the stance rule.
WEIGHTED_CUES = ("favor", "against", "harm", "hedge")
# Plain word lists the rule reads (negations, conditionals, the reporting verbs' lean ...).
CUE_WORD_LISTS = ("requirement", "negations", "conditionals", "reporting_favor", "reporting_against",
                  "reporting_hedge", "expectation_verbs", "bringing_verbs", "adversaries",
                  "ills", "attitudes", "contrastives", "rhetorical_openers",
                  "discourse_imperatives", "naming_verbs", "pressures", "publics")
STANCE_CUE_KEYS = WEIGHTED_CUES + CUE_WORD_LISTS


class StanceCueError(ValueError):
    """Stance cues that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class StanceCues:
    """The words that show a stance: cue words (tuples of lowercase words -> weight) and the rule's word lists."""

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
    adversaries: frozenset = frozenset()
    ills: frozenset = frozenset()
    attitudes: frozenset = frozenset()
    contrastives: frozenset = frozenset()
    rhetorical_openers: frozenset = frozenset()
    discourse_imperatives: frozenset = frozenset()
    naming_verbs: frozenset = frozenset()
    pressures: frozenset = frozenset()
    publics: frozenset = frozenset()
    # Derived from the fields above, so never passed in (``dataclasses.replace`` builds a fresh one).
    index: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self):
        # Cue phrases by first word, longest first: {word: [(words, category, weight)]}.
        for category in WEIGHTED_CUES:
            for words, weight in getattr(self, category).items():
                self.index.setdefault(words[0].partition("/")[0], []).append((words, category, weight))
        # A favour word negated by its prefix is an against word of the same weight ("unconstructive",
        # "unhelpful", "unwelcome"), unless the prefixed word is listed itself.
        for (word, *rest), weight in self.favor.items():
            if not rest and "/" not in word and f"un{word}" not in self.index:
                self.index[f"un{word}"] = [((f"un{word}",), "against", weight)]
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e[0]))


def load_stance_cues(path: str | Path | None = None) -> StanceCues:
    """The stance cues of ``path`` (default data/stance_cues.yml); StanceCueError when unusable.

    The file holds a ``cues:`` section with every key of STANCE_CUE_KEYS and
    no other. It is read once per path: an edit shows in a new process.
    """
    return _load_stance_cues(str(path or DEFAULT_STANCE_CUES))


@lru_cache(maxsize=8)
def _load_stance_cues(where: str) -> StanceCues:
    try:
        data = yaml.safe_load(Path(where).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise StanceCueError(f"{where}: cannot read the stance cues ({err})") from err
    except yaml.YAMLError as err:
        raise StanceCueError(f"{where}: not valid YAML ({err})") from err
    section = data.get("cues") if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise StanceCueError(f"{where}: expected a 'cues:' section with the keys {', '.join(STANCE_CUE_KEYS)}")
    missing = [key for key in STANCE_CUE_KEYS if key not in section]
    if missing:
        raise StanceCueError(f"{where}: cues.{missing[0]} is missing (every key of {DEFAULT_STANCE_CUES.name} is required)")
    return StanceCues(**_cue_fields(section, where))


def override_stance_cues(section, where: str, base: StanceCues | None = None) -> StanceCues:
    """``base`` (default: the English cues of data/stance_cues.yml) with the keys of a ``cues:`` section replaced.

    The section may hold any of STANCE_CUE_KEYS, in the shape of
    data/stance_cues.yml; each key it holds replaces that key of ``base``
    whole (an empty mapping or list empties it), the keys it leaves out keep
    ``base``'s words. A section that is no mapping, an unknown key or a
    wrong-typed value is a StanceCueError naming ``where`` and the key.
    """
    if not isinstance(section, dict):
        raise StanceCueError(f"{where}: 'cues:' must be a mapping of {', '.join(STANCE_CUE_KEYS)}")
    base = base if base is not None else load_stance_cues()
    fields = {key: getattr(base, key) for key in STANCE_CUE_KEYS}
    return StanceCues(**{**fields, **_cue_fields(section, where)})


def _cue_fields(section: dict, where: str) -> dict:
    """The StanceCues fields of the keys ``section`` holds, checked."""
    unknown = [str(key) for key in section if key not in STANCE_CUE_KEYS]
    if unknown:
        raise StanceCueError(f"{where}: cues.{unknown[0]} is no stance cue key (known: {', '.join(STANCE_CUE_KEYS)})")
    fields = {}
    for key in WEIGHTED_CUES:
        if key in section:
            fields[key] = _weighted(section[key], f"{where}: cues.{key}")
    for key in CUE_WORD_LISTS:
        if key in section:
            fields[key] = word_set(section[key], f"{where}: cues.{key}", StanceCueError)
    return fields


def _weighted(entries, where: str) -> dict:
    if not isinstance(entries, dict):
        raise StanceCueError(f"{where} must map words to weights (e.g. 'ready: 1.0')")
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in entries.values()):
        raise StanceCueError(f"{where}: every weight must be a number")
    bad = [k for k in entries if not isinstance(k, str)]
    if bad:
        raise StanceCueError(f"{where}: {bad[0]!r} is not a word{_BOOLEAN_HINT if isinstance(bad[0], bool) else ''}")
    return {tuple(k.lower().split()): float(v) for k, v in entries.items() if k.strip()}
