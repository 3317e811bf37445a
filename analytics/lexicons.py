"""The generic English word lists the extractors read, and their loaders.

Each list lives in a data file beside the code, names no one, and is read
once per path (``functools.lru_cache`` keyed by the path). A file that
cannot be used raises an error that names the file and the problem.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

import yaml


# --- reporting cues and titles ------------------------------------------------

DEFAULT_REPORTING = Path(__file__).resolve().parent.parent / "data" / "reporting.yml"


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
    proxy_nouns: frozenset[str]


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
    return ReportingCues(**{name: _words(data[name], where, name) for name in names})


def _words(value, where: str, name: str) -> frozenset[str]:
    if not isinstance(value, list):
        raise ReportingCueError(f"{where}: {name} must be a list of words, got {_kind(value)}")
    bad = [w for w in value if not isinstance(w, (str, int, float))]
    if bad:
        raise ReportingCueError(f"{where}: {name} must be a list of words, but holds {_kind(bad[0])}")
    # Non-string scalars are read as their text, as YAML wrote them: YAML 1.1
    # reads an unquoted ``on`` as the boolean true, which becomes "true" here.
    return frozenset(str(w).lower() for w in value)


def _kind(value) -> str:
    return "nothing" if value is None else type(value).__name__
