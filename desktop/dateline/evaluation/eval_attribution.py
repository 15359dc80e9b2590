"""Statements (who said what) against PolNeAR attributions (``attribution/``).

Gold: every attribution of one annotator per article (the first ``.ann`` file by name) that
has a Content span; its Source span when it has one. Predicted: the statements of
``dateline.extract.pipeline.extract_article``.

Measures (tokens are runs of word characters, counted by character position):

- **content recall**: a gold content is *found* when one predicted statement's content
  covers at least half of its tokens;
- **content precision**: a predicted statement is *right* when at least half of its tokens
  lie inside gold contents (any of them: a long quote the annotator split in two is right);
- **speaker right** (of the found contents that have a gold source): the best-covering
  prediction's speaker span overlaps the gold source span, or a word of the resolved
  speaker name (a capitalised word of 3+ letters) occurs in the gold source text.

Each gold content is *direct* when all its tokens lie inside double quotation marks,
*indirect* when none do, *mixed* otherwise; predictions are not split by kind.

Two rows per part: **all** attributions (PolNeAR also marks beliefs, perceptions, plans and
evidence: "polls show", "he wants", "legal experts are alarmed"), and **speech**, those whose
cue is a verb of communication ("said", "told", "according to", a colon), the statements
Dateline is for. Precision is over all gold contents in both rows.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.corpus import make_article
from dateline.corpus.manifest import ManifestEntry
from dateline.extract.pipeline import extract_article

from .common import format_table, split_of

KINDS = ("direct", "indirect", "mixed")
_TOKEN_RE = re.compile(r"\w+")
_FILE_DATE_RE = re.compile(r"_(\d{4})-(\d{2})-(\d{2})_")
_NAME_WORD_RE = re.compile(r"[A-Z][\w’'\-]{2,}")
_MIN_SHARE = 0.5
# Verbs of communication (a fixed, general list, not the extractor's): the "speech" rows
# leave out beliefs, perceptions, plans and evidence ("polls show", "he wants", "seems").
_SPEECH_CUE_RE = re.compile(
    r"(?i)\b(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|writ(?:e|es|ing)|"
    r"wrote|written|stat(?:e|es|ed|ing)|claim\w*|announc\w*|declar\w*|not(?:e|es|ed|ing)|"
    r"explain\w*|argu\w*|insist\w*|warn\w*|ask\w*|repl\w*|respond\w*|answer\w*|report\w*|"
    r"tweet\w*|post(?:s|ed|ing)?|comment\w*|remark\w*|suggest\w*|acknowledg\w*|admit\w*|"
    r"conced\w*|confirm\w*|den(?:y|ies|ied|ying)|promis\w*|pledg\w*|vow\w*|predict\w*|"
    r"urg(?:e|es|ed|ing)|call(?:s|ed|ing)?|describ\w*|accus\w*|critici[sz]\w*|prais\w*|"
    r"recall\w*|continu\w*|conclud\w*|testif\w*|quot\w*|according|speak\w*|spoke|"
    r"mention\w*|emphasi[sz]\w*|stress\w*|reiterat\w*|assert\w*|contend\w*|maintain\w*|"
    r"complain\w*|joke\w*|joking|boast\w*|vent\w*|shout\w*|yell\w*|interview\w*|"
    r"statement|remarks|put\s+it)\b|^\W*[:―—]\W*$")


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]        # one or more fragments
    source: list[tuple[int, int]]         # empty when the annotator marked no source
    source_text: str
    cue_text: str = ""
    kind: str = "indirect"

    @property
    def speech(self) -> bool:
        """A verb or phrase of saying as cue (not belief, perception or evidence)."""
        return bool(_SPEECH_CUE_RE.search(self.cue_text))


@dataclass
class Tally:
    articles: int = 0
    chars: int = 0
    words: int = 0
    seconds: float = 0.0
    gold: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    found: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    with_source: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    speaker_right: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    predicted: int = 0
    predicted_right: int = 0


# -- reading the corpus -----------------------------------------------------------------

def documents(corpora: Path):
    """(file name, text path, annotation path) of every article with annotations, by name."""
    root = corpora / "attribution"
    out = []
    for split in ("train", "dev"):
        first: dict[str, Path] = {}
        for ann in sorted((root / split / "attributions").glob("*.ann")):
            first.setdefault(ann.stem.rsplit("_", 1)[0], ann)
        for txt in sorted((root / split / "text").glob("*.txt")):
            if txt.stem in first:
                out.append((txt.name, txt, first[txt.stem]))
    return sorted(out)


def read_gold(ann: Path, text: str) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            frags = []
            for frag in offsets.split(";"):
                lo, hi = frag.split()
                frags.append((int(lo), int(hi)))
            spans[parts[0]] = (label, frags, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split() if ":" in role))
    quoted = quote_mask(text)
    out = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if content is None:
            continue
        source = spans.get(ev.get("Source", ""))
        cue = spans.get(ev.get("Cue", ""))
        gold = GoldAttribution(content=content[1], source=source[1] if source else [],
                               source_text=source[2] if source else "",
                               cue_text=cue[2] if cue else "")
        gold.kind = _kind(tokens(content[1], text), quoted)
        out.append(gold)
    return out


def quote_mask(text: str) -> list[bool]:
    """Per character: inside a double quotation (paired within a paragraph; “”, " or '')."""
    mask = [False] * len(text)
    for para in re.finditer(r"[^\n]+", text):
        opened = None
        for m in re.finditer(r"''|[“”\"]", para.group(0)):
            pos = para.start() + m.start()
            ch = m.group(0)
            if ch == "''":   # the plain-text NYT convention for a double quotation mark
                ch = "“" if opened is None else "”"
            if opened is None and ch in "“\"":
                opened = pos
            elif opened is not None and ch in "”\"":
                mask[opened:pos + 1] = [True] * (pos + 1 - opened)
                opened = None
        if opened is not None:   # a quote running to the paragraph end (continued quote)
            mask[opened:para.end()] = [True] * (para.end() - opened)
    return mask


def tokens(frags, text: str) -> set[int]:
    """Start positions of the word tokens inside the fragments."""
    out: set[int] = set()
    for lo, hi in frags:
        out.update(m.start() for m in _TOKEN_RE.finditer(text, lo, hi))
    return out


def _kind(toks: set[int], quoted: list[bool]) -> str:
    inside = sum(1 for t in toks if quoted[t])
    if toks and inside == len(toks):
        return "direct"
    return "indirect" if inside == 0 else "mixed"


# -- scoring ----------------------------------------------------------------------------

def score_article(text: str, gold: list[GoldAttribution], statements, tally: Tally,
                  speech_only: bool = False) -> list[dict]:
    """Add one article to the tally; returns the gold contents missed or mis-attributed
    (for looking at development errors). Precision is always against every gold content;
    ``speech_only`` limits recall and speaker figures to speech cues."""
    gold_toks = [tokens(g.content, text) for g in gold]
    all_gold = set().union(*gold_toks) if gold_toks else set()
    if speech_only:
        gold_toks = [gt for g, gt in zip(gold, gold_toks) if g.speech]
        gold = [g for g in gold if g.speech]
    pred_toks = [tokens([(st.start, st.end)], text) for st in statements]
    for pt in pred_toks:
        tally.predicted += 1
        if pt and len(pt & all_gold) >= _MIN_SHARE * len(pt):
            tally.predicted_right += 1
    errors = []
    for g, gt in zip(gold, gold_toks):
        if not gt:
            continue
        tally.gold[g.kind] += 1
        best, cover = None, 0
        for st, pt in zip(statements, pred_toks):
            n = len(gt & pt)
            if n > cover:
                best, cover = st, n
        if cover < _MIN_SHARE * len(gt):
            errors.append({"error": "missed", "gold": g, "best": best})
            continue
        tally.found[g.kind] += 1
        if not g.source:
            continue
        tally.with_source[g.kind] += 1
        if speaker_right(best, g, text):
            tally.speaker_right[g.kind] += 1
        else:
            errors.append({"error": "speaker", "gold": g, "best": best})
    return errors


def speaker_right(st, g: GoldAttribution, text: str) -> bool:
    lo, hi = getattr(st, "source_start", None), getattr(st, "source_end", None)
    if lo is not None and hi is not None and any(a < hi and lo < b for a, b in g.source):
        return True
    words = set(_NAME_WORD_RE.findall(st.speaker or ""))
    gold_words = set(_NAME_WORD_RE.findall(g.source_text))
    return bool(words & gold_words)


# -- running ----------------------------------------------------------------------------

def article_of(name: str, path: Path, text: str):
    m = _FILE_DATE_RE.search(name)
    published = date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    entry = ManifestEntry(file=name, outlet=name.split("_", 1)[0], title=None, url=None,
                          published=published)
    return make_article(str(path), text, entry)


def run_part(docs, errors_out: list | None = None, speech_only: bool = False) -> dict[str, Tally]:
    """{"all": ..., "speech": ...} tallies of one part; errors of the chosen kind of gold."""
    tallies = {"all": Tally(), "speech": Tally()}
    for name, txt, ann in docs:
        text = txt.read_text(encoding="utf-8")
        gold = read_gold(ann, text)
        article = article_of(name, txt, text)
        t0 = time.perf_counter()
        result = extract_article(article)
        seconds = time.perf_counter() - t0
        for subset, tally in tallies.items():
            tally.seconds += seconds
            tally.articles += 1
            tally.chars += len(text)
            tally.words += len(text.split())
            errors = score_article(text, gold, result.statements, tally, subset == "speech")
            if errors_out is not None and (subset == "speech") == speech_only:
                errors_out.extend({"article": name, "text": text, **e} for e in errors)
    return tallies


def parts(corpora: Path, limit: int | None) -> dict[str, list]:
    out: dict[str, list] = {"dev": [], "heldout": []}
    for doc in documents(corpora):
        out[split_of(doc[0])].append(doc)
    if limit is not None:
        out = {k: v[:limit] for k, v in out.items()}
    return out


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def rows_of(tallies: dict[tuple[str, str], Tally]) -> tuple[list, list, list]:
    content, speaker, speed = [], [], []
    for (part, subset), t in tallies.items():
        gold, found = sum(t.gold.values()), sum(t.found.values())
        content.append([part, subset, t.articles, gold, t.predicted, _ratio(found, gold),
                        _ratio(t.predicted_right, t.predicted)]
                       + [f"{_ratio(t.found[k], t.gold[k]):.3f} ({t.gold[k]})" for k in KINDS])
        ws, right = sum(t.with_source.values()), sum(t.speaker_right.values())
        speaker.append([part, subset, ws, _ratio(right, ws)]
                       + [f"{_ratio(t.speaker_right[k], t.with_source[k]):.3f} ({t.with_source[k]})"
                          for k in KINDS])
        if subset == "all":
            speed.append([part, t.articles, t.seconds, _ratio(t.articles, t.seconds),
                          _ratio(t.chars, t.seconds) / 1000, 1e6 * _ratio(t.seconds, t.words)])
    return content, speaker, speed


def main(corpora: Path, limit: int | None) -> None:
    if not (corpora / "attribution").is_dir():
        print("attribution: corpus absent")
        return
    tallies = {}
    for part, docs in parts(corpora, limit).items():
        for subset, tally in run_part(docs).items():
            tallies[(part, subset)] = tally
    content, speaker, speed = rows_of(tallies)
    print(format_table("Statement content (found: >= 50 % of a gold content's tokens in one "
                       "prediction; precision: >= 50 % of a prediction's tokens in gold contents)",
                       ["part", "gold", "articles", "gold", "pred", "recall", "precision"]
                       + [f"R {k} (n)" for k in KINDS], content))
    print()
    print(format_table("Speaker right among found contents with a gold source "
                       "(source span overlap or name match)",
                       ["part", "gold", "n", "right"] + [f"{k} (n)" for k in KINDS], speaker))
    print()
    print(format_table("Speed (extract_article only; the first parse loads the syntax model)",
                       ["part", "articles", "seconds", "articles/s", "kchars/s", "ms/1k words"], speed))
