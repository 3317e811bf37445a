"""An upload's analysis: the limits it is held to, and the worker processes it runs in.

A visitor's upload is parsed and analysed in a worker process, never in the
Streamlit server: the server's threads only wait for it, so no other
visitor's page is held up (a parse in a server thread would hold the GIL
that every session's reruns need). At most `MAX_ANALYSES` run at once, each
in a worker of its own that loads the model once; further analyses wait in
line, first come first served, and are told how many are before them;
beyond `MAX_WAITING` waiting an upload is refused with a message instead of
an ever longer wait.

An analysis runs to its end even when its visitor leaves the page (a
running parse is not interrupted); the same content handed over again
meanwhile joins it instead of queueing twice.

No Streamlit here: the workers import this module (it imports nothing heavy
until a worker needs it), and the limits are plain functions.
"""
from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import queue
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    import pandas as pd

    from analytics.corpus import Article

MB = 2**20
MAX_FILES = 200  # files per analysis: a visitor with more has a corpus for `build`, not for an upload
MAX_FILE_BYTES = 20 * MB  # per file: Streamlit's own limit, server.maxUploadSize in .streamlit/config.toml
# All files of one analysis together: the analysis takes about 50 s per MB of text on a 2-core server
# (README, bench/long_article.py), so 20 MB keeps one analysis under about 20 minutes.
MAX_UPLOAD_BYTES = 20 * MB
# One article: its parsed document and rows stay in memory while it is analysed, about 1.7 GB at
# 0.5 MB and growing with its length (9.3 GB at 5 MB, README). Longer texts are a corpus pasted into one file.
MAX_ARTICLE_CHARS = 500_000
MAX_ANALYSES = 2  # at once, each a process on a core of its own with up to ~2 GB: sized for a 2-core server
MAX_WAITING = 8  # in line behind those; each holds its texts in the server's memory while it waits
UPLOAD_CHUNK = 8  # articles parsed between two steps of the progress bar (the tables do not depend on it)
POLL_SECONDS = 0.3  # how often a waiting page refreshes its message


_log = logging.getLogger(__name__)


class UploadError(RuntimeError):
    """An analysis that could not run or did not finish; the message says why, for the visitor."""


def megabytes(size: int) -> str:
    return f"{size / MB:.1f} MB"


def choose_files(files: list[tuple[str, int]]) -> tuple[list[int], list[tuple[str, str]]]:
    """Which of ``files`` ((name, size in bytes), in upload order) one analysis takes: (their positions,
    the (name, reason) of each file left out).

    A file is left out past `MAX_FILES`, when it is larger than `MAX_FILE_BYTES`, or when it would take
    the analysis past `MAX_UPLOAD_BYTES` in all; a later, smaller file may still fit.
    """
    taken, left_out, total = [], [], 0
    for position, (name, size) in enumerate(files):
        if len(taken) >= MAX_FILES:
            left_out.append((name, f"more than {MAX_FILES} files in one analysis"))
        elif size > MAX_FILE_BYTES:
            left_out.append((name, f"{megabytes(size)}, larger than the {MAX_FILE_BYTES / MB:g} MB a file may have"))
        elif total + size > MAX_UPLOAD_BYTES:
            left_out.append((name, f"{megabytes(size)} would take this analysis past {MAX_UPLOAD_BYTES / MB:g} MB "
                                   f"in all (it already has {megabytes(total)}); analyse it on its own"))
        else:
            taken.append(position)
            total += size
    return taken, left_out


def drop_long_articles(articles: list[Article]) -> tuple[list[Article], list[tuple[str, str]]]:
    """(the articles of at most `MAX_ARTICLE_CHARS` characters, the (name, reason) of each longer one)."""
    kept, left_out = [], []
    for article in articles:
        if len(article.text) <= MAX_ARTICLE_CHARS:
            kept.append(article)
            continue
        name = f"{article.file} (article {article.article_id})" if article.file else article.article_id
        left_out.append((name, f"{len(article.text):,} characters, more than the {MAX_ARTICLE_CHARS:,} an article "
                               "may have here: analysing it would take more memory than this server gives one "
                               "analysis; split it into articles"))
    return kept, left_out


