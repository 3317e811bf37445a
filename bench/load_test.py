"""Many visitors at once: a load test of the dashboard, only against a server on 127.0.0.1.

    python bench/load_test.py [--sessions 20] [--uploaders 5] [--seconds 600]

Starts `streamlit run dashboard.py --server.headless true` on a free local
port, then drives ``--sessions`` concurrent browser sessions (Debian's
Chromium via Playwright) that each walk every page of the default corpus;
``--uploaders`` of them first paste a small corpus of their own and must
see their own results. Visitors arrive two seconds apart. Bounded in count and time. Prints pages served,
errors, p50/p95 seconds to a finished page, whether every session saw its
own results, and the server's peak memory (one spaCy model is loaded per
server, so memory should not grow with the number of sessions).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["", "actors", "cooccurrence", "stance", "quotes", "articles", "method"]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
READY = "() => document.querySelector('[data-testid=\"stSidebar\"]') && !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def peak_memory_mb(pid: int) -> float:
    """Peak resident memory of a process and its children (Linux /proc)."""
    total = 0.0
    for p in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            pass
    return total


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


async def visitor(browser, url: str, n: int, upload: bool, timings: list, errors: list, checks: list) -> None:
    await asyncio.sleep(2 * n)  # visitors arrive over time, not all in the same second
    context = await browser.new_context()
    page = await context.new_page()
    # The browsers share the server's two cores: wait as long as a patient visitor would.
    page.set_default_timeout(180_000)
    page.set_default_navigation_timeout(180_000)
    try:
        if upload:
            await page.goto(f"{url}/your_corpus")
            await page.wait_for_function(READY, timeout=180_000)
            await page.locator('[data-testid="stTextArea"] textarea').first.fill(
                f"Union leader Visitor{n} Okafor said on Monday that strike number {n} would continue.")
            await page.get_by_role("button", name="Analyse").click()
            await page.get_by_text("Analysed 1 articles").wait_for(timeout=180_000)
        for path in PAGES:
            started = time.perf_counter()
            if upload:  # stay in the session that holds the upload
                title = {"": "Overview"}.get(path, path.capitalize().replace("Cooccurrence", "Co-occurrence"))
                await page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
            else:
                await page.goto(f"{url}/{path}")
            await page.wait_for_timeout(500)
            await page.wait_for_function(READY, timeout=180_000)
            await page.locator("h1").first.wait_for(timeout=180_000)
            timings.append(time.perf_counter() - started)
            if await page.locator('[data-testid="stException"]').count():
                errors.append(f"session {n} /{path}: exception on the page")
            if path == "":
                value = await page.locator('[data-testid="stMetric"]', has_text="Articles").first.locator(
                    '[data-testid="stMetricValue"]').inner_text(timeout=180_000)
                checks.append(value.strip() == ("1" if upload else "5"))
    except Exception as err:  # a failed session is counted, not fatal
        errors.append(f"session {n}: {type(err).__name__}: {str(err)[:120]}")
    finally:
        await context.close()


async def run(url: str, sessions: int, uploaders: int, seconds: float):
    from playwright.async_api import async_playwright

    timings, errors, checks = [], [], []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        tasks = [visitor(browser, url, n, n < uploaders, timings, errors, checks) for n in range(sessions)]
        try:
            await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds)
        except asyncio.TimeoutError:
            errors.append(f"stopped after {seconds:.0f} s")
        await browser.close()
    return timings, errors, checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--uploaders", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=600)
    args = parser.parse_args()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with tempfile.TemporaryDirectory() as cache:
        log = open(Path(cache) / "server.log", "w+")
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port)],
            cwd=ROOT, env={**os.environ, "XDG_CACHE_HOME": cache}, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(240):
                try:
                    if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                        break
                except OSError:
                    time.sleep(0.5)
            timings, errors, checks = asyncio.run(run(url, args.sessions, args.uploaders, args.seconds))
            memory = peak_memory_mb(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.seek(0)
            errors_logged = [line.rstrip() for line in log if "Error" in line or "Traceback" in line]
            log.close()
    timings.sort()
    print(f"sessions: {args.sessions} ({args.uploaders} uploading their own corpus)")
    print(f"pages served: {len(timings)}, errors: {len(errors)}")
    for e in errors[:10]:
        print(f"  {e}")
    if timings:
        print(f"time to a finished page: p50 {statistics.median(timings):.2f} s, "
              f"p95 {timings[int(0.95 * (len(timings) - 1))]:.2f} s, max {timings[-1]:.2f} s")
    print(f"every session saw its own results: {all(checks) and len(checks) == args.sessions}")
    print(f"server peak memory: {memory:.0f} MB")
    if errors_logged:
        print("server log:", *errors_logged[:10], sep="\n  ")


if __name__ == "__main__":
    main()
