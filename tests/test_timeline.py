"""The view over time (`analytics.timeline`): periods, undated articles, stance per period, changes with quotes."""
import duckdb
import pandas as pd
import pytest

from analytics import store, timeline
from analytics.positions import article_dates, day_sql, position_changes


def _tables():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4"],
        "title": ["Strike called", "Talks fail", "Strike on", "Undated op-ed"],
        "source": ["Gazette", "Herald", "Gazette", "Herald"],
        "date": ["2026-03-02", "2026-03-02T18:00:00Z", "4 March 2026", ""],
    })
    mentions = pd.DataFrame({
        "article_id": ["a1", "a1", "a2", "a3", "a4"], "actor": ["Ines Varga", "Tomas Lind", "Ines Varga", "Ines Varga", "Ines Varga"],
        "kind": ["person"] * 5, "text": ["Varga", "Lind", "Varga", "Varga", "Varga"],
        "start": [0] * 5, "end": [5] * 5, "sentence": [0] * 5, "paragraph": [0] * 5,
    })
    quotes = pd.DataFrame({
        "quote_id": ["a1-q1", "a2-q1", "a3-q1", "a4-q1"], "article_id": ["a1", "a2", "a3", "a4"],
        "kind": ["direct"] * 4, "text": ["We will not strike", "No comment", "The strike is on", "Strike!"],
        "speaker": ["Ines Varga", "Tomas Lind", "Ines Varga", "Ines Varga"],
    })
    stances = pd.DataFrame({
        "quote_id": ["a1-q1", "a2-q1", "a3-q1", "a4-q1"], "article_id": ["a1", "a2", "a3", "a4"],
        "speaker": ["Ines Varga", "Tomas Lind", "Ines Varga", "Ines Varga"], "outcome": ["strike"] * 4,
        "found_by": ["named"] * 4, "stance": ["against", "neutral", "favor", "favor"], "score": [-0.6, 0.0, 0.8, 0.9],
        "evidence": [""] * 4,
    })
    tables = {"articles": articles, "mentions": mentions, "quotes": quotes, "stances": stances}
    tables["position_changes"] = position_changes(stances, articles)
    return tables


@pytest.fixture()
def stored():
    return store.Store.from_tables(_tables())


def test_undated_articles_are_counted_not_dropped(stored):
    c = timeline.coverage(stored, store.Filters())
    assert (c.dated, c.undated, c.first, c.last, c.period) == (3, 1, "2026-03-02", "2026-03-04", "day")


def test_the_period_follows_the_span_of_dates():
    assert timeline.period_for("2026-01-01", "2026-02-15") == "day"
    assert timeline.period_for("2026-01-01", "2026-09-01") == "week"
    assert timeline.period_for("2020-01-01", "2026-01-01") == "month"


def test_stance_per_period_has_its_count_and_spread(stored):
    rows = timeline.stance_over_time(stored, store.Filters(), "day").set_index("period")
    assert rows.loc["2026-03-02", "quotes"] == 2 and rows.loc["2026-03-02", "mean_score"] == pytest.approx(-0.3)
    assert rows.loc["2026-03-02", "spread"] == pytest.approx(0.3)
    assert rows.loc["2026-03-04", "quotes"] == 1 and rows.loc["2026-03-04", "spread"] == 0
    assert "2026-03-03" not in rows.index  # the undated article's quote is in no period


def test_mentions_per_period_of_the_chosen_actors(stored):
    rows = timeline.mentions_over_time(stored, store.Filters(), ("Ines Varga",), "day")
    assert rows[["period", "mentions"]].values.tolist() == [["2026-03-02", 2], ["2026-03-04", 1]]
    assert timeline.mentions_over_time(stored, store.Filters(), (), "day").empty


def test_a_period_opens_its_articles(stored):
    assert list(timeline.period_articles(stored, store.Filters(), "day", "2026-03-02")["article_id"]) == ["a1", "a2"]
    assert list(timeline.period_articles(stored, store.Filters(), "week", "2026-03-02")["article_id"]) == ["a1", "a2", "a3"]


