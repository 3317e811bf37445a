"""Co-occurrence windows and association measures."""
from __future__ import annotations

import pandas as pd

from analytics.cooccurrence import cooccurrence, npmi


def mentions(rows):
    return pd.DataFrame(rows, columns=["article_id", "actor", "sentence", "paragraph"])


def pair(table, a, b, window):
    hit = table[(table.actor_a == a) & (table.actor_b == b) & (table.window == window)]
    return hit.iloc[0] if len(hit) else None


def test_windows_count_shared_sentences_paragraphs_and_articles():
    table = cooccurrence(mentions([
        ("a1", "Ann", 0, 0), ("a1", "Bob", 0, 0),   # same sentence
        ("a1", "Ann", 1, 0), ("a1", "Cy", 2, 0),    # same paragraph, other sentences
        ("a2", "Bob", 0, 0), ("a2", "Cy", 5, 3),    # same article only
    ]))
    assert pair(table, "Ann", "Bob", "sentence")["count"] == 1
    assert pair(table, "Ann", "Cy", "sentence") is None
    assert pair(table, "Ann", "Cy", "paragraph")["count"] == 1
    assert pair(table, "Bob", "Cy", "paragraph")["count"] == 1  # a1 only: in a2 their paragraphs differ
    bob_cy = pair(table, "Bob", "Cy", "article")
    assert bob_cy["count"] == 2 and bob_cy["articles"] == 2
    ann_bob = pair(table, "Ann", "Bob", "article")
    assert ann_bob["count"] == 1 and ann_bob["articles"] == 1


def test_pairs_are_ordered_and_repeated_mentions_in_a_window_count_once():
    table = cooccurrence(mentions([("a", "Zoe", 0, 0), ("a", "Adam", 0, 0), ("a", "Zoe", 0, 0)]))
    row = pair(table, "Adam", "Zoe", "sentence")
    assert row["count"] == 1 and (table.actor_a < table.actor_b).all()


def test_association_does_not_just_rank_the_most_frequent_pair_first():
    rows = []
    # A frequent pair that is together only by the weight of numbers ...
    for i in range(40):
        rows.append(("a", "Big1", i, i))
        rows.append(("a", "Big2", i + 40, i + 40))
    for i in range(10):
        rows.append(("a", "Big1", 100 + i, 100 + i))
        rows.append(("a", "Big2", 100 + i, 100 + i))
    # ... and a rare pair that always appears together.
    for i in range(3):
        rows.append(("a", "Rare1", 200 + i, 200 + i))
        rows.append(("a", "Rare2", 200 + i, 200 + i))
    table = cooccurrence(mentions(rows))
    big, rare = pair(table, "Big1", "Big2", "sentence"), pair(table, "Rare1", "Rare2", "sentence")
    assert big["count"] > rare["count"]
    assert rare["jaccard"] > big["jaccard"] and rare["npmi"] > big["npmi"]
    assert rare["jaccard"] == 1.0


def test_npmi_is_zero_for_independence_and_one_for_always_together():
    assert abs(npmi(25, 50, 50, 100)) < 1e-9
    assert npmi(10, 10, 10, 100) == 1.0


def test_empty_mentions_give_an_empty_table_with_columns():
    table = cooccurrence(mentions([]))
    assert table.empty and "npmi" in table.columns
