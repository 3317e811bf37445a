"""The actor registry: who can be mentioned, under which names and roles.

Knowledge about particular people lives in a data file (``data/actors.yml``
or a CSV with the same columns), never in code. The registry is optional:
people it lacks are discovered from spaCy's PERSON entities
(`merge_people`) and added for the run.

YAML format::

    actors:
      - name: Jane Doe            # canonical name, shown everywhere
        kind: person              # person | organisation | country
        aliases: [Doe, J. Doe]    # other spellings; the surname is added for you
        roles: [Acme CEO, Acme chief executive]
        affiliation: Acme

CSV format: columns ``name,kind,aliases,roles,affiliation`` with aliases and
roles separated by ``;``.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

DEFAULT_REGISTRY = Path(__file__).resolve().parent.parent / "data" / "actors.yml"
KINDS = ("person", "organisation", "country")
_KIND_ALIASES = {"organization": "organisation", "org": "organisation", "gpe": "country", "place": "country"}


@dataclass(frozen=True)
class Actor:
    """An actor: canonical name, kind, other names, roles and affiliation."""

    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    affiliation: str = ""


def fold(text: str) -> str:
    """Lowercase ``text`` without accents, with curly apostrophes made straight."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def strip_accents(text: str) -> str:
    """``text`` without combining accents (``Orbán`` -> ``Orban``), case kept."""
    text = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))


def name_tokens(text: str) -> list[str]:
    """The folded words of a name or phrase, as the matcher's tokens will be."""
    return re.findall(r"[\w.]+|[^\w\s]", fold(text))


def _role_key(text: str) -> str:
    """A role phrase reduced to content words: ``the Russia's leader`` -> ``russia leader``."""
    words = re.findall(r"[a-z0-9.]+", fold(text).replace("'s", ""))
    words = [w.strip(".") if w not in ("u.s.", "u.k.") else w for w in words]
    return " ".join(w for w in words if w and w not in ("the", "a", "an", "of", "s"))


class RegistryError(ValueError):
    """The registry file cannot be used; the message says why."""


