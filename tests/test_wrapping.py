"""Hard-wrapped text (`analytics.wrapping`): line breaks inside paragraphs read as spaces, on texts of our own."""
from __future__ import annotations

import textwrap

from hypothesis import given, strategies as st

from analytics.corpus import corpus_from_files
from analytics.wrapping import unwrap

PARAGRAPHS = [
    "Harbour strike enters second week",
    "DOCKERS at the port of Eastmouth stayed out for an eighth day on Monday, and the union said it "
    "would not return to talks until the operator withdrew its plan to cut night shifts.",
    "\"We are not going back for a promise written in pencil,\" said Mara Quill, the union's regional "
    "secretary, speaking outside the main gate. \"When they put it in writing, we will read it.\"",
    "The operator said it had made a fair offer and urged the workers to accept it before the "
    "Christmas rush.",
]


def wrapped(width=70, blank=True):
    return ("\n\n" if blank else "\n").join(textwrap.fill(p, width) for p in PARAGRAPHS)


def test_a_hard_wrapped_article_reads_as_its_paragraphs():
    text, joined = unwrap(wrapped())
    assert joined > 0
    assert text.split("\n\n") == PARAGRAPHS
    assert len(text) == len(wrapped())  # one character for one: offsets stay true


def test_a_wrapped_quotation_is_found_whole_with_its_speaker(nlp):
    from analytics.actors import load_registry
    from analytics.parse import parse_texts
    from analytics.pipeline import analyse_doc

    corpus = corpus_from_files([("strike.txt", wrapped(60).encode())])
    article = corpus.articles[0]
    assert any("hard-wrapped" in w for w in corpus.warnings)
    doc = parse_texts(nlp, [article.text])[0]
    quotes = analyse_doc(doc, article, load_registry(None))["quotes"]
    pencil = [q for q in quotes if "written in pencil" in q["text"]]
    assert pencil and pencil[0]["speaker"] == "Mara Quill"
    assert pencil[0]["text"].startswith("We are not going back")


def test_text_with_a_paragraph_to_a_line_is_left_as_written():
    text = "\n".join(PARAGRAPHS)
    assert unwrap(text) == (text, 0)


def test_short_lines_of_a_list_or_transcript_stay_lines():
    transcript = ("Q&A with the harbour master\n"
                  "Q: Will the port reopen on Friday, as the operator has said it would?\n"
                  "A: We hope so, but that depends on the union and on the weather at sea.\n"
                  "Q: And if the strike goes on through the whole of the Christmas rush?\n"
                  "A: Then the ships will go to Westhaven, and some will not come back.\n")
    assert unwrap(transcript) == (transcript, 0)
    bullets = ("What we know so far\n" + "\n".join(
        f"• The union and the operator met for the {n} time on Monday and agreed on nothing" for n in
        ("first", "second", "third", "fourth")))
    assert unwrap(bullets) == (bullets, 0)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r"), max_size=400))
def test_unwrapping_keeps_every_offset(text):
    out, joined = unwrap(text)
    assert len(out) == len(text)
    assert sum(1 for a, b in zip(text, out) if a != b) == joined


def test_short_paragraphs_one_to_a_line_stay_lines():
    briefing = "\n".join([
        "Ferry services to Skarholm were cancelled for a third day on Monday.",
        "The operator said the storm had damaged the pier at the island's harbour.",
        "Islanders said food deliveries would run out by the end of the week.",
        "\"We have been forgotten again,\" said Ida Berg, who runs the island shop.",
        "The council said an emergency crossing would be arranged by Wednesday.",
    ])
    assert unwrap(briefing) == (briefing, 0)
