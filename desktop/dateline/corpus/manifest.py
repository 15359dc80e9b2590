"""Read ``manifest.csv`` (file, outlet, title, url, published as YYYY-MM-DD)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

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
    from .reader import Problem  # local: reader imports this module

    problems: list[Problem] = []
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return {}, [Problem(str(path), f"cannot read manifest: {exc}")]
    columns = set(rows[0].keys()) if rows else set()
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if rows and missing:
        return {}, [Problem(str(path), f"manifest lacks column(s) {', '.join(missing)}")]
    entries: dict[str, ManifestEntry] = {}
    for line_no, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            problems.append(Problem(str(path), f"line {line_no}: no file name"))
            continue
        published = _parse_date(row.get("published"))
        if row.get("published") and published is None:
            problems.append(Problem(str(path), f"line {line_no}: bad date {row['published']!r} "
                                               "(expected YYYY-MM-DD); date taken from the text"))
        entries[name] = ManifestEntry(name, _clean(row.get("outlet")), _clean(row.get("title")),
                                      _clean(row.get("url")), published)
    return entries, problems


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _parse_date(value: str | None) -> date | None:
    value = (value or "").strip()
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
