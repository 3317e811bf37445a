"""Tables on a page: the first rows on screen, all of them as a CSV download, and the chart clicks that
open them. Every page shows its tables through here."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.export import to_download_bytes, zip_tables
from app_pages import labels
from app_pages.state import MAX_ROWS, View

QUOTED = {"text", "from_text", "to_text", "passage"}  # columns of quoted text, shown wrapped
# Streamlit's grid wraps text only in rows taller than 4rem (64 px): at 64 a quote was cut to one line.
WRAPPED_ROW_PX = 76


def show_table(table: pd.DataFrame, name: str, total: int | None = None, full=None, titles: View | None = None,
               **kwargs) -> None:
    """A table of at most MAX_ROWS rows with a CSV download of all ``total`` rows (``full()`` gives them;
    built only when clicked). With ``titles`` (the view), its article ids are shown as the articles' titles."""
    shown = table.head(MAX_ROWS)
    if QUOTED & set(shown.columns):
        kwargs.setdefault("row_height", WRAPPED_ROW_PX)  # tall rows: the grid wraps a quote over three lines
    screen = labels.on_screen(shown)
    st.dataframe(labels.with_titles(titles, screen) if titles is not None else screen, hide_index=True, **kwargs)
    total = len(table) if total is None else total
    if total > len(shown):
        st.caption(f"Showing the first {len(shown):,} of {total:,} rows; the download has them all.")
    # The CSV keeps outcome keys and article ids, and its links work outside the app.
    links = [c for c, conf in (kwargs.get("column_config") or {}).items()
             if isinstance(conf, dict) and (conf.get("type_config") or {}).get("type") == "link"]
    base = labels.app_base()
    st.download_button(
        f"Download {name}.csv", data=lambda: to_download_bytes(labels.absolute_links(full() if full else table, links, base)),
        file_name=f"{name}.csv", mime="text/csv", on_click="ignore", key=f"download-{name}", icon=":material/download:",
    )


def show_view_table(view: View, table: str, name: str, columns: list[str] | None = None, order: str | None = None,
                    **kwargs) -> None:
    """Table ``table`` of the view: its first rows, and all of them as a download."""
    show_table(view.rows(table, columns, order), name, total=view.count(table),
               full=lambda: view.fresh("rows", table, columns, order, None), **kwargs)


def clicked_point(chart_key: str) -> dict | None:
    """The first point selected on the chart with key ``chart_key``, as its ``on_select`` callback sees it."""
    event = st.session_state.get(chart_key)
    points = event.selection.points if event and event.selection else []
    return points[0] if points else None


def zip_button(view: View) -> None:
    about = labels.view_text(view.filters, labels.corpus_words(), labels.view_link())
    st.sidebar.download_button(
        "Download all tables (zip)", data=lambda: zip_tables(view.tables(), {"view.txt": about}), file_name="news-analytics.zip",
        mime="application/zip", on_click="ignore", key="download-zip", icon=":material/folder_zip:",
    )
