"""From any chart to its quotes: a click on a bar, cell, point or node lists the quotes behind it, the same way
on every page, each quote linked to its place in its article.

A chart drawn with `chart` carries, in each trace's ``customdata``, the raw
values its marks count (an actor, an outcome, a stance, a period...; raw,
where the labels drawn are escaped). A click writes them into the URL's
``drill`` parameter (the chart's key first, then ``field:value``), once,
from the chart's callback, so the share link holds the selection and the
page's controls stay free; `quotes_behind` reads it back and lists the
quotes of the view narrowed to it (`analytics.drill`). A double click on
the chart clears it.
"""
from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from analytics.drill import clean
from app_pages import display, labels, state, tables

PARAM = "drill"
SHOWN = 500  # quotes behind a click listed on screen; the download has them all
SPEAKER_PX, TEXT_PX, STANCES_PX, TITLE_PX = 140, 360, 140, 170  # a quote table's first columns (`quotes_table`)
DESCRIBE = {"speaker": "by **{}**", "outcome": "on *{}*", "stance": "taking the stance *{}*", "source": "in *{}*",
            "article": "in article {}", "date": "dated {}"}
PERIOD_WORDS = {"day": "on {}", "week": "in the week beginning {}", "month": "in the month beginning {}"}


def chart(fig, key: str, fields: tuple, fixed: dict | None = None, **kwargs):
    """Draw ``fig`` so that a click on a mark lists the quotes behind it (`quotes_behind`).

    ``fields`` name the first values of each trace's ``customdata`` (``None`` skips one); ``fixed`` adds
    fields every mark of the chart shares (the outcome a chart is drawn for, the period it counts by).
    """
    return st.plotly_chart(fig, key=key, on_select=lambda: _take(key, tuple(fields), dict(fixed or {})),
                           selection_mode="points", **kwargs)


def _take(key: str, fields: tuple, fixed: dict) -> None:
    # A callback runs once per click, before the rerun: the selection goes into the URL once.
    point = tables.clicked_point(key)
    if point is None:
        if current()[0] == key:  # a double click: this chart's selection is gone
            del st.query_params[PARAM]
        return
    data = point.get("customdata")
    data = data if isinstance(data, list) else [data]
    pairs = [(f, str(v)) for f, v in zip(fields, data) if f and v is not None and str(v) != ""]
    pairs += [(f, str(v)) for f, v in fixed.items()]
    st.query_params[PARAM] = [key] + [f"{f}:{v}" for f, v in clean(pairs)]


def current() -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """(the key of the chart clicked, the selection: (field, value) pairs), from the URL."""
    values = st.query_params.get_all(PARAM)
    if not values:
        return None, ()
    return values[0], clean(tuple(v.partition(":")[::2]) for v in values[1:])


def describe(selection, titles: dict[str, str] | None = None) -> str:
    """The selection in words, as markdown, its values escaped, outcomes by their labels and articles by
    ``titles`` (id -> title) where given: "by **Ana Lima** on *Ceasefire*"."""
    words = []
    for field, value in selection:
        if field == "period":
            kind, _, start = value.partition(":")
            words.append(PERIOD_WORDS.get(kind, "on {}").format(display.md_escape(start)))
        elif field == "outcome":  # the key is what the URL carries; the words name the outcome as charts do
            words.append(DESCRIBE[field].format(display.md_escape(labels.outcome_label(value))))
        elif field == "article" and titles and value in titles:
            words.append(f"in *{display.md_escape(titles[value])}*")
        else:
            words.append(DESCRIBE[field].format(display.md_escape(value)))
    return " ".join(words)


def kept_params() -> list[tuple[str, str]]:
    """The URL's parameters that a link to the Articles page keeps (the view's filters and controls)."""
    return [(k, v) for k in st.query_params if k not in ("article", "quote", PARAM) for v in st.query_params.get_all(k)]


def article_links(article_ids, quote_ids, kept: list[tuple[str, str]]) -> list[str]:
    """The Articles page at each article, its quote outlined, with the parameters ``kept`` (`kept_params`,
    read during the page's run: a download builds its rows later, outside it)."""
    return [f"articles?{urlencode(kept + [('article', a), ('quote', q)])}" for a, q in zip(article_ids, quote_ids)]


# What an analyst reads first (who, what, which stance, the link, in which article), then the rest; the quote's id
# last, so a row ties each stance to its quote. The article is shown by its short title where its id stands; the id
# goes to the CSV only.
COLUMNS = ["speaker", "text", "stances", "stance", "score", "place", "article_id", "kind", "cue", "evidence", "outcome",
           "found_by", "quote_id"]


def quotes_table(table, name: str, view: state.View, total: int | None = None, full=None) -> None:
    """Quotes (rows with quote_id, article_id, speaker, kind, text, cue, and stances or stance) as a table, each
    with its article's title (of ``view``) and a link to its place there, and a CSV download of all of them
    (``full()``)."""
    kept = kept_params()

    def placed(rows):
        rows = rows.assign(place=article_links(rows["article_id"], rows["quote_id"], kept))
        return rows[[c for c in COLUMNS if c in rows.columns]]

    shown = placed(table)
    on_screen = [labels.TITLE_COLUMN if c == "article_id" else c for c in shown.columns]
    # Widths in pixels that add up, with the link's, to less than a wide screen's grid (about 940 px at 1400 px
    # with the sidebar open): the speaker, the quote, its stances, the link and the article's title all in view.
    # The stances wrap in a narrow column (tall rows): the width goes to the quote itself.
    tables.show_table(shown, name, total=total, full=(lambda: placed(full())) if full else None, titles=view,
                     column_order=on_screen,
                     column_config={"speaker": st.column_config.TextColumn(width=SPEAKER_PX),
                                    "place": st.column_config.LinkColumn("In the article", display_text="open"),
                                    "text": st.column_config.TextColumn(width=TEXT_PX),
                                    "stances": st.column_config.TextColumn(width=STANCES_PX),
                                    labels.TITLE_COLUMN: st.column_config.TextColumn(width=TITLE_PX)})


def quotes_behind(view: state.View, charts: tuple[str, ...]) -> None:
    """The page's section "Quotes behind the selection", for a click on one of ``charts`` (their keys)."""
    st.subheader("Quotes behind the selection")
    key, selection = current()
    if key not in charts or not selection:
        st.caption("Click a bar, cell, point or node of a chart above to list the quotes behind it here; "
                   "a double click on the chart clears it.")
        return
    table, total = view.query("drill.quotes_behind", selection, SHOWN)
    picked = dict(selection)
    titles = labels.titles_of(view, [picked["article"]]) if "article" in picked else None
    st.markdown(f"**{total:,}** {'quote' if total == 1 else 'quotes'} {describe(selection, titles)}.")
    if not total and "speaker" in picked:
        st.caption(f"{display.md_escape(picked['speaker'])} is not quoted in this selection.")
    elif "speaker" in picked:  # the Actors page offers the actors who are quoted
        st.page_link("app_pages/actors.py", label=f"{display.md_escape(picked['speaker'])} on the Actors page",
                     icon=":material/person:", query_params={"actor": picked["speaker"]})
    if "article" in picked:
        st.page_link("app_pages/articles.py", label="Open the article", icon=":material/article:",
                     query_params={"article": picked["article"]})
    if total:
        quotes_table(table, "selection_quotes", view, total=total,
                     full=lambda: view.fresh("drill.quotes_behind", selection, None)[0])
