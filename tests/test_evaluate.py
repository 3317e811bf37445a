"""The scorer follows the gold guidelines, and the analysis meets its targets on the seed gold."""
from __future__ import annotations

import pytest

from analytics.corpus import load_corpus
from analytics.evaluate import Tally, gold_set, macro_f1, match_quotes, score_analysis, score_quotes, scores_of, speaker_correct, tally_quotes, token_f1
from analytics.build import analyse_corpus
from analytics.outcomes import load_outcomes

from .conftest import GOLD, SEEDS


def test_token_f1_ignores_case_punctuation_and_quote_marks():
    assert token_f1("“We are ready!”", "we are READY") == 1.0
    assert token_f1("a b c d", "a b") == pytest.approx(2 / 3)


def test_quotes_match_one_to_one_within_an_article_at_half_overlap():
    system = [{"article_id": "a", "text": "the talks will resume"}, {"article_id": "a", "text": "the talks will resume soon"}]
    gold = [{"article_id": "a", "text": "the talks will resume soon"}, {"article_id": "b", "text": "the talks will resume"}]
    assert match_quotes(system, gold) == [(1, 0)]


@pytest.mark.parametrize("system, gold, right", [
    ("Wang Wentao", "Wang", True),
    ("Viktor Orban", "Viktor Orbán", True),
    ("Donald Trump", "Melania Trump", True),  # the guidelines compare surnames
    ("", None, True),
    ("Kremlin", None, False),
    ("", "Kremlin", False),
    ("Dmitry Peskov", "Yuri Ushakov", False),
])
def test_speaker_rule(system, gold, right):
    assert speaker_correct(system, gold) is right


def test_missed_stances_count_as_wrong():
    # favor is perfect (F1 1), against never found (F1 0): macro 0.5
    assert macro_f1([("favor", "favor"), ("against", None)])["macro_f1"] == pytest.approx(0.5)


@pytest.fixture(scope="module")
def seed_scores(nlp, registry):
    corpus = load_corpus(SEEDS)
    analysis = analyse_corpus(corpus.articles, nlp, registry, load_outcomes())
    return score_analysis(analysis.tables, GOLD)


@pytest.mark.skipif(not GOLD.exists(), reason="the seed gold set is not beside the repository")
def test_seed_gold_targets(seed_scores):
    assert seed_scores["direct"]["f1"] >= 0.95
    assert seed_scores["indirect"]["f1"] >= 0.80
    assert seed_scores["speaker_accuracy"] >= 0.95
    assert seed_scores["stance"]["macro_f1"] >= 0.75
    assert seed_scores["outcomes"]["recall"] >= 0.90
    assert seed_scores["mentions"]["within_one"] >= 0.95 and seed_scores["mentions"]["mae"] < 0.3


def _quote(article, text, stances=None, quote_id=None, kind="direct", speaker="Ana Ruiz"):
    row = {"article_id": article, "kind": kind, "text": text, "speaker": speaker}
    if stances is not None:
        row["stances"] = stances
    if quote_id:
        row["quote_id"] = quote_id
    return row


def test_strict_stance_counts_an_outcome_gold_lacks_as_a_false_positive():
    gold = [_quote("a", "the strike must go on until the offer improves", {"strike": "favor"})]
    system = [_quote("a", "the strike must go on until the offer improves", quote_id="q1")]
    exact = score_quotes(system, gold, {"q1": {"strike": "favor"}})
    padded = score_quotes(system, gold, {"q1": {"strike": "favor", "pay_offer": "favor"}})
    assert exact["stance_strict"]["macro_f1"] == 1.0
    assert padded["stance"]["macro_f1"] == 1.0  # end to end does not see the extra outcome
    assert padded["stance_strict"]["macro_f1"] < 1.0
    assert padded["outcomes"]["precision"] == 0.5 and padded["outcomes"]["recall"] == 1.0
    assert padded["confusion"]["none"]["favor"] == 1 and padded["confusion"]["favor"]["favor"] == 1


def test_two_gold_sets_pool_their_counts_not_their_averages():
    gold_a = [_quote("a", "we will vote for the merger", {"merger": "favor"})]
    gold_b = [_quote("b", f"point {i} against the tariff plan", {"tariffs": "against"}) for i in range(3)]
    sys_a = [_quote("a", "we will vote for the merger", quote_id="a1")]
    sys_b = [_quote("b", f"point {i} against the tariff plan", quote_id=f"b{i}") for i in range(3)]
    ta = tally_quotes(sys_a, gold_a, {"a1": {"merger": "favor"}})
    tb = tally_quotes(sys_b, gold_b, {"b0": {"tariffs": "favor"}})  # one found, wrongly; two missed
    pooled = scores_of(ta + tb)
    assert pooled["all"]["matched"] == 4 and pooled["all"]["gold"] == 4
    assert pooled["outcomes"]["gold"] == 4 and pooled["outcomes"]["matched"] == 2
    assert pooled["stance"]["pairs"] == 4
    assert scores_of(Tally() + ta)["stance"] == scores_of(ta)["stance"]


