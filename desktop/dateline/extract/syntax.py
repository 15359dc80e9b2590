"""The syntax layer: POS, lemmas, morphology and dependency trees from the shipped model.

    from dateline.extract import syntax
    for sent in syntax.parse(text, spans=[(s.start, s.end) for s in wanted]):
        for word in sent.words:          # word.start/end are offsets into ``text``
            ...  word.pos, word.lemma, word.morph, sent.words[word.head], word.dep

The model is a spaCy pipeline (tok2vec, tagger, morphologizer, trainable lemmatizer,
parser) trained on Universal Dependencies English-EWT by ``make model``
(``scripts/train_syntax.sh``) and shipped in ``resources/syntax/en_ewt`` (CC BY-SA 4.0,
see ``resources/syntax/README.md``). It is read from disk once per process; nothing is
downloaded. Labels are UD's: UPOS in ``pos``, EWT's XPOS in ``tag``, UD relations with
subtypes in ``dep`` ("nsubj", "obl:tmod", "root").

Importing spaCy costs 1.5-2 s, so only extraction-worker code may import this module
(``tests/test_syntax.py`` checks that the GUI's start path does not).

Parsing costs ~0.2 ms a word per core, so callers parse only the sentences that need it:
``parse(text, spans)`` parses each given span as one sentence (our own sentence splitter
decides the boundaries; the parser is not allowed to split a span further), which also
makes each sentence's parse independent of what else is parsed with it.
"""
from __future__ import annotations

import threading
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.paths import resources_dir

from .parsetree import Sentence, Word

__all__ = ["Sentence", "SyntaxModelMissing", "Word", "load", "model_dir", "parse", "self_check",
           "sentence_from_span"]

MODEL_NAME = "en_ewt"
ROOT_DEP = "root"
# What the model reads instead, one character for one so offsets are unchanged (words keep
# the article's own text): whitespace the tokenizer would turn into tokens (a line break
# inside a wrapped paragraph) as spaces, and news' curly quotes and apostrophes as the
# straight ones of EWT's web text ("don’t", "’s" are otherwise words it never saw).
_MODEL_CHARS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u00a0": " ", "\u2028": " ",
                              "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})
_BATCH = 64
# The sentences of the last text parsed by range, so the rules that parse (statements and
# events each ask for the sentences they need, often the same ones of an article) share one
# parse; Sentences are frozen. Reset for another text or model; guarded by _lock.
_recent: dict = {"text": None, "path": None, "sentences": {}}


class SyntaxModelMissing(RuntimeError):
    """The shipped model's files are absent or unreadable."""


_lock = threading.RLock()
_loaded: dict[Path, Language] = {}


def model_dir() -> Path:
    return resources_dir() / "syntax" / MODEL_NAME


def load(path: Path | None = None) -> Language:
    """The spaCy pipeline at ``path`` (default: the shipped model), loaded once per process."""
    path = Path(path) if path is not None else model_dir()
    with _lock:
        nlp = _loaded.get(path)
        if nlp is None:
            nlp = _loaded[path] = _read_model(path)
        return nlp


def _read_model(path: Path) -> Language:
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        raise SyntaxModelMissing(
            f"the syntax model is missing: no config.cfg/meta.json in {path} "
            "(it ships in resources/syntax/en_ewt; rebuild it with 'make model')")
    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:
        raise SyntaxModelMissing(f"the syntax model in {path} cannot be read: {exc}") from exc


def parse(text: str, spans=None, *, parser: bool = True, path: Path | None = None
          ) -> list[Sentence]:
    """Parsed sentences of ``text``; offsets are into ``text``.

    ``spans``: (start, end) character ranges, each parsed as exactly one sentence (blank
    edges trimmed; empty ones skipped); None parses the whole text and lets the parser
    find the sentences. ``parser=False`` only tags (POS, morphology, lemmas; every word
    is then its own root), about twice as fast."""
    nlp = load(path)
    disable = [] if parser else ["parser"]
    if spans is not None:
        ranges = [_trim(text, s, e) for s, e in _as_ranges(spans)]
        with _lock:
            return _parse_ranges(nlp, text, [(s, e) for s, e in ranges if s < e], parser,
                                 disable, path)
    ranges = [(s, e) for s, e in [_trim(text, 0, len(text))] if s < e]
    with _lock:
        made = [_make_doc(nlp, text[s:e].translate(_MODEL_CHARS), False) for s, e in ranges]
        parsed = nlp.pipe((doc for doc, _ in made), disable=disable, batch_size=_BATCH)
        sentences = []
        for doc, (_, starts), (offset, _) in zip(parsed, made, ranges):
            pieces = doc.sents if parser else [doc[:]]
            sentences += [_sentence(piece, starts, text, offset, parser) for piece in pieces]
    return [s for s in sentences if s.words]


