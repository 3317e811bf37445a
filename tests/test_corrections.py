"""An analyst's corrections: which quote each names, what they change, the file, and the gold they export."""
import json
import zipfile
import io

import pandas as pd
import pytest

from analytics import corrections as cx
from analytics.corrected import corrected_store
from analytics.export import write_tables
from analytics.store import Filters, Store, stance_by_speaker_outcome

PIER = ("Harbour talks stall\n\n"
        "Union leader Ana Lima said on Monday that the strike would go on. "
        "\"We will not accept a wage freeze,\" Lima said.\n"
        "Port director Ben Okafor said the strike must end.\n")


def quote_row(qid, aid, text, start, speaker="", kind="direct"):
    return {"quote_id": qid, "article_id": aid, "kind": kind, "text": text, "speaker": speaker, "speaker_text": speaker,
            "cue": "said", "start": start, "end": start + len(text), "sentence": 0, "paragraph": 0}


def stance_row(qid, aid, speaker, outcome, stance, score):
    return {"quote_id": qid, "article_id": aid, "speaker": speaker, "outcome": outcome, "found_by": "named",
            "stance": stance, "score": score, "evidence": "cue"}


@pytest.fixture
def tables():
    t1, t2, t3 = "the strike would go on", "We will not accept a wage freeze,", "the strike must end"
    quotes = pd.DataFrame([
        quote_row("pier-q001", "pier", t1, PIER.index(t1), "Ana Lima", "indirect"),
        quote_row("pier-q002", "pier", t2, PIER.index(t2), "Ana Lima"),
        quote_row("pier-q003", "pier", t3, PIER.index(t3), "Ana Lima", "indirect"),  # wrongly given to Lima
        quote_row("dock-q001", "dock", "No deal today.", 10, "Ben Okafor"),
    ])
    stances = pd.DataFrame([
        stance_row("pier-q001", "pier", "Ana Lima", "strike", "favor", 0.6),
        stance_row("pier-q002", "pier", "Ana Lima", "pay_deal", "against", -0.7),
        stance_row("pier-q002", "pier", "Ana Lima", "strike", "neutral", 0.0),
        stance_row("pier-q003", "pier", "Ana Lima", "strike", "favor", 0.2),
        stance_row("dock-q001", "dock", "Ben Okafor", "pay_deal", "against", -0.5),
    ])
    articles = pd.DataFrame([
        {"article_id": "pier", "title": "Harbour talks stall", "source": "Wire", "date": "2025-03-01", "url": "",
         "file": "pier.txt", "words": 30, "sentences": 4, "paragraphs": 3, "mentions": 4, "quotes": 3},
        {"article_id": "dock", "title": "Dock", "source": "Post", "date": "2025-03-02", "url": "", "file": "dock.txt",
         "words": 3, "sentences": 1, "paragraphs": 1, "mentions": 1, "quotes": 1},
    ])
    return {"quotes": quotes, "stances": stances, "articles": articles}


def record(tables, qid, **judged):
    quote = tables["quotes"].set_index("quote_id").loc[qid].to_dict() | {"quote_id": qid}
    return cx.correction_of(quote, **judged)


def test_a_corrected_speaker_is_the_quotes_and_its_stances(tables):
    fixed, matches = cx.apply_corrections(tables, [record(tables, "pier-q003", speaker="Ben Okafor")])
    assert matches[0].how == "exact"
    q = fixed["quotes"].set_index("quote_id")
    assert q.at["pier-q003", "speaker"] == "Ben Okafor" and q.at["pier-q001", "speaker"] == "Ana Lima"
    s = fixed["stances"]
    assert s.loc[s["quote_id"] == "pier-q003", "speaker"].tolist() == ["Ben Okafor"]
    assert (tables["quotes"].set_index("quote_id").at["pier-q003", "speaker"]) == "Ana Lima"  # the input is not changed


def test_corrected_stances_relabel_add_and_remove_outcomes(tables):
    fixed, _ = cx.apply_corrections(tables, [record(tables, "pier-q002", stances={"strike": "against", "union": "favor"})])
    rows = fixed["stances"][fixed["stances"]["quote_id"] == "pier-q002"]
    assert rows[["outcome", "stance", "score"]].values.tolist() == [["strike", "against", -1.0], ["union", "favor", 1.0]]
    assert rows["found_by"].tolist() == ["named", "analyst"]
    assert rows["evidence"].iloc[0].startswith("analyst: against (system: neutral)")
    assert len(fixed["stances"]) == len(tables["stances"])  # pay_deal removed, union added
    # The other quotes' rows are as they were, in their order.
    assert fixed["stances"]["quote_id"].tolist() == ["pier-q001", "pier-q002", "pier-q002", "pier-q003", "dock-q001"]


def test_not_a_quote_removes_it_with_its_stances_and_from_the_articles_count(tables):
    fixed, _ = cx.apply_corrections(tables, [record(tables, "pier-q002", not_quote=True)])
    assert "pier-q002" not in set(fixed["quotes"]["quote_id"]) and "pier-q002" not in set(fixed["stances"]["quote_id"])
    assert fixed["articles"].set_index("article_id")["quotes"].to_dict() == {"pier": 2, "dock": 1}


