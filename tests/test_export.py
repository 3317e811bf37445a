"""Spreadsheet-safe CSV: neutralised formulas, lossless round trip, atomic writes."""
from __future__ import annotations

import csv
import io
import zipfile

import pandas as pd
from hypothesis import given, strategies as st

from analytics.export import read_csv, to_csv_bytes, to_download_bytes, write_tables, zip_tables

DANGEROUS = ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "'quoted", "plain"]


def test_formula_cells_are_neutralised_in_the_file():
    data = to_csv_bytes(pd.DataFrame({"text": DANGEROUS, "score": [-0.5] * len(DANGEROUS)}))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    for row in rows:
        assert row["text"][0] not in "=+-@\t\r"
        assert row["score"] == "-0.5"  # numbers stay numbers


def test_round_trip_loses_nothing(tmp_path):
    table = pd.DataFrame({"text": DANGEROUS, "n": range(len(DANGEROUS))})
    write_tables({"quotes": table}, tmp_path)
    back = read_csv(tmp_path / "quotes.csv")
    assert list(back["text"]) == DANGEROUS
    assert list(back["n"]) == list(range(len(DANGEROUS)))


# Article texts never hold NUL or a carriage return: the corpus reader removes NULs and makes every line end "\n".
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r")), min_size=1, max_size=5))
def test_round_trip_of_any_text(texts):
    back = read_csv(io.BytesIO(to_csv_bytes(pd.DataFrame({"text": texts}))), dtype=str)
    assert list(back["text"]) == texts


def test_zip_holds_every_table():
    archive = zipfile.ZipFile(io.BytesIO(zip_tables({"a": pd.DataFrame({"x": [1]}), "b": pd.DataFrame({"y": ["=1"]})})))
    assert sorted(archive.namelist()) == ["a.csv", "b.csv"]
    assert archive.read("b.csv").decode("utf-8-sig").splitlines()[1] == "'=1"


def test_a_download_opens_as_utf8_in_a_spreadsheet_and_reads_back():
    table = pd.DataFrame({"speaker": ["Zoë Brontë"], "text": ["«Ça va», dit-elle — déjà"]})
    data = to_download_bytes(table)
    assert data.startswith(b"\xef\xbb\xbf")  # the mark Excel needs to read UTF-8
    back = read_csv(io.BytesIO(data))
    assert list(back.columns) == ["speaker", "text"] and back.iloc[0].tolist() == table.iloc[0].tolist()


def test_writing_leaves_no_temporary_files(tmp_path):
    write_tables({"t": pd.DataFrame({"x": [1, 2]})}, tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["parquet", "part-000000.parquet", "t", "t.csv"]


def test_only_the_leftovers_of_processes_no_longer_running_are_removed(tmp_path):
    import os
    import subprocess
    import sys

    from analytics.export import remove_stale

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)  # that process has exited
    (tmp_path / f".out.staging-{dead}-abc").mkdir()
    (tmp_path / f".out.staging-{os.getpid()}-def").mkdir()  # this process: still running
    (tmp_path / ".out.staging-xyz").mkdir()  # an older build's name, without a pid
    (tmp_path / "other").mkdir()
    removed = remove_stale(tmp_path, ".out.staging-")
    assert sorted(p.name for p in removed) == sorted([f".out.staging-{dead}-abc", ".out.staging-xyz"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f".out.staging-{os.getpid()}-def", "other"])
