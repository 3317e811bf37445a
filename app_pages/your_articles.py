"""Your articles: analyse your own corpus, and edit the actors and outcomes. Stays in this browser session."""
import streamlit as st

from analytics.actors import RegistryError, parse_registry
from analytics.corpus import corpus_from_files
from analytics.outcomes import OutcomeError, parse_outcomes
from app_pages import display, state, uploads

st.title("Your articles")
st.caption("Upload .txt files, or a .csv / .jsonl with a `text` column (optional `article_id, title, source, date, url`), "
           "or paste a text. What you upload stays in this browser session: no other visitor sees it.")
st.caption(f"Limits, so that one analysis cannot take the server from everyone else: up to {uploads.MAX_FILES} files "
           f"and {uploads.MAX_UPLOAD_BYTES // uploads.MB} MB in all per analysis (about a minute per MB), and "
           f"{uploads.MAX_ARTICLE_CHARS:,} characters per article (a longer one takes more memory than an analysis "
           f"is given: split it). At most {uploads.MAX_ANALYSES} analyses run at a time; yours waits its turn, "
           "and this page says how many are before it. Files over a limit are listed; the rest is analysed.")


def not_analysed(skipped: list[tuple[str, str]]) -> None:
    if skipped:
        st.warning("Not analysed:\n" + "\n".join(f"- {display.md_escape(n)}: {display.md_escape(r)}" for n, r in skipped))


files = st.file_uploader("Files", type=["txt", "csv", "jsonl"], accept_multiple_files=True, key="upload")
pasted = st.text_area("…or paste an article", key="pasted", height=150)
if st.button("Analyse", type="primary", icon=":material/play_arrow:"):
    chosen = list(files or [])
    named = [(f.name, f.size) for f in chosen]
    if pasted.strip():
        named.append(("pasted.txt", len(pasted.encode("utf-8"))))
    taken, skipped = uploads.choose_files(named)
    inputs = [(chosen[i].name, chosen[i].getvalue()) if i < len(chosen) else ("pasted.txt", pasted.encode("utf-8"))
              for i in taken]
    corpus = corpus_from_files(inputs)
    articles, too_long = uploads.drop_long_articles(corpus.articles)
    skipped += corpus.skipped + too_long
    not_analysed(skipped)
    for warning in corpus.warnings:
        st.caption(display.md_escape(warning))
    if not articles:
        st.error("No readable article: nothing to analyse.")
    else:
        rows = state.as_rows(articles)
        registry, outcomes = state.registry_text(), state.outcomes_text()
        try:
            tables = state.analyse_in_worker(rows, registry, outcomes)
        except uploads.UploadError as err:
            st.error(display.md_escape(str(err)) + " Your previous corpus is still shown.")
        else:
            state.keep_analysis(rows, registry, outcomes, tables)
            # Rerun so the sidebar's filters list the new corpus; the report waits in the session for that run.
            st.session_state["upload_report"] = (len(rows), skipped, corpus.warnings)
            st.rerun()

report = st.session_state.pop("upload_report", None)
if report:
    count, skipped, warnings = report
    st.success(f"Analysed {count} articles. Every page now shows your corpus.")
    not_analysed(skipped)
    for warning in warnings:
        st.caption(display.md_escape(warning))

if state.customised():
    st.button("Back to the default corpus, actors and outcomes", on_click=state.reset_to_default,
              icon=":material/restart_alt:", help="Forgets what you uploaded and edited in this session.")

st.divider()
st.subheader("Actors and outcomes")
st.caption("Edit the actor registry and the outcome definitions (YAML, as in `data/actors.yml` and `data/outcomes.yml`); "
           "the analysis reruns with them. Parsed texts are reused, so this is quick.")
left, right = st.columns(2)
registry_text = left.text_area("Actor registry", state.registry_text(), height=320, key="registry_edit")
outcomes_text = right.text_area("Outcomes", state.outcomes_text(), height=320, key="outcomes_edit")
registry_file = left.file_uploader("…or upload a registry (.yml/.csv)", type=["yml", "yaml", "csv"], key="registry_file")
outcomes_file = right.file_uploader("…or upload outcomes (.yml)", type=["yml", "yaml"], key="outcomes_file")
if st.button("Apply actors and outcomes"):
    try:
        if registry_file is not None:
            fmt = "csv" if registry_file.name.lower().endswith(".csv") else "yaml"
            registry = parse_registry(registry_file.getvalue().decode("utf-8", "replace"), fmt, registry_file.name)
            registry_text = registry.to_yaml()
        else:
            parse_registry(registry_text)
        if outcomes_file is not None:
            outcomes_text = outcomes_file.getvalue().decode("utf-8", "replace")
        parse_outcomes(outcomes_text)
    except (RegistryError, OutcomeError) as err:
        st.error(display.md_escape(str(err)))
    else:
        st.session_state["registry_text"], st.session_state["outcomes_text"] = registry_text, outcomes_text
        # Rerun so the sidebar (drawn before this button) lists and notes them; the message waits for that run.
        st.session_state["applied_report"] = True
        st.rerun()
if st.session_state.pop("applied_report", False):
    st.success("Applied: every page now uses these actors and outcomes.")
