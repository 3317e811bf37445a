"""An analyst's corrections of quotes: their format, which quote each names, and the tables they give.

A correction is one JSON object (a line of ``corrections.jsonl``) naming a
quote by its article and text span, and saying what the analyst judged:

    {"article_id": "a1", "start": 120, "end": 171, "text": "the words of the quote",
     "speaker": "Ana Lima", "stances": {"ceasefire": "favor"}, "not_quote": false}

- ``article_id``, ``start``, ``end``, ``text``: the quote as the analyst saw it
  (``text == article[start:end]``);
- ``speaker`` (optional): who said it; ``""`` for no speaker;
- ``stances`` (optional): every outcome the quote is about with its label
  (favor / against / neutral); an outcome left out is one the quote is not
  about, so ``{}`` says it is about none;
- ``not_quote`` (optional): true when the span is no quote at all;
- anything else (``quote_id``, ``note``) is kept and not read.

A correction matches the quote of its article with the same span and text;
else the one with the same text nearest its old place (the rules changed
where the quote starts); else the one whose text is the same once case,
punctuation and spacing are set aside. One that matches nothing is reported
(`Match.quote_id` is None) and kept: it is never dropped from a file.
"""
from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass

import pandas as pd

LABELS = ("favor", "against", "neutral")
LABEL_SCORES = {"favor": 1.0, "against": -1.0, "neutral": 0.0}
ANALYST = "analyst"  # found_by of a stance the analyst added
IDENTITY = ("article_id", "start", "end", "text")


_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)  # as the gold scorer reads a text (evaluate.normalise)


def normalise(text: str) -> list[str]:
    """A text's words: lowercase, punctuation and quote marks removed, whitespace folded."""
    return _PUNCT.sub(" ", (text or "").lower()).split()


class CorrectionError(ValueError):
    """A correction that cannot be read (the message says which line and why)."""


@dataclass(frozen=True)
class Match:
    """Which quote correction number ``index`` names: ``quote_id`` (None: no quote matches) and ``how``
    (``exact``, ``moved``: same text elsewhere, ``normalised``: same words, or ``unmatched``)."""

    index: int
    quote_id: str | None
    how: str


# --- The record ---------------------------------------------------------------------

def checked(record) -> dict:
    """``record`` as a correction (numbers as ints, labels checked). Raises `CorrectionError`."""
    if not isinstance(record, dict):
        raise CorrectionError("a correction is a JSON object")
    missing = [k for k in IDENTITY if k not in record]
    if missing:
        raise CorrectionError(f"a correction needs {', '.join(missing)}")
    out = dict(record)
    out["article_id"], out["text"] = str(record["article_id"]), str(record["text"])
    try:
        out["start"], out["end"] = int(record["start"]), int(record["end"])
    except (TypeError, ValueError):
        raise CorrectionError("start and end are character offsets (whole numbers)") from None
    if "speaker" in out:
        out["speaker"] = "" if out["speaker"] is None else str(out["speaker"])
    if "stances" in out:
        if not isinstance(out["stances"], dict):
            raise CorrectionError("stances maps outcome keys to favor, against or neutral")
        bad = {k: v for k, v in out["stances"].items() if v not in LABELS}
        if bad:
            raise CorrectionError(f"stance labels are favor, against or neutral, not {next(iter(bad.values()))!r}")
        out["stances"] = {str(k): v for k, v in out["stances"].items()}
    if "not_quote" in out:
        out["not_quote"] = bool(out["not_quote"])
    return out


def correction_of(quote: dict, **judged) -> dict:
    """A correction naming ``quote`` (a row of the quotes table) with the fields ``judged`` (speaker, stances,
    not_quote)."""
    record = {"article_id": str(quote["article_id"]), "start": int(quote["start"]), "end": int(quote["end"]),
              "text": str(quote["text"]), "quote_id": str(quote["quote_id"]), **judged}
    return checked(record)


def same_quote(a: dict, b: dict) -> bool:
    """Whether two corrections name the same span of the same article."""
    return all(a[k] == b[k] for k in IDENTITY)


def with_correction(records: list[dict], record: dict) -> list[dict]:
    """``records`` with ``record`` in place of any that names the same quote (else added at the end)."""
    kept = [r for r in records if not same_quote(r, record)]
    at = next((i for i, r in enumerate(records) if same_quote(r, record)), len(kept))
    return kept[:at] + [record] + kept[at:]


def changed_fields(record: dict) -> str:
    """What a correction says, in a few words (``speaker -> Ana Lima; ceasefire: favor``)."""
    parts = []
    if record.get("not_quote"):
        parts.append("not a quote")
    if "speaker" in record:
        parts.append(f"speaker -> {record['speaker'] or '(none)'}")
    if "stances" in record:
        parts.append("; ".join(f"{k}: {v}" for k, v in record["stances"].items()) or "about no outcome")
    return "; ".join(parts) or "checked, no change"


# --- corrections.jsonl ---------------------------------------------------------------

