"""Write one d-story folder (articles, manifest, quotes.jsonl, mentions.csv) from its hand annotation.

Usage: python build.py d1   (reads story_d1.py next to this file). Checks that every quote text is an
exact substring of its article and every stance key is in the story's outcomes.yml; prints label counts
and every counted mention hit, for checking by eye.
"""
import csv, importlib, json, re, sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def count_mentions(text, variants):
    """Non-overlapping, word-bounded, case-sensitive hits of the variants, longest first."""
    taken = [False] * len(text)
    hits = []
    for v in sorted(set(variants), key=len, reverse=True):
        for m in re.finditer(r"(?<![\w])" + re.escape(v) + r"(?![\w])", text):
            if not any(taken[m.start():m.end()]):
                for i in range(m.start(), m.end()):
                    taken[i] = True
                hits.append((m.start(), v))
    return hits


def main(name):
    story = importlib.import_module("story_" + name)
    out = HERE.parent.parent / "training" / name
    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "outcomes.yml").write_text(story.OUTCOMES)
    keys = {o["key"] for o in yaml.safe_load(story.OUTCOMES)["outcomes"]}
    rows = []
    texts = {}
    for aid, (title, source, date, body) in story.ARTICLES.items():
        text = title + "\n\n" + body.strip("\n") + "\n"
        texts[aid] = text
        (out / "articles" / f"{aid}.txt").write_text(text)
        rows.append([aid, f"{aid}.txt", title, source, date, f"https://example.invalid/train-d/{aid}"])
        print(aid, "words", len(text.split()))
    with open(out / "articles" / "manifest.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["article_id", "file", "title", "source", "date", "url"])
        w.writerows(rows)
    labels = Counter()
    per_art = Counter()
    with open(out / "quotes.jsonl", "w") as f:
        for aid, kind, qt, speaker, cue, stances in story.QUOTES:
            assert qt in texts[aid], (aid, qt)
            if cue is not None and kind == "indirect":
                pass
            for k, v in stances.items():
                assert k in keys and v in ("favor", "against", "neutral"), (k, v)
                labels[v] += 1
            per_art[aid] += 1
            f.write(json.dumps({"article_id": aid, "kind": kind, "text": qt, "speaker": speaker,
                                "cue": cue, "stances": stances}, ensure_ascii=False) + "\n")
    with open(out / "mentions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["article_id", "actor", "count"])
        for aid, text in texts.items():
            for person, variants in story.PEOPLE.items():
                hits = count_mentions(text, variants)
                if hits:
                    w.writerow([aid, person, len(hits)])
                    print("  ", aid, person, len(hits), sorted(v for _, v in hits))
    print("quotes", dict(per_art), "total", sum(per_art.values()), "labels", dict(labels),
          "empty", sum(1 for q in story.QUOTES if not q[5]))


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main(sys.argv[1])
