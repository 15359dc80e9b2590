"""Time expressions (TIMEX3) against TempEval-3 training TimeML (TimeBank + AQUAINT).

Each document's raw <TEXT> goes through ``dateline.extract.timex.find_timexes`` anchored on
its DCT; the DCT's own TIMEX3 is not scored (TempEval-3 leaves it out too). Measures, as
TempEval-3 computes them:
- extent strict: same start and end; relaxed: the spans overlap (one-to-one matching);
- value / type accuracy: share of the relaxed matches with the gold attribute, and
  value F1 = relaxed F1 x value accuracy (type F1 likewise);
- speed: milliseconds of ``find_timexes`` (CPU time, best of three runs) per 1,000 words.

``python -m dateline.evaluation.eval_temporal --errors`` lists the development part's
misses, false alarms and wrong values (never the held-out part's: it is not for tuning).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path


from dateline import paths
from dateline.corpus import load_corpus
from dateline.extract.timex import find_timexes

from .common import REPO, corpora_dir, format_table, prf, split_of
from .timeml import GoldTimex, TimeMLDoc, corpus_files, read_timeml

COLUMNS = ["part", "docs", "gold", "found", "strict P", "strict R", "strict F1", "relaxed P",
           "relaxed R", "relaxed F1", "value acc", "value F1", "type acc", "type F1",
           "ms/1k words"]


@dataclass
class Score:
    docs: int = 0
    gold: int = 0
    found: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0
    words: int = 0
    seconds: float = 0.0

    def add(self, other: "Score") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, part: str) -> list:
        sp, sr, sf = prf(self.strict, self.found, self.gold)
        rp, rr, rf = prf(self.relaxed, self.found, self.gold)
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        speed = 1e6 * self.seconds / self.words if self.words else 0.0
        return [part, self.docs, self.gold, self.found, sp, sr, sf, rp, rr, rf,
                value_acc, rf * value_acc, type_acc, rf * type_acc, f"{speed:.2f}"]


def match(gold: list, predicted: list) -> list[tuple]:
    """One-to-one (gold, predicted) pairs whose spans overlap; exact spans are paired first."""
    pairs, used = [], set()
    exact = {(p.start, p.end): i for i, p in enumerate(predicted)}
    rest = []
    for g in gold:
        i = exact.get((g.start, g.end))
        if i is not None and i not in used:
            used.add(i)
            pairs.append((g, predicted[i]))
        else:
            rest.append(g)
    for g in rest:
        for i, p in enumerate(predicted):
            if i not in used and p.start < g.end and g.start < p.end:
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def score_document(doc: TimeMLDoc, errors: list | None = None) -> Score:
    predicted = find_timexes(doc.text, doc.dct)
    pairs = match(doc.timexes, predicted)
    score = Score(docs=1, gold=len(doc.timexes), found=len(predicted), relaxed=len(pairs),
                  strict=sum((g.start, g.end) == (p.start, p.end) for g, p in pairs),
                  value_ok=sum(g.value == p.value for g, p in pairs),
                  type_ok=sum(g.type == p.type for g, p in pairs),
                  words=doc.words)
    if errors is not None:
        errors.extend(_errors(doc, pairs, predicted))
    return score


def _errors(doc: TimeMLDoc, pairs, predicted) -> list[str]:
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(p) for _, p in pairs}
    out = []
    for g in doc.timexes:
        if id(g) not in matched_gold:
            out.append(f"MISS  {doc.name} [{doc.dct_value}] {g.text!r} {g.type} {g.value}"
                       f"  | {_context(doc.text, g)}")
    for p in predicted:
        if id(p) not in matched_pred:
            out.append(f"FALSE {doc.name} [{doc.dct_value}] {p.text!r} {p.type} {p.value}"
                       f"  | {_context(doc.text, p)}")
    for g, p in pairs:
        if g.value != p.value or g.type != p.type:
            out.append(f"VALUE {doc.name} [{doc.dct_value}] gold {g.text!r} {g.type} {g.value}"
                       f" / ours {p.text!r} {p.type} {p.value}  | {_context(doc.text, g)}")
        elif (g.start, g.end) != (p.start, p.end):
            out.append(f"SPAN  {doc.name} gold {g.text!r} / ours {p.text!r}")
    return out


def _context(text: str, t) -> str:
    lo, hi = max(0, t.start - 70), min(len(text), t.end + 40)
    return " ".join((text[lo:t.start] + "[" + text[t.start:t.end] + "]" + text[t.end:hi]).split())


def load_parts(corpora: Path, limit: int | None) -> dict[str, list[TimeMLDoc]]:
    parts: dict[str, list[TimeMLDoc]] = {"dev": [], "heldout": []}
    for path in corpus_files(corpora):
        part = parts[split_of(path.name)]
        if limit is None or len(part) < limit:
            part.append(read_timeml(path))
    return parts


def evaluate(docs: list[TimeMLDoc], errors: list | None = None, repeats: int = 3) -> Score:
    total = Score()
    for doc in docs:
        total.add(score_document(doc, errors))
    total.seconds = tagging_seconds(docs, repeats)
    return total


def tagging_seconds(docs: list[TimeMLDoc], repeats: int = 3) -> float:
    """CPU seconds ``find_timexes`` takes over ``docs``: the best of ``repeats`` runs, so
    other work on a shared machine does not count."""
    best = float("inf")
    for _ in range(max(1, repeats)):
        t0 = time.process_time()
        for doc in docs:
            find_timexes(doc.text, doc.dct)
        best = min(best, time.process_time() - t0)
    return best


SAMPLE_GOLD = REPO / "tests" / "gold" / "timex" / "sample_timexes.json"


def sample_docs(gold_path: Path = SAMPLE_GOLD) -> list[TimeMLDoc]:
    """The bundled sample articles with their hand-annotated TIMEX3s (publication date from
    the manifest as DCT); ValueError if a gold entry is not found in its article."""
    corpus = load_corpus([paths.bundled_articles_dir()], manifest=paths.bundled_manifest())
    by_prefix = {a.id[:3]: a for a in corpus.articles}
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["timexes"]
    docs = {a.id: TimeMLDoc(a.id, a.published, a.published.isoformat() if a.published else "",
                            a.text) for a in corpus.articles}
    for n, (prefix, context, text, kind, value) in enumerate(gold, start=1):
        article = by_prefix[prefix]
        at = article.text.find(context)
        offset = article.text.find(text, at) if at >= 0 else -1
        if at < 0 or offset < 0 or offset + len(text) > at + len(context):
            raise ValueError(f"{gold_path.name}: {context!r} / {text!r} not in article {prefix}")
        docs[article.id].timexes.append(
            GoldTimex(offset, offset + len(text), text, f"t{n}", kind, value))
    for doc in docs.values():
        doc.timexes.sort(key=lambda t: t.start)
    return list(docs.values())


def main(corpora: Path, limit: int | None) -> None:
    parts = load_parts(corpora, limit)
    rows = [evaluate(docs).row(f"TempEval-3 train {name}") for name, docs in parts.items()]
    if SAMPLE_GOLD.is_file():
        rows.append(evaluate(sample_docs()).row("sample corpus (5 articles)"))
    print(format_table("TIMEX3 (TimeBank + AQUAINT, DCT excluded; sample corpus hand-annotated)",
                       COLUMNS, rows))


def _cli(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluation.eval_temporal")
    parser.add_argument("--errors", action="store_true", help="list development-part errors")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    corpora = corpora_dir()
    if corpora is None:
        print("no corpora")
        return 0
    if not args.errors:
        main(corpora, args.limit)
        return 0
    errors: list[str] = []
    evaluate(load_parts(corpora, args.limit)["dev"], errors)
    print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(_cli())
