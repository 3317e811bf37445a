"""A corpus of N realistic news articles for benchmarks, made from templates (not copies of the seeds).

    python bench/generate_corpus.py N OUT_DIR [--seed 1]

Each article tells one of several stories (a border ceasefire, trade
sanctions, a port strike, a water-sharing summit, a peace deal, an
election) through a cast drawn from a few hundred invented people with
roles, countries and organisations: a headline, a lede, direct quotes with
the speaker before or after, quotes attributed by pronoun and by role,
reported speech, appositions and background paragraphs. Quotes take a side
(for, against or neither) on outcomes named in data/outcomes.yml, worded in
many ways. Writes OUT_DIR/NNNNNNN.txt and OUT_DIR/manifest.csv, one article
at a time, so any N fits in memory.
"""
from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

FIRST = {
    "she": ["Amara", "Beatriz", "Chiara", "Dilnoza", "Elena", "Farah", "Grete", "Hye-jin", "Ines", "Jana",
            "Katarzyna", "Leila", "Mireille", "Nadia", "Olga", "Priya", "Rosa", "Sigrid", "Tamar", "Yasmin"],
    "he": ["Adebayo", "Bogdan", "Carlos", "Dmitri", "Emre", "Felipe", "Gustav", "Hamid", "Ilya", "Jonas",
           "Kwame", "Lars", "Mateo", "Nikos", "Omar", "Pavel", "Rashid", "Stefan", "Tomasz", "Viktor"],
}
LAST = ["Abara", "Balogun", "Castellanos", "Dragomir", "Eriksen", "Ferreira", "Gashi", "Horvath", "Ibrahimovic",
        "Jovanovic", "Kaminski", "Lindqvist", "Mbeki", "Nakamura", "Oyelaran", "Papadakis", "Quintero", "Rahimi",
        "Szabo", "Takahashi", "Urquhart", "Valdivia", "Wojcik", "Yilmaz", "Zeller", "Achterberg", "Brennan",
        "Cardoso", "Delacroix", "Estrada"]
COUNTRIES = ["Norland", "Veskaria", "Pelagonia", "Istria", "Karelia", "Moravia", "Lusatia", "Dalmatia",
             "Galicia", "Thessaly", "Ruthenia", "Carinthia"]
ROLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Trade Minister",
         "Interior Minister", "opposition leader", "envoy", "spokeswoman", "spokesman", "mayor", "union leader"]
ORGS = ["the United Nations", "the European Union", "the African Union", "the Red Cross", "the World Bank",
        "the International Monetary Fund", "the Arctic Council", "the Danube Commission"]
