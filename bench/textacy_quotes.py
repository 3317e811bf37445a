"""Our quote extraction beside textacy's `direct_quotations`, scored by the same code.

    python bench/textacy_quotes.py [GOLD_DIR]

textacy (a dev-only dependency) finds direct quotations and their speakers
from the same spaCy parse; it has no reported speech. Both are scored by
analytics.evaluate against the gold quotes of the seed articles.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textacy.extract.triples import direct_quotations  # noqa: E402

from analytics.actors import load_registry  # noqa: E402
from analytics.corpus import load_corpus  # noqa: E402
from analytics.evaluate import load_gold, score_quotes  # noqa: E402
from analytics.build import analyse_corpus  # noqa: E402
from analytics.parse import load_model, parse_texts  # noqa: E402


def main() -> None:
    gold_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "gold" / "seeds"
    _, gold = load_gold(gold_dir)
    ids = {g["article_id"] for g in gold}
    articles = [a for a in load_corpus(ROOT / "data" / "articles").articles if a.article_id in ids]
    nlp = load_model()
    ours = analyse_corpus(articles, nlp, load_registry()).tables["quotes"].fillna("").to_dict("records")
    theirs, refused = [], []
    for article, doc in zip(articles, parse_texts(nlp, [a.text for a in articles])):
        try:
            found = list(direct_quotations(doc))
        except ValueError as err:  # textacy gives up on a whole article with an odd number of marks
            refused.append(f"{article.article_id}: {str(err)[:60]}")
            continue
        for n, q in enumerate(found):
            text = q.content.text.strip("“”\"'‘’ ")
            theirs.append({"quote_id": f"{article.article_id}-t{n}", "article_id": article.article_id, "kind": "direct",
                           "text": text, "speaker": " ".join(t.text for t in q.speaker)})
    print(f"{len(gold)} gold quotes ({gold_dir})")
    for line in refused:
        print(f"textacy refused {line}")
    print(f"{'system':<10}{'kind':<10}{'P':>7}{'R':>7}{'F1':>7}{'speaker':>9}")
    for name, rows in (("ours", ours), ("textacy", theirs)):
        s = score_quotes(rows, gold)
        direct_only = score_quotes([r for r in rows if r["kind"] == "direct"], [g for g in gold if g["kind"] == "direct"])
        for kind in ("direct", "indirect", "all"):
            k = s[kind]
            speaker = f"{direct_only['speaker_accuracy']:.3f}" if kind == "direct" else (f"{s['speaker_accuracy']:.3f}" if kind == "all" else "")
            print(f"{name:<10}{kind:<10}{k['precision']:>7.3f}{k['recall']:>7.3f}{k['f1']:>7.3f}{speaker:>9}")


if __name__ == "__main__":
    main()
