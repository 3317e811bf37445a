"""The co-occurrence network as a figure: nodes sized by mentions, edges by the measure, a legend for both, and
names placed where they cover no other name and no other node at the width the chart is drawn.

Plotly places a marker's text at one of eight spots around it and never
moves it out of another's way, so the spots are chosen here: the most
mentioned actors first, each at the first spot that is free, and an actor
with no free spot is left to its hover text (on a phone, most of them).
"""
from __future__ import annotations

import math

import networkx as nx
import plotly.graph_objects as go

from analytics.highlight import escape
from app_pages.display import EDGE_COLOR, NODE_COLOR

EDGE_WIDTHS = 6  # edges are drawn in this many widths: one trace each, not one per edge
LABEL_FONT_PX = 12
CHAR_PX = 6.8  # the width of an average character of the theme's font at LABEL_FONT_PX (a little over)
LINE_PX = 16  # the height of a line of it
GAP_PX = 3  # kept free around each name
LEGEND_PX = 110  # below the plot: the legend of node sizes and edge widths (two groups, up to three rows on a phone)
MARGIN_PX = 34  # the nodes are drawn this far inside the plot, so that the outer ones have room for a name
# The spots plotly offers, in order of preference: above and below read best, then beside, then the corners.
SPOTS = ("top center", "bottom center", "middle right", "middle left", "top right", "top left", "bottom right",
         "bottom left")


def node_size(mentions: float) -> float:
    """A node's diameter in pixels for its actor's mentions (its area grows with them)."""
    return 8 + 4 * math.sqrt(max(mentions, 1))


def label_box(spot: str, x: float, y: float, radius: float, name: str) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in pixels, y downwards, of ``name`` written at ``spot`` of a node at (x, y)."""
    width, height = CHAR_PX * len(name), LINE_PX
    vertical, horizontal = spot.split()
    if horizontal == "center":
        left = x - width / 2
    elif horizontal == "right":
        left = x + (radius if vertical == "middle" else radius * 0.7)
    else:
        left = x - (radius if vertical == "middle" else radius * 0.7) - width
    if vertical == "middle":
        top = y - height / 2
    elif vertical == "top":
        top = y - (radius if horizontal == "center" else radius * 0.7) - height
    else:
        top = y + (radius if horizontal == "center" else radius * 0.7)
    return left - GAP_PX, top - GAP_PX, left + width + GAP_PX, top + height + GAP_PX


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(points: dict[str, tuple[float, float]], radii: dict[str, float], ranked: list[str],
                 width: float, height: float, limit: int) -> dict[str, str]:
    """Name -> spot for at most ``limit`` of ``ranked`` (names, most important first) whose name fits at some spot
    of its node (``points``: pixel centres, y downwards; ``radii`` in pixels) inside the ``width`` x ``height``
    plot without covering a name placed before or another node."""
    nodes = {n: (x - radii[n], y - radii[n], x + radii[n], y + radii[n]) for n, (x, y) in points.items()}
    placed: dict[str, str] = {}
    boxes: list[tuple] = []
    for name in ranked:
        if len(placed) >= limit:
            break
        x, y = points[name]
        for spot in SPOTS:
            box = label_box(spot, x, y, radii[name], name)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            if inside and not any(_overlap(box, b) for b in boxes) \
                    and not any(_overlap(box, nodes[other]) for other in nodes if other != name):
                placed[name] = spot
                boxes.append(box)
                break
    return placed


def network_figure(graph: nx.Graph, layout: dict, mentions, measure: str, width: int, height: int,
                   limit: int) -> go.Figure:
    """The network of ``graph`` (edge attribute ``weight``: the measure) at node positions ``layout``, sized for a
    plot ``width`` x ``height`` pixels, naming at most ``limit`` of its most mentioned actors where they fit."""
    nodes = list(graph.nodes)
    xs = [layout[n][0] for n in nodes] or [0.0]
    ys = [layout[n][1] for n in nodes] or [0.0]
    # Positions to pixels: the nodes spread over the plot less its margin (y downwards, as the screen counts).
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    scale_x, scale_y = (width - 2 * MARGIN_PX) / span_x, (height - 2 * MARGIN_PX) / span_y
    pixels = {n: (MARGIN_PX + (layout[n][0] - min(xs)) * scale_x, MARGIN_PX + (max(ys) - layout[n][1]) * scale_y)
              for n in nodes}
    radii = {n: node_size(mentions.get(n, 1)) / 2 for n in nodes}
    ranked = sorted(nodes, key=lambda n: (-mentions.get(n, 0), n))
    spots = place_labels(pixels, radii, ranked, width, height, limit)

    fig = go.Figure()
    weights = [max(d["weight"], 0.0) for _, _, d in graph.edges(data=True)]
    top_weight = max(weights + [1e-9])
    buckets: dict[int, tuple[list, list]] = {}
    for (a, b, _), w in zip(graph.edges(data=True), weights):
        bx, by = buckets.setdefault(min(int(EDGE_WIDTHS * w / top_weight), EDGE_WIDTHS - 1), ([], []))
        bx += [layout[a][0], layout[b][0], None]
        by += [layout[a][1], layout[b][1], None]
    for bucket, (bx, by) in sorted(buckets.items()):
        fig.add_trace(go.Scatter(x=bx, y=by, mode="lines", line={"width": 1 + 1.5 * bucket, "color": EDGE_COLOR},
                                 opacity=0.5 + 0.5 * bucket / EDGE_WIDTHS, hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(
        x=[layout[n][0] for n in nodes], y=[layout[n][1] for n in nodes], mode="markers+text",
        text=[escape(n) if n in spots else "" for n in nodes], textposition=[spots.get(n, "top center") for n in nodes],
        textfont={"size": LABEL_FONT_PX}, customdata=nodes,  # raw names, for the click
        marker={"size": [2 * radii[n] for n in nodes], "color": NODE_COLOR, "opacity": 0.85},
        hovertext=[f"{escape(n)}: {int(mentions.get(n, 0))} mentions" for n in nodes], hoverinfo="text", showlegend=False))
    # The legend: what a node's size and an edge's width stand for, drawn at sizes of this view.
    top_mentions = int(max([mentions.get(n, 1) for n in nodes] + [1]))
    for m in sorted({1, max(1, top_mentions // 4), top_mentions}):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=f"{m:,} mention{'' if m == 1 else 's'}", legendgroup="size",
                                 legendgrouptitle_text="Node size", marker={"size": node_size(m), "color": NODE_COLOR}))
    step = top_weight / EDGE_WIDTHS  # each width covers this much of the measure
    value = (lambda v: f"{v:,.0f}") if measure == "count" else (lambda v: f"{v:.2f}")
    for bucket, words in ((0, f"below {value(step)}"), (EDGE_WIDTHS - 1, f"{value(step * (EDGE_WIDTHS - 1))} and more")):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", legendgroup="edge",
                                 legendgrouptitle_text=f"Edge width: {measure}", name=words,
                                 line={"width": 1 + 1.5 * bucket, "color": EDGE_COLOR}))
    # The axes span exactly the pixels the labels were placed in: the nodes, and the margin around them.
    fig.update_layout(
        height=height + LEGEND_PX, margin={"l": 0, "r": 0, "t": 0, "b": LEGEND_PX}, showlegend=True,
        xaxis={"visible": False, "range": [min(xs) - MARGIN_PX / scale_x, max(xs) + MARGIN_PX / scale_x]},
        yaxis={"visible": False, "range": [min(ys) - MARGIN_PX / scale_y, max(ys) + MARGIN_PX / scale_y]},
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "itemsizing": "trace"})
    return fig

