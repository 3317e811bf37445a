"""Your articles: analyse your own corpus, and edit the actors and outcomes. Stays in this browser session."""
import streamlit as st

from analytics.actors import RegistryError, parse_registry
from analytics.corpus import corpus_from_files
from analytics.outcomes import OutcomeError, parse_outcomes
from app_pages import state

MAX_FILES = 200
MAX_BYTES = 20 * 1024 * 1024  # per file; the server's own limit is in .streamlit/config.toml

st.title("Your articles")
st.caption("Upload .txt files, or a .csv / .jsonl with a `text` column (optional `article_id, title, source, date, url`), "
           f"or paste a text. Up to {MAX_FILES} files of {MAX_BYTES // 2**20} MB each. What you upload stays in this "
           "browser session: no other visitor sees it.")

files = st.file_uploader("Files", type=["txt", "csv", "jsonl"], accept_multiple_files=True, key="upload")
pasted = st.text_area("…or paste an article", key="pasted", height=150)
if st.button("Analyse", type="primary", icon=":material/play_arrow:"):
    chosen = list(files or [])
    if len(chosen) > MAX_FILES:
        st.error(f"{len(chosen)} files is more than {MAX_FILES}; only the first {MAX_FILES} are read.")
        chosen = chosen[:MAX_FILES]
    inputs, too_big = [], []
    for f in chosen:
        if f.size > MAX_BYTES:
            too_big.append(f.name)
        else:
            inputs.append((f.name, f.getvalue()))
    if pasted.strip():
        inputs.append(("pasted.txt", pasted.encode("utf-8")))
    corpus = corpus_from_files(inputs)
    for name in too_big:
        corpus.skipped.append((name, f"larger than {MAX_BYTES // 2**20} MB"))
    if corpus.skipped:
        st.warning("Not analysed:\n" + "\n".join(f"- {state.md_escape(n)}: {state.md_escape(r)}" for n, r in corpus.skipped))
    for warning in corpus.warnings:
        st.caption(state.md_escape(warning))
    if not corpus.articles:
        st.error("No readable article: nothing to analyse.")
    else:
        rows = state.as_rows(corpus.articles)
        bar = st.progress(0.0, text="Parsing…")
        done = [0]

        def advance(n: int) -> None:
            done[0] += n
            bar.progress(min(done[0] / len(rows), 1.0), text=f"Parsed {done[0]} of {len(rows)} articles")

        state.parse_with_progress(rows, advance)
        bar.progress(1.0, text="Finding mentions, quotes and stances…")
        state.analyse(rows, state.registry_text(), state.outcomes_text())
        bar.empty()
        st.session_state["corpus_rows"] = rows
        # Rerun so the sidebar's filters list the new corpus; the report waits in the session for that run.
        st.session_state["upload_report"] = (len(rows), corpus.skipped, corpus.warnings)
        st.rerun()

report = st.session_state.pop("upload_report", None)
if report:
    count, skipped, warnings = report
    st.success(f"Analysed {count} articles. Every page now shows your corpus.")
    if skipped:
        st.warning("Not analysed:\n" + "\n".join(f"- {state.md_escape(n)}: {state.md_escape(r)}" for n, r in skipped))
    for warning in warnings:
        st.caption(state.md_escape(warning))

if st.session_state.get("corpus_rows") and st.button("Back to the default corpus"):
    del st.session_state["corpus_rows"]
    st.rerun()

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
        st.error(state.md_escape(str(err)))
    else:
        st.session_state["registry_text"], st.session_state["outcomes_text"] = registry_text, outcomes_text
        st.success("Applied: every page now uses these actors and outcomes.")
