"""Check training folders: every quote text is in its article, stance keys/labels valid; list quoted spans no quote covers."""
import json, sys, pathlib, re, yaml
for d in sys.argv[1:]:
    d = pathlib.Path(d); keys = {o["key"] for o in yaml.safe_load((d/"outcomes.yml").read_text())["outcomes"]}
    arts = {p.stem: p.read_text() for p in (d/"articles").glob("*.txt")}
    qs = [json.loads(l) for l in open(d/"quotes.jsonl")]
    bad = [q["text"][:50] for q in qs if q["text"] not in arts[q["article_id"]] or not set(q["stances"]) <= keys or not set(q["stances"].values()) <= {"favor","against","neutral"}]
    print(d, "quotes", len(qs), "bad", bad, {a: len(t.split()) for a, t in arts.items()})
    for a, t in arts.items():  # quoted spans no quote covers
        for m in re.finditer(r'"([^"]{3,})"|“([^”]{3,})”', t):
            s = (m.group(1) or m.group(2)).strip()
            if not any(s in q["text"] or q["text"] in s for q in qs if q["article_id"] == a): print("  uncovered", a, s[:60])
