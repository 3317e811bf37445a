"""A corpus to its tables: in memory (`analyse_corpus`) and as a build folder (`python -m analytics build`)."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd

from analytics.build import analyse_corpus, assemble_tables, chunk_tables, plan_job, reduce_parts
from analytics.corpus import Article
from analytics.export import PARQUET, BuildWriter, read_csv
from analytics.pipeline import PER_ARTICLE, concat_parts

from .conftest import ROOT, SEEDS


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
    assert names == {"articles", "mentions", "actor_counts", "cooccurrence", "quotes", "stances", "position_changes"}
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
    from analytics.outcomes import load_outcomes

    tables = analyse_corpus([Article("x", "The weather was mild.")], nlp, registry, load_outcomes()).tables
    assert tables["actor_counts"].empty and tables["actor_counts"]["count"].dtype == "int64"
    assert tables["stances"]["score"].dtype == "float64"
    assert tables["actor_counts"].groupby("actor")["count"].sum().nlargest(3).empty



def test_both_reductions_give_the_same_corpus_tables(nlp, registry, tmp_path):
    from analytics.outcomes import load_outcomes

    from analytics.corpus import load_corpus

    articles = load_corpus(SEEDS).articles
    parts = dict(chunk_tables(articles, registry, plan_job(None, None, 32, load_outcomes()), nlp, chunk_size=2))
    assert sorted(parts) == list(range((len(articles) + 1) // 2))
    writer = BuildWriter(tmp_path / "out")
    for index, tables in parts.items():
        for name, table in tables.items():
            writer.add_part(name, index, table)
    streamed = reduce_parts(writer.staging / PARQUET)
    writer.discard()
    in_memory = assemble_tables({name: concat_parts([parts[i][name] for i in sorted(parts)], name) for name in PER_ARTICLE})
    for name in ("actor_counts", "cooccurrence", "position_changes"):
        assert not in_memory[name].empty, name
        pd.testing.assert_frame_equal(streamed[name], in_memory[name], check_dtype=False)


def _build(corpus, out, cache):
    run = subprocess.run([sys.executable, "-m", "analytics", "build", str(corpus), "--out", str(out), "--cache-dir", str(cache)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return run


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_damaged_build_cache_entry_is_discarded_and_the_tables_built_again(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:2]:
        (corpus / p.name).write_bytes(p.read_bytes())
    cache = tmp_path / "cache"
    _build(corpus, tmp_path / "first", cache)
    assert "copied from the build cache" in _build(corpus, tmp_path / "cached", cache).stdout
    entry = next((cache / "builds").iterdir())
    (entry / "mentions.csv").write_bytes((entry / "mentions.csv").read_bytes()[:200])  # truncated
    next((entry / PARQUET / "quotes").glob("*.parquet")).unlink()  # a part lost
    run = _build(corpus, tmp_path / "again", cache)
    assert "does not match what was stored" in run.stderr and "copied from the build cache" not in run.stdout
    assert _files(tmp_path / "again") == _files(tmp_path / "first")
    # the entry written afresh is sound again
    assert "copied from the build cache" in _build(corpus, tmp_path / "fourth", cache).stdout


def test_a_corrections_file_that_cannot_be_read_is_refused_naming_its_line(tmp_path):
    bad = tmp_path / "corrections.jsonl"
    bad.write_text('{"article_id": "a", "start": 0, "end": 3, "text": "Yes"}\n{"article_id": "a"}\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "analytics", "build", str(SEEDS), "--out", str(tmp_path / "out"),
                          "--corrections", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 2 and "corrections.jsonl: line 2: a correction needs start, end, text" in run.stderr
    assert not (tmp_path / "out").exists()


def test_the_build_cache_key_changes_with_the_corrections():
    from analytics.build import build_key

    articles = [Article("a", "Ana Lima said no.")]
    assert build_key(articles) != build_key(articles, corrections='{"article_id": "a"}\n')
    assert build_key(articles) == build_key(articles, corrections="")


def test_the_build_cache_key_changes_when_a_model_is_retrained(tmp_path, monkeypatch):
    # A retrained model gives other tables, so a build must not copy the tables the old one wrote.
    import analytics.export as export

    (tmp_path / "analytics").mkdir()
    (tmp_path / "data" / "models").mkdir(parents=True)
    model = tmp_path / "data" / "models" / "targets.json"
    model.write_text('{"threshold": 0.3}\n', encoding="utf-8")
    monkeypatch.setattr(export, "CODE_ROOT", tmp_path / "analytics")
    articles = [Article("a", "Ana Lima said no.")]
    before = export.build_fingerprint(articles, "model", [])
    model.write_text('{"threshold": 0.35}\n', encoding="utf-8")
    assert export.build_fingerprint(articles, "model", []) != before
