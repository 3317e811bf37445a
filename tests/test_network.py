"""The co-occurrence network's figure (`app_pages.network`): names placed where they cover no other name or node."""
from __future__ import annotations

import itertools

import networkx as nx
import pandas as pd

from app_pages.network import label_box, network_figure, node_size, place_labels

NAMES = ["Ana Lima", "Grace Okafor", "Erik Vos", "Ines Ortiz", "Tomas Reyes", "Maria Duquenne", "Paul Hendricks",
         "Lena Stadler", "Omar Haddad", "Yuki Tanaka", "Sven Larsen", "Chloe Martin", "Rafael Costa", "Nadia Petrova"]


def crowded():
    """A star: one much-mentioned actor in the middle of many, most of them close together."""
    graph = nx.Graph()
    graph.add_nodes_from(NAMES)
    graph.add_edges_from(("Ana Lima", n, {"weight": 1.0}) for n in NAMES[1:])
    graph.add_edges_from((a, b, {"weight": 2.0}) for a, b in zip(NAMES[1:], NAMES[2:]))
    layout = nx.spring_layout(graph, seed=3)
    mentions = pd.Series({n: 60 // (i + 1) for i, n in enumerate(NAMES)})
    return graph, layout, mentions


def labels_drawn(fig, width, height):
    """(name, box) of each name drawn, and the node boxes, in the pixels the figure was laid out for."""
    nodes = next(t for t in fig.data if t.mode == "markers+text")
    xr, yr = fig.layout.xaxis.range, fig.layout.yaxis.range
    px = lambda x, y: ((x - xr[0]) / (xr[1] - xr[0]) * width, (yr[1] - y) / (yr[1] - yr[0]) * height)  # noqa: E731
    boxes, circles = [], []
    for x, y, text, spot, size in zip(nodes.x, nodes.y, nodes.text, nodes.textposition, nodes.marker.size):
        cx, cy = px(x, y)
        circles.append((text, (cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2)))
        if text:
            boxes.append((text, label_box(spot, cx, cy, size / 2, text)))
    return boxes, circles


def overlap(a, b, slack=1.0):
    return a[0] + slack < b[2] and b[0] + slack < a[2] and a[1] + slack < b[3] and b[1] + slack < a[3]


def test_on_a_phone_no_name_covers_another_or_another_node():
    graph, layout, mentions = crowded()
    for width, height, limit in ((340, 420, 8), (760, 520, 12)):
        fig = network_figure(graph, layout, mentions, "count", width, height, limit)
        boxes, circles = labels_drawn(fig, width, height)
        assert 1 <= len(boxes) <= limit
        for (_, a), (_, b) in itertools.combinations(boxes, 2):
            assert not overlap(a, b)
        for name, box in boxes:
            assert not any(overlap(box, circle) for other, circle in circles if other != name), name
            assert box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height


def test_the_most_mentioned_actor_is_named_first_and_a_wider_plot_names_at_least_as_many():
    graph, layout, mentions = crowded()
    narrow, _ = labels_drawn(network_figure(graph, layout, mentions, "count", 340, 420, 14), 340, 420)
    wide, _ = labels_drawn(network_figure(graph, layout, mentions, "count", 1000, 520, 14), 1000, 520)
    assert "Ana Lima" in {n for n, _ in narrow} and len(wide) >= len(narrow)


def test_a_name_with_no_free_spot_is_left_to_its_hover_text():
    # A name wider than the plot around its node is not drawn; a short one fits.
    radii = {"Maria Duquenne": 5.0, "Erik Vos": 5.0}
    assert place_labels({"Maria Duquenne": (40.0, 30.0)}, radii, ["Maria Duquenne"], 80, 60, 10) == {}
    assert list(place_labels({"Erik Vos": (40.0, 30.0)}, radii, ["Erik Vos"], 80, 60, 10)) == ["Erik Vos"]


def test_every_node_keeps_its_name_for_the_click_and_the_legend_says_what_sizes_mean():
    graph, layout, mentions = crowded()
    fig = network_figure(graph, layout, mentions, "npmi", 340, 420, 8)
    nodes = next(t for t in fig.data if t.mode == "markers+text")
    assert sorted(nodes.customdata) == sorted(NAMES)
    legend = [t.name for t in fig.data if t.showlegend is not False and t.name]
    assert any(n.endswith("mentions") for n in legend) and any("and more" in n for n in legend)
