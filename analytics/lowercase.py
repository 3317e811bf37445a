"""The lowercase form of a string of the parse, by its hash, computed once per process.

``tok.lemma_.lower()`` makes two Python strings on every access, and the
extractors ask it of the same few thousand words again and again. The
parse's columns hold hashes (``Token.lemma``, ``Token.lower``) and a hash
always names the same text (spaCy's StringStore keys a string by a hash of
it, its fixed symbols by fixed numbers), so the lowercase form of each hash
can be remembered across documents and vocabularies.
"""
from __future__ import annotations

_LOWER: dict[int, str] = {}


def lowered(strings, key: int) -> str:
    """The lowercase form of the string ``key`` names in ``strings`` (a vocab's StringStore)."""
    try:
        return _LOWER[key]
    except KeyError:
        value = _LOWER[key] = strings[key].lower()
        return value


# (word list, lowercased?) -> (hashes looked up, those found in it). Only for the fixed word lists of the
# configuration: each list keeps the forms seen with it.
_FOUND: dict[tuple[frozenset, bool], tuple[set[int], set[int]]] = {}


def forms_in(strings, forms: set[int], words: frozenset[str], lower: bool = True) -> set[int]:
    """The hashes among ``forms`` whose string in ``strings`` (lowercased unless ``lower`` is False) is one of
    ``words``, a fixed word list.

    Each hash is looked up once per process and list; an article's forms are then sorted by set
    operations, as most of them were seen in an article before.
    """
    seen, found = _FOUND.setdefault((words, lower), (set(), set()))
    for key in forms - seen:
        if (lowered(strings, key) if lower else strings[key]) in words:
            found.add(key)
    seen |= forms
    return forms & found
