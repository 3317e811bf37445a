"""An article's layout (`analytics.layout`): paragraphs, headings, furniture and sentences, computed once."""
from __future__ import annotations

import dataclasses

import pytest

from analytics.layout import Layout, furniture_spans, heading_paragraphs, is_furniture, layout_of, paragraph_spans

TEXT = (
    "Port Strike Ends After Talks\n"
    "\n"
    "Union leader Grace Okafor said on Tuesday the deal was done. Workers cheered.\n"
    "Comments are closed.\n"
)


def test_paragraph_offsets_point_into_the_text():
    assert [TEXT[s:e] for s, e in paragraph_spans(TEXT)] == [
        "Port Strike Ends After Talks",
        "Union leader Grace Okafor said on Tuesday the deal was done. Workers cheered.",
        "Comments are closed.",
    ]
    assert paragraph_spans(" \n\t\n") == []


def test_headings_are_short_lines_without_sentence_punctuation():
    assert heading_paragraphs(TEXT) == {0}
    assert heading_paragraphs("word " * 26) == set()  # too long for a heading
    assert heading_paragraphs("Talks resume (Reuters)\nWhat next?") == set()


def test_furniture_is_found_among_given_paragraphs():
    paragraphs = paragraph_spans(TEXT)
    assert furniture_spans(TEXT, paragraphs) == furniture_spans(TEXT) == [paragraphs[2]]


def test_layout_of_a_parsed_article(nlp):
    doc = nlp(TEXT)
    layout = layout_of(doc)
    assert layout.paragraphs == tuple(paragraph_spans(TEXT))
    assert layout.headings == {0}
    assert [TEXT[s:e] for s, e in layout.furniture] == ["Comments are closed."]
    assert layout.sentence_starts == tuple(sent.start for sent in doc.sents)
    okafor = TEXT.index("Okafor")
    assert layout.paragraph_of(okafor) == 1 and layout.paragraph_of(0) == 0
    assert layout.in_furniture(TEXT.index("closed")) and not layout.in_furniture(okafor)
    cheered = next(t for t in doc if t.text == "cheered")
    assert layout.sentence_of(cheered.i) == next(n for n, s in enumerate(doc.sents) if s.start <= cheered.i < s.end)


def test_a_layout_cannot_be_changed_once_built():
    layout = Layout(paragraphs=((0, 4), (5, 9)), headings=frozenset(), furniture=(), sentence_starts=(0,), text="Head\nBody")
    assert layout.paragraph_starts == (0, 5) and layout.paragraph_of(7) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        layout.headings = frozenset({0})


def test_paragraphs_are_non_empty_lines_whatever_the_separator():
    text = "Title\nFirst para.\n\n\nSecond para.\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["Title", "First para.", "Second para."]


@pytest.mark.parametrize("line", ["Comments", "Comments are closed.", "Post a Comment", "Subscribe to get the latest posts sent to your email."])
def test_page_furniture_is_recognised(line):
    assert is_furniture(line)


def test_article_sentences_are_not_furniture():
    assert not is_furniture("Comments from the minister were sharp.")
    text = "The minister spoke.\nComments are closed.\n"
    assert [text[s:e] for s, e in furniture_spans(text)] == ["Comments are closed."]


def test_a_text_without_line_breaks_is_read_in_parts_not_as_one_paragraph(nlp):
    # a CSV field or a scraped page: fifteen sentences and no line break
    sentences = [f"The ferry to Skarholm ran late on day {n} of the timetable trial." for n in range(1, 15)]
    sentences.insert(6, '"We have had enough. Nobody asked the islanders. Nobody ever does," said Ida Berg.')
    text = " ".join(sentences)
    layout = layout_of(nlp(text))
    assert len(layout.paragraphs) >= 4
    assert layout.paragraphs[0][0] == 0 and layout.paragraphs[-1][1] == len(text)
    # no part starts inside the quotation
    opening = text.index('"We have')
    closing = text.index('Nobody ever does,"') + len('Nobody ever does,"')
    assert not any(opening < s < closing for s, _ in layout.paragraphs)


def test_ordinary_paragraphs_are_not_cut(nlp):
    text = "Ferry trial ends\n\n" + " ".join(f"The ferry ran late on day {n}." for n in range(1, 6)) + "\n\nIt ends today."
    assert len(layout_of(nlp(text)).paragraphs) == 3