@dataclass
class Registry:
    """Actors by canonical name, with look-ups by surface form and by role."""

    actors: dict[str, Actor] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._forms = self._surface_forms()
        self._roles = {}
        for actor in self.actors.values():
            for role in actor.roles:
                self._roles.setdefault(_role_key(role), actor.name)

    def _surface_forms(self) -> dict[tuple[str, ...], tuple[str, str]]:
        """Folded token sequences that name an actor -> (form as written, canonical name).

        Every written form is kept (``Orban`` and ``Orbán`` both), keyed by its
        folded tokens plus the form itself. A person's surname (last word of
        the canonical name or of an alias) names them too, unless two people
        share it: then only their other names do.
        """
        forms: dict[tuple[str, ...], tuple[str, str]] = {}
        surnames: dict[tuple[str, ...], set[tuple[str, str]]] = defaultdict(set)
        for actor in self.actors.values():
            for form in (actor.name, *actor.aliases):
                toks = tuple(name_tokens(form))
                if toks:
                    forms.setdefault(toks, (form, actor.name))
                    forms.setdefault(toks + (form,), (form, actor.name))
                words = form.split()
                if actor.kind == "person" and len(words) > 1:
                    surnames[tuple(name_tokens(words[-1]))].add((words[-1], actor.name))
        for toks, owners in surnames.items():
            if len({name for _, name in owners}) == 1 and toks not in forms:
                for written, name in sorted(owners):
                    forms.setdefault(toks, (written, name))
                    forms.setdefault(toks + (written,), (written, name))
        return forms

    @property
    def surface_forms(self) -> dict[tuple[str, ...], str]:
        """Folded token sequences that name an actor -> canonical name."""
        return {toks: name for toks, (_, name) in self._forms.items()}

    def kind_of(self, name: str) -> str:
        """The kind of the actor ``name`` (``person`` for names the registry lacks)."""
        actor = self.actors.get(name)
        return actor.kind if actor else "person"

    def actor_for_name(self, text: str) -> str | None:
        """Canonical name of the actor ``text`` names (``Trump's`` -> ``Donald Trump``), or None."""
        toks = name_tokens(re.sub(r"['’]s$", "", text.strip()))
        while toks and toks[0] in ("the",):
            toks = toks[1:]
        hit = self._forms.get(tuple(toks))
        return hit[1] if hit else None

    def actor_for_role(self, phrase: str) -> str | None:
        """Canonical name of the actor whose registered role ``phrase`` states, or None.

        ``the Kremlin spokesman`` matches the role ``Kremlin spokesman``;
        the longest registered role contained in the phrase wins.
        """
        key = _role_key(phrase)
        if not key:
            return None
        if key in self._roles:
            return self._roles[key]
        padded = f" {key} "
        best = None
        for role, name in self._roles.items():
            if f" {role} " in padded and (best is None or len(role) > len(best[0])):
                best = (role, name)
        return best[1] if best else None

    def with_actors(self, extra: Iterable[Actor]) -> "Registry":
        """A new registry with ``extra`` actors added (existing names are kept as they are)."""
        merged = dict(self.actors)
        for actor in extra:
            merged.setdefault(actor.name, actor)
        return Registry(merged)

    def with_people(self, names: Iterable[str]) -> "Registry":
        """A new registry with the people ``names`` (PERSON entity texts, in corpus order) name but it lacks.

        The reduction of a whole corpus's names into one registry, the same on
        every engine: `merge_people` says who counts as a person.
        """
        return self.with_actors(merge_people(names, self))

    def ruler_patterns(self) -> list[dict]:
        """EntityRuler patterns for every surface form, with the canonical name as id.

        Names are phrase patterns, matched whatever their capitals (the
        ruler matches phrases on LOWER): ``putin``, ``Viktor orbán``. Short
        forms and acronyms (``US``, ``EU``) are token patterns matched only
        as written, so that the pronoun ``us`` is not the United States.
        Accent-free spellings are added so that ``Orban`` finds ``Orbán``.
        """
        label = {"person": "PERSON", "organisation": "ORG", "country": "GPE"}
        patterns = []
        written = dict.fromkeys(self._forms.values())
        for form, name in written:
            for variant in dict.fromkeys((form, strip_accents(form))):
                exact = len(variant) <= 3 or variant.replace(".", "").isupper()
                # Split at spaces only, as the tokenizer splits a short form: acronyms keep their dots (``U.S.``).
                pattern = [{"ORTH": w} for w in variant.split()] if exact else variant
                patterns.append({"label": label[self.kind_of(name)], "pattern": pattern, "id": name})
        return patterns

    def to_yaml(self) -> str:
        """The registry as YAML text in the format `load_registry` reads."""
        rows = []
        for a in self.actors.values():
            row = {"name": a.name, "kind": a.kind}
            if a.aliases:
                row["aliases"] = list(a.aliases)
            if a.roles:
                row["roles"] = list(a.roles)
            if a.affiliation:
                row["affiliation"] = a.affiliation
            rows.append(row)
        return yaml.safe_dump({"actors": rows}, allow_unicode=True, sort_keys=False)


def load_registry(path: str | Path | None = None) -> Registry:
    """Read the actor registry from a ``.yml``/``.yaml`` or ``.csv`` file.

    ``path=None`` reads ``data/actors.yml``. Raises RegistryError with a
    message naming the problem for a malformed file.
    """
    path = Path(path) if path else DEFAULT_REGISTRY
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RegistryError(f"{path}: cannot read the actor registry ({err})") from err
    return parse_registry(text, "csv" if path.suffix.lower() == ".csv" else "yaml", str(path))


