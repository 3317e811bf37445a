"""The English word lists and their loaders: what a user editing data/*.yml relies on."""
from __future__ import annotations

import pytest

from analytics.lexicons import (
    DEFAULT_REPORTING, ReportingCueError, ReportingCues, load_reporting_cues, parse_reporting_cues,
)


# --- reporting cues and titles ------------------------------------------------

def _reporting_yaml(**changes) -> str:
    """data/reporting.yml's keys with one word each, ``changes`` applied (None drops a key)."""
    data = {name: "[word]" for name in ReportingCues.__dataclass_fields__}
    data.update(changes)
    return "".join(f"{name}: {value}\n" for name, value in data.items() if value is not None)


def test_default_reporting_cues_load_as_lowercase_word_sets():
    cues = load_reporting_cues()
    assert "say" in cues.clause_verbs and "for" in cues.content_prepositions
    assert all(w == w.lower() for field in ReportingCues.__dataclass_fields__ for w in getattr(cues, field))


def test_reporting_cues_are_read_once_per_path(tmp_path):
    path = tmp_path / "reporting.yml"
    path.write_text(_reporting_yaml(), encoding="utf-8")
    first = load_reporting_cues(path)
    path.write_text(_reporting_yaml(titles="[changed]"), encoding="utf-8")
    assert load_reporting_cues(path) is first
    assert load_reporting_cues(str(path)) is first
    assert load_reporting_cues() is load_reporting_cues(DEFAULT_REPORTING)


def test_a_missing_list_is_an_error_naming_file_and_key(tmp_path):
    path = tmp_path / "missing.yml"
    path.write_text(_reporting_yaml(titles=None), encoding="utf-8")
    with pytest.raises(ReportingCueError, match=r"missing\.yml: missing titles"):
        load_reporting_cues(path)


@pytest.mark.parametrize("value, problem", [
    ("say", "got str"),
    ("{say: 1}", "got dict"),
    ("", "got nothing"),
    ("[say, [tell]]", "holds list"),
])
def test_a_list_of_the_wrong_type_is_an_error_naming_file_and_key(tmp_path, value, problem):
    path = tmp_path / "typed.yml"
    path.write_text(_reporting_yaml(clause_verbs=value), encoding="utf-8")
    with pytest.raises(ReportingCueError, match=rf"typed\.yml: clause_verbs must be a list of words.*{problem}"):
        load_reporting_cues(path)


def test_unreadable_yaml_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "broken.yml"
    path.write_text("clause_verbs: [say, tell\n", encoding="utf-8")
    with pytest.raises(ReportingCueError, match=r"broken\.yml: not valid YAML"):
        load_reporting_cues(path)
    with pytest.raises(ReportingCueError, match=r"nowhere\.yml: cannot be read"):
        load_reporting_cues(tmp_path / "nowhere.yml")
    assert issubclass(ReportingCueError, ValueError)


def test_a_file_that_is_not_a_mapping_is_an_error():
    with pytest.raises(ReportingCueError, match="here: expected a mapping"):
        parse_reporting_cues(["say"], "here")


def test_one_list_of_titles_serves_mentions_and_speakers():
    titles = load_reporting_cues().titles
    assert {"mr", "dr.", "former", "acting", "u.s."} <= titles  # before a speaker's name
    assert {"president", "minister", "sheikh", "archbishop", "sergeant"} <= titles  # before a person's name
