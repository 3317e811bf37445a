"""How long the dashboard takes to paint, as ratios to the floor Streamlit itself sets on this machine.

Starts two servers in this run, the same Python and Streamlit: the dashboard
(`dashboard.py`, on the default corpus, or on a build's tables with
``--tables DIR``, as ``DASHBOARD_TABLES``) and the floor (`bench/floor_page.py`,
one table, one chart, one filter). Drives Debian's Chromium with Playwright and
takes the median of ``--repeat`` (5) samples of:

- a fresh load of each page (a new browser context: connection, script run, page drawn);
- moving to each page from the one before, in one session (nav link clicked);
- a filter change on the Overview (the sidebar's Stance filter set to *against*).

A page counts as painted when its title is drawn, the script has finished
(no status widget), nothing is stale or a skeleton, and every visible
chart has drawn its SVG. The floor's fresh load is the baseline of fresh
loads; its rerun after a filter change is the baseline of page moves and
filter changes. Prints a table of seconds and ratios.

    .venv/bin/python bench/first_paint_bench.py
    .venv/bin/python bench/generate_corpus.py ... && .venv/bin/python bench/first_paint_bench.py --tables /tmp/bench-tables
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = {"Overview": "", "Actors": "actors", "Co-occurrence": "cooccurrence", "Stance": "stance", "Timeline": "timeline",
         "Outlets": "outlets", "Quotes": "quotes", "Articles": "articles", "Method": "method"}
TIMEOUT_MS = 300_000

# Painted: the page's title drawn, the script done, nothing stale, every visible chart drawn.
PAINTED = """title => {
  const h1 = document.querySelector('h1');
  if (!h1 || !h1.innerText.includes(title)) return false;
  if (document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-stale="true"]')) return false;
  for (const c of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (c.offsetParent !== null && !c.querySelector('.main-svg')) return false;
  }
  return true;
}"""
METRIC = """([label, before]) => {
  const box = [...document.querySelectorAll('[data-testid="stMetric"]')].find(m => m.innerText.includes(label));
  const value = box && box.querySelector('[data-testid="stMetricValue"]');
  return value && value.innerText.trim() !== before;
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit(script: str, env: dict):
    """`streamlit run script` on a free local port; yields its URL, stops it afterwards."""
    port = free_port()
    log = tempfile.NamedTemporaryFile("w", prefix="first-paint-", suffix=".log", delete=False)
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--browser.gatherUsageStats", "false"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 180
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise SystemExit(f"{script} did not start; see {log.name}")
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def painted(page, title: str) -> None:
    page.wait_for_function(PAINTED, arg=title, timeout=TIMEOUT_MS, polling="raf")


def note(*words) -> None:
    """Progress, on stderr (the table goes to stdout)."""
    print(*words, file=sys.stderr, flush=True)


def fresh_load(browser, url: str, title: str) -> float:
    """Seconds from a new context's navigation to ``url`` until the page is painted."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    painted(page, title)
    elapsed = time.perf_counter() - start
    context.close()
    note(f"load {url}: {elapsed:.2f} s")
    return elapsed


def page_moves(browser, url: str) -> dict[str, float]:
    """Seconds from a click on each page's nav link (in the order of `PAGES`) until it is painted."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(url)
    painted(page, "Overview")
    times = {}
    for title in list(PAGES)[1:] + ["Overview"]:
        link = page.locator('[data-testid="stSidebarNav"] a', has_text=title).first
        start = time.perf_counter()
        link.click()
        painted(page, title)
        times[title] = time.perf_counter() - start
        note(f"move to {title}: {times[title]:.2f} s")
    context.close()
    return times


def metric_value(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]', has_text=label).first
    return box.locator('[data-testid="stMetricValue"]').inner_text().strip()


def filter_change(browser, url: str, title: str, widget: str, option: str, metric: str) -> float:
    """Seconds from choosing ``option`` in the sidebar's ``widget`` until ``metric`` has changed and the page is
    painted again."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(url)
    painted(page, title)
    before = metric_value(page, metric)
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"], [data-testid="stSidebar"] [data-testid="stSelectbox"]',
                       has_text=widget).first
    choice = page.get_by_role("option", name=option, exact=True).first
    for _ in range(5):  # a click that lands while the page is still settling leaves the list closed: again
        box.click()
        try:
            choice.wait_for(timeout=10_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    else:
        raise SystemExit(f"the {widget} filter did not open its list")
    start = time.perf_counter()
    choice.click()
    page.wait_for_function(METRIC, arg=[metric, before], timeout=TIMEOUT_MS, polling="raf")
    painted(page, title)
    elapsed = time.perf_counter() - start
    context.close()
    note(f"filter change {url}: {elapsed:.2f} s")
    return elapsed


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tables", help="a build's output folder: the dashboard serves it (DASHBOARD_TABLES)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    env = {**os.environ, "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME") or tempfile.mkdtemp(prefix="first-paint-cache-")}
    env.pop("DASHBOARD_TABLES", None)
    dash_env = {**env, **({"DASHBOARD_TABLES": str(Path(args.tables).resolve())} if args.tables else {})}
    with streamlit("dashboard.py", dash_env) as dash, streamlit("bench/floor_page.py", env) as floor, \
            sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # Warm both servers: the dashboard's first view analyses the corpus (or opens the tables) once per server.
        for title, path in PAGES.items():
            fresh_load(browser, f"{dash}/{path}", title)
        fresh_load(browser, floor, "Floor")
        loads: dict[str, list[float]] = {t: [] for t in ["Floor", *PAGES]}
        moves: dict[str, list[float]] = {t: [] for t in PAGES}
        changes: dict[str, list[float]] = {"Floor": [], "Overview": []}
        for _ in range(args.repeat):
            # Interleaved, so a busy moment of the machine falls on the floor and the pages alike.
            loads["Floor"].append(fresh_load(browser, floor, "Floor"))
            for title, path in PAGES.items():
                loads[title].append(fresh_load(browser, f"{dash}/{path}", title))
            for title, seconds in page_moves(browser, dash).items():
                moves[title].append(seconds)
            changes["Floor"].append(filter_change(browser, floor, "Floor", "Group", "a", "Rows"))
            changes["Overview"].append(filter_change(browser, dash, "Overview", "Stance", "against", "Stances"))
        browser.close()

    floor_load, floor_rerun = median(loads["Floor"]), median(changes["Floor"])
    corpus = f"tables of {args.tables}" if args.tables else "the default corpus"
    print(f"First paint on {corpus}, medians of {args.repeat}, Chromium at 1400 px; "
          f"floor: fresh load {floor_load:.2f} s, rerun after a filter change {floor_rerun:.2f} s")
    print(f"| page | fresh load | ratio to floor | moving to it | ratio to floor rerun |")
    print("| --- | --- | --- | --- | --- |")
    for title in PAGES:
        load, move = median(loads[title]), median(moves[title])
        print(f"| {title} | {load:.2f} s | {load / floor_load:.2f}x | {move:.2f} s | {move / floor_rerun:.2f}x |")
    change = median(changes["Overview"])
    print(f"| filter change (Overview, Stance = against) | | | {change:.2f} s | {change / floor_rerun:.2f}x |")


if __name__ == "__main__":
    main()
