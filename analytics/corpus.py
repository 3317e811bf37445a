"""Reading a corpus of news articles from disk.

A corpus is a folder of ``.txt`` files (with an optional ``manifest.csv``), or
one ``.csv`` / ``.jsonl`` file with a ``text`` column. Reading never stops at
the first bad file: each file or row that cannot be used is reported in
``Corpus.skipped`` with its reason and the rest is returned.

Texts are kept exactly as written (offsets in every table point into them);
only NUL bytes are removed, and lone surrogates (which no file or parser can
hold) become U+FFFD, one for one, with a warning.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .wrapping import unwrap

MANIFEST = "manifest.csv"

_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Article:
    """One article: its text and what is known about it."""

    article_id: str
    text: str
    title: str = ""
    source: str = ""
    date: str = ""
    url: str = ""
    file: str = ""

    def __post_init__(self) -> None:
        # A lone surrogate cannot be encoded, so no parser or file can hold it: each one becomes U+FFFD,
        # one character for one, so every offset into the text stays true.
        for name in ("text", "title", "source", "date", "url", "article_id"):
            value = getattr(self, name)
            if isinstance(value, str) and _SURROGATE_RE.search(value):
                object.__setattr__(self, name, _SURROGATE_RE.sub(REPLACEMENT, value))


@dataclass
class Corpus:
    """Articles read from an input, the inputs skipped, and warnings."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    warnings: list[str] = field(default_factory=list)


class CorpusError(ValueError):
    """The input as a whole cannot be read (not one bad file: that is skipped)."""


