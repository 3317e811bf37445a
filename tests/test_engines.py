"""The three engines of `build` write the same tables (in-process, forked processes, Dask)."""
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from analytics.export import PARQUET, read_csv

from .conftest import ROOT, SEEDS

# A story of another beat, so that the corpus mixes registered and discovered people.
HARBOUR = """Port strike talks resume

Dock workers' leader Maria Okonkwo said on Monday that "a deal is close, but not at any price".
Okonkwo met port director Henrik Aalto for three hours. Aalto told reporters the strike must end before the holidays.
"We will not accept another wage freeze," Okonkwo said.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    shutil.copy(SEEDS / "manifest.csv", folder / "manifest.csv")  # the dates, so that positions can change
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    return folder


def build(corpus, out, *extra):
    run = subprocess.run(
        [sys.executable, "-m", "analytics", "build", str(corpus), "--out", str(out), "--no-cache",
         "--chunk-size", "2", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    return run


@pytest.fixture(scope="module")
def builds(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("builds")
    build(corpus, out / "local")
    build(corpus, out / "processes", "--processes", "2")
    build(corpus, out / "dask", "--engine", "dask", "--processes", "2")
    return out


def test_run_parses_with_the_model_it_is_given_and_leaves_no_model_behind(nlp, registry, monkeypatch):
    from analytics import engines
    from analytics.corpus import Article

    monkeypatch.setattr(engines, "_WORKER", {})
    # A model looked up by this name would raise ModelNotFound: only the model given is used.
    job = engines.Job(model="no_such_model_pkg")
    articles = [Article("harbour", HARBOUR), Article("later", "Okonkwo left the talks early.")]
    here = dict(engines.run(articles, registry, job, nlp, chunk_size=1))
    forked = dict(engines.run(articles, registry, job, nlp, processes=2, chunk_size=1))
    assert sorted(here) == [0, 1] and here == forked
    assert [row["article_id"] for row in here[0]["articles"]] == ["harbour"]
    assert {row["actor"] for row in here[1]["mentions"]} == {"Maria Okonkwo"}  # named in full in the other chunk
    assert engines._WORKER == {}  # forked workers adopted the model in their own memory


def test_every_engine_writes_the_same_csv_tables(builds):
    names = sorted(p.name for p in (builds / "local").glob("*.csv"))
    assert names == ["actor_counts.csv", "articles.csv", "cooccurrence.csv", "mentions.csv", "position_changes.csv",
                     "quotes.csv", "stances.csv"]
    assert len(read_csv(builds / "local" / "position_changes.csv")) > 0
    for engine in ("processes", "dask"):
        for name in names:
            assert (builds / engine / name).read_bytes() == (builds / "local" / name).read_bytes(), (engine, name)
    articles = read_csv(builds / "local" / "articles.csv")
    assert len(articles) == 6
    # The person only this article names in full is found in the other chunks' rows too.
    mentions = read_csv(builds / "local" / "mentions.csv")
    assert set(mentions.loc[mentions["article_id"] == "harbour", "actor"]) >= {"Maria Okonkwo", "Henrik Aalto"}


def test_parquet_tables_hold_what_the_csv_tables_hold(builds):
    for engine in ("local", "processes", "dask"):
        for csv in (builds / engine).glob("*.csv"):
            parts = sorted((builds / engine / PARQUET / csv.stem).glob("part-*.parquet"))
            assert parts, (engine, csv.stem)
            table = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
            expected = read_csv(csv)
            assert list(table.columns) == list(expected.columns)
            assert len(table) == len(expected)
            pd.testing.assert_frame_equal(table.fillna("").astype(str), expected.fillna("").astype(str),
                                          check_dtype=False)


def test_per_article_tables_are_partitioned_by_chunk_of_articles(builds):
    parts = sorted((builds / "dask" / PARQUET / "articles").glob("part-*.parquet"))
    assert len(parts) == 3  # six articles, two per chunk
    assert [len(pd.read_parquet(p)) for p in parts] == [2, 2, 2]


def test_build_runs_on_an_existing_dask_cluster(corpus, builds, tmp_path):
    from distributed import LocalCluster

    # A cluster with Dask's own settings, as `dask worker` starts it without DASK_CONFIG=data/dask.
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        run = build(corpus, tmp_path / "remote", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert "engine dask" in run.stdout
    assert "warning: 1 of 1 Dask workers run with MALLOC_TRIM_THRESHOLD_" in run.stderr
    assert "DASK_CONFIG=" in run.stderr
    for csv in (builds / "local").glob("*.csv"):
        assert (tmp_path / "remote" / csv.name).read_bytes() == csv.read_bytes(), csv.name


def test_a_scheduler_without_the_dask_engine_is_refused(corpus, tmp_path):
    run = subprocess.run([sys.executable, "-m", "analytics", "build", str(corpus), "--out", str(tmp_path / "o"),
                          "--scheduler", "tcp://127.0.0.1:1"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 2 and "--scheduler needs --engine dask" in run.stderr
    assert not (tmp_path / "o").exists()


def test_an_unreachable_scheduler_gets_a_message_and_writes_nothing(corpus, tmp_path):
    run = subprocess.run([sys.executable, "-m", "analytics", "build", str(corpus), "--out", str(tmp_path / "o"),
                          "--no-cache", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 2, run.stderr
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "o").exists()


def test_a_build_writes_what_the_in_memory_analysis_gives(corpus, builds, nlp, registry):
    from analytics.corpus import load_corpus
    from analytics.export import to_csv_bytes
    from analytics.build import analyse_corpus
    from analytics.outcomes import load_outcomes

    tables = analyse_corpus(load_corpus(corpus).articles, nlp, registry, load_outcomes()).tables
    for name, table in tables.items():
        assert (builds / "local" / f"{name}.csv").read_bytes() == to_csv_bytes(table), name


def test_the_local_cluster_workers_use_the_settings_of_data_dask(monkeypatch):
    from distributed import Client

    from analytics import engines

    # A LocalCluster started earlier in this process leaves Dask's value in the environment workers inherit.
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    assert engines.dask_settings()["distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"] is None
    with engines.local_cluster(1) as cluster, Client(cluster) as client:
        assert list(client.run(engines._trim_threshold).values()) == [None]
        assert engines.worker_warnings(client) == []


def test_dask_settings_are_read_as_dotted_keys(tmp_path):
    from analytics.engines import dask_settings

    (tmp_path / "a.yaml").write_text("distributed:\n  worker:\n    profile:\n      enabled: false\n"
                                     "  nanny:\n    environ: {}\n", encoding="utf-8")
    (tmp_path / "empty.yml").write_text("", encoding="utf-8")
    assert dask_settings(tmp_path) == {"distributed.worker.profile.enabled": False, "distributed.nanny.environ": {}}


@pytest.fixture(scope="module")
def corrected(corpus, builds, tmp_path_factory):
    """Builds with an analyst's corrections on two engines: (folder, the corrections, the local run)."""
    from analytics.corrections import correction_of, corrections_jsonl

    quotes = read_csv(builds / "local" / "quotes.csv", dtype={"article_id": str}).set_index("quote_id", drop=False)
    stances = read_csv(builds / "local" / "stances.csv", dtype={"article_id": str})
    harbour = quotes[quotes["article_id"] == "harbour"]
    relabel = stances.iloc[0]
    flipped = "against" if relabel["stance"] != "against" else "favor"
    records = [
        correction_of(harbour.iloc[0].to_dict(), not_quote=True),
        correction_of(harbour.iloc[-1].to_dict(), speaker="Henrik Aalto"),
        correction_of(quotes.loc[relabel["quote_id"]].to_dict(), stances={relabel["outcome"]: flipped}),
        dict(correction_of(harbour.iloc[-1].to_dict(), speaker="Nobody"), text="words no article has"),
    ]
    out = tmp_path_factory.mktemp("corrected")
    (out / "corrections.jsonl").write_text(corrections_jsonl(records), encoding="utf-8")
    local = build(corpus, out / "local", "--corrections", str(out / "corrections.jsonl"))
    build(corpus, out / "dask", "--engine", "dask", "--processes", "2", "--corrections", str(out / "corrections.jsonl"))
    return out, records, local