def test_a_correction_survives_moved_offsets_and_reports_what_no_longer_matches(tables):
    moved = dict(record(tables, "pier-q003", speaker="Ben Okafor"), start=3, end=22)  # the rules moved the span
    recased = dict(record(tables, "pier-q002", not_quote=True), text="we will NOT accept a wage freeze", start=0, end=0)
    gone = dict(record(tables, "pier-q001", speaker="X"), text="words no quote has")
    elsewhere = dict(record(tables, "dock-q001", speaker="Y"), article_id="no-such-article")
    matches = cx.match_corrections([moved, recased, gone, elsewhere], tables["quotes"])
    assert [(m.quote_id, m.how) for m in matches] == [("pier-q003", "moved"), ("pier-q002", "normalised"),
                                                      (None, "unmatched"), (None, "unmatched")]
    assert cx.unmatched([moved, recased, gone, elsewhere], matches) == [gone, elsewhere]


def test_the_same_text_twice_goes_to_the_quote_nearest_the_old_place():
    quotes = pd.DataFrame([quote_row("a-q001", "a", "No.", 10), quote_row("a-q002", "a", "No.", 200)])
    near_second = {"article_id": "a", "start": 190, "end": 193, "text": "No."}
    assert cx.match_corrections([near_second], quotes)[0].quote_id == "a-q002"


def test_later_corrections_of_a_quote_win(tables):
    first = record(tables, "pier-q003", speaker="Ben Okafor", stances={})
    second = record(tables, "pier-q003", speaker="Ana Lima")
    fixed, _ = cx.apply_corrections(tables, [first, second])
    assert fixed["quotes"].set_index("quote_id").at["pier-q003", "speaker"] == "Ana Lima"
    assert "pier-q003" not in set(fixed["stances"]["quote_id"])  # the first one's stances still hold
    assert cx.with_correction([first], second) == [second]


def test_the_file_round_trips_and_bad_lines_are_named(tables):
    records = [record(tables, "pier-q002", stances={"strike": "against"}), record(tables, "dock-q001", not_quote=True)]
    assert cx.read_corrections(cx.corrections_jsonl(records) + "\n") == records
    with pytest.raises(cx.CorrectionError, match="line 2"):
        cx.read_corrections(cx.corrections_jsonl(records[:1]) + '{"article_id": "a", "text": "x"}\n')
    with pytest.raises(cx.CorrectionError, match="line 1.*favor"):
        cx.read_corrections(json.dumps(dict(records[0], stances={"strike": "maybe"})))
    with pytest.raises(cx.CorrectionError, match="line 1: not JSON"):
        cx.read_corrections("{oops")


def test_gold_files_hold_the_corrected_quotes_in_the_guidelines_format(tables):
    records = [record(tables, "pier-q003", speaker="Ben Okafor", stances={"strike": "against"}),
               record(tables, "pier-q002", not_quote=True)]
    fixed, matches = cx.apply_corrections(tables, records)
    fixed["actor_counts"] = pd.DataFrame([{"article_id": "pier", "actor": "Ana Lima", "kind": "person", "count": 2},
                                          {"article_id": "pier", "actor": "Port", "kind": "organisation", "count": 1},
                                          {"article_id": "dock", "actor": "Ben Okafor", "kind": "person", "count": 1}])
    ids = cx.corrected_articles(records, matches)
    assert ids == ["pier"]
    files = cx.gold_files(fixed, ids, [{"article_id": "pier", "text": PIER, "title": "T"}], "outcomes: []\n")
    gold = [json.loads(line) for line in files["quotes.jsonl"].decode().splitlines()]
    assert [g["text"] for g in gold] == ["the strike would go on", "the strike must end"]
    assert gold[1] == {"article_id": "pier", "kind": "indirect", "text": "the strike must end", "speaker": "Ben Okafor",
                       "cue": "said", "stances": {"strike": "against"}}
    assert pd.read_csv(io.BytesIO(files["mentions.csv"])).to_dict("records") == [
        {"article_id": "pier", "actor": "Ana Lima", "count": 2}]
    assert json.loads(files["articles/articles.jsonl"])["text"] == PIER
    with zipfile.ZipFile(io.BytesIO(cx.zip_files(files))) as archive:
        assert sorted(archive.namelist()) == ["gold/articles/articles.jsonl", "gold/mentions.csv", "gold/outcomes.yml",
                                              "gold/quotes.jsonl"]


@pytest.fixture(params=["memory", "parquet"])
def base(request, tables, tmp_path):
    from analytics.positions import position_changes

    full = dict(tables, position_changes=position_changes(tables["stances"], tables["articles"]))
    if request.param == "memory":
        return Store.from_tables(full)
    write_tables(full, tmp_path)
    return Store.from_parquet(tmp_path)


