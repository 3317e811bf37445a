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
