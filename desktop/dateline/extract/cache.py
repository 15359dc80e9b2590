"""Per-article extraction cache: JSON files keyed by article text hash and extractor version.

A result depends on the text, the publication date (relative dates) and the rules, so
the key hashes all three; the rules' fingerprint covers this package's source files and
the gazetteer/word-list files and the syntax model, so any rule, data or model change
invalidates old entries. Files are written atomically;
an unreadable or malformed file is ignored (and overwritten on the next put).
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from dateline.atomic import write_text_atomic
from dateline.paths import cache_dir, resources_dir

from .records import ArticleExtraction

EXTRACTOR_VERSION = "7"   # bump on any change of output meaning the fingerprint cannot see


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    here = Path(__file__).resolve().parent
    # sub-packages and every resource folder the rules read count too, the syntax model's
    # weights among them (a retrained model parses differently; ~13 MB, ~30 ms)
    files = sorted(here.rglob("*.py"))
    for folder in (resources_dir() / "gazetteer", resources_dir() / "syntax" / "en_ewt"):
        files += sorted(p for p in folder.rglob("*") if p.is_file())
    for path in files:
        try:
            digest.update(path.relative_to(path.parents[1]).as_posix().encode())
            digest.update(path.read_bytes())
        except OSError:
            continue   # frozen bundle without sources: the version constant still applies
    return digest.hexdigest()[:16]


class ExtractionCache:
    def __init__(self, root: str | os.PathLike | None = None):
        self.root = Path(root) if root is not None else cache_dir() / "extract"

    def key(self, article) -> str:
        published = article.published.isoformat() if article.published else "-"
        raw = f"{rules_fingerprint()}|{article.sha256}|{published}"
        return hashlib.sha256(raw.encode()).hexdigest()

    def path(self, article) -> Path:
        key = self.key(article)
        return self.root / key[:2] / f"{key}.json"

    def get(self, article) -> ArticleExtraction | None:
        try:
            data = json.loads(self.path(article).read_text(encoding="utf-8"))
            if data.get("fingerprint") != rules_fingerprint():
                return None
            result = ArticleExtraction.from_dict(data["result"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return result if result.sha256 == article.sha256 else None

    def put(self, article, result: ArticleExtraction) -> None:
        path = self.path(article)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            payload = {"fingerprint": rules_fingerprint(), "result": result.to_dict()}
            write_text_atomic(path, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass   # a read-only or full cache directory only costs speed