def clean_text(text: str, where: str = "", warnings: list[str] | None = None) -> str:
    """Return ``text`` without NUL bytes, lone surrogates as U+FFFD, newlines as ``\\n``, and the line breaks
    of a hard-wrapped text as spaces (`analytics.wrapping.unwrap`).

    With ``warnings``, a surrogate count and an unwrapping are reported there under ``where``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    found = len(_SURROGATE_RE.findall(text))
    if found and warnings is not None:
        warnings.append(f"{where}: {found} lone surrogate character{'s' * (found > 1)} replaced by U+FFFD")
    text, unwrapped = unwrap(text)
    if unwrapped and warnings is not None:
        warnings.append(f"{where}: hard-wrapped; {unwrapped} line breaks inside paragraphs read as spaces")
    return _SURROGATE_RE.sub(REPLACEMENT, text)


def decode_bytes(data: bytes, name: str) -> tuple[str | None, str | None]:
    """Decode a file's bytes. Returns ``(text, warning)`` or ``(None, reason)``.

    UTF-8 first; text in another encoding is read as cp1252 (latin-1 where
    cp1252 has no character) with a warning. Empty and binary files give a
    reason instead of a text.
    """
    if not data.strip():
        return None, "empty file"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "binary file (contains NUL bytes), not text"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    warning = f"{name}: not UTF-8, read as cp1252/latin-1"
    if _looks_binary(text):
        return None, "binary file, not text"
    return text, warning


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    odd = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return odd > len(sample) * 0.05


def derive_title(text: str, limit: int = 90) -> str:
    """A title from the article's first sentence, cut at a word to ``limit`` chars."""
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    sentence = re.split(r"(?<=[.!?])\s", first_line, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


def load_corpus(path: str | Path) -> Corpus:
    """Read a corpus from a folder of ``.txt`` files, a ``.csv`` or a ``.jsonl`` file.

    Raises CorpusError when the input as a whole is unusable (missing path,
    a CSV without a ``text`` column); bad files and rows are skipped and
    listed in ``Corpus.skipped``.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.is_dir():
        corpus = _read_folder(path)
    elif path.suffix.lower() == ".csv":
        corpus = read_table_bytes(path.read_bytes(), path.name, "csv")
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        corpus = read_table_bytes(path.read_bytes(), path.name, "jsonl")
    elif path.suffix.lower() == ".txt":
        corpus = corpus_from_files([(path.name, path.read_bytes())])
    else:
        raise CorpusError(f"{path}: expected a folder of .txt files, a .csv or a .jsonl file")
    return _finish(corpus)


def corpus_from_files(files: list[tuple[str, bytes]], manifest: list[dict] | None = None) -> Corpus:
    """Build a corpus from ``(file name, bytes)`` pairs, as uploaded or read.

    ``.csv`` and ``.jsonl`` files contribute one article per row; ``.txt``
    files one article each, described by the matching ``manifest`` row.
    """
    corpus = Corpus()
    by_file = {row.get("file") or f"{row.get('article_id')}.txt": row for row in manifest or []}
    for name, data in files:
        suffix = Path(name).suffix.lower()
        if suffix in (".csv", ".jsonl", ".ndjson"):
            try:
                part = read_table_bytes(data, name, "csv" if suffix == ".csv" else "jsonl")
            except CorpusError as err:
                corpus.skipped.append((name, str(err)))
                continue
            _merge(corpus, part)
            continue
        text, problem = decode_bytes(data, name)
        if text is None:
            corpus.skipped.append((name, problem))
            continue
        if problem:
            corpus.warnings.append(problem)
        text = clean_text(text, name, corpus.warnings)
        if not text.strip():
            corpus.skipped.append((name, "no text after removing control characters"))
            continue
        meta = by_file.get(name, {})
        corpus.articles.append(
            Article(
                article_id=(meta.get("article_id") or Path(name).stem).strip(),
                text=text,
                title=(meta.get("title") or "").strip(),
                source=(meta.get("source") or "").strip(),
                date=(meta.get("date") or "").strip(),
                url=(meta.get("url") or "").strip(),
                file=name,
            )
        )
    return _finish(corpus)


def _read_folder(folder: Path) -> Corpus:
    manifest, problems = _read_manifest(folder / MANIFEST)
    files = []
    listed = {row.get("file") for row in manifest if row.get("file")}
    for name in sorted(listed):
        if not (folder / name).is_file():
            problems.append(f"{MANIFEST} names {name}, which is not in {folder}")
    for p in sorted(folder.iterdir()):
        if p.is_file() and p.suffix.lower() in (".txt", ".csv", ".jsonl", ".ndjson") and p.name != MANIFEST:
            files.append((p.name, p.read_bytes()))
    if not files:
        raise CorpusError(f"{folder}: no .txt, .csv or .jsonl files in this folder")
    corpus = corpus_from_files(files, manifest)
    corpus.warnings[:0] = problems
    return corpus


def _read_manifest(path: Path) -> tuple[list[dict], list[str]]:
    if not path.exists():
        return [], []
    text, problem = decode_bytes(path.read_bytes(), path.name)
    if text is None:
        return [], [f"{path.name}: {problem}; ignored"]
    rows = list(csv.DictReader(io.StringIO(text)))
    return [{k.strip().lower(): (v or "") for k, v in row.items() if k} for row in rows], []


def read_table_bytes(data: bytes, name: str, fmt: str) -> Corpus:
    """Read a ``.csv`` or ``.jsonl`` corpus: one article per row with a ``text`` column.

    Rows without text, or that do not parse, are skipped with their line
    number. A table without a ``text`` column raises CorpusError naming the
    columns it has.
    """
    text, problem = decode_bytes(data, name)
    if text is None:
        raise CorpusError(f"{name}: {problem}")
    corpus = Corpus(warnings=[problem] if problem else [])
    rows: list[tuple[str, dict]] = []
    if fmt == "csv":
        csv.field_size_limit(1 << 30)
        reader = csv.DictReader(io.StringIO(text))
        columns = [c.strip().lower() for c in reader.fieldnames or [] if c]
        if "text" not in columns:
            raise CorpusError(f"{name}: no 'text' column; the columns are: {', '.join(columns) or '(none)'}")
        try:
            for i, row in enumerate(reader, start=2):
                if None in row:
                    corpus.skipped.append((f"{name} line {i}", "more fields than the header"))
                    continue
                rows.append((f"{name} line {i}", {k.strip().lower(): v or "" for k, v in row.items() if k}))
        except csv.Error as err:
            corpus.skipped.append((f"{name} line {reader.line_num}", f"CSV error: {err}; rest of file not read"))
    else:
        seen_columns: set[str] = set()
        for i, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                corpus.skipped.append((f"{name} line {i}", f"not valid JSON: {err.msg}"))
                continue
            except RecursionError:
                corpus.skipped.append((f"{name} line {i}", "JSON nested too deeply to read"))
                continue
            if not isinstance(obj, dict):
                corpus.skipped.append((f"{name} line {i}", "not a JSON object"))
                continue
            obj = {str(k).strip().lower(): v for k, v in obj.items()}
            seen_columns.update(obj)
            rows.append((f"{name} line {i}", obj))
        if rows and not any("text" in r for _, r in rows):
            raise CorpusError(f"{name}: no 'text' field; the fields are: {', '.join(sorted(seen_columns))}")
    stem = Path(name).stem
    for n, (where, row) in enumerate(rows, start=1):
        body = row.get("text")
        if not isinstance(body, str) or not body.strip():
            corpus.skipped.append((where, "no text in this row"))
            continue
        corpus.articles.append(
            Article(
                article_id=_str(row.get("article_id")) or f"{stem}-{n:04d}",
                text=clean_text(body, where, corpus.warnings),
                title=_str(row.get("title")),
                source=_str(row.get("source")),
                date=_str(row.get("date")),
                url=_str(row.get("url")),
                file=name,
            )
        )
    return corpus


def _str(value) -> str:
    return "" if value is None else str(value).strip()


def _merge(into: Corpus, part: Corpus) -> None:
    into.articles.extend(part.articles)
    into.skipped.extend(part.skipped)
    into.warnings.extend(part.warnings)


def _finish(corpus: Corpus) -> Corpus:
    """Give every article a title and a unique id: a repeated id gets the first ``~N`` suffix that no
    other article has, with one warning. Finishing a finished corpus changes nothing."""
    taken = {art.article_id for art in corpus.articles}
    seen: set[str] = set()
    finished = []
    for art in corpus.articles:
        article_id = art.article_id
        if article_id in seen:
            n = 2
            while f"{article_id}~{n}" in taken:
                n += 1
            new_id = f"{article_id}~{n}"
            corpus.warnings.append(f"duplicate article_id {article_id!r} ({art.file}); renamed {new_id!r}")
            taken.add(new_id)
            article_id = new_id
        seen.add(article_id)
        title = art.title or derive_title(art.text)
        finished.append(Article(article_id, art.text, title, art.source, art.date, art.url, art.file))
    corpus.articles = finished
    return corpus