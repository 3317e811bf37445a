"""Scores of an analysis against gold sets, as ``shared/gold/GUIDELINES.md`` defines them.

A gold set is a folder with ``mentions.csv`` (article_id, actor, count) and
``quotes.jsonl`` (article_id, kind, text, speaker, cue, stances), and
optionally its articles (``articles/``) and its outcome file
(``outcomes.yml``). The scorer reads any gold set in that format; each set is
counted as a `Tally`, so that several sets pool into one figure.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

STANCE_LABELS = ("favor", "against", "neutral")
MATCH_THRESHOLD = 0.5
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)


def load_gold(gold_dir: str | Path) -> tuple[pd.DataFrame, list[dict]]:
    """The gold mention counts and gold quotes of ``gold_dir``."""
    gold_dir = Path(gold_dir)
    mentions_path, quotes_path = gold_dir / "mentions.csv", gold_dir / "quotes.jsonl"
    if not mentions_path.exists() and not quotes_path.exists():
        raise FileNotFoundError(f"{gold_dir}: no mentions.csv or quotes.jsonl, so not a gold set")
    mentions = pd.read_csv(mentions_path, dtype={"article_id": str}, keep_default_na=False) if mentions_path.exists() else pd.DataFrame(columns=["article_id", "actor", "count"])
    quotes = []
    if quotes_path.exists():
        for line in quotes_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                quotes.append(json.loads(line))
    return mentions, quotes


def gold_article_ids(mentions: pd.DataFrame, quotes: list[dict]) -> list[str]:
    """The articles a gold set covers."""
    return sorted(set(mentions["article_id"].astype(str)) | {q["article_id"] for q in quotes})


def normalise(text: str) -> list[str]:
    """Scoring tokens: lowercase, punctuation and quote marks removed, whitespace folded."""
    return _PUNCT.sub(" ", (text or "").lower()).split()


def token_f1(a: str, b: str) -> float:
    """Token-overlap F1 of two texts after `normalise`."""
    ta, tb = Counter(normalise(a)), Counter(normalise(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    precision, recall = common / sum(ta.values()), common / sum(tb.values())
    return 2 * precision * recall / (precision + recall)


def match_quotes(system: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one matches (system index, gold index) of the same article with text F1 >= 0.5, best first."""
    candidates = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            if s["article_id"] == g["article_id"]:
                f1 = token_f1(s["text"], g["text"])
                if f1 >= MATCH_THRESHOLD:
                    candidates.append((f1, i, j))
    used_s, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def prf(tp: int, n_system: int, n_gold: int) -> dict:
    """Precision, recall and F1 from counts."""
    p = tp / n_system if n_system else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "system": n_system, "gold": n_gold, "matched": tp}


def _surname(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name or "")
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    words = normalise(folded)
    return words[-1] if words else ""


def speaker_correct(system: str | None, gold: str | None) -> bool:
    """The guidelines' speaker rule: same surname, or one name's words within the other's."""
    if not gold:
        return not system
    if not system:
        return False
    if _surname(system) == _surname(gold):
        return True
    ws, wg = set(normalise(system)), set(normalise(gold))
    return bool(ws) and bool(wg) and (ws <= wg or wg <= ws)


def macro_f1(pairs: list[tuple[str, str | None]]) -> dict:
    """Macro-F1 over favor/against/neutral of (gold label, predicted label or None) pairs."""
    scores = {}
    for label in STANCE_LABELS:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        predicted = sum(1 for _, p in pairs if p == label)
        gold = sum(1 for g, _ in pairs if g == label)
        scores[label] = prf(tp, predicted, gold)["f1"]
    present = [label for label in STANCE_LABELS if any(g == label for g, _ in pairs)]
    macro = sum(scores[label] for label in present) / len(present) if present else 0.0
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    return {"macro_f1": macro, "accuracy": accuracy, "per_label": scores, "pairs": len(pairs)}


