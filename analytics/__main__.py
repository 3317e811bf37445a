"""Command line: ``python -m analytics build INPUT --out DIR``, ``evaluate GOLD_DIR [GOLD_DIR ...]`` and ``train``."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .actors import RegistryError, load_registry
from .build import analyse_corpus, build_key, write_build
from .corpus import CorpusError, load_corpus
from .corrections import read_corrections
from .engines import DEFAULT_CHUNK, ENGINES, EngineError
from .parse import ModelNotFound, ParseCache, default_cache_dir, load_model

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "data" / "articles"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analytics", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("--actors", help="actor registry (.yml or .csv); default data/actors.yml")
        p.add_argument("--outcomes", help="outcome definitions (.yml); default data/outcomes.yml")
        p.add_argument("--cache-dir", type=Path, default=None, help=f"parse cache folder; default {default_cache_dir()}")
        p.add_argument("--no-cache", action="store_true", help="parse everything again and store nothing")
        p.add_argument("--processes", type=int, default=None,
                       help="local worker processes; default 1 (with --engine dask and no --scheduler: "
                            "the LocalCluster's workers, default one per core)")
        p.add_argument("--batch-size", type=int, default=32, help="texts per nlp.pipe batch; default 32")

    build = sub.add_parser("build", help="analyse a corpus and write its tables as CSV")
    build.add_argument("input", type=Path, help="a folder of .txt files (optional manifest.csv), or a .csv/.jsonl file with a text column")
    build.add_argument("--out", type=Path, required=True, help="output folder for the tables")
    build.add_argument("--engine", choices=ENGINES, default="local",
                       help="where the analysis runs: 'local' (this process, or --processes N forked ones) "
                            "or 'dask' (a Dask distributed cluster); default local")
    build.add_argument("--scheduler", default=None,
                       help="with --engine dask: the scheduler's address (tcp://host:8786); "
                            "default: a LocalCluster started for the run")
    build.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK,
                       help=f"articles per task; default {DEFAULT_CHUNK}")
    build.add_argument("--corrections", type=Path, default=None,
                       help="an analyst's corrections.jsonl (from the Quotes page) to apply to the tables")
    common(build)

    evaluate = sub.add_parser("evaluate", help="score the analysis against one or more gold sets")
    evaluate.add_argument("gold_dirs", type=Path, nargs="+", metavar="GOLD_DIR",
                          help="folder with mentions.csv and quotes.jsonl, and optionally articles/ and outcomes.yml")
    evaluate.add_argument("--input", type=Path, default=DEFAULT_CORPUS,
                          help="corpus holding the gold articles of a set without articles/; default data/articles")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    common(evaluate)

    train = sub.add_parser("train", help="fit the learned parts on the annotated training articles (needs requirements-dev.txt)")
    train.add_argument("training_dir", type=Path, nargs="?", default=None,
                       help="folder of training sets (each: articles/, outcomes.yml, quotes.jsonl); default data/training")
    train.add_argument("--out", type=Path, default=None, help="model file to write; default data/models/targets.json")
    train.add_argument("--cache-dir", type=Path, default=None, help=f"parse cache folder; default {default_cache_dir()}")
    train.add_argument("--no-cache", action="store_true", help="parse everything again and store nothing")
    return parser


def _configuration(args):
    """(registry, outcomes, stance cue lexicon) of the files the arguments name."""
    from .outcomes import load_outcomes, load_stance_cues_for

    registry = load_registry(args.actors)
    outcomes = load_outcomes(args.outcomes)
    lexicon = load_stance_cues_for(args.outcomes)
    return registry, outcomes, lexicon


def _analyse(args, corpus):
    nlp = load_model()
    registry, outcomes, lexicon = _configuration(args)
    cache = None if args.no_cache else ParseCache(args.cache_dir or default_cache_dir(), nlp)
    bar = _progress_bar(len(corpus.articles))
    try:
        return analyse_corpus(
            corpus.articles, nlp, registry, outcomes, cache=cache,
            processes=max(args.processes or 1, 1), batch_size=args.batch_size,
            progress=bar.update if bar else None, lexicon=lexicon,
        )
    finally:
        if bar:
            bar.close()


def _progress_bar(total: int):
    """A parsing progress bar on stderr when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="parsing", file=sys.stderr)


def _report_input(corpus) -> None:
    for warning in corpus.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for name, reason in corpus.skipped:
        print(f"skipped: {name}: {reason}", file=sys.stderr)


def cmd_build(args) -> int:
    from .export import restore_build, store_build

    started = time.perf_counter()
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    corpus = load_corpus(args.input)
    _report_input(corpus)
    if not corpus.articles:
        print(f"error: no readable article in {args.input}", file=sys.stderr)
        return 1
    skipped = f", skipped {len(corpus.skipped)}" + (
        " (" + "; ".join(f"{n}: {r}" for n, r in corpus.skipped[:5]) + (" ..." if len(corpus.skipped) > 5 else "") + ")"
        if corpus.skipped else ""
    )
    corrections_text = args.corrections.read_text(encoding="utf-8") if args.corrections else ""
    try:
        corrections = read_corrections(corrections_text) if args.corrections else None
    except ValueError as err:
        raise ValueError(f"{args.corrections}: {err}") from None
    cache_dir = None if args.no_cache else (args.cache_dir or default_cache_dir())
    key = None
    if cache_dir is not None:
        # An unchanged corpus, configuration, corrections, model and code give the same tables: copy them.
        key = build_key(corpus.articles, args.actors, args.outcomes, corrections_text)
        summary = restore_build(cache_dir, key, args.out, warn=lambda message: print(f"warning: {message}", file=sys.stderr))
        if summary is not None:
            print(f"read {len(corpus.articles)} articles{skipped}; {summary}; "
                  f"copied from the build cache to {args.out} in {time.perf_counter() - started:.1f} s")
            return 0
    tables = _write_build(args, corpus, cache_dir, corrections)
    summary = f"{tables['mentions']} mentions, {tables['quotes']} quotes, {tables['stances']} stances"
    if corrections is not None:
        summary += corrections_summary(tables["corrected"], tables["unmatched"])
    if key is not None:
        store_build(cache_dir, key, args.out, summary)
    print(f"read {len(corpus.articles)} articles{skipped}; {summary}; "
          f"wrote {tables['tables']} tables to {args.out} in {time.perf_counter() - started:.1f} s "
          f"(engine {args.engine})")
    return 0


