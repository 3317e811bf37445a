"""Dashboard speed on large analysis tables: the time to rerun each page after a filter change.

    python bench/dashboard_bench.py [--articles 100000] [--keep DIR]

Generates plausible tables for ``--articles`` articles directly (no parse:
actors, mentions, quotes and stances drawn at random from a few hundred
names and the eight outcomes) in a child process, which writes them as a
build does (CSV, and Parquet parts of 1,000 articles each) and exits. This
process then starts the dashboard on them ($DASHBOARD_TABLES) with
Streamlit's AppTest and prints for every page the seconds of its first run
and of a rerun after each of three filter changes, applied one after the
other (stance, then a source, then six dates; the target is under 1 s
each), and this process's peak memory: the dashboard's own, since the
generated tables never lived here. Every filter change runs the page's
DuckDB queries on the Parquet files; no text is parsed.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.cooccurrence import cooccurrence  # noqa: E402
from analytics.export import BuildWriter  # noqa: E402
from analytics.mentions import count_mentions  # noqa: E402
from analytics.positions import position_changes  # noqa: E402

OUTCOMES = ["ceasefire", "meeting", "tomahawk", "security_guarantees", "sanctions", "nato_membership",
            "territorial_concessions", "peace_deal"]
PAGES = ["overview", "search", "actors", "cooccurrence", "stance", "timeline", "outlets", "quotes", "articles", "method"]
SEARCHED = "tomahawk ana"  # what the Search page looks for (every page gets it; only Search reads it)


def generate(n: int, seed: int = 1) -> dict[str, pd.DataFrame]:
    rng = random.Random(seed)
    first = ["Ana", "Ben", "Chen", "Dara", "Elif", "Femi", "Goran", "Hana", "Ivan", "Jon", "Kemi", "Lea", "Marco", "Nia"]
    last = ["Lima", "Okafor", "Novak", "Silva", "Kowalski", "Haddad", "Tanaka", "Moreau", "Schmidt", "Rossi",
            "Petrov", "Mensah", "Costa", "Berg", "Quinn", "Duarte", "Sato", "Weber", "Fischer", "Ali"]
    people = [f"{f} {l}" for f in first for l in last][:250]
    weights = [1 / (i + 1) for i in range(len(people))]
    articles, mentions, quotes, stances = [], [], [], []
    for i in range(n):
        aid = f"a{i:06d}"
        date = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
        articles.append({"article_id": aid, "title": f"Story {i} on the talks", "source": rng.choice(["Wire", "Daily", "Post", "Herald"]),
                         "date": date, "url": "", "file": f"{aid}.txt", "words": rng.randint(300, 1500),
                         "sentences": 40, "paragraphs": 12, "mentions": 0, "quotes": 0})
        cast = rng.choices(people, weights=weights, k=8)
        for m in range(rng.randint(10, 40)):
            actor = rng.choice(cast)
            sentence = rng.randint(0, 39)
            mentions.append({"article_id": aid, "actor": actor, "kind": "person", "text": actor.split()[-1],
                             "start": m * 50, "end": m * 50 + 6, "sentence": sentence, "paragraph": sentence // 4})
        for q in range(rng.randint(3, 12)):
            qid = f"{aid}-q{q + 1:03d}"
            speaker = rng.choice(cast + [""])
            quotes.append({"quote_id": qid, "article_id": aid, "kind": rng.choice(["direct", "indirect"]),
                           "text": f"the {rng.choice(OUTCOMES)} must come soon, number {q}", "speaker": speaker,
                           "speaker_text": speaker, "cue": rng.choice(["said", "warned", "urged"]),
                           "start": q * 100, "end": q * 100 + 40, "sentence": q, "paragraph": q // 3})
            for outcome in rng.sample(OUTCOMES, rng.randint(0, 2)):
                score = round(rng.uniform(-1, 1), 3)
                stances.append({"quote_id": qid, "article_id": aid, "speaker": speaker, "outcome": outcome,
                                "found_by": rng.choice(["named", "sentence", "previous", "paragraph"]),
                                "stance": "favor" if score >= 0.25 else "against" if score <= -0.25 else "neutral",
                                "score": score, "evidence": "generated"})
    tables = {"articles": pd.DataFrame(articles), "mentions": pd.DataFrame(mentions), "quotes": pd.DataFrame(quotes),
              "stances": pd.DataFrame(stances)}
    tables["actor_counts"] = count_mentions(tables["mentions"])
    tables["cooccurrence"] = cooccurrence(tables["mentions"], tables["articles"])
    # As `build` computes it, so the Timeline page reads a table, not an aggregate of its own.
    tables["position_changes"] = position_changes(tables["stances"], tables["articles"])
    return tables


def write_generated(n: int, folder: Path, chunk: int = 1000) -> None:
    """Generate the tables of ``n`` articles and write them as `build` does."""
    tables = generate(n)
    writer = BuildWriter(folder)
    for name in ("articles", "mentions", "quotes", "stances"):
        table = tables[name]
        number = table["article_id"].str[1:].astype(int) // chunk
        for index, part in table.groupby(number, sort=True):
            writer.add_part(name, int(index), part.reset_index(drop=True))
    writer.finish(tables)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the generated tables to this folder and keep them; a folder "
                                                  "holding tables already is used as it is (generating takes minutes)")
    args = parser.parse_args()
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "tables"
        started = time.perf_counter()
        if not (folder / "articles.csv").exists():
            child = multiprocessing.get_context("fork").Process(target=write_generated, args=(args.articles, folder))
            child.start()
            child.join()
            if child.exitcode != 0:
                raise SystemExit("generating the tables failed")
            print(f"generated and wrote the tables in {time.perf_counter() - started:.0f} s", end=" ")
        print(f"({sum(p.stat().st_size for p in folder.rglob('*.parquet')) / 2**20:.0f} MB of Parquet in {folder})")
        os.environ["DASHBOARD_TABLES"] = str(folder)
        import duckdb

        sizes = {name: duckdb.sql(f"SELECT COUNT(*) FROM read_parquet('{folder}/parquet/{name}/*.parquet')").fetchall()[0][0]
                 for name in ("articles", "mentions", "quotes", "stances")}
        print(", ".join(f"{n:,} {name}" for name, n in sizes.items()))
        dates = [r[0] for r in duckdb.sql(f"SELECT DISTINCT date FROM read_parquet('{folder}/parquet/articles/*.parquet') "
                                          "ORDER BY date").fetchall()]
        # From the widest to the narrowest: every stance kept but neutral, one source of four, six dates.
        changes = [("stance", ["favor", "against"]), ("sources", ["Wire"]), ("dates", dates[:6])]
        print(f"{'page':<14}{'first run':>10}" + "".join(f"{'+ ' + name:>12}" for name, _ in changes) + f"{'worst':>9}")
        worst_all = 0.0
        for page in PAGES:
            at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
            at.query_params["find"] = SEARCHED
            at.run()
            if page != "overview":
                at.switch_page(f"app_pages/{page}.py")
            started = time.perf_counter()
            at.run()
            first = time.perf_counter() - started
            assert not at.exception, [e.value for e in at.exception]
            figures = []
            for name, value in changes:
                at.sidebar.multiselect(key=name).set_value(value)
                started = time.perf_counter()
                at.run()
                figures.append(time.perf_counter() - started)
                assert not at.exception, [e.value for e in at.exception]
            worst_all = max(worst_all, *figures)
            print(f"{page:<14}{first:>9.2f}s" + "".join(f"{f:>11.2f}s" for f in figures) + f"{max(figures):>8.2f}s")
        print(f"slowest rerun after a filter change: {worst_all:.2f} s (target: under 1 s)")
        print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
