"""Read a TimeML document: its creation time (DCT), the raw text of <TEXT> and its TIMEX3s.

The text is what a tagger sees (tags removed, entities decoded); each gold TIMEX3 keeps
character offsets into it, so ``doc.text[t.start:t.end] == t.text``. Only the TIMEX3s
inside <TEXT> are returned: the DCT's own TIMEX3 is the anchor, not something to find
(TempEval-3 scores it apart). Also reads Dateline's own TimeML export (same elements).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    tid: str
    type: str
    value: str
    mod: str = ""


@dataclass
class TimeMLDoc:
    name: str
    dct: date | None
    dct_value: str
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())


def read_timeml(path: str | Path) -> TimeMLDoc:
    """Parse one .tml file (ValueError if it is not TimeML with a <TEXT> element)."""
    path = Path(path)
    return parse_timeml(path.read_bytes(), path.stem)


def parse_timeml(data: bytes | str, name: str = "document") -> TimeMLDoc:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"{name}: not well-formed XML ({exc})") from None
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{name}: no <TEXT> element")
    dct_value = ""
    dct_timex = root.find("DCT/TIMEX3")
    if dct_timex is not None:
        dct_value = dct_timex.get("value", "")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(body, parts, timexes, [0])
    return TimeMLDoc(name=name, dct=_day(dct_value), dct_value=dct_value,
                     text="".join(parts), timexes=timexes)


def _walk(element, parts: list[str], timexes: list[GoldTimex], offset: list[int]) -> None:
    """Append ``element``'s text (not its tail) to ``parts``; record TIMEX3 spans."""
    start = offset[0]
    _emit(element.text, parts, offset)
    for child in element:
        _walk(child, parts, timexes, offset)
        _emit(child.tail, parts, offset)
    if element.tag == "TIMEX3":
        text = "".join(parts)[start:offset[0]] if start < offset[0] else ""
        timexes.append(GoldTimex(start, offset[0], text, element.get("tid", ""),
                                 element.get("type", ""), element.get("value", ""),
                                 element.get("mod", "")))


def _emit(chunk: str | None, parts: list[str], offset: list[int]) -> None:
    if chunk:
        parts.append(chunk)
        offset[0] += len(chunk)


_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _day(value: str) -> date | None:
    m = _DAY_RE.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def corpus_files(corpora: Path) -> list[Path]:
    """TempEval-3 training TimeML (TimeBank + AQUAINT), sorted by name."""
    root = corpora / "temporal"
    return sorted(root.glob("*/*.tml"), key=lambda p: (p.parent.name, p.name))
