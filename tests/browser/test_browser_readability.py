"""The pages as drawn, at a phone's width and a wide screen's: names that do not cover each other, outcome colours
told apart, timelines with few dates that read, quote tables with their articles' titles."""
from __future__ import annotations

import itertools

import pytest

from .conftest import shoot, wait_ready

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1400, "height": 1000}


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
    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.goto(f"{server}/cooccurrence")
    wait_ready(page)
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
