"""Where the analysis runs: in this process, in local processes, or on a Dask cluster.

Every engine runs the same plan over chunks of articles:

1. ``scan_chunk``: parse a chunk (through the parse cache) and return the
   full names of people it mentions, with its parsed documents as DocBin
   bytes;
2. reduce: the registry plus the people the whole corpus names
   (`actors.Registry.with_people`), computed where the build runs;
3. ``analyse_chunk``: one chunk's rows (articles, mentions, quotes,
   stances) from its parsed documents, handed on as soon as it is done;
4. reduce: the corpus tables (`build.assemble_tables` or `build.reduce_parts`), done by the caller.

Both steps that touch text are pure functions of a chunk, the reduced
registry and the configuration, and chunks are put back in their order, so
every engine writes the same tables. Parsed chunks wait between the two
passes where their worker is: on local disk for the local engines, in the
Dask worker's memory (which Dask spills to disk) for a cluster; the driver
never holds the parsed corpus.
"""
from __future__ import annotations

import multiprocessing
import os
import tempfile
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from .actors import Registry
from .corpus import Article
from .export import remove_stale

if TYPE_CHECKING:
    from spacy.language import Language

ENGINES = ("local", "dask")
DASK_CONFIG = Path(__file__).resolve().parent.parent / "data" / "dask"  # worker settings, also for clusters started by hand
DEFAULT_CHUNK = 32  # articles per task: small enough to balance two workers on a few hundred articles

Rows = dict[str, list[dict]]
SCHEDULER_TIMEOUT = "15s"


class EngineError(RuntimeError):
    """The chosen engine cannot run (no Dask installed, no scheduler at the address)."""


@dataclass(frozen=True)
class Job:
    """What every task needs besides its articles; small and picklable, so it travels with each task."""

    model: str | None = None  # a spaCy package name; None: `parse.load_model`'s default
    cache_dir: str | None = None  # the parse cache on the worker's disk; None: no cache
    batch_size: int = 32
    outcomes: tuple | None = None  # None: no stance table
    lexicon: object = None  # a `stance.Lexicon`; None: data/outcomes.yml's cues


# Per process: a worker's model and the parse cache, each made once.
_WORKER: dict = {}


def _worker_model(job: Job) -> Language:
    """The model of a worker that was handed none: ``job.model``, loaded once per process."""
    key = ("nlp", job.model)
    if key not in _WORKER:
        from .parse import load_model

        _WORKER[key] = load_model(job.model)
    return _WORKER[key]


def _cache(job: Job, nlp: Language):
    if job.cache_dir is None:
        return None
    key = ("cache", job.cache_dir, id(nlp))
    if key not in _WORKER:
        from .parse import ParseCache

        _WORKER[key] = ParseCache(job.cache_dir, nlp)
    return _WORKER[key]


def _adopt_model(nlp: Language, job: Job) -> None:
    """Start a forked worker with the model its parent was given: it inherits it, never loading it again."""
    _WORKER[("nlp", job.model)] = nlp


def scan_chunk(articles: list[Article], job: Job, nlp: Language | None = None) -> tuple[list[list[str]], bytes]:
    """Parse ``articles`` with ``nlp`` (None: the worker's model): (the full person names each one
    mentions, their Docs as DocBin bytes)."""
    from .mentions import person_candidates
    from .parse import doc_bin, parse_texts

    nlp = _worker_model(job) if nlp is None else nlp
    docs = parse_texts(nlp, [a.text for a in articles], _cache(job, nlp), job.batch_size)
    parsed = doc_bin(docs)
    return [person_candidates(doc) for doc in docs], parsed.to_bytes()


def analyse_chunk(articles: list[Article], scanned, registry: Registry, job: Job,
                  nlp: Language | None = None) -> Rows:
    """The rows of ``articles`` (tables ``articles``, ``mentions``, ``quotes``, ``stances``).

    ``scanned`` is what `scan_chunk` returned for them, or a path to a file
    holding its DocBin bytes; ``nlp`` the model that parsed them (None: the
    worker's model).
    """
    from spacy.tokens import DocBin

    from .mentions import cached_ruler
    from .pipeline import analyse_doc, article_row

    nlp = _worker_model(job) if nlp is None else nlp
    data = Path(scanned).read_bytes() if isinstance(scanned, (str, Path)) else scanned[1]
    docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    ruler = cached_ruler(nlp.vocab, registry)
    outcomes = list(job.outcomes) if job.outcomes is not None else None
    rows: Rows = {"articles": [], "mentions": [], "quotes": [], "stances": []}
    for doc, article in zip(docs, articles):
        found = analyse_doc(doc, article, registry, ruler, outcomes, job.lexicon)
        rows["articles"].append(article_row(doc, article, found))
        for name, part in found.items():
            rows[name].extend(part)
    return rows