def test_a_change_comes_with_both_quotes(stored):
    changes = timeline.changes_with_quotes(stored, store.Filters())
    assert changes[["speaker", "from_stance", "to_stance", "from_text", "to_text"]].values.tolist() == [
        ["Ines Varga", "against", "favor", "We will not strike", "The strike is on"]]
    assert timeline.changes_with_quotes(stored, store.Filters(actors=("Tomas Lind",))).empty


def test_a_limit_keeps_the_newest_changes_with_their_quotes():
    tables = _tables()
    # Tomas Lind: neutral on the 2nd, then for on the 4th (a second change, newer than none, older than none).
    extra_quote = {"quote_id": "a3-q2", "article_id": "a3", "kind": "direct", "text": "Strike now", "speaker": "Tomas Lind"}
    tables["quotes"] = pd.concat([tables["quotes"], pd.DataFrame([extra_quote])], ignore_index=True)
    tables["stances"] = pd.concat([tables["stances"], pd.DataFrame([{
        "quote_id": "a3-q2", "article_id": "a3", "speaker": "Tomas Lind", "outcome": "strike", "found_by": "named",
        "stance": "favor", "score": 0.7, "evidence": ""}])], ignore_index=True)
    tables["articles"].loc[2, "date"] = "2026-03-04"
    tables["articles"] = pd.concat([tables["articles"], pd.DataFrame([{
        "article_id": "a5", "title": "Later", "source": "Gazette", "date": "2026-03-09"}])], ignore_index=True)
    tables["quotes"] = pd.concat([tables["quotes"], pd.DataFrame([{
        "quote_id": "a5-q1", "article_id": "a5", "kind": "direct", "text": "Call it off", "speaker": "Tomas Lind"}])],
        ignore_index=True)
    tables["stances"] = pd.concat([tables["stances"], pd.DataFrame([{
        "quote_id": "a5-q1", "article_id": "a5", "speaker": "Tomas Lind", "outcome": "strike", "found_by": "named",
        "stance": "against", "score": -0.7, "evidence": ""}])], ignore_index=True)
    tables["position_changes"] = position_changes(tables["stances"], tables["articles"])
    stored = store.Store.from_tables(tables)
    every = timeline.changes_with_quotes(stored, store.Filters())
    assert list(every["to_date"]) == sorted(every["to_date"], reverse=True) and len(every) == 3
    newest = timeline.changes_with_quotes(stored, store.Filters(), 1)
    assert newest[["speaker", "to_date", "from_text", "to_text"]].values.tolist() == [
        ["Tomas Lind", "2026-03-09", "Strike now", "Call it off"]]
    # The Timeline page's table and count come from one query: the first rows, and how many there are in all.
    shown, total = timeline.changes_and_total(stored, store.Filters(), 1)
    assert total == 3 and shown.equals(newest)
    assert timeline.changes_and_total(stored, store.Filters(actors=("Nobody",)), 5)[1] == 0


def test_sql_and_python_read_dates_alike():
    values = ["2026-03-02", "2026-03-02T18:00:00Z", "4 March 2026", "Mar 4, 2026", "March 4 2026", "04/03/2026", "", "soon"]
    python = article_dates(pd.DataFrame({"article_id": range(len(values)), "date": values}))
    con = duckdb.connect()
    con.register("t", pd.DataFrame({"i": range(len(values)), "d": values}))
    sql = con.execute(f"SELECT i, strftime({day_sql('d')}, '%Y-%m-%d') AS day FROM t").df().dropna()
    assert dict(zip(sql["i"], sql["day"])) == python.to_dict()


def test_every_period_of_the_span_is_listed_as_the_queries_start_it(stored):
    assert timeline.periods_between("2026-03-02", "2026-03-04", "day") == ["2026-03-02", "2026-03-03", "2026-03-04"]
    weeks = timeline.periods_between("2026-03-04", "2026-03-20", "week")
    assert weeks == ["2026-03-02", "2026-03-09", "2026-03-16"]  # Mondays, as DuckDB's date_trunc('week')
    assert set(timeline.stance_over_time(stored, store.Filters(), "week")["period"]) <= set(weeks)
    assert timeline.periods_between("2026-01-31", "2026-03-01", "month") == ["2026-01-01", "2026-02-01", "2026-03-01"]
