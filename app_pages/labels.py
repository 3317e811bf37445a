"""What the screen calls things: outcome labels for keys, short titles for article ids, absolute links for CSVs,
and the few words a download says about its view.

Tables and charts keep their keys and ids (the values clicks, links and
downloads carry); only what is drawn or shown gets the label. A key the
outcome definitions lack (a build analysed with other outcomes) shows as
itself.
"""
from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlencode, urlsplit

import pandas as pd
import streamlit as st

from analytics.outcomes import OutcomeError, parse_outcomes
from analytics.store import Filters

TITLE_CHARS = 40  # a short title: enough to tell articles apart in a chooser or on an axis
OUTCOME_COLUMNS = ("outcome",)  # columns of outcome keys, shown as labels on screen
STANCES_COLUMNS = ("stances", "correction")  # columns of "outcome: stance; ..." text, their keys shown as labels
_STANCES_CELL = re.compile(r"(^|; )([\w-]+): ")  # "ceasefire: favor; meeting: against" (quote_search's stances column)


@st.cache_data(show_spinner=False, max_entries=16)
def _labels_of(outcomes_text: str) -> dict[str, str]:
    try:
        return {o.key: o.label for o in parse_outcomes(outcomes_text)}
    except OutcomeError:
        return {}


def outcome_labels() -> dict[str, str]:
    """Outcome key -> label, from the outcome definitions in use (the visitor's, else data/outcomes.yml)."""
    from app_pages import state  # state shows tables with these labels

    return _labels_of(state.outcomes_text())


def outcome_label(key) -> str:
    """The label of outcome ``key`` (the key itself when the definitions lack it)."""
    return outcome_labels().get(str(key), str(key))


