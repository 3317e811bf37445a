"""The visitor's corrections (made on the Quotes page) laid over their analysis, for every page of the session.

The corrections live in ``st.session_state`` only. The corrected tables are
a new `Store` over the analysis's own (`analytics.corrected`), cached by
the analysis's key and the corrections' content: every page reads them
through `state.current_store`, so a correction counts everywhere at once,
and the analysis other visitors share is never changed.
"""
from __future__ import annotations

import hashlib

import streamlit as st

from analytics.corrected import corrected_store
from analytics.corrections import Match, corrections_jsonl
from analytics.store import Store

KEY = "corrections"


def records() -> list[dict]:
    """The visitor's corrections, in the order they were made."""
    return list(st.session_state.get(KEY) or [])


def keep(new: list[dict]) -> None:
    st.session_state[KEY] = list(new)


def digest(found: list[dict]) -> str:
    return hashlib.sha1(corrections_jsonl(found).encode("utf-8", "surrogatepass")).hexdigest()


@st.cache_resource(show_spinner="Applying your corrections…", max_entries=8, ttl=3600)
def _corrected(key: str, content: str, _base: Store, _records: tuple) -> tuple[Store, list[Match]]:
    # Keyed by the analysis (``key``) and the corrections (``content``); neither store is ever written to.
    return corrected_store(_base, list(_records))


def applied(key: str, base: Store) -> tuple[str, Store]:
    """(key, store) of the analysis with the visitor's corrections applied; as given when there are none."""
    found = records()
    if not found:
        return key, base
    content = digest(found)
    store, _ = _corrected(key, content, base, tuple(found))
    return (key, base) if store is base else (f"{key}+corrections:{content}", store)


def matches(key: str, base: Store) -> list[Match]:
    """Which quote each of the visitor's corrections names in the analysis ``key`` (`corrections.Match`)."""
    found = records()
    return _corrected(key, digest(found), base, tuple(found))[1] if found else []
