"""What the article itself says about its people: their gender, their roles, the groups it names.

Helpers of `analytics.quotes.speakers.SpeakerResolver`, read from the
article's text and mentions only (nothing here names anyone):

- `article_genders`: the gender the article shows for a person, from the
  words right before or around their name (``Mr``, ``Ms``, ``the
  chairwoman, ...``, lists ``male_words`` and ``female_words`` of
  data/reporting.yml); a person shown both ways, or never, has none;
- `role_holder_near`: whether a mention is introduced with a role
  (``Foreign Minister Anna Berg``, ``Anna Berg, the foreign minister``,
  ``the head of the central bank, Anna Berg``), not a qualified one
  (``Deputy Governor ...`` does not hold ``the governor``);
- `aged_name`: whether a word is a first name given with an age (``Derek, 59,``);
- `named_group`: the institution a bare group noun refers back to (``the
  federation`` after ``the United Nursing Federation``);
- `introduced_unnamed`: where the article last introduced someone with an
  indefinite description (``a senior official``), who stays unnamed.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lexicons import ReportingCues

# How many characters after a name an apposition holding a role may run: "Anna Berg, the union's general secretary,".
APPOSITION_CHARS = 60
# How many words before a role a qualifier may stand: "Deputy Prime Minister", "shadow interior minister".
QUALIFIER_WORDS = 2
# How many words may stand between an indefinite article and its noun: "a senior official in ...".
INDEFINITE_MODIFIERS = 3
# How many capitalised words before a group noun make an institution's name: "Workplace Mediation Board".
GROUP_NAME_WORDS = 5

# An age after a first name has at most this many digits: "Pauline, 72,".
AGE_DIGITS = 3

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                  "she": "female", "her": "female", "hers": "female", "herself": "female"}


def article_genders(doc: Doc, mentions: list[dict], kinds, cues: ReportingCues) -> dict[str, str]:
    """actor -> "male" or "female", for the persons of ``mentions`` the article shows one gender for.

    ``kinds`` maps an actor to its kind. The evidence is a word of
    ``male_words`` / ``female_words`` right before a mention (``Mr
    Pennant``), as the mention's first word, or as the noun the name is in
    apposition with (``Dunmore's chairwoman, Saskia Brandvold``), or a
    pronoun that can only be theirs (``Dorsey said that he ...``,
    ``Marsh herself``).
    """
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if kinds(m["actor"]) != "person":
            continue
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is None:
            continue
        words = [span[0].lower_]
        if span.start > 0:
            words.append(doc[span.start - 1].lower_)
        root = span.root
        if root.dep_ == "appos":
            words.append(root.head.lower_)
        words += [c.lower_ for c in root.children if c.dep_ == "appos"]
        for w in words:
            gender = "male" if w in cues.male_words else "female" if w in cues.female_words else ""
            if gender:
                seen.setdefault(m["actor"], set()).add(gender)
        gender = _own_pronoun(doc, span)
        if gender:
            seen.setdefault(m["actor"], set()).add(gender)
    return {actor: genders.pop() for actor, genders in seen.items() if len(genders) == 1}


def _own_pronoun(doc: Doc, span) -> str:
    """The gender of the pronoun that refers back to the name ``span`` within its own clause, or "".

    ``Graham Dorsey told me that he ...`` (the subject of what the named
    subject says), ``Lena Marsh herself``.
    """
    if span.end < len(doc) and doc[span.end].lower_ in ("himself", "herself"):
        return PRONOUN_GENDER[doc[span.end].lower_]
    root = span.root
    if root.dep_ != "nsubj":
        return ""
    for clause in (c for c in root.head.children if c.dep_ == "ccomp" and c.i > root.i):
        if any(k.dep_ in ("mark", "advmod") and k.lower_ in ("whether", "if", "why", "how") for k in clause.children):
            continue  # "Lima asked whether she ...": a question is about someone else
        subject = next((k for k in clause.children if k.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in ("he", "she"):
            return PRONOUN_GENDER[subject.lower_]
    return ""


def aged_name(token: Token) -> bool:
    """Whether ``token`` is a person's first name given with their age: ``Derek, 59, ...``."""
    doc = token.doc
    if not (token.is_title and token.is_alpha) or token.i + 3 >= len(doc):
        return False
    age = doc[token.i + 2]
    return doc[token.i + 1].text == "," and age.like_num and len(age.text) <= AGE_DIGITS and doc[token.i + 3].text == ","


def role_holder_near(text: str, start: int, end: int, role: str, qualified: bool, cues: ReportingCues,
                     window_start: int) -> bool:
    """Whether the name at ``text[start:end]`` is introduced with the role noun ``role``.

    Before it from ``window_start`` on (``Trade minister Ana Lima``, ``the
    head of the bank, Ana Lima``; the caller stops the window at the name
    before, whose role it would be), or in an apposition right after it
    (``Ana Lima, the union's general secretary``). Unless the description
    itself is ``qualified`` (``the deputy governor``), a role with a
    qualifier before it (``Deputy Governor Ana Lima``) is another role.
    """
    pattern = rf"\b{re.escape(role)}s?\b"
    # Within the name's own line and sentence: "... the Ukrainian leader added X.\n\nGromov said" gives Gromov no role.
    before = re.split(r"\n|[.!?]\s", text[max(0, window_start): start])[-1].lower()
    after = re.match(r"\s*,\s*([^,;.\n]*)", text[end: end + APPOSITION_CHARS])
    places = [(before, m) for m in re.finditer(pattern, before)][-1:]
    if after:
        places += [(after.group(1).lower(), m) for m in re.finditer(pattern, after.group(1).lower())][:1]
    for where, m in places:
        if qualified:
            return True
        # "Shadow interior minister Ines Valcourt": a qualifier up to QUALIFIER_WORDS before the role, within its phrase.
        phrase = re.split(r"[,;:()]", where[: m.start()])[-1]
        previous = re.findall(r"\w+", phrase)[-QUALIFIER_WORDS:]
        if not any(w in cues.role_qualifiers for w in previous):
            return True
    return False


def named_group(text: str, before: int, noun: str) -> str:
    """The latest institution named before character ``before`` whose name ends in ``noun``, or "".

    ``the federation`` refers back to ``the United Nursing Federation``: a
    run of capitalised words ending in the noun, capitalised, without its
    leading ``The``; ``the chamber`` to ``the Brennford Chamber of
    Commerce``, the noun followed by ``of`` and capitalised words.
    """
    if not noun.isalpha():
        return ""
    word = r"[A-Z][\w'’&.-]*"
    pattern = (rf"((?:{word}\s+){{0,{GROUP_NAME_WORDS}}}){re.escape(noun.capitalize())}\b"
               rf"((?:\s+of\s+(?:the\s+)?{word}(?:\s+{word}){{0,{GROUP_NAME_WORDS - 1}}})?)")
    found = ""
    for m in re.finditer(pattern, text[:before]):
        if not m.group(1) and not m.group(2):
            continue  # the noun alone, capitalised at a sentence's start
        words = m.group(1).split()
        ends = [n for n, w in enumerate(words) if w.endswith((".", ",")) and len(w) > 2]
        if ends:  # "on Wednesday. The Rail Workers' Alliance": the name starts after the sentence's end
            words = words[ends[-1] + 1:]
        while words and words[0] in ("The", "A", "An"):
            words.pop(0)
        if words or m.group(2):
            found = " ".join(words + [noun.capitalize()]) + m.group(2)
    return found


def introduced_unnamed(text: str, before: int, noun: str) -> int:
    """Where (character) the article last introduced someone as ``a ... noun`` before ``before``, or -1."""
    pattern = rf"\b(?:a|an|another|one)\s+(?:[\w'’-]+\s+){{0,{INDEFINITE_MODIFIERS}}}{re.escape(noun)}\b"
    last = -1
    for m in re.finditer(pattern, text[:before], flags=re.IGNORECASE):
        last = m.start()
    return last


# The marks that open a list line: "• Berg: '...'", "- Berg: '...'".
_BULLETS = "•·▪‣◦*-–—> \t"
# How many words a list line's label may have before its comma or colon: "Dr Mina Kovac, hydrologist, ...:".
LABEL_WORDS = 5


def line_label(text: str, quote_start: int, titles: frozenset[str]) -> tuple[int, str]:
    """The name that labels the line of a quotation (``• Mina Kovac, hydrologist: "..."``): (its offset, the name).

    Only for a quotation right after a colon on its line, whose line opens
    (after a bullet) with capitalised words up to the first comma or colon:
    those words, without leading titles, are the label; a bulleted line whose label
    is no name gives (its offset, ""). (-1, "") otherwise;
    capitals alone (``MINISTER:``) and one letter (``Q:``) are a transcript's labels, not names.
    """
    line_start = text.rfind("\n", 0, quote_start) + 1
    lead = text[line_start: quote_start].rstrip("\"'“”‘’«»„ ")
    if not lead.endswith(":"):
        return -1, ""
    stripped = lead.lstrip(_BULLETS)
    offset = line_start + len(lead) - len(stripped)
    label = re.split(r"[,:(]", stripped, maxsplit=1)[0].strip()
    words = label.split()
    while words and words[0].lower().rstrip(".") in titles | {w.rstrip(".") for w in titles}:
        offset = text.index(words[0], offset) + len(words[0])
        words.pop(0)
    if not words or len(words) > LABEL_WORDS or len(label) <= 1 or label.isupper():
        return -1, ""
    if not all(w[:1].isupper() or w in ("de", "van", "von", "al", "da", "ten", "bin", "la", "le") for w in words):
        # "• Shop worker, who asked not to be named:": a list line's speaker, unnamed.
        return (offset, "") if stripped != lead else (-1, "")
    name = " ".join(words)
    return text.index(words[0], offset), name


def transcript_label(text: str, quote_start: int) -> str:
    """The label of a transcript's line before its quotation (``A: "..."``, ``MINISTER: "..."``), or "".

    A label is one letter or a word in capitals, alone on its line before a colon.
    """
    line_start = text.rfind("\n", 0, quote_start) + 1
    lead = text[line_start: quote_start].rstrip("\"'“”‘’«»„ ").lstrip(_BULLETS)
    m = re.fullmatch(r"([A-Z][A-Z.'’ -]*):", lead)
    return m.group(1).strip() if m else ""