def parse_registry(text: str, fmt: str = "yaml", where: str = "actor registry") -> Registry:
    """Build a Registry from YAML or CSV text (see the module docstring)."""
    if fmt == "csv":
        rows = [
            {k.strip().lower(): v for k, v in row.items() if k}
            for row in csv.DictReader(io.StringIO(text))
        ]
        for row in rows:
            for key in ("aliases", "roles"):
                row[key] = [p.strip() for p in (row.get(key) or "").split(";") if p.strip()]
    else:
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as err:
            raise RegistryError(f"{where}: not valid YAML ({err})") from err
        rows = data.get("actors") if isinstance(data, dict) else data
        if not isinstance(rows, list):
            raise RegistryError(f"{where}: expected a list of actors under 'actors:'")
    actors: dict[str, Actor] = {}
    for i, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not str(row.get("name") or "").strip():
            raise RegistryError(f"{where}: actor #{i} has no 'name'")
        name = str(row["name"]).strip()
        kind = str(row.get("kind") or "person").strip().lower()
        kind = _KIND_ALIASES.get(kind, kind)
        if kind not in KINDS:
            raise RegistryError(f"{where}: actor {name!r} has kind {kind!r}; use one of {', '.join(KINDS)}")
        actors[name] = Actor(
            name=name,
            kind=kind,
            aliases=tuple(_as_list(row.get("aliases"), where, name)),
            roles=tuple(_as_list(row.get("roles"), where, name)),
            affiliation=str(row.get("affiliation") or "").strip(),
        )
    return Registry(actors)


def _as_list(value, where: str, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    raise RegistryError(f"{where}: actor {name!r}: aliases and roles must be lists of names")


# --- People the registry lacks -------------------------------------------------

def _one_edit_apart(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one inserted, deleted or changed letter."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] or (len(a) == len(b) and a[i + 1 :] == b[i + 1 :])


def merge_people(candidates: Iterable[str], registry: Registry) -> list[Actor]:
    """People named in ``candidates`` (PERSON entity texts) whom ``registry`` lacks.

    Returns one Actor per person, named by its fullest form, with its other
    forms as aliases: ``Marco Rubio``, ``Rubio``, ``Rubio's`` -> one actor
    ``Marco Rubio``. News introduces a person by full name, so a single word
    that joins no full name is not taken as a person (spaCy tags places and
    headline words as PERSON often enough to need this). Surnames one letter
    apart (``Zelenskyy``/``Zelensky``) are taken as spelling variants.
    """
    counts = Counter(c for c in candidates if c)
    known = registry.surface_forms
    full: dict[str, Counter] = defaultdict(Counter)  # surname key -> full forms
    singles: Counter = Counter()
    for name, n in counts.items():
        toks = name_tokens(name)
        if tuple(toks) in known or (toks and (toks[-1],) in known):
            continue
        if len(toks) > 1:
            full[toks[-1]][name] += n
        elif toks:
            singles[name] += n
    actors = []
    aliases_of: dict[str, set[str]] = {}
    surname_owner: dict[str, str] = {}
    for key, forms in full.items():
        # Distinct full names that share a surname stay distinct people.
        # Fullest first: more words, then accents kept (Orbán over Orban), then the most frequent.
        for form, _ in sorted(forms.items(), key=lambda kv: (-len(kv[0].split()), -_accents(kv[0]), -kv[1], kv[0])):
            canonical = _canonical_of(form, aliases_of)
            aliases_of.setdefault(canonical, set())
            if form != canonical:
                aliases_of[canonical].add(form)
        owner = max(forms, key=lambda f: (forms[f], len(f)))
        surname_owner[key] = _canonical_of(owner, aliases_of)
    for single, _ in singles.items():
        key = name_tokens(single)[0]
        owner = surname_owner.get(key)
        if owner is None:
            near = [k for k in surname_owner if len(key) >= 5 and _one_edit_apart(key, k)]
            if len(near) == 1:
                owner = surname_owner[near[0]]
        if owner:
            aliases_of[owner].add(single)
    for canonical, aliases in aliases_of.items():
        extra = {a for a in aliases if a.lower() != canonical.lower()}
        actors.append(Actor(name=canonical, kind="person", aliases=tuple(sorted(extra))))
    return sorted(actors, key=lambda a: a.name)


def _accents(text: str) -> int:
    return sum(1 for ch in text if ord(ch) > 127)


def _canonical_of(form: str, seen: dict[str, set[str]]) -> str:
    """The canonical name a full form belongs to: an earlier fuller name containing it, or itself."""
    toks = name_tokens(form)
    for canonical in seen:
        ctoks = name_tokens(canonical)
        if ctoks[-1] == toks[-1] and set(toks) <= set(ctoks):
            return canonical
    return form
