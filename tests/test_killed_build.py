"""A build killed at any moment loses nothing: old tables or new ones, never a mix."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from .conftest import ROOT, SEEDS


def build(corpus: Path, out: Path, cache: Path, wait: bool = True, tmp: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, "TMPDIR": str(tmp)} if tmp else None
    proc = subprocess.Popen(
        [sys.executable, "-m", "analytics", "build", str(corpus), "--out", str(out), "--cache-dir", str(cache)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    if wait:
        assert proc.wait() == 0
    return proc


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a build (CSV tables and Parquet parts) by its path in the folder."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()} \
        if folder.exists() else {}


def test_sigkill_at_random_points_leaves_old_or_new_tables_and_a_usable_cache(tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    (small / "one.txt").write_text("The mayor, Ana Lima, said the bridge would reopen.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(SEEDS.glob("*")):
        (corpus / p.name).write_bytes(p.read_bytes())

    reference = tmp_path / "reference"
    started = time.perf_counter()
    build(corpus, reference, tmp_path / "reference-cache")
    duration = time.perf_counter() - started
    new = snapshot(reference)

    out, cache = tmp_path / "out", tmp_path / "cache"
    build(small, out, cache)
    old = snapshot(out)
    assert old and old != new

    tmp = tmp_path / "tmp"  # the builds' $TMPDIR, where the parsed chunks wait between the passes
    tmp.mkdir()
    rng = random.Random(7)
    for _ in range(4):
        proc = build(corpus, out, cache, wait=False, tmp=tmp)
        time.sleep(rng.uniform(0.1, duration))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert snapshot(out) in (old, new)
        assert not list(out.parent.glob(".out.*.tmp"))

    build(corpus, out, cache, tmp=tmp)
    assert snapshot(out) == new
    # The killed builds' staging folders and spooled chunks are gone: the next build removed them.
    assert not list(out.parent.glob(".out.staging-*"))
    assert not list(tmp.glob("analytics-parsed-*"))
    # The cached rebuild is the same again.
    build(corpus, out, cache)
    assert snapshot(out) == new
