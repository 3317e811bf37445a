"""Reading corpora: folders, CSV and JSONL, encodings, broken files."""
from __future__ import annotations

import json

import pytest

from analytics.corpus import CorpusError, derive_title, load_corpus

from .conftest import SEEDS


def test_default_corpus_reads_five_articles_with_manifest_metadata():
    corpus = load_corpus(SEEDS)
    assert len(corpus.articles) == 5 and not corpus.skipped
    by_id = {a.article_id: a for a in corpus.articles}
    assert by_id["002_3ae1a21b16b637e7"].title == "Kremlin verifies Putin-Trump meeting in Hungary"
    assert by_id["002_3ae1a21b16b637e7"].source == "MENAFN"
    assert by_id["004_f3751592422116f2"].date == "2025-10-16"
    # Titles missing from the manifest come from the first sentence.
    assert by_id["000_1bc2eab5029e63e9"].title.startswith("A potential meeting between Ukrainian President")


def test_texts_are_kept_exactly_as_written():
    corpus = load_corpus(SEEDS)
    for article in corpus.articles:
        assert article.text == (SEEDS / article.file).read_text(encoding="utf-8")


def test_bad_files_are_skipped_with_reasons_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("The mayor, Ana Lima, said the bridge would reopen.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "latin.txt").write_bytes("Le ministre a déclaré: « Non ».".encode("cp1252"))
    corpus = load_corpus(tmp_path)
    assert sorted(a.article_id for a in corpus.articles) == ["good", "latin"]
    reasons = dict(corpus.skipped)
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert any("latin.txt" in w and "cp1252" in w for w in corpus.warnings)
    latin = next(a for a in corpus.articles if a.article_id == "latin")
    assert "déclaré" in latin.text


def test_csv_corpus_with_metadata_columns(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('article_id,title,source,date,text\nx1,Strike ends,Daily,2024-05-01,"Workers said, ""We won."""\nx2,,,,\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert [a.article_id for a in corpus.articles] == ["x1"]
    assert corpus.articles[0].text == 'Workers said, "We won."'
    assert corpus.articles[0].source == "Daily"
    assert corpus.skipped and "no text" in corpus.skipped[0][1]


def test_csv_without_text_column_is_refused_naming_its_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("headline,body\nA,B\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="headline, body"):
        load_corpus(path)


def test_jsonl_with_a_broken_row(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [json.dumps({"text": "First story.", "title": "One"}), "{not json", json.dumps({"text": "Second story."})]
    path.write_text("\n".join(rows), encoding="utf-8")
    corpus = load_corpus(path)
    assert [a.text for a in corpus.articles] == ["First story.", "Second story."]
    assert corpus.skipped[0][0] == "news.jsonl line 2"


def test_duplicate_ids_are_renamed_with_a_warning(tmp_path):
    path = tmp_path / "dupes.jsonl"
    path.write_text("\n".join(json.dumps({"article_id": "a", "text": t}) for t in ("One.", "Two.")), encoding="utf-8")
    corpus = load_corpus(path)
    assert len({a.article_id for a in corpus.articles}) == 2
    assert any("duplicate" in w for w in corpus.warnings)


def test_manifest_naming_a_missing_file_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Some text.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("article_id,file,title\na,a.txt,A\nb,b.txt,B\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [a.title for a in corpus.articles] == ["A"]
    assert any("b.txt" in w for w in corpus.warnings)


def test_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus(tmp_path / "nowhere")


def test_derived_title_is_the_first_sentence_cut_at_a_word():
    assert derive_title("Talks resume in Geneva. More follows.") == "Talks resume in Geneva."
    long = "word " * 60
    assert len(derive_title(long)) <= 91 and derive_title(long).endswith("…")


def test_a_deeply_nested_jsonl_line_is_skipped_with_its_number(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": "A fine article."}\n{"text": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
                    '{"text": "Another fine one."}\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert [a.text for a in corpus.articles] == ["A fine article.", "Another fine one."]
    assert corpus.skipped == [("deep.jsonl line 2", "JSON nested too deeply to read")]


def test_a_lone_surrogate_in_a_jsonl_row_is_replaced_and_counted(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text('{"text": "Talks \\ud800 resumed."}\n{"text": "Fine."}\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert [a.text for a in corpus.articles] == ["Talks \ufffd resumed.", "Fine."]
    assert corpus.warnings == ["odd.jsonl line 1: 1 lone surrogate character replaced by U+FFFD"]


def test_each_duplicate_id_is_renamed_once_to_an_id_no_other_article_has(tmp_path):
    import csv

    path = tmp_path / "dup.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerows([["article_id", "text"], ["x", "First."], ["x", "Second."], ["x~2", "Third."], ["x", "Fourth."]])
    corpus = load_corpus(path)
    ids = [a.article_id for a in corpus.articles]
    assert ids == ["x", "x~3", "x~2", "x~4"] and len(set(ids)) == 4
    assert len([w for w in corpus.warnings if "duplicate" in w]) == 2
    (tmp_path / "folder").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "folder" / name).write_text("Some text.", encoding="utf-8")
    (tmp_path / "folder" / "manifest.csv").write_text("article_id,file\nsame,a.txt\nsame,b.txt\n", encoding="utf-8")
    folder = load_corpus(tmp_path / "folder")
    assert sorted(a.article_id for a in folder.articles) == ["same", "same~2"]
    assert len([w for w in folder.warnings if "duplicate" in w]) == 1
