"""Build an e-story folder from marked-up sources: [[kind|speaker|cue|key=f key=a]]text[[/]].
kind d/i; '-' = null speaker/cue; codes f/a/n. Writes articles/*.txt, quotes.jsonl, mentions.csv."""
import json, re, sys, csv, pathlib
CODES = {"f": "favor", "a": "against", "n": "neutral"}
MARK = re.compile(r"\[\[([di])\|([^|\]]*)\|([^|\]]*)\|([^\]]*)\]\](.*?)\[\[/\]\]", re.S)

def build(folder, people, prefix="t_e"):
    folder = pathlib.Path(folder); src = folder / "src"
    keys = set(re.findall(r"key:\s*(\w+)", (folder / "outcomes.yml").read_text()))
    quotes, mrows = [], []
    for f in sorted(src.glob(prefix + "*.txt")):
        aid = f.stem; raw = f.read_text()
        plain = MARK.sub(lambda m: m.group(5), raw)
        (folder / "articles" / f"{aid}.txt").write_text(plain)
        for m in MARK.finditer(raw):
            kind, sp, cue, st, text = m.groups()
            stances = {}
            for tok in st.split():
                k, v = tok.split("="); assert k in keys, (aid, k); stances[k] = CODES[v]
            assert text in plain and "[[" not in text, text
            quotes.append({"article_id": aid, "kind": "direct" if kind == "d" else "indirect", "text": text,
                           "speaker": None if sp == "-" else sp, "cue": None if cue == "-" else cue, "stances": stances})
        words = len(plain.split())
        print(aid, "words", words, "quotes", sum(q["article_id"] == aid for q in quotes))
        # mentions: full name, surname, first name, ALL-CAPS surname; longest match first, no overlap
        for person in people:
            parts = person.split()
            forms = [person] + ([parts[-1], parts[0], parts[-1].upper()] if len(parts) > 1 else [])
            pat = re.compile(r"\b(" + "|".join(re.escape(x) for x in forms) + r")\b")
            n = len(pat.findall(plain))
            if n: mrows.append((aid, person, n))
    with open(folder / "quotes.jsonl", "w") as out:
        for q in quotes: out.write(json.dumps(q, ensure_ascii=False) + "\n")
    with open(folder / "mentions.csv", "w", newline="") as out:
        w = csv.writer(out); w.writerow(["article_id", "actor", "count"]); w.writerows(mrows)
    from collections import Counter
    c = Counter(v for q in quotes for v in q["stances"].values())
    print("quotes", len(quotes), dict(c), "empty", sum(not q["stances"] for q in quotes))
    # unmarked quoted spans (possible missed quotes)
    for f in sorted(src.glob(prefix + "*.txt")):
        stripped = MARK.sub("", f.read_text())
        for s in re.findall(r"[\"“][^\"”]{3,}[\"”]", stripped): print("  UNMARKED", f.stem, s[:70])
