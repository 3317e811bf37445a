"""Shared fixtures: the spaCy model is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check what comes back, not how fast: on two busy CI cores one example can take longer
# than hypothesis' default 200 ms deadline, which fails a correct test.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"
GOLD = ROOT.parent / "shared" / "gold" / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from analytics.parse import load_model

    return load_model()


@pytest.fixture(scope="session")
def registry():
    from analytics.actors import load_registry

    return load_registry()