@dataclass
class Tally:
    """What scoring one gold set counted, kept raw so that several sets pool into one score.

    Stance pairs are (gold label or None, system label or None) per (quote, outcome):
    ``end_to_end`` over every gold label (a missed quote or outcome is None),
    ``strict`` the same plus every outcome the system gave a matched quote and
    gold lacks (None, label), ``matched`` the gold labels of matched quotes,
    ``given`` the system's label when handed the gold outcome.
    """

    quotes: dict = field(default_factory=lambda: {k: [0, 0, 0] for k in QUOTE_KINDS})  # kind -> [matched, system, gold]
    speakers: list = field(default_factory=list)  # (right, pairs)
    end_to_end: list = field(default_factory=list)
    strict: list = field(default_factory=list)
    matched: list = field(default_factory=list)
    given: list = field(default_factory=list)
    outcomes: list = field(default_factory=lambda: [0, 0, 0])  # [both, system, gold] over matched quotes
    has_stances: bool = False
    mention_errors: list = field(default_factory=list)
    spurious_actors: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            quotes={k: [a + b for a, b in zip(self.quotes[k], other.quotes[k])] for k in QUOTE_KINDS},
            speakers=self.speakers + other.speakers,
            end_to_end=self.end_to_end + other.end_to_end, strict=self.strict + other.strict,
            matched=self.matched + other.matched, given=self.given + other.given,
            outcomes=[a + b for a, b in zip(self.outcomes, other.outcomes)],
            has_stances=self.has_stances or other.has_stances,
            mention_errors=self.mention_errors + other.mention_errors,
            spurious_actors=self.spurious_actors + other.spurious_actors,
        )


QUOTE_KINDS = ("direct", "indirect", "all")


def tally_quotes(system: list[dict], gold: list[dict], stances: dict[str, dict[str, str]] | None = None,
                 given: dict[tuple[str, str], str] | None = None) -> Tally:
    """Count quote matches, speakers and stance pairs of one gold set.

    ``system`` quotes need article_id, kind, text, speaker and quote_id;
    ``stances`` maps quote_id -> {outcome: label}; ``given`` maps
    (quote_id, outcome) -> the label the system gives when told the outcome.
    """
    tally = Tally(has_stances=stances is not None)
    for kind in ("direct", "indirect"):
        s = [q for q in system if q["kind"] == kind]
        g = [q for q in gold if q["kind"] == kind]
        tally.quotes[kind] = [len(match_quotes(s, g)), len(s), len(g)]
    pairs = match_quotes(system, gold)
    tally.quotes["all"] = [len(pairs), len(system), len(gold)]
    tally.speakers = [speaker_correct(system[i].get("speaker"), gold[j].get("speaker")) for i, j in pairs]
    if stances is None:
        return tally
    matched = {j: system[i] for i, j in pairs}
    for j, g in enumerate(gold):
        wanted = g.get("stances") or {}
        quote_id = matched[j]["quote_id"] if j in matched else None
        predicted = stances.get(quote_id, {}) if quote_id is not None else {}
        for outcome, label in wanted.items():
            pair = (label, predicted.get(outcome))
            tally.end_to_end.append(pair)
            tally.strict.append(pair)
            if quote_id is not None:
                tally.matched.append(pair)
                if given is not None:
                    tally.given.append((label, given.get((quote_id, outcome))))
        if quote_id is not None:
            extra = [(None, label) for outcome, label in predicted.items() if outcome not in wanted]
            tally.strict.extend(extra)
            both = sum(1 for outcome in wanted if outcome in predicted)
            tally.outcomes = [tally.outcomes[0] + both, tally.outcomes[1] + len(predicted), tally.outcomes[2] + len(wanted)]
    return tally


def confusion(pairs: list[tuple[str | None, str | None]]) -> dict[str, dict[str, int]]:
    """gold label -> system label -> count, with ``none`` for a missing label on either side."""
    names = (*STANCE_LABELS, "none")
    table = {g: {s: 0 for s in names} for g in names}
    for g, s in pairs:
        table[g or "none"][s or "none"] += 1
    return table