# --- In a worker process ---------------------------------------------------------

_WORKER: dict = {}  # per worker process: the model, and the queue its events go to


def analyse_rows(rows: tuple[tuple[str, ...], ...], registry_text: str, outcomes_text: str,
                 progress: Callable[[int], None] | None = None, nlp=None) -> dict[str, pd.DataFrame]:
    """The analysis tables of ``rows`` (`state.as_rows`), parsed through the parse cache by ``nlp``
    (None: this process's model, loaded once); ``progress(n)`` as articles are parsed."""
    from analytics.actors import parse_registry
    from analytics.build import analyse_corpus
    from analytics.corpus import Article
    from analytics.outcomes import parse_outcomes, stance_cues_for
    from analytics.parse import ParseCache, default_cache_dir, load_model

    if nlp is None:
        if "nlp" not in _WORKER:
            _WORKER["nlp"] = load_model()
        nlp = _WORKER["nlp"]
    return analyse_corpus(
        [Article(*row) for row in rows], nlp, parse_registry(registry_text), parse_outcomes(outcomes_text),
        cache=ParseCache(default_cache_dir(), nlp), lexicon=stance_cues_for(outcomes_text), progress=progress,
        chunk_size=UPLOAD_CHUNK,
    ).tables


def _start_worker(events) -> None:
    _WORKER["events"] = events


def _run(task: Callable, number: int, *args):
    """What a worker runs for analysis ``number``: (this process's id, ``task(*args, progress=...)``)."""
    events = _WORKER["events"]
    events.put((number, "started", os.getpid()))
    return os.getpid(), task(*args, progress=lambda n: events.put((number, "parsed", n)))


# --- In the server -----------------------------------------------------------------

@dataclass
class Ticket:
    """One analysis handed to the workers, as the page waiting for it sees it."""

    number: int  # in the order analyses arrived
    key: str  # names its content: the same content on its way twice is analysed once
    total: int  # articles
    args: tuple = field(repr=False)
    done: Future = field(default_factory=Future, repr=False)  # (worker pid, tables), or an UploadError
    pid: int | None = None  # the worker's, once it started
    parsed: int = 0
    retried: bool = False


@dataclass(frozen=True)
class Status:
    ahead: int  # analyses that arrived before this one and are not finished
    started: bool
    parsed: int
    total: int
    at_once: int

    def message(self) -> str:
        """What the waiting visitor reads."""
        if not self.started and self.ahead >= self.at_once:
            other = "analysis" if self.ahead == 1 else "analyses"
            return (f"Waiting for {self.ahead} other {other} that came before yours "
                    f"(at most {self.at_once} run at a time); yours starts as soon as a worker is free.")
        if not self.started:
            return "Starting a worker for your analysis…"
        if self.parsed < self.total:
            return f"Parsed {self.parsed} of {self.total} articles"
        return "Finding mentions, quotes and stances…"


