"""One parsed article through the components (`analyse_doc`, `article_row`), and the table shapes."""
from __future__ import annotations

from analytics.corpus import Article
from analytics.pipeline import (
    ARTICLE_COLUMNS, PER_ARTICLE, analyse_doc, article_row, columns_of, concat_parts, row_frames, typed_table,
)

TEXT = "Port talks\n\nThe mayor, Ana Lima, said on Monday that \"the port will reopen soon\".\nLima left."


def test_one_article_yields_its_rows_and_its_articles_row(nlp, registry):
    from analytics.outcomes import load_outcomes

    article = Article("port", TEXT, title="Port talks", source="Daily")
    doc = nlp(TEXT)
    rows = analyse_doc(doc, article, registry, outcomes=load_outcomes())
    assert set(rows) == {"mentions", "quotes", "stances"}
    for row in rows["mentions"] + rows["quotes"]:
        assert row["article_id"] == "port" and TEXT[row["start"]:row["end"]] == row["text"]
    assert rows["quotes"], "the quotation is found"
    assert "stances" not in analyse_doc(doc, article, registry)  # no outcomes: no stances
    row = article_row(doc, article, rows)
    assert list(row) == ARTICLE_COLUMNS
    assert (row["title"], row["source"], row["paragraphs"]) == ("Port talks", "Daily", 3)
    assert (row["mentions"], row["quotes"]) == (len(rows["mentions"]), len(rows["quotes"]))


def test_row_frames_give_every_per_article_table_with_its_columns_even_when_empty():
    frames = row_frames({"articles": [{"article_id": "x", "words": 3}]})
    assert list(frames) == list(PER_ARTICLE)
    for name, frame in frames.items():
        assert list(frame.columns) == columns_of(name)
    assert frames["mentions"].empty and frames["mentions"]["start"].dtype == "int64"
    assert frames["stances"]["score"].dtype == "float64"


def test_empty_parts_add_no_rows_and_change_no_type():
    full = row_frames({"articles": [{"article_id": "x", "words": 3}]})["articles"]
    empty = row_frames({})["articles"]
    joined = concat_parts([empty, full, empty], "articles")
    assert list(joined["article_id"]) == ["x"] and joined["words"].dtype == full["words"].dtype
    none = concat_parts([empty, empty], "mentions")
    assert none.empty and list(none.columns) == columns_of("mentions") and none["end"].dtype == "int64"
    assert typed_table(full) is full  # tables with rows keep the types their rows gave