def corrections_summary(corrected: int, unmatched: list[dict]) -> str:
    """The build summary's words on the corrections: how many applied, and which named no quote."""
    shown = "; ".join(f"{c['article_id']} {c['start']}-{c['end']} {json.dumps(c['text'][:60], ensure_ascii=False)}"
                      for c in unmatched[:5]) + (" ..." if len(unmatched) > 5 else "")
    return f", {corrected} corrections applied, {len(unmatched)} unmatched" + (f" ({shown})" if unmatched else "")


def _write_build(args, corpus, cache_dir, corrections=None) -> dict:
    """`build.write_build` with the command's arguments, a progress bar on a terminal and warnings on stderr."""
    registry, outcomes, lexicon = _configuration(args)
    bar = _progress_bar(len(corpus.articles))
    try:
        return write_build(corpus.articles, args.out, registry, outcomes, lexicon, cache_dir=cache_dir,
                           batch_size=args.batch_size, engine=args.engine, processes=args.processes or 1,
                           scheduler=args.scheduler, chunk_size=args.chunk_size,
                           progress=bar.update if bar else None, corrections=corrections,
                           warn=lambda message: print(f"warning: {message}", file=sys.stderr))
    finally:
        if bar:
            bar.close()


def cmd_evaluate(args) -> int:
    from .corpus import Corpus
    from .evaluate import Tally, format_scores, gold_article_ids, gold_set, given_labels, load_gold, scores_of, tally_analysis
    from .outcomes import load_outcomes, load_stance_cues_for
    from .parse import parse_texts

    nlp = load_model()
    cache = None if args.no_cache else ParseCache(args.cache_dir or default_cache_dir(), nlp)
    tallies = {}
    for folder in args.gold_dirs:
        gold = gold_set(folder, args.input, args.outcomes)
        # A gold set exported from the dashboard carries the registry its analysis used.
        registry = load_registry(args.actors or (gold.folder / "actors.yml" if (gold.folder / "actors.yml").is_file() else None))
        gold_mentions, gold_quotes = load_gold(gold.folder)
        wanted = set(gold_article_ids(gold_mentions, gold_quotes))
        chosen = [a for a in load_corpus(gold.articles).articles if a.article_id in wanted]
        missing = sorted(wanted - {a.article_id for a in chosen})
        if missing:
            print(f"warning: {gold.folder}: gold articles not in {gold.articles}: {', '.join(missing)}", file=sys.stderr)
        if not chosen:
            print(f"error: {gold.folder}: none of the gold's articles are in {gold.articles}", file=sys.stderr)
            return 1
        outcomes, stance_cues = load_outcomes(gold.outcomes), load_stance_cues_for(gold.outcomes)
        analysis = analyse_corpus(chosen, nlp, registry, outcomes, cache=cache, processes=max(args.processes or 1, 1),
                                  batch_size=args.batch_size, lexicon=stance_cues)
        docs = dict(zip((a.article_id for a in chosen), parse_texts(nlp, [a.text for a in chosen], cache)))
        given = given_labels(docs, analysis.tables, gold_quotes, outcomes, stance_cues)
        tallies[str(gold.folder)] = (gold, len(chosen), tally_analysis(analysis.tables, gold.folder, given))
    scores = {name: scores_of(tally) for name, (_, _, tally) in tallies.items()}
    if len(tallies) > 1:
        scores["pooled"] = scores_of(sum((t for _, _, t in tallies.values()), start=Tally()))
    if args.json:
        print(json.dumps(scores, indent=2))
        return 0
    for name, (gold, n, _) in tallies.items():
        outcome_file = gold.outcomes or "data/outcomes.yml"
        print(f"== {name}: {n} articles from {gold.articles}, outcomes {outcome_file}")
        print(format_scores(scores[name]))
        print()
    if "pooled" in scores:
        print(f"== pooled: {len(tallies)} gold sets, {sum(n for _, n, _ in tallies.values())} articles")
        print(format_scores(scores["pooled"]))
    return 0


def cmd_train(args) -> int:
    from .targets import DEFAULT_MODEL
    from .training import DEFAULT_TRAINING, train

    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("error: training needs scikit-learn: pip install -r requirements-dev.txt", file=sys.stderr)
        return 2
    nlp = load_model()
    cache = None if args.no_cache else ParseCache(args.cache_dir or default_cache_dir(), nlp)
    out = args.out or DEFAULT_MODEL
    report = train(nlp, args.training_dir or DEFAULT_TRAINING, out, cache)
    loo = report["leave_one_article_out"]
    print(f"targets model: {report['folders']} training sets, {loo['examples']} (quote, candidate outcome) examples, "
          f"threshold {report['threshold']:.2f}; written to {out}")
    print(f"leave one article out: P={loo['precision']:.3f} R={loo['recall']:.3f} F1={loo['f1']:.3f} (over the candidates)")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"build": cmd_build, "evaluate": cmd_evaluate, "train": cmd_train}[args.command](args)
    except (CorpusError, RegistryError, ModelNotFound, EngineError, FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
