"""Scores of an analysis against a gold set, as ``shared/gold/GUIDELINES.md`` defines them.

A gold set is a folder with ``mentions.csv`` (article_id, actor, count) and
``quotes.jsonl`` (article_id, kind, text, speaker, cue, stances). The
scorer reads any gold set in that format.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
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
    mentions = pd.read_csv(mentions_path) if mentions_path.exists() else pd.DataFrame(columns=["article_id", "actor", "count"])
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


def score_quotes(system: list[dict], gold: list[dict], stances: dict[str, dict[str, str]] | None = None) -> dict:
    """Quote P/R/F1 (direct, indirect, all), speaker accuracy and stance scores.

    ``system`` quotes need article_id, kind, text, speaker and quote_id;
    ``stances`` maps quote_id -> {outcome: label}.
    """
    result = {}
    for kind in ("direct", "indirect"):
        s = [q for q in system if q["kind"] == kind]
        g = [q for q in gold if q["kind"] == kind]
        result[kind] = prf(len(match_quotes(s, g)), len(s), len(g))
    pairs = match_quotes(system, gold)
    result["all"] = prf(len(pairs), len(system), len(gold))
    right = sum(1 for i, j in pairs if speaker_correct(system[i].get("speaker"), gold[j].get("speaker")))
    result["speaker_accuracy"] = right / len(pairs) if pairs else 0.0
    if stances is not None:
        matched = {j: system[i] for i, j in pairs}
        end_to_end, matched_only = [], []
        found = total = 0
        for j, g in enumerate(gold):
            predicted = stances.get(matched[j]["quote_id"], {}) if j in matched else {}
            for outcome, label in (g.get("stances") or {}).items():
                pair = (label, predicted.get(outcome))
                end_to_end.append(pair)
                if j in matched:
                    matched_only.append(pair)
                    total += 1
                    found += outcome in predicted
        result["stance"] = macro_f1(end_to_end)
        result["stance_matched"] = macro_f1(matched_only)
        result["stance_outcome_recall"] = found / total if total else 0.0
    return result


def score_mentions(counts: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Mean absolute error and share within one of gold, over the gold (article, actor) rows.

    ``counts`` has article_id, actor, count (only people are compared, as the
    gold counts only people). Actors the system counts in those articles
    but gold lacks are reported as ``spurious``.
    """
    sys_counts = counts.groupby(["article_id", "actor"])["count"].sum()
    gold_counts = gold.set_index(["article_id", "actor"])["count"]
    errors = [abs(int(n) - int(sys_counts.get(key, 0))) for key, n in gold_counts.items()]
    gold_keys = set(gold_counts.index)
    articles = set(gold["article_id"])
    spurious = [k for k in sys_counts.index if k[0] in articles and k not in gold_keys]
    return {
        "mae": sum(errors) / len(errors) if errors else 0.0,
        "within_one": sum(e <= 1 for e in errors) / len(errors) if errors else 0.0,
        "rows": len(errors),
        "spurious": len(spurious),
    }


def score_analysis(tables: dict[str, pd.DataFrame], gold_dir: str | Path) -> dict:
    """All scores of an analysis's tables against the gold set in ``gold_dir``."""
    gold_mentions, gold_quotes = load_gold(gold_dir)
    quotes = tables["quotes"].fillna("").to_dict("records")
    stances = None
    if "stances" in tables:
        stances = {}
        for row in tables["stances"].to_dict("records"):
            stances.setdefault(row["quote_id"], {})[row["outcome"]] = row["stance"]
    counts = tables["actor_counts"]
    if "kind" in counts:
        counts = counts[counts["kind"] == "person"]
    scores = score_quotes(quotes, gold_quotes, stances)
    scores["mentions"] = score_mentions(counts, gold_mentions)
    return scores


def format_scores(scores: dict) -> str:
    """The scores as a plain-text table for a terminal."""
    lines = [f"{'measure':<34}{'value':>8}   detail"]

    def add(name, value, detail=""):
        lines.append(f"{name:<34}{value:>8.3f}   {detail}")

    for kind in ("direct", "indirect", "all"):
        s = scores[kind]
        add(f"quotes {kind} F1", s["f1"], f"P={s['precision']:.3f} R={s['recall']:.3f} (system {s['system']}, gold {s['gold']}, matched {s['matched']})")
    add("speaker accuracy (matched quotes)", scores["speaker_accuracy"])
    if "stance" in scores:
        st = scores["stance"]
        add("stance macro-F1 (end to end)", st["macro_f1"], " ".join(f"{k}={v:.3f}" for k, v in st["per_label"].items()) + f" ({st['pairs']} gold stances)")
        sm = scores["stance_matched"]
        add("stance macro-F1 (matched quotes)", sm["macro_f1"], f"accuracy={sm['accuracy']:.3f} ({sm['pairs']} gold stances)")
        add("stance outcome found (matched)", scores["stance_outcome_recall"])
    m = scores["mentions"]
    add("mentions MAE", m["mae"], f"over {m['rows']} gold (article, actor) rows; {m['spurious']} actors not in gold")
    add("mentions within one of gold", m["within_one"])
    return "\n".join(lines)
