"""The Quotes page's corrections: choose a quote, correct its speaker, outcomes, labels, or say it is no quote;
the corrections listed, downloaded (``corrections.jsonl``, a gold set) and loaded back."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.corrected import gold_zip
from analytics.corrections import (LABELS, CorrectionError, changed_fields, correction_of, corrections_jsonl,
                                   read_corrections, same_quote, with_correction)
from analytics.outcomes import OutcomeError, parse_outcomes
from app_pages import corrected, display, labels, state

NOT_ABOUT = "—"  # an outcome the quote is not about
MAX_LABEL = 90  # characters of a quote shown in the chooser


def stances_of(text: str) -> dict[str, str]:
    """The quote table's ``stances`` cell (``outcome: label; ...``) as a mapping."""
    pairs = (part.split(": ", 1) for part in (text or "").split("; ") if ": " in part)
    return {outcome: label for outcome, label in pairs}


def outcome_keys(view) -> list[str]:
    """The outcomes a quote can be about: those of the session's outcome file and those the stances name."""
    try:
        keys = [o.key for o in parse_outcomes(state.outcomes_text())]
    except OutcomeError:
        keys = []
    named = state.filter_options(view.store, view.key)["outcomes"]
    return list(dict.fromkeys(keys + named))


def chooser_label(row, titles: dict[str, str] | None = None) -> str:
    """Speaker, quote and the article it is in, by its short title (``titles``: id -> title) where known."""
    text = " ".join(str(row["text"]).split())
    text = text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "…"
    return f"{row['speaker'] or '(no speaker)'}: “{text}” ({(titles or {}).get(row['article_id'], row['article_id'])})"


def save(quote: dict, outcomes: list[str], shown: dict[str, str]) -> None:
    """The form's callback: what the analyst changed on ``quote`` (shown with the labels ``shown``) becomes
    its correction, on top of the one it had."""
    ss, qid = st.session_state, quote["quote_id"]
    found = corrected.records()
    had = next((r for r in found if same_quote(r, correction_of(quote))), {})
    judged = {k: had[k] for k in ("speaker", "stances", "not_quote") if k in had}
    speaker = " ".join(str(ss.get(f"fix-speaker-{qid}", "")).split())
    if speaker != (quote["speaker"] or ""):
        judged["speaker"] = speaker
    wanted = {o: ss[f"fix-{o}-{qid}"] for o in outcomes if ss.get(f"fix-{o}-{qid}", NOT_ABOUT) != NOT_ABOUT}
    if wanted != shown:
        judged["stances"] = wanted
    if ss.get(f"fix-not-{qid}"):
        judged["not_quote"] = True
    corrected.keep(with_correction(found, correction_of(quote, **judged)))


def forget(index: int) -> None:
    found = corrected.records()
    corrected.keep(found[:index] + found[index + 1:])


def load() -> None:
    """The upload's callback: the file's corrections added to the session's (a later one on the same quote wins)."""
    upload = st.session_state.get("corrections-upload")
    if upload is None:
        return
    try:
        loaded = read_corrections(upload.getvalue().decode("utf-8-sig"))
    except (UnicodeDecodeError, CorrectionError) as err:
        st.session_state["corrections-problem"] = f"{upload.name}: {err}"
        return
    found = corrected.records()
    for record in loaded:
        found = with_correction(found, record)
    corrected.keep(found)
    st.session_state.pop("corrections-problem", None)


