"""Who changed their mind: `positions.position_changes` over stance rows and article dates."""
import pandas as pd

from analytics.positions import POSITION_CHANGE_COLUMNS, article_dates, day_position, position_changes


def _stances(rows):
    return pd.DataFrame([dict(zip(("quote_id", "article_id", "speaker", "outcome", "stance", "score"), r)) for r in rows])


ARTICLES = pd.DataFrame({"article_id": ["mon", "tue", "wed", "undated"],
                         "date": ["2026-03-02", "2026-03-03T09:30:00Z", "2026-03-04", ""]})


def test_a_reversal_names_the_quotes_before_and_after():
    stances = _stances([
        ("mon-q1", "mon", "Ines Varga", "strike", "against", -0.6),
        ("mon-q2", "mon", "Ines Varga", "strike", "against", -0.4),
        ("tue-q1", "tue", "Ines Varga", "strike", "favor", 0.5),
        ("tue-q2", "tue", "Ines Varga", "strike", "favor", 0.7),
    ])
    changes = position_changes(stances, ARTICLES)
    assert list(changes.columns) == POSITION_CHANGE_COLUMNS
    assert changes.to_dict("records") == [{
        "speaker": "Ines Varga", "outcome": "strike",
        "from_date": "2026-03-02", "from_stance": "against", "from_quote_id": "mon-q2",  # the last to say it
        "to_date": "2026-03-03", "to_stance": "favor", "to_quote_id": "tue-q1",  # the first to say the new one
    }]


def test_a_steady_position_and_a_single_day_are_no_change():
    stances = _stances([
        ("mon-q1", "mon", "Ines Varga", "strike", "favor", 0.5),
        ("wed-q1", "wed", "Ines Varga", "strike", "favor", 0.3),
        ("mon-q2", "mon", "Tomas Lind", "strike", "against", -0.5),
        ("mon-q3", "mon", "Tomas Lind", "strike", "favor", 0.5),
    ])
    assert position_changes(stances, ARTICLES).empty


def test_moves_to_and_from_neutral_count_and_each_outcome_is_its_own():
    stances = _stances([
        ("mon-q1", "mon", "Tomas Lind", "merger", "favor", 0.5),
        ("tue-q1", "tue", "Tomas Lind", "merger", "neutral", 0.0),
        ("wed-q1", "wed", "Tomas Lind", "merger", "against", -0.8),
        ("mon-q2", "mon", "Tomas Lind", "price_cap", "against", -0.5),
    ])
    changes = position_changes(stances, ARTICLES)
    assert [(c["from_stance"], c["to_stance"]) for c in changes.to_dict("records")] == [("favor", "neutral"), ("neutral", "against")]
    assert set(changes["outcome"]) == {"merger"}


def test_quotes_without_a_speaker_or_a_date_say_nothing_about_when():
    stances = _stances([
        ("mon-q1", "mon", "", "strike", "favor", 0.5),
        ("tue-q1", "tue", "", "strike", "against", -0.5),
        ("mon-q2", "mon", "Ines Varga", "strike", "favor", 0.5),
        ("undated-q1", "undated", "Ines Varga", "strike", "against", -0.5),
    ])
    assert position_changes(stances, ARTICLES).empty
    assert position_changes(stances.iloc[0:0], ARTICLES).empty


def test_a_day_that_says_both_is_no_clear_position():
    assert day_position(["favor", "against"], [0.5, -0.5]) == "neutral"
    assert day_position(["favor", "against"], [0.9, -0.3]) == "favor"
    assert day_position(["favor", "favor", "against"], [0.3, 0.3, -0.9]) == "favor"


def test_dates_are_read_as_days_and_unreadable_ones_left_out():
    dates = article_dates(pd.DataFrame({"article_id": ["a", "b", "c", "d", "e", "f"],
                                        "date": ["2026-03-03T09:30:00Z", "17 October 2025", "Oct 17, 2025",
                                                 "03/04/2026", None, "soon"]}))
    assert dates.to_dict() == {"a": "2026-03-03", "b": "2025-10-17", "c": "2025-10-17"}