def chunked(articles: list[Article], size: int) -> list[list[Article]]:
    size = max(1, size)
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def run(
    articles: list[Article],
    registry: Registry,
    job: Job,
    nlp: Language | None = None,
    engine: str = "local",
    processes: int = 1,
    scheduler: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    progress: Callable[[int], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[tuple[int, Rows]]:
    """Run the plan; yields (chunk number, rows) as chunks finish, in any order.

    ``engine`` "local" runs in this process (``processes`` 1) or in
    ``processes`` forked processes, parsing with ``nlp`` (the forked
    processes inherit it; None: ``job.model`` is loaded here); "dask" on the
    cluster at ``scheduler``, or on a `LocalCluster` of ``processes`` workers
    started for the run, whose workers each load ``job.model`` (a model is
    not sent over the network, so ``nlp`` is not used there).
    ``progress(n)`` is called as articles are parsed, ``warn(message)`` about
    a cluster's workers set up in a way that slows them down.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    chunks = chunked(articles, chunk_size)
    if not chunks:
        return iter(())
    if engine == "dask":
        return _run_dask(chunks, registry, job, processes, scheduler, progress, warn)
    if nlp is None:
        from .parse import load_model

        nlp = load_model(job.model)
    if processes > 1 and len(chunks) > 1 and "fork" in multiprocessing.get_all_start_methods():
        return _run_processes(chunks, registry, job, nlp, processes, progress)
    return _run_here(chunks, registry, job, nlp, progress)


def _run_here(chunks, registry, job, nlp, progress) -> Iterator[tuple[int, Rows]]:
    with _spool_folder() as spool:
        paths, names = [], []
        for i, chunk in enumerate(chunks):
            found, data = scan_chunk(chunk, job, nlp)
            paths.append(_spool(spool, i, data))
            names.extend(n for article in found for n in article)
            if progress:
                progress(len(chunk))
        full = registry.with_people(names)
        for i, chunk in enumerate(chunks):
            yield i, analyse_chunk(chunk, paths[i], full, job, nlp)


# Tasks per worker the forked engine aims at: with whole chunks (five of 32 articles on two workers) one
# worker runs three while the other idles after two.
PIECES_PER_WORKER = 4


def _pieces(chunks: list[list[Article]], processes: int) -> list[tuple[int, list[Article]]]:
    """(chunk number, articles) tasks: each chunk cut into equal pieces small enough to balance the workers."""
    total = sum(len(chunk) for chunk in chunks)
    size = max(1, -(-total // (processes * PIECES_PER_WORKER)))
    tasks = []
    for i, chunk in enumerate(chunks):
        count = -(-len(chunk) // size)
        tasks.extend((i, piece) for piece in chunked(chunk, -(-len(chunk) // count)))
    return tasks


def _run_processes(chunks, registry, job, nlp, processes, progress) -> Iterator[tuple[int, Rows]]:
    # Forked workers inherit ``nlp`` from this process's memory (a forked process's arguments are not
    # pickled): the model is never loaded twice, and tasks use it as their worker's model. Tasks are
    # pieces of chunks; a chunk's rows are those of its pieces in order, so the tables (and their
    # parts, one per chunk) are those of one process.
    tasks = _pieces(chunks, processes)
    context = multiprocessing.get_context("fork")
    with _spool_folder() as spool, \
            ProcessPoolExecutor(min(processes, len(tasks)), mp_context=context,
                                initializer=_adopt_model, initargs=(nlp, job)) as pool:
        paths, names = [None] * len(tasks), [None] * len(tasks)
        pending = {pool.submit(scan_chunk, piece, job): t for t, (_, piece) in enumerate(tasks)}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                t = pending.pop(future)
                names[t], data = future.result()
                paths[t] = _spool(spool, t, data)
                if progress:
                    progress(len(tasks[t][1]))
        full = registry.with_people(n for found in names for article in found for n in article)
        parts: dict[int, Rows] = {}
        left = {i: 0 for i, _ in tasks}
        for i, _ in tasks:
            left[i] += 1
        pending = {pool.submit(analyse_chunk, piece, paths[t], full, job): t for t, (_, piece) in enumerate(tasks)}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                t = pending.pop(future)
                parts[t] = future.result()
                i = tasks[t][0]
                left[i] -= 1
                if not left[i]:
                    mine = [parts.pop(n) for n in range(len(tasks)) if tasks[n][0] == i]
                    yield i, {name: [row for part in mine for row in part[name]] for name in mine[0]}


SPOOL_PREFIX = "analytics-parsed-"


def _spool_folder() -> tempfile.TemporaryDirectory:
    """A folder in $TMPDIR for the parsed chunks between the two passes, named after this process, so
    that the next build can remove those of a build that was killed (`export.remove_stale`)."""
    remove_stale(tempfile.gettempdir(), SPOOL_PREFIX)
    return tempfile.TemporaryDirectory(prefix=f"{SPOOL_PREFIX}{os.getpid()}-")


def _spool(folder: str, i: int, data: bytes) -> Path:
    path = Path(folder) / f"chunk-{i:06d}.spacy"
    path.write_bytes(data)
    return path


def _run_dask(chunks, registry, job, processes, scheduler, progress, warn) -> Iterator[tuple[int, Rows]]:
    from operator import itemgetter

    try:
        from distributed import Client, as_completed
    except ImportError as err:
        raise EngineError(f"--engine dask needs Dask: pip install -r requirements.txt ({err})") from err

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as err:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    else:
        cluster = local_cluster(processes if processes > 1 else (os.cpu_count() or 1))
        client = Client(cluster)
    try:
        if scheduler and warn:
            for message in worker_warnings(client):
                warn(message)
        scans = client.map(scan_chunk, chunks, job=job, pure=False)
        name_futures = client.map(itemgetter(0), scans, pure=False)
        index = {future.key: i for i, future in enumerate(name_futures)}
        names = [None] * len(chunks)
        for future, found in as_completed(name_futures, with_results=True):
            names[index[future.key]] = found
            if progress:
                progress(len(chunks[index[future.key]]))
        del name_futures
        full = registry.with_people(n for found in names for article in found for n in article)
        shared = client.scatter(full, broadcast=True)
        # Each chunk is analysed where it was parsed: its Docs never cross the network.
        results = client.map(analyse_chunk, chunks, scans, registry=shared, job=job, pure=False)
        index = {future.key: i for i, future in enumerate(results)}
        for future, rows in as_completed(results, with_results=True):
            i = index[future.key]
            scans[i] = None  # the parsed chunk can go
            future.release()
            yield i, rows
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dask_settings(folder: Path = DASK_CONFIG) -> dict:
    """The Dask settings of ``folder``'s YAML files, as dotted keys for ``dask.config.set``."""
    import yaml

    flat: dict = {}

    def walk(prefix: str, value) -> None:
        # An empty mapping is a value of its own (`environ: {}`), not a level to descend into.
        if isinstance(value, dict) and value:
            for key, inner in value.items():
                walk(f"{prefix}.{key}", inner)
        else:
            flat[prefix] = value

    for path in sorted(Path(folder).glob("*.y*ml")):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            walk(str(key), value)
    return flat


def local_cluster(workers: int):
    """A `distributed.LocalCluster` of ``workers`` one-thread worker processes with `dask_settings`."""
    import dask
    from distributed import LocalCluster

    # Workers read the settings as they are spawned, so they need to be in force only while starting.
    with dask.config.set(dask_settings()):
        # One thread per worker: a spaCy pipeline is not made for concurrent use, and processes share no GIL.
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=40)


def _trim_threshold() -> str | None:
    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


def worker_warnings(client) -> list[str]:
    """What slows the cluster's workers down that `dask_settings` would have avoided."""
    trims = client.run(_trim_threshold)
    slowed = sorted(address for address, value in trims.items() if value)
    if not slowed:
        return []
    return [f"{len(slowed)} of {len(trims)} Dask workers run with MALLOC_TRIM_THRESHOLD_ set (Dask's default), "
            f"which makes parsing about 30 % slower; start them with DASK_CONFIG={DASK_CONFIG}"]
