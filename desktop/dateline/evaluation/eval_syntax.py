"""Syntax section: the shipped model's accuracy on UD English-EWT and its speed.

Accuracy uses EWT's gold tokenisation (each sentence's syntactic words become one Doc that
the parser must keep as one tree) and counts every word, punctuation included, as UD's
CoNLL 2018 scorer does: UPOS, XPOS, lemma, UAS, LAS (full labels with subtypes, e.g.
``obl:tmod``) and LAS on the universal part of the label only (CoNLL 2018's LAS). Rows: the
dev split (used to pick the best checkpoint while training, so not independent) and the
test split (held out: never used for training or model selection).

Speed is CPU time (``time.process_time``, so per core) through ``syntax.parse`` on raw text,
tokenisation included: the full pipeline and tagging only (no parser), in words per second,
and articles per second for parsing every sentence of the sample corpus.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from dateline.extract import syntax
from dateline.extract.sentences import split_sentences
from dateline.extract.syntax_repair import attach_dates_to_verbs
from dateline.extract.temporal import find_time_expressions
from dateline.paths import bundled_articles_dir

from .common import format_table

SPLITS = (("dev", "en_ewt-ud-dev.conllu", "dev split (model selection)"),
          ("heldout", "en_ewt-ud-test.conllu", "test split (held out)"))
SPEED_SENTENCES = 1000
ANCHOR_DATE = date(2010, 6, 15)    # EWT has no publication dates; only the spans matter


@dataclass
class GoldSentence:
    text: str
    words: list[str]
    spaces: list[bool]
    upos: list[str]
    xpos: list[str]
    lemmas: list[str]
    heads: list[int]        # 0 = root, else 1-based word index
    deps: list[str]


def main(corpora: Path, limit: int | None) -> None:
    folder = corpora / "syntax"
    if not (folder / SPLITS[1][1]).is_file():
        print(f"no EWT test file in {folder}")
        return
    try:
        nlp = syntax.load()
    except syntax.SyntaxModelMissing as exc:
        print(exc)
        return
    print(model_line(nlp))
    rows, repairs = [], []
    for part, name, label in SPLITS:
        gold = read_conllu(folder / name, limit)
        repair = DateRepairCount()
        rows.append([part, label, *score(nlp, gold, repair)])
        repairs.append(repair.row(part))
    print(format_table("UD English-EWT, gold tokenisation (%): UAS/LAS count every word, "
                       "punctuation included (CoNLL 2018); the last two leave punctuation out "
                       "(spaCy's scorer)",
                       ["part", "split", "sents", "words", "UPOS", "XPOS", "lemma", "UAS",
                        "LAS", "LAS univ", "UAS no punct", "LAS no punct"], rows))
    print()
    print(format_table("Date repair (a date hung on a noun moves to its verb) against EWT gold",
                       ["part", "dates found", "heads moved", "fixed", "broken"], repairs))
    test = read_conllu(folder / SPLITS[1][1], None)[:SPEED_SENTENCES]
    print()
    print(format_table("Speed, CPU time (per core), raw text through syntax.parse",
                       ["what", "words", "words/s per core"], speed_rows(test)))
    print(sample_corpus_speed())


def model_line(nlp) -> str:
    folder = syntax.model_dir()
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return (f"model: {folder.name} {nlp.meta.get('version', '?')}, spaCy "
            f"{nlp.meta.get('spacy_version', '?')}, {', '.join(nlp.pipe_names)}; "
            f"{size / 1e6:.1f} MB")


def read_conllu(path: Path, limit_docs: int | None) -> list[GoldSentence]:
    """Sentences of a CoNLL-U file (syntactic words; multiword-token and empty-node lines
    skipped), at most ``limit_docs`` documents (``# newdoc``) when given."""
    sentences, lines, docs = [], [], 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("# newdoc"):
            docs += 1
            if limit_docs is not None and docs > limit_docs:
                break
        if raw.strip():
            lines.append(raw)
        elif lines:
            sentences.append(_sentence(lines))
            lines = []
    if lines and (limit_docs is None or docs <= limit_docs):
        sentences.append(_sentence(lines))
    return sentences


def _sentence(lines: list[str]) -> GoldSentence:
    sent = GoldSentence("", [], [], [], [], [], [], [])
    no_space_after: set[int] = set()    # last word ids of multiword tokens with SpaceAfter=No
    for line in lines:
        if line.startswith("# text = "):
            sent.text = line[len("# text = "):]
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0]:
            if "SpaceAfter=No" in cols[9]:
                no_space_after.add(int(cols[0].split("-")[1]))
            continue
        if "." in cols[0]:
            continue
        sent.words.append(cols[1])
        sent.spaces.append("SpaceAfter=No" not in cols[9] and int(cols[0]) not in no_space_after)
        sent.upos.append(cols[3])
        sent.xpos.append(cols[4])
        sent.lemmas.append(cols[2])
        sent.heads.append(int(cols[6]))
        sent.deps.append(cols[7])
    return sent


