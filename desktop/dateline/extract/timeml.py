"""Write TimeML: one file per article, its DCT and a TIMEX3 (tid, type, value) per time
expression, readable by standard TimeML tools (TempEval-3's scorer, TARSQI).

The article text is written as read: ``<TEXT>`` holds it with XML's special characters
escaped, so the TIMEX3 offsets of a reader that strips the tags are Dateline's offsets. A
carriage return is written as ``&#13;`` (a parser would otherwise fold CR LF into LF) and a
character XML 1.0 forbids (a stray control character) as a space, so no offset moves.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from dateline.atomic import write_text_atomic

_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SAFE_NAME_RE = re.compile(r"[^\w.-]+")


def to_timeml(doc_id: str, published: date | str | None, text: str, timexes) -> str:
    """The TimeML document of one article; ``timexes`` are dicts or objects with start,
    end, type and value, sorted and not overlapping (as ``find_timexes`` returns them)."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n',
             f"<DOCID>{_text(doc_id)}</DOCID>\n"]
    day = published.isoformat() if isinstance(published, date) else published
    if day:
        parts.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(day)} '
                     f'temporalFunction="false" functionInDocument="CREATION_TIME">'
                     f"{_text(day)}</TIMEX3></DCT>\n")
    parts.append("<TEXT>")
    pos = 0
    for n, t in enumerate(_spans(timexes, len(text)), start=1):
        start, end, kind, value = t
        parts.append(_text(text[pos:start]))
        parts.append(f'<TIMEX3 tid="t{n}" type={quoteattr(kind)} value={quoteattr(value)}>'
                     f"{_text(text[start:end])}</TIMEX3>")
        pos = end
    parts.append(_text(text[pos:]) + "</TEXT>\n</TimeML>\n")
    return "".join(parts)


def _spans(timexes, length: int):
    last = 0
    for t in timexes:
        get = t.get if isinstance(t, dict) else (lambda key, t=t: getattr(t, key))
        start, end = get("start"), get("end")
        if last <= start <= end <= length:     # never nest or cross tags
            yield start, end, get("type"), get("value")
            last = end


def _text(chunk: str) -> str:
    chunk = _FORBIDDEN_RE.sub(" ", chunk)
    return escape(chunk).replace("\r", "&#13;")


def write_timeml_dir(doc: dict, articles, directory: str | Path) -> list[Path]:
    """One ``<article id>.tml`` per article of ``doc`` into ``directory`` (made if absent);
    ``articles`` are the corpus articles (their text is not in the document)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    by_article: dict[str, list[dict]] = {}
    for t in doc.get("timexes", []):
        by_article.setdefault(t["article"], []).append(t)
    # the document's date: the manifest's, else the one extraction read in the text
    stated = {a["id"]: date.fromisoformat(a["published"]) for a in doc.get("articles", [])
              if a.get("published")}
    written, used = [], set()
    for article in articles:
        name = _file_name(article.id, used)
        path = directory / name
        published = article.published or stated.get(article.id)
        write_text_atomic(path, to_timeml(article.id, published, article.text or "",
                                          by_article.get(article.id, [])))
        written.append(path)
    return written


def _file_name(article_id: str, used: set[str]) -> str:
    """A safe, unique file name ("world/001 x" -> "world_001_x.tml")."""
    stem = _SAFE_NAME_RE.sub("_", article_id).strip("._") or "article"
    name, n = f"{stem}.tml", 1
    while name.lower() in used:
        n += 1
        name = f"{stem}_{n}.tml"
    used.add(name.lower())
    return name
