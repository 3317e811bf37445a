"""A very long article: analysed in pieces, with peak memory printed.

    python bench/long_article.py [--megabytes 5]

Builds one article of about ``--megabytes`` MB from varied paragraphs and
runs the whole analysis on it, printing seconds and the peak resident
memory of the process, against the same for an article a tenth that size:
memory that stays bounded grows far less than tenfold.
"""
from __future__ import annotations

import argparse
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
size, parts, i = {size}, [], 0
while sum(map(len, parts)) < size:
    parts.append(paragraphs[i % len(paragraphs)] + f" (part {{i}})")
    i += 1
text = "\n".join(parts)
started = time.perf_counter()
analysis = analyse_corpus([Article("long", text)], load_model(), load_registry(), load_outcomes())
print(f"{{len(text) / 1e6:5.2f}} MB: {{time.perf_counter() - started:7.1f}} s, "
      f"{{len(analysis.tables['mentions'])}} mentions, {{len(analysis.tables['quotes'])}} quotes, "
      f"peak memory {{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}} MB")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=5.0)
    args = parser.parse_args()
    for size in (args.megabytes * 1e5, args.megabytes * 1e6):
        subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), size=int(size))], check=True)


if __name__ == "__main__":
    main()
