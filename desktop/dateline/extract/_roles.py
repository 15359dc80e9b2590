"""``resources/gazetteer/roles.csv`` read once, and the English demonym suffixes.

Below both the gazetteer (which names countries by their demonyms) and the actor lexicon
(which derives demonyms from the gazetteer's country names), so neither imports the other
for these.
"""
from __future__ import annotations

import csv
from functools import lru_cache

from dateline.paths import resources_dir

# (demonym suffix, country-name ending it replaces): Pakistani, Iranian, Japanese, Turkish...
DEMONYM_SUFFIXES = (("i", ""), ("n", ""), ("an", ""), ("ian", ""), ("ian", "e"), ("ian", "a"),
                    ("an", "o"), ("ese", ""), ("ese", "a"), ("", "istan"), ("ish", "ey"),
                    ("ean", "ea"))


@lru_cache(maxsize=1)
def role_rows() -> dict[str, list[tuple[str, str]]]:
    """kind -> [(word, value)] from roles.csv; empty when the file is missing."""
    rows: dict[str, list[tuple[str, str]]] = {}
    path = resources_dir() / "gazetteer" / "roles.csv"
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                if len(row) < 2 or row[0].startswith("#") or row[0] == "kind":
                    continue
                rows.setdefault(row[0], []).append((row[1], row[2] if len(row) > 2 else ""))
    except OSError:
        pass  # without the table, recognition falls back to pure text rules
    return rows


def curated_demonyms() -> dict[str, str]:
    """The curated demonym -> country table."""
    return dict(role_rows().get("demonym", []))
