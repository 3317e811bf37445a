"""Our stance rule against the naive baseline, on the gold quotes themselves.

    python bench/stance_baseline.py [GOLD_DIR]

Each gold quote is located in its article, so quote extraction plays no
part: both methods see the same quotes. The baseline is what a user would
write first: VADER's compound of the quote text, for each outcome word in
it (> 0.05 favor, < -0.05 against, else neutral). Scored by the project's
own scorer (analytics.evaluate): per (gold quote, gold outcome), a missed
outcome counts as wrong.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.corpus import load_corpus  # noqa: E402
from analytics.evaluate import load_gold, macro_f1  # noqa: E402
from analytics.pipeline import load_model, parse_texts  # noqa: E402
from analytics.stance import _vader, label_of, load_outcomes, outcome_matches, outcome_mentions, quote_stances  # noqa: E402


def locate(text: str, quote: str) -> int:
    at = text.find(quote)
    if at < 0:
        at = text.replace("’", "'").find(quote.replace("’", "'"))
    return at


def main() -> None:
    gold_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "gold" / "seeds"
    _, gold = load_gold(gold_dir)
    articles = {a.article_id: a for a in load_corpus(ROOT / "data" / "articles").articles}
    nlp = load_model()
    outcomes = load_outcomes()
    ids = sorted({g["article_id"] for g in gold})
    docs = dict(zip(ids, parse_texts(nlp, [articles[i].text for i in ids])))
    ours, naive, found = [], [], 0
    total = 0
    for n, g in enumerate(gold):
        doc = docs[g["article_id"]]
        start = locate(doc.text, g["text"])
        if start < 0 or not g["stances"]:
            continue
        quote = {"quote_id": f"g{n}", "article_id": g["article_id"], "kind": g["kind"], "text": g["text"],
                 "speaker": g["speaker"] or "", "cue": g["cue"] or "", "start": start, "end": start + len(g["text"])}
        predicted = {r["outcome"]: r["stance"] for r in quote_stances(doc, [quote], outcomes)}
        span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
        named = outcome_mentions(outcome_matches(doc, outcomes), span)
        compound = _vader().polarity_scores(g["text"])["compound"]
        baseline = {key: ("favor" if compound > 0.05 else "against" if compound < -0.05 else "neutral") for key in named}
        for outcome, label in g["stances"].items():
            ours.append((label, predicted.get(outcome)))
            naive.append((label, baseline.get(outcome)))
            total += 1
            found += outcome in predicted
    a, b = macro_f1(ours), macro_f1(naive)
    print(f"{total} gold stances on {len(gold)} gold quotes ({gold_dir})")
    print(f"{'method':<34}{'macro-F1':>9}{'accuracy':>9}{'favor':>8}{'against':>8}{'neutral':>8}")
    for name, s in (("ours (cues + syntax + verb + VADER)", a), ("VADER compound of the quote", b)):
        p = s["per_label"]
        print(f"{name:<34}{s['macro_f1']:>9.3f}{s['accuracy']:>9.3f}{p['favor']:>8.3f}{p['against']:>8.3f}{p['neutral']:>8.3f}")
    print(f"outcome of the gold stance found by ours: {found / total:.3f}")


if __name__ == "__main__":
    main()
