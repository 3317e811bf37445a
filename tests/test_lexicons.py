"""The English word lists of data/ and their loaders: what a user editing data/*.yml relies on."""
from __future__ import annotations

import dataclasses

import pytest
import yaml

from analytics.lexicons import (
    DEFAULT_REPORTING, DEFAULT_STANCE_CUES, STANCE_CUE_KEYS, ReportingCueError, ReportingCues, StanceCueError,
    StanceCues, load_reporting_cues, load_stance_cues, override_stance_cues, parse_reporting_cues,
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


# --- stance cues

def test_the_default_stance_cues_come_from_data_stance_cues_yml():
    cues = load_stance_cues()
    assert DEFAULT_STANCE_CUES.name == "stance_cues.yml"
    assert cues == load_stance_cues(DEFAULT_STANCE_CUES)
    raw = yaml.safe_load(DEFAULT_STANCE_CUES.read_text(encoding="utf-8"))["cues"]
    assert set(raw) == set(STANCE_CUE_KEYS)
    assert cues.favor[("ready",)] == 1.0 and cues.against[("rule", "out")] == 1.2 and cues.harm[("destroy",)] == 1.5
    assert len(cues.favor) == len(raw["favor"]) and cues.reporting_favor == frozenset(raw["reporting_favor"])
    assert "not" in cues.negations and "if" in cues.conditionals


def test_the_stance_cues_are_read_once_per_path():
    assert load_stance_cues() is load_stance_cues(DEFAULT_STANCE_CUES) is load_stance_cues(str(DEFAULT_STANCE_CUES))


def test_cue_phrases_are_indexed_by_first_word_longest_first():
    cues = StanceCues(favor={("call", "for"): 1.0, ("call",): 0.5}, against={}, harm={}, hedge={})
    assert [words for words, _, _ in cues.index["call"]] == [("call", "for"), ("call",)]


def _write(tmp_path, text: str):
    path = tmp_path / "cues.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _english(**changes) -> str:
    """data/stance_cues.yml as YAML text, with keys of its cues section changed (None: left out)."""
    raw = yaml.safe_load(DEFAULT_STANCE_CUES.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            del raw["cues"][key]
        else:
            raw["cues"][key] = value
    return yaml.safe_dump(raw)


@pytest.mark.parametrize("text, message", [
    ("cues: [", "not valid YAML"),
    ("favor:\n  ready: 1.0\n", "expected a 'cues:' section"),
    ("cues:\n  favor:\n    ready: 1.0\n", "cues.against is missing"),
    (_english(favour={"ready": 1.0}), "cues.favour is no stance cue key"),
])
def test_the_loader_checks_the_file(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(StanceCueError, match=message) as err:
        load_stance_cues(path)
    assert str(err.value).startswith(str(path))
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize("key", ["hedge", "bringing_verbs"])
def test_every_key_of_the_cue_file_is_required(tmp_path, key):
    with pytest.raises(StanceCueError, match=f"cues.{key} is missing"):
        load_stance_cues(_write(tmp_path, _english(**{key: None})))


@pytest.mark.parametrize("changes, message", [
    ({"harm": ["destroy"]}, "cues.harm must map words to weights"),
    ({"harm": {"destroy": "lots"}}, "cues.harm: every weight must be a number"),
    ({"hedge": {"question": True}}, "cues.hedge: every weight must be a number"),
    ({"negations": "not"}, "cues.negations must be a list of words"),
    ({"negations": [["not"]]}, "cues.negations must be a list of words"),
])
def test_a_wrong_typed_key_names_the_file_and_the_key(tmp_path, changes, message):
    path = _write(tmp_path, _english(**changes))
    with pytest.raises(StanceCueError, match=message) as err:
        load_stance_cues(path)
    assert str(err.value).startswith(str(path))


def test_an_unreadable_cue_file_names_the_file(tmp_path):
    with pytest.raises(StanceCueError, match="missing.yml"):
        load_stance_cues(tmp_path / "missing.yml")


def test_an_override_section_replaces_the_keys_it_holds_and_keeps_the_others():
    english = load_stance_cues()
    cues = override_stance_cues({"favor": {"ready": 2.0, "Step Up": 1.0}, "negations": []}, "story.yml")
    assert cues.favor == {("ready",): 2.0, ("step", "up"): 1.0}
    assert cues.negations == frozenset()
    assert cues.against == english.against and cues.bringing_verbs == english.bringing_verbs
    assert cues.index["ready"] == [(("ready",), "favor", 2.0)]
    assert "welcome" not in cues.index and "welcome" in english.index  # favor was replaced whole
    assert english.favor[("ready",)] == 1.0 and english.index["ready"] == [(("ready",), "favor", 1.0)]


def test_an_override_of_every_key_with_the_english_words_is_the_english_cues():
    raw = yaml.safe_load(DEFAULT_STANCE_CUES.read_text(encoding="utf-8"))["cues"]
    assert override_stance_cues(raw, "copy.yml") == load_stance_cues()


def test_an_override_applies_to_the_base_it_is_given():
    base = StanceCues(favor={("ready",): 1.0}, against={}, harm={}, hedge={}, negations=frozenset({"not"}))
    cues = override_stance_cues({"against": {"reject": 1.2}}, "story.yml", base)
    assert dataclasses.asdict(cues) == {**dataclasses.asdict(base), "against": {("reject",): 1.2},
                                        "index": {"ready": [(("ready",), "favor", 1.0)], "reject": [(("reject",), "against", 1.2)],
                                                  "unready": [(("unready",), "against", 1.0)]}}  # un- + a favour word


def test_a_malformed_override_section_gets_a_clear_message():
    with pytest.raises(StanceCueError, match="must map words to weights"):
        override_stance_cues({"favor": ["ready"]}, "stance cues")
    with pytest.raises(StanceCueError, match="must be a number"):
        override_stance_cues({"favor": {"ready": "very"}}, "stance cues")
    with pytest.raises(StanceCueError, match="cues.favour is no stance cue key"):
        override_stance_cues({"favour": {"ready": 1.0}}, "stance cues")
    with pytest.raises(StanceCueError, match="must be a mapping"):
        override_stance_cues(None, "stance cues")


@pytest.mark.parametrize("key, word", [("negations", "no"), ("conditionals", "on")])
def test_a_bare_yaml_boolean_in_a_stance_word_list_is_refused_with_the_fix(tmp_path, key, word):
    # YAML 1.1 reads a bare no/on as false/true: the list would silently hold "false" instead of the word.
    raw = yaml.safe_load(_english())
    text = yaml.safe_dump(raw).replace(f"  {key}:\n", f"  {key}:\n  - {word}\n", 1)
    assert yaml.safe_load(text)["cues"][key][0] is (word == "on")
    path = _write(tmp_path, text)
    with pytest.raises(StanceCueError, match=r"write the word in quotes"):
        load_stance_cues(path)


def test_a_bare_yaml_boolean_in_a_reporting_list_is_refused_with_the_fix():
    with pytest.raises(ReportingCueError, match=r"holds bool True .*write the word in quotes"):
        parse_reporting_cues(yaml.safe_load(_reporting_yaml(content_prepositions="[at, on]")), "reporting.yml")


def test_the_shipped_word_lists_hold_the_words_yaml_would_have_turned_into_booleans():
    assert "no" in load_stance_cues().negations
    assert "true" not in load_reporting_cues().content_prepositions


def test_a_cue_word_with_a_part_of_speech_is_indexed_by_its_word(tmp_path):
    from analytics.lexicons import override_stance_cues

    cues = override_stance_cues({"favor": {"back/verb": 0.8}}, "test")
    words = [entry[0] for entry in cues.index["back"]]
    assert ("back/verb",) in words and ("back",) not in words
