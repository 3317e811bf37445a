"""Build a g-story folder (data/training/gN) from marked-up sources in build_g/gN/.

Sources: build_g/gN/t_g*.txt with quotes marked inline as
[[kind|speaker|cue|key=f key=a]]text[[/]] (kind d/i; '-' = null speaker or cue;
codes f/a/n), and build_g/gN/people.txt (one canonical person name a line, or
"!phrase" for a name of a thing to leave uncounted) for mentions.csv. Writes articles/*.txt, quotes.jsonl and mentions.csv; outcomes.yml
and articles/manifest.csv are written by hand in the training folder.
Usage: python data/annotation/build_g.py g1
"""
import csv, json, pathlib, re, sys
from collections import Counter

CODES = {"f": "favor", "a": "against", "n": "neutral"}
MARK = re.compile(r"\[\[([di])\|([^|\]]*)\|([^|\]]*)\|([^\]]*)\]\](.*?)\[\[/\]\]", re.S)
HERE = pathlib.Path(__file__).resolve().parent


def build(name):
    src = HERE / "build_g" / name
    folder = HERE.parent / "training" / name
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    keys = set(re.findall(r"key:\s*(\w+)", (folder / "outcomes.yml").read_text()))
    lines = [p.strip() for p in (src / "people.txt").read_text().splitlines() if p.strip()]
    # a line "!Tallow Homes" names a thing (a company) that carries a person's surname
    # and is no mention of the person: it is blanked before counting
    people = [p for p in lines if not p.startswith("!")]
    blanks = [p[1:] for p in lines if p.startswith("!")]
    quotes, mrows = [], []
    for f in sorted(src.glob("t_g*.txt")):
        aid, raw = f.stem, f.read_text()
        plain = MARK.sub(lambda m: m.group(5), raw)
        assert "[[" not in plain and "]]" not in plain, (aid, "stray mark")
        (folder / "articles" / f"{aid}.txt").write_text(plain)
        n0 = len(quotes)
        for m in MARK.finditer(raw):
            kind, sp, cue, st, text = m.groups()
            stances = {}
            for tok in st.split():
                k, v = tok.split("=")
                assert k in keys, (aid, k)
                stances[k] = CODES[v]
            assert text in plain, text
            quotes.append({"article_id": aid, "kind": "direct" if kind == "d" else "indirect",
                           "text": text, "speaker": None if sp == "-" else sp,
                           "cue": None if cue == "-" else cue, "stances": stances})
        print(aid, "words", len(plain.split()), "quotes", len(quotes) - n0)
        # mentions: full name, surname, first name, ALL-CAPS surname (transcript labels);
        # the full name is tried first so it counts once
        counted = plain
        for b in blanks:
            counted = counted.replace(b, " ")
        for person in people:
            parts = person.split()
            forms = [person] + ([parts[-1], parts[0], parts[-1].upper()] if len(parts) > 1 else [])
            pat = re.compile(r"\b(" + "|".join(re.escape(x) for x in forms) + r")\b")
            n = len(pat.findall(counted))
            if n:
                mrows.append((aid, person, n))
        # straight quotation marks paired in order; a pair with no marked quote inside
        # may be a missed quote (or a scare quote, which is no quote)
        stripped = MARK.sub("\x00", raw)
        marks = [i for i, ch in enumerate(stripped) if ch == '"']
        for a, b in zip(marks[::2], marks[1::2]):
            if "\x00" not in stripped[a:b]:
                print("  UNMARKED", aid, stripped[a:b + 1][:70])
        for m in re.finditer(r"“[^”]*”", stripped):
            if "\x00" not in m.group(0):
                print("  UNMARKED", aid, m.group(0)[:70])
    with open(folder / "quotes.jsonl", "w") as out:
        for q in quotes:
            out.write(json.dumps(q, ensure_ascii=False) + "\n")
    with open(folder / "mentions.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["article_id", "actor", "count"])
        w.writerows(mrows)
    c = Counter(v for q in quotes for v in q["stances"].values())
    per = Counter((k, v) for q in quotes for k, v in q["stances"].items())
    print("quotes", len(quotes), Counter(q["kind"] for q in quotes), dict(c),
          "empty", sum(not q["stances"] for q in quotes))
    for k in sorted(keys):
        print(f"  {k:22s} f={per[(k,'favor')]} a={per[(k,'against')]} n={per[(k,'neutral')]}")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        build(name)