def read_corrections(text: str) -> list[dict]:
    """The corrections of a ``corrections.jsonl`` text (blank lines skipped). Raises `CorrectionError`
    naming the first line that is not a correction."""
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(checked(json.loads(line)))
        except (json.JSONDecodeError, RecursionError) as err:
            raise CorrectionError(f"line {number}: not JSON ({err})") from None
        except CorrectionError as err:
            raise CorrectionError(f"line {number}: {err}") from None
    return records


def corrections_jsonl(records: list[dict]) -> str:
    """``records`` as ``corrections.jsonl`` text, one object a line."""
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in records)


# --- Which quote a correction names ------------------------------------------------

def match_corrections(records: list[dict], quotes: pd.DataFrame) -> list[Match]:
    """For each correction, the quote of ``quotes`` (quote_id, article_id, text, start, end) it names
    (see the module docstring for the order of tries)."""
    wanted = {r["article_id"] for r in records}
    by_article: dict[str, list[tuple]] = {}
    if len(quotes):
        picked = quotes[quotes["article_id"].astype(str).isin(wanted)]
        for qid, aid, text, start, end in zip(picked["quote_id"], picked["article_id"].astype(str), picked["text"],
                                              picked["start"], picked["end"]):
            by_article.setdefault(aid, []).append((str(qid), str(text), int(start), int(end)))
    found = []
    for index, record in enumerate(records):
        candidates = by_article.get(record["article_id"], [])
        found.append(_match_one(index, record, candidates))
    return found


def _match_one(index: int, record: dict, candidates: list[tuple]) -> Match:
    for qid, text, start, end in candidates:
        if (start, end, text) == (record["start"], record["end"], record["text"]):
            return Match(index, qid, "exact")

    def nearest(pool):
        return min(pool, key=lambda q: (abs(q[2] - record["start"]), q[2]))[0]

    same = [q for q in candidates if q[1] == record["text"]]
    if same:
        return Match(index, nearest(same), "moved")
    words = normalise(record["text"])
    alike = [q for q in candidates if words and normalise(q[1]) == words]
    if alike:
        return Match(index, nearest(alike), "normalised")
    return Match(index, None, "unmatched")


def unmatched(records: list[dict], matches: list[Match]) -> list[dict]:
    """The corrections that name no quote of the tables."""
    return [records[m.index] for m in matches if m.quote_id is None]


# --- Applying them -------------------------------------------------------------------

def judgements(records: list[dict], matches: list[Match]) -> dict[str, dict]:
    """quote_id -> what the analyst judged of it: the fields of its corrections, later ones over earlier."""
    out: dict[str, dict] = {}
    for m in matches:
        if m.quote_id is not None:
            fields = {k: v for k, v in records[m.index].items() if k in ("speaker", "stances", "not_quote")}
            out.setdefault(m.quote_id, {}).update(fields)
    return out


def apply_corrections(tables: dict[str, pd.DataFrame], records: list[dict]) -> tuple[dict[str, pd.DataFrame], list[Match]]:
    """``tables`` (``quotes``, ``stances``, optionally ``articles``) with ``records`` applied, and the matches.

    A quote that is not one loses its row and its stances; a corrected
    speaker is the quote's and its stances'; corrected stances replace the
    quote's: a kept outcome keeps its row with the analyst's label (score
    +1 / -1 / 0, the system's label in the evidence), an added one gets a
    row ``found_by`` ``analyst``. ``articles.quotes`` counts what is left.
    Other tables are returned as they are (position changes are the
    caller's to recompute from the stances).
    """
    matches = match_corrections(records, tables["quotes"])
    judged = judgements(records, matches)
    if not judged:
        return dict(tables), matches
    out = dict(tables)
    quotes = tables["quotes"]
    dropped = {q for q, j in judged.items() if j.get("not_quote")}
    speakers = {q: j["speaker"] for q, j in judged.items() if "speaker" in j and q not in dropped}
    quotes = quotes[~quotes["quote_id"].isin(dropped)].copy()
    if speakers:
        quotes["speaker"] = [speakers.get(q, s) for q, s in zip(quotes["quote_id"], quotes["speaker"])]
    out["quotes"] = quotes.reset_index(drop=True)
    if "stances" in tables:
        out["stances"] = _corrected_stances(tables["stances"], quotes, judged, dropped, speakers)
    if "articles" in tables:
        touched = {a for a in tables["quotes"].loc[tables["quotes"]["quote_id"].isin(dropped), "article_id"]}
        if touched:
            left = quotes["article_id"].value_counts()
            articles = tables["articles"].copy()
            articles["quotes"] = [int(left.get(a, 0)) if a in touched else n
                                  for a, n in zip(articles["article_id"], articles["quotes"])]
            out["articles"] = articles
    return out, matches


