"""Writing and reading tables safely.

CSV written here is safe to open in a spreadsheet: a text cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a
formula, so it gets a leading apostrophe (OWASP's rule for CSV injection).
A text cell that already starts with an apostrophe gets one more, so
`read_csv` can take exactly one off every such cell and a round trip loses
nothing. Numeric columns are left alone: ``-0.5`` stays a number.

Every file is written under a temporary name and renamed into place, so a
killed build never leaves a half-written table.
"""
from __future__ import annotations

import ctypes
import glob
import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Callable

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """``value`` made inert for a spreadsheet (strings only; see module docstring)."""
    if isinstance(value, str) and value and (value[0] in _FORMULA_START or value[0] == "'"):
        return "'" + value
    return value


def restore_cell(value):
    """Undo `neutralise_cell`."""
    if isinstance(value, str) and value.startswith("'"):
        return value[1:]
    return value


def neutralise(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` with every text cell neutralised."""
    out = table.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]) and not pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(neutralise_cell)
    return out


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """``table`` as spreadsheet-safe UTF-8 CSV bytes with a header row."""
    return neutralise(table).to_csv(index=False).encode("utf-8")


EXCEL_BOM = "\ufeff".encode("utf-8")  # how Excel on Windows tells a UTF-8 CSV from one in the local code page


def to_download_bytes(table: pd.DataFrame) -> bytes:
    """``table`` as `to_csv_bytes` with a UTF-8 byte-order mark in front: a download a spreadsheet opens as UTF-8."""
    return EXCEL_BOM + to_csv_bytes(table)


def read_csv(path_or_buffer, dtype=None) -> pd.DataFrame:
    """Read a CSV written by this module, undoing the neutralisation.

    Text stays text: ``NA`` or ``null`` in an article is not a missing value.
    Pass ``dtype=str`` to read every column as text.
    """
    # A row whose only cell is blank is a row: an empty or all-space quote is still a quote.
    table = pd.read_csv(path_or_buffer, keep_default_na=False, dtype=dtype, skip_blank_lines=False)
    for column in table.columns:
        if not pd.api.types.is_numeric_dtype(table[column]) and not pd.api.types.is_bool_dtype(table[column]):
            table[column] = table[column].map(restore_cell)
    return table


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


TABLE_SUFFIXES = (".csv", ".parquet")
PARQUET = "parquet"  # the folder of a build's Parquet tables: parquet/NAME/part-NNNNNN.parquet


def arrow_table(table: pd.DataFrame):
    """``table`` as an Arrow table whose types depend on its columns only, never on its rows.

    Numbers stay numbers; every other column is text, so an empty part or a
    part whose cells are all missing has the same schema as the others.
    """
    import pyarrow as pa

    fields = []
    for column in table.columns:
        dtype = table[column].dtype
        if pd.api.types.is_bool_dtype(dtype):
            kind = pa.bool_()
        elif pd.api.types.is_integer_dtype(dtype):
            kind = pa.int64()
        elif pd.api.types.is_float_dtype(dtype):
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(str(column), kind))
    return pa.Table.from_pandas(table, schema=pa.schema(fields), preserve_index=False)


def remove_stale(folder: str | Path, prefix: str) -> list[Path]:
    """Remove the folders ``folder/prefix<pid>-*`` that a process no longer running left behind (a killed
    build's staging or spool folder); a running process's are kept. Returns what was removed."""
    removed = []
    for path in Path(folder).glob(f"{glob.escape(prefix)}*"):
        pid = path.name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and _alive(int(pid)):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


class BuildWriter:
    """One build's output folder, written so that a build killed at any moment changes nothing.

    Everything goes into a staging folder beside ``out_dir``: Parquet parts
    as chunks of articles finish (`add_part`), then every table as CSV
    (spreadsheet-safe) and the remaining tables as Parquet (`finish`); the
    staging folder then takes the place of ``out_dir`` in one atomic
    exchange. A folder that holds files other than tables is not swapped:
    each CSV is then replaced on its own, still atomically, and so is the
    Parquet folder.
    """

    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir)
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        prefix = f".{self.out_dir.name}.staging-"
        remove_stale(self.out_dir.parent, prefix)
        self.staging = Path(tempfile.mkdtemp(dir=self.out_dir.parent, prefix=f"{prefix}{os.getpid()}-"))

    def part_path(self, name: str, index: int) -> Path:
        return self.staging / PARQUET / name / f"part-{index:06d}.parquet"

    def add_part(self, name: str, index: int, table: pd.DataFrame) -> None:
        """Write part ``index`` (a chunk of articles) of table ``name`` as Parquet."""
        import pyarrow.parquet as pq

        path = self.part_path(name, index)
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(arrow_table(table), path)

    def finish(self, tables: dict[str, pd.DataFrame]) -> list[Path]:
        """Write ``tables`` as CSV and Parquet, and every table written in parts as CSV; swap the folder in.

        A table written in parts becomes its CSV part by part, so it is never
        all in memory.
        """
        names = list(tables)
        for name, table in tables.items():
            (self.staging / f"{name}.csv").write_bytes(to_csv_bytes(table))
            if not (self.staging / PARQUET / name).exists():
                self.add_part(name, 0, table)
        for folder in sorted((self.staging / PARQUET).glob("*")) if (self.staging / PARQUET).exists() else []:
            if folder.name not in tables:
                self._csv_from_parts(folder.name)
                names.append(folder.name)
        self.swap()
        return [self.out_dir / f"{name}.csv" for name in names]

    def _csv_from_parts(self, name: str) -> None:
        import pyarrow.parquet as pq

        with open(self.staging / f"{name}.csv", "wb") as out:
            header = True
            for part in sorted((self.staging / PARQUET / name).glob("part-*.parquet")):
                frame = pq.read_table(part).to_pandas()
                if frame.empty and not header:
                    continue
                out.write(neutralise(frame).to_csv(index=False, header=header).encode("utf-8"))
                header = False

    def row_count(self, name: str) -> int:
        """Rows of table ``name`` in its Parquet parts (from their metadata)."""
        import pyarrow.parquet as pq

        return sum(pq.ParquetFile(p).metadata.num_rows for p in (self.staging / PARQUET / name).glob("part-*.parquet"))

    def swap(self) -> None:
        """Put the staging folder's tables in place of ``out_dir``'s."""
        _fsync_folder(self.staging)
        out_dir, staging = self.out_dir, self.staging
        if out_dir.exists() and not _holds_only_tables(out_dir):
            for path in staging.glob("*.csv"):
                os.replace(path, out_dir / path.name)
            if (staging / PARQUET).exists():
                if (out_dir / PARQUET).exists():
                    _exchange(staging / PARQUET, out_dir / PARQUET)
                else:
                    os.rename(staging / PARQUET, out_dir / PARQUET)
        elif out_dir.exists():
            _exchange(staging, out_dir)
        else:
            os.rename(staging, out_dir)
            return
        shutil.rmtree(staging, ignore_errors=True)  # now the previous tables

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write each table as ``out_dir/NAME.csv`` (spreadsheet-safe) and ``out_dir/parquet/NAME/``.

    Returns the CSV paths. Atomic: see `BuildWriter`.
    """
    writer = BuildWriter(out_dir)
    try:
        return writer.finish(tables)
    except BaseException:
        writer.discard()
        raise


def _holds_only_tables(folder: Path) -> bool:
    return folder.is_dir() and all(
        p.suffix in TABLE_SUFFIXES or (p.name == PARQUET and p.is_dir()) for p in folder.iterdir()
    )


def _fsync_folder(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders atomically (Linux renameat2 RENAME_EXCHANGE); elsewhere two renames."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        at_fdcwd, rename_exchange = -100, 2
        if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
            return
    # No atomic exchange here: the window without ``b`` is two renames wide.
    aside = b.with_name(f".{b.name}.previous-{os.getpid()}")
    os.rename(b, aside)
    os.rename(a, b)
    os.rename(aside, a)


def zip_tables(tables: dict[str, pd.DataFrame], notes: dict[str, str] | None = None) -> bytes:
    """A zip archive holding each table as a spreadsheet-safe CSV (`to_download_bytes`), and each of ``notes``
    (file name -> text, such as a view.txt naming the filters) as UTF-8 text."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (notes or {}).items():
            archive.writestr(name, text.encode("utf-8"))
        for name, table in tables.items():
            archive.writestr(f"{name}.csv", to_download_bytes(table))
    return buffer.getvalue()


# --- Whole builds, cached ------------------------------------------------------

CODE_ROOT = Path(__file__).resolve().parent


def build_fingerprint(articles, model: str, config_texts: list[str]) -> str:
    """A key for one build: the articles (text and metadata), the model, the configuration and this code.

    Two builds with the same key write the same tables, so the second can
    copy the first's.
    """
    digest = hashlib.sha256()
    for part in (model, *config_texts):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for source in sorted(CODE_ROOT.rglob("*.py")):
        digest.update(source.read_bytes())
    data = CODE_ROOT.parent / "data"
    for data_file in sorted([*data.glob("*.yml"), *(data / "models").glob("*.json")]):  # a retrained model changes the tables
        digest.update(data_file.read_bytes())
    for a in articles:
        for value in (a.article_id, a.title, a.source, a.date, a.url, a.file, a.text):
            digest.update(value.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _file_record(folder: Path) -> dict[str, list]:
    """relative path -> [size, SHA-256] of every file below ``folder``."""
    record = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        record[path.relative_to(folder).as_posix()] = [len(data), hashlib.sha256(data).hexdigest()]
    return record


def restore_build(cache_dir: str | Path, key: str, out_dir: str | Path,
                  warn: Callable[[str], None] | None = None) -> str | None:
    """Copy the tables of a cached build into ``out_dir`` and return its summary; None when there is none.

    An entry whose files do not match the sizes and hashes recorded when it
    was written (a truncated table, a lost Parquet part, an entry from before
    the record) is removed, with a warning, and None returned: the build runs.
    """
    stored = Path(cache_dir) / "builds" / key
    try:
        marker = json.loads((stored / "COMPLETE").read_text(encoding="utf-8"))
        summary, files = marker["summary"], marker["files"]
    except OSError:
        return None
    except (ValueError, KeyError, TypeError):
        summary, files = None, None
    found = _file_record(stored)
    found.pop("COMPLETE", None)
    if found != files:
        if warn:
            warn(f"the build cache entry {stored} does not match what was stored; it is discarded and the tables built again")
        shutil.rmtree(stored, ignore_errors=True)
        return None
    writer = BuildWriter(out_dir)
    try:
        shutil.copytree(stored, writer.staging, dirs_exist_ok=True, ignore=shutil.ignore_patterns("COMPLETE"))
        writer.swap()
    except BaseException:
        writer.discard()
        raise
    return summary


def store_build(cache_dir: str | Path, key: str, out_dir: str | Path, summary: str) -> None:
    """Keep a build's tables in the cache; the entry counts only once its COMPLETE marker exists, which
    holds the summary and the size and SHA-256 of every file of the entry."""
    stored = Path(cache_dir) / "builds" / key
    shutil.rmtree(stored, ignore_errors=True)
    stored.parent.mkdir(parents=True, exist_ok=True)
    out_dir = Path(out_dir)
    shutil.copytree(out_dir, stored, ignore=lambda folder, names: [
        n for n in names if Path(folder) == out_dir and not (n.endswith(".csv") or n == PARQUET)])
    marker = {"summary": summary, "files": _file_record(stored)}
    atomic_write_bytes(stored / "COMPLETE", json.dumps(marker, sort_keys=True).encode("utf-8"))