def scores_of(tally: Tally) -> dict:
    """The figures of a tally (one gold set, or several pooled)."""
    result = {kind: prf(*tally.quotes[kind]) for kind in QUOTE_KINDS}
    result["speaker_accuracy"] = sum(tally.speakers) / len(tally.speakers) if tally.speakers else 0.0
    if tally.has_stances:
        result["stance"] = macro_f1(tally.end_to_end)
        result["stance_strict"] = macro_f1(tally.strict)
        result["stance_matched"] = macro_f1(tally.matched)
        result["outcomes"] = prf(*tally.outcomes)
        if tally.given:
            result["stance_given"] = macro_f1(tally.given)
        result["confusion"] = confusion(tally.strict)
    result["mentions"] = _mention_figures(tally.mention_errors, tally.spurious_actors)
    return result


def _mention_figures(errors: list[int], spurious: int) -> dict:
    return {
        "mae": sum(errors) / len(errors) if errors else 0.0,
        "within_one": sum(e <= 1 for e in errors) / len(errors) if errors else 0.0,
        "rows": len(errors),
        "spurious": spurious,
    }


def score_quotes(system: list[dict], gold: list[dict], stances: dict[str, dict[str, str]] | None = None) -> dict:
    """Quote P/R/F1 (direct, indirect, all), speaker accuracy and stance scores of one gold set."""
    return scores_of(tally_quotes(system, gold, stances))


def tally_mentions(counts: pd.DataFrame, gold: pd.DataFrame) -> tuple[list[int], int]:
    """(absolute errors over the gold (article, actor) rows, actors the system counts there that gold lacks).

    ``counts`` has article_id, actor, count; only people are compared, as the
    gold counts only people.
    """
    sys_counts = counts.groupby(["article_id", "actor"])["count"].sum()
    gold_counts = gold.set_index(["article_id", "actor"])["count"]
    errors = [abs(int(n) - int(sys_counts.get(key, 0))) for key, n in gold_counts.items()]
    gold_keys = set(gold_counts.index)
    articles = set(gold["article_id"])
    spurious = [k for k in sys_counts.index if k[0] in articles and k not in gold_keys]
    return errors, len(spurious)


