"""Property tests: whatever text comes in, the analysis finishes and every table is well formed."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from analytics.actors import fold, name_tokens
from analytics.corpus import Article, clean_text
from analytics.build import analyse_corpus
from analytics.outcomes import load_outcomes

MARKS = ["“", "”", '"', "«", "»", "„", "‘", "’", "'", "‹", "›"]
PIECES = [
    "Donald Trump", "Putin", "Zelenskyy's", "Ana Lima", "the Kremlin", "he said", "said:", "according to",
    "warned that", "a ceasefire", "Tomahawk missiles", "sanctions", ".", ",", "!", "?", "\n", "\n\n", " ",
    "Comments are closed.", "Trump,Putin;Zelensky", "—", "-", "&", "(Photo: x)", "\t", "\x00", "\ud800",
    "<script>alert(1)</script>", "=SUM(A1)", "@x", "ﬁ", "👍", "\u200b",
]
texts = st.lists(
    st.one_of(st.sampled_from(MARKS), st.sampled_from(PIECES), st.text(max_size=12)),
    min_size=1, max_size=60,
).map(lambda parts: " ".join(parts))


@pytest.fixture(scope="module")
def outcomes():
    return load_outcomes()


def check_tables(text: str, tables, registry) -> None:
    """Every offset points into the article and spells what the row says."""
    quotes = tables["quotes"]
    for q in quotes.to_dict("records"):
        assert 0 <= q["start"] <= q["end"] <= len(text)
        assert text[q["start"]:q["end"]] == q["text"]
    assert set(tables["stances"]["quote_id"]) <= set(quotes["quote_id"])
    for m in tables["mentions"].to_dict("records"):
        assert text[m["start"]:m["end"]] == m["text"]
        if m["actor"] in registry.actors:
            assert registry.actor_for_name(m["text"]) == m["actor"]
        else:  # discovered: its words are among the actor's name's words (or one letter off)
            last = name_tokens(m["text"].removesuffix("'s").removesuffix("’s"))[-1]
            assert any(last == w or len(w) > 4 and abs(len(w) - len(last)) <= 1 for w in name_tokens(fold(m["actor"])))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(raw=texts)
def test_any_text_gives_well_formed_tables(nlp, registry, outcomes, raw):
    text = clean_text(raw)
    if not text.strip():
        return
    tables = analyse_corpus([Article("h", text)], nlp, registry, outcomes).tables
    check_tables(text, tables, registry)


@pytest.mark.parametrize("text", [
    "“" * 50 + "Trump said",
    "« » „ “ ‘ ’ ' \" » «\n\n\n“unclosed at the end",
    "”Backwards marks“ said Putin. ’odd‘ too.",
    ("Trump said that " + "the talks went on and " * 1000).strip(),  # ~20,000 characters, no full stop
    "\n\n\n\n",
    "Trump,Putin;Zelensky&Orban-Merz/Macron",
])
def test_awkward_texts(nlp, registry, outcomes, text):
    text = clean_text(text)
    tables = analyse_corpus([Article("h", text)], nlp, registry, outcomes).tables
    check_tables(text, tables, registry)


def test_nuls_are_removed_and_lone_surrogates_replaced_one_for_one_at_read_time():
    warnings = []
    assert clean_text("a\ud800b\x00c\r\nd\udfff", "x.jsonl line 3", warnings) == "a\ufffdbc\nd\ufffd"
    assert warnings == ["x.jsonl line 3: 2 lone surrogate characters replaced by U+FFFD"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(raw=texts)
def test_any_python_string_handed_to_the_analysis_raises_nothing(nlp, registry, outcomes, raw):
    # Not read from a file, so never cleaned: the article itself makes lone surrogates U+FFFD,
    # and every span is true of the text it analysed.
    article = Article("h", raw)
    if not article.text.strip():
        return
    assert len(article.text) == len(raw)
    tables = analyse_corpus([article], nlp, registry, outcomes).tables
    check_tables(article.text, tables, registry)
