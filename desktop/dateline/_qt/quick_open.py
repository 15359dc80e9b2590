"""Open the bundled sample corpus at start-up without the extraction worker.

Why: even with every article in the extraction cache, merging them builds the place
gazetteer (~1.4 s), which dominates a cold start. The merged result of the sample corpus is
kept as a plain "dateline/1" JSON document (validated on read, never pickled) keyed by
each article's text hash and publication date and stamped with the extraction rules'
fingerprint, so any
change to the articles or the rules is caught and the worker runs as before. The rules'
fingerprint is checked after the first paint (``is_current``): computing it imports the
whole extractor (~0.2 s).
"""
from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from dateline.atomic import write_text_atomic
from dateline.paths import cache_dir

log = logging.getLogger(__name__)


def _articles(folder: Path, manifest: Path | None):
    from dateline.corpus import load_corpus
    return load_corpus([folder], manifest=manifest)


def rules_fingerprint() -> str:
    from dateline.extract.cache import rules_fingerprint as current
    return current()


def is_current(fingerprint: str) -> bool:
    """Were the cached results made by the extraction rules installed now?"""
    return fingerprint == rules_fingerprint()


def cache_file(articles) -> Path:
    digest = hashlib.sha256(b"dateline-sample/1")
    for a in sorted(articles, key=lambda a: a.id):
        published = a.published.isoformat() if a.published else "-"
        digest.update(f"|{a.id}:{a.sha256}:{published}".encode())
    return cache_dir() / "sample" / f"{digest.hexdigest()[:32]}.json"


def load(folder: Path, manifest: Path | None):
    """(EventStore, rules fingerprint) of the sample corpus from the cache, or None when
    missing or damaged; check the fingerprint with ``is_current``."""
    from dateline.document import validate_document
    from dateline.model.store import EventStore
    try:
        corpus = _articles(folder, manifest)
        if corpus.problems or not corpus.articles:
            return None
        payload = json.loads(cache_file(corpus.articles).read_text(encoding="utf-8"))
        doc, fingerprint = payload["document"], payload["fingerprint"]
        validate_document(doc, origin="sample cache")
        if not isinstance(fingerprint, str):
            raise TypeError("no rules fingerprint")
        texts = {a.id: a.text for a in corpus.articles}
        return EventStore.from_document(doc, texts=texts), fingerprint
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError) as exc:
        log.info("sample corpus cache not used: %s", exc)
        return None


def save(store, folder: Path, manifest: Path | None) -> bool:
    """Keep a problem-free extraction of the sample corpus for the next start."""
    doc = getattr(store, "document", None)
    if not isinstance(doc, dict) or not doc.get("events") or doc.get("problems"):
        return False
    try:
        corpus = _articles(folder, manifest)
        hashes = {a.get("text_sha256") for a in doc.get("articles", ()) if isinstance(a, dict)}
        if corpus.problems or hashes != {a.sha256 for a in corpus.articles}:
            return False                    # not (exactly) the sample corpus
        path = cache_file(corpus.articles)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"fingerprint": rules_fingerprint(), "document": doc}
        write_text_atomic(path, json.dumps(payload, ensure_ascii=False))
        return True
    except (OSError, ValueError, TypeError) as exc:
        log.info("sample corpus cache not written: %s", exc)
        return False
