"""Extraction quality against hand annotation, on three corpora.

* seeds: tests/gold/seed_gold.json (the five articles in data/articles; rules were tuned here),
* synthetic: tests/gold/synthetic (short texts in other house styles; only the listed events
  are annotated, so its event precision is not meaningful),
* unseen: tests/gold/unseen (twelve articles written as a held-out set: rules must stay general
  linguistic rules, never fitted to these texts; see tests/gold/unseen/make_gold.py).

Prints precision/recall for statements (with speakers) and events (dates, places, merging) per
corpus. Run ``python tests/test_extraction_quality.py`` for the report alone. Thresholds are
what the rules reach today (seeds are tuned so they sit higher than unseen).
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest

from dateline.corpus import Article, load_corpus
from dateline.extract import extract_corpus

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold"
GOLD = json.loads((GOLD_DIR / "seed_gold.json").read_text(encoding="utf-8"))


def _article(folder: Path, stem: str, published: str) -> Article:
    text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
    return Article(id=stem, path=str(folder / f"{stem}.txt"), text=text, title="", outlet=None,
                   published=date.fromisoformat(published), published_source="manifest",
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def _synthetic_gold(raw: dict) -> dict:
    """The compact synthetic format ([article, words, speaker] lists) as seed-style gold."""
    return {"articles": {k: k for k in raw["published"]}, "published": raw["published"],
            "quotes": [{"article": a, "contains": w, "speaker": s} for a, w, s in raw["quotes"]],
            # a place is a name, null, or [name or null, other acceptable names...]
            "events": [{"name": w[:40], "type": None, "date_start": d, "date_end": d,
                        "place": p[0] if isinstance(p, list) else p,
                        "place_ok": p[1:] if isinstance(p, list) else [], "exact_start": True,
                        "actors": [], "mentions": [{"article": a, "contains": w}]}
                       for a, w, d, p in raw["events"]]}


def load_gold(corpus: str) -> tuple[list[Article], dict]:
    if corpus == "seeds":
        return load_corpus([ROOT / "data" / "articles"], manifest=ROOT / "data" / "manifest.csv").articles, GOLD
    folder = GOLD_DIR / corpus
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    if corpus == "synthetic":
        gold = _synthetic_gold(gold)
    return [_article(folder, stem, pub) for stem, pub in gold["published"].items()], gold


@pytest.fixture(scope="module")
def corpora():
    out = {}
    for name in ("seeds", "synthetic", "unseen", "heldout2"):
        articles, gold = load_gold(name)
        doc = extract_corpus(articles, cache=False)
        out[name] = (doc, {a.id: a.text for a in articles}, gold)
    return out


@pytest.fixture(scope="module")
def corpus(corpora):
    doc, texts, _ = corpora["seeds"]
    return None, texts


@pytest.fixture(scope="module")
def doc(corpora):
    return corpora["seeds"][0]


def _locate(texts, item, gold=GOLD) -> tuple[str, int, int]:
    article = gold["articles"][item["article"]]
    pos = texts[article].find(item["contains"])
    assert pos >= 0, f"gold substring not in {article}: {item['contains']!r}"
    return article, pos, pos + len(item["contains"])


def _speaker_ok(pred: str, gold_quote: dict) -> bool:
    return pred == gold_quote["speaker"] or pred in gold_quote.get("speaker_ok", ())


# ----------------------------------------------------------------- statements

def score_statements(doc, texts, gold=GOLD) -> dict:
    located = [(q, *_locate(texts, q, gold)) for q in gold["quotes"]]
    preds = doc["statements"]

    def overlapping(article, lo, hi):
        return [s for s in preds if s["article"] == article and s["start"] < hi and lo < s["end"]]

    required = [g for g in located if not g[0].get("optional")]
    found = correct = 0
    misses = []
    for q, article, lo, hi in required:
        hits = overlapping(article, lo, hi)
        found += bool(hits)
        ok = any(_speaker_ok(h["speaker"], q) for h in hits)
        correct += ok
        if not ok:
            misses.append((q["article"], q["contains"], q["speaker"], [h["speaker"] for h in hits]))
    optional_spans = [(a, lo, hi) for q, a, lo, hi in located if q.get("optional")]
    considered = [s for s in preds if not any(
        s["article"] == a and s["start"] < hi and lo < s["end"] for a, lo, hi in optional_spans)]
    true_pos = [s for s in considered if any(
        s["article"] == a and s["start"] < hi and lo < s["end"] and _speaker_ok(s["speaker"], q)
        for q, a, lo, hi in required)]
    n = max(len(required), 1)
    return {"gold": len(required), "found": found, "correct": correct,
            "recall": correct / n, "detection": found / n,
            "speaker_accuracy": correct / max(found, 1),
            "precision": len(true_pos) / max(len(considered), 1), "predicted": len(considered),
            "misses": misses,
            "spurious": [(s["article"][:3], s["speaker"], s["text"][:50]) for s in considered
                         if s not in true_pos]}


# ----------------------------------------------------------------- events

def _covers(event, article, pos) -> bool:
    return any(m["article"] == article and m["start"] <= pos < m["end"] for m in event["mentions"])


def _date_ok(pred, gold) -> bool:
    if not pred["date_start"]:
        return False
    if gold.get("exact_start"):   # synthetic gold gives only the first day ("next month" -> the 1st)
        return pred["date_start"] == gold["date_start"]
    start, end = date.fromisoformat(pred["date_start"]), date.fromisoformat(pred["date_end"])
    g0, g1 = date.fromisoformat(gold["date_start"]), date.fromisoformat(gold["date_end"])
    return g0 <= start <= g1 and end <= g1 + timedelta(days=1)


def _plain(name):
    """'Brasília' == 'Brasilia': gold is typed without accents."""
    if name is None:
        return None
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _place_ok(pred, gold) -> bool:
    name = _plain((pred["place"] or {}).get("name"))
    allowed = {_plain(p) for p in gold.get("place_ok", [])}
    if gold["place"] is None:
        return name is None or name in allowed
    return name == _plain(gold["place"]) or name in allowed


def _said_events(events, texts, gold) -> set[str]:
    """Statement/warning events whose sentence holds a gold quote by one of their actors:
    right, even where the gold lists no event for them (unseen/synthetic gold lists quotes)."""
    out = set()
    for e in events:
        if e["type"] not in ("statement", "warning"):
            continue
        for q in gold["quotes"]:
            article, lo, hi = _locate(texts, q, gold)
            names = {q["speaker"], *q.get("speaker_ok", ())}
            if any(m["article"] == article and m["start"] < hi and lo < m["end"] for m in e["mentions"]) \
                    and names & set(e["actors"]):
                out.add(e["id"])
    return out


def score_events(doc, texts, gold=GOLD) -> dict:
    events = doc["events"]
    rows, used = [], {}
    for g in gold["events"]:
        located = [(m, *_locate(texts, m, gold)) for m in g["mentions"]]
        required = [(a, lo) for m, a, lo, _ in located if not m.get("optional")]
        anywhere = [(a, lo) for _, a, lo, _ in located]
        best = max(events, key=lambda e: (sum(_covers(e, a, p) for a, p in required),
                                          sum(_covers(e, a, p) for a, p in anywhere),
                                          len(set(e["actors"]) & set(g["actors"])),
                                          _date_ok(e, g) + _place_ok(e, g)), default=None)
        if best is None or not any(_covers(best, a, p) for a, p in anywhere):
            rows.append({"name": g["name"], "found": False})
            continue
        used.setdefault(best["id"], []).append(g["name"])
        rows.append({"name": g["name"], "found": True, "event": best,
                     "date_ok": _date_ok(best, g), "place_ok": _place_ok(best, g),
                     "type_ok": best["type"] == g["type"],
                     "merged": sum(_covers(best, a, p) for a, p in required) / len(required)})
    for row in rows:
        if row["found"] and len(used[row["event"]["id"]]) > 1:
            row["over_merged"] = used[row["event"]["id"]]
    optional = [_locate(texts, m, gold)[:2] for e in gold.get("optional_events", []) for m in e["mentions"]]
    matched = set(used) | {e["id"] for e in events for a, p in optional if _covers(e, a, p)}
    matched |= _said_events(events, texts, gold)
    n = len(rows)
    good = [r for r in rows if r["found"] and r["date_ok"] and r["place_ok"] and not r.get("over_merged")]
    return {"gold": n, "found": sum(r["found"] for r in rows),
            "date_ok": sum(r.get("date_ok", False) for r in rows),
            "place_ok": sum(r.get("place_ok", False) for r in rows),
            "type_ok": sum(r.get("type_ok", False) for r in rows),
            "date_and_place_ok": len(good),
            "fully_merged": sum(r.get("merged", 0) == 1 for r in rows),
            "over_merged": sum(bool(r.get("over_merged")) for r in rows),
            "precision": len(matched) / max(len(events), 1), "predicted": len(events),
            "rows": rows, "extra": [e["summary"] for e in events if e["id"] not in matched]}


def statement_dating(doc) -> dict:
    """How many statements carry a date, and how precise it is."""
    counts: dict[str, int] = {}
    for s in doc["statements"]:
        key = s["precision"] if s["date_start"] else "undated"
        counts[key] = counts.get(key, 0) + 1
    return counts


def report(doc, texts, gold=GOLD, name="seeds", verbose=True) -> tuple[dict, dict]:
    st, ev = score_statements(doc, texts, gold), score_events(doc, texts, gold)
    for problem in doc.get("problems", []):
        print("  PROBLEM:", problem)
    print(f"\n[{name}] Statements: {st['correct']}/{st['gold']} gold quotes with the right speaker "
          f"(recall {st['recall']:.1%}, detected {st['detection']:.1%}, speaker accuracy "
          f"{st['speaker_accuracy']:.1%}); precision {st['precision']:.1%} of {st['predicted']}; "
          f"statement dates {statement_dating(doc)}")
    if verbose:
        for miss in st["misses"]:
            print("  quote miss:", miss)
        for extra in st["spurious"]:
            print("  quote extra:", extra)
    print(f"[{name}] Events: {ev['found']}/{ev['gold']} found, dates {ev['date_ok']}, places {ev['place_ok']}, "
          f"types {ev['type_ok']}, date+place {ev['date_and_place_ok']}/{ev['gold']}, fully merged "
          f"{ev['fully_merged']}, over-merged {ev['over_merged']}; precision {ev['precision']:.1%} "
          f"of {ev['predicted']} events")
    if not verbose:
        return st, ev
    for row in ev["rows"]:
        if not row["found"]:
            print("  event miss:", row["name"])
        elif not (row["date_ok"] and row["place_ok"]) or row["merged"] < 1 or row.get("over_merged"):
            e = row["event"]
            print(f"  event issue: {row['name']}: got {e['date_start']}..{e['date_end']} "
                  f"{(e['place'] or {}).get('name')} merged={row['merged']:.2f} "
                  f"over={row.get('over_merged', '')}")
    for extra in ev["extra"]:
        print("  event extra:", extra)
    return st, ev


@pytest.mark.parametrize("name", ["seeds", "synthetic", "unseen", "heldout2"])
def test_gold_substrings_exist(corpora, name):
    _, texts, gold = corpora[name]
    for item in gold["quotes"] + [m for e in gold["events"] for m in e["mentions"]]:
        _locate(texts, item, gold)


@pytest.fixture(scope="module")
def all_scores(corpora):
    return {name: report(doc, texts, gold, name) for name, (doc, texts, gold) in corpora.items()}


@pytest.fixture(scope="module")
def scores(all_scores):
    return all_scores["seeds"]


def test_statement_quality(scores):
    st, _ = scores
    assert st["speaker_accuracy"] >= 0.95
    assert st["recall"] >= 0.95
    assert st["precision"] >= 0.95


def test_event_quality(scores):
    _, ev = scores
    assert ev["found"] == ev["gold"]
    assert ev["date_and_place_ok"] / ev["gold"] >= 0.95
    assert ev["fully_merged"] / ev["gold"] >= 0.95
    assert ev["over_merged"] == 0
    assert ev["precision"] >= 0.9


def test_unseen_statement_quality(all_scores):
    st, _ = all_scores["unseen"]      # 103/105 right speaker, 100% of found, 96% precision today
    assert st["speaker_accuracy"] >= 0.97
    assert st["recall"] >= 0.95
    assert st["precision"] >= 0.93


def test_unseen_event_quality(all_scores):
    _, ev = all_scores["unseen"]      # 29/29 found, 27/29 right date and place today
    assert ev["found"] / ev["gold"] >= 0.85
    assert ev["date_and_place_ok"] / ev["gold"] >= 0.9
    assert ev["over_merged"] == 0


def test_heldout2_quality(all_scores):
    """Eight articles written and annotated after the second pass (tests/gold/heldout2).
    First run: statements 35/43 right speaker (precision 89.7%), events 15/21 found, 10/21 right
    date and place. After general fixes: 41/43 (95.3%), events 19/21 found, 15/21 date+place;
    then 20/21 found, 18/21 date+place (planned events of their own, adverbial pronouns)."""
    st, ev = all_scores["heldout2"]
    assert st["recall"] >= 0.93
    assert st["speaker_accuracy"] >= 0.97
    assert st["precision"] >= 0.93
    assert ev["found"] / ev["gold"] >= 0.8
    assert ev["date_and_place_ok"] / ev["gold"] >= 0.8
    assert ev["over_merged"] == 0       # "X, who announced ... on Friday, is expected to unveil ... Thursday"
    assert ev["precision"] >= 0.85


def test_synthetic_quality(all_scores):
    st, ev = all_scores["synthetic"]
    assert st["recall"] >= 0.95
    assert ev["date_and_place_ok"] / ev["gold"] >= 0.9


def test_quote_across_newline_is_one_statement(doc):
    hits = [s for s in doc["statements"] if "Once there is chaos" in s["text"]]
    assert len(hits) == 1
    assert "I’m sorry" in hits[0]["text"] and "\n" in hits[0]["text"]
    assert hits[0]["speaker"] == "Global Times"


if __name__ == "__main__":
    import sys
    for corpus_name in sys.argv[1:] or ["seeds", "synthetic", "unseen", "heldout2"]:
        arts, gold_ = load_gold(corpus_name)
        report(extract_corpus(arts, cache=False), {a.id: a.text for a in arts}, gold_, corpus_name)