SOURCES = ["The Ledger", "Morning Wire", "Continental Post", "Harbour Herald", "Daily Courier", "Global Desk"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# outcome key -> (ways to name it in a sentence, ways to name the story)
OUTCOMES = {
    "ceasefire": (["a ceasefire", "the truce", "a halt to the fighting", "an immediate ceasefire"], "border fighting"),
    "meeting": (["a summit", "direct talks", "a face-to-face meeting", "the negotiations"], "the planned summit"),
    "sanctions": (["new sanctions", "the embargo", "the sanctions", "a price cap"], "trade sanctions"),
    "peace_deal": (["a peace deal", "the peace agreement", "a peace treaty"], "the peace plan"),
    "security_guarantees": (["security guarantees", "the security guarantees"], "security guarantees"),
}
FAVOR = [
    "We support {o} and we will work for it",
    "{O} offers the only way forward",
    "We welcome {o}, and we hope it comes soon",
    "Our government backs {o} without conditions",
    "I am confident that {o} can be reached this month",
    "We are ready to sign {o} tomorrow",
]
AGAINST = [
    "We reject {o}; it would reward aggression",
    "{O} now would be a grave mistake",
    "We oppose {o} and will vote against it",
    "There will be no {bare} on these terms",
    "{O} would be dangerous and would fail",
]
NEUTRAL = [
    "We will study the proposal for {o} carefully",
    "It is too early to say what {o} would look like",
    "Our delegation has received the draft text on {o}",
]
REPORTED = {
    "favor": ["{s} said {pro} strongly supported {o}", "{s} told reporters that {o} would be welcome and overdue",
              "{s} urged both sides to agree to {o}"],
    "against": ["{s} said {pro} opposed {o}", "{s} rejected calls for {o}, calling them a trap",
                "{s} warned that {o} would be a serious mistake"],
    "neutral": ["{s} said talks on {o} would continue next week", "{s} noted that {o} had been discussed"],
}
BACKGROUND = [
    "The dispute between {c1} and {c2} began {n} years ago over the river valley.",
    "Officials from {org} have tried to mediate since {month}.",
    "Thousands of people have left the border towns, according to {org}.",
    "Markets in {c1} fell sharply after the announcement.",
    "The two governments last met in {city} in {month}.",
    "Analysts said the coming weeks would decide the fate of {story}.",
    "Fuel prices in {c2} have doubled since the start of the year.",
    "Neither side published the text of the proposal.",
]
CITIES = ["Valmora", "Port Aster", "Kessel", "Draven", "Lisk", "Orvieto Nova", "Saltmarsh", "Brennholt"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


class Person:
    def __init__(self, rng: random.Random):
        self.pronoun = rng.choice(["she", "he"])
        self.first = rng.choice(FIRST[self.pronoun])
        self.last = rng.choice(LAST)
        self.country = rng.choice(COUNTRIES)
        self.role = rng.choice(ROLES)
        if self.role.startswith("spokes"):
            self.role = "spokeswoman" if self.pronoun == "she" else "spokesman"

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    def titled(self) -> str:
        role = self.role[0].upper() + self.role[1:]
        return f"{self.country}'s {role} {self.name}" if self.role[0].isupper() else f"{self.country}'s {self.role}, {self.name},"


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _stance_sentence(rng: random.Random, stance: str, outcome: str) -> str:
    names, _ = OUTCOMES[outcome]
    o = rng.choice(names)
    bare = o.split(" ", 1)[1] if o.split(" ", 1)[0] in ("a", "an", "the", "new") else o
    template = rng.choice({"favor": FAVOR, "against": AGAINST, "neutral": NEUTRAL}[stance])
    return template.format(o=o, O=_cap(o), bare=bare)


def article(i: int, rng: random.Random, start: date) -> dict:
    """One article: its id, text and manifest fields."""
    outcome = rng.choice(list(OUTCOMES))
    story = OUTCOMES[outcome][1]
    cast = [Person(rng) for _ in range(rng.randint(3, 5))]
    lead, rival = cast[0], cast[1]
    c1, c2 = lead.country, rival.country if rival.country != lead.country else rng.choice(COUNTRIES)
    day = rng.choice(DAYS)
    fill = {"c1": c1, "c2": c2, "org": rng.choice(ORGS), "month": rng.choice(MONTHS), "city": rng.choice(CITIES),
            "n": rng.randint(2, 30), "story": story}
    title = rng.choice([
        f"{lead.last} and {rival.last} clash over {story}",
        f"{c1} signals shift on {story}",
        f"Pressure grows on {c2} as talks on {story} stall",
        f"{lead.last} sets out terms on {story}",
    ])
    paragraphs = [title]
    first_outcome = rng.choice(OUTCOMES[outcome][0])
    paragraphs.append(
        f"{lead.titled()} said on {day} that {c1} would {rng.choice(['back', 'consider', 'resist'])} "
        f"{first_outcome}, raising the stakes before a meeting of ministers in {fill['city']}."
    )
    introduced = {lead.name}
    for _ in range(rng.randint(10, 16)):
        speaker = rng.choice(cast)
        stance = rng.choices(["favor", "against", "neutral"], weights=[4, 4, 2])[0]
        about = outcome if rng.random() < 0.7 else rng.choice(list(OUTCOMES))
        quote = _stance_sentence(rng, stance, about)
        if speaker.name not in introduced:
            who, introduced = speaker.titled(), introduced | {speaker.name}
        else:
            who = speaker.last
        kind = rng.randrange(6)
        if kind == 0:
            text = f"\u201c{quote},\u201d {who} said. \u201c{_stance_sentence(rng, stance, about)}.\u201d"
        elif kind == 1:
            text = f"{who} told reporters: \u201c{quote}.\u201d"
        elif kind == 2:
            text = f"\u201c{quote},\u201d said {speaker.last if speaker.name in introduced else who}, " \
                   f"speaking in {rng.choice(CITIES)}."
        elif kind == 3:
            text = (f"{_cap(who)} spoke after a {rng.choice(['long', 'tense', 'short'])} cabinet meeting. "
                    f"\u201c{quote},\u201d {speaker.pronoun} said.")
        elif kind == 4:
            text = _cap(rng.choice(REPORTED[stance]).format(
                s=who, pro=speaker.pronoun, o=rng.choice(OUTCOMES[about][0]))) + "."
        else:
            text = (f"The {speaker.role} of {speaker.country}, {speaker.name}, was more cautious. "
                    f"\u201c{quote},\u201d {speaker.pronoun} said.")
            introduced |= {speaker.name}
        paragraphs.append(text)
        if rng.random() < 0.8:
            paragraphs.append(rng.choice(BACKGROUND).format(**fill))
    paragraphs.append(rng.choice(BACKGROUND).format(**fill) + " " + rng.choice(BACKGROUND).format(**fill))
    article_id = f"{i:07d}"
    return {
        "article_id": article_id, "file": f"{article_id}.txt", "title": title,
        "source": rng.choice(SOURCES), "date": (start + timedelta(days=i % 365)).isoformat(), "url": "",
        "text": "\n\n".join(paragraphs) + "\n",
    }


def write_corpus(n: int, folder: Path, seed: int = 1) -> int:
    """Write ``n`` articles and their manifest into ``folder``; returns the number of words."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        manifest = csv.DictWriter(handle, fieldnames=["article_id", "file", "title", "source", "date", "url"])
        manifest.writeheader()
        for i in range(n):
            row = article(i, rng, date(2025, 1, 1))
            (folder / row["file"]).write_text(row.pop("text"), encoding="utf-8")
            words += len((folder / row["file"]).read_text(encoding="utf-8").split())
            manifest.writerow(row)
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    words = write_corpus(args.n, args.out, args.seed)
    print(f"wrote {args.n} articles, {words} words, to {args.out}")


if __name__ == "__main__":
    main()
