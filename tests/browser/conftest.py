"""A real dashboard server and Debian's Chromium for the browser tests."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-results"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("Debian's chromium is needed for the browser tests: apt-get install chromium")
    return found


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright's own browser download is not reachable: drive the system's Chromium.
    return {**browser_type_launch_args, "executable_path": _chromium(), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def server(_server, browser):
    """The dashboard's URL, once it has served its first view.

    The first view loads the model and parses the default corpus; on a busy
    machine that can take minutes, so it is waited for once, patiently, here
    rather than inside whichever test happens to run first.
    """
    context = browser.new_context()
    page = context.new_page()
    page.goto(_server)
    wait_ready(page, timeout=600_000)
    context.close()
    return _server


@pytest.fixture(scope="session")
def _server(tmp_path_factory):
    """`streamlit run dashboard.py --server.headless true` on a free local port; yields its URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path_factory.mktemp("cache"))}
    log = open(tmp_path_factory.mktemp("log") / "streamlit.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("the dashboard server did not become healthy within 120 s")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def wait_ready(page, timeout: float = 120_000) -> None:
    """Wait until the app has finished running its script."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_selector('[data-testid="stSidebar"]', timeout=timeout)
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)
    page.wait_for_timeout(300)


def shoot(page, name: str) -> None:
    """A screenshot of the whole page in test-results/ (gitignored).

    Streamlit scrolls inside its main block, not the document, so the
    viewport is stretched to the content's height for the shot.
    """
    SHOTS.mkdir(exist_ok=True)
    size = page.viewport_size
    height = page.evaluate(
        "() => (document.querySelector('[data-testid=\"stMainBlockContainer\"]') || document.body).scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(max(height + 120, size["height"]), 8000)})
    page.wait_for_timeout(600)  # charts redraw at the new size
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    page.set_viewport_size(size)