def _corrected_stances(stances: pd.DataFrame, quotes: pd.DataFrame, judged: dict[str, dict], dropped: set,
                       speakers: dict[str, str]) -> pd.DataFrame:
    relabelled = {q: j["stances"] for q, j in judged.items() if "stances" in j and q not in dropped}
    stances = stances.assign(_pos=range(len(stances)))
    table = stances[~stances["quote_id"].isin(dropped | set(relabelled))]
    if relabelled:
        info = quotes.set_index("quote_id")
        new = []
        for qid, wanted in relabelled.items():
            had = {r["outcome"]: r for r in stances[stances["quote_id"] == qid].to_dict("records")}
            last = max((r["_pos"] for r in had.values()), default=-1)
            added = sorted(o for o in wanted if o not in had)
            for outcome, label in wanted.items():
                was = had.get(outcome)
                row = dict(was) if was else {"quote_id": qid, "article_id": info.at[qid, "article_id"], "outcome": outcome,
                                             "found_by": ANALYST, "evidence": "",
                                             "_pos": last + (1 + added.index(outcome)) / (len(added) + 1)}
                note = f"analyst: {label}" + (f" (system: {was['stance']})" if was else " (added)")
                before = row["evidence"] if isinstance(row["evidence"], str) else ""
                row.update(stance=label, score=LABEL_SCORES[label], speaker=info.at[qid, "speaker"],
                           evidence=note + (f"; {before}" if before else ""))
                new.append(row)
        if new:
            table = pd.concat([table, pd.DataFrame(new)], ignore_index=True)
    if speakers:
        table = table.assign(speaker=[speakers.get(q, s) for q, s in zip(table["quote_id"], table["speaker"])])
    # The quotes' order, and a quote's rows in their old order (an added outcome after the ones it had).
    position = {q: i for i, q in enumerate(quotes["quote_id"])}
    table = table.assign(_quote=table["quote_id"].map(position)).sort_values(["_quote", "_pos"], kind="stable")
    return table[[c for c in stances.columns if not c.startswith("_")]].reset_index(drop=True)


# --- A gold set of the analyst's judgement -------------------------------------------

def gold_quotes(quotes: pd.DataFrame, stances: pd.DataFrame, article_ids) -> list[dict]:
    """The (corrected) quotes of ``article_ids`` as gold ``quotes.jsonl`` objects (GUIDELINES.md's format)."""
    wanted = {str(a) for a in article_ids}
    labels: dict[str, dict[str, str]] = {}
    for qid, outcome, label in zip(stances["quote_id"], stances["outcome"], stances["stance"]):
        labels.setdefault(str(qid), {})[str(outcome)] = str(label)
    picked = quotes[quotes["article_id"].astype(str).isin(wanted)]
    return [{"article_id": str(q["article_id"]), "kind": q["kind"], "text": q["text"],
             "speaker": q["speaker"] or None, "cue": q["cue"] or None, "stances": labels.get(str(q["quote_id"]), {})}
            for q in picked.fillna("").to_dict("records")]


def gold_mentions(actor_counts: pd.DataFrame, article_ids) -> pd.DataFrame:
    """The people's mention counts of ``article_ids`` as gold ``mentions.csv`` rows (article_id, actor, count)."""
    wanted = {str(a) for a in article_ids}
    rows = actor_counts[actor_counts["article_id"].astype(str).isin(wanted)]
    if "kind" in rows:
        rows = rows[rows["kind"] == "person"]
    return rows[["article_id", "actor", "count"]].reset_index(drop=True)


def gold_files(tables: dict[str, pd.DataFrame], article_ids, articles: list[dict] | None = None,
               outcomes_text: str | None = None, actors_text: str | None = None) -> dict[str, bytes]:
    """A gold folder's files (path -> bytes) for ``article_ids`` of the corrected ``tables``: ``quotes.jsonl``,
    ``mentions.csv``, and where given ``articles/articles.jsonl`` (``articles``: rows with article_id, text,
    title, source, date, url), ``outcomes.yml`` and ``actors.yml``, so that ``evaluate`` reads it as it is."""
    files = {
        "quotes.jsonl": "".join(json.dumps(q, ensure_ascii=False) + "\n"
                                for q in gold_quotes(tables["quotes"], tables["stances"], article_ids)).encode("utf-8"),
        "mentions.csv": gold_mentions(tables["actor_counts"], article_ids).to_csv(index=False).encode("utf-8"),
    }
    wanted = {str(a) for a in article_ids}
    if articles:
        keys = ("article_id", "title", "source", "date", "url", "text")
        files["articles/articles.jsonl"] = "".join(
            json.dumps({k: a.get(k, "") for k in keys}, ensure_ascii=False) + "\n"
            for a in articles if str(a["article_id"]) in wanted).encode("utf-8")
    if outcomes_text:
        files["outcomes.yml"] = outcomes_text.encode("utf-8")
    if actors_text:
        files["actors.yml"] = actors_text.encode("utf-8")
    return files


def corrected_articles(records: list[dict], matches: list[Match]) -> list[str]:
    """The articles in which at least one correction names a quote, in the corrections' order."""
    return list(dict.fromkeys(records[m.index]["article_id"] for m in matches if m.quote_id is not None))


def zip_files(files: dict[str, bytes], folder: str = "gold") -> bytes:
    """``files`` in a zip archive, under ``folder/``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(f"{folder}/{name}", data)
    return buffer.getvalue()
