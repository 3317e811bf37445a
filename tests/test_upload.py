"""An upload's limits and the worker processes it is analysed in (app_pages/uploads.py)."""
from __future__ import annotations

import os
import time

import pytest

from analytics.corpus import Article
from app_pages import uploads

STRIKE = ("Union leader Grace Okafor said on Monday that the strike would continue. "
          "\"We will not back down,\" Okafor said.")
ROWS = (("strike", STRIKE, "", "", "", "", "strike.txt"),)


# Stand-ins for `uploads.analyse_rows`, run in the workers (so defined at module level, importable there).
# They read their instructions from the registry text, which they do not need.

def sleepy(rows, registry_text, outcomes_text, progress):
    """Sleeps ``float(registry_text)`` seconds, then reports every article parsed."""
    time.sleep(float(registry_text))
    progress(len(rows))
    return {"articles": len(rows)}


def failing(rows, registry_text, outcomes_text, progress):
    raise ValueError("no outcome named 'tariffs'")


def dying(rows, registry_text, outcomes_text, progress):
    """The worker ends at once, as when the system kills it for its memory."""
    time.sleep(float(registry_text))
    os._exit(9)


@pytest.fixture
def made(monkeypatch):
    """Makes `uploads.Workers` and ends their processes after the test."""
    made: list[uploads.Workers] = []

    def make(**kwargs) -> uploads.Workers:
        made.append(uploads.Workers(**kwargs))
        return made[-1]

    yield make
    for workers in made:
        workers.close()


def until(condition, seconds=15.0):
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def test_a_file_over_the_total_is_named_and_the_files_that_fit_are_kept(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 1_000)
    taken, left_out = uploads.choose_files([("merger.txt", 600), ("election.csv", 500), ("strike.txt", 300)])
    assert taken == [0, 2]  # the third still fits after the second was left out
    assert [name for name, _ in left_out] == ["election.csv"]
    assert "in all" in left_out[0][1] and "on its own" in left_out[0][1]


def test_a_file_over_the_file_limit_or_past_the_file_count_is_named(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILES", 2)
    files = [("a.txt", 10), ("huge.txt", uploads.MAX_FILE_BYTES + 1), ("b.txt", 10), ("c.txt", 10)]
    taken, left_out = uploads.choose_files(files)
    assert taken == [0, 2]
    assert dict(left_out).keys() == {"huge.txt", "c.txt"}
    assert "larger than" in dict(left_out)["huge.txt"] and "more than 2 files" in dict(left_out)["c.txt"]


def test_an_article_over_the_length_limit_is_named_with_the_reason_and_the_others_kept(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ARTICLE_CHARS", 100)
    articles = [Article("short", "The strike ended.", file="wire.csv"), Article("long", "x" * 101, file="wire.csv"),
                Article("pasted", "y" * 100)]
    kept, left_out = uploads.drop_long_articles(articles)
    assert [a.article_id for a in kept] == ["short", "pasted"]
    (name, reason), = left_out
    assert name == "wire.csv (article long)"
    assert "101 characters" in reason and "memory" in reason and "split" in reason


def test_an_upload_is_analysed_in_a_worker_process_not_in_the_server(made):
    from analytics.actors import DEFAULT_REGISTRY
    from analytics.outcomes import DEFAULT_OUTCOMES

    workers = made(at_once=1)
    seen = []
    ticket = workers.submit("strike", ROWS, DEFAULT_REGISTRY.read_text(encoding="utf-8"),
                            DEFAULT_OUTCOMES.read_text(encoding="utf-8"))
    pid, tables = workers.wait(ticket, seen.append)
    assert pid != os.getpid()
    assert list(tables["quotes"]["speaker"]) == ["Grace Okafor", "Grace Okafor"]
    assert set(tables["articles"]["article_id"]) == {"strike"}


def test_an_analysis_waits_its_turn_and_is_told_how_many_are_before_it(made):
    workers = made(at_once=1, waiting=1, task=sleepy)
    first = workers.submit("first", ROWS, "3", "")
    until(lambda: workers.status(first).started)
    second = workers.submit("second", ROWS * 2, "1", "")
    waiting = workers.status(second)
    assert not waiting.started and waiting.ahead == 1
    assert "Waiting for 1 other analysis" in waiting.message() and "1 run at a time" in waiting.message()
    with pytest.raises(uploads.UploadError, match="busy"):  # one running, one waiting: as many as it takes
        workers.submit("third", ROWS, "0", "")
    assert workers.submit("second", ROWS * 2, "1", "") is second  # the same content is not queued twice
    shown = []
    assert workers.wait(second, shown.append)[1] == {"articles": 2}
    assert first.done.done()  # the second ran after the first
    assert any(s.ahead == 1 for s in shown) and any(s.started for s in shown)


def test_a_failing_analysis_reports_its_error(made):
    workers = made(at_once=1, task=sleepy)
    ticket = workers.submit("good", ROWS, "0", "")
    workers.task = failing  # a later task; the first was handed over with `sleepy`
    failed = workers.submit("worse", ROWS, "0", "")
    assert workers.wait(ticket)[1] == {"articles": 1}
    with pytest.raises(uploads.UploadError, match="The analysis failed: ValueError: no outcome named 'tariffs'"):
        workers.wait(failed)


def test_a_dead_worker_is_reported_and_the_analysis_waiting_behind_it_still_runs(made):
    workers = made(at_once=1, task=dying)
    started = time.monotonic()
    killed = workers.submit("killed", ROWS, "1", "")
    until(lambda: workers.status(killed).started)
    workers.task = sleepy
    behind = workers.submit("behind", ROWS, "0", "")
    with pytest.raises(uploads.UploadError, match="stopped before it finished.*memory"):
        workers.wait(killed)
    assert workers.wait(behind)[1] == {"articles": 1}  # handed to a new worker
    again = workers.submit("again", ROWS, "0", "")
    assert workers.wait(again)[1] == {"articles": 1}
    # A liveness guard, not a speed target: a worker that hangs would never hand over; a busy machine is slow.
    assert time.monotonic() - started < 120