def score(nlp, gold: list[GoldSentence], repair: DateRepairCount | None = None) -> list:
    """[sentences, words, UPOS, XPOS, lemma, UAS, LAS, LAS univ] in per cent; ``repair``
    counts what ``attach_dates_to_verbs`` would change (the scores are before it)."""
    docs = (_gold_doc(nlp, g) for g in gold)
    hits = [0] * 6
    words = 0
    content = [0, 0, 0]     # words that are not punctuation; of those attached; and labelled right
    for doc, g in zip(nlp.pipe(docs, batch_size=64), gold):
        if repair is not None:
            repair.add(syntax.sentence_from_span(doc[:]), g)
        for k, token in enumerate(doc):
            head = 0 if token.head.i == token.i else token.head.i + 1
            dep = "root" if head == 0 else token.dep_.lower()
            gold_dep = g.deps[k].lower()
            attached = head == g.heads[k]
            hits[0] += token.pos_ == g.upos[k]
            hits[1] += token.tag_ == g.xpos[k]
            hits[2] += token.lemma_ == g.lemmas[k]
            hits[3] += attached
            hits[4] += attached and dep == gold_dep
            hits[5] += attached and dep.split(":")[0] == gold_dep.split(":")[0]
            if g.upos[k] != "PUNCT":
                content[0] += 1
                content[1] += attached
                content[2] += attached and dep == gold_dep
        words += len(doc)
    return [len(gold), words, *(f"{100 * h / words:.1f}" if words else "-" for h in hits),
            *(f"{100 * h / content[0]:.1f}" if content[0] else "-" for h in content[1:])]


@dataclass
class DateRepairCount:
    """What the date-attachment repair does to the model's parse, against the gold heads:
    time expressions found (our own temporal rules on the sentence text), heads moved, and
    of those, wrong heads made right (fixed) and right heads made wrong (broken)."""
    dates: int = 0
    moved: int = 0
    fixed: int = 0
    broken: int = 0

    def add(self, sentence, gold: GoldSentence) -> None:
        text = _doc_text(gold)          # what the Doc's offsets point into
        spans = [(t.start, t.end) for t in find_time_expressions(text, ANCHOR_DATE)]
        self.dates += len(spans)
        _, moved = attach_dates_to_verbs(sentence, spans)
        for word in moved:
            before = sentence.words[word.i].head + 1
            after = word.head + 1
            right = gold.heads[word.i]
            self.moved += 1
            self.fixed += before != right and after == right
            self.broken += before == right and after != right

    def row(self, part: str) -> list:
        return [part, self.dates, self.moved, self.fixed, self.broken]


def _doc_text(gold: GoldSentence) -> str:
    return "".join(w + (" " if sp else "") for w, sp in zip(gold.words, gold.spaces))


def _gold_doc(nlp, g: GoldSentence) -> Doc:
    doc = Doc(nlp.vocab, words=g.words, spaces=g.spaces)
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0
    return doc


def speed_rows(sentences: list[GoldSentence]) -> list[list]:
    text, spans = _joined(sentences)
    rows = []
    for label, parser in (("full pipeline (tagger, morphology, lemmas, parser)", True),
                          ("tagging only (no parser)", False)):
        syntax.parse(text[:2000], spans[:5], parser=parser)         # warm-up
        t0 = time.process_time()
        parsed = syntax.parse(text, spans, parser=parser)
        seconds = time.process_time() - t0
        n = sum(len(s.words) for s in parsed)
        rows.append([label, n, round(n / seconds) if seconds else 0])
    return rows


def _joined(sentences: list[GoldSentence]) -> tuple[str, list[tuple[int, int]]]:
    parts, spans, pos = [], [], 0
    for s in sentences:
        spans.append((pos, pos + len(s.text)))
        parts.append(s.text)
        pos += len(s.text) + 1
    return "\n".join(parts), spans


def sample_corpus_speed() -> str:
    """Parsing every sentence of every sample article: articles/s and ms per article."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(bundled_articles_dir().glob("*.txt"))]
    if not texts:
        return "sample corpus: no articles"
    t0 = time.process_time()
    words = 0
    for text in texts:
        words += sum(len(s.words) for s in syntax.parse(text, split_sentences(text)))
    seconds = time.process_time() - t0
    return (f"sample corpus, every sentence parsed: {len(texts)} articles, {words} words, "
            f"{len(texts) / seconds:.1f} articles/s per core "
            f"({1000 * seconds / len(texts):.0f} ms per article)")