def test_a_corrected_store_counts_the_corrections_and_leaves_the_store_it_was_given(base, tables):
    before = stance_by_speaker_outcome(base, Filters())
    records = [record(tables, "pier-q003", speaker="Ben Okafor", stances={"strike": "against"})]
    fixed, matches = corrected_store(base, records)
    assert matches[0].quote_id == "pier-q003"
    cells = stance_by_speaker_outcome(fixed, Filters()).set_index(["speaker", "outcome"])
    assert cells.at[("Ben Okafor", "strike"), "against"] == 1
    assert cells.at[("Ana Lima", "strike"), "quotes"] == 2
    pd.testing.assert_frame_equal(stance_by_speaker_outcome(base, Filters()), before)
    assert fixed.value("SELECT COUNT(*) FROM quotes") == 4 and fixed.value("SELECT COUNT(*) FROM articles") == 2


def test_a_corrected_store_recomputes_the_position_changes_it_touches(base, tables):
    # Okafor against pay_deal on 03-02; saying he favoured it on 03-01 is a change of mind.
    records = [record(tables, "pier-q002", speaker="Ben Okafor", stances={"pay_deal": "favor"})]
    assert base.value("SELECT COUNT(*) FROM position_changes WHERE speaker = 'Ben Okafor'") == 0
    fixed, _ = corrected_store(base, records)
    changes = fixed.query("SELECT * FROM position_changes WHERE speaker = 'Ben Okafor'")
    assert changes[["outcome", "from_stance", "from_quote_id", "to_stance", "to_quote_id"]].values.tolist() == [
        ["pay_deal", "favor", "pier-q002", "against", "dock-q001"]]


def test_a_store_without_matching_corrections_is_the_store_itself(base, tables):
    gone = dict(record(tables, "pier-q001", speaker="X"), text="nothing like it")
    fixed, matches = corrected_store(base, [gone])
    assert fixed is base and matches[0].quote_id is None


HARBOUR_OUTCOMES = """outcomes:
  - key: strike
    label: Dock strike
    description: the dock workers' strike going on
    terms: [strike, walkout]
  - key: pay_deal
    label: Pay deal
    description: the port's pay offer being accepted
    terms: [pay offer, pay deal]
"""

HARBOUR = [
    ("quay", "Dock strike enters second week\n\n"
             "Union leader Maria Okonkwo said on Monday that the strike would continue until the pay offer improved.\n"
             "\"We reject this pay offer, it is an insult,\" Okonkwo said.\n"
             "Port director Henrik Aalto said the walkout was hurting everyone and urged workers to accept the pay deal.\n"),
    ("berth", "Talks resume at the port\n\n"
              "Henrik Aalto told reporters that a pay deal was close.\n"
              "\"The strike must end this week,\" Aalto said.\n"),
]


def test_an_exported_gold_set_scores_the_system_against_the_analysts_judgement(tmp_path, nlp, registry, capsys):
    from analytics.__main__ import main
    from analytics.build import analyse_corpus
    from analytics.corpus import Article
    from analytics.outcomes import parse_outcomes

    articles = [Article(aid, text, title=text.splitlines()[0]) for aid, text in HARBOUR]
    tables = analyse_corpus(articles, nlp, registry, parse_outcomes(HARBOUR_OUTCOMES)).tables
    assert len(tables["quotes"]) >= 4 and len(tables["stances"]) >= 3
    rows = [{"article_id": a.article_id, "text": a.text, "title": a.title} for a in articles]

    def scores(records, name):
        fixed, matches = cx.apply_corrections(tables, records)
        ids = cx.corrected_articles(records, matches) if records else [a.article_id for a in articles]
        folder = tmp_path / name
        for path, data in cx.gold_files(fixed, ids, rows, HARBOUR_OUTCOMES).items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(data)
        capsys.readouterr()
        assert main(["evaluate", str(folder), "--json", "--no-cache"]) == 0
        return json.loads(capsys.readouterr().out)[str(folder)]

    same = scores([], "as-is")  # the system's own output as gold: every figure is perfect
    assert same["all"]["f1"] == 1.0 and same["speaker_accuracy"] == 1.0 and same["stance_strict"]["macro_f1"] == 1.0
    quotes = tables["quotes"].to_dict("records")
    first_stance = tables["stances"].iloc[0]
    flipped = "against" if first_stance["stance"] != "against" else "favor"
    quote = next(q for q in quotes if q["quote_id"] == first_stance["quote_id"])
    wrong = next(q for q in quotes if q["article_id"] == "quay" and q["quote_id"] != quote["quote_id"])
    records = [cx.correction_of(quote, stances={first_stance["outcome"]: flipped}),
               cx.correction_of(wrong, not_quote=True)]
    judged = scores(records, "corrected")
    assert judged["all"]["precision"] < 1.0 and judged["all"]["recall"] == 1.0  # the system still finds the non-quote
    assert judged["stance_strict"]["macro_f1"] < 1.0  # and still gives the label the analyst changed
