"""The dashboard's queries (DuckDB, over a build's Parquet files or pandas tables) keep what the filters say."""
import pandas as pd
import pytest

from analytics import store
from analytics.actors import KINDS
from analytics.cooccurrence import cooccurrence
from analytics.export import write_tables
from analytics.build import analyse_corpus
from analytics.aggregates import stance_counts
from analytics.outcomes import load_outcomes
from analytics.corpus import load_corpus

from .conftest import SEEDS


@pytest.fixture(scope="module")
def tables(nlp, registry):
    return analyse_corpus(load_corpus(SEEDS).articles, nlp, registry, load_outcomes()).tables


@pytest.fixture(scope="module", params=["parquet", "memory"])
def stored(request, tables, tmp_path_factory):
    if request.param == "memory":
        return store.Store.from_tables(tables)
    folder = tmp_path_factory.mktemp("build")
    write_tables(tables, folder)
    return store.Store.from_parquet(folder)


def expected(tables, f: store.Filters) -> dict[str, pd.DataFrame]:
    """The filters' meaning, spelled out with pandas on the whole tables."""
    arts = tables["articles"]
    keep = pd.Series(True, index=arts.index)
    for column, values in (("article_id", f.articles), ("date", f.dates), ("source", f.sources)):
        if values:
            keep &= arts[column].isin(values)
    arts = arts[keep]
    ids = set(arts["article_id"])
    kinds = f.kinds or KINDS
    out = {"articles": arts}
    for name in ("mentions", "actor_counts"):
        t = tables[name]
        t = t[t["article_id"].isin(ids) & t["kind"].isin(kinds)]
        out[name] = t[t["actor"].isin(f.actors)] if f.actors else t
    stances = tables["stances"][tables["stances"]["article_id"].isin(ids)]
    quotes = tables["quotes"][tables["quotes"]["article_id"].isin(ids)]
    if f.actors:
        stances, quotes = stances[stances["speaker"].isin(f.actors)], quotes[quotes["speaker"].isin(f.actors)]
    if f.outcomes:
        stances = stances[stances["outcome"].isin(f.outcomes)]
    if f.stance:
        stances = stances[stances["stance"].isin(f.stance)]
    if f.found_by:
        stances = stances[stances["found_by"].isin(f.found_by)]
    if f.outcomes or f.stance or f.found_by:
        quotes = quotes[quotes["quote_id"].isin(stances["quote_id"])]
    out.update(quotes=quotes, stances=stances)
    return out


def views(tables):
    arts = tables["articles"]
    top = tables["actor_counts"].groupby("actor")["count"].sum().nlargest(3).index
    return [
        store.Filters(),
        store.Filters(kinds=("person",)),
        store.Filters(dates=(sorted(arts["date"])[1],)),
        store.Filters(articles=tuple(arts["article_id"][:2]), kinds=("person", "country")),
        store.Filters(actors=tuple(top)),
        store.Filters(outcomes=("ceasefire", "meeting"), stance=("against",)),
        store.Filters(found_by=("named",)),
    ]


def test_counts_and_rows_follow_the_filters(tables, stored):
    for f in views(tables):
        want = expected(tables, f)
        got = store.totals(stored, f)
        assert got["articles"] == len(want["articles"]), f
        assert got["mentions"] == len(want["mentions"]) == want["actor_counts"]["count"].sum(), f
        assert got["actors"] == want["actor_counts"]["actor"].nunique(), f
        assert got["quotes"] == len(want["quotes"]) and got["stances"] == len(want["stances"]), f
        for name in ("articles", "mentions", "quotes", "stances"):
            rows = store.rows(stored, f, name, limit=None)
            assert sorted(map(str, rows.iloc[:, 0])) == sorted(map(str, want[name].iloc[:, 0])), (f, name)


def test_actor_totals_rank_the_view_s_actors(tables, stored):
    for f in views(tables):
        want = expected(tables, f)["actor_counts"].groupby("actor")["count"].sum()
        got = store.actor_totals(stored, f).set_index("actor")["count"]
        assert got.to_dict() == want.to_dict(), f
        assert list(got) == sorted(got, reverse=True)
        assert len(store.actor_totals(stored, f, limit=2)) == min(2, len(want))