def score_mentions(counts: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Mean absolute error and share within one of gold over the gold (article, actor) rows, and the
    number of actors counted there that gold lacks (``spurious``)."""
    return _mention_figures(*tally_mentions(counts, gold))


def system_stances(tables: dict[str, pd.DataFrame]) -> dict[str, dict[str, str]] | None:
    """quote_id -> {outcome: label} of an analysis's ``stances`` table (None without one)."""
    if "stances" not in tables:
        return None
    stances: dict[str, dict[str, str]] = {}
    for row in tables["stances"].to_dict("records"):
        stances.setdefault(row["quote_id"], {})[row["outcome"]] = row["stance"]
    return stances


def tally_analysis(tables: dict[str, pd.DataFrame], gold_dir: str | Path,
                   given: dict[tuple[str, str], str] | None = None) -> Tally:
    """Everything scoring an analysis's tables against the gold set in ``gold_dir`` counts."""
    gold_mentions, gold_quotes = load_gold(gold_dir)
    quotes = tables["quotes"].fillna("").to_dict("records")
    tally = tally_quotes(quotes, gold_quotes, system_stances(tables), given)
    counts = tables["actor_counts"]
    if "kind" in counts:
        counts = counts[counts["kind"] == "person"]
    tally.mention_errors, tally.spurious_actors = tally_mentions(counts, gold_mentions)
    return tally


def score_analysis(tables: dict[str, pd.DataFrame], gold_dir: str | Path) -> dict:
    """All scores of an analysis's tables against the gold set in ``gold_dir``."""
    return scores_of(tally_analysis(tables, gold_dir))


def format_scores(scores: dict) -> str:
    """The scores as a plain-text table for a terminal."""
    lines = [f"{'measure':<38}{'value':>8}   detail"]

    def add(name, value, detail=""):
        lines.append(f"{name:<38}{value:>8.3f}   {detail}")

    def labels(st):
        return " ".join(f"{k}={v:.3f}" for k, v in st["per_label"].items())

    for kind in QUOTE_KINDS:
        s = scores[kind]
        add(f"quotes {kind} F1", s["f1"], f"P={s['precision']:.3f} R={s['recall']:.3f} (system {s['system']}, gold {s['gold']}, matched {s['matched']})")
    add("speaker accuracy (matched quotes)", scores["speaker_accuracy"])
    if "stance" in scores:
        st = scores["stance_strict"]
        add("stance macro-F1 strict (headline)", st["macro_f1"], f"{labels(st)}; spurious outcomes count")
        st = scores["stance"]
        add("stance macro-F1 (end to end)", st["macro_f1"], f"{labels(st)} ({st['pairs']} gold stances)")
        sm = scores["stance_matched"]
        add("stance macro-F1 (matched quotes)", sm["macro_f1"], f"accuracy={sm['accuracy']:.3f} ({sm['pairs']} gold stances)")
        if "stance_given" in scores:
            sg = scores["stance_given"]
            add("stance macro-F1 (gold outcome given)", sg["macro_f1"], f"accuracy={sg['accuracy']:.3f}: the label alone")
        o = scores["outcomes"]
        add("outcome F1 (matched quotes)", o["f1"], f"P={o['precision']:.3f} R={o['recall']:.3f} (system {o['system']}, gold {o['gold']})")
    m = scores["mentions"]
    add("mentions MAE", m["mae"], f"over {m['rows']} gold (article, actor) rows; {m['spurious']} actors not in gold")
    add("mentions within one of gold", m["within_one"])
    if "confusion" in scores:
        names = list(scores["confusion"])
        lines.append("confusion (rows gold, columns system; strict pairs)")
        lines.append(f"{'':>12}" + "".join(f"{n:>9}" for n in names))
        for g in names:
            lines.append(f"{g:>12}" + "".join(f"{scores['confusion'][g][s]:>9}" for s in names))
    return "\n".join(lines)


# --------------------------------------------------------------------------- running an analysis on gold sets

@dataclass
class GoldSet:
    """A gold folder, where its articles are, and the outcome file its stance labels use."""

    folder: Path
    articles: Path
    outcomes: Path | None


def gold_set(folder: str | Path, default_articles: str | Path, default_outcomes: str | Path | None = None) -> GoldSet:
    """The gold set in ``folder``: its own ``articles/`` and ``outcomes.yml`` where it has them (its
    labels use that file's keys), else ``default_articles`` and ``default_outcomes``."""
    folder = Path(folder)
    articles = folder / "articles" if (folder / "articles").is_dir() else Path(default_articles)
    outcomes = folder / "outcomes.yml" if (folder / "outcomes.yml").is_file() else default_outcomes
    return GoldSet(folder, articles, Path(outcomes) if outcomes else None)


def given_labels(docs: dict, tables: dict[str, pd.DataFrame], gold_quotes: list[dict], outcomes, stance_cues) -> dict[tuple[str, str], str]:
    """(quote_id, outcome) -> the system's label for each gold outcome of each matched quote, the outcome given.

    ``docs`` maps article_id -> the parsed article.
    """
    from .stance import stances_given

    quotes = tables["quotes"].to_dict("records")
    labels = {}
    for i, j in match_quotes(quotes, gold_quotes):
        keys = list(gold_quotes[j].get("stances") or {})
        doc = docs.get(quotes[i]["article_id"])
        if keys and doc is not None:
            for row in stances_given(doc, quotes[i], keys, outcomes, stance_cues):
                labels[(row["quote_id"], row["outcome"])] = row["stance"]
    return labels