def form(view, quotes: pd.DataFrame) -> None:
    """Choose one of the quotes shown and correct it."""
    st.subheader("Correct a quote")
    st.caption("Your corrections count at once on every page of this session (the counts, the Stance and Timeline "
               "pages, the downloads). Choose a quote of the table above (search or filter to find it).")
    if quotes.empty:
        st.info("No quote in this view to correct.")
        return
    rows = {row["quote_id"]: row for row in quotes.fillna("").to_dict("records")}
    titles = labels.titles_of(view, quotes["article_id"])
    qid = st.selectbox("Quote", list(rows), format_func=lambda q: chooser_label(rows[q], titles), key="fix-quote")
    quote = rows[qid]
    shown = stances_of(quote.get("stances", ""))
    outcomes = list(dict.fromkeys(outcome_keys(view) + list(shown)))
    with st.form(f"fix-form-{qid}", border=True):
        st.markdown(f"“{display.md_escape(quote['text'])}” · *{display.md_escape(titles.get(quote['article_id'], quote['article_id']))}*")
        left, right = st.columns([3, 1])
        left.text_input("Speaker", value=quote["speaker"] or "", key=f"fix-speaker-{qid}",
                        help="The canonical name (as in the actors list), an institution, or empty for none.")
        right.checkbox("Not a quote", key=f"fix-not-{qid}", help="The span reproduces no one's words.")
        st.caption("What the quote is about, and the speaker's position on it (— for an outcome it is not about).")
        choices = [NOT_ABOUT, *LABELS]
        for n, outcome in enumerate(outcomes):
            if n % 4 == 0:  # a row of four at a time, so a phone stacks them in the file's order
                columns = st.columns(4)
            columns[n % 4].selectbox(labels.outcome_label(outcome), choices, index=choices.index(shown.get(outcome, NOT_ABOUT)),
                                     key=f"fix-{outcome}-{qid}")
        st.form_submit_button("Save the correction", on_click=save, args=(quote, outcomes, shown), key="fix-save",
                              icon=":material/check:")


def listing(view) -> None:
    """The session's corrections, whether each still names a quote, downloads and the upload."""
    found = corrected.records()
    base_key, base = state.analysis_store()
    st.subheader("Your corrections")
    problem = st.session_state.get("corrections-problem")
    if problem:
        st.error(display.md_escape(problem))
    if found:
        matched = corrected.matches(base_key, base)
        lost = sum(m.quote_id is None for m in matched)
        # The quote, what was changed and whether it still applies first; its article (by title) after.
        table = pd.DataFrame({"text": [r["text"] for r in found], "correction": [changed_fields(r) for r in found],
                              "status": ["no longer matches a quote" if m.quote_id is None else f"applied to {m.quote_id}"
                                         + ("" if m.how == "exact" else f" ({m.how})") for m in matched],
                              "article_id": [r["article_id"] for r in found]})
        if lost:
            st.warning(f"{lost} of {len(found)} corrections name no quote of this analysis (the rules or the corpus "
                       "changed). They are kept, and in the download.", icon=":material/link_off:")
        st.dataframe(labels.with_titles(view, labels.on_screen(table)), hide_index=True, column_config={"text": st.column_config.TextColumn(width="large")})
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        index = left.selectbox("Remove a correction", range(len(found)), key="fix-forget-choice",
                               format_func=lambda i: f"{i + 1}. {labels.stances_on_screen(changed_fields(found[i]))}: "
                                                     f"{found[i]['text'][:60]}")
        right.button("Remove it", on_click=forget, args=(index,), key="fix-forget", icon=":material/undo:")
        c1, c2 = st.columns(2)
        c1.download_button("Download corrections.jsonl", corrections_jsonl(found), file_name="corrections.jsonl",
                           mime="application/jsonl", on_click="ignore", key="download-corrections",
                           icon=":material/download:")
        c2.download_button("Download the gold set (zip)", data=lambda: gold_export(view, found, matched),
                           file_name="gold.zip", mime="application/zip", on_click="ignore", key="download-gold",
                           icon=":material/folder_zip:",
                           help="A gold folder in the format of the gold guidelines, of the articles you corrected: "
                                "`python -m analytics evaluate gold/` scores the system against it.")
    else:
        st.caption("None yet. Correct a quote above, or load a corrections.jsonl you downloaded before.")
    st.file_uploader("Load a corrections.jsonl", type=["jsonl", "json", "txt"], key="corrections-upload", on_change=load,
                     help="Its corrections are added to this session's; a quote corrected in both takes the file's.")


def gold_export(view, found: list[dict], matched) -> bytes:
    """The gold zip of the corrected articles, with their texts (none for a server's prebuilt tables: give
    ``evaluate --input`` the corpus) and the session's outcome and actor files."""
    articles = [{"article_id": r[0], "text": r[1], "title": r[2], "source": r[3], "date": r[4], "url": r[5]}
                for r in state.corpus_rows()] if state.prebuilt_folder() is None else None
    return gold_zip(view.store, found, matched, articles, state.outcomes_text(), state.registry_text())
