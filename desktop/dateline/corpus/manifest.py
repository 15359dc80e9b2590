"""Read ``manifest.csv`` (file, outlet, title, url, published as YYYY-MM-DD)."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .problems import Problem

REQUIRED_COLUMNS = ("file",)
KNOWN_COLUMNS = ("file", "outlet", "title", "url", "published")


@dataclass(frozen=True)
class ManifestEntry:
    file: str
    outlet: str | None
    title: str | None
    url: str | None
    published: date | None


def read_manifest(path: Path) -> tuple[dict[str, ManifestEntry], list]:
    """Return entries by file name and a list of Problems (never raises)."""
    problems: list[Problem] = []
    try:
        reader = csv.DictReader(io.StringIO(_read_text(path), newline=""))
        columns = [(c or "").strip() for c in (reader.fieldnames or [])]
        reader.fieldnames = columns          # " published" (Excel) still counts
        rows = list(reader)
    except OSError as exc:
        return {}, [Problem(str(path), f"cannot read manifest: {exc.strerror or exc}")]
    except (ValueError, csv.Error) as exc:
        return {}, [Problem(str(path), f"cannot read manifest: {exc}")]
    if not columns:
        return {}, [Problem(str(path), "manifest is empty (expected a header line: "
                                       f"{','.join(KNOWN_COLUMNS)})")]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        return {}, [Problem(str(path), f"manifest lacks column(s) {', '.join(missing)} "
                                       f"(header: {','.join(columns)})")]
    entries: dict[str, ManifestEntry] = {}
    for line_no, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            problems.append(Problem(str(path), f"line {line_no}: no file name"))
            continue
        if name in entries:
            problems.append(Problem(str(path), f"line {line_no}: {name!r} listed again; "
                                               "the later line is used"))
        published = _parse_date(row.get("published"))
        if row.get("published") and published is None:
            problems.append(Problem(str(path), f"line {line_no}: bad date {row['published']!r} "
                                               "(expected YYYY-MM-DD); date taken from the text"))
        entries[name] = ManifestEntry(name, _clean(row.get("outlet")), _clean(row.get("title")),
                                      _clean(row.get("url")), published)
    return entries, problems


def _read_text(path: Path) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as spreadsheets save it."""
    data = Path(path).read_bytes()
    if b"\x00" in data[:4096]:
        raise ValueError("binary file or UTF-16, not a CSV manifest (save it as UTF-8 CSV)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _parse_date(value: str | None) -> date | None:
    value = (value or "").strip()
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
