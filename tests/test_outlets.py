"""Outlets compared (`analytics.outlets`): each source's split on an outcome, and whom it quotes."""
import pandas as pd
import pytest

from analytics import outlets, store


@pytest.fixture()
def stored():
    articles = pd.DataFrame({"article_id": ["g1", "g2", "h1", "x1"], "title": ["", "", "", ""],
                             "source": ["Gazette", "Gazette", "Herald", ""], "date": ["2026-03-02"] * 4})
    rows = []
    # The Gazette quotes the union leader for the strike ten times and the minister against it twice.
    for n in range(10):
        rows.append((f"g1-q{n}", "g1" if n < 5 else "g2", "Ines Varga", "strike", "favor", 0.6))
    rows += [("g2-q90", "g2", "Tomas Lind", "strike", "against", -0.5), ("g2-q91", "g2", "Tomas Lind", "strike", "against", -0.7)]
    rows += [("h1-q1", "h1", "Tomas Lind", "strike", "against", -0.6), ("h1-q2", "h1", "", "strike", "neutral", 0.0)]
    rows += [("x1-q1", "x1", "Ines Varga", "strike", "favor", 0.4)]
    stances = pd.DataFrame(rows, columns=["quote_id", "article_id", "speaker", "outcome", "stance", "score"])
    stances["found_by"], stances["evidence"] = "named", ""
    return store.Store.from_tables({"articles": articles, "stances": stances})


def test_each_source_s_split_with_its_counts_and_the_thin_ones_marked(stored):
    split = outlets.stance_by_source(stored, store.Filters()).set_index("source")
    assert split.loc["Gazette", ["quotes", "favor", "against", "neutral"]].tolist() == [12, 10, 2, 0]
    assert split.loc["Gazette", "favor_share"] == pytest.approx(10 / 12, abs=1e-3)
    assert not split.loc["Gazette", "few"] and split.loc["Herald", "few"]
    assert outlets.NO_SOURCE in split.index  # an article without a source is kept, under its own name


def test_who_gets_a_voice_ranks_each_source_s_speakers(stored):
    voices = outlets.voices_by_source(stored, store.Filters(), "strike", per_source=1)
    assert voices[["source", "speaker", "quotes"]].values.tolist() == [
        [outlets.NO_SOURCE, "Ines Varga", 1], ["Gazette", "Ines Varga", 10], ["Herald", "Tomas Lind", 1]]
    gazette = outlets.voices_by_source(stored, store.Filters(), "strike").query("source == 'Gazette'")
    assert gazette["share"].tolist() == pytest.approx([10 / 12, 2 / 12], abs=1e-3)
    assert outlets.voices_by_source(stored, store.Filters(), "no_such_outcome").empty


def test_the_view_s_filters_apply(stored):
    split = outlets.stance_by_source(stored, store.Filters(sources=("Herald",)))
    assert split["source"].tolist() == ["Herald"]
    assert outlets.stance_by_source(stored, store.Filters(actors=("Tomas Lind",)))["quotes"].sum() == 3
