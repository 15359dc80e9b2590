"""The compact gazetteer file (``resources/gazetteer/geonames.bin.gz``): columnar text.

``FORMAT`` header, then named sections, each a column of values one per line; the
``keys`` section is sorted (``gazetteer`` looks names up by binary search in it). Columns
are split with C-level ``str.split`` at load; records become objects only when a name is
looked up, so loading stays well under 200 ms for ~200,000 places.
Written by ``scripts/build_gazetteer.py``.
"""
from __future__ import annotations

import gzip
from pathlib import Path

FORMAT = "dateline-gazetteer/2"
_SECTION = "\x1d"   # ASCII group separator: between sections
_NAMED = "\x1e"     # ASCII record separator: after a section's name
_FORBIDDEN = str.maketrans({"\n": " ", "\r": " ", _SECTION: " ", _NAMED: " "})


def write_sections(handle, sections: dict[str, list[str]]) -> None:
    parts = [FORMAT]
    for name, values in sections.items():
        parts.append(name + _NAMED + "\n".join(v.translate(_FORBIDDEN) for v in values))
    handle.write(_SECTION.join(parts))


def read_sections(path: Path) -> dict[str, list[str]]:
    """Section name -> its values; raises ValueError on a file of another format."""
    # one decompress and one decode of the whole file: much faster than a text stream
    parts = gzip.decompress(path.read_bytes()).decode("utf-8").split(_SECTION)
    if not parts or parts[0] != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} file")
    out = {}
    for part in parts[1:]:
        name, _, body = part.partition(_NAMED)
        out[name] = body.split("\n") if body else []
    return out