def test_build_applies_corrections_and_reports_the_unmatched_one(corrected, builds):
    out, records, run = corrected
    assert "3 corrections applied, 1 unmatched (harbour" in run.stdout and "words no article has" in run.stdout
    quotes = read_csv(out / "local" / "quotes.csv", dtype={"article_id": str})
    before = read_csv(builds / "local" / "quotes.csv", dtype={"article_id": str})
    assert len(quotes) == len(before) - 1 and records[0]["text"] not in set(quotes["text"])
    assert quotes.loc[quotes["text"] == records[1]["text"], "speaker"].tolist() == ["Henrik Aalto"]
    stances = read_csv(out / "local" / "stances.csv", dtype={"article_id": str})
    (outcome, label), = records[2]["stances"].items()
    row = stances[(stances["quote_id"] == records[2]["quote_id"]) & (stances["outcome"] == outcome)]
    assert row["stance"].tolist() == [label]
    articles = read_csv(out / "local" / "articles.csv", dtype={"article_id": str}).set_index("article_id")
    assert articles.at["harbour", "quotes"] == (before["article_id"] == "harbour").sum() - 1


def test_every_engine_writes_the_same_corrected_tables(corrected):
    out, _, _ = corrected
    for csv in (out / "local").glob("*.csv"):
        assert (out / "dask" / csv.name).read_bytes() == csv.read_bytes(), csv.name
