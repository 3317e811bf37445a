"""The labels and colours every page draws with, defined once, and how article text is made safe to show.

The colours follow the theme of ``.streamlit/config.toml``; green and red
are kept for favor and against, so nothing else is drawn in them.
"""
import re

STANCE_COLORS = {"favor": "#2a9d8f", "against": "#e76f51", "neutral": "#adb5bd"}
STANCE_SCALE = [STANCE_COLORS["against"], "#f1faee", STANCE_COLORS["favor"]]  # mean stance, -1 to +1
ACTOR_COLOR = "#457b9d"  # bars of actors
COUNT_SCALE = "Blues"  # heatmaps of counts (mentions per article, pairs)
EDGE_COLOR = "#8ecae6"  # the co-occurrence network's edges
NODE_COLOR = "#023047"  # and its nodes
DARK_TEXT = "#1d3557"  # the theme's text colour: numbers on light cells
LIGHT_TEXT = "white"  # numbers on dark cells
MENTION_BACKGROUND = "#ffe8a3"  # the Articles page: mentions in yellow
QUOTE_BACKGROUND = "#e0f2f1"  # quotes in green
QUOTE_UNDERLINE = STANCE_COLORS["favor"]
FOCUS_OUTLINE = STANCE_COLORS["against"]  # the quote a link pointed at

UNNAMED_SPEAKER = "(unnamed)"  # the Stance page's row for quotes whose speaker was not found
QUOTE_KINDS = ("direct", "indirect")  # the values of the quotes table's kind column
MENTIONS_LABEL = "mentions"  # axis and colour-bar titles
MEAN_STANCE_LABEL = "mean stance"
# Lines and bars of categories (outcomes, sources): a qualitative palette whose neighbours differ in hue
# and lightness (the old one had three dark blues side by side), and no green, red or grey, which mean favor,
# against and neutral.
CATEGORY_COLORS = ["#1f77b4", "#e0a800", "#7b4fa0", "#e377c2", "#8c564b", "#7fc8f8", "#222222", "#a68a64",
                   "#b5179e", "#5e6472"]

# Lines of actors (the Timeline's mentions): a palette of their own, each colour far from every outcome's and
# stance's, so an actor's line is never taken for an outcome's on a page that draws both.
ACTOR_COLORS = ["#511cfb", "#999933", "#882255", "#3283fe", "#0d2a63", "#da16ff", "#a6761d", "#661100"]


def colours_in_order(keys) -> dict[str, str]:
    """Each of ``keys`` (in a fixed order: the outcome definitions') -> its colour of `CATEGORY_COLORS`, by its place
    in that order, so that a key keeps its colour whichever others a chart shows."""
    return {k: CATEGORY_COLORS[i % len(CATEGORY_COLORS)] for i, k in enumerate(dict.fromkeys(keys))}


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def md_escape(text) -> str:
    """Text from an article made inert for Streamlit markdown: no link, image, HTML, directive or formatting."""
    flat = " ".join(("" if text is None else str(text)).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
