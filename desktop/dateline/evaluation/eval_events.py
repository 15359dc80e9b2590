"""Event mentions, their dates and cross-document event coreference against MEANTIME.

MEANTIME (``events/meantime_english``, 120 Wikinews articles in four topics) marks every
event mention (a token or two: "defeated", "contract", "said") and links the newsworthy
ones to corpus-level instances shared across articles. Each article's text is rebuilt
from its tokens (``meantime.py``) and goes through ``extract_article`` with its DCT as the
publication date; the articles of a part are then merged by ``build_document``.

Matching rule: a Dateline event mention *matches* a gold EVENT_MENTION when its trigger
(``trigger_start``/``trigger_end``, the word that signalled it) overlaps the gold mention's
tokens; one-to-one, each prediction taking the first unmatched overlapping gold mention.
- **P** = matched predictions / predictions inside the annotated part of the article (up to
  the last sentence with any markable: a few articles are annotated only in part);
  **R** = matched gold / all gold mentions (MEANTIME marks every event, "be" and "said"
  included, so R is low by design);
  **R inst** = recall of the gold mentions linked to a cross-document instance.
- **date right**: of the matched mentions whose gold mention is anchored (TLINK
  IS_INCLUDED/SIMULTANEOUS/DURING to a DATE TIMEX3, else its instance's TIME), the share
  whose Dateline date interval lies inside the gold interval (a day for a day, any day or
  month inside a gold month or year); undated predictions count as wrong.
- **coreference**: restricted to the gold mentions that are matched and linked to an
  instance (the scheme: key clusters = gold instances, response clusters = Dateline's merged
  event of the matching prediction, over that shared mention set): MUC, B³, CEAF-e and CoNLL
  F1 (their mean); and the cross-document links (pairs of those mentions in different
  articles): gold links, links Dateline also makes, links Dateline makes that gold does not
  (false merges).
- **art/s/core**: articles per CPU second (``time.process_time``) for extraction plus merging,
  after one warm-up article (the syntax model loads once per process, ~2 s).

``python -m dateline.evaluation.eval_events --errors`` lists the development part's misses
and false merges (never the held-out part's: it is not for tuning).
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path

from dateline.corpus.reader import Article, text_sha256
from dateline.extract.document import build_document
from dateline.extract.pipeline import extract_article

from .common import corpora_dir, format_table, prf, split_of
from .coref_scores import conll
from .meantime import MeantimeDoc, corpus_files, read_instance_times, read_meantime

MENTION_COLUMNS = ["part", "docs", "gold", "gold inst", "pred", "matched", "P", "R", "R inst", "F1",
                   "anchored", "date right", "art/s/core"]
COREF_COLUMNS = ["part", "mentions", "gold ev", "dateline ev", "MUC F1", "B3 P", "B3 R", "B3 F1",
                 "CEAF-e F1", "CoNLL F1", "xdoc gold", "xdoc found", "xdoc false"]


@dataclass
class PartResult:
    docs: int = 0
    gold: int = 0
    gold_inst: int = 0
    pred: int = 0
    matched: int = 0
    matched_inst: int = 0
    anchored: int = 0
    date_right: int = 0
    seconds: float = 0.0
    key: dict = field(default_factory=dict)        # (doc, gold m_id) -> gold instance
    response: dict = field(default_factory=dict)   # (doc, gold m_id) -> Dateline event id
    errors: list[str] = field(default_factory=list)

    def mention_row(self, part: str) -> list:
        p, r, f = prf(self.matched, self.pred, self.gold)
        r_inst = self.matched_inst / self.gold_inst if self.gold_inst else 0.0
        date_rate = self.date_right / self.anchored if self.anchored else 0.0
        speed = self.docs / self.seconds if self.seconds else 0.0
        return [part, self.docs, self.gold, self.gold_inst, self.pred, self.matched, p, r, r_inst, f,
                self.anchored, date_rate, f"{speed:.1f}"]

    def coref_row(self, part: str) -> list:
        scores = conll(self.key, self.response)
        gold_links, found, false = cross_doc_links(self.key, self.response)
        return [part, len(self.key), len(set(self.key.values())), len(set(self.response.values())),
                scores["MUC"][2], *scores["B3"], scores["CEAF-e"][2], scores["CoNLL"][2],
                gold_links, found, false]


def load_parts(corpora: Path, limit: int | None = None) -> dict[str, list[MeantimeDoc]]:
    times = read_instance_times(corpora)
    parts: dict[str, list[MeantimeDoc]] = {"dev": [], "heldout": []}
    for path in corpus_files(corpora):
        part = parts[split_of(path.stem)]
        if limit is None or len(part) < limit:
            part.append(read_meantime(path, times))
    return parts


def article_of(doc: MeantimeDoc) -> Article:
    return Article(id=doc.name, path=doc.name, text=doc.text, title=doc.text.split("\n", 1)[0],
                   outlet="Wikinews", published=doc.dct, published_source="manifest",
                   sha256=text_sha256(doc.text))


def evaluate(docs: list[MeantimeDoc], explain: bool = False) -> PartResult:
    res = PartResult(docs=len(docs))
    pairs = []
    if docs:
        extract_article(article_of(docs[0]))     # warm-up: loads the syntax model
    t0 = time.process_time()
    for doc in docs:
        article = article_of(doc)
        ex = extract_article(article)
        pairs.append((article, ex))
    document = build_document(pairs)
    res.seconds = time.process_time() - t0
    event_of = _event_index(document)
    for doc, (_, ex) in zip(docs, pairs):
        judged = [r for r in ex.events if _trigger_span(r, doc.text)[0] < doc.annotated_end]
        found = match_mentions(doc, judged)
        res.gold += len(doc.mentions)
        res.gold_inst += sum(1 for g in doc.mentions if g.instance)
        res.pred += len(judged)
        res.matched += len(found)
        for gold, rec in found:
            res.matched_inst += gold.instance is not None
            if gold.anchor:
                res.anchored += 1
                res.date_right += date_inside(rec, gold.anchor)
            if gold.instance:
                key = (doc.name, gold.m_id)
                res.key[key] = gold.instance
                res.response[key] = _event_for(event_of, doc.name, rec)
        if explain:
            res.errors += _mention_errors(doc, judged, found)
    if explain:
        res.errors += _false_merges(res.key, res.response)
    return res


def match_mentions(doc: MeantimeDoc, recs) -> list[tuple]:
    """One-to-one (gold mention, Dateline mention) pairs whose trigger overlaps the gold tokens."""
    used: set[str] = set()
    pairs = []
    for rec in recs:
        lo, hi = _trigger_span(rec, doc.text)
        for gold in doc.mentions:
            if gold.m_id not in used and gold.start < hi and lo < gold.end:
                used.add(gold.m_id)
                pairs.append((gold, rec))
                break
    return pairs


def date_inside(rec, anchor: tuple[date, date]) -> bool:
    if not rec.date_start:
        return False
    start = date.fromisoformat(rec.date_start)
    end = date.fromisoformat(rec.date_end or rec.date_start)
    return anchor[0] <= start and end <= anchor[1]


def cross_doc_links(key: dict, response: dict) -> tuple[int, int, int]:
    """(gold links, links both make, links only Dateline makes) between mentions of
    different articles."""
    gold = found = false = 0
    for a, b in combinations(sorted(key), 2):
        if a[0] == b[0]:
            continue
        same_gold, same_resp = key[a] == key[b], response[a] == response[b]
        gold += same_gold
        found += same_gold and same_resp
        false += same_resp and not same_gold
    return gold, found, false


def _trigger_span(rec, text: str) -> tuple[int, int]:
    if getattr(rec, "trigger_start", None) is not None:
        return rec.trigger_start, rec.trigger_end
    at = text.find(rec.trigger, rec.start, rec.end)    # records made before trigger offsets
    return (at, at + len(rec.trigger)) if at >= 0 else (rec.start, rec.end)


def _event_index(document: dict) -> dict:
    index: dict[tuple, str] = {}
    for ev in document["events"]:
        for m in ev["mentions"]:
            index.setdefault((m["article"], "trigger", m.get("trigger_start")), ev["id"])
            index.setdefault((m["article"], "span", m["start"], m["end"]), ev["id"])
    return index


def _event_for(index: dict, article: str, rec) -> str:
    return index.get((article, "trigger", getattr(rec, "trigger_start", None))) or index.get(
        (article, "span", rec.start, rec.end)) or f"unmerged:{article}:{rec.start}"


def _mention_errors(doc: MeantimeDoc, recs, found) -> list[str]:
    hit_gold = {g.m_id for g, _ in found}
    hit_rec = {id(r) for _, r in found}
    out = [f"{doc.name}  MISS  {doc.text[g.start:g.end]!r}  in  {_context(doc.text, g.start, g.end)}"
           for g in doc.mentions if g.instance and g.m_id not in hit_gold]
    out += [f"{doc.name}  FALSE  {r.type} {r.trigger!r}  in  {_context(doc.text, *_trigger_span(r, doc.text))}"
            for r in recs if id(r) not in hit_rec]
    return out


def _false_merges(key, response) -> list[str]:
    """Pairs Dateline merged that gold keeps apart, and cross-article pairs it keeps apart."""
    out = []
    for a, b in combinations(sorted(key), 2):
        if response[a] == response[b] and key[a] != key[b]:
            out.append(f"FALSE MERGE {response[a]}: {a} / {b} ({key[a]} vs {key[b]})")
        elif a[0] != b[0] and key[a] == key[b] and response[a] != response[b]:
            out.append(f"MISSED MERGE {key[a]}: {a} / {b} ({response[a]} vs {response[b]})")
    return out


def _context(text: str, lo: int, hi: int, reach: int = 70) -> str:
    return " ".join((text[max(0, lo - reach):lo] + "[" + text[lo:hi] + "]" + text[hi:hi + reach]).split())


def main(corpora: Path, limit: int | None = None) -> None:
    parts = load_parts(corpora, limit)
    results = {name: evaluate(docs) for name, docs in parts.items() if docs}
    print(format_table("MEANTIME event mentions (trigger overlaps gold tokens)", MENTION_COLUMNS,
                       [r.mention_row(f"MEANTIME {name}") for name, r in results.items()]))
    print()
    print(format_table("MEANTIME cross-document event coreference (matched instance mentions)",
                       COREF_COLUMNS, [r.coref_row(f"MEANTIME {name}") for name, r in results.items()]))


def _errors(limit: int | None) -> int:
    corpora = corpora_dir()
    if corpora is None:
        print("no corpora")
        return 1
    res = evaluate(load_parts(corpora, limit)["dev"], explain=True)   # dev only: never held-out
    print("\n".join(res.errors))
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluation.eval_events")
    parser.add_argument("--errors", action="store_true", help="list the development part's errors")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    sys.exit(_errors(args.limit) if args.errors else main(corpora_dir(), args.limit) or 0)
