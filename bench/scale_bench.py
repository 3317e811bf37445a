"""Build speed and memory on generated corpora, on every engine, against bare ``nlp.pipe``.

    python bench/scale_bench.py [--articles 1000 10000] [--workers 2]

For each size, generates the articles (bench/generate_corpus.py), then in
one run on this machine times:

- bare ``nlp.pipe`` over the texts in this process (the parse alone, one core);
- ``python -m analytics build --no-cache`` with one process, with
  ``--processes N`` and with ``--engine dask --processes N`` (a LocalCluster
  of N workers started by the build), each a whole process: start-up, model
  loading, parse, analysis, Parquet and CSV writing;

and prints words per second, the speed-up of N workers over one, and the
peak memory of the build's whole process tree (the build, its workers and,
for Dask, the scheduler and nannies; sampled every 0.1 s). Memory that does
not grow with the number of articles shows that parsed documents are
streamed, not held.
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate_corpus import write_corpus  # noqa: E402

from analytics.corpus import load_corpus  # noqa: E402
from analytics.parse import load_model  # noqa: E402


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def timed_build(corpus: Path, out: Path, *extra: str) -> tuple[float, int]:
    """(seconds, peak bytes of the process tree) of one build."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "analytics", "build", str(corpus), "--out", str(out), "--no-cache", *extra],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    watched, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(watched))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"build {' '.join(extra)} failed:\n{proc.stderr.read()}")
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    n = str(args.workers)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    nlp = load_model()
    for size in args.articles:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            words = write_corpus(size, tmp / "corpus")
            texts = [a.text for a in load_corpus(tmp / "corpus").articles]
            print(f"\n{size} generated articles, {words} words")
            started = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=32):
                pass
            bare = time.perf_counter() - started
            print(f"  bare nlp.pipe (1 core, in process): {bare:8.1f} s  {words / bare:8.0f} words/s")
            runs = {
                "build, 1 process": (),
                f"build, --processes {n}": ("--processes", n),
                f"build, dask LocalCluster {n} workers": ("--engine", "dask", "--processes", n),
            }
            results = {}
            for label, extra in runs.items():
                seconds, peak = timed_build(tmp / "corpus", tmp / f"out-{len(results)}", *extra)
                results[label] = seconds
                print(f"  {label + ':':36} {seconds:8.1f} s  {words / seconds:8.0f} words/s  "
                      f"x{bare / seconds:.2f} of bare  peak memory {peak / 2**20:6.0f} MB")
            one = results["build, 1 process"]
            for label, seconds in list(results.items())[1:]:
                print(f"  speed-up, {label.removeprefix('build, ')} over 1 process: {one / seconds:.2f}x (target >= 1.5x)")
            same = all((tmp / "out-0" / f.name).read_bytes() == (tmp / f"out-{i}" / f.name).read_bytes()
                       for i in (1, 2) for f in (tmp / "out-0").glob("*.csv"))
            print(f"  identical tables on the three engines: {same}")


if __name__ == "__main__":
    main()