def on_screen(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` as shown: outcome keys replaced by their labels (downloads keep the keys)."""
    labels = outcome_labels()
    changes = {c: table[c].map(lambda k: labels.get(k, k)) for c in OUTCOME_COLUMNS if c in table.columns}
    # Any dtype: pandas 3 reads text as its own string dtype, not object; the cell is checked for text instead.
    # The labels looked up once for the table, not once a cell (each lookup reads the outcome definitions).
    changes.update({c: table[c].map(lambda cell: stances_on_screen(cell, labels)) for c in STANCES_COLUMNS
                    if c in table.columns})
    return table.assign(**changes) if changes else table


def stances_on_screen(cell, labels: dict[str, str] | None = None):
    """A ``outcome: label; ...`` cell (quote_search's stances, a correction in words) with each outcome key
    written as its label (``labels``, else `outcome_labels`); anything not text as it is."""
    if not isinstance(cell, str):
        return cell
    labels = outcome_labels() if labels is None else labels
    return _STANCES_CELL.sub(lambda m: f"{m[1]}{labels.get(m[2], m[2])}: ", cell)


def short_title(title, article_id: str, limit: int = TITLE_CHARS) -> str:
    """An article's title cut at a word to ``limit`` characters, else its id."""
    title = " ".join(str(title or "").split())
    if not title:
        return str(article_id)
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–—") + "…"


def label_axis(fig, axis: str, labels: dict[str, str]):
    """``fig`` with the categories of ``axis`` ("x" or "y") drawn as ``labels`` (the data keeps its values)."""
    values = [v for trace in fig.data for v in (getattr(trace, axis) if getattr(trace, axis) is not None else ())]
    ticks = list(dict.fromkeys(str(v) for v in values))
    getattr(fig, f"update_{axis}axes")(tickmode="array", tickvals=ticks, ticktext=[labels.get(t, t) for t in ticks])
    return fig


def label_legend(fig, labels: dict[str, str]):
    """``fig`` with each trace's legend entry (its outcome key) drawn as its label."""
    for trace in fig.data:
        if trace.name in labels:
            trace.update(name=labels[trace.name], legendgroup=trace.name)
    return fig


def app_base() -> str:
    """The address of the app (``http://host:port/base/``), from the browser's; "" when unknown (tests)."""
    url = st.context.url or ""
    if not url:
        return ""
    parts = urlsplit(url)
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{parts.scheme}://{parts.netloc}/" + (f"{base}/" if base else "")


def view_link() -> str:
    """The link to this view (page, filters, controls), as *Share this view* gives it; "" when unknown."""
    params = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    return (st.context.url or "") + ("?" + params if params and st.context.url else "")


def absolute_links(table: pd.DataFrame, columns, base: str | None = None) -> pd.DataFrame:
    """``table`` with the relative links of ``columns`` (``articles?...``) made absolute on ``base`` (the app's
    address, `app_base`), for a CSV opened outside the app."""
    base = app_base() if base is None else base
    present = [c for c in columns if c in table.columns]
    if not base or not present:
        return table
    return table.assign(**{c: table[c].map(lambda v: base + v if isinstance(v, str) and v and "://" not in v else v)
                           for c in present})


FILTER_WORDS = {"articles": "Articles", "dates": "Dates", "sources": "Sources", "kinds": "Kinds of actor",
                "actors": "Actors", "outcomes": "Outcomes", "stance": "Stance", "found_by": "Outcome found by"}


def corpus_words() -> str:
    """Which corpus the view shows, in words."""
    from app_pages import state

    if state.own_corpus():
        return f"your corpus ({len(st.session_state['corpus_rows'])} articles)"
    folder = state.prebuilt_folder()
    return f"the tables of {folder}" if folder else "the default corpus"


def view_text(filters, corpus: str, link: str = "") -> str:
    """The view.txt of a zip download: the corpus, each filter and its values (outcomes with their labels), the link."""
    lines = ["News stance & entity analytics: the tables of this view.", f"Corpus: {corpus}", "", "Filters:"]
    for name, word in FILTER_WORDS.items():
        values = list(getattr(filters, name))
        if name == "outcomes":
            values = [f"{outcome_label(v)} ({v})" for v in values]
        lines.append(f"  {word}: {', '.join(map(str, values)) if values else 'all'}")
    if link:
        lines += ["", f"Link to the view: {link}"]
    return "\n".join(lines) + "\n"


def accept_keys_in_link(name: str, keys: list[str], many: bool = True, shown=None) -> None:
    """Let a link name the ``keys`` (outcome keys, article ids) of widget ``name``, bound to the URL and shown
    through ``shown`` (default `outcome_label`), which makes it write what it shows: an older link's
    ``?outcomes=ceasefire`` still chooses Ceasefire. Call before the widget."""
    if name in st.session_state:
        return
    shown = shown or outcome_label
    asked = st.query_params.get_all(name)
    named = [v for v in asked if v in set(keys)]
    if not named or any(v in {shown(k) for k in keys} for v in asked):
        return
    st.session_state[name] = named if many else named[0]


LABEL = "outcome_label"  # the column of outcome labels charts draw (their clicks and downloads keep ``outcome``)
AXIS_NAMES = {LABEL: "outcome"}  # for px's ``labels``: hover and legend call it "outcome"


def with_outcome_labels(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with a `LABEL` column beside its ``outcome`` column, for charts (escaped: plotly renders
    labels as HTML, and a visitor may write their own)."""
    from analytics.highlight import escape

    labels = outcome_labels()
    return table.assign(**{LABEL: table["outcome"].map(lambda k: escape(labels.get(k, k))) if "outcome" in table.columns else []})


def outcome_colours(table: pd.DataFrame) -> dict[str, str]:
    """For px's ``color_discrete_map`` on `LABEL`: each outcome's (escaped) label -> its colour, the same on every
    page and whichever outcomes the view holds (by the outcome's place in the definitions; keys they lack after)."""
    from analytics.highlight import escape
    from app_pages.display import colours_in_order

    defined = outcome_labels()
    shown = set(table["outcome"].astype(str)) if "outcome" in table.columns else set()
    keys = list(defined) + sorted(shown - set(defined))
    return {escape(defined.get(k, k)): colour for k, colour in colours_in_order(keys).items()}


def article_titles(view) -> dict[str, str]:
    """Article id -> short title for the articles of ``view`` (its first rows), each told apart from the others."""
    listed = view.rows("articles", ["article_id", "title"])
    return unique_titles(listed["article_id"], listed["title"])


def titles_of(view, article_ids) -> dict[str, str]:
    """Article id -> short title for the articles ``article_ids`` (the rows a table shows), asked of the store
    by id: on a large build the view's first articles need not be the ones a table names."""
    wanted = tuple(sorted({str(a) for a in article_ids if a is not None and str(a)}))
    if not wanted:
        return {}
    listed = replace(view, filters=Filters(articles=wanted)).rows("articles", ["article_id", "title"], limit=None)
    return {a: short_title(t, a) for a, t in zip(listed["article_id"], listed["title"])}


TITLE_COLUMN = "article"  # the short title a table shows in place of its article_id (the id moves last)


def with_titles(view, table: pd.DataFrame) -> pd.DataFrame:
    """``table`` as shown: its article_id column read as the article's short title (`TITLE_COLUMN`, where the
    id was), the id kept as the last column, so a reader sees which article and a row still names its id."""
    if "article_id" not in table.columns or TITLE_COLUMN in table.columns:
        return table
    names = titles_of(view, table["article_id"])
    columns = list(table.columns)
    at = columns.index("article_id")
    out = table.assign(**{TITLE_COLUMN: table["article_id"].map(lambda a: names.get(str(a), a))})
    order = columns[:at] + [TITLE_COLUMN] + columns[at + 1:] + ["article_id"]
    return out[order]


def unique_titles(ids, titles) -> dict[str, str]:
    """Article id -> its short title, a number added where two are alike (a chooser needs every one apart)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for article_id, title in zip(ids, titles):
        name, n = short_title(title, article_id), 1
        while name in taken:
            n += 1
            name = f"{short_title(title, article_id)} ({n})"
        taken.add(name)
        out[article_id] = name
    return out
