"""One search across quotes, speakers and article texts (`analytics.search`): every word must occur, in any case,
read as plain text; the matches come back marked in escaped HTML."""
import pandas as pd
import pytest

from analytics import search, store
from analytics.export import write_tables


def _tables():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3"], "title": ["Dock strike called", "Talks & tea", "Weather"],
        "source": ["Gazette", "Herald", "Gazette"], "date": ["2026-03-02", "2026-03-03", "2026-03-04"],
    })
    quotes = pd.DataFrame({
        "quote_id": ["a1-q1", "a1-q2", "a2-q1", "a3-q1"], "article_id": ["a1", "a1", "a2", "a3"],
        "kind": ["direct", "indirect", "direct", "direct"],
        "text": ["The STRIKE goes on at the docks", "the strike is a mistake", "Talks (50% done) resume", "Sunny."],
        "speaker": ["Ines Varga", "Tomas Lind", "Ines Varga", ""], "speaker_text": ["Varga", "Lind", "she", ""],
        "cue": ["said", "warned", "said", "said"], "start": [0, 40, 0, 0], "end": [30, 60, 20, 6],
    })
    stances = pd.DataFrame({
        "quote_id": ["a1-q1", "a1-q2"], "article_id": ["a1", "a1"], "speaker": ["Ines Varga", "Tomas Lind"],
        "outcome": ["strike", "strike"], "found_by": ["named", "named"], "stance": ["favor", "against"],
        "score": [0.8, -0.6], "evidence": ["", ""],
    })
    actor_counts = pd.DataFrame({
        "article_id": ["a1", "a2", "a1", "a3"], "actor": ["Ines Varga", "Ines Varga", "Tomas Lind", "Dock Workers Union"],
        "kind": ["person", "person", "person", "organization"], "count": [3, 1, 2, 1],
    })
    return {"articles": articles, "quotes": quotes, "stances": stances, "actor_counts": actor_counts}


@pytest.fixture(params=["memory", "parquet"])
def stored(request, tmp_path):
    if request.param == "memory":
        return store.Store.from_tables(_tables())
    write_tables(_tables(), tmp_path)
    return store.Store.from_parquet(tmp_path)


def test_a_query_is_its_words_lower_cased_and_phrases_in_double_quotes_stay_whole():
    assert search.terms('  Strike DOCKS "peace   Deal" strike ') == ("strike", "docks", "peace deal")
    assert search.terms("") == () and search.terms(None) == ()
    assert len(search.terms(" ".join(f"w{i}" for i in range(20)))) == search.MAX_TERMS


def test_every_word_must_occur_in_any_case():
    found = search.terms("strike DOCKS")
    assert search.matches_all("The Strike at the docks", found)
    assert not search.matches_all("The strike", found)


def test_marks_are_escaped_html_and_a_term_is_plain_text_not_a_pattern():
    text = 'Tom said <script>alert("x")</script> & more (50% done) a.b'
    marked = search.mark(text, search.terms("script (50% a.b"))
    assert "<script" not in marked and "&lt;<mark>script</mark>&gt;" in marked
    assert "<mark>(50%</mark>" in marked and "<mark>a.b</mark>" in marked
    # "." is no wildcard, "(" no group: nothing else is marked.
    assert marked.count("<mark>") == 4
    # A term that escaping writes itself ("amp", "lt") is never marked inside an entity.
    assert "&amp;" in search.mark("Tea & talks", ("amp",)) and "<mark>" not in search.mark("Tea & talks", ("amp",))
    assert search.mark("Lt. Gen. <b>", ("lt",)) == "<mark>Lt</mark>. Gen. &lt;b&gt;"


def test_the_longer_of_two_overlapping_terms_is_marked_whole():
    assert search.mark("a peace deal now", ("peace", "peace deal")) == "a <mark>peace deal</mark> now"


def test_snippets_show_the_text_around_each_match_marked():
    text = ("Filler words go here. " * 10) + "The dock strike began at dawn. " + ("More filler text. " * 20) + "Strike over."
    parts = search.snippets(text, ("strike",), width=30)
    assert len(parts) == 2
    assert "dock <mark>strike</mark> began" in parts[0] and parts[0].startswith("…") and parts[0].endswith("…")
    assert parts[1].endswith("<mark>Strike</mark> over.")
    assert len(search.snippets(text, ("e",), width=5, most=3)) == 3
    assert search.snippets("<b>strike</b>", ("strike",)) == ["&lt;b&gt;<mark>strike</mark>&lt;/b&gt;"]


def test_article_texts_match_when_title_and_text_hold_every_word_most_matches_first():
    texts = {"a1": "The strike at the docks. Strike again.", "a2": "Talks on the docks.", "a3": "Nothing."}
    titles = {"a1": "Dock news", "a2": "Strike talks", "a3": "Quiet"}
    table, total = search.search_texts(texts, titles, search.terms("strike docks"))
    assert total == 2 and list(table["article_id"]) == ["a1", "a2"]  # a2: "strike" in the title only
    assert list(table["matches"]) == [3, 1]
    assert "<mark>Strike</mark>" in table["title"].iloc[1]
    assert search.search_texts(texts, {"a3": "Quiet"}, ("strike",))[1] == 0  # only the articles asked for
    assert search.search_texts(texts, titles, ())[1] == 0


def test_quotes_match_every_word_in_text_or_speaker_under_the_filters(stored):
    table, total = store_quotes(stored, store.Filters(), "strike varga")
    assert total == 1 and list(table["quote_id"]) == ["a1-q1"]
    assert table["stances"].iloc[0] == "strike: favor" and table["title"].iloc[0] == "Dock strike called"
    assert store_quotes(stored, store.Filters(), "STRIKE")[1] == 2
    assert store_quotes(stored, store.Filters(actors=("Tomas Lind",)), "strike")[1] == 1
    assert store_quotes(stored, store.Filters(sources=("Herald",)), "strike")[1] == 0
    assert store_quotes(stored, store.Filters(), "strike", limit=1)[0].shape[0] == 1


def test_quote_search_takes_sql_and_pattern_characters_as_text(stored):
    assert store_quotes(stored, store.Filters(), "(50%")[1] == 1
    assert store_quotes(stored, store.Filters(), "%")[1] == 1  # no LIKE wildcard
    assert store_quotes(stored, store.Filters(), "_")[1] == 0
    assert store_quotes(stored, store.Filters(), "' OR 1=1 --")[1] == 0
    assert store_quotes(stored, store.Filters(), "")[1] == 0  # no word, no result (not every quote)


def store_quotes(stored, f, query, limit=None):
    return search.quotes(stored, f, search.terms(query), limit)


def test_speakers_and_actors_with_their_counts_of_every_kind(stored):
    table, total = search.speakers(stored, store.Filters(kinds=("person",)), search.terms("varga"))
    assert total == 1
    row = table.iloc[0]
    assert (row["actor"], row["kind"], row["quotes"], row["mentions"]) == ("Ines Varga", "person", 2, 4)
    table, _ = search.speakers(stored, store.Filters(kinds=("person",)), search.terms("dock union"))
    assert list(table["actor"]) == ["Dock Workers Union"]  # an organisation, though the charts count people
    assert search.speakers(stored, store.Filters(articles=("a2",)), ("varga",))[0]["mentions"].tolist() == [1]
    assert search.speakers(stored, store.Filters(), ("' or ''='",))[1] == 0
