"""Very long articles: time and peak memory of the whole analysis as the article grows.

    python bench/long_article.py [--sizes 0.5 1 2 5] [--line-kb 200]

Builds one article of each size (MB) from varied paragraphs, and one line of
``--line-kb`` kB with no sentence end (the worst case: one "sentence"), and
runs the whole analysis on each in a process of its own, printing seconds
and the peak resident memory. Ends with the exponent of time against size
fitted on the articles (1.0 is linear).
"""
from __future__ import annotations

import argparse
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import resource, sys, time
sys.path.insert(0, {root!r})
from analytics.actors import load_registry
from analytics.corpus import Article, load_corpus
from analytics.build import analyse_corpus
from analytics.parse import load_model
from analytics.outcomes import load_outcomes
paragraphs = [line for a in load_corpus({root!r} + "/data/articles").articles for line in a.text.splitlines() if line.strip()]
size, parts, i, line = {size}, [], 0, {line}
while sum(map(len, parts)) < size:
    part = paragraphs[i % len(paragraphs)] + f" (part {{i}})"
    parts.append(part.replace(".", ",").replace("?", ",").replace("!", ",") if line else part)
    i += 1
text = (" " if line else "\n").join(parts)
started = time.perf_counter()
analysis = analyse_corpus([Article("long", text)], load_model(), load_registry(), load_outcomes())
print(f"{{'line ' if line else ''}}{{len(text) / 1e6:5.2f}} MB: {{time.perf_counter() - started:7.1f}} s, "
      f"{{len(analysis.tables['mentions'])}} mentions, {{len(analysis.tables['quotes'])}} quotes, "
      f"peak memory {{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}} MB")
"""


def run(size: int, line: bool) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), size=size, line=line)],
                         check=True, capture_output=True, text=True).stdout.strip()
    print(out, flush=True)
    megabytes = float(out.split("MB:")[0].split()[-1])
    seconds = float(out.split("MB:")[1].split(" s,")[0])
    return megabytes, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1.0, 2.0, 5.0])
    parser.add_argument("--line-kb", type=float, default=200.0)
    args = parser.parse_args()
    points = [run(int(mb * 1e6), False) for mb in args.sizes]
    run(int(args.line_kb * 1e3), True)
    if len(points) > 1:
        xs = [math.log(mb) for mb, _ in points]
        ys = [math.log(seconds) for _, seconds in points]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        print(f"time grows as size^{slope:.2f} (1.00 is linear)")


if __name__ == "__main__":
    main()