def _parse_ranges(nlp: Language, text: str, ranges: list, parser: bool, disable: list,
                  path: Path | None) -> list[Sentence]:
    """Each range parsed as one sentence, reusing the parses of the same text's ranges."""
    if _recent["text"] is not text or _recent["path"] != path:
        _recent.update(text=text, path=path, sentences={})
    done = _recent["sentences"]
    todo = [r for r in dict.fromkeys(ranges) if (r, parser) not in done]
    made = [_make_doc(nlp, text[s:e].translate(_MODEL_CHARS), True) for s, e in todo]
    parsed = nlp.pipe((doc for doc, _ in made), disable=disable, batch_size=_BATCH)
    for doc, (_, starts), (offset, end) in zip(parsed, made, todo):
        done[((offset, end), parser)] = _sentence(doc[:], starts, text, offset, parser)
    return [sent for sent in (done[(r, parser)] for r in ranges) if sent.words]


def _as_ranges(spans):
    """(start, end) pairs from tuples or objects with .start/.end (``sentences.Span``)."""
    for span in spans:
        yield (span.start, span.end) if hasattr(span, "start") else (span[0], span[1])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _make_doc(nlp: Language, text: str, one_tree: bool):
    """(Doc, start offsets of its words in ``text``): spaCy's tokens without the tokens of
    stray whitespace (double spaces), which the parser would otherwise hang in the tree.
    ``one_tree``: the parser must keep the Doc as one sentence."""
    tokens = [t for t in nlp.tokenizer(text) if not t.is_space]
    starts = [t.idx for t in tokens]
    spaces = [t.idx + len(t.text) < (starts[k + 1] if k + 1 < len(starts) else len(text))
              for k, t in enumerate(tokens)]
    doc = Doc(nlp.vocab, words=[t.text for t in tokens], spaces=spaces)
    if one_tree:
        for i, token in enumerate(doc):
            token.is_sent_start = i == 0
    return doc, starts


def _sentence(span, starts: list[int], text: str, offset: int, parsed: bool) -> Sentence:
    """A parsed spaCy span as a Sentence; ``starts``: its Doc's word offsets relative to
    ``offset`` in ``text`` (word texts are taken from ``text``, not the model's copy)."""
    first = span.start
    words = []
    for t in span:
        start = offset + starts[t.i]
        end = start + len(t.text)
        is_root = not parsed or t.head.i == t.i
        words.append(Word(i=t.i - first, start=start, end=end, text=text[start:end],
                          pos=t.pos_, tag=t.tag_, lemma=t.lemma_, morph=str(t.morph),
                          head=(t.i if is_root else t.head.i) - first,
                          dep=_dep(t.dep_, is_root) if parsed else ""))
    if not words:
        return Sentence(start=offset, end=offset, words=())
    return Sentence(start=words[0].start, end=words[-1].end, words=tuple(words))


def sentence_from_span(span) -> Sentence:
    """A parsed spaCy ``Span`` (a sentence of a Doc run through ``load()``'s pipeline) as a
    :class:`Sentence`; offsets into its Doc's text. For callers that build their own Docs
    (the evaluation's gold tokenisation)."""
    return _sentence(span, [t.idx for t in span.doc], span.doc.text, 0, True)


def _dep(label: str, is_root: bool) -> str:
    return ROOT_DEP if is_root else label.lower()


def self_check() -> list[str]:
    """Problems found loading the shipped model and parsing one sentence ([] when fine);
    the frozen bundle's ``--self-test`` runs it."""
    try:
        sents = parse("The minister said the talks would resume on Monday.")
    except (SyntaxModelMissing, OSError, ValueError) as exc:
        return [f"syntax model: {exc}"]
    if len(sents) != 1 or not sents[0].words:
        return [f"syntax model: expected one parsed sentence, got {len(sents)}"]
    root = sents[0].root
    if root is None or root.lemma != "say":
        return [f"syntax model: unexpected root {root.text if root else None!r}"]
    return []