class Workers:
    """A pool of `at_once` worker processes (started with 'spawn': the server's threads are never
    forked) running ``task`` (`analyse_rows`; tests give a slow or failing one), one analysis each."""

    def __init__(self, at_once: int = MAX_ANALYSES, waiting: int = MAX_WAITING, task: Callable = analyse_rows):
        self.at_once, self.waiting, self.task = at_once, waiting, task
        # Re-entrant: a future already finished when it is handed over (its pool broke meanwhile) runs its
        # callback, which takes the lock, in the thread that holds it.
        self._lock = threading.RLock()
        self._numbers = itertools.count(1)
        self._open: dict[int, Ticket] = {}  # arrived, not finished, in arrival order
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, key: str, rows: tuple, registry_text: str, outcomes_text: str) -> Ticket:
        """Hand an analysis to the workers (or join the same content already on its way).

        Raises UploadError when `MAX_WAITING` analyses already wait.
        """
        with self._lock:
            for ticket in self._open.values():
                if ticket.key == key:
                    return ticket
            if len(self._open) >= self.at_once + self.waiting:
                raise UploadError(f"The server is busy: {len(self._open)} analyses are running or waiting, as many "
                                  "as it takes at once. Nothing was analysed; try again in a few minutes.")
            ticket = Ticket(next(self._numbers), key, len(rows), (rows, registry_text, outcomes_text))
            self._open[ticket.number] = ticket
            self._hand_over(ticket)
        return ticket

    def status(self, ticket: Ticket) -> Status:
        with self._lock:
            ahead = sum(1 for number in self._open if number < ticket.number)
        return Status(ahead, ticket.pid is not None, ticket.parsed, ticket.total, self.at_once)

    def wait(self, ticket: Ticket, show: Callable[[Status], None] | None = None):
        """(the worker's process id, the tables) of ``ticket``, calling ``show`` with its status meanwhile.

        Raises UploadError when the analysis failed or its worker died.
        """
        while True:
            try:
                return ticket.done.result(timeout=POLL_SECONDS)
            except TimeoutError:
                if show:
                    show(self.status(ticket))

    def close(self) -> None:
        """End the worker processes (analyses not yet finished fail)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _hand_over(self, ticket: Ticket) -> None:
        # Under self._lock. A pool that broke (a worker died) is replaced by a new one.
        if self._pool is None:
            events = multiprocessing.get_context("spawn").Queue()
            self._pool = ProcessPoolExecutor(self.at_once, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker, initargs=(events,))
            threading.Thread(target=self._listen, args=(events, self._pool), daemon=True,
                             name="upload-events").start()
        try:
            future = self._pool.submit(_run, self.task, ticket.number, *ticket.args)
        except BrokenProcessPool:  # a worker died since the last analysis: a new pool takes this one
            self._pool = None
            return self._hand_over(ticket)
        future.add_done_callback(lambda f, pool=self._pool: self._finished(ticket, f, pool))

    def _listen(self, events, pool: ProcessPoolExecutor) -> None:
        """Note what the workers of ``pool`` report (an analysis started, articles parsed) until it is replaced."""
        while self._pool is pool or not events.empty():
            try:
                number, what, value = events.get(timeout=1)
            except queue.Empty:
                continue
            except (EOFError, OSError, ValueError):  # a worker died while writing
                return
            ticket = self._open.get(number)
            if ticket is None:
                continue
            if what == "started":
                ticket.pid = value
            else:
                ticket.parsed += value

    def _finished(self, ticket: Ticket, future: Future, pool: ProcessPoolExecutor) -> None:
        error = future.exception()
        if isinstance(error, BrokenProcessPool):
            with self._lock:
                if self._pool is pool:
                    self._pool = None  # the next analysis starts a new pool (the broken one ends its workers)
            if ticket.pid is None and not ticket.retried:
                # It was waiting when another analysis's worker died: it did not cause it, so it goes again.
                ticket.retried = True
                threading.Thread(target=self._again, args=(ticket,), daemon=True).start()
                return
        with self._lock:
            self._open.pop(ticket.number, None)
        if isinstance(error, BrokenProcessPool):
            ticket.done.set_exception(UploadError(
                "The worker process analysing these articles stopped before it finished, most likely because "
                "it ran out of memory. Nothing of this analysis was kept; try fewer or shorter articles."))
        elif error is not None:
            _log.error("analysis %s failed", ticket.number, exc_info=error)
            message = UploadError(f"The analysis failed: {type(error).__name__}: {error}")
            message.__cause__ = error
            ticket.done.set_exception(message)
        else:
            ticket.done.set_result(future.result())

    def _again(self, ticket: Ticket) -> None:
        with self._lock:
            self._hand_over(ticket)
