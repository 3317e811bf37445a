"""The pages as drawn, at a phone's width and a wide screen's: the network's names cover no other, a timeline of few
dates reads (outcome colours and the quote tables' titles are checked in tests/test_readability.py)."""
from __future__ import annotations

import itertools

import pytest

from .conftest import shoot

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1400, "height": 1000}


def wait_ready(page, timeout: float = 120_000) -> None:
    """As the conftest's, but on a phone too, where the sidebar is collapsed (attached, not visible)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_selector('[data-testid="stSidebar"]', state="attached", timeout=timeout)
    page.wait_for_timeout(500)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=timeout)
    page.wait_for_timeout(300)


def open_page(browser, url: str, size: dict):
    """A new browser context of ``size`` with ``url`` open and the app done running."""
    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.goto(url)
    wait_ready(page)
    return context, page


def boxes(chart, selector: str) -> list[dict]:
    """The drawn boxes (x, y, width, height, text) of the elements ``selector`` of ``chart`` that show something."""
    return chart.evaluate(
        "(el, sel) => [...el.querySelectorAll(sel)].map(e => { const r = e.getBoundingClientRect();"
        " return {x: r.x, y: r.y, w: r.width, h: r.height, text: e.textContent}; }).filter(b => b.w > 0 && b.h > 0)",
        selector)


def overlap(a: dict, b: dict, slack: float = 1.0) -> bool:
    return (a["x"] + slack < b["x"] + b["w"] and b["x"] + slack < a["x"] + a["w"]
            and a["y"] + slack < b["y"] + b["h"] and b["y"] + slack < a["y"] + a["h"])


@pytest.mark.parametrize("size", [PHONE, WIDE], ids=["phone", "wide"])
def test_the_network_s_names_cover_no_other_name_and_no_other_node(browser, server, size):
    context, page = open_page(browser, f"{server}/cooccurrence", size)
    chart = page.locator('[data-testid="stPlotlyChart"]:visible').first  # the layout this width shows
    chart.locator("g.textpoint text").first.wait_for(timeout=60_000)
    names = [b for b in boxes(chart, "g.textpoint text") if b["text"].strip()]
    nodes = boxes(chart, "g.trace.scatter path.point")
    assert len(names) >= 4, names
    for a, b in itertools.combinations(names, 2):
        assert not overlap(a, b), (a["text"], b["text"])
    for name in names:
        # Its own node touches it; any other node must not.
        covered = [n for n in nodes if overlap(name, n, slack=2.0)]
        assert len(covered) <= 1, (name["text"], len(covered))
    shoot(page, f"network-{size['width']}")
    context.close()


@pytest.mark.parametrize("size", [PHONE, WIDE], ids=["phone", "wide"])
def test_a_timeline_of_few_dates_has_a_tick_at_each_date_and_bars_of_a_sensible_width(browser, server, size):
    context, page = open_page(browser, f"{server}/timeline", size)
    charts = page.locator('[data-testid="stPlotlyChart"]:visible')
    charts.nth(2).locator(".main-svg").first.wait_for(timeout=60_000)
    assert charts.count() == 3
    ticks = [[t.strip() for t in charts.nth(i).locator("g.xtick text").all_text_contents()] for i in range(3)]
    # The default corpus has articles on three dates: a tick at each, none between.
    assert all(t == ticks[0] for t in ticks) and len(ticks[0]) == 3, ticks
    assert all(len(t) == 10 and t[4] == "-" for t in ticks[0])
    plot = charts.nth(1).locator("rect.nsewdrag").first.bounding_box()  # the plot area of quotes per outcome
    bars = boxes(charts.nth(1), "g.point path")
    assert bars and max(b["w"] for b in bars) < plot["width"] / 4
    shoot(page, f"timeline-{size['width']}")
    context.close()


def column_edges(page, grid) -> list[float]:
    """The right edges (x, from the grid's left) of the columns drawn in ``grid`` (a stDataFrame), in order: where
    the header offers to resize a column. Streamlit's grid is a canvas, so its columns are found by the pointer."""
    canvas = grid.locator("[data-testid=data-grid-canvas]")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    edges, inside = [], False
    for x in range(2, int(box["width"]) - 1, 3):
        page.mouse.move(box["x"] + x, box["y"] + 15)  # the header row
        resize = canvas.evaluate("e => getComputedStyle(e).cursor") == "col-resize"
        if resize and not inside:
            edges.append(x)
        inside = resize
    return edges


def header(grid) -> list[str]:
    """The column names of ``grid``'s header, in order (the grid's accessible table)."""
    return [t.strip() for t in grid.locator("th[role=columnheader]").all_text_contents()]


@pytest.mark.parametrize("path", ["quotes", "?drill=top-actors&drill=speaker:Donald%20Trump"], ids=["quotes", "drill-down"])
def test_a_quote_table_s_first_columns_up_to_the_article_s_title_are_on_screen_at_1400_px(browser, server, path):
    context, page = open_page(browser, f"{server}/{path}", WIDE)
    grid = page.locator('[data-testid="stDataFrame"]').filter(has=page.locator("th", has_text="In the article")).first
    grid.locator("[data-testid=data-grid-canvas]").wait_for(timeout=60_000)
    names = header(grid)
    width = grid.locator("[data-testid=data-grid-canvas]").bounding_box()["width"]
    edges = column_edges(page, grid)
    # Every column up to and including the article's title ends inside the grid: nothing to scroll to read it.
    assert len(edges) >= names.index("article") + 1 and edges[names.index("article")] < width, (names, edges, width)
    if "stances" in names:
        # The stances ("Peace deal: favor; ...") wrap in a narrow column and leave the width to the quote itself.
        at = names.index("stances")
        assert edges[at] - edges[at - 1] <= width / 6 < width / 3 <= edges[names.index("text")] - edges[names.index("text") - 1]
    shoot(page, f"quote-columns-{path.split('?')[0] or 'overview'}-1400")
    context.close()
