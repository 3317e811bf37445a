"""The actor registry: loading, look-ups by name and role, merging discovered people."""
from __future__ import annotations

import pytest

from analytics.actors import Actor, Registry, RegistryError, load_registry, merge_people, parse_registry


def test_default_registry_loads_people_organisations_and_countries(registry):
    kinds = {a.kind for a in registry.actors.values()}
    assert kinds == {"person", "organisation", "country"}


def test_names_resolve_through_aliases_possessives_accents_and_surnames():
    reg = parse_registry("""
actors:
  - name: Luiz Inácio Lula da Silva
    aliases: [Lula]
  - name: Viktor Orbán
    roles: [Hungarian Prime Minister]
""")
    assert reg.actor_for_name("Lula's") == "Luiz Inácio Lula da Silva"
    assert reg.actor_for_name("Orban") == "Viktor Orbán"
    assert reg.actor_for_name("orbán’s") == "Viktor Orbán"
    assert reg.actor_for_name("Hungary") is None


def test_roles_resolve_to_the_actor_with_the_longest_matching_role():
    reg = parse_registry("""
actors:
  - name: Ann Smith
    roles: [US President]
  - name: Bob Jones
    roles: [former US President]
""")
    assert reg.actor_for_role("the U.S. president") is None  # "U.S." is not "US": no guessing
    assert reg.actor_for_role("the US President") == "Ann Smith"
    assert reg.actor_for_role("the former US president") == "Bob Jones"
    assert reg.actor_for_role("the mayor") is None


def test_a_shared_surname_names_neither_person():
    reg = Registry({"Ann Lee": Actor("Ann Lee"), "Tom Lee": Actor("Tom Lee")})
    assert reg.actor_for_name("Lee") is None
    assert reg.actor_for_name("Tom Lee") == "Tom Lee"


def test_csv_registry(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("name,kind,aliases,roles,affiliation\nAcme Corp,organization,Acme;ACME Inc,,\n", encoding="utf-8")
    reg = load_registry(path)
    assert reg.actors["Acme Corp"].kind == "organisation"
    assert reg.actor_for_name("ACME Inc") == "Acme Corp"


@pytest.mark.parametrize("text, message", [
    ("actors: [", "not valid YAML"),
    ("actors:\n  - kind: person\n", "no 'name'"),
    ("actors:\n  - name: X\n    kind: planet\n", "kind 'planet'"),
    ("just a string", "list of actors"),
])
def test_malformed_registry_gets_a_clear_message(text, message):
    with pytest.raises(RegistryError, match=message):
        parse_registry(text)


def test_discovered_people_merge_name_variants_under_the_fullest_form():
    people = merge_people(["Marco Rubio", "Rubio", "Rubio", "Ngozi Okonjo-Iweala", "Okonjo-Iweala"], Registry())
    names = {a.name for a in people}
    assert names == {"Marco Rubio", "Ngozi Okonjo-Iweala"}


def test_single_words_that_join_no_full_name_are_not_people():
    # spaCy tags places and headline words as PERSON now and then.
    assert merge_people(["Kyiv", "Guarantees"], Registry()) == []


def test_spelling_variants_one_letter_apart_merge():
    people = merge_people(["Volodymyr Zelensky", "Zelenskyy"], Registry())
    assert len(people) == 1 and "Zelenskyy" in people[0].aliases


def test_people_already_registered_are_not_rediscovered(registry):
    assert merge_people(["Donald Trump", "Trump"], registry) == []


def test_with_people_adds_the_discovered_people_and_leaves_the_registry_as_it_was(registry):
    names = (name for name in ["Donald Trump", "Maria Okonkwo", "Okonkwo", "Okonkwo"])  # any iterable, read once
    full = registry.with_people(names)
    assert set(full.actors) - set(registry.actors) == {"Maria Okonkwo"}
    assert full.actor_for_name("Okonkwo") == "Maria Okonkwo"
    assert "Maria Okonkwo" not in registry.actors