def test_the_label_with_the_gold_outcome_given_is_scored_apart():
    gold = [_quote("a", "the levy protects the atmosphere", {"border_tax": "favor"})]
    system = [_quote("a", "the levy protects the atmosphere", quote_id="q1")]
    tally = tally_quotes(system, gold, {"q1": {}}, given={("q1", "border_tax"): "favor"})
    scores = scores_of(tally)
    assert scores["stance"]["macro_f1"] == 0.0  # the outcome was missed
    assert scores["stance_given"]["macro_f1"] == 1.0  # but the label, once told, is right


def test_a_gold_set_brings_its_own_articles_and_outcomes(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "outcomes.yml").write_text("outcomes: []\n", encoding="utf-8")
    bare = tmp_path / "bare"
    bare.mkdir()
    own = gold_set(tmp_path, "data/articles", "mine.yml")
    assert own.articles == tmp_path / "articles" and own.outcomes == tmp_path / "outcomes.yml"
    fallback = gold_set(bare, "data/articles", None)
    assert str(fallback.articles) == "data/articles" and fallback.outcomes is None


def _tiny_gold_set(folder, article_id, text, quote, stances):
    import json

    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / f"{article_id}.txt").write_text(text, encoding="utf-8")
    (folder / "outcomes.yml").write_text(
        "outcomes:\n  - key: strike\n    label: Strike\n    description: the strike going ahead\n    terms: [strike, walkout]\n",
        encoding="utf-8")
    (folder / "mentions.csv").write_text(f"article_id,actor,count\n{article_id},Ana Ruiz,2\n", encoding="utf-8")
    row = {"article_id": article_id, "kind": "direct", "text": quote, "speaker": "Ana Ruiz", "cue": "said", "stances": stances}
    (folder / "quotes.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")


def test_evaluate_scores_several_gold_sets_and_pools_them(tmp_path):
    import json
    import subprocess
    import sys

    from .conftest import ROOT

    _tiny_gold_set(tmp_path / "one", "s1", 'Strike looms\n\n"We will strike on Monday," said union leader Ana Ruiz. Ruiz spoke in Lyon.\n',
                   "We will strike on Monday,", {"strike": "favor"})
    _tiny_gold_set(tmp_path / "two", "s2", 'Walkout called off\n\n"The walkout is a mistake," said Ana Ruiz, a rail manager. Ruiz left.\n',
                   "The walkout is a mistake,", {"strike": "against"})
    run = subprocess.run([sys.executable, "-m", "analytics", "evaluate", str(tmp_path / "one"), str(tmp_path / "two"),
                          "--json", "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    scores = json.loads(run.stdout)
    assert set(scores) == {str(tmp_path / "one"), str(tmp_path / "two"), "pooled"}
    assert scores["pooled"]["all"]["gold"] == 2
    for name in scores:
        assert {"stance_strict", "outcomes", "confusion", "stance_given"} <= set(scores[name])
    # each set was analysed with its own outcome file: the quotes are about its 'strike'
    assert scores[str(tmp_path / "one")]["outcomes"]["recall"] == 1.0


def test_the_readme_and_the_method_page_give_the_same_accuracy_figures():
    # The Method page reads data/evaluation/accuracy.csv; the README prints the same run as a table.
    import csv
    import re

    from .conftest import ROOT

    recorded = {(r["gold_set"], r["run"]): r for r in csv.DictReader(open(ROOT / "data" / "evaluation" / "accuracy.csv", encoding="utf-8"))}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Evaluate against gold sets"):readme.index("## The tables")]
    rows = [line for line in section.splitlines() if re.match(r"\| (seeds|dev/|pooled)", line)]
    assert len(rows) == len(recorded) == 8
    for line in rows:
        cells = [c.strip() for c in line.strip("|").split("|")]
        name = cells[0].split(" (")[0].split(",")[0]
        run = "before" if cells[0].endswith("before") else "after"
        row = recorded[(name, run)]
        f1, p, r = re.match(r"([\d.]+) \(([\d.]+) / ([\d.]+)\)", cells[6]).groups()
        assert [cells[1], cells[2], cells[3], cells[4], cells[5], f1, p, r, cells[7]] == [
            row["quotes_f1"], row["speaker_accuracy"], row["stance_strict"], row["stance_end_to_end"],
            row["label_outcome_given"], row["outcome_f1"], row["outcome_precision"], row["outcome_recall"],
            row["mentions_within_one"]], line