def test_cooccurrence_of_the_view_is_that_of_its_mentions(tables, stored):
    for f in views(tables):
        want = expected(tables, f)
        for window in ("sentence", "article"):
            reference = cooccurrence(want["mentions"], want["articles"], (window,))
            got = store.actor_pairs(stored, f, window)
            assert got[["actor_a", "actor_b", "count", "articles", "jaccard", "npmi"]].values.tolist() == \
                   reference[["actor_a", "actor_b", "count", "articles", "jaccard", "npmi"]].values.tolist(), (f, window)


def test_stance_summary_and_trend_of_the_view(tables, stored):
    for f in views(tables):
        want = expected(tables, f)
        reference = stance_counts(want["stances"])
        got = store.stance_by_speaker_outcome(stored, f)
        assert got.values.tolist() == reference.values.tolist(), f
        dated = want["stances"].merge(tables["articles"][["article_id", "date"]], on="article_id")
        reference = dated.groupby(["date", "outcome"]).agg(quotes=("quote_id", "nunique"), mean_score=("score", "mean"))
        trend = store.stance_trend(stored, f, "date").set_index(["date", "outcome"])
        assert trend["quotes"].to_dict() == reference["quotes"].to_dict(), f
        assert trend["mean_score"].round(9).to_dict() == reference["mean_score"].round(9).to_dict(), f


def test_contested_outcomes_rank_the_view_s_outcomes_by_their_smaller_side(tables, stored):
    for f in views(tables):
        stances = expected(tables, f)["stances"]
        got = store.contested_outcomes(stored, f)
        assert list(got.columns) == ["outcome", "favor", "against", "neutral", "contested"]
        assert sorted(got["outcome"]) == sorted(stances["outcome"].unique()), f
        for row in got.itertuples():
            said = stances[stances["outcome"] == row.outcome]["stance"]
            assert (row.favor, row.against, row.neutral) == tuple(int((said == s).sum()) for s in store.STANCES), f
            assert row.contested == min(row.favor, row.against)
        assert list(got["contested"]) == sorted(got["contested"], reverse=True), f


def test_contested_outcomes_put_an_even_split_above_a_one_sided_crowd():
    said = ([("summit", "favor")] * 10 + [("summit", "neutral")]  # many quotes, all one way: contested 0
            + [("truce", "favor"), ("truce", "against"), ("truce", "against")]  # contested 1
            + [("tariffs", "favor"), ("tariffs", "favor"), ("tariffs", "against")]  # contested 1, more favor
            + [("aid", "against"), ("aid", "favor")])  # contested 1, as much favor as truce: the name decides
    stances = pd.DataFrame([{"quote_id": f"q{i}", "article_id": "a1", "speaker": "Ines Varga", "outcome": o,
                             "stance": s, "score": 0.0, "evidence": ""} for i, (o, s) in enumerate(said)])
    got = store.contested_outcomes(store.Store.from_tables({"stances": stances}), store.Filters())
    assert list(got["outcome"]) == ["tariffs", "aid", "truce", "summit"]
    summit = got.set_index("outcome").loc["summit"]
    assert (summit["favor"], summit["against"], summit["neutral"], summit["contested"]) == (10, 0, 1, 0)
    nothing = store.contested_outcomes(store.Store.from_tables({"stances": stances}), store.Filters(stance=("neutral",)))
    assert list(nothing["outcome"]) == ["summit"] and nothing["contested"].tolist() == [0]


def test_quote_search_counts_every_match_but_returns_at_most_the_limit(tables, stored):
    quotes = tables["quotes"]
    word = "ceasefire"
    matches = quotes[quotes["text"].str.lower().str.contains(word) | quotes["speaker"].str.lower().str.contains(word)
                     | quotes["cue"].str.lower().str.contains(word)]
    assert len(matches) > 2
    table, total = store.quote_search(stored, store.Filters(), search="CEASEFIRE", limit=2)
    assert total == len(matches) and len(table) == 2
    assert set(table["quote_id"]) <= set(matches["quote_id"])
    # Each quote carries its stances.
    full, _ = store.quote_search(stored, store.Filters(), search=word)
    stanced = full[full["stances"] != ""]
    assert not stanced.empty
    for row in stanced.itertuples():
        own = tables["stances"][tables["stances"]["quote_id"] == row.quote_id]
        assert row.stances.split("; ") == [f"{o}: {s}" for o, s in zip(own["outcome"], own["stance"])]


