"""The quotes behind a chart's mark (`analytics.drill`): a click's values narrow the view, nothing else does."""
import pandas as pd
import pytest

from analytics import drill, store


@pytest.fixture()
def stored():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4"], "title": ["One", "Two", "Three", "Four"],
        "source": ["Gazette", "Herald", "Gazette", "Herald"],
        "date": ["2026-03-02", "3 March 2026", "2026-03-10", "2026-04-01"],
    })
    quotes = pd.DataFrame({
        "quote_id": ["a1-q1", "a2-q1", "a3-q1", "a4-q1", "a4-q2"], "article_id": ["a1", "a2", "a3", "a4", "a4"],
        "kind": ["direct"] * 5, "text": ["yes", "no", "maybe", "yes again", "aside"], "cue": ["said"] * 5,
        "speaker": ["Ines Varga", "Ines Varga", "Tomas Lind", "Ines Varga", "Tomas Lind"], "start": [0] * 5,
    })
    stances = pd.DataFrame({
        "quote_id": ["a1-q1", "a2-q1", "a3-q1", "a4-q1"], "article_id": ["a1", "a2", "a3", "a4"],
        "speaker": ["Ines Varga", "Ines Varga", "Tomas Lind", "Ines Varga"], "outcome": ["strike"] * 4,
        "found_by": ["named"] * 4, "stance": ["favor", "against", "neutral", "favor"], "score": [0.8, -0.5, 0, 0.7],
        "evidence": [""] * 4,
    })
    return store.Store.from_tables({"articles": articles, "quotes": quotes, "stances": stances})


def behind(stored, selection, f=store.Filters()):
    table, total = drill.quotes_behind(stored, f, selection)
    assert total == len(table)
    return sorted(table["quote_id"]) if total else []


def test_a_bar_of_one_speaker_lists_their_quotes(stored):
    assert behind(stored, [("speaker", "Ines Varga")]) == ["a1-q1", "a2-q1", "a4-q1"]


def test_a_stance_bar_lists_the_quotes_taking_that_stance_on_that_outcome(stored):
    table, total = drill.quotes_behind(stored, store.Filters(), [("outcome", "strike"), ("stance", "favor")])
    assert sorted(table["quote_id"]) == ["a1-q1", "a4-q1"] and set(table["stances"]) == {"strike: favor"}


def test_a_week_or_a_day_holds_the_quotes_of_its_articles_whatever_way_their_date_is_written(stored):
    # 2026-03-02 is a Monday: its week holds a1 and a2 ("3 March 2026"), not a3 of the week after.
    assert behind(stored, [("period", "week:2026-03-02")]) == ["a1-q1", "a2-q1"]
    assert behind(stored, [("period", "day:2026-03-03")]) == ["a2-q1"]
    assert behind(stored, [("period", "month:2026-03-01"), ("speaker", "Tomas Lind")]) == ["a3-q1"]
    assert behind(stored, [("period", "week:1999-01-04")]) == []  # a period without articles holds nothing


def test_the_sidebar_s_filters_still_apply_under_a_click(stored):
    gazette = store.Filters(sources=("Gazette",))
    assert behind(stored, [("speaker", "Ines Varga")], gazette) == ["a1-q1"]
    assert behind(stored, [("period", "month:2026-03-01")], gazette) == ["a1-q1", "a3-q1"]
    assert behind(stored, [("source", "Herald"), ("speaker", "Tomas Lind")]) == ["a4-q2"]
    assert behind(stored, [("article", "a4"), ("date", "2026-04-01")]) == ["a4-q1", "a4-q2"]


def test_a_selection_from_a_link_asks_for_nothing_but_its_known_fields(stored):
    assert drill.clean([("speaker", "A"), ("speaker", "B"), ("table", "x"), ("stance",), ("outcome", 3), ("source", "")]) == (
        ("speaker", "A"),)
    assert drill.quotes_behind(stored, store.Filters(), [("nothing", "x")])[1] == 0
    assert behind(stored, [("speaker", "' OR 1=1 --")]) == []
    assert behind(stored, [("period", "year:2026-01-01")]) == []  # not a period the charts count by
