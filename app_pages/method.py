"""Method: how each measure is computed, the configuration in use, and the measured accuracy."""
from pathlib import Path

import pandas as pd
import streamlit as st

from analytics import stance as stance_module
from analytics.actors import parse_registry
from analytics.evaluate import score_analysis
from analytics.outcomes import parse_outcomes
from app_pages import state, tables

GOLD = state.ROOT.parent / "shared" / "gold" / "seeds"

st.title("Method")
st.markdown("""
**Mentions.** Every name, surname, spelling variant, possessive and name inside a compound (`Okafor-Lindqvist`) counts;
pronouns and unnamed roles do not. Names come from the actor registry, plus the people the articles name in full
(spaCy PERSON entities merged by surname: `Grace Okafor`, `Okafor`, `Okafor's` are one actor).

**Co-occurrence.** Two actors co-occur when both are named in one sentence, paragraph or article. `count` is the
number of such windows; `jaccard` = both / either; `npmi` = normalised pointwise mutual information over all windows
of that kind (0: no more than chance; 1: always together).

**Quotes.** Direct quotes come from quotation marks of every style; reported speech from a reporting verb and the
clause or object that carries what was said (`said that …`, `called for …`, `according to …`). The speaker is the
verb's subject, resolved through appositions, titles, pronouns, registry roles (`the port authority spokeswoman`)
and earlier mentions.

**Stance.** Each quote gets a stance toward each outcome it is about: `favor`, `against` or `neutral`, from a
score between −1 and +1. The rule, as documented in `analytics/stance.py`:
""")


def stance_rule(doc: str) -> tuple[str, str]:
    """The stance module's account of the rule: its prose, and the formula (shown as code)."""
    paragraphs = doc.strip().split("\n\n")
    at = next((i for i, p in enumerate(paragraphs) if p.startswith("The scoring rule")), None)
    if at is None:
        return "", doc
    prose = " ".join(" ".join(p.split()) for p in paragraphs[1:at + 1])
    return prose, "\n\n".join(paragraphs[at + 1:])


prose, rule = stance_rule(stance_module.__doc__ or "")
if prose:
    st.markdown(prose)
st.code(rule, language=None)
st.markdown("""
**Charts.** *Mean stance* is the mean score of the quotes in a cell; a speaker's quotes on one outcome count once each.
*Most contested* ranks outcomes by the smaller of their favor and against counts. Every chart and table follows the
sidebar's filters: articles, dates and sources choose the articles; *Actors* chooses speakers and mentions;
*Outcomes* and *Stance* choose stances (and the quotes that take them); *Kinds of actor* applies to mentions.
""")

st.subheader("Configuration in use")
edited = " (edited in this session on *Your articles*)"
st.caption("Actors: the registry" + (edited if st.session_state.get("registry_text") else " from `data/actors.yml`") +
           ". People the articles name in full are added to it by the analysis.")
registry = parse_registry(state.registry_text())
tables.show_table(pd.DataFrame([{"name": a.name, "kind": a.kind, "aliases": ", ".join(a.aliases), "roles": ", ".join(a.roles),
                                "affiliation": a.affiliation} for a in registry.actors.values()]), "actors_config")
st.caption("Outcomes" + (edited if st.session_state.get("outcomes_text") else " from `data/outcomes.yml`") + ".")
outcomes = parse_outcomes(state.outcomes_text())
tables.show_table(pd.DataFrame([{"key": o.key, "label": o.label, "description": o.description, "terms": ", ".join(o.terms)}
                               for o in outcomes]), "outcomes_config")

st.subheader("Accuracy on the gold sets")
ACCURACY = state.ROOT / "data" / "evaluation" / "accuracy.csv"  # the README's table reads the same figures (a test checks)
st.caption("Recorded figures of `python -m analytics evaluate` on three hand-annotated gold sets, with the current rules "
           "(the run of the README's *Evaluate against gold sets*; too slow to run on every page). **The rules were tuned "
           "on the seed set**, so its figures are an upper bound; the two dev sets (other outlets and other stories) say "
           "more about new articles, though their error classes were read too. *Stance strict*: macro-F1 of favor, "
           "against and neutral, an outcome the gold lacks counting as wrong; *label, outcome given*: the label alone.")
recorded = pd.read_csv(ACCURACY, keep_default_na=False)
tables.show_table(recorded[recorded["run"] == "after"].drop(columns=["run"]).rename(columns={"rules_tuned_here": "rules tuned on it"}),
                 "accuracy_gold_sets", full=lambda: recorded)

st.subheader("Accuracy on the seed gold set, computed now")


@st.cache_data(show_spinner="Scoring against the gold set…")
def seed_scores(gold: str, registry_text: str, outcomes_text: str) -> pd.DataFrame:
    scores = score_analysis(state.analyse(state.default_articles(), registry_text, outcomes_text), gold)
    rows = [{"measure": f"quotes {k} F1", "value": scores[k]["f1"], "detail": f"P {scores[k]['precision']:.3f}, R {scores[k]['recall']:.3f}"}
            for k in ("direct", "indirect", "all")]
    rows.append({"measure": "speaker accuracy", "value": scores["speaker_accuracy"], "detail": "over matched quotes"})
    rows.append({"measure": "stance macro-F1 (end to end)", "value": scores["stance"]["macro_f1"], "detail": "missed quotes count as wrong"})
    rows.append({"measure": "stance macro-F1 (matched quotes)", "value": scores["stance_matched"]["macro_f1"], "detail": ""})
    rows.append({"measure": "mentions within one of gold", "value": scores["mentions"]["within_one"], "detail": f"MAE {scores['mentions']['mae']:.3f}"})
    return pd.DataFrame(rows)


st.caption("The default corpus analysed with the configuration above (yours, if you edited it), scored against the "
           "seed gold set's quotes, speakers, stances and mention counts (`evaluate.score_analysis`; the rules were tuned "
           "on this set). F1 matches quotes by their words; speaker accuracy "
           "is over the quotes both found; stance macro-F1 averages favor, against and neutral.")
if Path(GOLD).exists():
    tables.show_table(seed_scores(str(GOLD), state.registry_text(), state.outcomes_text()).round(3), "accuracy")
else:
    st.info("The seed gold set (shared/gold/seeds) is not beside this installation, so accuracy is not computed here; "
            "the recorded figures above are from the README's run.")