def test_filter_values_are_data_not_sql(stored):
    hostile = store.Filters(actors=("O'Brien\"); DROP TABLE mentions; --",), sources=("' OR 1=1 --",))
    assert store.totals(stored, hostile) == {"articles": 0, "actors": 0, "mentions": 0, "quotes": 0, "stances": 0}
    assert store.count(stored, store.Filters(), "mentions") > 0


def test_options_list_what_the_filters_can_choose(tables, stored):
    options = store.options(stored)
    assert options["articles"] == list(tables["articles"]["article_id"])
    assert options["actors"] == sorted(tables["actor_counts"]["actor"].unique())
    assert options["outcomes"] == sorted(tables["stances"]["outcome"].unique())


def test_pair_mentions_come_from_articles_naming_both(tables, stored):
    pair = tables["cooccurrence"][tables["cooccurrence"]["window"] == "article"].sort_values("count").iloc[-1]
    a, b = pair["actor_a"], pair["actor_b"]
    named, total = store.pair_mentions(stored, store.Filters(), a, b)
    assert total == pair["articles"] > 1
    assert set(named["actor"]) == {a, b}
    for _, group in named.groupby("article_id"):
        assert set(group["actor"]) == {a, b}
    capped, again = store.pair_mentions(stored, store.Filters(), a, b, max_articles=1)
    assert again == total and capped["article_id"].nunique() == 1


def test_the_found_by_filter_is_offered_and_an_older_build_without_the_column_still_opens(tables, tmp_path):
    found = store.Store.from_tables(tables)
    assert "named" in store.options(found)["found_by"]
    old = dict(tables, stances=tables["stances"].drop(columns=["found_by"]))
    write_tables(old, tmp_path)
    older = store.Store.from_parquet(tmp_path)
    assert store.options(older)["found_by"] == []
    assert store.totals(older, store.Filters())["stances"] == len(tables["stances"])
    speaker, outcome = tables["stances"].iloc[0][["speaker", "outcome"]]
    rows, total = store.cell_quotes(older, store.Filters(), speaker, outcome, 10)
    assert total >= 1 and set(rows["found_by"]) == {""}
    # The count is of every quote of the cell, not of the rows shown.
    one, same_total = store.cell_quotes(older, store.Filters(), speaker, outcome, 1)
    assert len(one) == 1 and same_total == total and list(one.columns) == list(rows.columns)


def test_position_changes_of_the_view_keep_its_speakers_outcomes_and_articles(tables, stored):
    changes = tables["position_changes"]
    assert not changes.empty  # the default corpus is dated, and someone in it moves
    first = changes.iloc[0]
    kept = store.rows(stored, store.Filters(actors=(first["speaker"],), outcomes=(first["outcome"],)), "position_changes")
    assert len(kept) >= 1 and set(kept["speaker"]) == {first["speaker"]}
    assert store.rows(stored, store.Filters(actors=("Nobody At All",)), "position_changes").empty
    # A change needs both its quotes in the view: the article of only one of them shows none of it.
    quotes = tables["quotes"].set_index("quote_id")["article_id"]
    one_side = (quotes[first["from_quote_id"]],)
    if quotes[first["to_quote_id"]] not in one_side:
        shown = store.rows(stored, store.Filters(articles=one_side), "position_changes")
        assert not ((shown["from_quote_id"] == first["from_quote_id"]) & (shown["to_quote_id"] == first["to_quote_id"])).any()
    both = tuple({quotes[first["from_quote_id"]], quotes[first["to_quote_id"]]})
    assert len(store.rows(stored, store.Filters(articles=both), "position_changes")) >= 1
